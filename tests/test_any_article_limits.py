"""Limits that another article reaches and this one does not: an outline of more than five
sections, figures that are amounts of money, percentages or rates, and an article without a
printed year range or without the date that task 5.3 names. Each works, or says exactly what
the article's data lacks."""

import shutil

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from readingpack import charts
from readingpack.evidence.comparison import article_value, outcome_by_rules
from readingpack.exercises import CANNOT_CHECK, CORRECT, INCORRECT, check_value
from readingpack.ledger import Ledger, LedgerError
from readingpack.paths import PROJECT_ROOT

FIXTURE = PROJECT_ROOT / "data" / "practice" / "rivers_and_roads"


@pytest.fixture
def synthetic(tmp_path, monkeypatch):
    """A copy of the fictional article's data folder, loaded by the pack (READINGPACK_DATA)."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    monkeypatch.setenv("READINGPACK_DATA", str(folder))
    return folder


def rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# ---- lesson 1's outline chart -----------------------------------------------------------------

@pytest.mark.parametrize("sections", [1, 6, 12])
def test_the_outline_chart_gives_each_of_any_number_of_sections_its_own_bar_style(sections):
    structure = pd.DataFrame({"paragraph": range(1, 2 * sections + 1), "words": [40, 60] * sections,
                              "section": [f"Part {n // 2 + 1}" for n in range(2 * sections)]})
    charts.paragraph_lengths_chart(structure)
    ax = plt.gcf().axes[0]
    assert len(ax.patches) == 2 * sections
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [f"Part {n}" for n in range(1, sections + 1)]
    styles = {(tuple(bar.get_facecolor()), bar.get_hatch()) for bar in ax.patches}
    assert len(styles) == sections
    plt.close("all")


def test_axis_ends_fit_the_values():
    assert [charts.nice_ceiling(v) for v in (268.75, 500, 4.2, 0, 12_000)] == [300, 500, 5, 1, 20_000]
    assert [charts.nice_floor(v) for v in (150.5, 0, 7)] == [100, 0, 7]


def test_the_bounds_chart_fits_its_axes_and_legend_to_the_figures():
    figures = Ledger(FIXTURE).figures
    bounds = figures[figures["qualifier"] == "at_least"]
    charts.bounds_chart(bounds, bounds)
    top, bottom = plt.gcf().axes
    largest = bounds["value_low"].max()  # 40 (km²): the axes end at 50, not at a fixed 500 or 300
    assert top.get_xlim()[1] == bottom.get_xlim()[1] == charts.nice_ceiling(1.25 * largest) == 50
    assert [t.get_text() for t in top.get_legend().get_texts()] == ["at least (included), no upper bound"]
    plt.close("all")


# ---- figure kinds: money, percentage, rate ----------------------------------------------------

@pytest.mark.parametrize(("kind", "unit", "words"), [
    ("money", "USD", "at least 40 USD"),
    ("percentage", "percent", "at least 40 percent"),
    ("rate", "people per day", "at least 40 people per day"),
])
def test_a_figure_can_be_money_a_percentage_or_a_rate(synthetic, kind, unit, words):
    rewrite(synthetic / "figures.csv", ",km2,at_least,territory,", f",{unit},at_least,{kind},")
    ledger = Ledger(synthetic)
    figure = ledger.figures.set_index("figure_id").loc["F003"]
    assert figure["kind"] == kind
    assert article_value(figure, ledger) == words
    value = {"value_low": None, "value_best": 45.0, "value_high": None, "qualifier": "exact",
             "date_start": pd.NaT}
    rule, _outcome, _reason = outcome_by_rules(figure, value, "same_measure")
    assert rule != "X1"  # compared as numbers, not refused as "not of the same kind"


def test_an_unknown_figure_kind_is_refused_with_its_place(synthetic):
    rewrite(synthetic / "figures.csv", ",km2,at_least,territory,", ",km2,at_least,wealth,")
    with pytest.raises(LedgerError, match=r"figures\.csv, line \d+, column 'kind'"):
        Ledger(synthetic)


def test_a_money_figure_needs_its_currency(synthetic):
    rewrite(synthetic / "figures.csv", ",km2,at_least,territory,", ",,at_least,money,")
    with pytest.raises(LedgerError, match=r"figures\.csv.*unit"):
        Ledger(synthetic)


# ---- task 5.3: a date printed without a year ---------------------------------------------------

def test_5_3_names_the_setting_and_the_file_when_no_event_prints_that_date(synthetic):
    rewrite(synthetic / "settings.csv", "lesson05.printed_date,March 3,", "lesson05.printed_date,March 4,")
    feedback = check_value("5.3", "day")
    assert feedback.status == CANNOT_CHECK
    for words in ("events.csv", "date_as_printed", "“March 4”", "lesson05.printed_date", "settings.csv"):
        assert words in feedback.message


def test_5_3_works_on_an_article_that_prints_no_year_range(synthetic):
    rewrite(synthetic / "events.csv", "closed in 2021-2022,The bridge is closed,2021-2022,",
            "closed in 2021-2022,The bridge is closed,,")
    assert check_value("5.3", "day").status == CORRECT
    ranged = check_value("5.3", "range")
    assert ranged.status == INCORRECT
    assert ranged.message == "A range is a span of dates. The article's words name a single date."
