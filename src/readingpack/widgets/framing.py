"""FramingExplorer: pick a category of words from the lexicon and see it highlighted in the article.

The categories are those of data/lexicon.csv (evaluative words, attribution verbs, hedges,
certainty markers, words in quotation marks), found by readingpack.evidence.language, which also
gives the static version, `framing_table`. A paragraph range narrows the view. The widget counts
and shows; it never scores the author.
"""

import ipywidgets as widgets

from ..evidence.language import (
    CATEGORIES,
    DEFAULT_CATEGORY,
    in_range,
    ledger_terms,
    term_summary,
)
from ..ui import (
    PackWidget,
    ResultHTML,
    control_row,
    escape,
    highlight_spans,
    menu,
    notice,
    reset_button,
    widget_ledger,
)


class FramingExplorer(PackWidget):
    """Pick a category of words and a paragraph range; see the words highlighted, with counts."""

    def __init__(self, ledger=None):
        self.ledger = widget_ledger(ledger)
        self.paragraphs = self.ledger.article.paragraphs
        self.found = ledger_terms(self.ledger)
        first, last = int(self.paragraphs["number"].min()), int(self.paragraphs["number"].max())
        self.full_range = (first, last)
        self.category = menu([(label, key) for key, label in CATEGORIES.items()], DEFAULT_CATEGORY,
                             "Category", "rp-framing-category")
        self.range = widgets.IntRangeSlider(
            value=self.full_range, min=first, max=last, step=1, description="Paragraphs",
            continuous_update=False, style={"description_width": "initial"},
        )
        self.range.add_class("rp-framing-range")
        self.reset_control = reset_button(self.reset)
        self.reset_control.add_class("rp-framing-reset")
        self.counts = ResultHTML()
        self.counts.add_class("rp-framing-counts")
        self.text = ResultHTML()
        self.text.add_class("rp-framing-text")
        for control in (self.category, self.range):
            control.observe(self._update, names="value")
        self.widget = widgets.VBox([
            control_row(self.category, self.range, self.reset_control), self.counts, self.text,
        ])
        self.widget.add_class("rp-framing-widget")
        self._update()

    def matches(self):
        return in_range(self.found, self.category.value, *self.range.value)

    def _update(self, _change=None) -> None:
        first, last = self.range.value
        matches = self.matches()
        label = CATEGORIES[self.category.value]
        where = "the whole article" if (first, last) == self.full_range else (
            f"paragraph {first}" if first == last else f"paragraphs {first}-{last}")
        if matches.empty:
            self.counts.value = (
                f"<p class='rp-framing-summary'><b>{label}</b> in {where}: none found.</p>"
            )
            self.text.value = notice("Widen the paragraph range or choose another category.")
            return
        per_term = term_summary(matches, self.ledger.lexicon)
        rows = "".join(
            f"<tr><td>{escape(term)}</td><td>{row.occurrences}</td>"
            f"<td>{', '.join(str(p) for p in row.paragraphs)}</td>"
            f"<td>{escape(row.explanation)}</td></tr>"
            for term, row in per_term.iterrows()
        )
        self.counts.value = (
            f"<p class='rp-framing-summary'><b>{label}</b> in {where}: {len(matches)} "
            f"occurrence{'s' if len(matches) != 1 else ''} of {len(per_term)} "
            f"term{'s' if len(per_term) != 1 else ''}.</p>"
            "<table class='rp-framing-table'><tr><th>term</th><th>occurrences</th>"
            f"<th>paragraphs</th><th>what the word does</th></tr>{rows}</table>"
        )
        parts = []
        for number, group in matches.groupby("paragraph"):
            paragraph = self.paragraphs.loc[number]
            spans = [(s - paragraph["start"], e - paragraph["start"])
                     for s, e in zip(group["start"], group["end"], strict=True)]
            parts.append(
                f"<p class='rp-framing-paragraph'><b>¶{number}</b> "
                f"{highlight_spans(paragraph['text'], spans, label=label)}</p>"
            )
        self.text.value = "".join(parts)

    def reset(self) -> None:
        with self.category.hold_trait_notifications(), self.range.hold_trait_notifications():
            self.category.value = DEFAULT_CATEGORY
            self.range.value = self.full_range
        self._update()

    def example_changes(self) -> list[tuple[widgets.Widget, object]]:
        first, last = self.full_range
        changes = [(self.category, key) for key in CATEGORIES]
        changes += [(self.range, (min(first + 2, last), min(first + 11, last))),
                    (self.range, (min(first + 5, last),) * 2), (self.range, self.full_range)]
        return changes
