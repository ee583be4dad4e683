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


@per_ledger
def fact_links(ledger, fact_id: str) -> list[dict]:
    """[{link, kind, label}] for one fact: primary links first, then the row's own links in the
    list's order (kind 'reproduction' or 'link'), each address once."""
    fact = ledger.reference_facts.set_index("id").loc[fact_id]
    labels = ledger.reference_link_labels
    labels = labels[labels["fact_id"] == fact_id]
    by_link = dict(zip(labels["link"], zip(labels["kind"], labels["note"], strict=True), strict=True))
    primary = [link for link, (kind, _) in by_link.items() if kind == "primary"]
    own = [fact[c] for c in LINK_COLUMNS if c in fact.index and _present(fact[c])]
    rows = []
    for link in dict.fromkeys([*primary, *own]):
        kind, note = by_link.get(link, ("link", ""))
        rows.append({"link": link, "kind": kind, "label": note})
    return rows


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
