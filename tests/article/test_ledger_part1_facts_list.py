"""Evidence ledger, part 1: paragraphs, sentences, figures, reference facts and their links."""

import csv
import re
import shutil

import pytest

from packtools.factsmd import FACT_SECTIONS, facts_md_path, read_tables
from readingpack.article import load_article
from readingpack.ledger import Ledger, LedgerError
from readingpack.paths import data_dir

DATA = data_dir()
ARTICLE = load_article()
LEDGER = Ledger(DATA)
FIGURES = LEDGER.figures
ROWS = LEDGER.tables["figures"].rows  # parsed values, None where a cell is empty


def paragraph(number: int) -> str:
    return ARTICLE.paragraph(number)


def read_rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# ---- the text and its paragraphs ----------------------------------------------------------------


# ---- sentences ----------------------------------------------------------------------------------


def sentences_of(number: int) -> list[str]:
    rows = LEDGER.sentences[LEDGER.sentences["paragraph"] == number].sort_values("sentence")
    return [ARTICLE.text[s:e] for s, e in zip(rows["start"], rows["end"], strict=True)]


# ---- figures: exact quotes ----------------------------------------------------------------------


def figure_spans() -> dict[int, list[tuple[int, int]]]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for number, quote in zip(FIGURES["paragraph"], FIGURES["quote"], strict=True):
        start = paragraph(number).find(quote)
        spans.setdefault(number, []).append((start, start + len(quote)))
    return spans


def covered(number: int, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in figure_spans().get(number, []))


DIGIT_TOKEN = re.compile(r"\S*\d\S*")


def digit_tokens():
    for number in ARTICLE.paragraphs.index:
        for match in DIGIT_TOKEN.finditer(paragraph(number)):
            token = match.group()
            lead = len(token) - len(token.lstrip("“”\"'(,."))
            trail = len(token) - len(token.rstrip("“”\"'),.:;"))
            yield number, match.start() + lead, match.end() - trail


NUMBER_WORDS = str.split(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions "
    "first second third fourth fifth sixth seventh eighth ninth tenth "
    "dozen dozens half single double twice triple once both couple pair quarter"
)
NUMBER_WORD = re.compile(r"\b(?:" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)

# (paragraph, the exact words around the number word, the number word, why it is not a figure)
EXCLUSIONS = [
    (4, "one-sided", "one", "a compound adjective (one-sided narratives), not a quantity"),
    (5, "During both meetings", "both",
     "points back to the two meetings already dated (October 18, October 24); no new figure"),
    (5, "Presidents of both counties", "both",
     "points back to Armenia and Azerbaijan, counted once in F014 ('the two countries')"),
    (8, "both parties", "both", "points back to the two parties to the conflict; no new figure"),
    (12, "Leave No One Behind", "One", "part of the name of a UN principle, not a quantity"),
    (15, "one of Azerbaijan’s preconditions", "one",
     "'one of' picks out an item; the article gives no count of preconditions"),
]


# ---- figures: what the rows say ------------------------------------------------------------------


def figure(quote: str, number: int | None = None) -> dict:
    rows = [r for r in ROWS if r["quote"] == quote and number in (None, r["paragraph"])]
    assert len(rows) == 1, quote
    return rows[0]


# ---- reference facts --------------------------------------------------------------------------


def ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(1, count + 1)]


LIST_TABLES = read_tables(facts_md_path().read_text(encoding="utf-8"))
LIST_ROWS = {row["id"]: row for section, table in LIST_TABLES.items()
             if section in FACT_SECTIONS for row in table}  # FACTS.md's rows, as text
FACT_IDS = list(LIST_ROWS)


def test_reference_ids_match_the_sections():
    facts = read_rows(DATA / "reference" / "facts.csv")
    assert [r["id"] for r in facts] == FACT_IDS
    assert all(r["id"][0] == r["section"] for r in facts)
    assert [r["id"] for r in read_rows(DATA / "reference" / "quoted_sources.csv")] == ids("H", 5)


def test_links_are_as_given_and_never_invented():
    facts = {r["id"]: r for r in read_rows(DATA / "reference" / "facts.csv")}
    for fid, row in facts.items():
        cell = LIST_ROWS[fid]["link"]
        links = [row[c] for c in ("link", "link_2", "link_3", "link_4")]
        assert links == sorted(links, key=lambda link: link == ""), fid  # no gap before a link
        for link in filter(None, links):
            assert re.fullmatch(r"https?://[^\s;]+", link), (fid, link)
            assert re.search(re.escape(link) + r"(\s|;|$)", cell), (fid, link, "not a whole link")
        assert (row["link"] == "") == (cell == "—"), fid
    assert facts["D1"]["link_note"] == "the Order, reproduced; a report quoting it"
    assert facts["B3"]["side_as_given"] == "AM; INTL"
    assert facts["E10"]["side_as_given"] == "AM (reported by RU)"
    assert [f for f, r in facts.items() if r["after_article"] == "true"] == ["E11", "E12"]


SPELLED_NUMBERS = {2: "two", 5: "five", 1_000_000: "one million"}  # numbers the list spells


def test_fact_values_quote_their_fact_and_print_their_number():
    facts = {r["id"]: r for r in read_rows(DATA / "reference" / "facts.csv")}
    for row in LEDGER.tables["reference_fact_values"].rows:
        assert row["value_id"].split(".")[0] == row["fact_id"]
        assert row["quote"] in facts[row["fact_id"]][row["field"]], row["value_id"]
        for column in ("value_low", "value_best", "value_high"):
            value = row[column]
            if value is not None:
                printed = {f"{value:,.0f}", f"{value:g}", f"{value:.1f}"}
                if value in SPELLED_NUMBERS:
                    printed.add(SPELLED_NUMBERS[value])
                assert any(p in row["quote"] for p in printed), row["value_id"]
        if row["date_precision"] == "day":
            day, cell = row["date_start"], facts[row["fact_id"]][row["field"]]
            assert f"{day.day} {day:%b}" in row["quote"], row["value_id"]
            # a list of days of one year ("Aghdam 20 Nov, ..., Lachin 1 Dec 2020") prints it once
            assert str(day.year) in row["quote"] or cell.count(str(day.year)) == 1, row["value_id"]
    areas = [r for r in LEDGER.tables["reference_fact_values"].rows
             if r["fact_id"].startswith("A") and r["field"] == "value"]
    assert len(areas) == 12 and all(r["unit"] == "km2" for r in areas)


def test_figure_links_point_at_the_right_facts():
    links = LEDGER.figure_reference
    for row in LEDGER.tables["figure_reference"].rows:
        assert row["value_id"] is None or row["value_id"].split(".")[0] == row["reference_id"]

    def targets(quote, number=None):
        fid = figure(quote, number)["figure_id"]
        rows = links[links["figure_id"] == fid]
        return dict(zip(rows["reference_id"], rows["relation"], strict=True))

    assert targets("at least 215 square kilometres") == {
        "E9": "same_measure", "E10": "different_measure", "K6b": "context", "K6c": "context",
        "M19": "context"}
    assert set(targets("the remaining 100,000")) == {"B3", "C1", "C2"}
    assert set(targets("At least 220 more people died")) == {"C3"}
    assert set(targets("64 more people passed away")) == {"C6"}
    assert set(targets("27 civilians")) == {"C4", "S2", "S3", "S4"}
    assert set(targets("more than two hundred casualties")) == {"C4", "C5"}
    assert set(targets("four hundred injured")) == {"C4", "C5"}
    assert set(targets("nine-month blockade")) == {"D1"}
    assert targets("claims of no civilian casualties") == {
        "S1": "context", "C4": "context", "C5": "context"}
    assert set(targets("November 9", 3)) == {"E1"}
    assert set(targets("November 12")) == {"E2"}
    assert set(targets("October 24")) == set(targets("16th BRICS Summit")) == {"E7"}
    assert set(targets("February 22, 2022")) == {"E4"}
    assert set(targets("November 2022")) == {"E5"}
    assert set(targets("a 1989 unification act")) == {"E8"}


# ---- the package as a whole -----------------------------------------------------------------------


def test_every_fact_of_facts_md_is_a_row():
    assert len(LEDGER["reference_facts"]) == len(FACT_IDS)


# ---- corrupted copies fail loudly -----------------------------------------------------------------


def edit_cell(path, figure_or_key: str, column: str, value: str) -> int:
    """Set one cell of the row whose first cell is `figure_or_key`; return its file line."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    index = next(i for i, r in enumerate(rows) if r[0] == figure_or_key)
    rows[index][rows[0].index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return index + 1


def drop_column(path, column: str) -> None:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    position = rows[0].index(column)
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([r[:position] + r[position + 1:] for r in rows])


@pytest.fixture
def copy(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data"


def load_error(folder) -> str:
    with pytest.raises(LedgerError) as caught:
        Ledger(folder)
    return str(caught.value)


