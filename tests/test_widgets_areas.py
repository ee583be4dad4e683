"""The 'How big is 215 km²?' widget and its pure functions (lesson 3)."""

import pytest

from readingpack.widgets.areas import (
    AreaComparison,
    areas_table,
    compare_sentence,
    format_km2,
    reference_areas,
    squares_svg,
)


@pytest.fixture
def widget():
    return AreaComparison()


def test_choosing_malta_shows_316_km2_and_68_percent(widget):
    widget.place.value = "A9"
    widget.place.value = "A7"
    assert "316 km²" in widget.result.value
    assert "68%" in widget.result.value
    assert "At least 215 km² is at least 68% of Malta (316 km²)." in widget.result.value
    assert "CIA World Factbook, Malta: Geography" in widget.result.value
    assert "https://www.cia.gov/the-world-factbook/countries/malta/" in widget.result.value


def test_the_article_figure_is_worded_as_a_lower_bound(widget):
    assert "at least 215 square kilometres" in widget.widget.children[0].value
    assert "lower bound" in widget.widget.children[0].value
    assert "at least 215 km² (the article)" in widget.shapes.value


def test_armenia_total_area_is_always_shown(widget):
    assert "At least 215 km² is at least 0.72% of Armenia's total area (29,743 km²)." in widget.result.value
    widget.place.value = "A1"
    assert "At least 215 km² is at least 0.72% of Armenia (total) (29,743 km²)." in widget.result.value


def test_smaller_places_are_shown_as_multiples(widget):
    widget.place.value = "A9"
    assert "At least 215 km² is at least 3.5 times the area of San Marino (61 km²)." in widget.result.value


def test_singapore_shows_its_year(widget):
    widget.place.value = "A12"
    assert "Singapore (land area), June 2025 (736.3 km²)" in widget.result.value
    assert "as of: June 2025" in widget.result.value
    assert "no link given in the reference list" in widget.result.value


def test_a_typed_area_is_compared_and_drawn(widget):
    widget.custom.value = "500"
    assert "At least 215 km² is at least 43% of your area (500 km²)." in widget.custom_result.value
    assert "your area" in widget.shapes.value
    widget.custom.value = "1 000"
    assert "(1,000 km²)" in widget.custom_result.value


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Type an area in km² to compare, for example 105.4."),
        ("   ", "Type an area in km² to compare, for example 105.4."),
        ("-3", "An area in km² must be greater than zero."),
        ("0", "An area in km² must be greater than zero."),
        ("abc", "“abc” is not a number. Type digits only, for example 105.4."),
        ("nan", "An area in km² must be a finite number."),
        ("1e12", "1,000,000,000,000 km² is more than the whole surface of the Earth (510,072,000 km²)."),
    ],
)
def test_invalid_areas_give_a_message_and_the_widget_keeps_working(widget, raw, message):
    widget.custom.value = "500"
    widget.custom.value = raw
    assert message in widget.custom_result.value
    assert "your area" not in widget.shapes.value
    widget.custom.value = "105.4"
    assert "At least 215 km² is at least 2.0 times the area of your area (105.4 km²)." in (
        widget.custom_result.value
    )
    widget.place.value = "A10"
    assert "at least 46% of Andorra (468 km²)" in widget.result.value


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
        assert widget.result.value and widget.shapes.value.startswith("<svg")


def test_controls_are_labelled_and_classed(widget):
    assert widget.place.description and widget.custom.description
    assert "rp-area-place" in widget.place._dom_classes
    assert "rp-area-input" in widget.custom._dom_classes
    assert "rp-area-result" in widget.result._dom_classes


def test_reference_areas_are_a1_to_a12_with_sources():
    areas = reference_areas()
    assert list(areas["id"]) == [f"A{i}" for i in range(1, 13)]
    assert areas["source"].notna().all() and (areas["side"] == "REF").all()
    assert areas.set_index("id").loc["A7", "area_km2"] == 316


def test_static_table_covers_every_place():
    table = areas_table().set_index("id")
    assert len(table) == 12
    assert table.loc["A7", "at least 215 km² is"] == "at least 68% of it"
    assert table.loc["A9", "at least 215 km² is"] == "at least 3.5 times it"
    assert table.loc["A12", "place"] == "Singapore (land area), June 2025"


def test_pure_helpers():
    assert compare_sentence(215, "Malta", 316) == "At least 215 km² is at least 68% of Malta (316 km²)."
    assert format_km2(316.0) == "316" and format_km2(1234.5) == "1,234.5" and format_km2(0.25) == "0.25"
    svg = squares_svg([("a", 100, "bound"), ("b", 400, "place")])
    assert 'width="85.0" height="85.0"' in svg and 'width="170.0" height="170.0"' in svg
    assert "stroke-dasharray" in svg
