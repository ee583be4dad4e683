"""The figure check widget (lesson 3): the article's figures next to other sources' figures."""

import pytest

from readingpack.evidence.comparison import article_value, figure_reference_table, figure_sources
from readingpack.ui import escape
from readingpack.widgets.figure_check import FigureCheck


@pytest.fixture
def widget():
    return FigureCheck()


def test_each_figure_shows_the_rows_of_its_sources(widget, ledger):
    for _label, figure_id in widget.figure.options:
        widget.figure.value = figure_id
        rows = widget.sources()
        assert rows.equals(figure_sources(ledger, figure_id))
        for row in rows.itertuples():
            assert escape(str(row.says)) in widget.others.value, (figure_id, row.reference_id)


def test_rendering_of_the_default_figure(widget, snapshot):
    assert {"article": widget.article.value, "others": widget.others.value} == snapshot


def test_no_verdict_words(widget):
    for control, value in widget.example_changes():
        control.value = value
        text = (widget.article.value + widget.others.value).lower()
        for word in ("false", "wrong", "correct", "true", "lie"):
            assert f" {word} " not in text


def test_every_linked_figure_is_offered(ledger):
    links = ledger["figure_reference"]
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


def test_static_table_covers_every_figure_and_every_link(ledger):
    table = figure_reference_table(ledger)
    assert set(table["figure"]) == set(ledger.figures["figure_id"])
    linked = table[table["other source"] != "—"]
    direct = linked[~linked["relation"].str.contains("repeats")]
    assert len(direct) == len(ledger["figure_reference"])
    repeat = table[table["figure"] == "F042"].iloc[0]
    assert repeat["relation"] == "same_measure (repeats F004)"


def test_article_value_words(ledger):
    figures = ledger.figures.set_index("figure_id")
    assert article_value(figures.loc["F026"]) == "more than 200 people"
    assert article_value(figures.loc["F028"]) == "1 day"
    assert article_value(figures.loc["F013"]) == "position 16 (an ordinal)"
    assert article_value(figures.loc["F043"]) == "no number printed; read as at least 24 exercises"
    assert article_value(figures.loc["F004"]).startswith("9 Nov 2024 (no year printed")


def test_the_widget_shows_the_rows_of_figure_sources(widget, ledger):
    widget.figure.value = "F033"
    rows = widget.sources()
    assert rows.equals(figure_sources(ledger, "F033"))
    c3 = rows[rows["reference_id"] == "C3"].iloc[0]
    assert (c3["says"], c3["date"], c3["side"]) == ("218", "as of 22 Dec 2023", "AM")
    assert c3["relation_label"] == "the same measure: compared"
