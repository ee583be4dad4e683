"""The courts in their own words, and their own pages first (issue 21).

- The ICJ's Order of 22 Feb 2023 says "the information available to the Court indicates" and
  "the evidence also indicates" (reference row M3): no text of the pack's data says the Court
  "found" what that passage says, and a row quoting the passage quotes its verb.
- Wherever the data says provisional measures are "not a final judgment on the merits", it
  also says they are binding (M5).
- A reference fact whose document has its own page (the Court's for D1, D2, L1, L2, M1; UNHCR's
  for M8; the ICRC's for L10) lists that page first wherever its links are shown.
- A copy of a document on a site of one side (armenian-genocide.org, a site whose name takes a
  side; diaspora and party-country outlets) is labelled a reproduction, and never the only link
  to a court's order or a UN document.
"""

import re
from urllib.parse import urlparse

import pytest

from readingpack.evidence.links import fact_links
from readingpack.ledger import load_ledger

LEDGER = load_ledger()
FACTS = LEDGER.reference_facts.set_index("id")
PUBLISHERS = LEDGER.reference_publishers.set_index("publisher_id")
STATED = LEDGER.reference_fact_publishers.merge(LEDGER.reference_publishers, on="publisher_id")
LABELS = LEDGER.reference_link_labels
PARTISAN = {"AM", "AZ", "NK", "AM-media", "AZ-media"}
# Tables that are other people's words verbatim, and columns that hold quotations.
VERBATIM = {"reference_facts", "reference_fact_values", "reference_quoted_sources", "paragraphs",
            "sentences"}
QUOTE_COLUMNS = ("quote", "text", "authors_words", "phrase", "term", "example", "match", "forms", "link")

# The passage of M3, and the Court's verbs for it.
M3_PASSAGE = re.compile(r"impeded the transfer of persons|hindrances to the importation", re.I)
COURT_FOUND = re.compile(r"\b(?:ICJ|Court|court|Order|order)\b[^.;]{0,80}?\bfound\b"
                         r"|\bfound by the (?:ICJ|Court)\b|\b(?:the ICJ|the Court)['’]s find", re.I)
NOT_FINAL = re.compile(r"not a (?:final )?judgment on the merits", re.I)
# Who publishes a document's own page, by address.
OWN_PAGES = {"icj-cij.org": "icj", "www.icj-cij.org": "icj", "unhcr.org": "unhcr",
             "www.icrc.org": "icrc", "undocs.org": "un-security-council",
             "press.un.org": "un-secretary-general"}
PRIMARY_FIRST = {"D1": "icj", "D2": "icj", "L1": "icj", "L2": "icj", "M1": "icj", "M8": "unhcr",
                 "L10": "icrc"}
# A copy the list names but gives no address for: nothing to label.
NO_ADDRESS = {("M21", "panarmenian"): "the list names PanArmenian's copy but gives only Asbarez's"}


def data_texts():
    """(table, column, row number, text) of every text cell in the pack's own voice."""
    for name in LEDGER.names:
        if name in VERBATIM:
            continue
        frame = LEDGER[name]
        for column in frame.columns:
            if str(frame[column].dtype) != "string" or any(k in column for k in QUOTE_COLUMNS):
                continue
            for number, value in frame[column].dropna().items():
                yield name, column, number, str(value)


TEXTS = list(data_texts())


def test_the_scan_reaches_the_court_texts():
    names = {(table, column) for table, column, _, _ in TEXTS}
    assert {("paragraph_context", "note"), ("positions", "reported_position"),
            ("glossary", "definition"), ("reference_publishers", "note")} <= names


def test_no_data_text_says_the_court_found():
    said = [(t, c, n, text[:120]) for t, c, n, text in TEXTS if COURT_FOUND.search(text)]
    assert said == []
    assert COURT_FOUND.search("What the ICJ found about the effects of the disruption")
    assert COURT_FOUND.search("the ICJ, a court, found that the disruption has impeded")
    assert COURT_FOUND.search("The same Order found “hindrances to the importation”")


def test_rows_quoting_the_passage_use_the_courts_verb():
    quoting = [(t, c, n, text) for t, c, n, text in TEXTS if M3_PASSAGE.search(text)]
    assert quoting, "some data text quotes M3's passage"
    for table, column, number, text in quoting:
        assert "indicates" in text, (table, column, number)
    assert "indicates" in FACTS.loc["M3", "value"]


def test_not_a_final_judgment_always_comes_with_binding():
    saying = [(t, c, n, text) for t, c, n, text in TEXTS if NOT_FINAL.search(text)]
    assert saying, "some data text says provisional measures are not a judgment on the merits"
    for table, column, number, text in saying:
        assert "binding" in text, (table, column, number, text[:120])


@pytest.mark.parametrize(("fact_id", "publisher"), PRIMARY_FIRST.items())
def test_the_documents_own_page_is_the_first_link(fact_id, publisher):
    first = fact_links(LEDGER, fact_id)[0]
    assert first["kind"] == "primary"
    assert OWN_PAGES[urlparse(first["link"]).netloc] == publisher


def test_every_fact_with_an_own_page_lists_one_first():
    for fact_id in FACTS.index:
        links = fact_links(LEDGER, fact_id)
        hosts = [urlparse(row["link"]).netloc for row in links]
        if any(host in OWN_PAGES for host in hosts):
            assert hosts[0] in OWN_PAGES, (fact_id, hosts)


def test_primary_labels_point_to_a_page_of_the_documents_publisher():
    for row in LABELS[LABELS["kind"] == "primary"].to_dict("records"):
        assert OWN_PAGES[urlparse(row["link"]).netloc] == row["publisher_id"], row
        cells = FACTS.loc[row["from_fact"], ["link", "link_2", "link_3", "link_4"]].fillna("")
        assert row["link"] in set(cells), f"{row['link']} is not a link of {row['from_fact']}"


def test_partisan_copies_are_labelled_reproductions():
    copies = STATED[STATED["role"].isin(["reproduced", "reprinted", "hosted a copy"])
                    & STATED["side"].isin(PARTISAN)]
    assert "armenian-genocide-org" in set(copies["publisher_id"])
    labelled = set(zip(LABELS.loc[LABELS["kind"] == "reproduction", "fact_id"],
                       LABELS.loc[LABELS["kind"] == "reproduction", "publisher_id"], strict=True))
    for fact_id, publisher in zip(copies["fact_id"], copies["publisher_id"], strict=True):
        if (fact_id, publisher) not in NO_ADDRESS:
            assert (fact_id, publisher) in labelled, (fact_id, publisher)
    for fact_id in FACTS.index:  # a site whose name takes a side, wherever it is linked
        for row in fact_links(LEDGER, fact_id):
            if "armenian-genocide.org" in row["link"]:
                assert row["kind"] == "reproduction" and "reproduced" in row["label"], fact_id


def test_a_reproduction_is_never_the_only_link_to_a_court_or_un_document():
    official = {"icj", "un-security-council", "un-secretary-general", "unhcr", "icrc"}
    copies = LABELS[(LABELS["kind"] == "reproduction")
                    & LABELS["publisher_id"].map(PUBLISHERS["side"]).isin(PARTISAN)]
    partisan_copies = set(copies["link"])
    assert any("armenian-genocide.org" in link for link in partisan_copies)
    stated = STATED[STATED["role"] == "stated"]
    for fact_id in sorted(set(stated.loc[stated["publisher_id"].isin(official), "fact_id"])):
        links = fact_links(LEDGER, fact_id)
        partisan = [row["link"] for row in links if row["link"] in partisan_copies]
        if partisan:
            assert len(links) > len(partisan), f"{fact_id}: only a partisan copy {partisan}"
