"""The links of a reference fact in the order a reader should follow them.

The reference list gives each row's links as it found them; data/reference/link_labels.csv
adds, where the list gives one, the document's own page (a court's, the UN's, UNHCR's or the
ICRC's site) as the first link, and labels copies on other sites as reproductions.
"""

import pandas as pd

from ..ledger import per_ledger

LINK_COLUMNS = ("link", "link_2", "link_3", "link_4")


def _present(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


@per_ledger(copies=False)
def _links_by_fact(ledger) -> dict[str, list[dict]]:
    """fact_links() of every fact, found in one pass over the two tables."""
    labels: dict[str, dict[str, tuple]] = {}
    table = ledger.reference_link_labels
    for fact_id, link, kind, note in zip(table["fact_id"], table["link"], table["kind"], table["note"],
                                         strict=True):
        labels.setdefault(fact_id, {})[link] = (kind, note)
    facts = ledger.reference_facts
    columns = [c for c in LINK_COLUMNS if c in facts]
    links = {}
    for fact_id, *own in zip(facts["id"], *(facts[c] for c in columns), strict=True):
        by_link = labels.get(fact_id, {})
        primary = [link for link, (kind, _) in by_link.items() if kind == "primary"]
        rows = []
        for link in dict.fromkeys([*primary, *(link for link in own if _present(link))]):
            kind, note = by_link.get(link, ("link", ""))
            rows.append({"link": link, "kind": kind, "label": note})
        links[fact_id] = rows
    return links


def fact_links(ledger, fact_id: str) -> list[dict]:
    """[{link, kind, label}] for one fact: primary links first, then the row's own links in the
    list's order (kind 'reproduction' or 'link'), each address once."""
    every = _links_by_fact(ledger)
    if fact_id not in every:
        raise KeyError(f"{fact_id!r} is not a row of reference/facts.csv")
    return [dict(row) for row in every[fact_id]]


def links_text(ledger, fact_id: str) -> str:
    """The links of one fact as one line: 'address (label); address'."""
    return "; ".join(f"{row['link']} ({row['label']})" if row["label"] else row["link"]
                     for row in fact_links(ledger, fact_id))


def ordered_links(ledger, fact_id: str) -> list[str]:
    """The addresses alone, primary first."""
    return [row["link"] for row in fact_links(ledger, fact_id)]


def link_table(ledger) -> pd.DataFrame:
    """Every fact's links in order, one row per link: fact id, position, link, kind, label."""
    rows = [{"fact_id": fact_id, "position": i + 1, **row}
            for fact_id in ledger.reference_facts["id"]
            for i, row in enumerate(fact_links(ledger, fact_id))]
    return pd.DataFrame(rows, columns=["fact_id", "position", "link", "kind", "label"])
