"""Lesson 1, the article and its setting: its structure, a numbered reading copy, a paragraph
reader, the background primer from the reference facts, and the names each side uses.

Everything here reads the ledger's tables (paragraphs, outline, reference facts, glossary). The
outline (data/outline.csv: which section of the argument each body paragraph belongs to) is
the pack's teaching aid, describing where topics sit without judging them.
"""

import re

import ipywidgets as widgets
import pandas as pd

from .. import sources, ui

KIND_LABELS = {
    "title": "Title",
    "standfirst": "Standfirst (summary line under the title)",
    "body": "Body",
    "byline": "Byline (author's name)",
    "bio": "Author's bio",
}
MAX_FIND_LENGTH = 60


def section_of(number: int, kind: str, sections: dict[int, str]) -> str:
    """The outline section of a body paragraph; the other paragraphs are grouped by kind."""
    if kind in ("title", "standfirst"):
        return "Title and standfirst"
    if kind in ("byline", "bio"):
        return "Bylines and the author's bio"
    return sections.get(number, KIND_LABELS.get(kind, kind))


def word_count(text: str) -> int:
    """Words as separated by spaces (a non-breaking space separates words too)."""
    return len(text.split())


def structure_table(paragraphs: pd.DataFrame, outline: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per paragraph: number, kind, outline section, topic, words and characters.

    Without an outline, paragraphs are grouped by kind only."""
    outline = outline if outline is not None else pd.DataFrame(columns=["paragraph", "section", "topic"])
    sections = dict(zip(outline["paragraph"].astype(int), outline["section"], strict=True))
    topics = dict(zip(outline["paragraph"].astype(int), outline["topic"], strict=True))
    rows = []
    for row in paragraphs.itertuples(index=False):
        number, kind = int(row.number), str(row.kind)
        rows.append({
            "paragraph": number,
            "kind": kind,
            "section": section_of(number, kind, sections),
            "topic": topics.get(number, KIND_LABELS.get(kind, kind)),
            "words": word_count(str(row.text)),
            "characters": len(str(row.text)),
        })
    return pd.DataFrame(rows)


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


def find_spans(text: str, term: str) -> list[tuple[int, int]]:
    """(start, end) of every case-insensitive occurrence of `term` in `text`."""
    return [(m.start(), m.end()) for m in re.finditer(re.escape(term), text, flags=re.IGNORECASE)]


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


class ParagraphReader(ui.PackWidget):
    """Choose a kind of paragraph and a paragraph number; optionally find a word in the article."""

    def __init__(self, paragraphs: pd.DataFrame, outline: pd.DataFrame | None = None):
        self.table = structure_table(paragraphs, outline)
        self.texts = {int(r.number): str(r.text) for r in paragraphs.itertuples(index=False)}
        kinds = list(dict.fromkeys(self.table["kind"]))
        kind_options = [(f"All paragraphs (1-{len(self.table)})", "all")] + [
            (f"{KIND_LABELS[k]} ({self._range_label(k)})", k) for k in kinds
        ]
        self.kind = widgets.Dropdown(options=kind_options, value="all", description="Kind")
        self.kind.add_class("rp-reader-kind")
        self.number = widgets.Dropdown(
            options=self._number_options("all"), value=3, description="Paragraph"
        )
        self.number.add_class("rp-reader-paragraph")
        self.find = widgets.Text(
            value="", description="Find a word", placeholder="e.g. claims",
            continuous_update=False,
        )
        self.find.add_class("rp-reader-find")
        self.reset_control = ui.reset_button(self.reset)
        self.reset_control.add_class("rp-reader-reset")
        self.status = widgets.HTML()
        self.status.add_class("rp-reader-status")
        self.result = widgets.HTML()
        self.result.add_class("rp-reader-result")
        self.kind.observe(self._on_kind, names="value")
        self._quiet = False
        self.number.observe(lambda _change: None if self._quiet else self.update(), names="value")
        self.find.observe(lambda _change: self.update(), names="value")
        self.widget = widgets.VBox([
            widgets.HBox([self.kind, self.number]),
            widgets.HBox([self.find, self.reset_control]),
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
        options = self._number_options(change["new"])
        current = self.number.value
        values = [value for _label, value in options]
        self._quiet = True
        try:
            self.number.options = options
            self.number.value = current if current in values else values[0]
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
            spans = find_spans(text, term)
            where = {n: len(find_spans(t, term)) for n, t in self.texts.items()}
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
                    f"In paragraph {number}: {plural(len(spans), 'time')}.</div>"
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
        self.number.value = 3
        self.update()

    def example_changes(self) -> list[tuple[widgets.Widget, object]]:
        changes: list[tuple[widgets.Widget, object]] = []
        for _label, kind in self.kind.options:
            changes.append((self.kind, kind))
        changes.append((self.kind, "all"))
        changes += [(self.number, n) for n in self.texts]
        changes += [(self.find, "claims"), (self.find, "Zangezour"), (self.find, "x"),
                    (self.find, "no such word here"), (self.find, "")]
        return changes


# --- The background primer: reference facts only -------------------------------------------

# The primer's rows, in the order lesson 1 tells them: the Soviet-era oblast, the first Karabakh
# war and its ceasefire, displacement on both sides, the Security Council resolutions of 1993,
# the surrounding districts, the 2020 war and the handovers, the ICJ cases of 2021, mutual
# recognition, the first delimited border section (2024), then the article's own period in date
# order, and last what came after the article was published.
PRIMER_IDS = [
    "A3",
    "K1c", "E8", "K1a", "K1b",
    "K3a", "K3b", "K3c", "K3e", "K3d",
    "K2a", "K2b", "K2c", "K2d", "K2e",
    "K4a",
    "E3", "K4b", "K4c",
    "D4", "D5", "K5a", "K5b",
    "A1", "K8c",
    "K6a", "K6b", "K6c",
    "E4", "D1", "L7", "E6", "D2", "L1", "L3", "L9", "L10", "S1", "K9b", "B3", "C1", "C2", "K10b",
    "E7", "E1", "E2",
    "E11", "E12",
]


def primer_table(ledger, ids: list[str] | None = None) -> pd.DataFrame:
    """The reference facts of the primer, in the primer's order, each with its source, its side
    in the words of the publisher tables (data/reference/sides.csv), and whether a party stated
    it (only Armenia, Azerbaijan and the de facto authorities of Nagorno-Karabakh are parties)."""
    ids = ids or PRIMER_IDS
    facts = sources.with_sides(ledger).set_index("id").loc[ids].reset_index()
    rows = []
    for row in facts.itertuples(index=False):
        rows.append({
            "id": row.id,
            "fact": row.fact,
            "value": row.value,
            "source": row.source,
            "side": row.side,
            "who published it": row.side_label,
            "party source": "yes" if row.party else "",
            "link": "" if pd.isna(row.link) else row.link,
            "after the article": "yes" if row.after_article else "",
        })
    return pd.DataFrame(rows)


# --- Signposts: the words that mark the turns of an argument --------------------------------

SIGNPOSTS = ["However", "At the same time", "Besides", "Despite", "Although", "Even if", "Given",
             "Finally", "To conclude"]


def signposts_table(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Where each signpost word occurs (case-sensitive, as printed): one row per occurrence."""
    rows = []
    for row in paragraphs.itertuples(index=False):
        text = str(row.text)
        for word in SIGNPOSTS:
            for match in re.finditer(rf"\b{re.escape(word)}\b", text):
                rows.append({"paragraph": int(row.number), "signpost": word, "offset": match.start()})
    table = pd.DataFrame(rows, columns=["paragraph", "signpost", "offset"])
    return table.sort_values(["paragraph", "offset"]).drop(columns="offset").reset_index(drop=True)


# --- The names each side uses (FACTS section G, from the ledger's glossary) -----------------

def evidence_text(evidence) -> str:
    """The evidence column as a reader sees it: "K9a; the article", or "" when there is none."""
    if pd.isna(evidence) or not evidence:
        return ""
    return "; ".join("the article" if e == "article" else e for e in str(evidence).split(";"))


def names_table(glossary: pd.DataFrame) -> pd.DataFrame:
    """Every name variant of the glossary, grouped by the thing named (things in the order of their
    neutral defaults' ids, each thing's neutral default first):
    who uses it, with its evidence (reference rows, the article), and where the article uses it
    (an example paragraph and quote), or "not used"."""
    variants = glossary[glossary["kind"] == "name_variant"].copy()
    neutral = variants[variants["used_by"] == "neutral"].sort_values("term_id")
    things = list(dict.fromkeys(neutral["thing"]))  # in the order of their neutral defaults
    variants["thing_order"] = variants["thing"].map(things.index)
    variants["who_order"] = (variants["used_by"] != "neutral").astype(int)
    variants = variants.sort_values(["thing_order", "who_order", "term_id"], kind="stable")
    rows = []
    for row in variants.itertuples(index=False):
        used = not pd.isna(row.paragraph)
        rows.append({
            "thing": row.thing,
            "name": row.term,
            "who uses it": row.used_by_label,
            "evidence": evidence_text(row.evidence),
            "in the article": f"paragraph {int(row.paragraph)}" if used else "not used",
            "example quote": row.quote if used else "",
        })
    return pd.DataFrame(rows)


def quoted(text: str) -> str:
    """A quote from the article as HTML: its exact words in italics, quotation marks included."""
    return f'<i class="rp-quote">{ui.escape(text)}</i>'


class NamesWidget(ui.PackWidget):
    """Choose a thing (the main town, the region, the 2020 war, ...) and see the names used for it,
    who uses each (with its evidence, or "usage not documented"), the pack's neutral default, and
    whether and where the article uses each name."""

    def __init__(self, glossary: pd.DataFrame):
        self.table = names_table(glossary)
        self.glossary = glossary[glossary["kind"] == "name_variant"].set_index("term")
        self.things = list(dict.fromkeys(self.table["thing"]))
        self.thing = widgets.Dropdown(
            options=self.things, value=self.things[0], description="Thing named",
            style={"description_width": "initial"}, layout=widgets.Layout(width="max-content"),
        )
        self.thing.add_class("rp-names-thing")
        self.reset_control = ui.reset_button(self.reset)
        self.reset_control.add_class("rp-names-reset")
        self.result = widgets.HTML()
        self.result.add_class("rp-names-result")
        self.thing.observe(lambda _change: self.update(), names="value")
        self.widget = widgets.VBox([widgets.HBox([self.thing, self.reset_control]), self.result])
        self.widget.add_class("rp-names")
        self.update()

    def update(self) -> None:
        thing = self.thing.value
        rows = self.table[self.table["thing"] == thing]
        wording = self.glossary.loc[rows["name"], "neutral_wording"].dropna()
        neutral = wording.iloc[0] if len(wording) else "(no neutral name)"
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
