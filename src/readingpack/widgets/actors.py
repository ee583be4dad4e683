"""Actors side by side (lesson 4): where the article mentions them, what claims involve them,
how they relate.

The widget renders what readingpack.evidence.mentions returns: mentions over every surface form
of an actor (data/actor_aliases.csv), with a capital used for its government ("Baku") folded
into its state, each item saying "(as Baku)" so that the folding stays visible.
"""

import re

import ipywidgets as widgets
import pandas as pd

from ..evidence.background import plural
from ..evidence.mentions import (
    ActorData,
    default_pair,
)
from ..ui import (
    PackWidget,
    ResultHTML,
    control_row,
    escape,
    menu,
    notice,
    reset_button,
    short_label,
    widget_ledger,
)

ROLE_WORDS = {
    "speaker": "says it",
    "subject": "the claim is about it",
    "target": "acted upon or addressed",
    "mentioned": "named in the claim",
}


def strip_svg(data: ActorData, actors: list[str]) -> str:
    """One row of cells per actor, one cell per paragraph, mention counts printed in the cells
    and shaded darker for more mentions."""
    cell, label_w, top = 26, 190, 18
    width = label_w + cell * len(data.paragraphs) + 4
    height = top + cell * len(actors) + 4
    rows = [data.strip_counts(actor) for actor in actors]
    peak = max([1] + [max(r) for r in rows])
    description = "; ".join(
        f"{data.name(actor)}: mentioned in paragraphs "
        + (", ".join(str(p) for p, n in zip(data.paragraphs, row, strict=True) if n) or "none")
        for actor, row in zip(actors, rows, strict=True)
    )
    parts = [f'<svg class="rp-actors-strip-svg" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(description)}">']
    for index, number in enumerate(data.paragraphs):
        x = label_w + index * cell + cell / 2
        parts.append(f'<text x="{x:.0f}" y="12" text-anchor="middle" font-size="10">{number}</text>')
    for row_index, (actor, row) in enumerate(zip(actors, rows, strict=True)):
        y = top + row_index * cell
        parts.append(f'<text x="{label_w - 6}" y="{y + cell / 2 + 4:.0f}" text-anchor="end" '
                     f'font-size="12">{escape(short_label(data.name(actor), 24))}</text>')
        for index, count in enumerate(row):
            x = label_w + index * cell
            shade = 255 - int(200 * count / peak)
            ink = "#ffffff" if shade < 130 else "#000000"
            parts.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                         f'fill="rgb({shade},{shade},{shade})" stroke="#999999"/>')
            if count:
                parts.append(f'<text x="{x + (cell - 2) / 2:.0f}" y="{y + cell / 2 + 3:.0f}" '
                             f'text-anchor="middle" font-size="11" fill="{ink}">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _scroll_list(css_class: str, label: str, height: str, items: list[str]) -> str:
    """A list that scrolls within `height`, reachable by keyboard (tabindex) and named."""
    return (f"<ul class='{css_class}' tabindex='0' aria-label='{label}' "
            f"style='max-height:{height};overflow:auto'>{''.join(items)}</ul>")


# A surface form with no-break or doubled spaces inside it is quoted as the article prints it.
ODD_SPACING = re.compile(r"\u00a0|\s{2,}")
SPACING_NOTE = " (a spacing error in the article's text, quoted exactly)"


def _spacing_note(alias: str) -> str:
    return SPACING_NOTE if ODD_SPACING.search(alias) else ""


def actor_column_html(data: ActorData, actor: str) -> str:
    row = data.actors.loc[actor]
    mentions = data.mentions_of(actor)
    forms = mentions["alias"].value_counts()
    form_text = ", ".join(f"“{alias}” {count}{_spacing_note(alias)}"
                          for alias, count in forms.items()) or "none"
    paragraphs = sorted(set(mentions["paragraph"]))
    parts = [
        f"<h4>{escape(data.name(actor))}</h4>",
        f"<p class='rp-actors-summary'>{escape(str(row['type']).replace('_', ' '))}: "
        f"{escape(str(row['role']))}"
        f"<br><b>{len(mentions)} mentions</b> in {len(paragraphs)} paragraphs; surface forms: "
        f"{escape(form_text)}</p>",
    ]
    if pd.notna(row["in_article"]):
        parts.append(f"<p><i>{escape(str(row['in_article']))}</i></p>")
    claims = data.claims_of(actor)
    parts.append(f"<p class='rp-actors-claims-count'><b>Claims: {claims['claim_id'].nunique()}</b> "
                 + escape(_role_counts(claims)) + "</p>")
    items = [
        f"<li>{escape(c.claim_id)} ¶{c.paragraph} [{escape(c.claim_type.replace('_', ' '))}; "
        f"{escape(ROLE_WORDS[c.role])}{escape(data.form_note(actor, c.actor_id))}]: “{escape(c.quote)}”</li>"
        for c in claims.itertuples()
    ]
    parts.append(_scroll_list("rp-actors-claims", "claims", "16em", items))
    relations = data.relations_of(actor)
    parts.append(f"<p><b>Relations the article describes: {len(relations)}</b></p>")
    items = [
        f"<li>{escape(data.name(r.source_actor))} → {escape(data.name(r.target_actor))}: "
        f"{escape(r.relation_type.replace('_', ' '))} (¶{r.paragraph}): “{escape(r.quote)}”</li>"
        for r in relations.itertuples()
    ]
    parts.append(_scroll_list("rp-actors-relations", "relations", "12em", items))
    return "".join(parts)


def _role_counts(claims: pd.DataFrame) -> str:
    counts = claims.groupby("role")["claim_id"].nunique()
    if counts.empty:
        return "(none recorded)"
    return "(" + ", ".join(f"{ROLE_WORDS[role]}: {count}" for role, count in counts.items()) + ")"


def together_html(data: ActorData, first: str, second: str) -> str:
    together = data.together(first, second)
    shared, relations = together["shared_paragraphs"], together["relations"]
    return (f"<p class='rp-actors-together'><b>Together:</b> both are mentioned in {len(shared)} "
            f"paragraph{'s' if len(shared) != 1 else ''}"
            + (f" ({', '.join(str(p) for p in shared)})" if shared else "")
            + f"; the article describes {relations} relation{'s' if relations != 1 else ''} "
            "between them.</p>")


class ActorComparison(PackWidget):
    """Pick two actors and see them side by side."""

    def __init__(self, ledger=None):
        ledger = widget_ledger(ledger)
        self.data = ActorData(ledger)
        self.default_pair = default_pair(ledger)
        self._columns: dict[str, str] = {}
        counts = {actor: len(self.data.mentions_of(actor)) for actor in self.data.actors.index}
        order = sorted(counts, key=lambda a: (-counts[a], self.data.name(a)))
        options = [(f"{self.data.name(a)} ({plural(counts[a], 'mention')})", a) for a in order]
        self.first = menu(options, self.default_pair[0], "Actor A", "rp-actors-first")
        self.second = menu(options, self.default_pair[1], "Actor B", "rp-actors-second")
        self.reset_control = reset_button(self.reset)
        self.reset_control.add_class("rp-actors-reset")
        self.status = ResultHTML()
        self.status.add_class("rp-actors-status")
        self.strip = ResultHTML()
        self.strip.add_class("rp-actors-strip")
        self.left = ResultHTML(layout=widgets.Layout(width="50%"))
        self.left.add_class("rp-actors-left")
        self.right = ResultHTML(layout=widgets.Layout(width="50%"))
        self.right.add_class("rp-actors-right")
        for control in (self.first, self.second):
            control.observe(self._update, names="value")
        self.widget = widgets.VBox([
            control_row(self.first, self.second, self.reset_control),
            self.status, self.strip, widgets.HBox([self.left, self.right]),
        ])
        self.widget.add_class("rp-actors-widget")
        self._update()

    def _update(self, _change=None) -> None:
        first, second = self.first.value, self.second.value
        if first == second:
            self.status.value = notice(
                f"You chose {self.data.name(first)} twice: choose a different actor B to compare."
            )
            self.strip.value = strip_svg(self.data, [first])
            self.left.value = self._column(first)
            self.right.value = ""
            return
        self.status.value = together_html(self.data, first, second)
        self.strip.value = strip_svg(self.data, [first, second])
        self.left.value = self._column(first)
        self.right.value = self._column(second)

    def _column(self, actor: str) -> str:
        """An actor's column, built once per actor (the ledger does not change in a session)."""
        if actor not in self._columns:
            self._columns[actor] = actor_column_html(self.data, actor)
        return self._columns[actor]

    def reset(self) -> None:
        self.first.value, self.second.value = self.default_pair
        self._update()

    def example_changes(self):
        values = [value for _, value in self.first.options]
        changes = [(self.second, value) for value in values]
        changes += [(self.first, value) for value in values[:12]]
        return changes
