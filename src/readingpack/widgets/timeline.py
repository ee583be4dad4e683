"""The article's events on one time axis (lesson 5): the timeline widget.

It renders what readingpack.evidence.events returns. `TimelineExplorer` filters the events by a
range of years and by category and shows the matching events as an inline SVG strip and a
list (no matplotlib redraw on change). The static chart is drawn by
readingpack.charts.draw_event_lanes.
"""

import html
from datetime import date

import ipywidgets as widgets
import pandas as pd

from .. import ui
from ..evidence.events import (
    CATEGORY_ORDER,
    TRACKS,
    day_of,
    event_table,
    select_events,
    track_of,
    year_bounds,
    zoom_years,
)
from ..ui import widget_ledger

NOTHING_MATCHES = (
    "No event matches these choices. Widen the range of years, tick more categories, "
    "or press Reset."
)
NO_CATEGORY = "Tick at least one category to see events."


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


# ---------------------------------------------------------------------------------------------
# Inline SVG (inside the widget) and HTML list
# ---------------------------------------------------------------------------------------------

SVG_WIDTH, LEFT, RIGHT, ROW, TOP = 800, 260, 40, 22, 26
# The fills of year and range marks. Each SVG on a page names its own copies (`{svg}`: "strip" or
# "key"), as an id must not repeat on a page.
PATTERNS = (
    '<defs>'
    '<pattern id="rp-hatch-year-{svg}" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#000000" stroke-width="2"/></pattern>'
    '<pattern id="rp-hatch-range-{svg}" width="5" height="5" patternUnits="userSpaceOnUse">'
    '<rect width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.1" fill="#000000"/>'
    '</pattern></defs>'
)


def _x(day: date, low: date, high: date) -> float:
    span = (high - low).days or 1
    return LEFT + (SVG_WIDTH - LEFT - RIGHT) * (day - low).days / span


def _marker(precision: str, x0: float, x1: float, y: float, title: str, svg: str) -> str:
    tip = f"<title>{ui.escape(title)}</title>"
    if precision == "open":
        return (f'<polygon points="{x0:.1f},{y - 6:.1f} {x0 + 10:.1f},{y:.1f} {x0:.1f},{y + 6:.1f}" '
                f'fill="#ffffff" stroke="#000000" stroke-width="1.5" class="rp-mark-open">{tip}</polygon>')
    if precision == "day":
        return (f'<circle cx="{x0:.1f}" cy="{y:.1f}" r="5" fill="#000000" '
                f'class="rp-mark-day">{tip}</circle>')
    width = max(x1 - x0, 7.0)
    fill = {"month": "#888888", "year": f"url(#rp-hatch-year-{svg})", "range": f"url(#rp-hatch-range-{svg})"}
    return (f'<rect x="{x0:.1f}" y="{y - 6:.1f}" width="{width:.1f}" height="12" '
            f'fill="{fill.get(precision, "#ffffff")}" stroke="#000000" stroke-width="1" '
            f'class="rp-mark-{precision}">{tip}</rect>')


def _ticks(first_year: int, last_year: int) -> list[int]:
    span = last_year - first_year + 1
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50) if span / s <= 12)
    start = first_year + (-first_year) % step
    return list(range(start, last_year + 2, step))


def timeline_svg(selected: pd.DataFrame, first_year: int, last_year: int) -> str:
    """The dated events of `selected` on a strip from first_year to last_year, one lane per
    track; each mark is numbered as in the list below it and carries the event as a tooltip."""
    low, high = date(first_year, 1, 1), date(last_year + 1, 1, 1)
    dated = selected[~selected["undated"]]
    lanes = []
    y = TOP
    parts = []
    for key, (label, _categories) in TRACKS.items():
        rows = dated[[track_of(c) == key for c in dated["category"]]]
        if rows.empty and key == "other":
            continue
        # greedy packing: each event goes on the first sub-row where it does not overlap
        sub_rows: list[float] = []
        placed = []
        for _, event in rows.iterrows():
            start = max(day_of(event["start"]), low)
            end = min(day_of(event["end"]) or day_of(event["start"]), high)
            x0, x1 = _x(start, low, high), _x(end, low, high)
            reach = max(x1, x0 + 7) + 4 + 7 * len(str(event["number"]))
            row = next((i for i, used in enumerate(sub_rows) if used < x0 - 6), None)
            if row is None:
                sub_rows.append(reach)
                row = len(sub_rows) - 1
            else:
                sub_rows[row] = reach
            placed.append((event, x0, x1, row))
        height = max(len(sub_rows), 1) * ROW + 8
        lanes.append((label, y, height))
        for event, x0, x1, row in placed:
            cy = y + 4 + ROW / 2 + row * ROW
            printed = _text(event["date_as_printed"]) or "no date printed"
            title = (f"{event['number']}. {printed}: "
                     f"{event['summary']} ({event['category']}, paragraph {event['paragraph']})")
            kind = "open" if event["open_end"] else event["precision"]
            parts.append(_marker(kind, x0, x1, cy, title, "strip"))
            label_x = (x0 if kind == "day" else max(x1, x0 + 7)) + (9 if kind == "open" else 7)
            parts.append(f'<text x="{label_x:.1f}" y="{cy + 4:.1f}" font-size="11">{event["number"]}</text>')
        y += height + 6
    total = y + 18
    axis = [f'<line x1="{LEFT}" y1="{total - 20}" x2="{SVG_WIDTH - RIGHT}" y2="{total - 20}" '
            'stroke="#000000"/>']
    for year in _ticks(first_year, last_year):
        tick = date(year, 1, 1)
        if not low <= tick <= high:
            continue
        x = _x(tick, low, high)
        axis.append(f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{total - 16}" '
                    'stroke="#dddddd"/>')
        axis.append(f'<text x="{x:.1f}" y="{total - 4}" font-size="11" text-anchor="middle">{year}</text>')
    lane_parts = []
    for label, lane_y, height in lanes:
        lane_parts.append(f'<rect x="{LEFT}" y="{lane_y}" width="{SVG_WIDTH - LEFT - RIGHT}" '
                          f'height="{height}" fill="#f6f6f6" stroke="#cccccc"/>')
        lane_parts.append(f'<text x="{LEFT - 8}" y="{lane_y + height / 2 + 4:.1f}" font-size="12" '
                          f'text-anchor="end">{ui.escape(label)}</text>')
    title = (f"Timeline of {len(dated)} dated events from {first_year} to {last_year}, "
             "one lane per track")
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="rp-timeline-svg" role="img" '
        f'aria-label="{html.escape(title)}" width="{SVG_WIDTH}" height="{total:.0f}" '
        f'viewBox="0 0 {SVG_WIDTH} {total:.0f}" font-family="sans-serif">'
        f'<title>{ui.escape(title)}</title>{PATTERNS.format(svg="strip")}'
        + "".join(lane_parts) + "".join(axis) + "".join(parts) + "</svg>"
    )


# The key: each date precision, its mark as a screen reader names it, and its words.
LEGEND_ITEMS = (("day", "a black dot", "a day"), ("month", "a grey box", "a month"),
                ("year", "a striped box", "a year"), ("range", "a dotted box", "a range"),
                ("open", "a white triangle", "a start only"))


def legend_html() -> str:
    """The key to the marks, one per date precision: each mark stays with its words, and the
    entries wrap onto more lines in a narrow window (one SVG of fixed width would cut them)."""
    items = []
    for precision, mark_name, label in LEGEND_ITEMS:
        x1 = 6 if precision == "day" else 28  # a box from x 6 to 28, as on the strip
        width = {"day": 14, "open": 20}.get(precision, 32)
        # The first mark that needs the fills defines them for the whole key.
        defs = PATTERNS.format(svg="key") if precision == "year" else ""
        items.append(
            '<span style="white-space:nowrap;display:inline-flex;align-items:center;gap:4px">'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="18" role="img" '
            f'aria-label="{mark_name}">{defs}{_marker(precision, 6, x1, 9, label, "key")}</svg>'
            f"{label}</span>"
        )
    items.append('<span style="white-space:nowrap">undated: listed only</span>')
    return (
        '<div class="rp-timeline-legend" '
        'style="display:flex;flex-wrap:wrap;align-items:center;gap:2px 14px;font-size:0.85em">'
        "<b>Key:</b>" + "".join(items) + "</div>"
    )


TABLE_STYLE = "border-collapse:collapse;font-size:0.9em"
CELL_STYLE = "border-bottom:1px solid #cccccc;padding:3px 6px;text-align:left;vertical-align:top"
LIST_COLUMNS = ["#", "Date as printed", "Normalised date", "Precision", "Category", "Quote", "¶"]


def events_html(selected: pd.DataFrame) -> str:
    """The selected events as an HTML table, numbered as on the strip."""
    head = "".join(f'<th style="{CELL_STYLE}">{c}</th>' for c in LIST_COLUMNS)
    rows = []
    for _, event in selected.iterrows():
        printed = event["date_as_printed"]
        printed = "—" if printed is None or pd.isna(printed) else f"“{ui.escape(printed)}”"
        normalised = ui.escape(event["normalised"])
        source = event.get("date_source")
        if isinstance(source, str) and source:
            normalised += f" <small>(from reference fact {ui.escape(source)})</small>"
        cells = [
            str(event["number"]), printed, normalised, ui.escape(event["precision"]),
            ui.escape(event["category"]), f"“{ui.escape(event['quote'])}”", str(event["paragraph"]),
        ]
        rows.append("<tr>" + "".join(f'<td style="{CELL_STYLE}">{c}</td>' for c in cells) + "</tr>")
    return (
        f'<table class="rp-timeline-table" style="{TABLE_STYLE}"><thead><tr>' + head + "</tr></thead><tbody>"
        + "".join(rows) + "</tbody></table>"
    )


def summary_text(selected: pd.DataFrame, total: int, first_year: int, last_year: int) -> str:
    undated = int(selected["undated"].sum())
    dated = len(selected) - undated
    text = (f"{len(selected)} of {total} events shown: {dated} dated between {first_year} "
            f"and {last_year}")
    if undated:
        text += f", and {undated} the article does not date (listed last, not on the strip)"
    return text + "."


class TimelineExplorer(ui.PackWidget):
    """Pick a range of years and categories; see the matching events on a strip and in a list."""

    def __init__(self, ledger=None, *_tables_from_old_workbooks):
        ledger = widget_ledger(ledger)
        self.table = event_table(ledger.events)
        self.zoom = zoom_years(ledger)
        self.first_year, self.last_year = year_bounds(self.table)
        present = set(self.table["category"])
        self.categories = [c for c in CATEGORY_ORDER if c in present] + sorted(
            present - set(CATEGORY_ORDER))
        # It opens on the years where most events fall: over the whole span they crowd one edge.
        self.years = widgets.IntRangeSlider(
            value=self.zoom, min=self.first_year, max=self.last_year,
            step=1, description="Years", continuous_update=False, style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="560px"),
        )
        self.years.add_class("rp-timeline-years")
        self.category_boxes = {}
        for category in self.categories:
            box = widgets.Checkbox(
                value=True, description=category.capitalize(), indent=False,
                layout=widgets.Layout(width="130px"),
            )
            box.add_class("rp-timeline-category")
            box.add_class(f"rp-timeline-category-{category}")
            self.category_boxes[category] = box
        self.undated = widgets.Checkbox(value=True, description="Include events with no date",
                                        indent=False)
        self.undated.add_class("rp-timeline-undated")
        self.reset_control = ui.reset_button(self.reset)
        self.reset_control.add_class("rp-timeline-reset")
        self.summary = ui.ResultHTML()
        self.summary.add_class("rp-timeline-summary")
        self.chart = ui.ResultHTML()
        self.chart.add_class("rp-timeline-chart")
        self.listing = ui.ResultHTML()
        self.listing.add_class("rp-timeline-list")
        self._muted = False
        for control in [self.years, self.undated, *self.category_boxes.values()]:
            control.observe(self._update, names="value")
        tracks = []
        for label, categories in TRACKS.values():
            boxes = [self.category_boxes[c] for c in categories if c in self.category_boxes]
            if boxes:
                tracks.append(widgets.VBox([widgets.HTML(f"<b>{ui.escape(label)}</b>"),
                                            ui.control_row(*boxes)]))
        self.widget = widgets.VBox(
            [ui.control_row(self.years, self.reset_control), *tracks, self.undated,
             ui.ResultHTML(legend_html()), self.summary, self.chart, self.listing]
        )
        self.widget.add_class("rp-timeline")
        self._update()

    def chosen_categories(self) -> list[str]:
        return [c for c, box in self.category_boxes.items() if box.value]

    def _update(self, _change=None) -> None:
        if self._muted:
            return
        first, last = self.years.value
        chosen = self.chosen_categories()
        if not chosen:
            self.summary.value = ui.notice(NO_CATEGORY)
            self.chart.value = ""
            self.listing.value = ""
            return
        selected = select_events(self.table, first, last, chosen, self.undated.value)
        if selected.empty:
            self.summary.value = ui.notice(NOTHING_MATCHES)
            self.chart.value = ""
            self.listing.value = ""
            return
        summary = summary_text(selected, len(self.table), first, last)
        if (first, last) != (self.first_year, self.last_year):
            summary += (f" The article gives dates from {self.first_year} to {self.last_year}: move the "
                        f"ends of the Years slider to {self.first_year} and {self.last_year} to see all "
                        "its events.")
        self.summary.value = f"<p>{ui.escape(summary)}</p>"
        self.chart.value = timeline_svg(selected, first, last)
        self.listing.value = ui.scroll_box(events_html(selected), "The list of events")

    def reset(self) -> None:
        """The opening years, every category, undated events included."""
        self._muted = True
        try:
            self.years.value = self.zoom
            self.undated.value = True
            for box in self.category_boxes.values():
                box.value = True
        finally:
            self._muted = False
        self._update()

    def example_changes(self) -> list[tuple[widgets.Widget, object]]:
        first, last = self.zoom
        changes: list[tuple[widgets.Widget, object]] = [
            (self.years, (first, last)),
            (self.years, (last - 2, last - 1)),
            (self.years, (self.first_year, self.first_year + 2)),
            (self.years, (self.first_year, self.last_year)),
            (self.undated, False),
            (self.undated, True),
        ]
        for box in self.category_boxes.values():
            changes += [(box, False), (box, True)]
        return changes
