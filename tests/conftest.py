"""Shared fixtures: the ledger is loaded once per session, in a fixture, never at import time."""

import fnmatch
import html
import re

import pytest
from tiers import HEAVY

from packtools.nbtools import written_for_another_article
from readingpack.ledger import load_ledger
from readingpack.paths import PROJECT_ROOT


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
    lessons_elsewhere = None
    for item in items:
        if any(fnmatch.fnmatchcase(item.nodeid, pattern) for pattern in HEAVY):
            item.add_marker(pytest.mark.heavy)
        if item.get_closest_marker("own_lessons"):
            if lessons_elsewhere is None:  # read the lessons once, and only if a test runs them
                lessons_elsewhere = written_for_another_article(PROJECT_ROOT / "notebooks")
            if lessons_elsewhere:
                item.add_marker(pytest.mark.skip(reason=f"runs the lessons: {lessons_elsewhere}"))
