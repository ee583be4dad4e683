"""Inside the sandbox, after a notebook has run: write its answers as plain JSON-safe data
(imported by path in the marking kernel by sandbox_runner.py).

Each answer variable becomes a tagged value that the marker can rebuild without running any of
the student's code (answer_data.py): numbers, text, lists, dicts, numpy arrays, pandas Series,
Index and DataFrames; a function (the function tasks) becomes the table of what it returned for
the arguments the check calls it with; a matplotlib Figure or Axes becomes what
readingpack.exercises.chart_reading reads from it (bars, points, arrows, texts, titles, axis labels,
ticks, limits, scales). Anything else becomes its type's name and a short repr.

This code runs in the student's kernel, so the student can change it: a forged export can only
ever be this student's own answer, and the marker validates every value it reads back.
"""

import json
import math

MAX_ITEMS, MAX_TEXT, MAX_DEPTH = 5000, 20000, 8


def _text(value) -> str:
    return str(value)[:MAX_TEXT]


def _scalar(value):
    if isinstance(value, float) and not math.isfinite(value):
        return {"$": "float", "value": repr(value)}
    return value


def encode(value, depth: int = 0):
    """A JSON-safe, tagged copy of `value` (see answer_data.decode)."""
    import numpy as np
    import pandas as pd

    if depth > MAX_DEPTH:
        return {"$": "other", "type": type(value).__name__, "repr": "(nested too deeply)"}
    if value is None or isinstance(value, bool | int | str):
        return value if not isinstance(value, str) else value[:MAX_TEXT]
    if isinstance(value, float):
        return _scalar(value)
    if value is Ellipsis:
        return {"$": "ellipsis"}
    if isinstance(value, np.generic):
        return encode(value.item(), depth)
    if isinstance(value, list | tuple | set | frozenset):
        kind = "set" if isinstance(value, set | frozenset) else type(value).__name__
        kind = kind if kind in ("list", "tuple", "set") else "list"
        items = list(value)[:MAX_ITEMS]
        return {"$": kind, "items": [encode(v, depth + 1) for v in items]}
    if isinstance(value, dict):
        return {"$": "dict", "items": [[encode(k, depth + 1), encode(v, depth + 1)]
                                       for k, v in list(value.items())[:MAX_ITEMS]]}
    if isinstance(value, np.ndarray) and value.ndim == 1:
        return {"$": "ndarray", "items": [encode(v, depth + 1) for v in value.tolist()[:MAX_ITEMS]]}
    if isinstance(value, pd.Series):
        return {"$": "series", "name": encode(value.name, depth + 1), "dtype": str(value.dtype)[:40],
                "index": [encode(v, depth + 1) for v in value.index.tolist()[:MAX_ITEMS]],
                "items": [encode(v, depth + 1) for v in value.tolist()[:MAX_ITEMS]]}
    if isinstance(value, pd.Index):
        return {"$": "index", "items": [encode(v, depth + 1) for v in value.tolist()[:MAX_ITEMS]]}
    if isinstance(value, pd.DataFrame):
        frame = value.iloc[:MAX_ITEMS, :50]
        return {"$": "frame", "columns": [encode(c, depth + 1) for c in frame.columns.tolist()],
                "index": [encode(v, depth + 1) for v in frame.index.tolist()],
                "rows": [[encode(v, depth + 2) for v in row] for row in frame.values.tolist()]}
    return {"$": "other", "type": type(value).__name__[:60], "repr": repr(value)[:200]}


def encode_function(function, arguments: list) -> dict:
    results = []
    for argument in arguments[:50]:
        try:
            results.append([argument, {"returned": encode(function(argument))}])
        except Exception as error:  # the student's function failed: part of the answer
            results.append([argument, {"raised": type(error).__name__[:60], "message": str(error)[:300]}])
    return {"$": "function", "results": results}


def _axes(ax) -> dict:
    from dataclasses import asdict

    from readingpack.exercises import chart_reading

    def ticks(axis):
        return [[float(location), label] for location, label in chart_reading.tick_labels(axis)][:500]

    def marker(value):
        return value if isinstance(value, int | str) else str(value)

    return {
        "empty": chart_reading.is_empty(ax),
        "bars": [asdict(bar) for bar in chart_reading.bars(ax)][:MAX_ITEMS],
        "points": [{**asdict(p), "marker": marker(p.marker)} for p in chart_reading.points(ax)][:MAX_ITEMS],
        "arrows": [[list(tail), list(head)] for tail, head in chart_reading.arrows(ax)][:500],
        "texts": chart_reading.texts(ax)[:500], "legend": chart_reading.legend_labels(ax)[:500],
        "title": chart_reading.title(ax),
        "xlabel": chart_reading.axis_label(ax, True), "ylabel": chart_reading.axis_label(ax, False),
        "xticks": ticks(ax.xaxis), "yticks": ticks(ax.yaxis),
        "words_x": chart_reading.category_labels_are_words(ax, False),
        "words_y": chart_reading.category_labels_are_words(ax, True),
        "xlim": list(chart_reading.value_limits(ax, True)),
        "ylim": list(chart_reading.value_limits(ax, False)),
        "xscale": chart_reading.value_scale(ax, True), "yscale": chart_reading.value_scale(ax, False),
    }


def encode_chart(value, variable: str) -> dict:
    from readingpack.exercises import chart_reading

    problem = chart_reading.not_a_chart(value, variable)
    if problem:
        if value is None or isinstance(value, bool | int | float | str | list | dict):
            return encode(value)
        return {"$": "notchart", "message": problem[:2000]}
    return {"$": "chart", "axes": [_axes(ax) for ax in chart_reading.chart_axes(value)][:20]}


def write(namespace: dict, variables: dict, functions: dict, path: str) -> None:
    """variables: task id -> [variable, answer form]; functions: task id -> the arguments."""
    answers = {}
    for task_id, (variable, form) in variables.items():
        if variable not in namespace:
            continue
        value = namespace[variable]
        try:
            if form == "figure":
                answers[task_id] = encode_chart(value, variable)
            elif form == "function" and callable(value):
                answers[task_id] = encode_function(value, functions.get(task_id, []))
            else:
                answers[task_id] = encode(value)
        except Exception as error:  # an answer that cannot be read is reported as such
            answers[task_id] = {"$": "other", "type": type(value).__name__[:60],
                                "repr": f"(could not be exported: {type(error).__name__})"}
    names = sorted(n for n in namespace if isinstance(n, str) and not n.startswith("_"))[:2000]
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"answers": answers, "names": names}, handle)
