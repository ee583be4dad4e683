"""The words and phrases of data/lexicon.csv, found and counted in the article.

A term is matched as a whole word (no letter, digit or underscore just before or after it),
case-insensitively, unless its row gives a `pattern`: then that regular expression is used as
written (case-sensitive unless it says otherwise). Each term is counted on its own, so a
stretch of text can count for two terms of different categories ("reportedly" is both an
attribution word and a hedge).
"""

import re

import pandas as pd


def term_regex(term: str, pattern: str | None = None) -> re.Pattern:
    if isinstance(pattern, str) and pattern:
        return re.compile(pattern)
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)


def find_terms(paragraphs: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """One row per occurrence: paragraph, start and end (offsets in article.txt), term,
    category and the matched text. `paragraphs` needs number, start and text."""
    patterns = lexicon["pattern"] if "pattern" in lexicon else [None] * len(lexicon)
    rows = []
    for term, category, pattern in zip(lexicon["term"], lexicon["category"], patterns, strict=True):
        regex = term_regex(term, pattern if isinstance(pattern, str) else None)
        for number, offset, text in zip(
            paragraphs["number"], paragraphs["start"], paragraphs["text"], strict=True
        ):
            for found in regex.finditer(text):
                rows.append({
                    "paragraph": int(number), "start": int(offset) + found.start(),
                    "end": int(offset) + found.end(), "term": term, "category": category,
                    "match": found.group(),
                })
    columns = ["paragraph", "start", "end", "term", "category", "match"]
    return pd.DataFrame(rows, columns=columns).sort_values(["start", "term"], ignore_index=True)


def count_terms(lexicon: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Every lexicon row with its number of occurrences (0 if none) and the paragraphs."""
    grouped = found.groupby(["term", "category"])
    counts = grouped.size().rename("occurrences")
    where = grouped["paragraph"].agg(lambda p: ", ".join(str(n) for n in sorted(set(p))))
    table = lexicon[["term", "category"]].merge(
        pd.concat([counts, where.rename("paragraphs")], axis=1).reset_index(),
        on=["term", "category"], how="left",
    )
    table["occurrences"] = table["occurrences"].fillna(0).astype("int64")
    table["paragraphs"] = table["paragraphs"].fillna("")
    return table


def terms_by_paragraph(found: pd.DataFrame, by: str = "category") -> pd.DataFrame:
    """Occurrences per paragraph: one row per category (or term, with by="term"), one column per
    paragraph number."""
    table = found.groupby([by, "paragraph"]).size().unstack(fill_value=0)
    return table.rename_axis(index=by, columns="paragraph")


def ledger_terms(ledger) -> pd.DataFrame:
    """find_terms over the whole article of a loaded Ledger."""
    return find_terms(ledger.article.paragraphs, ledger.lexicon)
