"""Figure check: one of the article's figures next to what other sources say on the same thing.

Each other source is labelled with its publisher and document, its date and its side (AM, AZ,
RU, INTL, REF, OTHER; parties are named as such), and with the relation recorded in
data/figure_reference.csv (same measure, different measure, context). The rows come from
readingpack.evidence.comparison.figure_sources, the same rows the claim check (lesson 8) shows.
The widget gives no verdict: it puts the figures side by side and says how they relate.
"""

import ipywidgets as widgets
import pandas as pd

from ..evidence import comparison
from ..evidence.settings import labels, setting
from ..ui import PackWidget, ResultHTML, escape, menu, reset_button, widget_ledger


def figure_html(ledger, figure_id: str) -> str:
    row = ledger.figures.set_index("figure_id").loc[figure_id]
    qualifier = (labels("qualifier", ledger).get(row["qualifier"], "part of a name")
                 if pd.notna(row["qualifier"]) else "part of a name")
    lines = [
        f"<div class='rp-figure-article'><b>The article, paragraph {row['paragraph']}:</b> "
        f"“{escape(row['quote'])}”<br>Recorded as: {escape(comparison.article_value(row, ledger))} "
        f"({escape(qualifier)}); what it counts or dates: {escape(row['counts_what'])}."
    ]
    for column, label in (("ambiguity", "Open to more than one reading"), ("notes", "Note")):
        if pd.notna(row[column]):
            lines.append(f"<br>{label}: {escape(row[column])}")
    lines.append("</div>")
    return "".join(lines)


def link_html(url: str) -> str:
    return f'<a href="{escape(url)}" target="_blank" rel="noopener">link</a>' if url else "no link given"


def references_html(sources: pd.DataFrame) -> str:
    if sources.empty:
        return "<p class='rp-figure-none'>No other source is linked to this figure in the ledger.</p>"
    rows = []
    for ref in sources.to_dict("records"):
        after = " (after the article was published)" if ref["after_article"] else ""
        rows.append(
            f"<tr class='rp-figure-ref rp-relation-{ref['relation']}'>"
            f"<td>{escape(ref['reference_id'])}</td>"
            f"<td>“{escape(ref['says'])}”<br><small>{escape(ref['counts'])}{after}</small></td>"
            f"<td>{escape(ref['source'])}<br><small>{link_html(ref['link'])}</small></td>"
            f"<td>{escape(ref['date'])}</td>"
            f"<td>{escape(ref['side_label'])}</td>"
            f"<td><b>{escape(ref['relation_label'])}</b><br><small>{escape(ref['note'])}</small></td>"
            "</tr>"
        )
    header = ("<tr><th>id</th><th>The other source says</th><th>Publisher and document</th>"
              "<th>Date</th><th>Side</th><th>Measure: compared or not</th></tr>")
    return f"<table class='rp-figure-table'>{header}{''.join(rows)}</table>"


class FigureCheck(PackWidget):
    """Pick one of the article's figures and see what other sources say on the same thing."""

    def __init__(self, ledger=None):
        self.ledger = widget_ledger(ledger)
        self.figures = self.ledger.figures.set_index("figure_id")
        self.default_figure = setting("figure_check.default_figure", self.ledger, table="figures")
        options = [(self.option_label(f), f) for f in comparison.linked_figures(self.ledger)]
        self.figure = menu(options, self.default_figure, "Figure", "rp-figure-choice")
        self.reset_control = reset_button(self.reset)
        self.reset_control.add_class("rp-figure-reset")
        self.article = ResultHTML()
        self.article.add_class("rp-figure-article-result")
        self.others = ResultHTML()
        self.others.add_class("rp-figure-references")
        self.figure.observe(self._update, names="value")
        self.widget = widgets.VBox([self.figure, self.reset_control, self.article, self.others])
        self.widget.add_class("rp-figure-widget")
        self._update()

    def option_label(self, figure_id: str) -> str:
        row = self.figures.loc[figure_id]
        return f"{figure_id} · ¶{row['paragraph']} · “{row['quote']}”"

    def sources(self) -> pd.DataFrame:
        """The rows shown for the chosen figure (readingpack.evidence.comparison.figure_sources)."""
        return comparison.figure_sources(self.ledger, self.figure.value)

    def _update(self, _change=None) -> None:
        self.article.value = figure_html(self.ledger, self.figure.value)
        self.others.value = references_html(self.sources())

    def reset(self) -> None:
        self.figure.value = self.default_figure
        self._update()

    def example_changes(self):
        return [(self.figure, value) for _label, value in self.figure.options]
