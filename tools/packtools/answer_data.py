"""In the marker's own process: read back a sandbox's result as untrusted data, rebuild the
answers and run the pack's checks on them (packtools.grading calls this module).

Every value is validated before use: its JSON size and nesting, each tag and type, the length
of every text and list. A value that fails is "could not be read", never a crash. The checks are
the pack's own (readingpack.exercises), imported fresh in this process, so nothing the
notebook's code did in its kernel (monkeypatching, a forged marks block, a sibling kernel) can
reach them. Chart answers arrive as what chart_reading.py read from the student's Figure; the chart
checks read them through `recorded_chart_reading()` instead of the live Figure. Written answers are
never taken from the sandbox: the marker reads them from the notebook file as handed in, and
they are never machine-marked.
"""

import contextlib
import json
import math
import re
from dataclasses import dataclass, field
from types import SimpleNamespace

RESULT_LIMIT = 16 * 2**20
MAX_ITEMS, MAX_TEXT, MAX_DEPTH, MAX_NODES = 5000, 20000, 12, 200_000
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]{0,59}")


class Malformed(ValueError):
    """A value read back from the sandbox that is not what the export writes."""


def parse(text: str, limit: int = RESULT_LIMIT):
    """JSON text from the sandbox, at most `limit` characters, nested at most 60 deep."""
    if not isinstance(text, str):
        raise Malformed("not text")
    if len(text) > limit:
        raise Malformed(f"larger than {limit // 2**20} MB")
    depth = deepest = 0
    in_string = escaped = False
    for char in text:  # json's own parser recurses: a 200,000-deep document would stop it
        if in_string:
            escaped = not escaped and char == "\\"
            if char == '"' and not escaped:
                in_string = False
            continue
        if char == '"':
            in_string, escaped = True, False
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > 60:
                raise Malformed("nested more than 60 levels deep")
        elif char in "]}":
            depth -= 1
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as error:
        raise Malformed(f"not valid JSON ({error.__class__.__name__})") from error


def _string(value, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise Malformed(f"expected text of at most {limit} characters, found {type(value).__name__}")
    return value


def _number(value) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise Malformed(f"expected a finite number, found {type(value).__name__}")
    return float(value)


def _list(value, limit: int = MAX_ITEMS) -> list:
    if not isinstance(value, list) or len(value) > limit:
        raise Malformed(f"expected a list of at most {limit} items, found {type(value).__name__}")
    return value


@dataclass
class _Budget:
    nodes: int = 0

    def spend(self) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise Malformed(f"more than {MAX_NODES} values")


def opaque(type_name: str, shown: str):
    """A stand-in for an object that was not exported as data: its type's name and repr."""
    kind = type(type_name, (Opaque,), {})
    return kind(shown)


class Opaque:
    def __init__(self, shown: str):
        self.shown = shown

    def __repr__(self) -> str:
        return self.shown


class RecordedError(Exception):
    pass


def recorded_function(results: dict):
    """A function that answers from the table the sandbox recorded (never runs student code)."""

    def answer(argument):
        outcome = results.get(json.dumps(argument, sort_keys=True))
        if outcome is None:
            raise LookupError(f"no recorded result for {argument!r}")
        if "raised" in outcome:
            error = type(outcome["raised"], (RecordedError,), {})
            raise error(outcome["message"])
        return outcome["returned"]

    return answer


def decode(value, budget: _Budget | None = None, depth: int = 0):
    """The answer `answer_export.encode` wrote, rebuilt as plain Python, numpy and pandas values."""
    import numpy as np
    import pandas as pd

    budget = budget or _Budget()
    budget.spend()
    if depth > MAX_DEPTH:
        raise Malformed("nested too deeply")
    if value is None or isinstance(value, bool | int):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**18:
            raise Malformed("a number too large")
        return value
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        return _string(value)
    if not isinstance(value, dict) or not isinstance(value.get("$"), str):
        raise Malformed(f"an untagged {type(value).__name__}")
    tag = value["$"]

    def items(key="items"):
        return [decode(v, budget, depth + 1) for v in _list(value.get(key))]

    if tag == "float":
        text = _string(value.get("value"), 10)
        if text not in ("nan", "inf", "-inf"):
            raise Malformed("a float tag that is not nan or inf")
        return float(text)
    if tag == "ellipsis":
        return Ellipsis
    if tag in ("list", "tuple", "set"):
        found = items()
        if tag == "set":
            try:
                return set(found)
            except TypeError as error:
                raise Malformed("a set of unhashable values") from error
        return found if tag == "list" else tuple(found)
    if tag == "dict":
        pairs = []
        for pair in _list(value.get("items")):
            pair = _list(pair, 2)
            if len(pair) != 2:
                raise Malformed("a dict item that is not a pair")
            key = decode(pair[0], budget, depth + 1)
            if isinstance(key, list | dict | set):
                raise Malformed("an unhashable dict key")
            pairs.append((key, decode(pair[1], budget, depth + 1)))
        return dict(pairs)
    if tag == "ndarray":
        found = items()
        try:
            return np.array(found)
        except ValueError:
            return np.array(found, dtype=object)
    if tag == "index":
        return pd.Index(items())
    if tag == "series":
        index, data = items("index"), items()
        if len(index) != len(data):
            raise Malformed("a Series whose index and values differ in length")
        dtype = "bool" if value.get("dtype") == "bool" and all(isinstance(v, bool) for v in data) else None
        name = decode(value.get("name"), budget, depth + 1)
        return pd.Series(data, index=index, name=name if isinstance(name, str | int) else None, dtype=dtype)
    if tag == "frame":
        columns, index = items("columns"), items("index")
        rows = [[decode(v, budget, depth + 2) for v in _list(row, 50)] for row in _list(value.get("rows"))]
        if len(rows) != len(index) or any(len(row) != len(columns) for row in rows):
            raise Malformed("a table whose rows and columns do not fit")
        return pd.DataFrame(rows, columns=columns, index=index)
    if tag == "function":
        table = {}
        for entry in _list(value.get("results"), 50):
            entry = _list(entry, 2)
            if len(entry) != 2 or not isinstance(entry[1], dict):
                raise Malformed("a function result that is not [argument, outcome]")
            argument, outcome = decode(entry[0], budget, depth + 1), entry[1]
            if "returned" in outcome:
                table[json.dumps(argument, sort_keys=True)] = {"returned": decode(outcome["returned"], budget,
                                                                                   depth + 1)}
            else:
                raised = _string(outcome.get("raised"), 60)
                if not NAME.fullmatch(raised):
                    raise Malformed("an error name that is not a name")
                message = _string(outcome.get("message"), 300)
                table[json.dumps(argument, sort_keys=True)] = {"raised": raised, "message": message}
        return recorded_function(table)
    if tag == "other":
        name = _string(value.get("type"), 60)
        if not NAME.fullmatch(name):
            raise Malformed("a type name that is not a name")
        return opaque(name, _string(value.get("repr"), 300))
    if tag == "notchart":
        return NotAChart(_string(value.get("message"), 2000))
    if tag == "chart":
        return RecordedChart([recorded_axes(a) for a in _list(value.get("axes"), 20)])
    raise Malformed(f"an unknown tag {tag[:20]!r}")


# --- charts, as chart_reading.py read them inside the sandbox ----------------------------------------

@dataclass
class NotAChart:
    message: str


@dataclass
class RecordedAxes:
    empty: bool
    bars: list
    points: list
    arrows: list
    texts: list
    legend: list
    title: str
    xlabel: str
    ylabel: str
    xaxis: list
    yaxis: list
    words_x: bool
    words_y: bool
    xlim: tuple
    ylim: tuple
    xscale: str
    yscale: str


@dataclass
class RecordedChart:
    axes: list = field(default_factory=list)


def _flag(value) -> bool:
    if not isinstance(value, bool):
        raise Malformed("expected true or false")
    return value


def _pair(value) -> tuple[float, float]:
    value = _list(value, 2)
    if len(value) != 2:
        raise Malformed("expected a pair of numbers")
    return _number(value[0]), _number(value[1])


def recorded_axes(data) -> RecordedAxes:
    from readingpack.exercises.chart_reading import Bar, Point

    if not isinstance(data, dict):
        raise Malformed("an Axes that is not an object")
    bars = []
    for bar in _list(data.get("bars")):
        if not isinstance(bar, dict):
            raise Malformed("a bar that is not an object")
        bars.append(Bar(_string(bar.get("category"), 500), _number(bar.get("position")),
                        _string(bar.get("series"), 500), _number(bar.get("value")), _number(bar.get("base")),
                        _flag(bar.get("horizontal"))))
    points = []
    for point in _list(data.get("points")):
        if not isinstance(point, dict):
            raise Malformed("a point that is not an object")
        marker = point.get("marker")
        if isinstance(marker, bool) or not isinstance(marker, int | str) or len(str(marker)) > 40:
            raise Malformed("a marker that is neither a code nor a short text")
        points.append(Point(_number(point.get("x")), _number(point.get("y")), marker,
                            _string(point.get("series"), 500)))

    def ticks(value):
        return [(_number(t[0]), _string(t[1], 500)) for t in (_list(t, 2) for t in _list(value, 500))
                if len(t) == 2]

    return RecordedAxes(
        _flag(data.get("empty")), bars, points,
        [(_pair(t), _pair(h)) for t, h in (_list(a, 2) for a in _list(data.get("arrows"), 500))],
        [_string(t, 2000) for t in _list(data.get("texts"), 500)],
        [_string(t, 2000) for t in _list(data.get("legend"), 500)],
        _string(data.get("title"), 2000), _string(data.get("xlabel"), 2000),
        _string(data.get("ylabel"), 2000),
        ticks(data.get("xticks")), ticks(data.get("yticks")),
        _flag(data.get("words_x")), _flag(data.get("words_y")),
        _pair(data.get("xlim")), _pair(data.get("ylim")),
        _string(data.get("xscale"), 20), _string(data.get("yscale"), 20))


def recorded_chart_reading():
    """chart_reading.py's reading functions, for RecordedChart answers (chart_tasks calls these)."""
    from readingpack.exercises import chart_reading

    def not_a_chart(answer, variable):
        if isinstance(answer, RecordedChart):
            return None
        if isinstance(answer, NotAChart):
            return answer.message
        return chart_reading.not_a_chart(answer, variable)

    return SimpleNamespace(
        not_a_chart=not_a_chart,
        chart_axes=lambda answer: list(answer.axes) if isinstance(answer, RecordedChart) else [],
        is_empty=lambda ax: ax.empty,
        bars=lambda ax: list(ax.bars),
        bar_table=chart_reading.bar_table,
        busiest_axes=lambda axes: max(axes, key=lambda ax: len(ax.bars), default=None),
        points=lambda ax: list(ax.points),
        marker_direction=chart_reading.marker_direction,
        arrows=lambda ax: list(ax.arrows),
        tick_labels=lambda axis: list(axis),
        texts=lambda ax: list(ax.texts),
        legend_labels=lambda ax: list(ax.legend),
        title=lambda ax: ax.title,
        axis_label=lambda ax, values_on_x: ax.xlabel if values_on_x else ax.ylabel,
        category_labels_are_words=lambda ax, horizontal: ax.words_y if horizontal else ax.words_x,
        value_limits=lambda ax, horizontal: ax.xlim if horizontal else ax.ylim,
        value_scale=lambda ax, horizontal: ax.xscale if horizontal else ax.yscale,
    )


# --- the checks ------------------------------------------------------------------------------

def function_arguments(task_id: str) -> list:
    """The arguments a function task's check calls the student's function with (found by calling
    the check with a probe that records them)."""
    from readingpack.exercises.feedback import TASKS

    calls = []

    def probe(*args):
        calls.append(args[0] if len(args) == 1 else list(args))
        return None

    with contextlib.suppress(Exception):  # the probe's None may stop the check: the calls so far do
        TASKS[task_id].checker(probe)
    return [c for c in calls if isinstance(c, str | int | float)]


def check_exported(task_id: str, answers: dict, names: list[str]):
    """The Feedback of one code task on exported answers, run by the pack's own check."""
    import readingpack.exercises.chart_tasks as chart_tasks
    from readingpack.exercises import feedback

    namespace = dict.fromkeys(names)
    task = feedback.TASKS.get(task_id)
    if task is not None and task_id in answers:
        namespace[task.variable] = answers[task_id]
    elif task is not None:
        namespace.pop(task.variable, None)
    original = chart_tasks._chart_reading
    chart_tasks._chart_reading = recorded_chart_reading  # this process only: read recorded charts
    try:
        return feedback.check_task(task_id, namespace)
    finally:
        chart_tasks._chart_reading = original


def read_answers(text) -> tuple[dict, list[str], dict[str, str]]:
    """(answers by task, the notebook's variable names, problems by task) from the export."""
    document = parse(text, 8 * 2**20)
    if not isinstance(document, dict):
        raise Malformed("the export is not an object")
    names = [_string(n, 100) for n in _list(document.get("names", []), 2000)]
    raw = document.get("answers")
    if not isinstance(raw, dict) or len(raw) > 200:
        raise Malformed("the exported answers are not a table of tasks")
    answers, problems, budget = {}, {}, _Budget()
    for task_id, value in raw.items():
        try:
            answers[_string(task_id, 10)] = decode(value, budget)
        except Malformed as error:
            problems[str(task_id)[:10]] = str(error)
    return answers, names, problems
