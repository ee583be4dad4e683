"""A widget given a table uses it or says why it cannot; the ledger lists its tables in dir()."""

import warnings

import pytest

from readingpack.ledger import load_ledger
from readingpack.widgets.claims import ClaimExplorer
from readingpack.widgets.setting import ParagraphReader
from readingpack.widgets.timeline import TimelineWidget


def test_dir_of_the_ledger_lists_its_tables(ledger):
    names = dir(ledger)
    assert set(ledger.names) <= set(names)
    assert "claims" in names and "names" in names


def test_a_whole_table_of_the_ledger_is_shown_without_a_warning(ledger):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reader = ParagraphReader(ledger.paragraphs, ledger.outline)
        TimelineWidget(ledger.events)
    assert reader is not None


def test_some_rows_of_a_table_get_a_warning_naming_what_is_shown_instead(ledger):
    shown = rf"holds 3 of the {len(ledger.events)} rows of the ledger's events table"
    with pytest.warns(UserWarning, match=shown):
        widget = TimelineWidget(ledger.events.head(3))
    assert widget.table.equals(TimelineWidget(load_ledger()).table)
    with pytest.warns(UserWarning, match="none of the ledger's tables"):
        ClaimExplorer(ledger.events.rename(columns=lambda c: f"x{c}"))
