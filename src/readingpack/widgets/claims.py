"""Lesson 2, claims: the codebook's claim types, tables of the ledger's claims, and the claim
explorer (filter by type, speaker, actor and paragraph range; see each matching claim
highlighted inside its paragraph)."""

import re
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from .. import ui
from ..paths import data_dir

TYPE_ORDER = ["checkable_fact", "statistic", "evaluation", "prediction", "reported_statement",
              "analogy", "recommendation"]
TYPE_LABELS = {
    "checkable_fact": "checkable fact",
    "statistic": "statistic",
    "evaluation": "evaluation (opinion)",
    "prediction": "prediction",
    "reported_statement": "reported statement",
    "analogy": "analogy",
    "recommendation": "recommendation",
}


def author_id(actors: pd.DataFrame) -> str:
    """The actor id of the article's author (the one actor of type "author")."""
    authors = actors.loc[actors["type"] == "author", "actor_id"].tolist()
    if len(authors) != 1:
        raise ValueError(f"actors.csv should have exactly one actor of type 'author'; it has {authors}")
    return authors[0]


def body_range(paragraphs: pd.DataFrame) -> tuple[int, int]:
    """The first and last body paragraph."""
    body = paragraphs.loc[paragraphs["kind"] == "body", "number"]
    return int(body.min()), int(body.max())


def type_label(claim_type: str) -> str:
    return TYPE_LABELS.get(claim_type, claim_type.replace("_", " "))


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


# --- The codebook ---------------------------------------------------------------------------

def codebook_rules(path: Path | None = None) -> pd.DataFrame:
    """The decision rule and the example claim ids of each claim type, read from CODEBOOK.md."""
    text = (path or data_dir() / "CODEBOOK.md").read_text(encoding="utf-8")
    rows = []
    for claim_type in TYPE_ORDER:
        match = re.search(rf"^### {claim_type}\n(.*?)(?=^##)", text, flags=re.M | re.S)
        if not match:
            raise ValueError(f"CODEBOOK.md has no section '### {claim_type}'")
        section = match.group(1)
        rule = re.search(r"\*\*Rule\.\*\*(.*?)\n\n", section, flags=re.S)
        examples = re.findall(r"^> (CL\d{3})", section, flags=re.M)
        rows.append({
            "claim_type": claim_type,
            "rule": " ".join(rule.group(1).split()) if rule else "",
            "examples": examples,
        })
    return pd.DataFrame(rows)


def types_table(claims: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """Each claim type: how many claims, the codebook's rule, and its first example's exact words."""
    counts = claims["claim_type"].value_counts()
    quotes = claims.set_index("claim_id")["quote"]
    rows = []
    for row in rules.itertuples(index=False):
        example = row.examples[0] if row.examples else None
        rows.append({
            "type": type_label(row.claim_type),
            "claims": int(counts.get(row.claim_type, 0)),
            "rule (CODEBOOK.md)": row.rule,
            "example": f"{example}: {quotes[example]}" if example in quotes.index else "",
        })
    return pd.DataFrame(rows)


# --- Tables ---------------------------------------------------------------------------------

def speaker_names(actors: pd.DataFrame) -> dict[str, str]:
    names = dict(zip(actors["actor_id"], actors["name"], strict=True))
    names[author_id(actors)] = "the author"
    return names


def claims_table(claims: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Every claim with its paragraph, type, speaker (by name) and exact words."""
    names = speaker_names(actors)
    table = claims[["claim_id", "paragraph", "claim_type", "speaker", "quote"]].copy()
    table["claim_type"] = table["claim_type"].map(type_label)
    table["speaker"] = table["speaker"].map(names)
    return table.rename(columns={"claim_type": "type"}).reset_index(drop=True)


def type_by_speaker(claims: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Counts of claims by speaker (rows, the author first) and type (columns), with totals."""
    names, author = speaker_names(actors), author_id(actors)
    speakers = claims["speaker"].value_counts()
    order = [author] + [s for s in speakers.index if s != author]
    table = pd.crosstab(claims["speaker"], claims["claim_type"])
    table = table.reindex(index=order, columns=TYPE_ORDER, fill_value=0)
    table.index = [names[s] for s in order]
    table.columns = [type_label(t) for t in TYPE_ORDER]
    table["all types"] = table.sum(axis=1)
    table.loc["all speakers"] = table.sum(axis=0)
    table.index.name = "speaker"
    return table


def _claim_paragraphs(claims: pd.DataFrame) -> range:
    return range(int(claims["paragraph"].min()), int(claims["paragraph"].max()) + 1)


def types_by_paragraph(claims: pd.DataFrame) -> pd.DataFrame:
    """Counts of claims per paragraph (every paragraph from the first to the last with a claim)
    and type (columns in the codebook's order)."""
    table = pd.crosstab(claims["paragraph"], claims["claim_type"])
    return table.reindex(index=_claim_paragraphs(claims), columns=TYPE_ORDER, fill_value=0)


def voice_by_paragraph(claims: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Per paragraph: claims in the author's voice and claims whose speaker is someone else."""
    voice = claims["speaker"].eq(author_id(actors)).map({True: "the author", False: "someone else"})
    table = pd.crosstab(claims["paragraph"], voice)
    return table.reindex(index=_claim_paragraphs(claims),
                         columns=["the author", "someone else"], fill_value=0)


# --- The claim explorer ---------------------------------------------------------------------

class ClaimExplorer(ui.PackWidget):
    """Filter the claims by type, speaker, actor and paragraph range; each matching claim is
    highlighted inside its paragraph, with a count of the matches."""

    def __init__(self, claims: pd.DataFrame, claim_actors: pd.DataFrame, actors: pd.DataFrame,
                 paragraphs: pd.DataFrame):
        self.claims = claims.reset_index(drop=True)
        self.names = speaker_names(actors)
        self.author = author = author_id(actors)
        self.first_body, self.last_body = body_range(paragraphs)
        self.texts = {int(r.number): str(r.text) for r in paragraphs.itertuples(index=False)}
        self.spans = {}
        for row in self.claims.itertuples(index=False):
            start = self.texts[int(row.paragraph)].find(row.quote)
            self.spans[row.claim_id] = (start, start + len(row.quote))
        self.actors_of = claim_actors.groupby("claim_id")["actor_id"].agg(set).to_dict()

        total = len(self.claims)
        counts = self.claims["claim_type"].value_counts()
        self.claim_type = widgets.Dropdown(
            options=[(f"All types ({total})", "all")] + [
                (f"{type_label(t)} ({counts.get(t, 0)})", t) for t in TYPE_ORDER if counts.get(t, 0)
            ],
            value="all", description="Claim type",
        )
        self.claim_type.add_class("rp-claims-type")

        speakers = self.claims["speaker"].value_counts()
        others = int((self.claims["speaker"] != author).sum())
        self.speaker = widgets.Dropdown(
            options=[("Anyone", "all"), (f"The author ({speakers.get(author, 0)})", author),
                     (f"Anyone but the author ({others})", "others")]
            + [(f"{self.names[s]} ({n})", s) for s, n in speakers.items() if s != author],
            value="all", description="Speaker",
        )
        self.speaker.add_class("rp-claims-speaker")

        involved = claim_actors[claim_actors["actor_id"] != author]["actor_id"].value_counts()
        self.actor = widgets.Dropdown(
            options=[("Any actor", "all")]
            + [(f"{self.names[a]} ({plural(int(n), 'claim')})", a) for a, n in involved.items()],
            value="all", description="Actor",
        )
        self.actor.add_class("rp-claims-actor")

        self.paragraphs = widgets.IntRangeSlider(
            value=(self.first_body, self.last_body), min=self.first_body, max=self.last_body, step=1,
            description="Paragraphs", continuous_update=False,
        )
        self.paragraphs.add_class("rp-claims-paragraphs")
        self.reset_control = ui.reset_button(self.reset)
        self.reset_control.add_class("rp-claims-reset")
        self.count = widgets.HTML()
        self.count.add_class("rp-claims-count")
        self.result = widgets.HTML()
        self.result.add_class("rp-claims-result")

        self._quiet = False
        for control in (self.claim_type, self.speaker, self.actor, self.paragraphs):
            control.observe(self._changed, names="value")
        self.widget = widgets.VBox([
            widgets.HBox([self.claim_type, self.speaker]),
            widgets.HBox([self.actor, self.paragraphs]),
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
        claims = self.claims
        keep = claims["paragraph"].between(*self.paragraphs.value)
        if self.claim_type.value != "all":
            keep &= claims["claim_type"] == self.claim_type.value
        if self.speaker.value == "others":
            keep &= claims["speaker"] != self.author
        elif self.speaker.value != "all":
            keep &= claims["speaker"] == self.speaker.value
        if self.actor.value != "all":
            actor = self.actor.value
            keep &= claims["claim_id"].map(lambda c: actor in self.actors_of.get(c, set()))
        return claims[keep.astype(bool)]

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
