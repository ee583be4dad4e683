"""The figure check widget (lesson 3): the article's figures next to other sources' figures."""

import pytest

from readingpack.evidence.sources import side_words
from readingpack.ledger import load_ledger
from readingpack.widgets.figure_check import FigureCheck, article_value, figure_reference_table

# The side labels come from data/reference/sides.csv; the tests read them there.
RU_LABEL = "reported by " + side_words(load_ledger(), "RU")
AZ_LABEL, AM_LABEL, NK_LABEL = (side_words(load_ledger(), code) for code in ("AZ", "AM", "NK"))



@pytest.fixture
def widget():
    return FigureCheck()


def test_default_is_the_area_figure_with_both_sources(widget):
    assert widget.figure.value == "F015"
    assert "“at least 215 square kilometres”" in widget.article.value
    assert "Recorded as: at least 215 km²" in widget.article.value
    others = widget.others.value
    assert "CivilNet (an independent Armenian outlet)" in others
    assert "AM-media: an outlet or institute based in Armenia" in others
    assert "(based in Armenia or its diaspora, not a party)" in others
    assert AM_LABEL in others
    assert "a different measure: never compare, average or add the two" in others
    assert "“about 200 km²”" in others
    assert "3 Nov 2023 (date of that statement in parliament)" in others
    assert RU_LABEL in others


def test_fuel_depot_figure_shows_the_source_date_and_side(widget):
    widget.figure.value = "F033"
    assert "“At least 220 more people died”" in widget.article.value
    assert "at least 220 people" in widget.article.value
    assert "Investigative Committee of the Republic of Armenia" in widget.others.value
    assert "as of 22 Dec 2023" in widget.others.value
    assert "“218”" in widget.others.value


def test_both_parties_reports_are_labelled_as_parties(widget):
    widget.figure.value = "F026"
    assert AZ_LABEL in widget.others.value
    assert NK_LABEL in widget.others.value
    assert "“Casualties” can mean" in widget.article.value or "can mean people killed" in widget.article.value


def test_no_verdict_words(widget):
    for control, value in widget.example_changes():
        control.value = value
        text = (widget.article.value + widget.others.value).lower()
        for word in ("false", "wrong", "correct", "true", "lie"):
            assert f" {word} " not in text


def test_every_linked_figure_is_offered():
    links = load_ledger()["figure_reference"]
    widget = FigureCheck()
    assert [value for _, value in widget.figure.options] == list(dict.fromkeys(links["figure_id"]))


def test_reset_restores_the_initial_state(widget):
    initial = (widget.figure.value, widget.article.value, widget.others.value)
    widget.figure.value = "F032"
    widget.reset_control.click()
    assert (widget.figure.value, widget.article.value, widget.others.value) == initial


def test_controls_are_labelled_and_classed(widget):
    assert widget.figure.description == "Figure"
    assert "rp-figure-choice" in widget.figure._dom_classes
    assert "rp-figure-references" in widget.others._dom_classes


def test_static_table_covers_every_figure_and_every_link():
    ledger = load_ledger()
    table = figure_reference_table(ledger)
    assert set(table["figure"]) == set(ledger.figures["figure_id"])
    linked = table[table["other source"] != "—"]
    direct = linked[~linked["relation"].str.contains("repeats")]
    assert len(direct) == len(ledger["figure_reference"])
    repeat = table[table["figure"] == "F042"].iloc[0]
    assert repeat["relation"] == "same_measure (repeats F004)"


def test_article_value_words():
    figures = load_ledger().figures.set_index("figure_id")
    assert article_value(figures.loc["F026"]) == "more than 200 people"
    assert article_value(figures.loc["F028"]) == "1 day"
    assert article_value(figures.loc["F013"]) == "position 16 (an ordinal)"
    assert article_value(figures.loc["F043"]) == "no number printed; read as at least 24 exercises"
    assert article_value(figures.loc["F004"]).startswith("9 Nov 2024 (no year printed")


def test_the_widget_shows_the_rows_of_figure_sources(widget):
    from readingpack.evidence.comparison import figure_sources

    widget.figure.value = "F033"
    rows = widget.sources()
    assert rows.equals(figure_sources(load_ledger(), "F033"))
    c3 = rows[rows["reference_id"] == "C3"].iloc[0]
    assert (c3["says"], c3["date"], c3["side"]) == ("218", "as of 22 Dec 2023", "AM")
    assert c3["relation_label"] == "the same measure"
