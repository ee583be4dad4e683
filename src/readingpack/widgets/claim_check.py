"""Claim check: one of the article's checkable figures or dates beside other sources' values.

For the chosen figure the widget shows the article's sentence with the figure highlighted,
then each other source's value with its publisher and document, date, side (parties named as
such) and link (the rows of readingpack.evidence.comparison.figure_sources, as in the figure
check), and the neutral outcome of readingpack.evidence.comparison with its reason. Background
links (relation `context`) are listed apart, with no outcome, in the figure check's words.
The static version is `readingpack.evidence.comparison.check_table` itself.
"""

import ipywidgets as widgets
import pandas as pd

from ..evidence.comparison import (
    CONSISTENT,
    DIFFERENT_MEASURE,
    DIFFERS,
    ROUGHLY,
    UNCHECKED,
    check_table,
    checkable_figures,
    context_table,
)
from ..evidence.settings import labels, setting
from ..ledger import load_ledger
from ..ui import PackWidget, ResultHTML, escape, highlight_spans, menu, reset_button, widget_ledger

CONTEXT = labels("relation")["context"]  # the figure check's words for a background link
OUTCOME_NOTE = (
    f"Outcomes say only how two values of the same measure compare ({CONSISTENT}; {ROUGHLY}; "
    f"{DIFFERS}; {UNCHECKED}). A source that counts something else keeps the figure check's "
    f"words: {DIFFERENT_MEASURE}. Outcomes are never a verdict on the article's opinions."
)


def sentence_with_quote(ledger, paragraph: int, quote: str) -> str:
    """The sentence of `paragraph` holding `quote`, as HTML with the quote highlighted."""
    article = ledger.article
    text = article.text
    start = int(article.paragraphs.loc[paragraph, "start"]) + article.paragraph(paragraph).index(quote)
    end = start + len(quote)
    sentences = ledger.sentences
    row = sentences[(sentences["start"] <= start) & (sentences["end"] >= end)].iloc[0]
    s_start, s_end = int(row["start"]), int(row["end"])
    return highlight_spans(text[s_start:s_end], [(start - s_start, end - s_start)], label="the figure")


# Each check is a short list of labelled fields. The fields sit side by side in a wide window
# and wrap onto more lines in a narrow one, so a check's first words always show at its top (a
# table of seven columns squeezed into 420 px grew rows 1,600 px tall, their text out of sight).
CHECK_STYLE = ("display:grid;grid-template-columns:repeat(auto-fit,minmax(11em,1fr));gap:4px 14px;"
               "margin:0;padding:6px 0;border-top:1px solid #cccccc;line-height:1.4")
FIELD_STYLE = "font-size:0.85em;font-weight:bold;color:#444444"


def _field(label: str, value: str, wide: bool = False) -> str:
    span = " style='grid-column:1/-1'" if wide else ""
    return f"<div{span}><div style='{FIELD_STYLE}'>{label}</div><div>{value}</div></div>"


def checks_html(checks: pd.DataFrame) -> str:
    cards = []
    for check in checks.to_dict("records"):
        links = [check[c] for c in ("link", "link_2") if check[c]]
        link = ", ".join(
            f'<a href="{escape(url)}" target="_blank" rel="noopener">link{"" if len(links) == 1 else n}</a>'
            for n, url in enumerate(links, start=1)
        ) or "no link given"
        judged = " <small>(a judgement; the rule alone gives: " \
                 f"{escape(check['rule_outcome'])})</small>" if check["judged"] else ""
        cards.append(
            f"<div class='rp-check-row' style='{CHECK_STYLE}'>"
            + _field(f"Reference {escape(check['reference_id'])}: the other source says",
                     f"“{escape(check['source_value'])}”<br><small>{escape(check['source_counts'])}</small>")
            + _field("Publisher and document", f"{escape(check['source'])}<br><small>{link}</small>")
            + _field("Date", escape(check["source_date"]))
            + _field("Side", escape(check["side_label"]))
            + _field("Measure: compared or not", escape(check["relation_label"]))
            + _field("Outcome and reason",
                     f"<b class='rp-check-outcome'>{escape(check['outcome'])}</b>{judged}<br>"
                     f"{escape(check['reason'])}<br><small>{escape(check['note'])}</small>", wide=True)
            + "</div>"
        )
    return f"<div class='rp-check-table'>{''.join(cards)}</div>"


def context_html(context: pd.DataFrame) -> str:
    if context.empty:
        return ""
    items = "".join(
        f"<li>{escape(row['reference_id'])}: “{escape(row['source_value'])}”, {escape(row['source'])} "
        f"({escape(row['kind'])}; {escape(row['side_label'])}). {escape(row['note'])}</li>"
        for row in context.to_dict("records")
    )
    heading = f"<p><b>Context a reader may want ({escape(CONTEXT)}):</b></p>"
    return f"{heading}<ul class='rp-check-context'>{items}</ul>"


class ClaimCheck(PackWidget):
    """Pick a checkable figure or date and see it beside every other source's value."""

    def __init__(self, ledger=None):
        self.ledger = widget_ledger(ledger)
        self.default_figure = setting("claim_check.default_figure", self.ledger, table="figures")
        self.checks = check_table(self.ledger)
        self.context = context_table(self.ledger)
        figures = checkable_figures(self.checks)
        options = list(zip(figures["label"], figures["figure_id"], strict=True))
        self.figure = menu(options, self.default_figure, "Figure or date", "rp-check-choice")
        self.reset_control = reset_button(self.reset)
        self.reset_control.add_class("rp-check-reset")
        self.article = ResultHTML()
        self.article.add_class("rp-check-article")
        self.result = ResultHTML()
        self.result.add_class("rp-check-result")
        self.figure.observe(self._update, names="value")
        self.widget = widgets.VBox([self.figure, self.reset_control, self.article, self.result])
        self.widget.add_class("rp-check-widget")
        self._update()

    def _update(self, _change=None) -> None:
        figure_id = self.figure.value
        checks = self.checks[self.checks["figure_id"] == figure_id]
        first = checks.iloc[0]
        sentence = sentence_with_quote(self.ledger, int(first["paragraph"]), first["article_quote"])
        self.article.value = (
            f"<div><b>The article, paragraph {first['paragraph']}:</b> {sentence}<br>"
            f"<b>Read as:</b> {escape(first['article_value'])}</div>"
        )
        context = self.context[self.context["figure_id"] == figure_id]
        self.result.value = (
            checks_html(checks) + context_html(context)
            + f"<p class='rp-check-note'><small>{escape(OUTCOME_NOTE)}</small></p>"
        )

    def reset(self) -> None:
        self.figure.value = self.default_figure
        self._update()

    def example_changes(self) -> list[tuple[widgets.Widget, object]]:
        return [(self.figure, value) for _label, value in self.figure.options]


def outcome_table(ledger=None) -> pd.DataFrame:
    """The static version: every check, with the article's words, the other source and its side,
    and the outcome with its reason."""
    checks = check_table(ledger or load_ledger())
    table = checks[["paragraph", "article_quote", "reference_id", "source_value", "source", "side",
                    "outcome", "reason"]]
    return table.rename(columns={
        "article_quote": "the article says", "reference_id": "ref", "source_value": "the other source says",
        "source": "publisher and document",
    })
