"""The two governments' positions, as the article reports them (lesson 6).

Both government columns come through the author's account, and both use one wording,
POSITION_COLUMN, with the government's name substituted. data/positions.csv gives each row a
`kind`: `reported` (a position the article reports, with its words in `quote`), `not_reported`
(the article reports none on the issue) or `authors_reading` (the author's own account,
characterisation or prediction about a government). An author's reading is never put in a
government's column: it is listed apart, with the government's own statement where the
reference list holds one (`own_statement`).

Below the columns, each government's own statements on the issue from the pack's reference
list (data/issue_facts.csv rows whose `use` is own_statement), with source and side; side
labels come from data/reference/sides.csv through readingpack.sources. A separate box, "After
the article was published", shows the linked reference facts marked after_article (E11, E12):
context, never a score for the article's predictions.
"""

import ipywidgets as widgets
import pandas as pd

from .. import sources, ui
from ..ledger import load_ledger

GOVERNMENT_NAMES = {"armenia": "Armenia's government", "azerbaijan": "Azerbaijan's government"}
POSITION_COLUMN = "{government}'s position, as the article reports it"
WORDS_COLUMN = "{government}'s position: the article's words (¶)"
OWN_COLUMN = "{government}'s own statements in the reference list"
GOVERNMENTS = {g: POSITION_COLUMN.format(government=n) for g, n in GOVERNMENT_NAMES.items()}
OWN_HEADS = {g: OWN_COLUMN.format(government=n) for g, n in GOVERNMENT_NAMES.items()}
AUTHORS_TITLE = "The author's reading (not a government's position)"
REPORTED, NOT_REPORTED, AUTHORS_READING = "reported", "not_reported", "authors_reading"
OWN_STATEMENT, CONTEXT = "own_statement", "context"
THROUGH_THE_AUTHOR = (
    "Both government columns come through the author's account: each cell is what the article "
    "reports that government says or does, in the article's words, not the government's own "
    "statement. The author's own readings and predictions are listed apart, under "
    f"“{AUTHORS_TITLE}”."
)
OWN_CAVEAT = (
    "Not from the article: each government's own words on this issue, where the pack's reference "
    "list holds them, with the source and its side. A party's statement is evidence of what that "
    "party says."
)
AFTER_TITLE = "After the article was published"
AFTER_CAVEAT = (
    "Context only: these events came after 22 November 2024. They are not a score for the "
    "article's predictions or arguments."
)
NO_READING = "The pack records no separate reading of the author's on this issue."


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def not_reported_sentence(government: str) -> str:
    return f"The article does not report {GOVERNMENT_NAMES[government]}'s position on this issue."


def no_statement_sentence(government: str) -> str:
    return (f"The pack's reference list holds no statement of {GOVERNMENT_NAMES[government]} "
            "on this issue.")


class PositionsData:
    """The issues, the positions, the governments' own statements and the later facts, read once."""

    def __init__(self, ledger=None):
        ledger = ledger or load_ledger()
        self.issues = ledger["issues"].reset_index(drop=True)
        self.positions = ledger["positions"]
        self.facts = ledger["reference_facts"].set_index("id", drop=False)
        self.sides = sources.fact_sides(ledger)
        self.fact_values = ledger["reference_fact_values"]
        self.issue_facts = ledger["issue_facts"]

    def label(self, issue_id: str) -> str:
        return _text(self.issues.loc[self.issues["issue_id"] == issue_id, "issue"].iloc[0])

    def options(self) -> list[tuple[str, str]]:
        return [(self.label(i), i) for i in self.issues["issue_id"]]

    def rows(self, issue_id: str, kind: str, government: str | None = None) -> pd.DataFrame:
        """The rows of one kind on the issue, of one government or of both."""
        rows = self.positions[(self.positions["issue_id"] == issue_id)
                              & (self.positions["kind"] == kind)]
        if government:
            rows = rows[rows["government"] == government]
        return rows.sort_values("position_id")

    def positions_of(self, issue_id: str, government: str) -> pd.DataFrame:
        """The positions of `government` that the article reports on the issue."""
        return self.rows(issue_id, REPORTED, government)

    def sides_reported(self, issue_id: str) -> list[str]:
        return [g for g in GOVERNMENTS if not self.positions_of(issue_id, g).empty]

    def statements(self, issue_id: str, government: str) -> pd.DataFrame:
        """The government's own statements on the issue, from the reference list."""
        links = self.issue_facts
        return links[(links["issue_id"] == issue_id) & (links["use"] == OWN_STATEMENT)
                     & (links["government"] == government)]

    def statement(self, issue_id: str, government: str, fact_id: str) -> pd.Series:
        found = self.statements(issue_id, government)
        return found[found["fact_id"] == fact_id].iloc[0]

    def after_facts(self, issue_id: str) -> list[str]:
        """Reference facts from after the article's publication linked to the issue."""
        links = self.issue_facts
        linked = links.loc[(links["issue_id"] == issue_id) & (links["use"] == CONTEXT), "fact_id"]
        return [f for f in linked if bool(self.facts.loc[f, "after_article"])]

    def issues_of_fact(self, fact_id: str) -> list[str]:
        links = self.issue_facts
        return list(dict.fromkeys(links.loc[links["fact_id"] == fact_id, "issue_id"]))

    def fact_date(self, fact_id: str) -> str:
        values = self.fact_values[(self.fact_values["fact_id"] == fact_id)
                                  & self.fact_values["date_start"].notna()]
        if values.empty:
            return ""
        return f"{values.iloc[0]['date_start']:%-d %b %Y}"

    def fact_side(self, fact_id: str) -> str:
        """The side codes, 'AM; AZ (reported by AM-media and AZ-media)'."""
        return _text(self.sides.loc[fact_id, "side"])

    def fact_side_words(self, fact_id: str) -> str:
        """The side in words, from data/reference/sides.csv."""
        return _text(self.sides.loc[fact_id, "side_label"])

    def fact_links(self, fact_id: str) -> list[str]:
        fact = self.facts.loc[fact_id]
        return [s for s in (_text(fact[c]) for c in ("link", "link_2", "link_3") if c in fact) if s]


def _source_html(data: PositionsData, fact_id: str) -> str:
    fact = data.facts.loc[fact_id]
    carried = _text(data.sides.loc[fact_id, "carried_by"])
    carried = f" Carried by: {ui.escape(carried)}." if carried else ""
    return (f"<small>(reference fact {fact_id}; source: {ui.escape(_text(fact['source']))}."
            f"{carried} Side: {ui.escape(data.fact_side_words(fact_id))}.)</small>")


def statement_html(data: PositionsData, issue_id: str, government: str, fact_id: str) -> str:
    """One government's own words from the reference list, with the fact's id, source and side."""
    quote = _text(data.statement(issue_id, government, fact_id)["quote"])
    return (f'<blockquote class="rp-positions-own" data-fact="{fact_id}">“{ui.escape(quote)}” '
            f"{_source_html(data, fact_id)}</blockquote>")


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


def side_html(data: PositionsData, issue_id: str, government: str) -> str:
    rows = data.positions_of(issue_id, government)
    if rows.empty:
        text = ui.escape(not_reported_sentence(government))
        return f'<p class="rp-positions-none"><em>{text}</em></p>'
    return "".join(position_html(row) for _, row in rows.iterrows())


def own_html(data: PositionsData, issue_id: str, government: str) -> str:
    found = data.statements(issue_id, government)
    if found.empty:
        return f'<p class="rp-positions-none"><em>{ui.escape(no_statement_sentence(government))}</em></p>'
    return "".join(statement_html(data, issue_id, government, f) for f in found["fact_id"])


def reading_html(data: PositionsData, row) -> str:
    """One reading of the author's: her words, the pack's note, and the government's own statement."""
    government = row["government"]
    parts = [
        f'<div class="rp-positions-reading" data-position="{row["position_id"]}">',
        f"<p><strong>About {GOVERNMENT_NAMES[government]}</strong>, the author writes: "
        f"“{ui.escape(_text(row['authors_words']))}” "
        f"<small>(paragraph {int(row['authors_paragraph'])})</small></p>",
        f"<p>{ui.escape(_text(row['reported_position']))}</p>",
    ]
    fact_id = _text(row["own_statement"])
    if fact_id:
        quote = _text(data.statement(row["issue_id"], government, fact_id)["quote"])
        parts.append(
            f'<p class="rp-positions-answer" data-fact="{fact_id}">{GOVERNMENT_NAMES[government]}'
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
        missing = next(s for s in GOVERNMENTS if s not in reported)
        note = ui.notice(f"On this issue the article reports only one side: it gives no position "
                         f"of {GOVERNMENT_NAMES[missing]}.")
    elif not reported:
        note = ui.notice("On this issue the article reports the position of neither government.")
    readings = data.rows(issue_id, AUTHORS_READING)
    reading = ("".join(reading_html(data, row) for _, row in readings.iterrows())
               if len(readings) else f"<p><em>{ui.escape(NO_READING)}</em></p>")
    return (
        f'<p class="rp-positions-caveat"><strong>{ui.escape(THROUGH_THE_AUTHOR)}</strong></p>{note}'
        + _table(list(GOVERNMENTS.values()),
                 [side_html(data, issue_id, g) for g in GOVERNMENTS], "rp-positions-table")
        + f'<div class="rp-positions-readings"><h4>{ui.escape(AUTHORS_TITLE)}</h4>{reading}</div>'
        + f'<div class="rp-positions-own-box"><p><em>{ui.escape(OWN_CAVEAT)}</em></p>'
        + _table(list(OWN_HEADS.values()),
                 [own_html(data, issue_id, g) for g in GOVERNMENTS], "rp-positions-own-table")
        + "</div>"
    )


def fact_html(data: PositionsData, fact_id: str) -> str:
    """One reference fact from after the article: date, what happened, note, source, side, links."""
    fact = data.facts.loc[fact_id]
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
        f"<p><small>Source: {ui.escape(_text(fact['source']))}. "
        f"Side: {ui.escape(data.fact_side_words(fact_id))}. "
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
    """One row per issue: whose positions the article reports; for each government (one wording
    for both) what the article reports, with its words and paragraphs; the author's readings
    apart; and each government's own statements from the reference list, with their ids."""
    data = data or PositionsData()
    rows = []
    for issue_id in data.issues["issue_id"]:
        row = {"issue": data.label(issue_id), "sides the article reports": sides_text(data, issue_id)}
        for government, name in GOVERNMENT_NAMES.items():
            found = data.positions_of(issue_id, government)
            position, words = POSITION_COLUMN.format(government=name), WORDS_COLUMN.format(government=name)
            if found.empty:
                row[position], row[words] = not_reported_sentence(government), "—"
                continue
            row[position] = " / ".join(_text(t) for t in found["reported_position"])
            row[words] = " / ".join(
                f"“{_text(q)}” ({int(p)})" for q, p in zip(found["quote"], found["paragraph"], strict=True)
            )
        readings = data.rows(issue_id, AUTHORS_READING)
        row[AUTHORS_TITLE] = " / ".join(
            f"about {GOVERNMENT_NAMES[g]}: “{_text(w)}” ({int(p)})" for g, w, p in
            zip(readings["government"], readings["authors_words"], readings["authors_paragraph"],
                strict=True)
        ) or "—"
        for government, name in GOVERNMENT_NAMES.items():
            found = data.statements(issue_id, government)
            row[OWN_COLUMN.format(government=name)] = " / ".join(
                f"“{_text(q)}” ({f})" for q, f in zip(found["quote"], found["fact_id"], strict=True)
            ) or "—"
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
            "side": data.fact_side(fact_id),
            "side in words": data.fact_side_words(fact_id),
            "links": " ; ".join(data.fact_links(fact_id)),
            "issues it concerns": "; ".join(data.label(i) for i in data.issues_of_fact(fact_id)),
        })
    return pd.DataFrame(rows).set_index("id")


class PositionsWidget(ui.PackWidget):
    """Choose an issue: what the article reports of each government's position, side by side in
    the same words, the author's readings apart, each government's own statements from the
    reference list, and in a separate box what happened after the article was published."""

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
