"""The chart tasks: 2.7 (claim types by paragraph), 3.8 (a lower bound drawn as a bound), 3.9
(lesson 3's cut-axis chart redrawn from zero) and 5.8 (events per year on each track).

The answer is a matplotlib Figure or Axes. Each check first reads back the plotted data
(chart_reading.py) and compares them with the ledger, then the title, the axis labels, the legend
and the zero baseline of bars; it ends by saying what it did not check. When the data are
wrong it names the bar that is off and says too high or too low, never the expected number.
Every expected value is computed from the ledger; the ids a task is about come from
data/settings.csv.
"""

import re
from collections.abc import Callable

import pandas as pd

from ..evidence.areas import article_area, reference_areas
from ..evidence.claims import TYPE_ORDER, type_label, types_by_paragraph
from ..evidence.events import TRACKS, event_table, zoom_years
from ..evidence.settings import setting_ids
from ..ledger import load_ledger
from .feedback import CORRECT, INCORRECT, Feedback, task
from .lesson03 import area_not_checkable


def _chart_reading():
    """chart_reading.py, imported on first use: it loads matplotlib, which a student who never
    draws should not wait for when the checks are imported."""
    from . import chart_reading

    return chart_reading

NOT_CHECKED_BARS = ("I did not check colours, hatching, readability in grey-scale, the order of the "
                    "bars or whether you stacked or grouped them.")
NOT_CHECKED_SINGLE = ("I did not check colours, hatching, readability in grey-scale or the order of the "
                      "bars.")
NOT_CHECKED_FREE = ("I did not check colours, readability in grey-scale, whether your axis label "
                    "names the unit, or your choice of chart type.")
BOUND_WORDS = ("at least", "≥", ">=", "or more", "lower bound", "minimum")
SQUARE_MILE_KM2 = 2.589988  # 1 square mile in km²


def _done(status: str, parts: list[str], not_checked: str, reason: str) -> Feedback:
    """The feedback of a chart check: `parts`, then what it did not check; `reason` is empty only
    for a right chart."""
    return Feedback(status, " ".join([*parts, not_checked]), reason=reason)


def _answer_axes(answer, variable: str, not_checked: str) -> tuple[list, Feedback | None]:
    """The answer's Axes, or the feedback for an answer that is not a chart (or an empty one)."""
    problem = _chart_reading().not_a_chart(answer, variable)
    if problem:
        return [], _done(INCORRECT, [problem], not_checked, "not_a_chart")
    axes = [ax for ax in _chart_reading().chart_axes(answer) if not _chart_reading().is_empty(ax)]
    if not axes:
        return [], _done(INCORRECT, [
            "This chart is empty: nothing is drawn on it. Draw the chart and store it in the same "
            f"cell ({variable} = fig): a plt.gcf() in a later cell gives a new, empty figure."
        ], not_checked, "empty_chart")
    return axes, None


# --- Comparing bars with a table of the ledger -------------------------------------------------

def compare_bars(
    found: list,
    expected: pd.DataFrame,
    row_key: Callable[[str], object],
    col_key: Callable[[str], object] | None,
    row_name: Callable[[object], str],
    col_name: Callable[[object], str],
    what: tuple[str, str],
    value_hint: Callable[[object, object, float, float], str] = lambda *_: "",
) -> list[str]:
    """Problems (sentences) where the bars differ from `expected` (rows x columns; a single
    column when col_key is None). Categories and series are matched either way round, since
    paragraphs may be on the axis and claim types in the legend, or the reverse. Missing bars
    count as zero; the expected numbers are never named."""
    table = _chart_reading().bar_table(found)
    ways = []
    for swap in (False, True):
        keys = {}
        for category, series in table:
            row_label, col_label = (series, category) if swap else (category, series)
            keys[(category, series)] = (row_key(row_label),
                                        col_key(col_label) if col_key else expected.columns[0])
        known = sum(r is not None and c is not None for r, c in keys.values())
        ways.append((known, swap, keys))
    _, swap, keys = max(ways, key=lambda way: way[0])
    problems, got = [], {}
    for (category, series), value in table.items():
        row, col = keys[(category, series)]
        row_label, col_label = (series, category) if swap else (category, series)
        if row is None:
            problems.append(f"I can't tell which {what[0]} the bars labelled “{row_label}” show")
        elif col is None and not col_label:
            problems.append(f"some bars have no label, so I can't tell which {what[1]} they show: "
                            "give each bar call a label=... and add a legend")
        elif col is None:
            problems.append(f"I can't tell which {what[1]} “{col_label}” is")
        else:
            got[(row, col)] = got.get((row, col), 0.0) + value
    problems = list(dict.fromkeys(problems))  # once each
    cells = {(row, col) for row in expected.index for col in expected.columns} | set(got)
    rows, cols = list(expected.index), list(expected.columns)

    def order(cell) -> tuple:
        row, col = cell
        return (rows.index(row) if row in rows else len(rows), str(row),
                cols.index(col) if col in cols else len(cols), str(col))

    off = []
    for row, col in sorted(cells, key=order):
        want = float(expected.at[row, col]) if row in rows and col in cols else 0.0
        have = got.get((row, col))
        if (have is None or have == 0) and want == 0:
            continue
        where = row_name(row) if col_key is None else f"{row_name(row)}, {col_name(col)}"
        if row not in rows:
            off.append(f"{row_name(row)}: outside what this chart counts")
        elif have is None:
            off.append(f"{where}: no bar")
        elif abs(have - want) > max(0.01, 0.005 * abs(want)):
            off.append(f"{where}: {'too high' if have > want else 'too low'}"
                       + value_hint(row, col, have, want))
    if off:
        shown = "; ".join(off[:5]) + (f"; and {len(off) - 5} more" if len(off) > 5 else "")
        counted = "1 bar differs" if len(off) == 1 else f"{len(off)} bars differ"
        problems.append(f"{counted} from the ledger ({shown})")
    return problems


def labelling_problems(ax, found: list, category_axis: str, need_legend: bool,
                       words: dict | None = None) -> list[str]:
    """A title, both axis labels (the category axis may be named by word tick labels instead),
    a legend when there are several series, and a value axis that starts at zero. With `words`
    ({"title": ..., "value": ..., "category": ...}, each a tuple of words and a description),
    the title and the labels given must also name what they show ('x' and 'y' do not)."""
    horizontal = found[0].horizontal if found else False
    value_axis, other_axis = ("x", "y") if horizontal else ("y", "x")
    problems = []
    if not _chart_reading().title(ax):
        problems.append("give the chart a title that says what it counts (ax.set_title(...))")
    if not _chart_reading().axis_label(ax, values_on_x=horizontal):
        problems.append(f"label the value axis (the {value_axis} axis): what do the bars count? "
                        f"(ax.set_{value_axis}label(...))")
    reading = _chart_reading()
    if not reading.axis_label(ax, values_on_x=not horizontal) and not reading.category_labels_are_words(
            ax, horizontal):
        problems.append(f"label the {other_axis} axis: what are the {category_axis}? "
                        f"(ax.set_{other_axis}label(...))")
    if need_legend and not _chart_reading().legend_labels(ax):
        problems.append("add a legend (ax.legend()) so that a reader can tell the series apart")
    problems += baseline_problems(ax, found)
    return problems + naming_problems(ax, horizontal, words or {})


def naming_problems(ax, horizontal: bool, words: dict) -> list[str]:
    """Labels that are there but do not name what they show."""
    given = {"title": _chart_reading().title(ax),
             "value": _chart_reading().axis_label(ax, values_on_x=horizontal),
             "category": _chart_reading().axis_label(ax, values_on_x=not horizontal)}
    where = {"title": "the title", "value": "the value axis's label", "category": "the other axis's label"}
    problems = []
    for part, (accepted, what) in words.items():
        text = given[part]
        if text and not any(word in text.casefold() for word in accepted):
            problems.append(f"{where[part]}, “{text}”, does not say what it shows: name {what}")
    return problems


def baseline_problems(ax, found: list) -> list[str]:
    """A value axis from zero, on a linear scale, and every bar (the lowest of a stack) from zero."""
    if not found:
        return []
    horizontal = found[0].horizontal
    low, _high = _chart_reading().value_limits(ax, horizontal)
    problems = []
    if _chart_reading().value_scale(ax, horizontal) != "linear":
        problems.append("the value axis is not linear: bar lengths only compare on a linear axis "
                        "that starts at zero")
    elif low > 1e-9:
        problems.append(f"the value axis starts at {low:g}, not at zero: a bar's length then no "
                        "longer shows its size (lesson 3's cut axis). Start it at zero, e.g. "
                        f"ax.set_{'x' if horizontal else 'y'}lim(0, ...)")
    lowest: dict[str, float] = {}
    for bar in found:
        start = min(bar.base, bar.base + bar.value)
        lowest[bar.category] = min(lowest.get(bar.category, start), start)
    if any(abs(start) > 1e-9 for start in lowest.values()):
        problems.append("some bars do not start at zero (their bottom or left is set elsewhere)")
    return problems


def _sentences(problems: list[str]) -> list[str]:
    return [p[0].upper() + p[1:] + "." for p in problems]


def _bar_task(answer, variable: str, expected: pd.DataFrame, matchers: dict, what: tuple[str, str],
              category_axis: str, right: str, hint: str = "",
              value_hint: Callable = lambda *_: "", not_checked: str = NOT_CHECKED_BARS,
              words: dict | None = None) -> Feedback:
    """The check of a bar chart of `expected`: data first, then labelling."""
    axes, early = _answer_axes(answer, variable, not_checked)
    if early:
        return early
    ax = _chart_reading().busiest_axes(axes)
    found = _chart_reading().bars(ax)
    if not found:
        return _done(INCORRECT, ["I found no bars on this chart. The task asks for bars: ax.bar or "
                                 "ax.barh, or table.plot.bar() on a table of counts."], not_checked,
                     "no_bars")
    data = compare_bars(found, expected, *matchers["keys"], *matchers["names"], what, value_hint)
    several = matchers["keys"][1] is not None
    labels = labelling_problems(ax, found, category_axis, need_legend=several, words=words)
    if not data and not labels:
        return _done(CORRECT, [right], not_checked, "")
    parts = []
    if data:
        parts.append("The data: " + " ".join(_sentences(data)))
        if hint:
            parts.append(hint)
    else:
        parts.append("The data are right.")
    if labels:
        parts.append(("Also, the labelling: " if data else "The labelling: ") + " ".join(_sentences(labels)))
    return _done(INCORRECT, parts, not_checked, "bars_differ" if data else "labelling")


# --- Matching labels ----------------------------------------------------------------------------

def _words(label: str) -> str:
    return " ".join(re.sub(r"[_\-]", " ", label.casefold()).split())


def _first_int(label: str) -> int | None:
    match = re.search(r"\d+", label)
    return int(match.group()) if match else None


def _one(found: set) -> object:
    return next(iter(found)) if len(found) == 1 else None


def claim_type_of(label: str) -> str | None:
    """A claim type from a label: its key (checkable_fact), its name (checkable fact) or the
    first word of either (evaluations, reported)."""
    words = _words(label)
    found = {t for t in TYPE_ORDER
             if words in (_words(t), _words(type_label(t)))
             or (words and words.split()[0][:6] == t.split("_")[0][:6])}
    return _one(found)


def track_of(label: str) -> str | None:
    """A track label of evidence.events.TRACKS from a label that names it, its key or one of
    its categories ("Diplomatic and legal steps", "military", "other events")."""
    words = set(_words(label).split())
    found = set()
    for key, (name, categories) in TRACKS.items():
        names = {*key.split("_"), *categories, *_words(name).split()} - {"and", "events", "steps"}
        if words & names:
            found.add(name)
    return _one(found)


# --- 2.7 ----------------------------------------------------------------------------------------

def claim_type_counts() -> pd.DataFrame:
    """Claims per paragraph (rows) and type (columns), as lesson 2 counts them."""
    return types_by_paragraph(load_ledger().claims)


@task("2.7")
def check_claims_chart(answer) -> Feedback:
    expected = claim_type_counts()
    shown = expected.loc[:, expected.sum() > 0]
    matchers = {"keys": (_first_int, claim_type_of),
                "names": (lambda p: f"paragraph {p}", type_label)}
    right = (f"Your bars match the ledger: the claims of each type in each paragraph "
             f"({int(shown.to_numpy().sum())} claims of {len(shown.columns)} types), with a title, "
             "axis labels, a legend and a value axis from zero.")
    hint = ("Count with the claims table: one bar (or bar segment) per paragraph and claim type, "
            "its length the number of claims; pd.crosstab(claims[\"paragraph\"], "
            "claims[\"claim_type\"]) gives the table.")
    words = {"title": (("claim",), "what it counts (claims, by type and paragraph)"),
             "value": (("claim", "number", "count", "how many"),
                       "what the bars count (the number of claims)"),
             "category": (("paragraph", "¶", "claim", "type"),
                          "what the bars stand for (paragraphs, or claim types)")}
    return _bar_task(answer, "claims_chart", expected, matchers, ("paragraph", "claim type"),
                     "paragraph numbers", right, hint, words=words)


# --- 3.8 ----------------------------------------------------------------------------------------

def bound_chart_reading() -> pd.DataFrame:
    """The article's figures worded “at least” (qualifier at_least), first mentions only."""
    figures_ = load_ledger().figures
    rows = figures_[(figures_["qualifier"] == "at_least") & figures_["same_as"].isna()]
    return rows[["figure_id", "paragraph", "quote", "value_low", "unit"]].reset_index(drop=True)


def _plotted(ax) -> list[tuple[float, bool, float, str]]:
    """(value, values_on_x, position on the other axis, "bar" or "marker") of every drawn value."""
    found = []
    for bar in _chart_reading().bars(ax):
        found.append((bar.base + bar.value, bar.horizontal, bar.position, "bar"))
    for point in _chart_reading().points(ax):
        found.append((point.y, False, point.x, "marker"))
        found.append((point.x, True, point.y, "marker"))
    return found


def bound_marks(ax, value: float, values_on_x: bool, position: float) -> list[str]:
    """How the chart marks `value` as a lower bound: a marker pointing to larger values (a
    triangle or caret, also errorbar(..., lolims=True)) at or beyond the value; an arrow that
    starts at the value and points to larger values; words such as “at least” or “≥” in the
    Axes (a text, an annotation, a bar label, a tick label or the legend)."""
    tolerance = 0.03 * abs(value) + 1e-9
    marks = []
    direction = "right" if values_on_x else "up"
    for point in _chart_reading().points(ax):
        along, across = (point.x, point.y) if values_on_x else (point.y, point.x)
        if (_chart_reading().marker_direction(point.marker) == direction and abs(across - position) <= 0.5
                and along >= value - tolerance):
            marks.append("a marker pointing up from the value" if direction == "up"
                         else "a marker pointing right from the value")
            break
    for tail, head in _chart_reading().arrows(ax):
        (tail_along, tail_across), (head_along, _) = (tail, head) if values_on_x else (tail[::-1], head[::-1])
        starts_at_value = abs(tail_along - value) <= tolerance and abs(tail_across - position) <= 0.5
        if starts_at_value and head_along > tail_along:
            marks.append("an arrow from the value towards larger numbers")
            break
    ticks = [label for _, label in _chart_reading().tick_labels(ax.xaxis if not values_on_x else ax.yaxis)]
    words = " ".join([*_chart_reading().texts(ax), *_chart_reading().legend_labels(ax), *ticks]).casefold()
    said = [w for w in BOUND_WORDS if w in words]
    if said:
        marks.append(f"the words “{said[0]}” on the chart")
    return marks


@task("3.8")
def check_bound_chart(answer) -> Feedback:
    axes, early = _answer_axes(answer, "bound_chart", NOT_CHECKED_FREE)
    if early:
        return early
    bounds = bound_chart_reading()
    named = " or ".join(bounds["figure_id"])
    matches = []  # (figure row, axes, plotted value, its marks)
    for row in bounds.to_dict("records"):
        for ax in axes:
            for value, on_x, position, kind in _plotted(ax):
                if abs(value - row["value_low"]) <= 0.005 * abs(row["value_low"]):
                    matches.append((row, ax, (value, on_x, position, kind),
                                    bound_marks(ax, value, on_x, position)))
    if not matches:
        near = [(abs(v - r["value_low"]) / r["value_low"], v, r) for r in bounds.to_dict("records")
                for ax in axes for v, *_ in _plotted(ax) if r["value_low"]]
        close = min(near, key=lambda n: n[0], default=None)
        if close and close[0] <= 0.25:
            _, value, row = close
            side = "too high" if value > row["value_low"] else "too low"
            text = (f"Your chart shows a value close to the figure {row['figure_id']}, but {side}: "
                    "take the number from the value_low column of figures.")
            reason = side.replace(" ", "_")
        else:
            text = (f"I could not find an “at least” figure of the article ({named}) on this chart. "
                    "Draw the value_low of one of them as a bar, a marker or an error bar.")
            reason = "no_bound_figure"
        return _done(INCORRECT, [text], NOT_CHECKED_FREE, reason)
    row, ax, (value, on_x, position, kind), marks = max(matches, key=lambda m: bool(m[3]))
    what = f"{row['figure_id']} (“{row['quote']}”)"
    parts, ok = [], bool(marks)
    if marks:
        parts.append(f"The data: your chart shows {what} at {value:g}, marked as a lower bound by "
                     f"{' and '.join(marks)}.")
    else:
        drawn = "a plain bar" if kind == "bar" else "a plain marker"
        parts.append(
            f"Your chart shows {what} as {drawn}: a reader sees exactly {value:g}, but the article "
            "gives a minimum, and the true number may be larger. Mark it as a bound: a marker or an "
            "arrow pointing to larger values from the value (e.g. ax.errorbar(..., lolims=True) or "
            "ax.annotate(\"\", xy=..., xytext=..., arrowprops=...)), or the words “at least” or “≥” "
            "next to the value (ax.text, or ax.bar_label for a bar).")
        outside = " ".join([_chart_reading().title(ax), _chart_reading().axis_label(ax, True),
                            _chart_reading().axis_label(ax, False)]).casefold()
        if any(w in outside for w in BOUND_WORDS):
            parts.append("Your title or axis label says it, but the mark belongs on the drawing, "
                         "where the value is.")
    labels = []
    if not _chart_reading().title(ax):
        labels.append("give the chart a title that says what the figure counts (ax.set_title(...))")
    value_axis, other_axis = ("x", "y") if on_x else ("y", "x")
    if not _chart_reading().axis_label(ax, values_on_x=on_x):
        labels.append(f"label the value axis (the {value_axis} axis) with what the number counts "
                      f"and its unit (ax.set_{value_axis}label(...))")
    other_ticks = [t for _, t in _chart_reading().tick_labels(ax.yaxis if on_x else ax.xaxis) if t]
    if (not _chart_reading().axis_label(ax, values_on_x=not on_x) and other_ticks
            and not _chart_reading().category_labels_are_words(ax, horizontal=on_x)):
        labels.append(f"the {other_axis} axis shows numbers that mean nothing here: name the figure "
                      f"in a tick label (ax.set_{other_axis}ticks([...], [\"{row['figure_id']} ...\"])), "
                      f"label the axis, or hide its ticks (ax.set_{other_axis}ticks([]))")
    if kind == "bar":
        bar_list = [b for b in _chart_reading().bars(ax) if abs(b.base + b.value - value) < 1e-9]
        labels += baseline_problems(ax, bar_list)
    if labels:
        parts.append("The labelling: " + " ".join(_sentences(labels)))
    status = CORRECT if ok and not labels else INCORRECT
    if status == CORRECT:
        parts.append("The title and the value axis are labelled.")
    reason = "" if status == CORRECT else "labelling" if marks else "bound_not_marked"
    return _done(status, parts, NOT_CHECKED_FREE, reason)


# --- 3.9 ----------------------------------------------------------------------------------------

AUDIT_SETTING = "lesson03.audit_places"


def audit_place_ids() -> list[str]:
    """The reference places beside the article's area in lesson 3's chart audit (setting
    lesson03.audit_places)."""
    return setting_ids(AUDIT_SETTING, table="reference_facts")


def audit_areas() -> pd.DataFrame:
    """The bars of lesson 3's cut-axis chart: the article's area figure and the reference
    places, in km² (index: the figure id or the reference id; columns: name, km2)."""
    area = article_area()
    places = reference_areas(load_ledger()).set_index("id").loc[audit_place_ids()]
    rows = {area["figure_id"]: (f"the article's “{area['quote']}”", area["low"])}
    rows.update({i: (places.loc[i, "label"], float(places.loc[i, "area_km2"])) for i in places.index})
    return pd.DataFrame.from_dict(rows, orient="index", columns=["name", "km2"])


def area_bar_of(label: str) -> str | None:
    """The audit bar a label names: the article's figure (“article”, “at least”, its id or its
    number) or a reference place (its id, its name or the first long word of its name)."""
    area = article_area()
    text = _words(label)
    if ("article" in text or "at least" in text or area["figure_id"].casefold() in text
            or re.search(rf"\b{area['low']:g}\b", text)):
        return area["figure_id"]
    found = set()
    for row in reference_areas(load_ledger()).itertuples():
        short = _words(row.place.split(" (")[0])
        first = re.sub(r"\W", "", short.split()[0]) if short else ""
        names = {short, first if len(first) >= 5 else short}
        if re.search(rf"\b{row.id.casefold()}\b", text) or any(n and n in text for n in names):
            found.add(row.id)
    return _one(found)


@task("3.9")
def check_honest_chart(answer) -> Feedback:
    if (unavailable := area_not_checkable("3.9")) is not None:
        return unavailable
    expected = audit_areas()
    table = expected[["km2"]]
    places = reference_areas(load_ledger()).set_index("id")["label"].to_dict()
    names = {**places, **expected["name"].to_dict()}

    def unit_hint(row, _col, have: float, want: float) -> str:
        if abs(have * SQUARE_MILE_KM2 - want) <= 0.01 * want:
            return " (in square miles? Every bar must be in km²)"
        return ""

    right = (f"Your {len(table)} bars show the same areas as lesson 3's chart, in km², on a value "
             "axis that starts at zero, with a title and axis labels.")
    feedback = _bar_task(answer, "honest_chart", table,
                         {"keys": (area_bar_of, None), "names": (lambda key: names.get(key, key), str)},
                         ("place", "series"), "places", right,
                         "Use the four areas of lesson 3's chart, all in km².", unit_hint, NOT_CHECKED_SINGLE)
    if feedback.passed:
        axes = [ax for ax in _chart_reading().chart_axes(answer) if not _chart_reading().is_empty(ax)]
        ax = _chart_reading().busiest_axes(axes)
        article = [b for b in _chart_reading().bars(ax)
                   if area_bar_of(b.category) == article_area()["figure_id"]]
        if article and not bound_marks(ax, article[0].base + article[0].value, article[0].horizontal,
                                       article[0].position):
            tip = ("Tip: the article's bar is a lower bound; the lesson's honest chart hatches it and "
                   "notes that it could be taller (task 3.8).")
            message = feedback.message.replace(NOT_CHECKED_SINGLE, f"{tip} {NOT_CHECKED_SINGLE}")
            return Feedback(CORRECT, message)
    return feedback


# --- 5.8 ----------------------------------------------------------------------------------------

def track_year_counts() -> pd.DataFrame:
    """Events per year (rows, the years lesson 5 enlarges) and track (columns), each event once
    (event_table), counted in the year it starts; undated events have no year and are left out."""
    first, last = zoom_years()
    table = event_table(load_ledger().events)
    dated = table[~table["undated"]]
    years = dated["start"].dt.year
    recent = dated[years.between(first, last)]
    counts = pd.crosstab(recent["start"].dt.year, recent["track"])
    labels = [name for name, _ in TRACKS.values()]
    return counts.reindex(index=range(first, last + 1), columns=labels, fill_value=0)


def _year_of(label: str) -> int | None:
    match = re.search(r"\d{4}", label)
    return int(match.group()) if match else None


@task("5.8")
def check_tracks_chart(answer) -> Feedback:
    expected = track_year_counts()
    first, last = zoom_years()
    matchers = {"keys": (_year_of, track_of), "names": (lambda year: f"year {year}", str)}
    right = (f"Your bars match the event table: the events of each track per year, {first}-{last}, "
             "each event counted once, in the year it starts. A chart of counts shows when the "
             "article places events on each track; it cannot show that one caused another.")
    hint = (f"Count with table (each event once, repeated mentions left out), in the year each "
            f"event starts, for {first}-{last} only; undated events have no year.")
    return _bar_task(answer, "tracks_chart", expected, matchers, ("year", "track"), "years",
                     right, hint)
