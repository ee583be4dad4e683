"""Shared fixtures: the ledger is loaded once per session, in a fixture, never at import time."""

import fnmatch
import html
import re

import pytest
from tiers import HEAVY

from readingpack.ledger import load_ledger


@pytest.fixture(scope="session")
def ledger():
    """Every table of data/datapackage.json (readingpack.ledger.load_ledger), loaded once."""
    return load_ledger()


@pytest.fixture(scope="session")
def body_paragraphs(ledger) -> list[int]:
    """The body paragraphs' numbers, read from the paragraphs table's kind column."""
    paragraphs = ledger.paragraphs
    return paragraphs.loc[paragraphs["kind"] == "body", "number"].astype(int).tolist()


@pytest.fixture(scope="session")
def visible():
    """A function: an HTML fragment's text as a browser's textContent gives it, whitespace collapsed."""
    return lambda fragment: " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def pytest_collection_modifyitems(config, items):
    for item in items:
        if any(fnmatch.fnmatchcase(item.nodeid, pattern) for pattern in HEAVY):
            item.add_marker(pytest.mark.heavy)
