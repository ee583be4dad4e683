"""The chart tasks 2.7, 3.8, 3.9 and 5.8: a right figure passes (also drawn another way round),
wrong data, a missing title or axis label, a cut axis and a bound drawn as a plain bar fail with
specific feedback that never names the expected number, and odd answers never raise."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from readingpack.evidence.areas import article_area, reference_areas
from readingpack.evidence.claims import type_label
from readingpack.evidence.events import event_table, zoom_years
from readingpack.exercises import CORRECT, INCORRECT, NOT_ANSWERED, TASKS, chart_reading, check_value
from readingpack.exercises import chart_tasks as ct

CHART_TASKS = {"2.7": ct.NOT_CHECKED_BARS, "3.8": ct.NOT_CHECKED_FREE, "3.9": ct.NOT_CHECKED_SINGLE,
               "5.8": ct.NOT_CHECKED_BARS}


@pytest.fixture(autouse=True)
def close_chart_reading():
    yield
    plt.close("all")


def run(task_id, answer):
    """The feedback, checked for what every chart check promises: no traceback, and a last
    sentence that says what was not checked."""
    feedback = check_value(task_id, answer)
    assert "could not be checked" not in feedback.message, feedback
    if feedback.status != NOT_ANSWERED:
        assert feedback.message.endswith(CHART_TASKS[task_id]), feedback
    return feedback


def labelled(ax, title="A title", xlabel="x things", ylabel="y things", legend=True):
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if legend:
        ax.legend()
    elif ax.get_legend():
        ax.get_legend().remove()
    return ax


# --- Registration and odd answers --------------------------------------------------------------

def test_the_four_chart_tasks_are_registered_as_charts():
    for task_id, variable in {"2.7": "claims_chart", "3.8": "bound_chart", "3.9": "honest_chart",
                              "5.8": "tracks_chart"}.items():
        assert TASKS[task_id].kind == "chart" and TASKS[task_id].variable == variable


@pytest.mark.parametrize("task_id", sorted(CHART_TASKS))
def test_odd_answers_never_raise_and_say_what_to_store(task_id):
    variable = TASKS[task_id].variable
    assert run(task_id, None).status == NOT_ANSWERED
    assert run(task_id, ...).status == NOT_ANSWERED
    fig, ax = plt.subplots()
    bars = ax.bar(["a"], [1])
    odd = [
        (3, "yours is int 3"), ("a string", "yours is str"), (3.5, "Figure or Axes"),
        (True, "Figure or Axes"), (plt, "This is the pyplot module (plt)"), ((fig, ax), "the pair (fig, ax)"),
        (bars, "the pieces that a drawing call returned"), (list(bars), "the pieces that a drawing call"),
        (pd.DataFrame({"a": [1]}), "the data, not the chart"), (pd.Series([1, 2]), "the data, not the chart"),
        (object(), "Figure or Axes"), (["x"], "Figure or Axes"), ([[1]], "Figure or Axes"),
        ({"a": 1}, "Figure or Axes"), (float("nan"), "Figure or Axes"),
        (plt.subplots(1, 2)[1], "a list of Axes"),
        (plt.figure(), "This chart is empty"), (plt.subplots()[1], "This chart is empty"),
    ]
    for answer, words in odd:
        feedback = run(task_id, answer)
        assert feedback.status == INCORRECT and words in feedback.message, (answer, feedback)
        assert feedback.reason == ("empty_chart" if "empty" in words else "not_a_chart"), (answer, feedback)
        assert f"{variable} = fig" in feedback.message or "table.plot.bar()" in feedback.message


def test_a_chart_without_bars_is_named():
    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    for task_id in ("2.7", "3.9", "5.8"):
        assert run(task_id, fig).reason == "no_bars"


# --- The generic inspection ----------------------------------------------------------------------

def test_bars_are_read_with_their_categories_and_series():
    counts = pd.DataFrame({"t1": [1, 0], "t2": [2, 3]}, index=[3, 4])
    expected = {("3", "t1"): 1.0, ("4", "t1"): 0.0, ("3", "t2"): 2.0, ("4", "t2"): 3.0}
    assert chart_reading.bar_table(chart_reading.bars(counts.plot.bar(stacked=True))) == expected
    assert chart_reading.bar_table(chart_reading.bars(counts.plot.barh())) == expected
    _fig, ax = plt.subplots()
    ax.bar([2020 - 0.2, 2021 - 0.2], [1, 2], width=0.4, label="a")  # grouped, no tick labels set
    ax.bar([2020.2, 2021.2], [3, 4], width=0.4, label="b")
    assert chart_reading.bar_table(chart_reading.bars(ax)) == {
        ("2020", "a"): 1, ("2021", "a"): 2, ("2020", "b"): 3, ("2021", "b"): 4}


def test_points_arrows_texts_and_markers_are_found():
    _fig, ax = plt.subplots()
    ax.plot(220, 0, ">")
    ax.annotate("at least", xy=(400, 0), xytext=(220, 0), arrowprops={"arrowstyle": "->"})
    ax.errorbar([1], [5], yerr=[[0], [2]], lolims=True, fmt="o")
    assert (220.0, 0.0) in [(p.x, p.y) for p in chart_reading.points(ax)]
    assert ((220.0, 0.0), (400.0, 0.0)) in chart_reading.arrows(ax)
    assert chart_reading.texts(ax) == ["at least"]
    assert {chart_reading.marker_direction(p.marker) for p in chart_reading.points(ax)} >= {"up", "right"}


# --- 2.7 claim types by paragraph ----------------------------------------------------------------

def claim_counts():
    return ct.claim_type_counts()


def stacked_claims(counts=None, **labels):
    counts = claim_counts() if counts is None else counts
    ax = counts.plot.bar(stacked=True, rot=0)
    words = {"title": "Claims in each paragraph, by type", "xlabel": "Paragraph",
             "ylabel": "Number of claims"}
    return labelled(ax, **{**words, **labels})


def test_2_7_expected_counts_come_from_the_ledger(ledger):
    counts = claim_counts()
    assert counts.to_numpy().sum() == len(ledger.claims)
    assert counts.loc[12].sum() == (ledger.claims["paragraph"] == 12).sum()


def test_2_7_stacked_vertical_bars_pass():
    feedback = run("2.7", stacked_claims().figure)
    assert feedback.status == CORRECT and "Your bars match the ledger" in feedback.message


def test_2_7_grouped_horizontal_bars_with_labels_pass():
    counts = claim_counts()
    _fig, ax = plt.subplots()
    width = 0.8 / len(counts.columns)
    for n, claim_type in enumerate(counts.columns):
        ax.barh(counts.index - 0.4 + width * (n + 0.5), counts[claim_type], height=width,
                label=type_label(claim_type))
    labelled(ax, "Claims by paragraph and type", "claims", "paragraph")
    assert run("2.7", ax).status == CORRECT


def test_2_7_types_on_the_axis_and_paragraphs_as_series_pass():
    ax = claim_counts().T.plot.bar(stacked=True, legend=False)
    labelled(ax, "Claim types, by paragraph", "claim type", "claims")
    assert run("2.7", ax).status == CORRECT


def test_2_7_wrong_data_names_the_bar_and_never_the_number():
    counts = claim_counts().copy()
    counts.loc[12, "checkable_fact"] += 1
    counts.loc[8, "evaluation"] -= 1
    feedback = run("2.7", stacked_claims(counts))
    assert (feedback.status, feedback.reason) == (INCORRECT, "bars_differ")
    assert "2 bars differ from the ledger" in feedback.message
    assert "paragraph 8, evaluation (opinion): too low" in feedback.message
    assert "paragraph 12, checkable fact: too high" in feedback.message
    true = claim_counts()
    for number in (true.loc[12, "checkable_fact"], true.loc[8, "evaluation"]):
        assert f" {number} " not in feedback.message and f"{number}." not in feedback.message


def test_2_7_missing_and_unlabelled_bars():
    counts = claim_counts().drop(columns="prediction")
    assert "prediction: no bar" in run("2.7", stacked_claims(counts)).message
    fig, ax = plt.subplots()
    ax.bar(claim_counts().index, claim_counts().sum(axis=1))
    labelled(ax, legend=False)
    assert "Some bars have no label" in run("2.7", fig).message


def test_2_7_missing_title_labels_legend_and_a_cut_axis_fail():
    no_title = run("2.7", stacked_claims(title=""))
    assert (no_title.status, no_title.reason) == (INCORRECT, "labelling")
    assert "Give the chart a title" in no_title.message
    ax = claim_counts().plot.bar(stacked=True)
    ax.set(title="Claims", xlabel="")  # pandas names the x axis after the index: remove it
    feedback = run("2.7", ax)
    assert "Label the value axis (the y axis)" in feedback.message
    assert "Label the x axis: what are the paragraph numbers?" in feedback.message
    assert "Add a legend" in run("2.7", stacked_claims(legend=False)).message
    ax = stacked_claims()
    ax.set_ylim(1, 20)
    cut = run("2.7", ax)
    assert (cut.status, cut.reason) == (INCORRECT, "labelling")
    assert "The value axis starts at 1, not at zero" in cut.message


# --- 3.8 a lower bound drawn as a bound ----------------------------------------------------------

def bounds():
    return ct.bound_chart_reading().set_index("figure_id")


def bound_bar(value, **marks):
    fig, ax = plt.subplots()
    bars = ax.bar(["the article's area figure"], [value])
    if marks.get("arrow"):
        ax.annotate("", xy=(0, value * 1.3), xytext=(0, value), arrowprops={"arrowstyle": "->"})
    if marks.get("bar_label"):
        ax.bar_label(bars, labels=[f"≥ {value:g} km²"])
    ax.set_title(marks.get("title", "A lower bound"))
    ax.set_ylabel("area (km²)")
    return fig, ax


def test_3_8_the_at_least_figures_come_from_the_ledger():
    assert bounds()["value_low"].to_dict() == {"F015": 215.0, "F033": 220.0}


def test_3_8_a_bar_with_an_arrow_or_a_bar_label_passes():
    fig, _ = bound_bar(bounds().loc["F015", "value_low"], arrow=True)
    feedback = run("3.8", fig)
    assert feedback.status == CORRECT and "an arrow from the value towards larger numbers" in feedback.message
    fig, _ = bound_bar(bounds().loc["F015", "value_low"], bar_label=True)
    assert "the words “≥” on the chart" in run("3.8", fig).message


def test_3_8_a_horizontal_marker_and_an_errorbar_pass():
    value = bounds().loc["F033", "value_low"]
    fig, ax = plt.subplots()
    ax.plot(value, 0, ">", markersize=10)
    ax.set_yticks([0], ["F033"])
    ax.set(title="A lower bound on a number line", xlabel="people", xlim=(0, 400))
    feedback = run("3.8", ax)
    assert feedback.status == CORRECT and "a marker pointing right" in feedback.message
    fig, ax = plt.subplots()
    ax.errorbar([0], [value], yerr=[[0], [60]], lolims=True, fmt="o")
    ax.set_xticks([])
    ax.set(title="A lower bound", ylabel="people")
    assert run("3.8", fig).status == CORRECT


def test_3_8_a_plain_bar_fails_with_a_specific_message():
    value = bounds().loc["F015", "value_low"]
    fig, _ = bound_bar(value)
    feedback = run("3.8", fig)
    assert (feedback.status, feedback.reason) == (INCORRECT, "bound_not_marked")
    assert "as a plain bar: a reader sees exactly 215" in feedback.message
    assert "lolims=True" in feedback.message
    fig, _ = bound_bar(value, title="At least 215 km²")
    assert "Your title or axis label says it" in run("3.8", fig).message


def test_3_8_wrong_value_missing_labels_and_a_cut_axis_fail():
    fig, _ = bound_bar(210, arrow=True)
    wrong = run("3.8", fig)
    assert (wrong.status, wrong.reason) == (INCORRECT, "too_low") and "215" not in wrong.message
    fig, ax = plt.subplots()
    ax.bar(["x"], [3])
    assert run("3.8", fig).reason == "no_bound_figure"
    fig, ax = bound_bar(215, arrow=True, title="")
    ax.set_ylabel("")
    unlabelled = run("3.8", fig)
    assert unlabelled.reason == "labelling"
    assert "Give the chart a title" in unlabelled.message and "Label the value axis" in unlabelled.message
    fig, ax = bound_bar(215, arrow=True)
    ax.set_ylim(100, 300)
    cut = run("3.8", fig)
    assert (cut.status, cut.reason) == (INCORRECT, "labelling")
    assert "starts at 100, not at zero" in cut.message


# --- 3.9 the cut-axis chart redrawn from zero ------------------------------------------------------

def audit():
    return ct.audit_areas()


def honest_bars(values=None, horizontal=False, names=None, mark=True):
    table = audit()
    names = names or ["Liechtenstein", "Washington,\nD.C.", "article:\nat least 215", "Malta"]
    values = values or [table.loc[i, "km2"] for i in ["A8", "A6", "F015", "A7"]]
    fig, ax = plt.subplots()
    (ax.barh if horizontal else ax.bar)(names, values)
    if mark:
        ax.annotate("at least", xy=(2, values[2]), xytext=(0.5, 300), arrowprops={"arrowstyle": "->"})
    ax.set_title("The same four areas, from zero")
    (ax.set_xlabel if horizontal else ax.set_ylabel)("area (km²)")
    return fig, ax


def test_3_9_the_audit_areas_come_from_the_ledger():
    table = audit()
    assert set(table.index) == {"F015", "A6", "A7", "A8"}
    assert table.loc["F015", "km2"] == article_area()["low"]
    places = reference_areas().set_index("id")
    assert table.loc["A7", "km2"] == places.loc["A7", "area_km2"]


def test_3_9_vertical_and_horizontal_bars_from_zero_pass():
    fig, _ = honest_bars()
    feedback = run("3.9", fig)
    assert feedback.status == CORRECT and "starts at zero" in feedback.message
    assert "Tip" not in feedback.message
    names = ["Liechtenstein", "Washington, D.C.", "the article's figure", "Malta"]
    fig, _ = honest_bars(horizontal=True, names=names, mark=False)
    plain = run("3.9", fig)
    assert plain.status == CORRECT and "Tip: the article's bar is a lower bound" in plain.message


def test_3_9_the_cut_axis_fails():
    fig, ax = honest_bars()
    ax.set_ylim(150, 330)
    feedback = run("3.9", fig)
    assert (feedback.status, feedback.reason) == (INCORRECT, "labelling")
    assert "The value axis starts at 150, not at zero" in feedback.message


def test_3_9_wrong_missing_and_extra_bars_fail_without_the_numbers():
    table = audit()
    square_miles = table.loc["A6", "km2"] / ct.SQUARE_MILE_KM2
    fig, _ = honest_bars([table.loc["A8", "km2"], square_miles, 215, table.loc["A7", "km2"]])
    feedback = run("3.9", fig)
    assert "Washington, D.C. (total), 2000 gazetteer: too low (in square miles?" in feedback.message
    assert f"{table.loc['A6', 'km2']:g}" not in feedback.message
    fig, _ = honest_bars([160, 177, 215], names=["Liechtenstein", "Washington, D.C.", "article"])
    assert "Malta: no bar" in run("3.9", fig).message
    fig, _ = honest_bars([160, 177, 215, 316, 468],
                         names=["Liechtenstein", "Washington, D.C.", "article", "Malta", "Andorra"])
    assert "Andorra: outside what this chart counts" in run("3.9", fig).message
    fig, _ = honest_bars(names=["Liechtenstein", "Washington, D.C.", "the 215", "Atlantis"])
    assert "I can't tell which place the bars labelled “Atlantis” show" in run("3.9", fig).message


def test_3_9_missing_title_and_value_label_fail():
    fig, ax = honest_bars()
    ax.set_title("")
    ax.set_ylabel("")
    feedback = run("3.9", fig)
    assert "Give the chart a title" in feedback.message and "Label the value axis" in feedback.message
    assert "Label the x axis" not in feedback.message  # place names name the bars


# --- 5.8 events per year on each track -------------------------------------------------------------

def track_counts():
    return ct.track_year_counts()


def grouped_tracks(counts=None, **labels):
    counts = track_counts() if counts is None else counts
    ax = counts.plot.bar(rot=0)
    words = {"title": "Events per year and track", "xlabel": "year the event starts", "ylabel": "events"}
    return labelled(ax, **{**words, **labels})


def test_5_8_expected_counts_come_from_the_event_table(ledger):
    counts = track_counts()
    first, last = zoom_years()
    assert list(counts.index) == list(range(first, last + 1))
    table = event_table(ledger["events"])
    assert counts.to_numpy().sum() == table["start"].dt.year.between(first, last).sum()


def test_5_8_grouped_vertical_and_stacked_horizontal_bars_pass():
    feedback = run("5.8", grouped_tracks().figure)
    assert feedback.status == CORRECT and "cannot show that one caused another" in feedback.message
    counts = track_counts()
    fig, ax = plt.subplots()
    left = pd.Series(0, index=counts.index)
    for track in counts.columns:
        ax.barh([str(year) for year in counts.index], counts[track], left=left, label=track)
        left = left + counts[track]
    labelled(ax, "Events per year", "events", "year")
    assert run("5.8", fig).status == CORRECT


def test_5_8_counting_repeats_or_other_years_fails_with_a_hint(ledger):
    first, last = zoom_years()
    events = ledger["events"].copy()
    events["track"] = event_table(events, repeats=True)["track"].to_numpy()
    with_repeats = event_table(events, repeats=True)
    recent = with_repeats[with_repeats["start"].dt.year.between(first, last)]
    counts = pd.crosstab(recent["start"].dt.year, recent["track"])
    feedback = run("5.8", grouped_tracks(counts))
    assert (feedback.status, feedback.reason) == (INCORRECT, "bars_differ") and "too high" in feedback.message
    assert "each event once" in feedback.message
    every_year = pd.crosstab(with_repeats["start"].dt.year, with_repeats["track"])
    assert "outside what this chart counts" in run("5.8", grouped_tracks(every_year)).message


def test_5_8_missing_labels_and_legend_fail():
    feedback = run("5.8", grouped_tracks(legend=False))
    assert (feedback.status, feedback.reason) == (INCORRECT, "labelling")
    assert "Add a legend" in feedback.message
    ax = track_counts().plot.bar()
    ax.set_xlabel("")
    feedback = run("5.8", ax)
    assert "Give the chart a title" in feedback.message
    assert "Label the x axis: what are the years?" in feedback.message
