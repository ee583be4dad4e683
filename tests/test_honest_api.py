"""A widget given a table uses it or says why it cannot; the ledger lists its tables in dir()."""

import warnings

import pytest

from readingpack.ledger import load_ledger
from readingpack.widgets.claims import ClaimExplorer
from readingpack.widgets.reading import ParagraphReader
from readingpack.widgets.timeline import TimelineExplorer


def test_dir_of_the_ledger_lists_its_tables(ledger):
    names = dir(ledger)
    assert set(ledger.names) <= set(names)
    assert "claims" in names and "names" in names


def test_a_whole_table_of_the_ledger_is_shown_without_a_warning(ledger):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reader = ParagraphReader(ledger.paragraphs, ledger.outline)
        TimelineExplorer(ledger.events)
    assert reader is not None


def test_some_rows_of_a_table_get_a_warning_naming_what_is_shown_instead(ledger):
    shown = rf"holds 3 of the {len(ledger.events)} rows of the ledger's events table"
    with pytest.warns(UserWarning, match=shown):
        widget = TimelineExplorer(ledger.events.head(3))
    assert widget.table.equals(TimelineExplorer(load_ledger()).table)
    with pytest.warns(UserWarning, match="none of the ledger's tables"):
        ClaimExplorer(ledger.events.rename(columns=lambda c: f"x{c}"))


def test_a_settings_id_that_names_no_row_is_refused_with_the_setting_and_the_file(tmp_path):
    import shutil

    from readingpack.ledger import Ledger, LedgerError
    from readingpack.paths import PROJECT_ROOT

    folder = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data" / "practice" / "rivers_and_roads", folder)
    settings = folder / "settings.csv"
    text = settings.read_text(encoding="utf-8")
    key = next(line.split(",")[0] for line in text.splitlines() if ",F00" in line)
    value = next(line.split(",")[1] for line in text.splitlines() if line.startswith(key + ","))
    settings.write_text(text.replace(f"{key},{value}", f"{key},F099"), encoding="utf-8")
    with pytest.raises(LedgerError, match=rf"settings.csv, line \d+, column 'value': the setting "
                                          rf"'{key}' names F099, which is not an id of figures.csv"):
        Ledger(folder)
