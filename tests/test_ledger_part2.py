"""Evidence ledger, part 2: claims, actors, relations, events, positions, glossary and lexicon."""

import re
import shutil

import pandas as pd
import pytest

from readingpack.evidence.language import count_terms, ledger_terms, term_regex
from readingpack.evidence.mentions import count_mentions, find_mentions, ledger_mentions, match_aliases
from readingpack.evidence.settings import setting_ids
from readingpack.ledger import Ledger, LedgerError
from readingpack.paths import data_dir

DATA = data_dir()
LEDGER = Ledger(DATA)
ARTICLE = LEDGER.article
AUTHOR = LEDGER.actors.loc[LEDGER.actors["type"] == "author", "actor_id"].item()
KINDS = ARTICLE.paragraphs["kind"]
BIO = set(KINDS.index[KINDS == "bio"])  # the author's bio, printed after the article
BEFORE_BYLINE = set(KINDS.index[~KINDS.isin(["byline", "bio"])])  # title, standfirst, body


BODY = ARTICLE.paragraphs.index[ARTICLE.paragraphs["kind"] == "body"].tolist()
QUOTED_TABLES = ["claims", "relations", "events", "positions", "glossary"]


def paragraph_start(number: int) -> int:
    return int(ARTICLE.paragraphs.loc[number, "start"])


def quote_spans(table: str) -> pd.DataFrame:
    """The table's rows that have a quote, with the quote's start and end in article.txt."""
    frame = LEDGER[table].dropna(subset=["quote"]).copy()
    frame["start"] = [paragraph_start(p) + ARTICLE.paragraph(p).index(q)
                      for p, q in zip(frame["paragraph"], frame["quote"], strict=True)]
    frame["end"] = frame["start"] + frame["quote"].str.len()
    return frame


def body_sentences() -> pd.DataFrame:
    sentences = LEDGER.sentences
    return sentences[sentences["paragraph"].isin(BODY)]


def overlapping(spans: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    return spans[(spans["start"] < end) & (start < spans["end"])]


# ---- quotes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("table", QUOTED_TABLES)
def test_every_quote_is_exact_and_unique_in_its_paragraph(table):
    rows = LEDGER[table].dropna(subset=["quote"])
    for number, quote in rows[["paragraph", "quote"]].itertuples(index=False):
        assert ARTICLE.paragraph(number).count(quote) == 1, (table, number, quote)


@pytest.mark.parametrize("table", QUOTED_TABLES)
def test_every_quoted_table_checks_its_quotes_in_the_schema(table):
    checks = LEDGER.tables[table].schema.get("x-checks", [])
    assert {"check": "quote_in_paragraph", "quote": "quote", "paragraph": "paragraph"} in checks


def test_every_body_sentence_is_covered_by_a_claim():
    claims = quote_spans("claims")
    uncovered = [
        ARTICLE.text[start:end]
        for start, end in zip(body_sentences()["start"], body_sentences()["end"], strict=True)
        if overlapping(claims, start, end).empty
    ]
    assert uncovered == []


def test_claims_lie_in_body_paragraphs_in_text_order():
    claims = quote_spans("claims")
    assert claims["paragraph"].isin(BODY).all()
    assert claims["claim_id"].tolist() == [f"CL{i:03d}" for i in range(1, len(claims) + 1)]
    assert claims.sort_values(["start", "claim_id"])["claim_id"].tolist() == claims["claim_id"].tolist()


def test_claim_speakers_are_linked_as_speakers():
    links = LEDGER.claim_actors
    speakers = set(zip(links[links["role"] == "speaker"]["claim_id"],
                       links[links["role"] == "speaker"]["actor_id"], strict=True))
    for claim_id, speaker in zip(LEDGER.claims["claim_id"], LEDGER.claims["speaker"], strict=True):
        assert (claim_id, speaker) in speakers
    assert set(links["claim_id"]) == set(LEDGER.claims["claim_id"])


# ---- actors and mentions ---------------------------------------------------------------------


def test_every_alias_is_found_in_the_text():
    mentions = ledger_mentions(LEDGER)
    assert set(LEDGER.actor_aliases["alias"]) - set(mentions["alias"]) == set()


def test_every_named_actor_has_an_alias_and_bio_actors_appear_only_in_the_bio():
    actors, aliases = LEDGER.actors, LEDGER.actor_aliases
    without = set(actors["actor_id"]) - set(aliases["actor_id"])
    assert without == set(actors[actors["type"] == "unnamed_source"]["actor_id"])
    mentions = ledger_mentions(LEDGER)
    for actor_id in actors[actors["bio_only"]]["actor_id"]:
        assert set(mentions[mentions["actor_id"] == actor_id]["paragraph"]) <= BIO, actor_id
    in_body = set(mentions[mentions["paragraph"].isin(BEFORE_BYLINE)]["actor_id"])
    assert set(actors[~actors["bio_only"]]["actor_id"]) - in_body <= {"unnamed_sources", AUTHOR}


def test_in_article_descriptions_are_attributed():
    for text in LEDGER.actors["in_article"]:
        assert re.match(r"(The article|This organisation appears only in the author's bio)", text), text


def test_matching_respects_word_boundaries_and_prefers_the_longest_alias():
    aliases = ["Azerbaijan", "Azerbaijan’s", "EU", "EUMA", "EU Mission in Armenia", "Armenia",
               "U.S.", "U.S"]
    text = ("Azerbaijani media, Azerbaijan’s EUMA, the EU Mission in Armenia, the EU, the U.S. "
            "and the U.S, Armenia.")
    found = [alias for _, _, alias in match_aliases(text, aliases)]
    assert found == ["Azerbaijan’s", "EUMA", "EU Mission in Armenia", "EU", "U.S.", "U.S", "Armenia"]


def small_ledger_frames(text: str):
    paragraphs = pd.DataFrame({"number": [1], "start": [0], "text": [text]})
    aliases = pd.DataFrame({"actor_id": ["azerbaijan", "azerbaijan", "baku", "eu", "euma"],
                            "alias": ["Azerbaijan", "Azerbaijan’s", "Baku", "EU", "EUMA"]})
    actors = pd.DataFrame({"actor_id": ["azerbaijan", "baku", "eu", "euma"],
                           "stands_for": [None, "azerbaijan", None, None]})
    return paragraphs, aliases, actors


def test_mentions_count_baku_for_azerbaijan_and_not_adjectives_or_prefixes():
    text = "Azerbaijani officials said Baku and Azerbaijan’s EUMA critics; the EU."
    mentions = find_mentions(*small_ledger_frames(text))
    counts = dict(count_mentions(mentions).itertuples(index=False))
    assert counts == {"azerbaijan": 2, "eu": 1, "euma": 1}
    as_written = dict(count_mentions(mentions, by="actor_id").itertuples(index=False))
    assert as_written["baku"] == 1 and as_written["azerbaijan"] == 1


# ---- relations, events, positions -----------------------------------------------------------


def test_events_date_only_from_the_text_or_a_cited_reference_row():
    events = LEDGER.events
    unknown = events[events["precision"] == "unknown"]
    assert unknown["start"].isna().all() and unknown["end"].isna().all()
    assert unknown["date_source"].isna().all()
    dated = events[events["precision"] != "unknown"]
    not_printed = dated[dated["date_as_printed"].isna()]
    assert not_printed["date_source"].notna().all(), not_printed["event_id"].tolist()
    for note in events["date_note"]:
        assert note.strip()


def test_printed_dates_without_a_year_use_the_publication_year():
    events = LEDGER.events
    published = ARTICLE.metadata["published"]  # year-month-day
    month_day = re.compile(r"(January|February|March|April|May|June|July|August|September|"
                           r"October|November|December) \d{1,2}")
    rows = zip(events["date_as_printed"], events["start"], events["date_note"], strict=True)
    for printed, start, note in rows:
        if isinstance(printed, str) and month_day.fullmatch(printed):
            assert start.year == int(published[:4]) and published in note, printed


def test_repeated_events_point_to_a_first_mention():
    events = LEDGER.events.set_index("event_id")
    for event_id, first in events["same_event_as"].dropna().items():
        assert first != event_id and pd.isna(events.loc[first, "same_event_as"])


def test_every_issue_has_both_governments_and_labels_sit_in_their_quotes():
    positions = LEDGER.positions
    both = set(setting_ids("positions.governments", LEDGER, "actors"))
    assert len(both) == 2
    for issue_id in LEDGER.issues["issue_id"]:
        governments = set(positions[positions["issue_id"] == issue_id]["government"])
        assert governments == both, issue_id
    for label, quote in zip(positions["label"], positions["quote"], strict=True):
        if isinstance(label, str):
            assert isinstance(quote, str) and label in quote
    rows = zip(positions["reported_position"], positions["quote"], positions["paragraph"], strict=True)
    for text, quote, number in rows:
        assert text.startswith("The article")
        assert pd.isna(quote) == pd.isna(number)
        assert pd.notna(quote) or "does not report" in text


# ---- glossary and lexicon -------------------------------------------------------------------


def test_every_lexicon_term_occurs_in_the_text():
    counts = count_terms(LEDGER.lexicon, ledger_terms(LEDGER))
    assert counts[counts["occurrences"] == 0]["term"].tolist() == []
    quoted = set(LEDGER.lexicon[LEDGER.lexicon["category"] == "quoted_term"]["term"])
    assert set(re.findall(r"“[^”“]*”", ARTICLE.text)) <= quoted


def test_term_matching_is_whole_word_and_case_insensitive_unless_a_pattern_says_otherwise():
    assert term_regex("may").findall("May you, mayor? It may.") == ["May", "may"]
    assert term_regex("claims").findall("He claims; counterclaims") == ["claims"]
    assert term_regex("x", r"(?-i:US)").findall("US us") == ["US"]


# ---- corrupted copies -----------------------------------------------------------------------


@pytest.mark.parametrize("file", ["claims.csv", "actors.csv", "events.csv", "positions.csv", "lexicon.csv"])
def test_a_missing_column_or_an_empty_file_is_named(tmp_path, file):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    path = copy / file
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    path.write_text(",".join(header[:-1]) + "\n", encoding="utf-8")
    with pytest.raises(LedgerError, match=rf"^{re.escape(file)}, line 1: missing column"):
        Ledger(copy)
    path.write_text("", encoding="utf-8")
    with pytest.raises(LedgerError, match=rf"^{re.escape(file)}: the file is empty"):
        Ledger(copy)
