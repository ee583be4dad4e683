"""Lesson 5 (Timeline): the exercise tasks and their checks.

Every expected value is computed from the ledger (data/events.csv) and from the selection rule
the timeline widget renders (readingpack.evidence.events.select_events). The task parameters
(which date, which year and category, which events) are settings (data/settings.csv, keys
lesson05.*); only the key of the classification task's label set is typed here.
"""

import re

import pandas as pd

from ..evidence.events import PRECISIONS, TRACKS, event_table, select_events
from ..evidence.settings import setting, setting_ids, setting_int
from ..ledger import load_ledger
from .feedback import (
    CANNOT_CHECK,
    CORRECT,
    INCORRECT,
    NOT_ANSWERED,
    Feedback,
    check_collection,
    check_label,
    check_number,
    check_written,
    normal_label,
    task,
    type_problem,
)


def _printed_date() -> str:
    """Task 5.3: the date as printed whose precision the student names."""
    return setting("lesson05.printed_date")


def _widget_year() -> int:
    """Task 5.5: the year set in the timeline widget."""
    return setting_int("lesson05.widget_year")


def _widget_category() -> str:
    """Task 5.5: the category kept ticked in the timeline widget."""
    return setting("lesson05.widget_category")


def _span() -> list[str]:
    """Task 5.6: the earlier and the later event."""
    return setting_ids("lesson05.span_events")


def _events() -> pd.DataFrame:
    return load_ledger().events


def _table() -> pd.DataFrame:
    return event_table(_events())


def _quoted(values) -> str:
    return ", ".join(f"“{v}”" for v in values)


def _printed_ranges() -> list[str]:
    """Ranges the article prints as two years, such as “1918-1920” or “2016–2019” (en dash)."""
    printed = _events()["date_as_printed"].dropna()
    return [p for p in printed if re.fullmatch(r"\d{4}[-–]\d{4}", p)]


def _ids(frame: pd.DataFrame) -> set[str]:
    return set(frame["event_id"])


# 5.1 is retired: a count of pre-coded date precisions (data/tasks.csv).

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


@task("5.2")
def check_by_reference(answer):
    expected = expected_by_reference()
    sourced = _with_source()
    if isinstance(answer, pd.Series | pd.Index):
        answer = list(answer)
    if isinstance(answer, pd.DataFrame):
        example = list(_events()["event_id"].head(2))
        return Feedback(INCORRECT, "This is a whole table (a DataFrame). The answer should be a "
                        f"list of event ids such as {example}: take the event_id column "
                        "of your selection, for example list(selection[\"event_id\"]).", reason="table_given")
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return check_collection(answer, expected, "event ids")
    given = {str(a).strip() for a in answer}
    printed_year = _ids(sourced[_printed_number(sourced)])
    relative = _ids(sourced[~_printed_number(sourced) & sourced["date_as_printed"].notna()])
    if given == expected | printed_year:
        shown = ", ".join(sorted(printed_year))
        years = ", ".join(dict.fromkeys(sourced.loc[_printed_number(sourced), "date_as_printed"]))
        return Feedback(INCORRECT, f"You listed every event with a date_source. In {shown} the "
                        f"article prints a year ({years}), so the event has a date without the "
                        "reference row; the row only narrows it to days. Keep the events whose "
                        "printed date holds no number.", reason="printed_year_included")
    if given == expected - relative:
        words = _quoted(sourced.loc[sourced["event_id"].isin(relative), "date_as_printed"])
        return Feedback(INCORRECT, f"You kept only the events with no printed date: {len(relative)} "
                        f"are missing. There the article prints words but no date ({words}), "
                        "and the dates come from the reference rows.", reason="relative_dates_left_out")
    feedback = check_collection(given, expected, "event ids dated only by a reference row")
    if feedback.status == CORRECT:
        return Feedback(CORRECT, feedback.message + " Each of these dates comes from the source "
                        "named in date_source, not from the article, and the date_note states the "
                        "assumption.")
    return feedback


# 5.3 ------------------------------------------------------------------------------------

def november_12_row() -> pd.Series | None:
    """The events row whose date_as_printed is the setting lesson05.printed_date; None if none is."""
    events = _events()
    rows = events[events["date_as_printed"] == _printed_date()]
    return rows.iloc[0] if len(rows) else None


def missing_printed_date() -> Feedback:
    """What task 5.3 needs and this article's data does not give."""
    return Feedback(CANNOT_CHECK, (
        f"Task 5.3 cannot be checked on this article: no row of events.csv has a date_as_printed "
        f"equal to “{_printed_date()}”, the value of lesson05.printed_date in settings.csv. The "
        "setting must be a date the article prints without a year (a month and a day), copied "
        "exactly as the date_as_printed cell of its event gives it."), reason="no_printed_date")


def _publication_date(note: str) -> str:
    """The publication date a date_note names ("the publication date 2024-11-22"), in words."""
    found = re.search(r"publication date (\d{4}-\d{2}-\d{2})", note)
    return f"{pd.Timestamp(found.group(1)):%-d %B %Y}" if found else "given in the date_note"


@task("5.3")
def check_november_12(answer):
    printed = _printed_date()
    row = november_12_row()
    if row is None:
        return missing_printed_date()
    ranges = _printed_ranges()
    a_range = f"A range is a span of dates (“{ranges[-1]}”)" if ranges else "A range is a span of dates"
    published = _publication_date(row["date_note"])
    reference = next((s for s in row["date_note"].split(". ") if s.startswith("Reference row")), "")
    why = {
        "day": (
            f"Yes: “{printed}” names one day ({row['start']:%Y-%m-%d}). The article prints it "
            f"without a year; the article's publication date ({published}) fixes the year, "
            f"as date_note says: “{row['date_note']}”"
        ),
        "unknown": (
            "Not unknown: the article prints a month and a date within it. Only the year is missing, and the "
            f"ledger takes it from the publication date ({published}), as date_note says. "
            "'unknown' is for events with no date at all."
        ),
        "month": (
            f"“{printed}” names one date within {row['start']:%B}, not the whole month: the precision "
            "is finer than a month."
        ),
        "year": (
            "The article does not print the year at all; it prints a month and a date within it. The year "
            "comes from the publication date, and the precision is that of the printed words."
        ),
        "range": (
            a_range + (f". {reference.rstrip('.')}, but the" if reference else ". The")
            + " article's words name a single date."
        ),
    }
    return check_label(answer, PRECISIONS, row["precision"], why)


# 5.4 is retired: a count of pre-coded event categories (data/tasks.csv).

# 5.5 ------------------------------------------------------------------------------------

def widget_count(categories, include_undated: bool) -> int:
    year = _widget_year()
    return len(select_events(_table(), year, year, categories, include_undated))


def expected_widget() -> int:
    return widget_count([_widget_category()], include_undated=False)


@task("5.5")
def check_widget(answer):
    year, category = _widget_year(), _widget_category()
    track = next(c for _label, c in TRACKS.values() if category in c)
    other_categories = [c for c in track if c != category]
    others = " and ".join(f"“{c.capitalize()}”" for c in other_categories)
    shown = select_events(_table(), year, year, [category], False)
    inside = shown[(shown["start"].dt.year == year)
                   & (shown["end"].fillna(shown["start"]).dt.year == year)]
    printed = shown.drop(inside.index)["date_as_printed"].dropna()
    two_years = [p for p in printed if re.fullmatch(r"\d{4}[-–]\d{4}", p)]
    in_words = [p for p in printed if not re.search(r"\d", p)]
    near = [
        (widget_count([category], include_undated=True),
         f"That includes the {category} events with no date, which the widget lists below the "
         "strip. Untick “Include events with no date”: an undated event cannot be placed in "
         f"{year}."),
        (widget_count(list(track), include_undated=False),
         f"That counts the whole middle track, with the {' and '.join(other_categories)} "
         f"events. Untick {others} and keep only “{category.capitalize()}”."),
        (widget_count(list(track), include_undated=True),
         f"That counts the whole middle track and the undated events. Keep only "
         f"“{category.capitalize()}” and "
         "untick “Include events with no date”."),
        (len(inside),
         f"That counts only the events that lie wholly inside {year}. The widget also shows "
         f"events whose dates overlap {year}, such as the range {_quoted(two_years[:1])}: read the "
         "number in its summary line."),
    ]
    feedback = check_number(answer, expected_widget(), 0,
                            f"the number of {category} events the widget shows for {year}",
                            near)
    if feedback.status == CORRECT:
        longer = len(shown) - len(inside)
        return Feedback(CORRECT, f"Yes: the widget shows {expected_widget()} {category} events for "
                        f"{year}. Only {len(inside)} of them lies wholly "
                        f"inside {year}; {longer} are ranges that overlap it (one is "
                        f"{_quoted(in_words[:1])}, dated by an assumption). The widget shows every "
                        "event whose dates touch the years you choose.")
    return feedback


# 5.6 ------------------------------------------------------------------------------------

def span_days() -> int:
    earlier, later = _span()
    start = _events().set_index("event_id")["start"]
    return int((start[later] - start[earlier]).days)


@task("5.6")
def check_days(answer):
    earlier, later = _span()
    if isinstance(answer, pd.Timedelta):
        return Feedback(INCORRECT, f"This is a Timedelta ({answer}); the answer should be a number "
                        "of days. Take its .days.", reason="timedelta_not_days")
    if isinstance(answer, pd.Series):
        return type_problem(answer, "one number of days (select the two rows, then subtract)")
    expected = span_days()
    end = _events().set_index("event_id")["end"][later]
    to_end = int((end - _events().set_index("event_id")["start"][earlier]).days)
    near = [
        (-expected,
         "Counted the wrong way: you subtracted the later date from the earlier one. Subtract "
         f"the start of {earlier} from the start of {later}."),
        (expected + 1,
         "One day too many: that counts both the first and the last day"
         + (f", or uses the operation's end ({end:%-d %B %Y}) instead of its start"
            if to_end == expected + 1 else "")
         + ". The difference of the two start dates is the number of days between them."),
        (expected - 1,
         "One day too few: subtract the two start dates directly; do not leave out a day."),
    ]
    feedback = check_number(answer, expected, 0,
                            f"the number of days from {earlier} to the start of {later}", near)
    if feedback.status == CORRECT:
        return Feedback(CORRECT, f"Yes: {expected} days from {earlier} to the start of {later}. "
                        + _where_dates_come_from(earlier, later))
    return feedback


def _where_dates_come_from(earlier: str, later: str) -> str:
    """Where the ledger takes the two events' dates from: reference rows (date_source) or the
    article's printed date."""
    events = _events().set_index("event_id")
    sources = [events.loc[e, "date_source"] for e in (earlier, later)]
    if all(pd.notna(s) for s in sources):
        return (f"Both dates come from reference rows ({sources[0]} and {sources[1]}), not from the "
                "article, which prints neither.")
    parts = [f"{event} from reference row {source}" if pd.notna(source)
             else f"{event} from the date the article prints (“{events.loc[event, 'date_as_printed']}”)"
             for event, source in zip((earlier, later), sources, strict=True)]
    return f"The ledger dates {parts[0]} and {parts[1]}."


# 5.7 ------------------------------------------------------------------------------------

@task("5.7")
def check_parallel(answer):
    return check_written(answer, load_ledger().article.text, "5.7")


# 5.9 ----------------------------------------------------------------------------------------

DATE_KEYS = ("precision", "start", "end", "assumption")


def _relative_event() -> str:
    """Task 5.9: the event the article dates only relatively, dated from a reference row."""
    return setting("lesson05.relative_event", table="events")


def relative_event_row() -> pd.Series:
    return _events().set_index("event_id").loc[_relative_event()]


def _earlier_same_paragraph(row: pd.Series) -> list[pd.Timestamp]:
    """Start days of the events of the same paragraph dated to a day before the event's start."""
    events = _events()
    same = events[(events["paragraph"] == row["paragraph"]) & (events["precision"] == "day")
                  & (events["start"] < row["start"])]
    return list(same["start"])


def _day(value) -> pd.Timestamp | None:
    try:
        day = pd.Timestamp(str(value).strip())
    except (ValueError, TypeError):
        return None
    return None if pd.isna(day) else day.normalize()


@task("5.9")
def check_relative_date(answer) -> Feedback:
    if not isinstance(answer, dict):
        return type_problem(answer, "a dict with the keys " + ", ".join(map(repr, DATE_KEYS)))
    given = {str(k).strip().lower(): v for k, v in answer.items()}
    left = [k for k, v in given.items() if v is ... or str(v).strip() in ("", "...")]
    if left:
        return Feedback(NOT_ANSWERED, "Replace each ... with your decision (the precision, the first "
                                      "and last day, and your assumption in one sentence); still to "
                                      "decide: " + ", ".join(left) + ".", reason="blank")
    missing = [key for key in DATE_KEYS if key not in given]
    if missing:
        return Feedback(INCORRECT, "Your dict needs the keys " + ", ".join(map(repr, missing)) + ".",
                        reason="missing_keys")
    row = relative_event_row()
    start = row["start"].normalize()
    end = start if pd.isna(row["end"]) else row["end"].normalize()  # an open end: the start day
    source = str(row["date_source"])
    problems = []
    precision = normal_label(str(given["precision"]))
    if precision not in PRECISIONS:
        problems.append(f"precision: {given['precision']!r} is not one of the five precisions of "
                        "the precision column of events (lesson 5 lists them).")
    elif precision != row["precision"]:
        problems.append(f"precision: you chose {precision!r}. Look at the two ends you found: do they "
                        "name one day, one month, one year, or a stretch between two days?")
    first, last = _day(given["start"]), _day(given["end"])
    # Each end allows the day itself or the next (before) one: "followed by" read strictly, and
    # the day of publication or the day before. An earlier dated event of the same paragraph is
    # the other reading of what the sentence follows: not the ledger's, but not ruled out.
    day = pd.Timedelta(days=1)
    other = [s.normalize() for s in _earlier_same_paragraph(row)]
    note = ""
    if first is None or last is None:
        problems.append("start and end: write each as a date in quotes, such as \"2020-01-31\".")
    else:
        if first in [d + k * day for d in other for k in (0, 1)]:
            note = (f" You date the start from an earlier event of paragraph {row['paragraph']} "
                    f"({first:%d %b %Y}); the ledger reads the sentence as following the later one, "
                    f"dated by reference row {source}. Both readings are open: say which you take.")
        elif first not in (start, start + day):
            problems.append(f"start: {first:%d %b %Y} does not follow from reference row {source}. "
                            f"Which of its dates is the one the article's words come after?")
        if last not in (end, end - day):
            problems.append(f"end: {last:%d %b %Y}. The article can only report what happened before "
                            "the day it was published: which day is that?")
    assumption = str(given["assumption"]).strip()
    if len(assumption.split()) < 8:
        problems.append("assumption: write one sentence of at least eight words that says what each "
                        "end rests on.")
    elif source.lower() not in assumption.lower():
        problems.append(f"assumption: name the reference row your start rests on ({source}), so a "
                        "reader can check it.")
    if problems:
        return Feedback(INCORRECT, "\n".join(problems), reason="date_decisions_differ")
    lead = ("Your dating is one the words allow; the ledger's is" if note else
            "Your dating agrees with the ledger's, within the one reading each end allows:")
    return Feedback(CORRECT, f"{lead} {start:%d %b %Y} to {end:%d %b %Y}, a {row['precision']}. "
                             f"The ledger's note: {row['date_note']} A date built on an assumption "
                             "stays one: say so wherever you use it." + note)
