"""The two governments' positions, as the article reports them (lesson 6): the widget.

It renders what readingpack.evidence.positions returns: both government columns in one wording,
the author's readings apart, each government's own statements from the reference list with
source and side, and in a separate box what happened after the article was published (context,
never a score for the article's predictions).
"""

import ipywidgets as widgets

from .. import ui
from ..evidence import positions as evidence
from ..evidence.positions import (
    AFTER_TITLE,
    AUTHORS_READING,
    AUTHORS_TITLE,
    NO_LATER_FACTS,
    NO_READING,
    OWN_CAVEAT,
    THROUGH_THE_AUTHOR,
    PositionsData,
)


def _source_html(data: PositionsData, fact_id: str) -> str:
    fact = data.fact_record(fact_id)
    carried = f" Carried by: {ui.escape(fact['carried_by'])}." if fact["carried_by"] else ""
    return (f"<small>(reference fact {fact_id}; source: {ui.escape(fact['source'])}."
            f"{carried} Side: {ui.escape(fact['side'])}.)</small>")


def statement_html(data: PositionsData, issue_id: str, government: str, fact_id: str) -> str:
    """One government's own words from the reference list, with the fact's id, source and side."""
    quote = evidence.as_text(data.statement(issue_id, government, fact_id)["quote"])
    return (f'<blockquote class="rp-positions-own" data-fact="{fact_id}">“{ui.escape(quote)}” '
            f"{_source_html(data, fact_id)}</blockquote>")


def position_html(row) -> str:
    text = evidence.as_text
    label = text(row.get("label"))
    parts = [f"<p>{ui.escape(text(row['reported_position']))}</p>"]
    if label:
        parts.append(f"<p><small>Label the article quotes: {ui.escape(label)}</small></p>")
    parts.append(
        f'<blockquote class="rp-positions-quote">“{ui.escape(text(row["quote"]))}” '
        f"<small>(paragraph {int(row['paragraph'])})</small></blockquote>"
    )
    return "".join(parts)


def side_html(data: PositionsData, issue_id: str, government: str) -> str:
    rows = data.positions_of(issue_id, government)
    if rows.empty:
        text = ui.escape(data.not_reported_sentence(government))
        return f'<p class="rp-positions-none"><em>{text}</em></p>'
    return "".join(position_html(row) for _, row in rows.iterrows())


def own_html(data: PositionsData, issue_id: str, government: str) -> str:
    found = data.statements(issue_id, government)
    if found.empty:
        text = ui.escape(data.no_statement_sentence(government))
        return f'<p class="rp-positions-none"><em>{text}</em></p>'
    return "".join(statement_html(data, issue_id, government, f) for f in found["fact_id"])


def reading_html(data: PositionsData, row) -> str:
    """One reading of the author's: her words, the pack's note, and the government's own statement."""
    text, government = evidence.as_text, row["government"]
    name = data.names[government]
    parts = [
        f'<div class="rp-positions-reading" data-position="{row["position_id"]}">',
        f"<p><strong>About {name}</strong>, the author writes: "
        f"“{ui.escape(text(row['authors_words']))}” "
        f"<small>(paragraph {int(row['authors_paragraph'])})</small></p>",
        f"<p>{ui.escape(text(row['reported_position']))}</p>",
    ]
    fact_id = text(row["own_statement"])
    if fact_id:
        quote = text(data.statement(row["issue_id"], government, fact_id)["quote"])
        parts.append(
            f'<p class="rp-positions-answer" data-fact="{fact_id}">{name}'
            f"'s own statement (reference fact {fact_id}; its source and side are in the table "
            f"below): “{ui.escape(quote)}”</p>"
        )
    parts.append("</div>")
    return "".join(parts)


def _table(heads: list[str], cells: list[str], css: str) -> str:
    cell = "width:50%;vertical-align:top;border:1px solid #cccccc;padding:6px"
    head = "".join(f'<th style="{cell}">{ui.escape(h)}</th>' for h in heads)
    body = "".join(f'<td style="{cell}">{c}</td>' for c in cells)
    return (f'<table class="{css}" style="border-collapse:collapse;width:100%">'
            f"<thead><tr>{head}</tr></thead><tbody><tr>{body}</tr></tbody></table>")


def columns_html(data: PositionsData, issue_id: str) -> str:
    note = ""
    reported = data.sides_reported(issue_id)
    if len(reported) == 1:
        missing = next(s for s in data.names if s not in reported)
        note = ui.notice(f"On this issue the article reports only one side: it gives no position "
                         f"of {data.names[missing]}.")
    elif not reported:
        note = ui.notice("On this issue the article reports the position of neither government.")
    readings = data.rows(issue_id, AUTHORS_READING)
    reading = ("".join(reading_html(data, row) for _, row in readings.iterrows())
               if len(readings) else f"<p><em>{ui.escape(NO_READING)}</em></p>")
    return (
        f'<p class="rp-positions-caveat"><strong>{ui.escape(THROUGH_THE_AUTHOR)}</strong></p>{note}'
        + _table(list(data.governments.values()),
                 [side_html(data, issue_id, g) for g in data.names], "rp-positions-table")
        + f'<div class="rp-positions-readings"><h4>{ui.escape(AUTHORS_TITLE)}</h4>{reading}</div>'
        + f'<div class="rp-positions-own-box"><p><em>{ui.escape(OWN_CAVEAT)}</em></p>'
        + _table(list(data.own_heads.values()),
                 [own_html(data, issue_id, g) for g in data.names], "rp-positions-own-table")
        + "</div>"
    )


def fact_html(data: PositionsData, fact_id: str) -> str:
    """One reference fact from after the article: date, what happened, note, source, side, links."""
    fact = data.fact_record(fact_id)
    links = " ; ".join(
        f'<a href="{ui.escape(link)}" target="_blank" rel="noopener">{ui.escape(link)}</a>'
        for link in fact["links"] if str(link).strip()  # a blank cell gives no empty link
    )
    parts = [
        f'<div class="rp-positions-fact" data-fact="{fact_id}">',
        f"<p><strong>{ui.escape(fact['date'])} (reference fact {fact_id}): "
        f"{ui.escape(fact['fact'])}</strong></p>",
        f"<p>{ui.escape(fact['value'])}</p>",
    ]
    if fact["note"]:
        parts.append(f"<p>Note from the source list: {ui.escape(fact['note'])}</p>")
    parts.append(
        f"<p><small>Source: {ui.escape(fact['source'])}. Side: {ui.escape(fact['side'])}. "
        f"Confidence: {ui.escape(fact['confidence'])}.</small></p>"
    )
    if links:
        parts.append(f"<p><small>Links: {links}</small></p>")
    parts.append("</div>")
    return "".join(parts)


def after_html(data: PositionsData, issue_id: str) -> str:
    related = data.after_facts(issue_id)
    body = (
        "".join(fact_html(data, fact_id) for fact_id in related)
        if related else f"<p><em>{NO_LATER_FACTS}</em></p>"
    )
    return (
        '<div class="rp-positions-after-box" role="region" '
        f'aria-label="{AFTER_TITLE}" style="border:2px dashed #555555;padding:6px 10px;margin-top:8px">'
        f"<h4>{AFTER_TITLE}</h4><p><em>{ui.escape(data.after_caveat)}</em></p>{body}</div>"
    )


class PositionComparison(ui.PackWidget):
    """Choose an issue: what the article reports of each government's position, side by side in
    the same words, the author's readings apart, each government's own statements from the
    reference list, and in a separate box what happened after the article was published."""

    def __init__(self, ledger=None):
        # A PositionsData is accepted too: workbooks copied before the change pass one.
        self.data = ledger if isinstance(ledger, PositionsData) else PositionsData(ledger)
        options = self.data.options()
        self.initial = options[0][1]
        self.issue = ui.menu(options, self.initial, "Issue", "rp-positions-issue")
        self.show_after = widgets.Checkbox(value=True, indent=False,
                                           description=f"Show “{AFTER_TITLE}”")
        self.show_after.add_class("rp-positions-show-after")
        self.reset_control = ui.reset_button(self.reset)
        self.reset_control.add_class("rp-positions-reset")
        self.columns = ui.ResultHTML()
        self.columns.add_class("rp-positions-columns")
        self.after = ui.ResultHTML()
        self.after.add_class("rp-positions-after")
        self.issue.observe(self._update, names="value")
        self.show_after.observe(self._update, names="value")
        self.widget = widgets.VBox([
            ui.control_row(self.issue, self.reset_control), self.show_after,
            self.columns, self.after,
        ])
        self.widget.add_class("rp-positions")
        self._update()

    def _update(self, _change=None) -> None:
        issue_id = self.issue.value
        self.columns.value = columns_html(self.data, issue_id)
        self.after.value = after_html(self.data, issue_id) if self.show_after.value else ""

    def reset(self) -> None:
        self.issue.value = self.initial
        self.show_after.value = True
        self._update()

    def example_changes(self) -> list[tuple[widgets.Widget, object]]:
        changes = [(self.issue, value) for _label, value in self.issue.options]
        return [*changes, (self.show_after, False), (self.show_after, True)]
