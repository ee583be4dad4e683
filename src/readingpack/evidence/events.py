"""The article's events on one time axis (lesson 5): the event table and its selections.

Every event comes from data/events.csv. Its date is kept with its precision (day, month,
year, range, or unknown when the article gives no date and no cited reference row allows
one), so nothing is drawn more precisely than the article (or a cited reference fact) allows.

The events are grouped in tracks. The author argues that diplomatic steps run in parallel
with what she calls "military coercion"; the tracks put diplomatic and legal steps beside
military and humanitarian events so that students can look for themselves. Which category
goes on which track is the pack's choice (TRACKS).
"""

from datetime import date

import pandas as pd

from ..ledger import load_ledger
from .settings import setting_ids

CATEGORY_ORDER = [
    "diplomatic", "legal", "military", "humanitarian",
    "political", "economic", "historical", "rhetorical",
]

# track key -> (label, categories). The grouping is the pack's choice, stated in lesson 5.
TRACKS = {
    "diplomatic_legal": ("Diplomatic and legal steps", ("diplomatic", "legal")),
    "military_humanitarian": ("Military and humanitarian events", ("military", "humanitarian")),
    "other": ("Other events", ("political", "economic", "historical", "rhetorical")),
}

PRECISIONS = ["day", "month", "year", "range", "unknown"]
PRECISION_LABELS = {
    "day": "a day",
    "month": "a month",
    "year": "a year",
    "range": "a range of dates",
    "unknown": "no date (the article gives none)",
}


def track_of(category: str) -> str:
    for key, (_label, categories) in TRACKS.items():
        if category in categories:
            return key
    return "other"


def track_label(category: str) -> str:
    return TRACKS[track_of(category)][0]


def day_of(value) -> date | None:
    """A start or end as a date, None when it is empty."""
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


def normalised_date(precision: str, start, end) -> str:
    """The normalised date as a student reads it: 2022-02-22, 2022-11, 2020, 2021 to 2023."""
    first, last = day_of(start), day_of(end)
    if precision == "unknown" or first is None:
        return "no date"
    if precision == "day":
        return first.isoformat()
    if precision == "month":
        return f"{first:%Y-%m}"
    if precision == "year":
        return f"{first:%Y}"
    if last is None:
        return f"from {first.isoformat()} (end not given)"
    if first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31:
        return f"{first:%Y} to {last:%Y}" if first.year != last.year else f"{first:%Y}"
    return f"{first.isoformat()} to {last.isoformat()}"


def event_table(events: pd.DataFrame | None = None, repeats: bool = False) -> pd.DataFrame:
    """Every event, in date order (undated ones last), numbered, with its track, a readable
    normalised date, and flags for undated events and ranges whose end is not given.

    `events` needs the columns of events.csv; by default it is read from the ledger. Rows that
    only mention an event again (same_event_as) are left out unless `repeats` is true.
    """
    if events is None:
        events = load_ledger().events
    table = events.copy()
    if not repeats and "same_event_as" in table.columns:
        table = table[table["same_event_as"].isna()]
    table["normalised"] = [
        normalised_date(p, s, e)
        for p, s, e in zip(table["precision"], table["start"], table["end"], strict=True)
    ]
    table["track"] = [track_label(c) for c in table["category"]]
    table["undated"] = table["precision"].eq("unknown") | table["start"].isna()
    table["open_end"] = ~table["undated"] & table["end"].isna()
    table = table.sort_values(["undated", "start", "end", "paragraph", "event_id"], kind="stable")
    table = table.reset_index(drop=True)
    table.insert(0, "number", range(1, len(table) + 1))
    return table


def stack_levels(rows: pd.DataFrame, min_gap_days: int) -> pd.Series:
    """A level (0, 1, 2, ...) per dated event so that events of the same track that lie closer
    than `min_gap_days` are drawn one above the other instead of on top of each other."""
    levels = {}
    for _track, group in rows.groupby("track", sort=False):
        free_from: list[pd.Timestamp] = []  # per level: the first day it is free again
        for index, event in group.iterrows():
            end = event["end"] if pd.notna(event["end"]) else event["start"]
            level = next((i for i, day in enumerate(free_from) if day <= event["start"]), None)
            if level is None:
                free_from.append(pd.Timestamp(0))
                level = len(free_from) - 1
            free_from[level] = end + pd.Timedelta(days=min_gap_days)
            levels[index] = level
    return pd.Series(levels, dtype="int64").reindex(rows.index)


def year_bounds(table: pd.DataFrame) -> tuple[int, int]:
    """The first and last year any dated event touches (1918 and 2027 for the article)."""
    dated = table[~table["undated"]]
    ends = dated["end"].fillna(dated["start"])
    return int(dated["start"].min().year), int(ends.max().year)


def select_events(table: pd.DataFrame, first_year: int, last_year: int,
                  categories, include_undated: bool = True) -> pd.DataFrame:
    """Events of `categories` whose dates overlap the years first_year..last_year (inclusive),
    plus the undated events of those categories when include_undated is true."""
    low = pd.Timestamp(first_year, 1, 1)
    high = pd.Timestamp(last_year, 12, 31)
    in_category = table["category"].isin(list(categories))
    ends = table["end"].fillna(table["start"])
    overlaps = ~table["undated"] & (table["start"] <= high) & (ends >= low)
    keep = in_category & (overlaps | (table["undated"] & include_undated))
    return table[keep]


def zoom_years(ledger=None) -> tuple[int, int]:
    """The years where most of the article's events fall, drawn enlarged in lesson 5 (setting
    timeline.zoom_years: first;last)."""
    first, last = setting_ids("timeline.zoom_years", ledger)
    return int(first), int(last)
