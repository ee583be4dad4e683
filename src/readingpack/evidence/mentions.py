"""Actors named in the article: where the text mentions them, what claims involve them, how
they relate (lesson 4).

A mention is a match of one of an actor's aliases (data/actor_aliases.csv) exactly as printed
(case, curly apostrophes and non-breaking spaces included), standing as a whole word:
"Azerbaijani" is not a mention of "Azerbaijan", nor "EUMA" of "EU". Longer aliases are matched
first and matches never overlap, so "EU Mission in Armenia" is one mention of the mission (not
also of the EU and of Armenia) and "Azerbaijan’s" is one mention of Azerbaijan.

A capital used for its government ("Baku") is an actor of its own whose `stands_for` names the
state; `counted_as` folds its mentions into that state's count, and ActorData folds its claims
and relations into the state's too.
"""

import re

import pandas as pd

from ..ledger import load_ledger, per_ledger
from .settings import setting_ids

# Relation types grouped for drawing: each group gets its own line style, so that the network
# reads in grey-scale. The groups describe what the article reports, not a judgement.
RELATION_GROUPS = {
    "force and control": ["military_action", "military_exercise", "territorial_control",
                          "territorial_claim", "detention", "restriction", "deterrence", "prevention"],
    "demands, pressure and words": ["demand", "pressure", "warning", "accusation", "criticism",
                                    "rejection", "information_campaign", "statement_on_territory"],
    "cooperation, contact and supply": ["agreement", "coordination", "meeting", "mediation", "proposal",
                                        "support", "supply", "arms_supply", "influence"],
    "legal steps and inaction": ["court_order", "legal_action", "inaction"],
}
GROUP_OF = {kind: group for group, kinds in RELATION_GROUPS.items() for kind in kinds}


def relation_group(relation_type: str) -> str:
    return GROUP_OF.get(relation_type, "legal steps and inaction")


def default_pair(ledger=None) -> tuple[str, str]:
    """The two actors the comparison widget shows first (setting actors.default_pair)."""
    first, second = setting_ids("actors.default_pair", ledger, table="actors")
    return first, second


# ---------------------------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------------------------

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


def ledger_mentions(ledger=None) -> pd.DataFrame:
    """find_mentions over the whole article of a loaded Ledger."""
    return _ledger_mentions(ledger or load_ledger())


@per_ledger
def _ledger_mentions(ledger) -> pd.DataFrame:
    return find_mentions(ledger.article.paragraphs, ledger.actor_aliases, ledger.actors)


def cooccurrence(mentions: pd.DataFrame, actors: list[str], by: str = "counted_as") -> pd.DataFrame:
    """Paragraphs in which two actors are both mentioned (the diagonal: paragraphs mentioning one)."""
    present = (mentions.groupby([by, "paragraph"]).size() > 0).unstack(fill_value=False)
    present = present.reindex(actors).fillna(False).astype(int)
    return present @ present.T


# ---------------------------------------------------------------------------------------------
# Every actor's mentions, claims and relations, capitals folded into their state
# ---------------------------------------------------------------------------------------------

class ActorData:
    """Mentions, claims and relations of every actor, with capitals folded into their state."""

    def __init__(self, ledger=None):
        ledger = ledger or load_ledger()
        self.paragraphs = list(ledger.paragraphs["number"])
        self.actors = ledger.actors.set_index("actor_id", drop=False)
        self.mentions = ledger_mentions(ledger)
        self.claims = ledger.claims.set_index("claim_id", drop=False)
        self.claim_actors = ledger.claim_actors
        self.relations = ledger.relations
        stands_for = self.actors["stands_for"].dropna()
        self.forms_of = {actor: [actor] for actor in self.actors.index}
        for capital, state in stands_for.items():
            self.forms_of[state].append(capital)
        self.names = dict(zip(self.actors["actor_id"], self.actors["name"], strict=True))

    def name(self, actor: str) -> str:
        return self.names.get(actor, actor)

    def form_note(self, actor: str, as_recorded: str) -> str:
        return "" if as_recorded == actor else f" (as {self.names[as_recorded].split(' (')[0]})"

    def mentions_of(self, actor: str) -> pd.DataFrame:
        return self.mentions[self.mentions["actor_id"].isin(self.forms_of[actor])]

    def mention_paragraphs(self, actor: str) -> list[int]:
        return sorted(set(self.mentions_of(actor)["paragraph"]))

    def strip_counts(self, actor: str) -> list[int]:
        per_paragraph = self.mentions_of(actor)["paragraph"].value_counts()
        return [int(per_paragraph.get(number, 0)) for number in self.paragraphs]

    def claims_of(self, actor: str) -> pd.DataFrame:
        rows = self.claim_actors[self.claim_actors["actor_id"].isin(self.forms_of[actor])]
        columns = ["claim_id", "paragraph", "quote", "claim_type", "speaker"]
        rows = rows.merge(self.claims[columns].reset_index(drop=True), on="claim_id")
        return rows.sort_values(["claim_id", "role"], ignore_index=True)

    def relations_of(self, actor: str) -> pd.DataFrame:
        forms = self.forms_of[actor]
        mask = self.relations["source_actor"].isin(forms) | self.relations["target_actor"].isin(forms)
        return self.relations[mask].reset_index(drop=True)

    def relations_between(self, first: str, second: str, folded: bool = True) -> pd.DataFrame:
        """Relations from either actor to the other; folded=False keeps to the two names only
        (a relation recorded under a capital is then left out)."""
        a = self.forms_of[first] if folded else [first]
        b = self.forms_of[second] if folded else [second]
        source, target = self.relations["source_actor"], self.relations["target_actor"]
        mask = source.isin(a) & target.isin(b) | source.isin(b) & target.isin(a)
        return self.relations[mask]

    def together(self, first: str, second: str) -> dict:
        """What two actors share: the paragraphs mentioning both and the relations between them."""
        shared = sorted(set(self.mention_paragraphs(first)) & set(self.mention_paragraphs(second)))
        return {"shared_paragraphs": shared,
                "relations": len(self.relations_between(first, second))}


def actors_table(ledger=None) -> pd.DataFrame:
    """Every actor with its mentions (all surface forms), claims and relations."""
    data = ActorData(ledger)
    links = data.claim_actors  # the claims of each actor as recorded, with its role in each
    roles: dict[str, list[tuple[str, str]]] = {}
    for actor, claim, role in zip(links["actor_id"], links["claim_id"], links["role"], strict=True):
        roles.setdefault(actor, []).append((claim, role))
    ends = list(zip(data.relations["source_actor"], data.relations["target_actor"], strict=True))
    rows = []
    for actor in data.actors.index:
        forms = data.forms_of[actor]
        mentions = data.mentions_of(actor)
        claims = [pair for form in forms for pair in roles.get(form, [])]
        rows.append({
            "actor": data.name(actor),
            "type": data.actors.loc[actor, "type"],
            "mentions": len(mentions),
            "surface forms": ", ".join(f"{a} ({n})" for a, n in mentions["alias"].value_counts().items()),
            "paragraphs": ", ".join(str(p) for p in sorted(set(mentions["paragraph"]))),
            "claims": len({claim for claim, _ in claims}),
            "as speaker": len({claim for claim, role in claims if role == "speaker"}),
            "as subject": len({claim for claim, role in claims if role == "subject"}),
            "as target": len({claim for claim, role in claims if role == "target"}),
            "relations": sum(source in forms or target in forms for source, target in ends),
        })
    return pd.DataFrame(rows).sort_values(["mentions", "actor"], ascending=[False, True], ignore_index=True)


def folded_relations(ledger=None) -> pd.DataFrame:
    """relations.csv with capitals folded into their state (source, target), and each
    relation's drawing group."""
    ledger = ledger or load_ledger()
    stands_for = ledger.actors.set_index("actor_id")["stands_for"].dropna().to_dict()
    table = ledger.relations.copy()
    table["source"] = table["source_actor"].map(lambda a: stands_for.get(a, a))
    table["target"] = table["target_actor"].map(lambda a: stands_for.get(a, a))
    table["group"] = table["relation_type"].map(relation_group)
    return table


def relation_edges(relations: pd.DataFrame, min_relations: int = 2) -> pd.DataFrame:
    """The arrows of the relations network: one row per (source, target, group) with its count,
    among the actors that take part in at least `min_relations` relations.

    `relations` is the table folded_relations returns."""
    degree = pd.concat([relations["source"], relations["target"]]).value_counts()
    shown = degree[degree >= min_relations].index
    kept = relations[relations["source"].isin(shown) & relations["target"].isin(shown)]
    return kept.groupby(["source", "target", "group"]).size().rename("count").reset_index()


def mentions_by_name_and_capital(mentions: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """For the `top` most-mentioned actors: mentions by the actor's own names, mentions by its
    capital used for its government ("Baku" counted as Azerbaijan), and the total."""
    totals = count_mentions(mentions).head(top).set_index("counted_as")["mentions"]
    by_capital = mentions[mentions["actor_id"] != mentions["counted_as"]].groupby("counted_as").size()
    by_capital = by_capital.reindex(totals.index, fill_value=0)
    return pd.DataFrame({"own_name": totals - by_capital, "by_capital": by_capital, "total": totals})
