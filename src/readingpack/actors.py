"""Actors named in the article, and where the text mentions them.

A mention is a match of one of an actor's aliases (data/actor_aliases.csv) exactly as printed
(case, curly apostrophes and non-breaking spaces included), standing as a whole word:
"Azerbaijani" is not a mention of "Azerbaijan", nor "EUMA" of "EU". Longer aliases are matched
first and matches never overlap, so "EU Mission in Armenia" is one mention of the mission (not
also of the EU and of Armenia) and "Azerbaijan’s" is one mention of Azerbaijan.

A capital used for its government ("Baku") is an actor of its own whose `stands_for` names the
state; `counted_as` folds its mentions into that state's count.
"""

import re

import pandas as pd


def alias_pattern(alias: str) -> re.Pattern:
    """The alias as a whole word: no letter, digit or underscore just before or after it."""
    return re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)")


def match_aliases(text: str, aliases: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, alias) of every whole-word match in `text`, longest alias first, never
    overlapping a longer match; sorted by position."""
    matches: list[tuple[int, int, str]] = []
    for alias in sorted(set(aliases), key=lambda a: (-len(a), a)):
        for found in alias_pattern(alias).finditer(text):
            start, end = found.span()
            if not any(start < taken_end and taken_start < end for taken_start, taken_end, _ in matches):
                matches.append((start, end, alias))
    return sorted(matches)


def find_mentions(
    paragraphs: pd.DataFrame, aliases: pd.DataFrame, actors: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per mention: paragraph, start and end (offsets in article.txt), alias, actor_id,
    and counted_as (the state a capital stands for, else the actor itself).

    `paragraphs` needs number, start and text (Article.paragraphs); `aliases` needs actor_id and
    alias (actor_aliases.csv); `actors`, if given, supplies stands_for (actors.csv)."""
    actor_of = dict(zip(aliases["alias"], aliases["actor_id"], strict=True))
    stands_for = {}
    if actors is not None:
        stands_for = {
            actor: target
            for actor, target in zip(actors["actor_id"], actors["stands_for"], strict=True)
            if isinstance(target, str)
        }
    rows = []
    for number, offset, text in zip(
        paragraphs["number"], paragraphs["start"], paragraphs["text"], strict=True
    ):
        for start, end, alias in match_aliases(text, list(actor_of)):
            actor = actor_of[alias]
            rows.append({
                "paragraph": int(number), "start": int(offset) + start, "end": int(offset) + end,
                "alias": alias, "actor_id": actor, "counted_as": stands_for.get(actor, actor),
            })
    columns = ["paragraph", "start", "end", "alias", "actor_id", "counted_as"]
    return pd.DataFrame(rows, columns=columns)


def count_mentions(mentions: pd.DataFrame, by: str = "counted_as") -> pd.DataFrame:
    """Mentions per actor (by="counted_as": capitals folded into their state; by="actor_id":
    as written; by="alias": per surface form), most mentioned first."""
    counts = mentions.groupby(by).size().rename("mentions").reset_index()
    return counts.sort_values(["mentions", by], ascending=[False, True], ignore_index=True)


def mentions_by_paragraph(mentions: pd.DataFrame, by: str = "counted_as") -> pd.DataFrame:
    """A table of mention counts: one row per actor, one column per paragraph number."""
    table = mentions.groupby([by, "paragraph"]).size().unstack(fill_value=0)
    return table.rename_axis(index=by, columns="paragraph")


def ledger_mentions(ledger) -> pd.DataFrame:
    """find_mentions over the whole article of a loaded Ledger."""
    return find_mentions(ledger.article.paragraphs, ledger.actor_aliases, ledger.actors)
