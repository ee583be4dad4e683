"""The timeline widget of lesson 5 and its pure functions, against the committed ledger."""

import pandas as pd
import pytest
from traitlets import TraitError

from readingpack.evidence import events
from readingpack.evidence.events import (
    event_table,
    normalised_date,
    select_events,
    track_label,
    year_bounds,
    zoom_years,
)
from readingpack.widgets.timeline import NO_CATEGORY, NOTHING_MATCHES, TimelineExplorer


@pytest.fixture(scope="module")
def table():
    return event_table()


@pytest.fixture
def widget():
    return TimelineExplorer()


@pytest.mark.parametrize(
    ("precision", "start", "end", "expected"),
    [
        ("day", "2022-02-22", "2022-02-22", "2022-02-22"),
        ("month", "2022-11-01", "2022-11-30", "2022-11"),
        ("year", "2027-01-01", "2027-12-31", "2027"),
        ("range", "1918-01-01", "1920-12-31", "1918 to 1920"),
        ("range", "2023-09-19", "2023-09-20", "2023-09-19 to 2023-09-20"),
        ("range", "2022-12-12", None, "from 2022-12-12 (end not given)"),
        ("unknown", None, None, "no date"),
    ],
)
def test_normalised_date(precision, start, end, expected):
    start = pd.Timestamp(start) if start else pd.NaT
    end = pd.Timestamp(end) if end else pd.NaT
    assert normalised_date(precision, start, end) == expected


def test_tracks_group_the_categories():
    assert track_label("diplomatic") == track_label("legal") == "Diplomatic and legal steps"
    assert track_label("military") == track_label("humanitarian") == (
        "Military and humanitarian events")
    for category in ["political", "economic", "historical", "rhetorical"]:
        assert track_label(category) == "Other events"


def test_event_table_counts_each_event_once_in_date_order(table):
    assert len(table) == 48  # 50 rows, of which EV013 and EV047 repeat EV005 and EV004
    assert "EV013" not in set(table["event_id"]) and "EV047" not in set(table["event_id"])
    assert list(table["number"]) == list(range(1, 49))
    first = table.iloc[0]
    assert (first["event_id"], first["normalised"], first["precision"]) == ("EV040", "1918 to 1920", "range")
    dated = table[~table["undated"]]
    assert dated["start"].is_monotonic_increasing
    assert table["undated"].sum() == 19 and table["undated"].iloc[29:].all()
    assert len(event_table(repeats=True)) == 50


def test_an_open_ended_range_keeps_its_missing_end(table):
    row = table[table["event_id"] == "EV023"].iloc[0]
    assert row["open_end"]
    assert row["normalised"] == "from 2022-12-12 (end not given)"
    assert row["date_source"] == "D1"


def test_select_events_by_years_category_and_undated(table):
    chosen = select_events(table, 1918, 1920, events.CATEGORY_ORDER, include_undated=False)
    assert list(chosen["event_id"]) == ["EV040", "EV041"]
    # a range that overlaps the years is kept: "In the last four years" runs 2020-11-10 to 2024-11-22
    chosen = select_events(table, 2022, 2022, ["military"], include_undated=False)
    assert list(chosen["event_id"]) == ["EV012", "EV011", "EV018"]
    chosen = select_events(table, 2022, 2022, ["humanitarian"], include_undated=True)
    assert list(chosen["event_id"]) == ["EV023", "EV024", "EV030"]


def test_year_bounds_and_zoom_years(table):
    assert year_bounds(table) == (1918, 2027)
    assert zoom_years() == (2020, 2024)


def test_widget_takes_a_ledger_like_every_widget():
    from readingpack.ledger import load_ledger

    widget = TimelineExplorer(load_ledger())
    assert widget.table.equals(TimelineExplorer().table)



def listed_ids(widget) -> int:
    return widget.listing.value.count("<tr>") - 1


def test_it_opens_on_the_busy_years_and_says_how_to_see_every_year(widget):
    first, last = year_bounds(widget.table)
    assert widget.years.value == zoom_years()
    assert 0 < listed_ids(widget) < len(widget.table)
    assert f"move the ends of the Years slider to {first} and {last}" in widget.summary.value
    assert 'class="rp-timeline-svg"' in widget.chart.value
    widget.years.value = (first, last)
    assert listed_ids(widget) == len(widget.table) and "move the ends" not in widget.summary.value


def test_the_controls_select_the_rows_of_select_events(widget):
    widget.undated.value = False
    for years in [(1918, 1920), (2022, 2022), (2023, 2023)]:
        widget.years.value = years
        rows = select_events(widget.table, *years, widget.chosen_categories(), include_undated=False)
        assert listed_ids(widget) == len(rows), years
        assert f"{len(rows)} of {len(widget.table)} events shown" in widget.summary.value
    for category, box in widget.category_boxes.items():
        box.value = category == "legal"
    rows = select_events(widget.table, *widget.years.value, ["legal"], include_undated=False)
    assert listed_ids(widget) == len(rows) and set(rows["category"]) == {"legal"}


def test_dates_from_reference_facts_are_marked(widget):
    widget.years.value = (2022, 2022)
    rows = select_events(widget.table, 2022, 2022, widget.chosen_categories(), include_undated=True)
    for source in rows["date_source"].dropna():
        assert f"(from reference fact {source})" in widget.listing.value
    assert 'class="rp-mark-open"' in widget.chart.value


def test_rendering_of_the_first_view(widget, snapshot):
    assert {"summary": widget.summary.value, "listing": widget.listing.value} == snapshot


def test_no_category_gives_a_message_and_the_widget_keeps_working(widget):
    for box in widget.category_boxes.values():
        box.value = False
    assert NO_CATEGORY in widget.summary.value and 'role="status"' in widget.summary.value
    assert widget.chart.value == "" and widget.listing.value == ""
    widget.category_boxes["diplomatic"].value = True
    assert listed_ids(widget) == len(select_events(widget.table, *widget.years.value, ["diplomatic"], True))


def test_nothing_matches_gives_a_friendly_message(widget):
    for category, box in widget.category_boxes.items():
        box.value = category == "diplomatic"
    widget.undated.value = False
    widget.years.value = (1930, 1980)
    assert NOTHING_MATCHES in widget.summary.value
    assert widget.chart.value == "" and widget.listing.value == ""
    widget.years.value = (2024, 2024)
    assert listed_ids(widget) == len(select_events(widget.table, 2024, 2024, ["diplomatic"], False)) > 0


def test_out_of_range_years_are_clamped_and_reversed_ones_refused(widget):
    widget.years.value = year_bounds(widget.table)
    every_year = widget.summary.value
    widget.years.value = (1800, 2200)
    assert widget.years.value == year_bounds(widget.table)
    assert widget.summary.value == every_year
    with pytest.raises(TraitError):
        widget.years.value = (2024, 2020)
    widget.years.value = (2020, 2020)
    assert "dated between 2020 and 2020" in widget.summary.value


def test_reset_restores_the_initial_state(widget):
    before = (widget.summary.value, widget.chart.value, widget.listing.value)
    widget.years.value = (2022, 2023)
    widget.undated.value = False
    widget.category_boxes["military"].value = False
    widget.reset()
    assert widget.years.value == zoom_years()
    assert widget.undated.value and all(box.value for box in widget.category_boxes.values())
    assert (widget.summary.value, widget.chart.value, widget.listing.value) == before


def test_reset_button_and_css_classes(widget):
    first = widget.summary.value
    widget.years.value = (2020, 2021)
    widget.reset_control.click()
    assert widget.summary.value == first
    assert "rp-timeline-years" in widget.years._dom_classes
    assert "rp-timeline-category-military" in widget.category_boxes["military"]._dom_classes
    assert "rp-timeline-undated" in widget.undated._dom_classes
    assert "rp-timeline-reset" in widget.reset_control._dom_classes
    for area in (widget.summary, widget.chart, widget.listing):
        assert any(c.startswith("rp-timeline-") for c in area._dom_classes)
    assert all(control.description for control in [widget.years, widget.undated,
                                                   *widget.category_boxes.values()])


def test_example_changes_exercise_every_control(widget):
    changes = widget.example_changes()
    controls = {id(control) for control, _ in changes}
    assert id(widget.years) in controls and id(widget.undated) in controls
    assert all(id(box) in controls for box in widget.category_boxes.values())
    for control, value in changes:
        control.value = value
        assert widget.summary.value
