"""The pack's settings and vocabulary, read from the data folder (data/settings.csv,
data/vocabulary.csv), so that nothing in src/ names this article's ids, dates or wordings.

A missing entry raises a KeyError that says which key and which file to add it to; a setting
read with `table=` also checks that each id it names is a row of that ledger table, and a
missing id raises a KeyError naming the id, the file to add it to and the setting that names it.
"""

from ..ledger import load_ledger, per_ledger

# The id column of each table whose ids a setting may name.
ID_COLUMNS = {
    "figures": "figure_id", "actors": "actor_id", "claims": "claim_id", "events": "event_id",
    "issues": "issue_id", "positions": "position_id", "reference_facts": "id",
    "reference_fact_values": "value_id",
}


def known_ids(ids: list[str], table: str, ledger=None, key: str | None = None) -> list[str]:
    """`ids` unchanged when each is an id of the ledger table `table` (figures, actors, ...);
    otherwise a KeyError naming the first missing id and the file to add it to."""
    ledger = ledger or load_ledger()
    column = ID_COLUMNS[table]
    present = {str(value) for value in ledger[table][column].dropna()}
    for item in ids:
        if item not in present:
            file = ledger.tables[table].file
            named = f" (the setting {key!r} of data/settings.csv names it)" if key else ""
            raise KeyError(f"the id {item!r} is not in data/{file}: add a row with {column} "
                           f"{item!r} to data/{file}, or change the id{named}")
    return list(ids)


def setting(key: str, ledger=None, table: str | None = None) -> str:
    """The value of one setting, as text; with `table`, an id checked against that table."""
    ledger = ledger or load_ledger()
    frame = ledger.settings.set_index("key")
    if key not in frame.index:
        raise KeyError(f"the setting {key!r} is missing: add a row with key {key!r} to "
                       "data/settings.csv")
    value = str(frame.loc[key, "value"])
    return known_ids([value], table, ledger, key)[0] if table else value


def setting_ids(key: str, ledger=None, table: str | None = None) -> list[str]:
    """A setting that lists ids separated by ';', as a list; with `table`, each id checked."""
    ids = [part.strip() for part in setting(key, ledger).split(";") if part.strip()]
    return known_ids(ids, table, ledger, key) if table else ids


def setting_int(key: str, ledger=None) -> int:
    return int(setting(key, ledger))


def labels(kind: str, ledger=None) -> dict[str, str]:
    """{code: label} for one kind of data/vocabulary.csv (relation, qualifier, bound_word, unit)."""
    return _labels(ledger or load_ledger(), kind)


@per_ledger
def _labels(ledger, kind: str) -> dict[str, str]:
    table = ledger.vocabulary
    rows = table[table["kind"] == kind]
    if rows.empty:
        raise KeyError(f"no labels of kind {kind!r}: add rows with kind {kind!r} to data/vocabulary.csv")
    return dict(zip(rows["code"], rows["label"], strict=True))
