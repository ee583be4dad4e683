"""Lesson 5 (Timeline): the exercise tasks and their checks.

Every expected value is computed from the ledger (data/events.csv) and from the timeline
widget's own selection rule (readingpack.widgets.timeline.select_events); only the key of the
classification task's label set and the task parameters (which events, which years) are typed
here.
"""


import pandas as pd

from ..checks import (
    CORRECT,
    INCORRECT,
    Feedback,
    check_collection,
    check_label,
    check_number,
    check_written,
    register,
    type_problem,
)
from ..ledger import load_ledger

RUBRIC = "solutions/05_timeline.ipynb, task {}"

# Task 5.3: the date as printed whose precision the student names.
NOVEMBER_12 = "November 12"
# Task 5.5: the year and the category set in the timeline widget.
WIDGET_YEAR = 2023
WIDGET_CATEGORY = "military"
# Task 5.6: from the ICJ's provisional measure to the start of the September 2023 operation.
SPAN_FROM, SPAN_TO = "EV022", "EV026"


def _events() -> pd.DataFrame:
    return load_ledger()["events"]


def _table() -> pd.DataFrame:
    from ..widgets.timeline import event_table

    return event_table(_events())


def _ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["event_id"])


# 5.1 ------------------------------------------------------------------------------------

def expected_unknown() -> int:
    return int((_events()["precision"] == "unknown").sum())


@register("5.1", "unknown_count", "code",
          "Count the events whose precision is 'unknown' (pandas).")
def check_unknown(answer):
    events = _events()
    near = [
        (int(events["end"].isna().sum()),
         "That counts the rows with an empty end. One of them, EV023 (the article's "
         "“nine-month”), has a start from reference row D1 but no end: its precision is "
         "'range', not 'unknown'. Count the precision column itself."),
        (int(events["date_as_printed"].isna().sum()),
         "That counts the rows where the article prints no date (date_as_printed is empty). "
         "Several of them are dated from a reference row (date_source), so their precision is "
         "not 'unknown'. Count the precision column itself."),
        (len(events),
         "That is the number of all rows in events. Keep only the rows whose precision is "
         "'unknown', for example with events[\"precision\"] == \"unknown\"."),
    ]
    feedback = check_number(answer, expected_unknown(), 0,
                            "the number of events with precision 'unknown'", near)
    if feedback.status == CORRECT:
        return Feedback(CORRECT, f"Yes: {expected_unknown()} events have the precision 'unknown'. "
                        "Neither the article nor a cited reference row dates them, so they are "
                        "listed but never drawn on the axis.")
    return feedback


# 5.2 ------------------------------------------------------------------------------------

def _with_source() -> pd.DataFrame:
    events = _events()
    return events[events["date_source"].notna()]


def _printed_number(frame: pd.DataFrame) -> pd.Series:
    return frame["date_as_printed"].fillna("").str.contains(r"\d", regex=True)


def expected_by_reference() -> set[str]:
    """Events with a date_source whose printed date holds no number: empty, or words only."""
    sourced = _with_source()
    return _ids(sourced[~_printed_number(sourced)])


@register("5.2", "dated_by_reference", "code",
          "Which events are dated only thanks to a reference row (date_source)? List their ids.")
def check_by_reference(answer):
    expected = expected_by_reference()
    sourced = _with_source()
    if isinstance(answer, pd.Series | pd.Index):
        answer = list(answer)
    if isinstance(answer, pd.DataFrame):
        return Feedback(INCORRECT, "This is a whole table (a DataFrame). The answer should be a "
                        "list of event ids such as ['EV010', 'EV018']: take the event_id column "
                        "of your selection, for example list(selection[\"event_id\"]).")
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return check_collection(answer, expected, "event ids")
    given = {str(a).strip() for a in answer}
    printed_year = _ids(sourced[_printed_number(sourced)])
    relative = _ids(sourced[~_printed_number(sourced) & sourced["date_as_printed"].notna()])
    if given == expected | printed_year:
        shown = ", ".join(sorted(printed_year))
        return Feedback(INCORRECT, f"You listed every event with a date_source. In {shown} the "
                        "article prints a year (2020, 1989), so the event has a date without the "
                        "reference row; the row only narrows it to days. Keep the events whose "
                        "printed date holds no number.")
    if given == expected - relative:
        shown = ", ".join(sorted(relative))
        return Feedback(INCORRECT, f"You kept only the events with no printed date. Missing: "
                        f"{shown}. There the article prints words but no date (“nine-month”, "
                        "“during the following week”, “in one day”, “In the last four years”), "
                        "and the dates come from the reference rows.")
    feedback = check_collection(given, expected, "event ids dated only by a reference row")
    if feedback.status == CORRECT:
        return Feedback(CORRECT, feedback.message + " Each of these dates comes from the source "
                        "named in date_source, not from the article, and the date_note states the "
                        "assumption.")
    return feedback


# 5.3 ------------------------------------------------------------------------------------

def november_12_row() -> pd.Series:
    events = _events()
    return events[events["date_as_printed"] == NOVEMBER_12].iloc[0]


@register("5.3", "november_12_precision", "classification",
          "What is the precision of the date “November 12”, and why is its year known?")
def check_november_12(answer):
    from ..widgets.timeline import PRECISIONS

    row = november_12_row()
    why = {
        "day": (
            f"Yes: “{NOVEMBER_12}” names one day ({row['start']:%Y-%m-%d}). The article prints it "
            "without a year; the article's publication date (22 November 2024) fixes the year, "
            f"as date_note says: “{row['date_note']}”"
        ),
        "unknown": (
            "Not unknown: the article prints a month and a day. Only the year is missing, and the "
            "ledger takes it from the publication date (22 November 2024), as date_note says. "
            "'unknown' is for events with no date at all."
        ),
        "month": (
            f"“{NOVEMBER_12}” names a single day, not the whole month of November: the precision "
            "is finer than a month."
        ),
        "year": (
            "The article does not print the year at all; it prints a month and a day. The year "
            "comes from the publication date, and the precision is that of the printed words."
        ),
        "range": (
            "A range is a span of dates (“2021-2023”). Reference row E2 gives 12-13 Nov 2024 for "
            "the leaders' summit, but the article's words name one day."
        ),
    }
    return check_label(answer, PRECISIONS, row["precision"], why)


# 5.4 ------------------------------------------------------------------------------------

def category_counts() -> pd.Series:
    return _events()["category"].value_counts()


@register("5.4", "top_category", "code",
          "Which category has the most rows in events?")
def check_top_category(answer):
    counts = category_counts()
    expected = str(counts.idxmax())
    if not isinstance(answer, str):
        if isinstance(answer, pd.Series):
            return Feedback(INCORRECT, "This is the whole count (a Series). The answer should be "
                            "one category name in quotes: use .idxmax(), or read the label of "
                            "the first row of value_counts().")
        return type_problem(answer, "one category name in quotes, such as 'legal'")
    label = answer.strip().lower()
    if label not in counts.index:
        return Feedback(INCORRECT, f"{answer!r} is not a category of events. The categories are: "
                        f"{', '.join(sorted(counts.index))}.")
    once = _table()["category"].value_counts()
    tied = sorted(c for c in once.index if once[c] == once.max())
    if label == expected:
        message = f"Yes: '{expected}' has {counts[expected]} rows in events."
        if len(tied) > 1:
            message += (f" Once the rows that mention an event again are left out (same_event_as, "
                        f"as in event_table), {' and '.join(tied)} tie at {once.max()} each: a "
                        "repeated mention can change a ranking.")
        return Feedback(CORRECT, message)
    if label in tied:
        return Feedback(INCORRECT, f"'{label}' has {counts[label]} rows in events, fewer than "
                        f"'{expected}' ({counts[expected]}). In event_table, where repeats are "
                        f"left out, they tie at {once.max()}; the question counts the rows of "
                        "events.")
    return Feedback(INCORRECT, f"'{label}' has {counts[label]} rows in events; one category has "
                    "more. Try events[\"category\"].value_counts().")


# 5.5 ------------------------------------------------------------------------------------

def widget_count(categories, include_undated: bool) -> int:
    from ..widgets.timeline import select_events

    return len(select_events(_table(), WIDGET_YEAR, WIDGET_YEAR, categories, include_undated))


def expected_widget() -> int:
    return widget_count([WIDGET_CATEGORY], include_undated=False)


@register("5.5", "military_2023", "widget",
          "Use the timeline widget: how many military events does it show for 2023?")
def check_widget(answer):
    from ..widgets.timeline import TRACKS

    track = next(c for _label, c in TRACKS.values() if WIDGET_CATEGORY in c)
    from ..widgets.timeline import select_events

    shown = select_events(_table(), WIDGET_YEAR, WIDGET_YEAR, [WIDGET_CATEGORY], False)
    inside = shown[(shown["start"].dt.year == WIDGET_YEAR)
                   & (shown["end"].fillna(shown["start"]).dt.year == WIDGET_YEAR)]
    near = [
        (widget_count([WIDGET_CATEGORY], include_undated=True),
         "That includes the military events with no date, which the widget lists below the "
         "strip. Untick “Include events with no date”: an undated event cannot be placed in "
         f"{WIDGET_YEAR}."),
        (widget_count(list(track), include_undated=False),
         "That counts the whole middle track, with the humanitarian events. Untick "
         "“Humanitarian” and keep only “Military”."),
        (widget_count(list(track), include_undated=True),
         "That counts the whole middle track and the undated events. Keep only “Military” and "
         "untick “Include events with no date”."),
        (len(inside),
         f"That counts only the events that lie wholly inside {WIDGET_YEAR}. The widget also shows "
         f"events whose dates overlap {WIDGET_YEAR}, such as the range “2021-2023”: read the "
         "number in its summary line."),
    ]
    feedback = check_number(answer, expected_widget(), 0,
                            f"the number of military events the widget shows for {WIDGET_YEAR}",
                            near)
    if feedback.status == CORRECT:
        longer = len(shown) - len(inside)
        return Feedback(CORRECT, f"Yes: the widget shows {expected_widget()} military events for "
                        f"{WIDGET_YEAR}. Only {len(inside)} of them lies wholly "
                        f"inside {WIDGET_YEAR}; {longer} are ranges that overlap it (one is "
                        "“In the last four years”, dated by an assumption). The widget shows every "
                        "event whose dates touch the years you choose.")
    return feedback


# 5.6 ------------------------------------------------------------------------------------

def span_days() -> int:
    start = _events().set_index("event_id")["start"]
    return int((start[SPAN_TO] - start[SPAN_FROM]).days)


@register("5.6", "days_between", "number",
          "How many days lie between the ICJ's provisional measure (EV022) and the start of the "
          "September 2023 military operation (EV026)?")
def check_days(answer):
    if isinstance(answer, pd.Timedelta):
        return Feedback(INCORRECT, f"This is a Timedelta ({answer}); the answer should be a number "
                        "of days. Take its .days.")
    if isinstance(answer, pd.Series):
        return type_problem(answer, "one number of days (select the two rows, then subtract)")
    expected = span_days()
    end = _events().set_index("event_id")["end"][SPAN_TO]
    to_end = int((end - _events().set_index("event_id")["start"][SPAN_FROM]).days)
    near = [
        (-expected,
         "Counted the wrong way: you subtracted the later date from the earlier one. Subtract "
         f"the start of {SPAN_FROM} from the start of {SPAN_TO}."),
        (expected + 1,
         "One day too many: that counts both the first and the last day"
         + (f", or uses the operation's end ({end:%-d %B %Y}) instead of its start"
            if to_end == expected + 1 else "")
         + ". The difference of the two start dates is the number of days between them."),
        (expected - 1,
         "One day too few: subtract the two start dates directly; do not leave out a day."),
    ]
    feedback = check_number(answer, expected, 0,
                            f"the number of days from {SPAN_FROM} to the start of {SPAN_TO}", near)
    if feedback.status == CORRECT:
        sources = _events().set_index("event_id")["date_source"]
        return Feedback(CORRECT, f"Yes: {expected} days from {SPAN_FROM} to the start of {SPAN_TO}. "
                        f"Both dates come from reference rows ({sources[SPAN_FROM]} and "
                        f"{sources[SPAN_TO]}), not from the article, which prints neither.")
    return feedback


# 5.7 ------------------------------------------------------------------------------------

@register("5.7", "parallel_tracks_answer", "written",
          "What does the timeline show, and not show, about the author's argument that "
          "diplomatic and military events run in parallel?")
def check_parallel(answer):
    return check_written(answer, load_ledger().article.text, RUBRIC.format("5.7"), min_words=60)
