"""Who published each reference fact, and the words the pack uses for their side and standing.

Every side label shown to a student comes from data/reference/sides.csv, through the
publishers of data/reference/publishers.csv and the links of fact_publishers.csv: one place
for each wording. A fact's side is the side of its `stated` publishers; outlets that carried
the statement are shown as reporters. Only a side whose standing is "party" is called a party.
"""

import pandas as pd

from ..ledger import per_ledger

STATED = "stated"
HOSTED = "hosted a copy"  # a page that holds a copy: not a reporter of the statement
PARTY = "party"


def sides_table(ledger) -> pd.DataFrame:
    """The side codes with their label, standing and `party` (True only for a party's code);
    label_words, the glossary check's own column, is left out."""
    sides = ledger.reference_sides.drop(columns="label_words", errors="ignore").set_index("side")
    sides["party"] = sides["standing"] == PARTY
    return sides


def side_words(ledger, code: str) -> str:
    """'AM-media: an outlet or institute based in Armenia, ... (based in Armenia ..., not a party)'."""
    words = _all_side_words(ledger)
    if code not in words:
        raise KeyError(f"side code {code!r} is not in data/reference/sides.csv; add it there")
    return words[code]


def _all_side_words(ledger) -> dict[str, str]:
    """Each side's code and label, then its standing in words where the label does not already
    say it: 'AM: Armenia's government, ... (a party to the conflict)', but 'REF: a reference
    work, statistics office or research body' (not '... (a reference source)')."""
    sides = ledger.reference_sides
    return {code: f"{code}: {label}" + ("" if standing.lower() in label.lower() else f" ({words})")
            for code, label, standing, words
            in zip(sides["side"], sides["label"], sides["standing"], sides["standing_words"], strict=True)}


def fact_publishers(ledger) -> pd.DataFrame:
    """One row per (fact, publisher, role), with the publisher's name, side, kind and standing."""
    links = ledger.reference_fact_publishers.merge(ledger.reference_publishers, on="publisher_id")
    sides = sides_table(ledger)
    links["standing"] = links["side"].map(sides["standing"])
    links["party"] = links["side"].map(sides["party"]).astype(bool)
    return links


def _codes(codes) -> list[str]:
    return list(dict.fromkeys(codes))


@per_ledger
def fact_sides(ledger) -> pd.DataFrame:
    """One row per reference fact: `side` ('NK (reported by AM-media)'), `side_label` (in words),
    `party` (a stated publisher is a party), `stated_by` and `carried_by` (publisher names)."""
    by_fact: dict[str, list[dict]] = {}
    for link in fact_publishers(ledger).to_dict("records"):
        by_fact.setdefault(link["fact_id"], []).append(link)
    words = _all_side_words(ledger)
    rows = []
    for fact_id in ledger.reference_facts["id"]:
        own = by_fact.get(fact_id, [])
        stated = [link for link in own if link["role"] == STATED]
        carried = [link for link in own if link["role"] not in (STATED, HOSTED)]
        if not stated:
            raise KeyError(f"fact {fact_id} has no stated publisher in "
                           "data/reference/fact_publishers.csv; add one there")
        stated_codes = _codes(link["side"] for link in stated)
        carried_codes = [c for c in _codes(link["side"] for link in carried) if c not in stated_codes]
        side = "; ".join(stated_codes)
        label = "; ".join(words[c] for c in stated_codes)
        if carried_codes:
            side += f" (reported by {' and '.join(carried_codes)})"
            label += "; reported by " + "; ".join(words[c] for c in carried_codes)
        rows.append({
            "id": fact_id, "side": side, "side_label": label,
            "party": any(link["party"] for link in stated),
            "stated_by": "; ".join(dict.fromkeys(link["name"] for link in stated)),
            "carried_by": "; ".join(dict.fromkeys(link["name"] for link in carried)),
            "kinds": "; ".join(dict.fromkeys(link["kind"] for link in stated)),
        })
    return pd.DataFrame(rows).set_index("id")


@per_ledger
def _facts_with_sides(ledger) -> pd.DataFrame:
    return ledger.reference_facts.join(fact_sides(ledger), on="id")


def with_sides(ledger, facts: pd.DataFrame | None = None) -> pd.DataFrame:
    """The reference facts with the columns of `fact_sides` joined on."""
    if facts is None:
        return _facts_with_sides(ledger)
    return facts.join(fact_sides(ledger), on="id")
