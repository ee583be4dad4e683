"""What a student's matplotlib chart shows, read back from the Figure or Axes itself: the bars
with their categories and series, the points of lines and markers, arrows, texts, titles, axis
labels and the value axis. Nothing here knows a task or an article: the chart checks
(chart_tasks.py) compare what these helpers find with the ledger.

Every helper reads the artists the drawing calls leave on an Axes (ax.containers, ax.lines,
ax.collections, ax.texts, ax.patches); none draws, saves or changes the figure.
"""

import math
import re
from dataclasses import dataclass
from itertools import pairwise
from types import ModuleType

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.container import BarContainer, Container, ErrorbarContainer
from matplotlib.figure import Figure, SubFigure
from matplotlib.patches import FancyArrow, FancyArrowPatch
from matplotlib.text import Annotation
from matplotlib.ticker import LogFormatter, ScalarFormatter

# Markers that point towards larger values: up when the values run up the y axis, right when
# they run along the x axis (matplotlib's caret and tick codes, triangles and arrow glyphs).
UP_MARKERS = {"^", "2", 2, 6, 10}
RIGHT_MARKERS = {">", "4", 1, 5, 9}
UP_GLYPHS = ("uparrow", "↑", "⇡", "⬆")
RIGHT_GLYPHS = ("rightarrow", "→", "⇢", "➡")


@dataclass(frozen=True)
class Bar:
    category: str  # the label of its place on the category axis ("" when there is none)
    position: float  # its centre on the category axis
    series: str  # the label of the bar call that drew it ("" when it has none)
    value: float  # its length: the height of a vertical bar, the width of a horizontal one
    base: float  # where it starts on the value axis (the bottom, or the left of a barh)
    horizontal: bool


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    marker: object  # as matplotlib keeps it: "o", "^", 10 (CARETUPBASE), "None", ...
    series: str


def clean(text: str) -> str:
    """Text with line breaks and runs of spaces collapsed to single spaces."""
    return " ".join(str(text).split())


# --- What the answer is ----------------------------------------------------------------------

def chart_axes(answer) -> list[Axes]:
    """The Axes of a Figure (or the Axes itself); [] when the answer is neither."""
    if isinstance(answer, Axes):
        return [answer]
    if isinstance(answer, Figure | SubFigure):
        return list(answer.axes)
    return []


def _is_axes_list(answer) -> bool:
    items = answer.ravel().tolist() if isinstance(answer, np.ndarray) else answer
    return isinstance(items, list | tuple) and bool(items) and all(isinstance(a, Axes) for a in items)


def not_a_chart(answer, variable: str) -> str | None:
    """Kind words about an answer that is not a matplotlib Figure or Axes (None when it is one):
    what the answer is, and what to store in `variable` instead."""
    store = (f"Store the chart itself: after fig, ax = plt.subplots() and your drawing, write "
             f"{variable} = fig (or {variable} = ax), in the same cell.")
    if isinstance(answer, Axes | Figure | SubFigure):
        return None
    if isinstance(answer, ModuleType):
        if getattr(answer, "__name__", "") == "matplotlib.pyplot":
            return (f"This is the pyplot module (plt), not a chart. {store} Right after drawing "
                    f"with plt, {variable} = plt.gcf() also works.")
        return f"This is the module {answer.__name__}, not a chart. {store}"
    if isinstance(answer, tuple) and any(isinstance(a, Figure) for a in answer):
        return (f"This is the pair (fig, ax) that plt.subplots() returns. Unpack it first: "
                f"fig, ax = plt.subplots(); then, after drawing, {variable} = fig.")
    if _is_axes_list(answer):
        return (f"This is a list of Axes, not one chart. Store the Figure that holds them "
                f"({variable} = fig), or the one Axes with your chart.")
    if isinstance(answer, Container) or (
        isinstance(answer, list | tuple) and answer and all(isinstance(a, Artist | Container) for a in answer)
    ):
        return (f"These are the pieces that a drawing call returned (bars, lines or texts), not "
                f"the chart. {store}")
    if isinstance(answer, Artist):
        return f"This is one piece of a chart ({type(answer).__name__}), not the chart. {store}"
    if hasattr(answer, "plot") and hasattr(answer, "index"):  # a pandas DataFrame or Series
        return (f"This is a table of numbers ({type(answer).__name__}): the data, not the chart. "
                f"Draw it, for example {variable} = table.plot.bar(), which returns the Axes.")
    shown = repr(answer)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return (f"This answer should be a matplotlib Figure or Axes; yours is "
            f"{type(answer).__name__} {shown}. {store}")


def is_empty(ax: Axes) -> bool:
    """True when nothing has been drawn on the Axes."""
    return not (ax.containers or ax.lines or ax.collections or ax.patches or ax.texts or ax.images)


# --- Bars ------------------------------------------------------------------------------------

def _number(position: float) -> str:
    nearest = round(position)
    return str(nearest) if abs(position - nearest) <= 0.45 else f"{position:g}"


def _text_at(ax: Axes, position: float, size: float, horizontal: bool) -> str:
    """The text of a label placed on the bar (bar_label, ax.text), if one sits within it."""
    for text in ax.texts:
        if text.get_transform() is not ax.transData and not isinstance(text, Annotation):
            continue
        x, y = text.xy if isinstance(text, Annotation) else text.get_position()
        try:
            where = float(y if horizontal else x)
        except (TypeError, ValueError):
            continue
        if abs(where - position) <= size / 2 and clean(text.get_text()):
            return clean(text.get_text())
    return ""


def tick_labels(axis) -> list[tuple[float, str]]:
    """(location, text) of the major ticks of an axis, as matplotlib would label them."""
    locations = list(axis.get_majorticklocs())
    labels = [clean(t.get_text()) for t in axis.get_majorticklabels()]
    return list(zip(locations, labels, strict=False))


def category_at(ax: Axes, position: float, size: float, horizontal: bool) -> str:
    """The label of a place on the category axis: the nearest tick label when the drawing named
    its ticks (string categories, set_xticks with labels, pandas' bar plots: any formatter but
    matplotlib's plain number formatters), else a text label on the bar, else the position
    itself as a whole number (3.8 and 4.2 are both "4")."""
    axis = ax.yaxis if horizontal else ax.xaxis
    ticks = tick_labels(axis)
    named = not isinstance(axis.get_major_formatter(), ScalarFormatter | LogFormatter)
    if ticks and named:
        locations = sorted(loc for loc, _ in ticks)
        gaps = [b - a for a, b in pairwise(locations) if b > a]
        reach = min(gaps) / 2 if gaps else max(size, 0.5)
        location, label = min(ticks, key=lambda tick: abs(tick[0] - position))
        if abs(location - position) <= reach and label:
            return label
    return _text_at(ax, position, size, horizontal) or _number(position)


def bars(ax: Axes) -> list[Bar]:
    """Every bar drawn by ax.bar / ax.barh (also pandas' plot.bar and plot.barh)."""
    found = []
    for container in ax.containers:
        if not isinstance(container, BarContainer):
            continue
        horizontal = getattr(container, "orientation", None) == "horizontal"
        series = clean(container.get_label() or "")
        series = "" if series.startswith("_") else series
        for patch in container.patches:
            x, y, width, height = patch.get_x(), patch.get_y(), patch.get_width(), patch.get_height()
            if not all(math.isfinite(v) for v in (x, y, width, height)):
                continue
            if horizontal:
                position, size, value, base = y + height / 2, abs(height), width, x
            else:
                position, size, value, base = x + width / 2, abs(width), height, y
            category = category_at(ax, position, size, horizontal)
            found.append(Bar(category, position, series, float(value), float(base), horizontal))
    return found


def bar_table(found: list[Bar]) -> dict[tuple[str, str], float]:
    """{(category, series): summed bar length}: the numbers a bar chart shows."""
    table: dict[tuple[str, str], float] = {}
    for bar in found:
        key = (bar.category, bar.series)
        table[key] = table.get(key, 0.0) + bar.value
    return table


def busiest_axes(axes: list[Axes]) -> Axes | None:
    """The Axes with the most bars (the first one on a tie), None when there is no Axes."""
    return max(axes, key=lambda ax: len(bars(ax)), default=None)


# --- Lines, markers, errorbars and arrows -----------------------------------------------------

def points(ax: Axes) -> list[Point]:
    """Every data point of lines, markers, scatter plots and the ends of error bars."""
    found = []
    for line in ax.lines:
        label = clean(line.get_label() or "")
        label = "" if label.startswith("_") else label
        for x, y in np.asarray(line.get_xydata(), dtype=float):
            if math.isfinite(x) and math.isfinite(y):
                found.append(Point(float(x), float(y), line.get_marker(), label))
    for collection in ax.collections:
        if isinstance(collection, PathCollection):
            label = clean(collection.get_label() or "")
            for x, y in np.asarray(collection.get_offsets(), dtype=float):
                found.append(Point(float(x), float(y), "o", label))
    for container in ax.containers:
        if isinstance(container, ErrorbarContainer):
            for collection in container.lines[2]:
                if isinstance(collection, LineCollection):
                    for segment in collection.get_segments():
                        found += [Point(float(x), float(y), "None", "") for x, y in segment]
    return found


def marker_direction(marker) -> str:
    """"up" or "right" for a marker pointing towards larger values on that axis, else ""."""
    if marker in UP_MARKERS or (isinstance(marker, str) and any(g in marker for g in UP_GLYPHS)):
        return "up"
    if marker in RIGHT_MARKERS or (isinstance(marker, str) and any(g in marker for g in RIGHT_GLYPHS)):
        return "right"
    return ""


def arrows(ax: Axes) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """(tail, head) in data coordinates of every arrow whose ends can be placed in data
    coordinates: annotations with arrowprops (text in data or offset coordinates), ax.arrow
    and FancyArrowPatch."""
    found = []
    for text in ax.texts:
        if not isinstance(text, Annotation) or text.arrow_patch is None or text.xycoords != "data":
            continue
        head = tuple(float(v) for v in text.xy)
        if text.anncoords == "data":
            tail = tuple(float(v) for v in text.xyann)
        elif text.anncoords in ("offset points", "offset pixels"):
            scale = ax.figure.dpi / 72 if text.anncoords == "offset points" else 1.0
            shown = ax.transData.transform(head) + np.asarray(text.xyann, dtype=float) * scale
            tail = tuple(float(v) for v in ax.transData.inverted().transform(shown))
        else:
            continue
        found.append((tail, head))
    for patch in ax.patches:
        if isinstance(patch, FancyArrow) and hasattr(patch, "_dx"):
            x, y, dx, dy = patch._x, patch._y, patch._dx, patch._dy
            found.append(((float(x), float(y)), (float(x + dx), float(y + dy))))
        elif (isinstance(patch, FancyArrowPatch) and getattr(patch, "_posA_posB", None)
              and patch.get_transform() == ax.transData):
            (x0, y0), (x1, y1) = patch._posA_posB
            found.append(((float(x0), float(y0)), (float(x1), float(y1))))
    return found


# --- Words: texts, legends, titles and axis labels --------------------------------------------

def texts(ax: Axes) -> list[str]:
    """The words written inside the Axes: ax.text, annotations and bar labels."""
    return [clean(t.get_text()) for t in ax.texts if clean(t.get_text())]


def legend_labels(ax: Axes) -> list[str]:
    """The entries of the Axes' legend and of any figure legend."""
    legends = [ax.get_legend(), *getattr(ax.figure, "legends", [])]
    return [clean(t.get_text()) for legend in legends if legend is not None for t in legend.get_texts()]


def title(ax: Axes) -> str:
    """The Axes' title (centre, left or right), else the figure's suptitle."""
    for where in ("center", "left", "right"):
        if clean(ax.get_title(where)):
            return clean(ax.get_title(where))
    suptitle = getattr(ax.figure, "get_suptitle", lambda: "")()
    return clean(suptitle)


def axis_label(ax: Axes, values_on_x: bool) -> str:
    """The label of the x axis (values_on_x) or of the y axis."""
    return clean(ax.get_xlabel() if values_on_x else ax.get_ylabel())


def category_labels_are_words(ax: Axes, horizontal: bool) -> bool:
    """True when the tick labels of the category axis hold words (place names, track names),
    which name the bars without an axis label."""
    labels = [label for _, label in tick_labels(ax.yaxis if horizontal else ax.xaxis) if label]
    return bool(labels) and all(re.search(r"[^\W\d_]", label) for label in labels)


def value_limits(ax: Axes, horizontal: bool) -> tuple[float, float]:
    """The lowest and highest value the value axis shows (x for horizontal bars, else y)."""
    low, high = ax.get_xlim() if horizontal else ax.get_ylim()
    return float(min(low, high)), float(max(low, high))


def value_scale(ax: Axes, horizontal: bool) -> str:
    return ax.get_xscale() if horizontal else ax.get_yscale()
