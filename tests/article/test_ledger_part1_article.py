"""Evidence ledger, part 1, as this article's facts: its sentences, number words, figures and
dates by their quotes, the reference list FACTS.md, and corrupted copies of its rows."""

import csv
import re
from datetime import date

import pytest
from test_ledger_part1 import (  # noqa: F401 (copy is a fixture)
    ARTICLE,
    DATA,
    LEDGER,
    ROWS,
    copy,
    covered,
    digit_tokens,
    load_error,
    paragraph,
    read_rows,
)

from packtools.factsmd import FACT_SECTIONS, facts_md_path, read_tables

# ---- the text and its paragraphs ----------------------------------------------------------------


# ---- sentences ----------------------------------------------------------------------------------


# ---- figures: exact quotes ----------------------------------------------------------------------


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


FIGURES = LEDGER.figures


def sentences_of(number: int) -> list[str]:
    rows = LEDGER.sentences[LEDGER.sentences["paragraph"] == number].sort_values("sentence")
    return [ARTICLE.text[s:e] for s, e in zip(rows["start"], rows["end"], strict=True)]


def test_sentence_boundaries_that_are_judgements():
    assert sentences_of(12)[0] == (
        "Azerbaijan ignored warnings from the U.S. and the EU that ethnic cleansing "
        "would not be tolerated in Nagorno-Karabakh."
    )
    assert any("(CERD) v. Azerbaijan at the ICJ" in s for s in sentences_of(14))
    assert any("the outgoing U.S. administration".lower() in s.lower() for s in sentences_of(20))
    p17 = sentences_of(17)
    assert p17[5].endswith("“share responsibility with Armenia for any possible destabilising provocations.")
    assert p17[6].startswith("In his November 9 speech")
    assert sentences_of(7)[-1].endswith("Armenia.\xa0")
    assert len(sentences_of(1)) == len(sentences_of(21)) == 1 and len(sentences_of(23)) == 8






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


def test_exclusions_are_exact_and_give_a_reason():
    for number, context, word, reason in EXCLUSIONS:
        assert paragraph(number).count(context) == 1, context
        assert NUMBER_WORD.search(context).group() == word and reason.strip()


def test_every_number_word_is_a_figure_or_excluded():
    excluded = {}
    for number, context, _word, _reason in EXCLUSIONS:
        start = paragraph(number).find(context)
        excluded[(number, start, start + len(context))] = 0
    found, uncovered = 0, []
    for number in ARTICLE.paragraphs.index:
        for match in NUMBER_WORD.finditer(paragraph(number)):
            found += 1
            if covered(number, match.start(), match.end()):
                continue
            hit = [k for k in excluded if k[0] == number and k[1] <= match.start() and match.end() <= k[2]]
            if hit:
                excluded[hit[0]] += 1
            else:
                uncovered.append((number, match.group()))
    assert uncovered == []
    assert all(count == 1 for count in excluded.values()), "an exclusion matches no number word"
    assert found == 22


def test_standfirst_figures_repeat_paragraph_3():
    stand = [r for r in ROWS if r["paragraph"] == 2]
    assert len(stand) == 3
    by_id = {r["figure_id"]: r for r in ROWS}
    for row in stand:
        target = by_id[row["same_as"]]
        assert target["paragraph"] == 3 and target["quote"] == row["quote"]
    assert {r["quote"] for r in ROWS if r["paragraph"] == 23} == {"first career", "Since 2021"}


def test_casualties_ambiguity_and_additions_are_data():
    casualties = [r for r in ROWS if r["kind"] == "casualties"]
    assert len(casualties) == 2
    assert all("killed and wounded" in r["ambiguity"] for r in casualties)
    two_hundred = figure("more than two hundred casualties")
    deaths_220 = figure("At least 220 more people died")
    deaths_64 = figure("64 more people passed away")
    assert deaths_220["in_addition_to"] == two_hundred["figure_id"]
    assert deaths_64["in_addition_to"] == deaths_220["figure_id"]
    assert sum(r["in_addition_to"] is not None for r in ROWS) == 2
    assert deaths_220["value_low"] == 220 and deaths_220["value_best"] is None
    assert "remained" in figure("the remaining 100,000")["ambiguity"]


def test_dates_without_a_year_take_the_publication_year():
    no_year = [r for r in ROWS if r["year_printed"] is False]
    assert sorted(r["quote"] for r in no_year) == sorted(
        ["November 9", "November 9", "November 12", "October 18", "October 24", "November 9 speech"]
    )
    assert all(r["date_start"].year == 2024 and "2024-11-22" in r["date_note"] for r in no_year)
    dated = [r for r in ROWS if r["kind"] in ("date", "year")]
    assert all(r["year_printed"] is not None and r["date_start"] for r in dated)
    span = next(r for r in ROWS if r["quote"] == "in 2021-2023")
    assert (span["date_start"], span["date_end"]) == (date(2021, 1, 1), date(2023, 12, 31))


def edit_cell(path, figure_or_key: str, column: str, value: str) -> int:
    """Set one cell of the row whose first cell is `figure_or_key`; return its file line."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    index = next(i for i, r in enumerate(rows) if r[0] == figure_or_key)
    rows[index][rows[0].index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return index + 1


@pytest.mark.parametrize(
    "file,key,column,value,expected",
    [
        ("figures.csv", "F015", "quote", "at least 216 square kilometres", "not an exact substring"),
        ("figures.csv", "F023", "date_start", "2024-02-30", "'2024-02-30' is not a real date"),
        ("figures.csv", "F015", "value_low", "215 km2", "'215 km2' is not a number"),
        ("figure_reference.csv", "F015", "figure_id", "F999", "'F999' is not a figure_id of figures.csv"),
        ("reference/fact_values.csv", "C3.1", "fact_id", "C9", "'C9' is not a id of reference/facts.csv"),
        ("sentences.csv", "12", "paragraph", "24", "24 is not a number of paragraphs.csv"),
    ],
)
def test_corrupted_cell(copy, file, key, column, value, expected):  # noqa: F811 (the fixture)
    line = edit_cell(copy / file, key, column, value)
    message = load_error(copy)
    assert message.startswith(f"{file}, line {line}, column '{column}'"), message
    assert expected in message


def test_low_bound_above_high_bound(copy):  # noqa: F811 (the fixture)
    line = edit_cell(copy / "figures.csv", "F015", "value_high", "100")
    message = load_error(copy)
    where = f"figures.csv, line {line}, column 'value_low'"
    assert message == f"{where}: value_low 215.0 is above value_high 100.0"


def test_the_standfirst_repeats_the_opening_of_paragraph_3():
    assert paragraph(2) in paragraph(3) and paragraph(3).startswith(paragraph(2))


def test_the_article_prints_32_digit_tokens():
    assert len(list(digit_tokens())) == 32


def test_figures_of_this_article_by_their_quotes():
    assert figure("at least 215 square kilometres")["value_low"] == 215
    assert figure("more than two hundred casualties")["qualifier"] == "more_than"
    assert figure("nine-month blockade")["value_best"] == 9
    assert figure("two and half decades")["value_best"] == 2.5
