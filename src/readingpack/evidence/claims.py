"""Lesson 2's questions about the claims, as tables: the codebook's claim types and rules, who
speaks each claim, and how claim types and voices spread over the paragraphs. The claim
explorer (readingpack.widgets.claims) renders `matching_claims`."""

import re
from pathlib import Path

import pandas as pd

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


# --- Filtering, as the claim explorer does -----------------------------------------------

def claim_spans(claims: pd.DataFrame, texts: dict[int, str]) -> dict[str, tuple[int, int]]:
    """{claim id: (start, end) of its quote inside its paragraph's text}."""
    spans = {}
    for claim_id, paragraph, quote in zip(claims["claim_id"], claims["paragraph"], claims["quote"],
                                          strict=True):
        start = texts[int(paragraph)].find(quote)
        spans[claim_id] = (start, start + len(quote))
    return spans


def matching_claims(claims: pd.DataFrame, claim_actors: pd.DataFrame, author: str,
                    paragraphs: tuple[int, int], claim_type: str = "all", speaker: str = "all",
                    actor: str = "all") -> pd.DataFrame:
    """The claims that pass every filter, in text order. "all" means no filter; speaker "others"
    means anyone but the author."""
    keep = claims["paragraph"].between(*paragraphs)
    if claim_type != "all":
        keep &= claims["claim_type"] == claim_type
    if speaker == "others":
        keep &= claims["speaker"] != author
    elif speaker != "all":
        keep &= claims["speaker"] == speaker
    if actor != "all":
        involved = set(claim_actors.loc[claim_actors["actor_id"] == actor, "claim_id"])
        keep &= claims["claim_id"].isin(involved)
    return claims[keep.astype(bool)]


def speaking_or_spoken_about(claims: pd.DataFrame, claim_actors: pd.DataFrame, author: str) -> pd.DataFrame:
    """Per actor: the claims the article reports the actor saying, and the claims in the author's
    own voice that have the actor as their subject; sorted by the second, then the first."""
    reported = claims[claims["speaker"] != author]["speaker"].value_counts().rename("claims they speak")
    by_author = claims.loc[claims["speaker"] == author, "claim_id"]
    subjects = claim_actors[(claim_actors["role"] == "subject") & claim_actors["claim_id"].isin(by_author)]
    described = subjects["actor_id"].value_counts().rename("claims by the author about them")
    voices = pd.concat([reported, described], axis=1).fillna(0).astype(int)
    return voices.sort_values(["claims by the author about them", "claims they speak"], ascending=False)
