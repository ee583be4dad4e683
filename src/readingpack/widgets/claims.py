"""Lesson 2, claims: the claim explorer (filter by type, speaker, actor and paragraph range; see
each matching claim highlighted inside its paragraph). The tables it shows come from
readingpack.evidence.claims."""

import ipywidgets as widgets
import pandas as pd

from .. import ui
from ..evidence import claims as evidence
from ..evidence.background import paragraph_texts, plural
from ..evidence.claims import (
    TYPE_ORDER,
    author_id,
    body_range,
    speaker_names,
    type_label,
)
from ..ui import widget_ledger


class ClaimExplorer(ui.PackWidget):
    """Filter the claims by type, speaker, actor and paragraph range; each matching claim is
    highlighted inside its paragraph, with a count of the matches."""

    def __init__(self, ledger=None, *_tables_from_old_workbooks):
        ledger = widget_ledger(ledger)
        claim_actors, actors, paragraphs = ledger.claim_actors, ledger.actors, ledger.paragraphs
        self.claims = ledger.claims.reset_index(drop=True)
        self.claim_actors = claim_actors
        self.names = speaker_names(actors)
        self.author = author = author_id(actors)
        self.first_body, self.last_body = body_range(paragraphs)
        self.texts = paragraph_texts(paragraphs)
        self.spans = evidence.claim_spans(self.claims, self.texts)

        total = len(self.claims)
        counts = self.claims["claim_type"].value_counts()
        self.claim_type = ui.menu(
            [(f"All types ({total})", "all")] + [
                (f"{type_label(t)} ({counts.get(t, 0)})", t) for t in TYPE_ORDER if counts.get(t, 0)
            ],
            "all", "Claim type", "rp-claims-type",
        )

        speakers = self.claims["speaker"].value_counts()
        others = int((self.claims["speaker"] != author).sum())
        self.speaker = ui.menu(
            [("Anyone", "all"), (f"The author ({speakers.get(author, 0)})", author),
             (f"Anyone but the author ({others})", "others")]
            + [(f"{self.names[s]} ({n})", s) for s, n in speakers.items() if s != author],
            "all", "Speaker", "rp-claims-speaker",
        )

        involved = claim_actors[claim_actors["actor_id"] != author]["actor_id"].value_counts()
        self.actor = ui.menu(
            [("Any actor", "all")]
            + [(f"{self.names[a]} ({plural(int(n), 'claim')})", a) for a, n in involved.items()],
            "all", "Actor", "rp-claims-actor",
        )

        self.paragraphs = widgets.IntRangeSlider(
            value=(self.first_body, self.last_body), min=self.first_body, max=self.last_body, step=1,
            description="Paragraphs", continuous_update=False, style={"description_width": "initial"},
        )
        self.paragraphs.add_class("rp-claims-paragraphs")
        self.reset_control = ui.reset_button(self.reset)
        self.reset_control.add_class("rp-claims-reset")
        self.count = ui.ResultHTML()
        self.count.add_class("rp-claims-count")
        self.result = ui.ResultHTML()
        self.result.add_class("rp-claims-result")

        self._quiet = False
        for control in (self.claim_type, self.speaker, self.actor, self.paragraphs):
            control.observe(self._changed, names="value")
        self.widget = widgets.VBox([
            ui.control_row(self.claim_type, self.speaker),
            ui.control_row(self.actor, self.paragraphs),
            self.reset_control,
            self.count,
            self.result,
        ])
        self.widget.add_class("rp-claims")
        self.update()

    def _changed(self, _change) -> None:
        if not self._quiet:
            self.update()

    def matches(self) -> pd.DataFrame:
        """The claims that pass every filter, in text order."""
        return evidence.matching_claims(
            self.claims, self.claim_actors, self.author, self.paragraphs.value,
            self.claim_type.value, self.speaker.value, self.actor.value,
        )

    def update(self) -> None:
        found = self.matches()
        if found.empty:
            self.count.value = ui.notice(
                "No claim matches these choices. Widen the paragraph range, or choose “All types”, "
                "“Anyone” or “Any actor”, or press Reset.", "info")
            self.result.value = ""
            return
        paragraphs = found["paragraph"].unique()
        verb = "matches" if len(found) == 1 else "match"
        self.count.value = (
            f'<div class="rp-claims-count-text"><b>{plural(len(found), "claim")} {verb}</b> '
            f"in {plural(len(paragraphs), 'paragraph')}.</div>"
        )
        blocks = []
        for number in paragraphs:
            rows = found[found["paragraph"] == number]
            text = self.texts[int(number)]
            marked = ui.highlight_spans(text, [self.spans[c] for c in rows["claim_id"]],
                                        label="matching claim")
            items = "".join(
                f"<li><b>{r.claim_id}</b> · {type_label(r.claim_type)} · speaker: "
                f"{ui.escape(self.names[r.speaker])}</li>"
                for r in rows.itertuples(index=False)
            )
            blocks.append(
                f'<div class="rp-claims-paragraph" style="margin:0.6em 0;padding-bottom:0.4em;'
                f'border-bottom:1px solid #ddd"><b>Paragraph {number}</b> · '
                f"{plural(len(rows), 'matching claim')}"
                f'<div style="white-space:pre-wrap;line-height:1.45;margin:0.3em 0">{marked}</div>'
                f'<ul style="margin:0">{items}</ul></div>'
            )
        self.result.value = "".join(blocks)

    def reset(self) -> None:
        self._quiet = True
        try:
            self.claim_type.value = "all"
            self.speaker.value = "all"
            self.actor.value = "all"
            self.paragraphs.value = (self.first_body, self.last_body)
        finally:
            self._quiet = False
        self.update()

    def example_changes(self) -> list[tuple[widgets.Widget, object]]:
        changes: list[tuple[widgets.Widget, object]] = []
        for control in (self.claim_type, self.speaker, self.actor):
            changes += [(control, value) for _label, value in control.options]
            changes.append((control, "all"))
        changes += [(self.paragraphs, (n, n)) for n in range(self.first_body, self.last_body + 1)]
        changes.append((self.paragraphs, (self.first_body, self.last_body)))
        return changes
