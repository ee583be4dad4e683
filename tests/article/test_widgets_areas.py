"""The area comparison widget and its pure functions (lesson 3)."""

import pytest

from readingpack.evidence.areas import areas_table, article_area, country_id, default_place_id
from readingpack.ui import escape
from readingpack.widgets.areas import (
    AreaComparison,
    compare_sentence,
    format_km2,
    reference_areas,
    squares_svg,
)


@pytest.fixture
def widget():
    return AreaComparison()


def typed_sentence(widget, value: float) -> str:
    return escape(compare_sentence(widget.low, "the area you typed", value, is_area=True))


def test_each_place_shows_the_sentence_of_its_row(widget, ledger):
    low = article_area(ledger)["low"]
    for place_id, row in reference_areas(ledger).set_index("id").iterrows():
        widget.place.value = place_id
        sentence = compare_sentence(low, row["label"], row["area_km2"], row["area_text"])
        assert escape(sentence) in widget.result.value
        shown_country = escape(compare_sentence(low, "Armenia's total area", *widget.armenia[
            ["area_km2", "area_text"]], is_area=True))
        assert (shown_country in widget.result.value) == (place_id != country_id(ledger))


def test_the_default_place_and_figure_come_from_the_data(widget, ledger):
    assert widget.place.value == default_place_id(ledger)
    assert widget.low == article_area(ledger)["low"]


def test_a_typed_area_is_compared_and_drawn(widget):
    widget.custom.value = "500"
    assert typed_sentence(widget, 500) in widget.custom_result.value
    assert "the area you typed" in widget.shapes.value
    widget.custom.value = "1 000"
    assert typed_sentence(widget, 1000) in widget.custom_result.value


def test_rendering_of_the_default_place(widget, snapshot):
    assert {"result": widget.result.value, "custom_result": widget.custom_result.value,
            "shapes": widget.shapes.value} == snapshot


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Type an area in km² to compare, for example 105.4."),
        ("   ", "Type an area in km² to compare, for example 105.4."),
        ("-3", "An area in km² must be greater than zero."),
        ("0", "An area in km² must be greater than zero."),
        ("abc", "“abc” is not a number. Type a number, for example 105.4."),
        ("nan", "An area in km² must be a finite number."),
        ("1e12", "1,000,000,000,000 km² is more than the surface of the whole Earth."),
    ],
)
def test_invalid_areas_give_a_message_and_the_widget_keeps_working(widget, raw, message):
    widget.custom.value = "500"
    widget.custom.value = raw
    assert message in widget.custom_result.value
    assert "the area you typed" not in widget.shapes.value
    widget.custom.value = "105.4"
    assert typed_sentence(widget, 105.4) in widget.custom_result.value
    assert "the area you typed" in widget.shapes.value


def test_reset_restores_the_initial_state(widget):
    initial = (widget.place.value, widget.custom.value, widget.result.value,
               widget.custom_result.value, widget.shapes.value)
    widget.place.value = "A12"
    widget.custom.value = "-1"
    widget.reset_control.click()
    assert (widget.place.value, widget.custom.value, widget.result.value,
            widget.custom_result.value, widget.shapes.value) == initial


def test_example_changes_exercise_every_place_and_run_without_error(widget):
    changes = widget.example_changes()
    assert {value for control, value in changes if control is widget.place} == set(
        reference_areas()["id"]
    )
    for control, value in changes:
        control.value = value
        assert widget.result.value and '<div class="rp-area-squares"' in widget.shapes.value


def test_controls_are_labelled_and_classed(widget):
    assert widget.place.description and widget.custom.description
    assert "rp-area-place" in widget.place._dom_classes
    assert "rp-area-input" in widget.custom._dom_classes
    assert "rp-area-result" in widget.result._dom_classes


def test_reference_areas_have_sources():
    areas = reference_areas()
    assert areas["id"].is_unique and (areas["area_km2"] > 0).all()
    assert areas["source"].notna().all() and (areas["side"] == "REF").all()


def test_static_table_covers_every_place():
    assert list(areas_table()["id"]) == list(reference_areas()["id"])


def test_pure_helpers():
    assert compare_sentence(215, "Malta", 316) == (
        "At least 215 km² is at least 68% of the area of Malta, 316 km².")
    assert format_km2(316.0) == "316" and format_km2(1234.5) == "1,234.5" and format_km2(0.25) == "0.25"
    svg = squares_svg([("a", 100, "bound"), ("b", 400, "place")])
    assert 'width="85.0" height="85.0"' in svg and 'width="170.0" height="170.0"' in svg
    assert "stroke-dasharray" in svg and "at least 100 km²" in svg and "<br>400 km²" in svg
    assert compare_sentence(215, "the area you typed", 1e-9, is_area=True) == (
        "At least 215 km² is at least 215,000,000,000 times the area you typed, 1e-09 km².")


def test_an_area_larger_than_the_earth_is_named_without_its_digits(widget):
    widget.custom.value = "1e99"
    assert "1 × 10⁹⁹ km² is more than the surface of the whole Earth" in widget.custom_result.value


def test_menu_names_are_short_and_the_sentence_gives_the_full_name(widget):
    labels = [label for label, _ in widget.place.options]
    assert "Paris" in labels and max(map(len, labels)) <= 36
    widget.place.value = next(v for label, v in widget.place.options if label == "Paris")
    assert "Paris (commune, incl. Bois de Boulogne and Bois de Vincennes)" in widget.result.value
