"""Lesson 1, the article and its setting: a numbered reading copy, a paragraph reader and the
names each side uses, rendered from the tables of readingpack.evidence.background.

The outline (data/outline.csv: which section of the argument each body paragraph belongs to)
is the pack's teaching aid, describing where topics sit without judging them.
"""

import ipywidgets as widgets
import pandas as pd

from .. import ui
from ..evidence import background
from ..evidence.background import (
    KIND_LABELS,
    plural,
    word_count,
)
from ..evidence.settings import setting_ids
from ..ui import widget_ledger

MAX_FIND_LENGTH = 60


def _paragraph_block(number: int, kind: str, text: str, body_html: str | None = None) -> str:
    words, characters = word_count(text), len(text)
    body = body_html if body_html is not None else ui.escape(text)
    return (
        f'<div class="rp-paragraph rp-kind-{kind}" style="display:flex;gap:0.8em;'
        'margin:0.35em 0;padding:0.3em 0;border-bottom:1px solid #ddd">'
        f'<div style="min-width:5.5em;font-weight:bold" aria-label="paragraph {number}">¶ {number}'
        f'<div style="font-weight:normal;font-size:85%;color:#444">{kind}<br>{words} words<br>'
        f"{characters:,} characters</div></div>"
        f'<div style="white-space:pre-wrap;line-height:1.45">{body}</div></div>'
    )


def reading_copy_html(paragraphs: pd.DataFrame) -> str:
    """Every paragraph of the article, numbered, with its kind and length, text exactly as printed.

    `white-space: pre-wrap` keeps the article's double spaces and non-breaking spaces visible.
    """
    blocks = [
        _paragraph_block(int(row.number), str(row.kind), str(row.text))
        for row in paragraphs.itertuples(index=False)
    ]
    return '<div class="rp-reading-copy">' + "".join(blocks) + "</div>"


def _example_words(ledger) -> list[str]:
    """The example words of data/settings.csv, or none for a ledger without them."""
    try:
        return setting_ids("paragraph_reader.example_words", ledger)
    except (KeyError, AttributeError):
        return []


class ParagraphReader(ui.PackWidget):
    """Choose a kind of paragraph and a paragraph number; optionally find a word in the article."""

    def __init__(self, ledger=None, *_tables_from_old_workbooks):
        ledger = widget_ledger(ledger)
        paragraphs = ledger.paragraphs
        outline = ledger.outline if "outline" in ledger.names else None
        self.table = background.structure_table(paragraphs, outline)
        self.texts = background.paragraph_texts(paragraphs)
        self.first_body = background.first_body_paragraph(paragraphs)
        self.example_words = _example_words(ledger)
        kinds = list(dict.fromkeys(self.table["kind"]))
        kind_options = [(f"All paragraphs (1-{len(self.table)})", "all")] + [
            (f"{KIND_LABELS[k]} ({self._range_label(k)})", k) for k in kinds
        ]
        self.kind = ui.menu(kind_options, "all", "Kind", "rp-reader-kind")
        self.number = ui.menu(self._number_options("all"), self.first_body, "Paragraph",
                              "rp-reader-paragraph")
        self.find = widgets.Text(
            value="", description="Find a word",
            placeholder=f"e.g. {self.example_words[0]}" if self.example_words else "",
            continuous_update=False,
        )
        self.find.add_class("rp-reader-find")
        self.reset_control = ui.reset_button(self.reset)
        self.reset_control.add_class("rp-reader-reset")
        self.status = ui.ResultHTML()
        self.status.add_class("rp-reader-status")
        self.result = ui.ResultHTML()
        self.result.add_class("rp-reader-result")
        self.kind.observe(self._on_kind, names="value")
        self._quiet = False
        self.number.observe(lambda _change: None if self._quiet else self.update(), names="value")
        self.find.observe(self._on_find, names="value")
        self.widget = widgets.VBox([
            ui.control_row(self.kind, self.number),
            ui.control_row(self.find, self.reset_control),
            self.status,
            self.result,
        ])
        self.widget.add_class("rp-reader")
        self.update()

    def _range_label(self, kind: str) -> str:
        numbers = self.table.loc[self.table["kind"] == kind, "paragraph"].tolist()
        if len(numbers) == 1:
            return f"paragraph {numbers[0]}"
        return f"paragraphs {numbers[0]}-{numbers[-1]}"

    def _number_options(self, kind: str) -> list[tuple[str, int]]:
        rows = self.table if kind == "all" else self.table[self.table["kind"] == kind]
        return [(f"{r.paragraph} · {r.kind}", int(r.paragraph)) for r in rows.itertuples()]

    def _on_kind(self, change) -> None:
        options = ui.menu_options(self._number_options(change["new"]))
        current = self.number.value
        values = [value for _label, value in options]
        self._quiet = True
        try:
            self.number.options = options
            self.number.value = current if current in values else values[0]
        finally:
            self._quiet = False
        self.update()

    def _on_find(self, _change) -> None:
        """A word that is not in the paragraph shown: jump to the first paragraph that has it."""
        term = self.find.value.strip()
        shown = self.texts[self.number.value]
        if 2 <= len(term) <= MAX_FIND_LENGTH and not background.find_spans(shown, term):
            found = [n for n, t in self.texts.items() if background.find_spans(t, term)]
            if found:
                self._quiet = True
                try:
                    if self.kind.value != "all":
                        self.kind.value = "all"
                    self.number.value = found[0]
                finally:
                    self._quiet = False
        self.update()

    def update(self) -> None:
        number = self.number.value
        row = self.table.set_index("paragraph").loc[number]
        text = self.texts[number]
        term = self.find.value.strip()
        spans: list[tuple[int, int]] = []
        messages = []
        if term:
            if len(term) > MAX_FIND_LENGTH:
                messages.append(ui.notice(
                    f"That is {len(term)} characters long. Type a word or a short phrase "
                    f"(at most {MAX_FIND_LENGTH} characters).", "problem"))
                term = ""
            elif len(term) < 2:
                messages.append(ui.notice("Type at least two letters to search.", "problem"))
                term = ""
        if term:
            spans = background.find_spans(text, term)
            where = {n: len(background.find_spans(t, term)) for n, t in self.texts.items()}
            where = {n: c for n, c in where.items() if c}
            if not where:
                messages.append(ui.notice(
                    f"“{term}” does not occur in the article. Check the spelling, or try a "
                    "shorter part of the word.", "info"))
            else:
                listing = ", ".join(str(n) for n in where)
                messages.append(
                    f'<div class="rp-reader-found">“{ui.escape(term)}” occurs '
                    f"{plural(sum(where.values()), 'time')} in "
                    f"{plural(len(where), 'paragraph')}: {listing}. "
                    f"Showing paragraph {number} ({plural(len(spans), 'time')}); choose another "
                    "number in the Paragraph menu to see the others.</div>"
                )
        heading = (
            f'<div class="rp-reader-heading"><b>Paragraph {number} of {len(self.texts)}</b> · '
            f"{row['kind']} · {row['words']} words · {row['characters']:,} characters<br>"
            f"Section: {ui.escape(row['section'])}</div>"
        )
        body = ui.highlight_spans(text, spans, label=f"“{term}”") if spans else None
        self.status.value = "".join(messages)
        self.result.value = heading + _paragraph_block(number, str(row["kind"]), text, body)

    def reset(self) -> None:
        self.find.value = ""
        self.kind.value = "all"
        self.number.value = self.first_body
        self.update()

    def example_changes(self) -> list[tuple[widgets.Widget, object]]:
        changes: list[tuple[widgets.Widget, object]] = []
        for _label, kind in self.kind.options:
            changes.append((self.kind, kind))
        changes.append((self.kind, "all"))
        changes += [(self.number, n) for n in self.texts]
        changes += [(self.find, word) for word in self.example_words]
        changes += [(self.find, "x"),
                    (self.find, "no such word here"), (self.find, "")]
        return changes


def quoted(text: str) -> str:
    """A quote from the article as HTML: its exact words in italics, quotation marks included."""
    return f'<i class="rp-quote">{ui.escape(text)}</i>'


class NameExplorer(ui.PackWidget):
    """Choose a thing (the main town, the region, the 2020 war, ...) and see the names used for it,
    who uses each (with its evidence, or "usage not documented"), the pack's neutral default, and
    whether and where the article uses each name."""

    def __init__(self, ledger=None):
        ledger = widget_ledger(ledger)
        self.glossary = ledger.glossary
        self.table = background.names_table(self.glossary)
        self.things = list(dict.fromkeys(self.table["thing"]))
        self.thing = ui.menu([(thing, thing) for thing in self.things], self.things[0], "Thing named",
                             "rp-names-thing")
        self.reset_control = ui.reset_button(self.reset)
        self.reset_control.add_class("rp-names-reset")
        self.result = ui.ResultHTML()
        self.result.add_class("rp-names-result")
        self.thing.observe(lambda _change: self.update(), names="value")
        self.widget = widgets.VBox([ui.control_row(self.thing, self.reset_control), self.result])
        self.widget.add_class("rp-names")
        self.update()

    def update(self) -> None:
        thing = self.thing.value
        rows = self.table[self.table["thing"] == thing]
        neutral = background.neutral_name(self.glossary, list(rows["name"]))
        used = rows[rows["in the article"] != "not used"]
        lines = [
            '<table class="rp-names-table" style="border-collapse:collapse">',
            "<thead><tr><th style='text-align:left;padding:2px 8px'>Name</th>"
            "<th style='text-align:left;padding:2px 8px'>Who uses it (evidence)</th>"
            "<th style='text-align:left;padding:2px 8px'>In the article</th></tr></thead><tbody>",
        ]
        for row in rows.to_dict("records"):
            where = row["in the article"]
            if where != "not used":
                where = f"{where}: {quoted(row['example quote'])}"
            lines.append(
                f"<tr><td style='padding:2px 8px'><b>{ui.escape(row['name'])}</b></td>"
                f"<td style='padding:2px 8px'>{ui.escape(row['who uses it'])}</td>"
                f"<td style='padding:2px 8px'>{where}</td></tr>"
            )
        lines.append("</tbody></table>")
        summary = (
            f'<div class="rp-names-summary"><b>{ui.escape(thing[0].upper() + thing[1:])}</b>: '
            f"{plural(len(rows), 'name')}, {len(used)} of them used in the article. "
            f"The pack's own prose writes: {ui.escape(neutral)}."
            "</div>"
        )
        self.result.value = summary + "".join(lines)

    def reset(self) -> None:
        self.thing.value = self.things[0]

    def example_changes(self) -> list[tuple[widgets.Widget, object]]:
        return [(self.thing, thing) for thing in self.things] + [(self.thing, self.things[0])]
