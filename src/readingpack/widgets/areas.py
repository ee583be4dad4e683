"""How big is 215 km²? The article's area figure against places students know, rendered from
readingpack.evidence.areas: ratios as sentences, squares drawn to scale in inline SVG, and any
area a student types.
"""

import math

import ipywidgets as widgets
import pandas as pd

from ..evidence import areas as evidence
from ..evidence.areas import (
    article_area,
    compare_sentence,
    format_km2,
    reference_areas,
)
from ..ui import (
    MAX_REASONABLE_AREA_KM2,
    PackWidget,
    ResultHTML,
    control_row,
    escape,
    menu,
    notice,
    parse_positive_number,
    reset_button,
    widget_ledger,
)
from .claim_check import sentence_with_quote

SQUARE_MAX_PX = 170
TYPED_AREA = "the area you typed"


def short_name(place: str) -> str:
    """The menu's name of a place: its name without the notes in brackets, which the comparison
    sentence gives in full ("Paris (commune, incl. ...)" -> "Paris")."""
    return place.split(" (")[0]


def squares_svg(items: list[tuple[str, float, str]], max_px: int = SQUARE_MAX_PX) -> str:
    """Squares whose AREAS are to scale, each with its caption below: items are (name, area_km2,
    kind). The largest area gets a side of `max_px`; a square too small to see is drawn 1 px wide
    and its caption says so. Kind 'bound' draws a dashed outline and reads "at least". The
    squares wrap onto a new line in a narrow window (the scale stays the same)."""
    biggest = max(area for _, area, _ in items)
    figures = []
    for name, area, kind in items:
        side = max(1.0, max_px * math.sqrt(area / biggest))
        style = (
            'fill="#E69F00" fill-opacity="0.35" stroke="#000000" stroke-width="2" stroke-dasharray="6 3"'
            if kind == "bound" else 'fill="#0072B2" fill-opacity="0.25" stroke="#0072B2" stroke-width="2"'
        )
        size = f"{side + 4:.1f}"
        tiny = " (too small to see)" if side < 3 else ""
        amount = f"{'at least ' if kind == 'bound' else ''}{format_km2(area)} km²"
        figures.append(
            '<div style="display:flex;flex-direction:column;align-items:center;justify-content:flex-end;'
            f'width:max(10em, {size}px);max-width:100%">'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" aria-hidden="true">'
            f'<rect x="2" y="2" width="{side:.1f}" height="{side:.1f}" {style}/></svg>'
            f'<div style="text-align:center;font-size:0.9em;line-height:1.3">{escape(name)}{tiny}'
            f"<br>{escape(amount)}</div></div>"
        )
    return (
        f'<div class="rp-area-squares" role="img" aria-label="{escape(squares_description(items))}" '
        'style="display:flex;flex-wrap:wrap;align-items:flex-end;gap:1em 1.5em;margin:0.5em 0">'
        + "".join(figures) + "</div>"
    )


def squares_description(items: list[tuple[str, float, str]]) -> str:
    names = ", ".join(f"{label} ({'at least ' if kind == 'bound' else ''}{format_km2(area)} km²)"
                      for label, area, kind in items)
    return f"Squares drawn with areas to scale: {names}."


def source_html(row) -> str:
    url = str(row["link"]).strip() if pd.notna(row["link"]) else ""  # a blank cell gives no link
    link = (
        f'<a href="{escape(url)}" target="_blank" rel="noopener">{escape(url)}</a>'
        if url else "no link given in the reference list"
    )
    note = f" Note: {escape(str(row['note']))}" if pd.notna(row["note"]) else ""
    return (
        f'<div class="rp-area-source">Source: {escape(str(row["source"]))} · '
        f'{escape(row["side_label"])} · as of: {escape(str(row["as_of"]))} · '
        f"confidence: {escape(str(row['confidence']))} · link: {link}.{note}</div>"
    )


class AreaComparison(PackWidget):
    """Pick a place (or type an area) and compare it with the article's 'at least 215 km²'."""

    def __init__(self, ledger=None):
        ledger = widget_ledger(ledger)
        self.figure = article_area(ledger)
        self.low = self.figure["low"]
        self.areas = reference_areas(ledger).set_index("id", drop=False)
        self.country_id = evidence.country_id(ledger)
        self.country_name = evidence.country_name(ledger)
        self.default_place = evidence.default_place_id(ledger)
        self.armenia = self.areas.loc[self.country_id]
        options = [(short_name(place), place_id)
                   for place, place_id in zip(self.areas["place"], self.areas["id"], strict=True)]
        self.place = menu(options, self.default_place, "Place", "rp-area-place")
        # an area to type as an example: the reference place nearest half the article's figure
        half = (self.areas["area_km2"] - self.low / 2).abs()
        self.example = f"{self.areas.loc[half.idxmin(), 'area_km2']:g}"
        self.custom = widgets.Text(
            value="", description="Your area (km²)", placeholder=f"e.g. {self.example}",
            continuous_update=False,
        )
        self.custom.add_class("rp-area-input")
        self.custom.style.description_width = "initial"
        self.reset_control = reset_button(self.reset)
        self.reset_control.add_class("rp-area-reset")
        self.result = ResultHTML()
        self.result.add_class("rp-area-result")
        self.custom_result = ResultHTML()
        self.custom_result.add_class("rp-area-custom-result")
        self.shapes = ResultHTML()
        self.shapes.add_class("rp-area-shapes")
        paragraph = int(self.figure["paragraph"])
        sentence = sentence_with_quote(ledger, paragraph, self.figure["quote"])
        heading = widgets.HTML(
            f"<b>The article (paragraph {paragraph}):</b> “{sentence}” The figure is a lower bound: "
            "the area may be larger, never smaller."
        )
        self.place.observe(self._update, names="value")
        self.custom.observe(self._update, names="value")
        self.widget = widgets.VBox(
            [heading, control_row(self.place, self.reset_control), self.result, self.custom,
             self.custom_result, self.shapes]
        )
        self.widget.add_class("rp-area-widget")
        self._update()

    def _place_html(self) -> str:
        row = self.areas.loc[self.place.value]
        armenia = self.armenia
        sentence = compare_sentence(self.low, row["label"], row["area_km2"], row["area_text"])
        lines = [f"<p class='rp-area-ratio'><b>{escape(sentence)}</b></p>"]
        lines.append(source_html(row))
        if row["id"] != self.country_id:
            sentence = compare_sentence(
                self.low, self.country_name, armenia["area_km2"], armenia["area_text"], is_area=True
            )
            lines.append(
                f"<p class='rp-area-armenia'>{escape(sentence)} (Source: "
                f"{escape(str(armenia['source']))}, a reference source.)</p>"
            )
        return "".join(lines)

    def _update(self, _change=None) -> None:
        row = self.areas.loc[self.place.value]
        self.result.value = self._place_html()
        items = [("the article's figure", self.low, "bound"),
                 (short_name(row["place"]), float(row["area_km2"]), "place")]
        value, message = parse_positive_number(self.custom.value, "an area in km²", math.inf, self.example)
        if value is None:
            level = "info" if str(self.custom.value).strip() == "" else "problem"
            self.custom_result.value = notice(message, level)
        elif value > MAX_REASONABLE_AREA_KM2:
            self.custom_result.value = notice(
                f"{format_km2(value)} km² is more than the surface of the whole Earth. "
                "Check the number of digits.", "problem"
            )
        else:
            self.custom_result.value = (
                "<p class='rp-area-custom-ratio'>"
                + escape(compare_sentence(self.low, TYPED_AREA, value, is_area=True)) + "</p>"
            )
            items.append((TYPED_AREA, value, "custom"))
        self.shapes.value = squares_svg(items)

    def reset(self) -> None:
        self.custom.value = ""
        self.place.value = self.default_place
        self._update()

    def example_changes(self):
        changes = [(self.place, place_id) for place_id in self.areas["id"]]
        # Typed areas beside the place with the longest name, then beside a small one.
        longest = max(self.areas["id"], key=lambda place_id: len(self.areas.loc[place_id, "place"]))
        typed = ["105.4", "", "-3", "abc", "1e12", "1e99", "510072000", "29,743", "0.5", "0.0001"]
        for place_id in (longest, self.default_place):
            changes += [(self.place, place_id)] + [(self.custom, raw) for raw in typed]
        return changes
