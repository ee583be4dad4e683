"""show_table: one header row with scope on every header cell, no <NA>/NaN/NaT/None in a cell,
line breaks kept; and the timeline's SVGs name their patterns apart (no id twice on a page).
The browser tests run HTML_CodeSniffer on the pages these tables appear in."""

import re

import numpy as np
import pandas as pd

from readingpack.tables import show_table
from readingpack.widgets import timeline


def test_missing_values_are_empty_and_line_breaks_are_kept():
    frame = pd.DataFrame({
        "place": ["Washington,\nD.C.", None], "km²": [177.0, np.nan], "drawn": [68.34, 160.0],
        "date": pd.to_datetime(["2022-12-12", None]), "count": pd.array([1, None], dtype="Int64"),
    })
    page = show_table(frame)._repr_html_()
    assert "<td>Washington,<br>D.C.</td>" in page
    assert "<td>177.0</td>" in page and "<td>68.34</td><td>2022-12-12</td><td>1</td>" in page
    assert "<td>160.00</td>" in page
    assert not re.search(r"NaN|NaT|&lt;NA&gt;|None|nan|\\n", page)
    assert "Washington, D.C." in repr(show_table(frame)) and "NaN" not in repr(show_table(frame))


def test_one_header_row_with_scopes_even_for_a_crosstab_and_a_named_index():
    years = pd.Series([2020, 2021, 2021], name="start")
    tracks = pd.Series(["Diplomatic", "Military", "Diplomatic"], name="track")
    page = show_table(pd.crosstab(years, tracks))._repr_html_()
    head = page.split("<tbody>")[0]
    assert head.count("<tr>") == 1
    assert '<th scope="col">start / track</th><th scope="col">Diplomatic</th>' in head
    assert '<th scope="row">2021</th><td>1</td><td>1</td>' in page
    assert all('scope="' in cell for cell in re.findall(r"<th(?: [^>]*)?>", page))


def test_a_multiindex_becomes_ordinary_columns_and_long_tables_are_cut_as_pandas_does():
    frame = pd.DataFrame({"a": ["x", "x", "y"], "b": [1, 2, 1]}).groupby(["a", "b"]).size()
    page = show_table(frame.rename("n").to_frame())._repr_html_()
    assert '<th scope="col">a</th><th scope="col">b</th><th scope="col">n</th>' in page
    assert "<tbody><tr><td>x</td><td>1</td><td>1</td></tr>" in page
    long = show_table(pd.DataFrame({"x": range(75)}))
    assert long._repr_html_().count("<tr>") == 1 + 10 + 1
    assert "The first 5 and last 5 of 75 rows." in long._repr_html_()


def test_the_timeline_key_and_strip_use_different_pattern_ids():
    widget = timeline.TimelineExplorer()
    first, last = widget.years.value
    strip = timeline.timeline_svg(widget.table, first, last)
    key = timeline.legend_html()
    ids = re.findall(r'\bid="([^"]+)"', strip) + re.findall(r'\bid="([^"]+)"', key)
    assert len(ids) == len(set(ids)) == 4
    for svg in (strip, key):
        assert set(re.findall(r"url\(#([^)]+)\)", svg)) <= set(re.findall(r'\bid="([^"]+)"', svg))
