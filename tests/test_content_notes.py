"""Every content note names the losses and displacement of both peoples in the conflict.

A content note is a markdown cell containing "Content note", in notebooks/, solutions/ and
exercises/. Each must cite (by reference id, e.g. [K3c, C4]) at least one fact documenting
losses or displacement of Armenians and at least one documenting losses or displacement of
Azerbaijanis, and every id it cites must be a row of data/reference/facts.csv.
"""

import re

import nbformat
import pytest

from readingpack.ledger import load_ledger
from readingpack.paths import PROJECT_ROOT

FACT_ID = re.compile(r"\b[A-Z]\d+[a-z]?\b")

# Which reference facts document whose losses or displacement, read from the facts and the
# `counts_what` of data/reference/fact_values.csv:
# - K3c: "ethnic Armenians who fled Azerbaijan"; K3e: refugees and displaced persons "in
#   Armenia and Azerbaijan" (both peoples, one figure).
# - C1, C2, S8: people from Nagorno-Karabakh who arrived in / fled to Armenia (the flight of the
#   Karabakh Armenians, late September 2023); B3: the Armenian population before it.
# - C5, S2, S3, S4: people killed "on the Armenian side" (the de facto authorities' Human Rights
#   Defender; Armenia's Investigative Committee); C3: the dead of the fuel depot explosion near
#   Stepanakert/Khankendi during that flight; C6: people who died on the road to Armenia.
# K3a's third figure ("over 300,000 refugees" in Armenia) does not say who they were, so K3a is
# counted only for its Azerbaijani figures.
ARMENIANS = {"K3c", "K3e", "B3", "C1", "C2", "S8", "C3", "C5", "C6", "S2", "S3", "S4"}
# - K3a: "an estimated 650,000 Azeris" internally displaced and "185,000 ethnic Azeri refugees"
#   from Armenia; K3b: people displaced within Azerbaijan (IDMC); K3d: Azerbaijan's government's
#   own figures for Azerbaijanis; K3e: both peoples.
# - C4, S5: Azerbaijan's losses in the September 2023 military operation, as its Ministry of
#   Health reported them (servicemen and one civilian).
AZERBAIJANIS = {"K3a", "K3b", "K3d", "K3e", "C4", "S5"}


def content_notes():
    for folder in ("notebooks", "solutions", "exercises"):
        for path in sorted((PROJECT_ROOT / folder).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            for cell in nb.cells:
                if cell.cell_type == "markdown" and "Content note" in cell.source:
                    yield f"{folder}/{path.name}#{cell.get('id')}", cell.source


NOTES = list(content_notes())


@pytest.fixture(scope="module")
def fact_ids():
    return set(load_ledger().reference_facts["id"])


def test_the_pack_has_content_notes():
    names = {name.split("#")[0] for name, _ in NOTES}
    assert {"notebooks/00_start_here.ipynb", "notebooks/01_article_and_setting.ipynb",
            "notebooks/03_figures.ipynb", "notebooks/08_checking_claims.ipynb"} <= names


def test_the_id_sets_are_reference_facts(fact_ids):
    assert not (ARMENIANS | AZERBAIJANIS) - fact_ids


def test_the_id_sets_match_the_facts():
    """A light check that the mapping above still reads the data: each Azerbaijani id's text
    names Azerbaijan or Azerbaijanis, and each Armenian id's text names Armenia, Armenians,
    Nagorno-Karabakh/Stepanakert or its de facto authorities."""
    ledger = load_ledger()
    values = ledger.reference_fact_values.groupby("fact_id")["counts_what"].apply(" ".join)
    facts = ledger.reference_facts.set_index("id")
    for fact_id in ARMENIANS | AZERBAIJANIS:
        text = " ".join([facts.loc[fact_id, "fact"], str(facts.loc[fact_id, "value"]),
                         str(facts.loc[fact_id, "source"]), values.get(fact_id, "")])
        if fact_id in AZERBAIJANIS:
            assert re.search(r"Azer", text), fact_id
        if fact_id in ARMENIANS:
            assert re.search(r"Armenia|Karabakh|Stepanakert|de facto authorities", text), fact_id


@pytest.mark.parametrize(("name", "text"), NOTES, ids=[name for name, _ in NOTES])
def test_each_note_names_both_peoples_with_existing_ids(name, text, fact_ids):
    cited = set(FACT_ID.findall(text))
    assert cited <= fact_ids, f"{name} cites ids not in facts.csv: {sorted(cited - fact_ids)}"
    assert cited & ARMENIANS, f"{name} cites no fact on Armenians' losses or displacement"
    assert cited & AZERBAIJANIS, f"{name} cites no fact on Azerbaijanis' losses or displacement"
