"""Evidence ledger, part 1: paragraphs, sentences, figures, reference facts and their links."""

import csv
import re
import shutil
from datetime import date

import pytest

from readingpack.article import load_article, paragraphs_csv
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


def test_committed_paragraphs_match_the_text():
    committed = (DATA / "paragraphs.csv").read_text(encoding="utf-8")
    assert committed == paragraphs_csv(ARTICLE)
    assert paragraph(2) in paragraph(3) and paragraph(3).startswith(paragraph(2))


# ---- sentences ----------------------------------------------------------------------------------


def sentences_of(number: int) -> list[str]:
    rows = LEDGER.sentences[LEDGER.sentences["paragraph"] == number].sort_values("sentence")
    return [ARTICLE.text[s:e] for s, e in zip(rows["start"], rows["end"], strict=True)]


def test_sentences_tile_every_paragraph():
    sentences = LEDGER.sentences
    for number, para in ARTICLE.paragraphs.iterrows():
        rows = sentences[sentences["paragraph"] == number].sort_values("sentence")
        assert len(rows) >= 1, f"paragraph {number} has no sentences"
        assert rows["sentence"].tolist() == list(range(1, len(rows) + 1))
        starts, ends = rows["start"].tolist(), rows["end"].tolist()
        assert starts[0] == para["start"] and ends[-1] == para["end"], number
        for (s, e), next_start in zip(zip(starts, ends, strict=True), starts[1:], strict=False):
            assert s < e <= next_start, (number, s, e, next_start)
            gap = ARTICLE.text[e:next_start]
            assert gap != "" and gap.isspace(), (number, gap)  # str.isspace() counts NBSP
            assert not ARTICLE.text[s].isspace() and not ARTICLE.text[e - 1].isspace()


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


# ---- figures: exact quotes ----------------------------------------------------------------------


def figure_spans() -> dict[int, list[tuple[int, int]]]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for number, quote in zip(FIGURES["paragraph"], FIGURES["quote"], strict=True):
        start = paragraph(number).find(quote)
        spans.setdefault(number, []).append((start, start + len(quote)))
    return spans


def test_every_quote_is_exact_and_unique_in_its_paragraph():
    for row in read_rows(DATA / "figures.csv"):
        text = paragraph(int(row["paragraph"]))
        assert text.count(row["quote"]) == 1, row["figure_id"]
    for row in read_rows(DATA / "reference" / "quoted_sources.csv"):
        assert paragraph(int(row["paragraph"])).count(row["quote"]) == 1, row["id"]


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


def test_every_digit_token_is_inside_a_figure_quote():
    tokens = list(digit_tokens())
    assert len(tokens) == 32
    missing = [(n, paragraph(n)[s:e]) for n, s, e in tokens if not covered(n, s, e)]
    assert missing == []


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


# ---- figures: what the rows say ------------------------------------------------------------------


def figure(quote: str, number: int | None = None) -> dict:
    rows = [r for r in ROWS if r["quote"] == quote and number in (None, r["paragraph"])]
    assert len(rows) == 1, quote
    return rows[0]


def test_standfirst_figures_repeat_paragraph_3():
    stand = [r for r in ROWS if r["paragraph"] == 2]
    assert len(stand) == 3
    by_id = {r["figure_id"]: r for r in ROWS}
    for row in stand:
        target = by_id[row["same_as"]]
        assert target["paragraph"] == 3 and target["quote"] == row["quote"]
    assert {r["quote"] for r in ROWS if r["paragraph"] == 23} == {"first career", "Since 2021"}


def test_same_as_points_back_and_carries_no_links():
    by_id = {r["figure_id"]: r for r in ROWS}
    repeats = [r for r in ROWS if r["same_as"]]
    for row in repeats:
        target = by_id[row["same_as"]]
        assert target["same_as"] is None and target["kind"] == row["kind"], row["figure_id"]
        assert target["figure_id"] < row["figure_id"] or row["paragraph"] == 2, row["figure_id"]
    assert set(LEDGER.figure_reference["figure_id"]).isdisjoint(r["figure_id"] for r in repeats)


def test_bounds_follow_the_qualifier():
    for row in ROWS:
        values = (row["value_low"], row["value_best"], row["value_high"])
        if row["qualifier"] in ("at_least", "more_than", "unspecified"):
            assert values[0] is not None and values[1:] == (None, None), row["figure_id"]
        elif row["kind"] in ("date", "year", "name_number"):
            assert values == (None, None, None), row["figure_id"]
        else:
            assert values[1] is not None and row["qualifier"] == "exact", row["figure_id"]
    assert figure("at least 215 square kilometres")["value_low"] == 215
    assert figure("more than two hundred casualties")["qualifier"] == "more_than"
    assert figure("nine-month blockade")["value_best"] == 9
    assert figure("two and half decades")["value_best"] == 2.5


def test_digit_values_are_printed_in_their_quote():
    for row in ROWS:
        for column in ("value_low", "value_best"):
            value = row[column]
            if value is not None and re.search(r"\d", row["quote"]) and row["unit"] != "ordinal":
                assert f"{value:,.0f}" in row["quote"], row["figure_id"]


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


# ---- the package as a whole -----------------------------------------------------------------------


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


def test_missing_column(copy):
    drop_column(copy / "figures.csv", "unit")
    message = load_error(copy)
    assert message.startswith("figures.csv, line 1") and "missing column(s) ['unit']" in message


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
def test_corrupted_cell(copy, file, key, column, value, expected):
    line = edit_cell(copy / file, key, column, value)
    message = load_error(copy)
    assert message.startswith(f"{file}, line {line}, column '{column}'"), message
    assert expected in message


def test_low_bound_above_high_bound(copy):
    line = edit_cell(copy / "figures.csv", "F015", "value_high", "100")
    message = load_error(copy)
    where = f"figures.csv, line {line}, column 'value_low'"
    assert message == f"{where}: value_low 215.0 is above value_high 100.0"


def test_empty_file(copy):
    (copy / "figures.csv").write_text("", encoding="utf-8")
    assert load_error(copy) == "figures.csv: the file is empty; it needs at least its header line"
