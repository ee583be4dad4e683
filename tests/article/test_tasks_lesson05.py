"""Lesson 5's exercise checks: a right answer, blanks, a wrong type and near misses per task."""

import pandas as pd
from task_asserts import wrong

from readingpack.exercises import CORRECT, INCORRECT, NOT_ANSWERED, NOT_MARKED, check, lesson05
from readingpack.exercises import check_value as run
from readingpack.widgets.timeline import TimelineExplorer

BY_REFERENCE = ["EV010", "EV012", "EV018", "EV022", "EV023", "EV026", "EV028", "EV029", "EV035",
                "EV037", "EV044"]



def test_expected_values_come_from_the_ledger():
    assert lesson05.expected_by_reference() == set(BY_REFERENCE)
    assert lesson05.november_12_row()["precision"] == "day"
    assert lesson05.expected_widget() == 3
    assert lesson05.span_days() == 209


def test_lesson_5_has_seven_tasks_from_guided_to_open_and_two_retired_counts():
    tasks = lesson05_tasks()
    assert [t.task_id for t in tasks] == ["5.2", "5.3", "5.5", "5.6", "5.7", "5.8", "5.9"]
    for retired in ("5.1", "5.4"):
        feedback = check(retired, {})
        assert feedback.status == NOT_MARKED and "a count of pre-coded" in feedback.message
    assert {t.kind for t in tasks} == {"code", "classification", "widget", "number", "written", "chart"}


def lesson05_tasks():
    from readingpack.exercises import tasks_for_lesson

    return tasks_for_lesson(5)


def test_5_2_dated_only_by_a_reference_row():
    right = run("5.2", BY_REFERENCE)
    assert right.status == CORRECT and "All 11" in right.message
    assert run("5.2", pd.Series(BY_REFERENCE)).status == CORRECT
    assert run("5.2", tuple(reversed(BY_REFERENCE))).status == CORRECT
    every_source = run("5.2", [*BY_REFERENCE, "EV005", "EV013", "EV016", "EV036"])
    assert (every_source.status, every_source.reason) == (INCORRECT, "printed_year_included")
    assert "EV036" in every_source.message
    printed_empty = run("5.2", [e for e in BY_REFERENCE if e not in {"EV012", "EV023", "EV026", "EV028"}])
    assert (printed_empty.status, printed_empty.reason) == (INCORRECT, "relative_dates_left_out")
    assert "“nine-month”" in printed_empty.message
    other = run("5.2", [*BY_REFERENCE[:-1], "EV001"])
    assert other.status == INCORRECT
    assert other.reason == "extra_and_missing"
    assert "EV044" not in other.message.upper()
    assert run("5.2", [e.lower() for e in BY_REFERENCE]).status == CORRECT
    wrong("5.2", "EV010", reason="wrong_type")
    wrong("5.2", pd.DataFrame({"event_id": BY_REFERENCE}), 'list(selection["event_id"])',
          reason="table_given")


def test_5_2_the_near_miss_does_not_name_the_missing_ids():
    printed_empty = run("5.2", [e for e in BY_REFERENCE if e not in {"EV012", "EV023", "EV026", "EV028"}])
    assert printed_empty.status == INCORRECT
    assert not [e for e in ("EV012", "EV023", "EV026", "EV028") if e in printed_empty.message]


def test_5_3_precision_of_november_12():
    right = run("5.3", "day")
    assert right.status == CORRECT
    assert "publication date (22 November 2024) fixes the year" in right.message
    assert run("5.3", "Day").status == CORRECT
    unknown = run("5.3", "unknown")
    assert (unknown.status, unknown.reason) == (INCORRECT, "wrong_label")
    assert "Only the year is missing" in unknown.message
    assert "finer than a month" in run("5.3", "month").message
    ranged = run("5.3", "range")
    assert "12-13 Nov 2024" in ranged.message and "single date" in ranged.message
    for other in ("unknown", "month", "range"):
        assert "'day'" not in run("5.3", other).message
    wrong("5.3", "dya", "Did you mean 'day'?", reason="unknown_label")
    wrong("5.3", 1, reason="wrong_type")


def test_5_5_the_widget_shows_what_the_check_expects():
    widget = TimelineExplorer()
    widget.years.value = (2023, 2023)
    for category, box in widget.category_boxes.items():
        box.value = category == "military"
    widget.undated.value = False
    assert "3 of 48 events shown: 3 dated between 2023 and 2023." in widget.summary.value
    assert lesson05.expected_widget() == 3


def test_5_5_military_events_in_2023():
    right = run("5.5", 3)
    assert right.status == CORRECT and "Only 1 of them lies wholly inside 2023" in right.message
    # Each near miss names the widget control to change.
    wrong("5.5", 7, "Include events with no date", reason="near_miss")
    wrong("5.5", 5, "Untick “Humanitarian”", reason="near_miss")
    wrong("5.5", 11, "whole middle track and the undated", reason="near_miss")
    wrong("5.5", 1, "wholly inside 2023", reason="near_miss")
    wrong("5.5", "3", reason="wrong_type")
    assert run("5.5", 3.0).status == CORRECT


def test_5_6_days_between_two_dated_events():
    right = run("5.6", 209)
    assert right.status == CORRECT and "(D2 and C4)" in right.message
    assert run("5.6", 209.0).status == CORRECT
    wrong_way = wrong("5.6", -209, reason="near_miss")
    assert wrong_way.message.startswith("Counted the wrong way")
    off_by_one = wrong("5.6", 210, reason="near_miss")
    assert "both the first and the last day" in off_by_one.message
    assert "operation's end (20 September 2023)" in off_by_one.message
    wrong("5.6", 208, "One day too few", reason="near_miss")
    wrong("5.6", pd.Timedelta(days=209), "Take its .days", reason="timedelta_not_days")
    assert run("5.6", "209").reason == "wrong_type"
    too_high = run("5.6", 300)
    assert (too_high.status, too_high.reason) == (INCORRECT, "too_high")
    assert "209" not in too_high.message


def test_5_7_written_answers_are_not_machine_marked():
    answer = ("The author argues that Azerbaijan’s “bellicose rhetoric continues in parallel to the "
              "formally stated progress in the peace process between Armenia and Azerbaijan”.")
    feedback = run("5.7", answer)
    assert feedback.status == NOT_MARKED
    assert "Exact: 1 quotation found word for word in the article." in feedback.message
    assert "Length: 23 words: the task asks for 60 to 150." in feedback.message
    assert "never for agreeing or disagreeing with the author" in feedback.message
    misquoted = run("5.7", "The author says the “rhetoric runs in parallel to the peace talks”.")
    assert misquoted.status == NOT_MARKED and "Exact:" not in misquoted.message
    assert "NOT FOUND in the article: “rhetoric runs in parallel to the peace talks”" in misquoted.message
    assert "should be text (write it in the answer cell under the task)" in run("5.7", ["a", "list"]).message


# 5.9: a decision: date an event the article dates only relatively, and state the assumption
ASSUMPTION = "It followed the Kazan meeting of 24 Oct 2024 (E7) and came before publication."


def test_5_9_relative_date():
    row = lesson05.relative_event_row()
    assert (row["date_source"], row["precision"]) == ("E7", "range")
    good = {"precision": "range", "start": "2024-10-24", "end": "2024-11-22", "assumption": ASSUMPTION}
    right = run("5.9", good)
    assert right.status == CORRECT and "24 Oct 2024 to 22 Nov 2024" in right.message
    # One reading each way: the day after the meeting, the day before publication.
    assert run("5.9", {**good, "start": "2024-10-25", "end": "2024-11-21"}).status == CORRECT
    # The sentence follows two meetings: the earlier one is another reading, said so.
    earlier = run("5.9", {**good, "start": "2024-10-18"})
    assert earlier.status == CORRECT and "Both readings are open" in earlier.message
    hidden = ["2024-10-24", "24 Oct", "2024-11-22", "22 Nov", "range"]
    # Each problem names the key it is about; the codes say only that a decision differs.
    differs = "date_decisions_differ"
    wrong("5.9", {**good, "precision": "day"}, "precision: you chose 'day'", reason=differs, hidden=hidden)
    wrong("5.9", {**good, "start": "2024-10-01"}, "start: 01 Oct 2024 does not follow from reference row E7",
          reason=differs, hidden=hidden)
    wrong("5.9", {**good, "end": "2024-12-31"}, "end: 31 Dec 2024", reason=differs, hidden=hidden)
    wrong("5.9", {**good, "start": "late October"}, "write each as a date in quotes", reason=differs)
    wrong("5.9", {**good, "assumption": "It came after a meeting and before the article appeared online."},
          "name the reference row", reason=differs)
    wrong("5.9", {**good, "assumption": "after E7"}, "at least eight words", reason=differs)
    wrong("5.9", {"precision": "range"}, "needs the keys 'start', 'end', 'assumption'", reason="missing_keys")
    wrong("5.9", "range", reason="wrong_type")
    left = run("5.9", dict.fromkeys(good, ...))
    assert (left.status, left.reason) == (NOT_ANSWERED, "blank")
    partly = run("5.9", {**good, "assumption": ...})
    assert partly.status == NOT_ANSWERED and "still to decide: assumption" in partly.message
