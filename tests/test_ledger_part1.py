"""Evidence ledger, part 1: paragraphs, sentences, figures, reference facts and their links."""

import csv
import re
import shutil

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


# ---- sentences ----------------------------------------------------------------------------------


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
    missing = [(n, paragraph(n)[s:e]) for n, s, e in tokens if not covered(n, s, e)]
    assert missing == []


# ---- figures: what the rows say ------------------------------------------------------------------


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
        elif row["qualifier"] == "range":  # “between 1,200 and 1,500”: both ends, no single value
            assert values[1] is None and None not in (values[0], values[2]), row["figure_id"]
            assert values[0] < values[2], row["figure_id"]
        else:  # exact, or approximately (“some 640”): one value, no bounds
            assert row["qualifier"] in ("exact", "approximately"), row["figure_id"]
            assert values[1] is not None and (values[0], values[2]) == (None, None), row["figure_id"]


SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def printed_values(quote: str) -> list[float]:
    """The numbers a quote prints in digits, each times the scale word after it, if any:
    “1,200 and 1,500” gives 1200 and 1500, “€2.8 million” gives 2,800,000."""
    found = re.findall(r"(\d[\d,]*(?:\.\d+)?)(?:\s+(thousand|million|billion)\b)?", quote)
    return [float(number.replace(",", "")) * SCALE_WORDS.get(scale, 1) for number, scale in found]


def test_printed_values_read_digits_and_scale_words():
    assert printed_values("between 1,200 and 1,500 licensed boats") == [1200, 1500]
    assert printed_values("€2.8 million") == [2_800_000]
    assert printed_values("about 40 per cent") == [40]
    assert printed_values("2 millions of reasons") == [2]  # a scale word only as a whole word


def test_digit_values_are_printed_in_their_quote():
    for row in ROWS:
        for column in ("value_low", "value_best", "value_high"):
            value = row[column]
            if value is not None and re.search(r"\d", row["quote"]) and row["unit"] != "ordinal":
                assert any(abs(value - printed) < 1e-6 * max(1, value) for printed in
                           printed_values(row["quote"])), (row["figure_id"], column)


# ---- the package as a whole -----------------------------------------------------------------------


# ---- corrupted copies fail loudly -----------------------------------------------------------------


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


def test_empty_file(copy):
    (copy / "figures.csv").write_text("", encoding="utf-8")
    assert load_error(copy) == "figures.csv: the file is empty; it needs at least its header line"
