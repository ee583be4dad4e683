"""The article's raw text, its metadata, and its paragraphs.

Paragraphs are the non-empty lines of the raw text, numbered from 1. Offsets are code-point
positions in the raw text, end exclusive. Nothing is stripped: two paragraphs end in a
non-breaking space, which str.strip() would silently remove.
"""

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from .paths import data_dir


class ArticleError(ValueError):
    """The article text or its metadata is missing or not what the metadata records."""


@dataclass(frozen=True)
class Article:
    text: str
    metadata: dict
    paragraphs: pd.DataFrame

    def paragraph(self, number: int) -> str:
        return self.paragraphs.loc[number, "text"]


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each non-empty line of `text`."""
    spans, position = [], 0
    for line in text.split("\n"):
        if line != "":
            spans.append((position, position + len(line)))
        position += len(line) + 1
    return spans


def paragraph_kind(number: int, kinds: list[dict]) -> str:
    for rule in kinds:
        if rule["first"] <= number <= rule["last"]:
            return rule["kind"]
    raise ArticleError(f"metadata.json: paragraph_kinds gives no kind for paragraph {number}")


def paragraph_table(text: str, kinds: list[dict]) -> pd.DataFrame:
    rows = [
        {
            "number": number,
            "kind": paragraph_kind(number, kinds),
            "start": start,
            "end": end,
            "text": text[start:end],
        }
        for number, (start, end) in enumerate(split_paragraphs(text), start=1)
    ]
    table = pd.DataFrame(rows).astype(
        {"number": "int64", "kind": "string", "start": "int64", "end": "int64", "text": "string"}
    )
    return table.set_index("number", drop=False).rename_axis(None)


def _read_metadata(folder: Path) -> dict:
    path = folder / "metadata.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ArticleError(f"{path}: the article's metadata file is missing") from None
    except json.JSONDecodeError as error:
        raise ArticleError(f"{path}: not valid JSON ({error})") from None


def read_article(folder: Path) -> Article:
    metadata = _read_metadata(folder)
    path = folder / metadata["text_file"]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: the article text is missing") from None
    digest = hashlib.sha256(raw).hexdigest()
    if digest != metadata["sha256"]:
        raise ArticleError(
            f"{path}: the bytes have changed (SHA-256 {digest[:12]}..., metadata.json records "
            f"{metadata['sha256'][:12]}...). Restore the original text: quotes, spaces and "
            "typos are part of the source."
        )
    text = raw.decode("utf-8")
    return Article(text, metadata, paragraph_table(text, metadata["paragraph_kinds"]))


@cache
def _cached_article(folder: Path) -> Article:
    return read_article(folder)


def load_article() -> Article:
    """The article of the current data folder (read once per kernel)."""
    return _cached_article(data_dir() / "article")


def paragraphs_csv(article: Article) -> str:
    """data/paragraphs.csv as text: the computed paragraph table, committed so that the data
    package's foreign keys can point at it (a test checks it matches the article)."""
    table = article.paragraphs[["number", "kind", "start", "end", "text"]]
    return table.to_csv(index=False, lineterminator="\n")
