"""This article's facts, stated once: its bytes, its shape and the sizes of its evidence tables.

Every other test is generic: it reads counts, ranges and ids from the data (the paragraphs
table's kind column, the ledger's tables) or from the names below. Adapting the pack to
another article means changing this module, not the rest of the suite (docs/adapting.md)."""

import hashlib
import json

from readingpack.paths import PROJECT_ROOT

ARTICLE = PROJECT_ROOT / "data" / "article" / "article.txt"
METADATA = PROJECT_ROOT / "data" / "article" / "metadata.json"

ARTICLE_SHA256 = "940de19b56d62867efb8108db67837e6dade7ac269c9929017565a9fc7644cc9"
ARTICLE_BYTES = 15123
NON_BREAKING_SPACES = 18
PARAGRAPH_KINDS = ["title", "standfirst"] + ["body"] * 18 + ["byline"] * 2 + ["bio"]
BODY = range(3, 21)  # also read from the kind column by the `body_paragraphs` fixture
PARAGRAPHS_ENDING_IN_NBSP = [7, 16]
AUTHOR_ID = "sossi_tatikyan"
TABLE_SIZES = {
    "paragraphs": 23, "sentences": 94, "figures": 45, "claims": 139, "events": 50, "issues": 16,
    "reference_quoted_sources": 5,
}
CLAIMS_BY_VOICE = {"author": 95, "others": 44}  # CL104 and CL106: tie-break rule 2
EVENTS_COUNTED_ONCE = 48  # EV013 and EV047 repeat EV005 and EV004
UNDATED_EVENTS = 19


def test_article_bytes_are_the_recorded_ones():
    """The one test of the article's bytes (readingpack.article also refuses changed bytes)."""
    raw = ARTICLE.read_bytes()
    metadata = json.loads(METADATA.read_text(encoding="utf-8"))
    assert hashlib.sha256(raw).hexdigest() == metadata["sha256"] == ARTICLE_SHA256
    assert len(raw) == ARTICLE_BYTES
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and not raw.endswith(b"\n")
    assert raw.decode("utf-8").count("\u00a0") == NON_BREAKING_SPACES


def test_metadata_describes_the_article():
    metadata = json.loads(METADATA.read_text(encoding="utf-8"))
    assert metadata["author"] == "Sossi Tatikyan"
    assert metadata["outlet"] == "Modern Diplomacy"
    assert metadata["published"] == "2024-11-22"
    assert metadata["url"].startswith("https://moderndiplomacy.eu/2024/11/22/")
    assert "copyright" in metadata["rights"].lower()
    assert metadata["title"] == ARTICLE.read_text(encoding="utf-8").split("\n")[0]


def test_paragraph_kinds_and_the_body_range(ledger, body_paragraphs):
    assert ledger.paragraphs["kind"].tolist() == PARAGRAPH_KINDS
    assert body_paragraphs == list(BODY)
    article = ledger.article
    assert article.paragraph(2) in article.paragraph(3)
    assert article.paragraph(21) == article.paragraph(22) == "Sossi Tatikyan"
    numbers = ledger.paragraphs["number"].tolist()
    assert [n for n in numbers if article.paragraph(n).endswith("\xa0")] == PARAGRAPHS_ENDING_IN_NBSP


def test_table_sizes(ledger):
    assert {name: len(ledger[name]) for name in TABLE_SIZES} == TABLE_SIZES


def test_claims_by_voice(ledger):
    by_author = ledger.claims["speaker"] == AUTHOR_ID
    assert {"author": by_author.sum(), "others": (~by_author).sum()} == CLAIMS_BY_VOICE
    assert sorted(ledger.claims["paragraph"].unique()) == list(BODY)


def test_events_counted_once():
    from readingpack.evidence.events import event_table

    table = event_table()
    assert len(table) == EVENTS_COUNTED_ONCE and table["undated"].sum() == UNDATED_EVENTS
