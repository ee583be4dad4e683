"""The pack's settings and vocabulary, read from the data folder (data/settings.csv,
data/vocabulary.csv), so that nothing in src/ names this article's ids, dates or wordings.

A missing entry raises a KeyError that says which key and which file to add it to.
"""

from ..ledger import load_ledger


def setting(key: str, ledger=None) -> str:
    """The value of one setting, as text."""
    table = (ledger or load_ledger()).settings.set_index("key")
    if key not in table.index:
        raise KeyError(f"the setting {key!r} is missing: add a row with key {key!r} to "
                       "data/settings.csv")
    return str(table.loc[key, "value"])


def setting_ids(key: str, ledger=None) -> list[str]:
    """A setting that lists ids separated by ';', as a list."""
    return [part.strip() for part in setting(key, ledger).split(";") if part.strip()]


def setting_int(key: str, ledger=None) -> int:
    return int(setting(key, ledger))


def labels(kind: str, ledger=None) -> dict[str, str]:
    """{code: label} for one kind of data/vocabulary.csv (relation, qualifier, bound_word, unit)."""
    table = (ledger or load_ledger()).vocabulary
    rows = table[table["kind"] == kind]
    if rows.empty:
        raise KeyError(f"no labels of kind {kind!r}: add rows with kind {kind!r} to data/vocabulary.csv")
    return dict(zip(rows["code"], rows["label"], strict=True))
