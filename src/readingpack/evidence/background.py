"""Lesson 1's questions about the article and its setting, as tables: its structure, where a
word occurs, the background primer from the reference facts, the signpost words and the names
each side uses.

Which reference facts the primer lists and which signpost words it looks for are this
article's choices: they live in data/settings.csv (`setting.primer_ids`, `setting.signposts`).
"""

import re

import pandas as pd

from . import sources
from .links import ordered_links
from .settings import setting_ids

KIND_LABELS = {
    "title": "Title",
    "standfirst": "Standfirst (summary line under the title)",
    "body": "Body",
    "byline": "Byline (author's name)",
    "bio": "Author's bio",
}


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


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def find_spans(text: str, term: str) -> list[tuple[int, int]]:
    """(start, end) of every case-insensitive occurrence of `term` in `text`."""
    return [(m.start(), m.end()) for m in re.finditer(re.escape(term), text, flags=re.IGNORECASE)]


def paragraph_texts(paragraphs: pd.DataFrame) -> dict[int, str]:
    """{paragraph number: its text}."""
    return dict(zip(paragraphs["number"].astype(int), paragraphs["text"].astype(str), strict=True))


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


def section_lengths(structure: pd.DataFrame) -> pd.DataFrame:
    """Per section of the outline, in the article's order: how many paragraphs and words."""
    table = structure.groupby("section", sort=False)["words"].agg(["count", "sum"])
    return table.rename(columns={"count": "paragraphs", "sum": "words"})


def sections_in_order(structure: pd.DataFrame) -> list[str]:
    """The sections of a structure table, each once, in the order the article reaches them."""
    return list(dict.fromkeys(structure["section"]))


def first_body_paragraph(paragraphs: pd.DataFrame) -> int:
    """The number of the first body paragraph (the first paragraph if there is no body)."""
    body = paragraphs.loc[paragraphs["kind"] == "body", "number"]
    return int(body.min()) if len(body) else int(paragraphs["number"].min())


def sentence_lines(ledger, paragraph: int) -> list[str]:
    """Each sentence of a paragraph as "20.1  text of the sentence", in order."""
    text = ledger.article.text
    sentences = ledger.sentences[ledger.sentences["paragraph"] == paragraph]
    return [f"{paragraph}.{number}  {text[start:end]}" for number, start, end
            in zip(sentences["sentence"], sentences["start"], sentences["end"], strict=True)]


# --- The background primer: reference facts only -------------------------------------------

def primer_ids(ledger=None) -> list[str]:
    """The primer's reference ids in the order lesson 1 tells them (data/settings.csv)."""
    return setting_ids("setting.primer_ids", ledger, table="reference_facts")


def primer_table(ledger, ids: list[str] | None = None) -> pd.DataFrame:
    """The reference facts of the primer, in the primer's order, each with its source, its side
    in the words of the publisher tables (data/reference/sides.csv), and whether a party stated
    it (only Armenia, Azerbaijan and the de facto authorities of Nagorno-Karabakh are parties)."""
    ids = ids or primer_ids(ledger)
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
            "link": next(iter(ordered_links(ledger, row.id)), ""),  # the document's own page first
            "after the article": "yes" if row.after_article else "",
        })
    return pd.DataFrame(rows)


# --- Signposts: the words that mark the turns of an argument --------------------------------

def signpost_words(ledger=None) -> list[str]:
    """The signpost words lesson 1 looks for, as printed (data/settings.csv)."""
    return setting_ids("setting.signposts", ledger)


def signposts_table(paragraphs: pd.DataFrame, words: list[str] | None = None) -> pd.DataFrame:
    """Where each signpost word occurs (case-sensitive, as printed): one row per occurrence."""
    words = words or signpost_words()
    rows = []
    for row in paragraphs.itertuples(index=False):
        text = str(row.text)
        for word in words:
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


def neutral_name(glossary: pd.DataFrame, names: list[str]) -> str:
    """The pack's neutral wording for a thing, given the names used for it."""
    variants = glossary[glossary["kind"] == "name_variant"].set_index("term")
    wording = variants.loc[names, "neutral_wording"].dropna()
    return wording.iloc[0] if len(wording) else "(no neutral name)"
