"""The drafting tool (packtools.draft_article, `make new-article`) on the fictional fixture
article: it finds the hand-made figures (value and qualifier) and actor aliases, marks every
row draft, and its readiness report says what is missing."""

import csv

import pytest

from packtools import draft_article as da
from readingpack.paths import PROJECT_ROOT

FIXTURE = PROJECT_ROOT / "data" / "practice" / "rivers_and_roads"


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    out = tmp_path_factory.mktemp("draft") / "data"
    return out, da.recall(FIXTURE, out)


def rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_draft_finds_the_fixtures_figures_and_the_aliases_its_text_holds(drafted):
    _, result = drafted
    found, made = result["figures"]
    assert found / made >= 0.9, result["missed_figures"]
    found, in_text, _ = result["aliases"]
    assert found / in_text >= 0.8, result["missed_aliases"]


def test_the_sentences_are_those_of_the_hand_made_table(drafted):
    out, _ = drafted
    spans = lambda path: [(r["paragraph"], r["start"], r["end"]) for r in rows(path)]  # noqa: E731
    assert spans(out / "sentences.csv") == spans(FIXTURE / "sentences.csv")


def test_every_drafted_row_is_marked_draft(drafted):
    out, _ = drafted
    for name in ("figures", "actors", "actor_aliases", "lexicon", "events", "claims", "sentences"):
        table = rows(out / f"{name}.csv")
        assert table and all(row["draft"] == "draft" for row in table), name


def test_qualifiers_values_dates_and_attribution_are_drafted():
    rows_ = da.figure_candidates(1, "Between 300 and 500 km² were lost; about 4,000 people and "
                                    "more than two hundred homes; four hundred injured on 12 May 2021.",
                                 published=da.date(2024, 1, 1))
    by_quote = {row["quote"]: row for row in rows_}
    between = by_quote["Between 300 and 500 km²"]
    assert (between["qualifier"], between["value_low"], between["value_high"]) == ("range", "300", "500")
    assert by_quote["about 4,000"]["qualifier"] == "approximately"
    assert by_quote["about 4,000"]["value_best"] == "4000"
    assert by_quote["more than two hundred"]["value_low"] == "200"
    assert by_quote["four hundred"]["value_best"] == "400"
    assert by_quote["12 May 2021"]["date_start"] == "2021-05-12"
    assert da.attribution("Baku’s envoy said it would wait.", ["Baku’s"]) == ("said", "Baku’s")
    assert da.sentence_spans("Dr. Smith came. He left.") == [(0, 15), (16, 24)]


def test_a_change_a_relative_year_a_speaker_after_the_verb_and_a_titled_name_are_drafted():
    rows_ = da.figure_candidates(1, "Last year the council cut the quota from 2,000 to 1,400 tonnes.",
                                 published=da.date(2025, 9, 10))
    by_quote = {row["quote"]: row for row in rows_}
    old, new, year = by_quote["from 2,000"], by_quote["to 1,400"], by_quote["Last year"]
    assert (old["value_best"], new["value_best"], new["unit"]) == ("2000", "1400", "tonnes")
    assert (year["date_start"], year["year_printed"]) == ("2024-01-01", "false")
    assert da.attribution("“The door is open,” said Mara Lind.", ["Mara Lind"]) == ("said", "Mara Lind")
    assert da.attribution("Hallen answered that it would wait.", ["Hallen"]) == ("answered", "Hallen")
    aliases = da.alias_candidates([(1, "The fishermen met Minister Lind, and Minister Lind left.")])
    assert aliases["Minister Lind"] == 2 and aliases["Lind"] == 2


def test_the_readiness_report_names_what_is_still_draft_and_missing(drafted):
    out, _ = drafted
    report = (out / "READINESS.md").read_text(encoding="utf-8")
    assert "- figures.csv: 7 of 7 rows" in report
    assert "areas.article_figure" in report  # a setting with no value yet
    assert "[ ] a claim coded evaluation: lesson 2 (missing)" in report
    assert "[x] a date printed without its year" in report


def test_the_tool_never_overwrites_a_folder(tmp_path, capsys):
    (tmp_path / "kept.csv").write_text("x\n", encoding="utf-8")
    assert da.main([str(FIXTURE / "article"), str(tmp_path)]) == 2
    assert "never overwrites" in capsys.readouterr().out
