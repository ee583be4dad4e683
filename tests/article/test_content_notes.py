"""Every content note is short, says what is coming without its detail, and names the losses
and displacement of both peoples in the conflict.

A content note is the paragraph that opens with "**Content note.**" in a markdown cell of
notebooks/, solutions/ and exercises/. Each is at most 60 words (the reference ids in it
included), names both peoples (Azerbaijanis and Armenians), and traces at least one fact
documenting losses or displacement of Armenians and at least one documenting losses or
displacement of Azerbaijanis to a row of data/reference/facts.csv. From lesson 1 on, where the
reference ids are explained, a note cites them ([K3c, C4]). Lesson 0 comes before that: its note
names each source in words ("a UN representative"), and its cell's metadata `sources_named`
gives the row each name stands for, so that the test can trace it. The figures themselves belong
in lesson 1's background, not in a note. Every lesson, and every exercise sheet that works with
deaths or displacement, has one.
"""

import re

import nbformat
import pytest

from readingpack.ledger import load_ledger
from readingpack.paths import PROJECT_ROOT

FACT_ID = re.compile(r"\b[A-Z]\d+[a-z]?\b")
# A word of a source's name that names nothing by itself.
COMMON = {"a", "an", "the", "of", "and", "on", "for", "in"}

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
# - M23: Armenia's Prime Minister on Armenians displaced from Azerbaijan.
# - M22 (killings of civilians of both peoples in the first war) and M20 (the 2020 war's dead as
#   each government reported them) document both peoples' losses.
ARMENIANS = {"K3c", "K3e", "B3", "C1", "C2", "S8", "C3", "C5", "C6", "S2", "S3", "S4",
             "M23", "M22", "M20"}
# - K3a: "an estimated 650,000 Azeris" internally displaced and "185,000 ethnic Azeri refugees"
#   from Armenia; K3b: people displaced within Azerbaijan (IDMC); K3d: Azerbaijan's government's
#   own figures for Azerbaijanis; K3e: both peoples.
# - C4, S5: Azerbaijan's losses in the September 2023 military operation, as its Ministry of
#   Health reported them (servicemen and one civilian).
# - M14: landmine casualties in Azerbaijan since the 2020 war; M13: the mine explosions of
#   19 Sep 2023 as Azerbaijan's authorities gave them; M22 and M20: both peoples (above).
AZERBAIJANIS = {"K3a", "K3b", "K3d", "K3e", "C4", "S5", "M14", "M13", "M22", "M20"}
LIMIT = 60
NOTE = re.compile(r"\*\*Content note\.\*\*.*?(?=\n\s*\n|\Z)", re.S)
# Detail a note must not carry: a number of people (the counts are in lesson 1's background)
# and the ages or kinds of the victims.
DETAIL = re.compile(r"\b\d[\d,]*\s+(?:people|civilians|servicemen|killed|dead|refugees|children)\b"
                    r"|\b(?:more|less) than \d|\bchildren\b", re.I)


SOURCES_NAMED = {}  # note -> {reference id: [the words of the note that name its source]}


def content_notes():
    for folder in ("notebooks", "solutions", "exercises"):
        for path in sorted((PROJECT_ROOT / folder).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            for cell in nb.cells:
                if cell.cell_type == "markdown" and "Content note" in cell.source:
                    found = NOTE.search(cell.source)
                    name = f"{folder}/{path.name}#{cell.get('id')}"
                    SOURCES_NAMED[name] = dict(cell.metadata.get("sources_named", {}))
                    yield name, found.group(0) if found else cell.source


NOTES = list(content_notes())


def traced_ids(name: str, text: str) -> set[str]:
    """The reference rows a note traces its facts to: ids it cites, and sources it names."""
    return set(FACT_ID.findall(text)) | set(SOURCES_NAMED[name])


def name_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w.]+", text.casefold().replace("u.s.", "us")) if w not in COMMON}


@pytest.fixture(scope="module")
def fact_ids():
    return set(load_ledger().reference_facts["id"])


def test_the_pack_has_content_notes():
    """Every lesson; and the exercise sheets that work with deaths or displacement (3, 5, 8),
    whose notes come from their solution notebooks."""
    names = {name.split("#")[0] for name, _ in NOTES}
    lessons = {f"notebooks/{path.name}" for path in (PROJECT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert lessons <= names, sorted(lessons - names)
    for folder in ("solutions", "exercises"):
        for sheet in ("03_figures", "05_timeline", "08_checking_claims"):
            if (PROJECT_ROOT / folder / f"{sheet}.ipynb").exists():
                assert f"{folder}/{sheet}.ipynb" in names, f"{folder}/{sheet}.ipynb has no content note"


def words(text: str) -> int:
    return sum(1 for token in text.split() if re.search(r"\w", token))


@pytest.mark.parametrize(("name", "text"), NOTES, ids=[name for name, _ in NOTES])
def test_each_note_is_short_and_without_detail(name, text):
    assert text.startswith("**Content note.**"), f"{name}: a note opens with **Content note.**"
    assert words(text) <= LIMIT, f"{name}: {words(text)} words (at most {LIMIT})"
    detail = DETAIL.search(text)
    assert not detail, f"{name} carries detail ({detail.group(0)!r}): the figures belong in lesson 1"
    assert re.search(r"\bAzerbaijanis\b", text) and re.search(r"\bArmenians\b", text), (
        f"{name} must name both peoples, Azerbaijanis and Armenians")


def test_the_detail_finder():
    assert DETAIL.search("10 confirmed civilian deaths, five of them children")
    assert DETAIL.search("more than 100,000 Karabakh Armenians fled")
    assert DETAIL.search("218 people died")
    assert not DETAIL.search("counts of people killed and of people who fled [C4, K3a]")


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
    cited = traced_ids(name, text)
    assert cited <= fact_ids, f"{name} cites ids not in facts.csv: {sorted(cited - fact_ids)}"
    assert cited & ARMENIANS, f"{name} cites no fact on Armenians' losses or displacement"
    assert cited & AZERBAIJANIS, f"{name} cites no fact on Azerbaijanis' losses or displacement"


def test_lesson_0_names_its_sources_in_words_and_cites_no_id():
    """A first-time reader meets reference ids in lesson 1, which explains them; lesson 0 names
    the sources in words and says where to find them."""
    lesson_0 = [(name, text) for name, text in NOTES if name.startswith("notebooks/00_")]
    assert lesson_0
    for name, text in lesson_0:
        assert FACT_ID.findall(text) == [], f"{name}: a reference id before lesson 1 explains them"
        assert SOURCES_NAMED[name], f"{name}: name each source in words (metadata sources_named)"
        assert "Lesson 1" in text, f"{name}: say where each source is given in full"
        assert "instructor" not in text, f"{name}: a learner alone reads it too"


@pytest.mark.parametrize("name", [n for n, _ in NOTES if SOURCES_NAMED[n]])
def test_each_source_named_in_words_is_the_source_of_its_row(name):
    """Each name is in the note, and shares a word with a publisher that states the row (or the
    row's source), so the name cannot drift from the row it stands for."""
    ledger = load_ledger()
    text = dict(NOTES)[name]
    publishers = ledger.reference_publishers.set_index("publisher_id")["name"]
    stated = ledger.reference_fact_publishers
    for fact_id, names in SOURCES_NAMED[name].items():
        row = ledger.reference_facts.set_index("id").loc[fact_id]
        sources = [row["source"], *publishers[stated[(stated["fact_id"] == fact_id)
                                                     & (stated["role"] == "stated")]["publisher_id"]]]
        for words in names:
            assert words in text, f"{name}: {words!r} is not in the note"
            assert any(name_words(words) & name_words(source) for source in sources), (
                f"{name}: {words!r} does not name a source of {fact_id} ({sources})")
