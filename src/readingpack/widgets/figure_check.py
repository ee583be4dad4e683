"""Figure check: one of the article's figures next to what other sources say on the same thing.

Each other source is labelled with its publisher and document, its date and its side (AM, AZ,
RU, INTL, REF, OTHER; parties are named as such), and with the relation recorded in
data/figure_reference.csv (same measure, comparable measure, different definition, context).
The widget gives no verdict: it puts the figures side by side and says how they relate.
"""

import ipywidgets as widgets
import pandas as pd

from ..checking import RELATION_LABELS
from ..ledger import load_ledger
from ..sources import with_sides
from ..ui import PackWidget, escape, reset_button

DEFAULT_FIGURE = "F015"

QUALIFIER_WORDS = {
    "exact": "printed as a plain value",
    "at_least": "a lower bound (“at least”)",
    "more_than": "a strict lower bound (“more than”)",
    "approximately": "an approximation",
    "range": "a range",
    "unspecified": "a vague word, no number printed",
}


def article_value(row) -> str:
    """What the ledger records for an article figure, in words: 'at least 220 people'."""
    unit = {"km2": "km²"}.get(str(row["unit"]), str(row["unit"])) if pd.notna(row["unit"]) else ""
    qualifier = row["qualifier"] if pd.notna(row["qualifier"]) else ""
    if pd.notna(row["value_low"]):
        if qualifier == "unspecified":
            return f"no number printed; read as at least {_number(row['value_low'])} {unit}"
        word = {"at_least": "at least", "more_than": "more than"}.get(qualifier, "at least")
        return f"{word} {_number(row['value_low'])} {unit}".strip()
    if pd.notna(row["value_best"]):
        value = row["value_best"]
        if unit == "ordinal":
            return f"position {_number(value)} (an ordinal)"
        if value == 1 and unit.endswith("s"):
            unit = unit[:-1]
        return f"{_number(value)} {unit}".strip()
    if pd.notna(row["date_start"]):
        return date_words(row)
    return "no value recorded (a number in a name)"


def date_words(row) -> str:
    """A figure's date in words: '9 Nov 2024 (no year printed: ...)', 'the years 2021 to 2023'."""
    start, end, precision = row["date_start"], row["date_end"], row["date_precision"]
    if precision == "day":
        text = f"{start.day} {start:%b %Y}"
    elif precision == "month":
        text = f"{start:%b %Y}"
    elif precision == "year":
        text = f"the year {start:%Y}"
    else:
        text = f"the years {start:%Y} to {end:%Y}"
    if pd.notna(row["year_printed"]) and not row["year_printed"]:
        text += " (no year printed: 2024 taken from the publication date)"
    return text


def _number(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:,}"


def date_text(fact, values: pd.DataFrame) -> str:
    """The date a reference fact refers to: its 'as of', else the dates its source gives."""
    if pd.notna(fact["as_of"]):
        return f"as of {fact['as_of']}"
    dated = values[(values["fact_id"] == fact["id"]) & values["date_start"].notna()]
    from_source = dated[dated["field"] == "source"]
    if len(from_source):
        return "; ".join(f"{v.quote} ({v.counts_what})" for v in from_source.itertuples())
    if len(dated):
        return "dates it gives: " + "; ".join(f"{v.quote} ({v.counts_what})" for v in dated.itertuples())
    return "no date given in the reference list"


class FigureData:
    """The ledger's figures, reference facts and links, indexed for quick look-ups."""

    def __init__(self, ledger=None):
        ledger = ledger or load_ledger()
        self.figures = ledger.figures.set_index("figure_id", drop=False)
        self.facts = with_sides(ledger).set_index("id", drop=False)
        self.values = ledger["reference_fact_values"].set_index("value_id", drop=False)
        self.links = ledger["figure_reference"]

    def linked_figures(self) -> list[str]:
        return list(dict.fromkeys(self.links["figure_id"]))

    def references(self, figure_id: str) -> list[dict]:
        """Every other source linked to a figure (or to the figure it repeats)."""
        row = self.figures.loc[figure_id]
        target = row["same_as"] if pd.notna(row["same_as"]) else figure_id
        found = []
        for link in self.links[self.links["figure_id"] == target].itertuples():
            fact = self.facts.loc[link.reference_id]
            value = self.values.loc[link.value_id] if pd.notna(link.value_id) else None
            found.append(
                {
                    "reference_id": link.reference_id,
                    "what": value["counts_what"] if value is not None else fact["fact"],
                    "says": value["quote"] if value is not None else fact["value"],
                    "source": fact["source"],
                    "side": fact["side_label"],
                    "side_code": fact["side"],
                    "date": date_text(fact, self.values),
                    "link": fact["link"] if pd.notna(fact["link"]) else "",
                    "relation": link.relation,
                    "note": link.note,
                    "after_article": bool(fact["after_article"]),
                }
            )
        return found

    def option_label(self, figure_id: str) -> str:
        row = self.figures.loc[figure_id]
        return f"{figure_id} · paragraph {row['paragraph']} · “{row['quote']}”"


def figure_html(data: FigureData, figure_id: str) -> str:
    row = data.figures.loc[figure_id]
    qualifier = QUALIFIER_WORDS.get(row["qualifier"], "part of a name") if pd.notna(row["qualifier"]) else (
        "part of a name")
    lines = [
        f"<div class='rp-figure-article'><b>The article, paragraph {row['paragraph']}:</b> "
        f"“{escape(row['quote'])}”<br>Recorded as: {escape(article_value(row))} ({escape(qualifier)}); "
        f"what it counts or dates: {escape(row['counts_what'])}."
    ]
    for column, label in (("ambiguity", "Open to more than one reading"), ("notes", "Note")):
        if pd.notna(row[column]):
            lines.append(f"<br>{label}: {escape(row[column])}")
    lines.append("</div>")
    return "".join(lines)


def references_html(data: FigureData, figure_id: str) -> str:
    references = data.references(figure_id)
    if not references:
        return "<p class='rp-figure-none'>No other source is linked to this figure in the ledger.</p>"
    rows = []
    for ref in references:
        link = (f'<a href="{escape(ref["link"])}" target="_blank" rel="noopener">link</a>'
                if ref["link"] else "no link given")
        after = " (after the article was published)" if ref["after_article"] else ""
        rows.append(
            f"<tr class='rp-figure-ref rp-relation-{ref['relation']}'>"
            f"<td>{escape(ref['reference_id'])}</td>"
            f"<td>“{escape(ref['says'])}”<br><small>{escape(ref['what'])}{after}</small></td>"
            f"<td>{escape(ref['source'])}<br><small>{link}</small></td>"
            f"<td>{escape(ref['date'])}</td>"
            f"<td>{escape(ref['side'])}</td>"
            f"<td><b>{escape(RELATION_LABELS[ref['relation']])}</b><br><small>{escape(ref['note'])}</small></td>"
            "</tr>"
        )
    header = ("<tr><th>id</th><th>The other source says</th><th>Publisher and document</th>"
              "<th>Date</th><th>Side</th><th>How it relates to the article's figure</th></tr>")
    return f"<table class='rp-figure-table'>{header}{''.join(rows)}</table>"


def figure_reference_table(ledger=None) -> pd.DataFrame:
    """The static version: every figure of the article with every other source linked to it."""
    data = FigureData(ledger)
    rows = []
    for figure_id, row in data.figures.iterrows():
        references = data.references(figure_id)
        base = {
            "figure": figure_id,
            "paragraph": row["paragraph"],
            "the article": row["quote"],
            "recorded as": article_value(row),
        }
        repeat = f" (repeats {row['same_as']})" if pd.notna(row["same_as"]) else ""
        if not references:
            rows.append(base | {"other source": "—", "it says": "—", "side": "—", "date": "—",
                                "relation": "no other source linked" + repeat})
        for ref in references:
            rows.append(base | {"other source": f"{ref['reference_id']}: {ref['source']}",
                                "it says": f"{ref['says']} ({ref['what']})", "side": ref["side_code"],
                                "date": ref["date"], "relation": ref["relation"] + repeat})
    return pd.DataFrame(rows)


class FigureCheck(PackWidget):
    """Pick one of the article's figures and see what other sources say on the same thing."""

    def __init__(self, ledger=None):
        self.data = FigureData(ledger)
        options = [(self.data.option_label(f), f) for f in self.data.linked_figures()]
        self.figure = widgets.Dropdown(options=options, value=DEFAULT_FIGURE, description="Figure")
        self.figure.add_class("rp-figure-choice")
        self.figure.layout.width = "95%"
        self.reset_control = reset_button(self.reset)
        self.reset_control.add_class("rp-figure-reset")
        self.article = widgets.HTML()
        self.article.add_class("rp-figure-article-result")
        self.others = widgets.HTML()
        self.others.add_class("rp-figure-references")
        self.figure.observe(self._update, names="value")
        self.widget = widgets.VBox([self.figure, self.reset_control, self.article, self.others])
        self.widget.add_class("rp-figure-widget")
        self._update()

    def _update(self, _change=None) -> None:
        self.article.value = figure_html(self.data, self.figure.value)
        self.others.value = references_html(self.data, self.figure.value)

    def reset(self) -> None:
        self.figure.value = DEFAULT_FIGURE
        self._update()

    def example_changes(self):
        return [(self.figure, figure_id) for figure_id in self.data.linked_figures()]
