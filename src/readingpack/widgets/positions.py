"""The two governments' positions, as the article reports them (lesson 6).

Both columns come through the author's account: each cell is what the article reports a
government wants or says, with the article's own words (data/issues.csv, data/positions.csv).
Where the article reports only one side on an issue, the other column says so.

A separate box, "After the article was published", shows the reference facts marked
after_article (E11 and E12 in data/reference/facts.csv) that data/issue_facts.csv links to the
chosen issue, each with its sources and sides. They are context, never a score for the
article's predictions.
"""

import ipywidgets as widgets
import pandas as pd

from .. import ui
from ..ledger import load_ledger

GOVERNMENTS = {
    "azerbaijan": "What the article reports Azerbaijan's government wants",
    "armenia": "What the article reports Armenia's government's position is",
}
GOVERNMENT_NAMES = {"azerbaijan": "Azerbaijan's government", "armenia": "Armenia's government"}
THROUGH_THE_AUTHOR = (
    "Both columns come through the author's account: they are what the article reports each "
    "government wants or says, in the article's words, not the governments' own statements."
)
AFTER_TITLE = "After the article was published"
AFTER_CAVEAT = (
    "Context only: these events came after 22 November 2024. They are not a score for the "
    "article's predictions or arguments."
)
SIDE_LABELS = {
    "AM": "AM (Armenian government, officials or media: a party)",
    "AZ": "AZ (Azerbaijani government, officials or media: a party)",
    "RU": "RU (Russian state media: an interested party)",
    "INTL": "INTL (an international organisation or court)",
    "REF": "REF (a reference work or statistics office of a third country)",
    "OTHER": "OTHER (third-country media)",
}

def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


class PositionsData:
    """The issues, the positions and the after-publication facts, read once."""

    def __init__(self, ledger=None):
        ledger = ledger or load_ledger()
        self.issues = ledger["issues"].reset_index(drop=True)
        positions = ledger["positions"]
        # a row with no quote says that the article does not report this government's position
        self.positions = positions.assign(reported=positions["quote"].notna())
        self.facts = ledger["reference_facts"].set_index("id", drop=False)
        self.fact_values = ledger["reference_fact_values"]
        self.issue_facts = ledger["issue_facts"]

    def label(self, issue_id: str) -> str:
        return _text(self.issues.loc[self.issues["issue_id"] == issue_id, "issue"].iloc[0])

    def options(self) -> list[tuple[str, str]]:
        return [(self.label(i), i) for i in self.issues["issue_id"]]

    def positions_of(self, issue_id: str, government: str, reported: bool = True) -> pd.DataFrame:
        """The rows of `government` on the issue: those with a quote (reported) or without."""
        rows = self.positions[(self.positions["issue_id"] == issue_id)
                              & (self.positions["government"] == government)
                              & (self.positions["reported"] == reported)]
        return rows.sort_values("position_id")

    def sides_reported(self, issue_id: str) -> list[str]:
        return [g for g in GOVERNMENTS if not self.positions_of(issue_id, g).empty]

    def after_facts(self, issue_id: str) -> list[str]:
        """Reference facts from after the article's publication linked to the issue."""
        linked = self.issue_facts.loc[self.issue_facts["issue_id"] == issue_id, "fact_id"]
        return [f for f in linked if bool(self.facts.loc[f, "after_article"])]

    def issues_of_fact(self, fact_id: str) -> list[str]:
        return list(self.issue_facts.loc[self.issue_facts["fact_id"] == fact_id, "issue_id"])

    def fact_date(self, fact_id: str) -> str:
        values = self.fact_values[(self.fact_values["fact_id"] == fact_id)
                                  & self.fact_values["date_start"].notna()]
        if values.empty:
            return ""
        return f"{values.iloc[0]['date_start']:%-d %b %Y}"

    def fact_sides(self, fact_id: str) -> list[str]:
        fact = self.facts.loc[fact_id]
        return [s for s in (_text(fact["side"]), _text(fact["side_2"])) if s]

    def fact_links(self, fact_id: str) -> list[str]:
        fact = self.facts.loc[fact_id]
        return [s for s in (_text(fact["link"]), _text(fact["link_2"])) if s]


def position_html(row) -> str:
    label = _text(row.get("label"))
    parts = [f"<p>{ui.escape(_text(row['reported_position']))}</p>"]
    if label:
        parts.append(f"<p><small>Label the article quotes: {ui.escape(label)}</small></p>")
    parts.append(
        f'<blockquote class="rp-positions-quote">“{ui.escape(_text(row["quote"]))}” '
        f"<small>(paragraph {int(row['paragraph'])})</small></blockquote>"
    )
    return "".join(parts)


def not_reported_text(data: PositionsData, issue_id: str, government: str) -> str:
    rows = data.positions_of(issue_id, government, reported=False)
    if len(rows):
        return _text(rows.iloc[0]["reported_position"])
    return f"The article does not report {GOVERNMENT_NAMES[government]}'s position on this issue."


def side_html(data: PositionsData, issue_id: str, government: str) -> str:
    rows = data.positions_of(issue_id, government)
    if rows.empty:
        text = ui.escape(not_reported_text(data, issue_id, government))
        return f'<p class="rp-positions-none"><em>{text}</em></p>'
    return "".join(position_html(row) for _, row in rows.iterrows())


def columns_html(data: PositionsData, issue_id: str) -> str:
    cell = "width:50%;vertical-align:top;border:1px solid #cccccc;padding:6px"
    heads = "".join(f'<th style="{cell}">{ui.escape(h)}</th>' for h in GOVERNMENTS.values())
    cells = "".join(f'<td style="{cell}">{side_html(data, issue_id, s)}</td>' for s in GOVERNMENTS)
    note = ""
    reported = data.sides_reported(issue_id)
    if len(reported) == 1:
        missing = next(s for s in GOVERNMENTS if s not in reported)
        note = ui.notice(f"On this issue the article reports only one side: it gives no position "
                         f"of {GOVERNMENT_NAMES[missing]}.")
    return (
        f'<p class="rp-positions-caveat"><strong>{ui.escape(THROUGH_THE_AUTHOR)}</strong></p>{note}'
        '<table class="rp-positions-table" style="border-collapse:collapse;width:100%">'
        f"<thead><tr>{heads}</tr></thead><tbody><tr>{cells}</tr></tbody></table>"
    )


def fact_html(data: PositionsData, fact_id: str) -> str:
    """One reference fact from after the article: date, what happened, note, source, sides, links."""
    fact = data.facts.loc[fact_id]
    sides = "; ".join(SIDE_LABELS.get(s, s) for s in data.fact_sides(fact_id))
    links = " ; ".join(
        f'<a href="{ui.escape(link)}" target="_blank" rel="noopener">{ui.escape(link)}</a>'
        for link in data.fact_links(fact_id)
    )
    note = _text(fact["note"])
    parts = [
        f'<div class="rp-positions-fact" data-fact="{fact_id}">',
        f"<p><strong>{ui.escape(data.fact_date(fact_id))} (reference fact {fact_id}): "
        f"{ui.escape(_text(fact['fact']))}</strong></p>",
        f"<p>{ui.escape(_text(fact['value']))}</p>",
    ]
    if note:
        parts.append(f"<p>Note from the source list: {ui.escape(note)}</p>")
    parts.append(
        f"<p><small>Source: {ui.escape(_text(fact['source']))}. Side: {ui.escape(sides)}. "
        f"Confidence: {ui.escape(_text(fact['confidence']))}.</small></p>"
    )
    if links:
        parts.append(f"<p><small>Links: {links}</small></p>")
    parts.append("</div>")
    return "".join(parts)


def after_html(data: PositionsData, issue_id: str) -> str:
    related = data.after_facts(issue_id)
    body = (
        "".join(fact_html(data, fact_id) for fact_id in related)
        if related else
        "<p><em>The pack's reference facts report nothing from after the article's "
        "publication on this issue.</em></p>"
    )
    return (
        '<div class="rp-positions-after-box" role="region" '
        f'aria-label="{AFTER_TITLE}" style="border:2px dashed #555555;padding:6px 10px;margin-top:8px">'
        f"<h4>{AFTER_TITLE}</h4><p><em>{ui.escape(AFTER_CAVEAT)}</em></p>{body}</div>"
    )


def sides_text(data: PositionsData, issue_id: str) -> str:
    reported = data.sides_reported(issue_id)
    if len(reported) == 2:
        return "both"
    if len(reported) == 1:
        return f"only {GOVERNMENT_NAMES[reported[0]]}"
    return "neither"


def positions_table(data: PositionsData | None = None) -> pd.DataFrame:
    """One row per issue: whose positions the article reports, and what it reports each
    government wants, with the quotes and their paragraphs in brackets."""
    data = data or PositionsData()
    rows = []
    for issue_id in data.issues["issue_id"]:
        row = {"issue": data.label(issue_id), "sides the article reports": sides_text(data, issue_id)}
        for government, name in GOVERNMENT_NAMES.items():
            found = data.positions_of(issue_id, government)
            if found.empty:
                row[f"{name}, as the article reports it"] = not_reported_text(data, issue_id, government)
                row[f"{name}: the article's words (¶)"] = "—"
                continue
            row[f"{name}, as the article reports it"] = " / ".join(
                _text(t) for t in found["reported_position"])
            row[f"{name}: the article's words (¶)"] = " / ".join(
                f"“{_text(q)}” ({int(p)})" for q, p in zip(found["quote"], found["paragraph"], strict=True)
            )
        rows.append(row)
    return pd.DataFrame(rows).set_index("issue")


def after_article_table(data: PositionsData | None = None) -> pd.DataFrame:
    """The reference facts from after the article's publication, with their sources, sides,
    links and the issues they concern."""
    data = data or PositionsData()
    rows = []
    for fact_id in data.facts.index[data.facts["after_article"].fillna(False)]:
        fact = data.facts.loc[fact_id]
        rows.append({
            "id": fact_id,
            "date": data.fact_date(fact_id),
            "what happened (after the article was published)": _text(fact["value"]),
            "note": _text(fact["note"]),
            "source": _text(fact["source"]),
            "side": "; ".join(data.fact_sides(fact_id)),
            "links": " ; ".join(data.fact_links(fact_id)),
            "issues it concerns": "; ".join(data.label(i) for i in data.issues_of_fact(fact_id)),
        })
    return pd.DataFrame(rows).set_index("id")


class PositionsWidget(ui.PackWidget):
    """Choose an issue: what the article reports each government wants, side by side, and in a
    separate box what happened after the article was published."""

    def __init__(self, data: PositionsData | None = None):
        self.data = data or PositionsData()
        options = self.data.options()
        self.initial = options[0][1]
        self.issue = widgets.Dropdown(options=options, value=self.initial, description="Issue",
                                      layout=widgets.Layout(width="640px"))
        self.issue.add_class("rp-positions-issue")
        self.show_after = widgets.Checkbox(value=True, indent=False,
                                           description=f"Show “{AFTER_TITLE}”")
        self.show_after.add_class("rp-positions-show-after")
        self.reset_control = ui.reset_button(self.reset)
        self.reset_control.add_class("rp-positions-reset")
        self.columns = widgets.HTML()
        self.columns.add_class("rp-positions-columns")
        self.after = widgets.HTML()
        self.after.add_class("rp-positions-after")
        self.issue.observe(self._update, names="value")
        self.show_after.observe(self._update, names="value")
        self.widget = widgets.VBox([
            widgets.HBox([self.issue, self.reset_control]), self.show_after,
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
