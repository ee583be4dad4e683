"""A property test over every task: each form of the key a student may reasonably give passes,
and each wrong answer fails with specific feedback that never gives the key; no input ever
yields "could not check". The keys come from the solution notebooks (solution_keys.py).

Variants of the key, by the task's answer form (data/tasks.csv): its type (numpy scalar, float
for a whole number, a one-row Series), its container (list, tuple, set, Index, Series, array),
its order, its case and stray spaces, numbers written as text where items are numbers, and its
precision (any answer at the precision the prompt asks for, the band centred on the key as asked),
pandas' own arrays (what .values, .array and .unique() return for the ledger's nullable columns:
IntegerArray, StringArray, Categorical, BooleanArray, and an Index of them) and quotation marks
typed around a label or an option. Wrong answers: off by one, a
missing or an extra item, another value for one key, each other option or label. Hypothesis
draws orders, spaces and cases; the fixed variants are tried every time. The number of variants
tried per task is written to test-artifacts/task_variants.csv and printed at the end of the run.
"""

import csv
import math
import random
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from solution_keys import key_of

from readingpack.exercises import CANNOT_CHECK, CORRECT, INCORRECT, NOT_MARKED, TASKS, check_value
from readingpack.exercises.tasks import task_frame, task_order

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TABLE = task_frame()
ACTIVE = sorted((t for t in TASKS if t in TABLE.index and TABLE.loc[t, "status"] == "active"),
                key=task_order)
TRIED: Counter = Counter()


def form(task_id: str) -> str:
    return TABLE.loc[task_id, "answer_form"]


def places(task_id: str) -> int:
    value = TABLE.loc[task_id, "decimals"]
    return 0 if pd.isna(value) else int(value)


# Right variants ---------------------------------------------------------------------------------

def right_variants(task_id: str, key, draw=None) -> list:
    kind = form(task_id)
    rng = random.Random(draw(st.integers(0, 10**6)) if draw else 0)
    if kind == "count":
        return [key, int(key), np.int64(key), float(key), np.float64(key), pd.Series([key]),
                pd.array([key]), pd.Series([key], dtype="Int64"), pd.Series([key], dtype="Int64").values]
    if kind == "number":
        digits = places(task_id)
        step = 10 ** -digits
        return [key, round(key, digits), round(key, digits + 2), np.float64(key),
                pd.Series([key]), float(f"{key:.{digits}f}"), pd.array([key], dtype="Float64"),
                round(key, digits) + 0.45 * step, round(key, digits) - 0.45 * step]
    if kind == "choice":
        return [key, np.int64(key), str(key), f" {key} ", float(key), f"“{key}”", f"'{key}'",
                pd.array([key])]
    if kind == "quote":
        quoted = [] if key[:1] in "“\"'" else [f"“{key}”", f'"{key}"']
        return [key, f"  {key} ", np.str_(key), *quoted]
    if kind in {"label", "id"}:
        return [key, f"  {key} ", key.upper(), key.lower(), np.str_(key), f"“{key}”", f'"{key}"',
                f"‘{key}’", f"'{key}' ", pd.array([key], dtype="string")] + (
            [key.replace("_", " "), key.replace("_", "-")] if kind == "label" else [])
    if kind == "items":
        items = list(key)
        shuffled = items[:]
        rng.shuffle(shuffled)
        variants = [items, tuple(items), set(items), items[::-1], shuffled, pd.Index(items),
                    pd.Series(items), np.array(items), *pandas_arrays(shuffled)]
        if all(isinstance(i, int) for i in items):
            variants += [[str(i) for i in shuffled], [f" {i} " for i in items],
                         [np.int64(i) for i in items]]
        if all(isinstance(i, str) for i in items):
            variants += [[i.lower() for i in shuffled], [f" {i.upper()} " for i in items]]
        return variants
    if kind == "mapping":
        spaced = {f" {k} ": v for k, v in key.items()}
        typed = {k: (np.int64(v) if isinstance(v, int) else v) for k, v in key.items()}
        reordered = dict(reversed(list(key.items())))
        variants = [dict(key), spaced, typed, reordered, pd.Series(key)]
        if all(isinstance(v, int) for v in key.values()):
            variants.append(pd.Series(key, dtype="Int64"))
        if all(isinstance(k, str) for k in key):
            variants.append({k.lower(): v for k, v in key.items()})
        return variants
    if kind == "table":  # a hand-coded table: any row order, a list of tuples, straight quotes
        shuffled = key.sample(frac=1, random_state=rng.randrange(10**6))
        straight = key.replace({"’": "'", "“": '"', "”": '"'}, regex=True)
        return [key, shuffled, list(key.itertuples(index=False, name=None)), straight,
                key.reset_index(drop=True).iloc[::-1]]
    if kind == "text":
        return text_variants(key, rng)
    if kind == "function":
        return [key, lambda t: set(key(t)), lambda t: pd.Index(sorted(key(t), reverse=True)),
                lambda t: [str(p) for p in key(t)], lambda t: pd.array(list(key(t)), dtype="Int64"),
                lambda t: pd.Series(list(key(t)), dtype="Int64").unique(),
                lambda t: pd.Index(pd.array(list(key(t)), dtype="Int64")).values]
    if kind == "figure":
        return [key, key.axes[0]] if hasattr(key, "axes") else [key, key.figure]
    raise AssertionError(f"no variants for form {kind!r}")


def pandas_arrays(items: list) -> list:
    """The items as the arrays pandas gives for a nullable or categorical column."""
    if all(isinstance(i, int) for i in items):
        column = pd.Series(items, dtype="Int64")
    elif all(isinstance(i, str) for i in items):
        column = pd.Series(items, dtype="string")
    else:
        return []
    return [column.values, column.array, column.unique(), pd.Index(column.array),
            pd.Categorical(items), column.astype("category").values]


def text_variants(text: str, rng: random.Random) -> list[str]:
    straight = text.replace("“", '"').replace("”", '"')
    guillemets = text.replace("“", "« ").replace("”", " »")
    single = text.replace("“", "‘").replace("”", "’")
    words = text.split(" ")
    wrapped = " ".join(w + ("\n" if rng.random() < 0.15 else "") for w in words)
    return [text, straight, guillemets, single, wrapped, text.replace("’", "'")]


# Wrong variants ---------------------------------------------------------------------------------

def wrong_variants(task_id: str, key) -> list:
    kind = form(task_id)
    if kind == "count":
        return [key + 1] + ([key - 1] if key > 0 else [])
    if kind == "number":
        step = 10 ** -places(task_id)
        centre = round(key, places(task_id))
        return [key + 3 * step, key - 3 * step, centre + 0.55 * step, centre - 0.55 * step]
    if kind == "choice":
        count = option_count(task_id)
        return [option for option in range(1, count + 1) if option != key]
    if kind == "label":
        return [label for label in allowed_labels(task_id) if label != key]
    if kind in {"id", "quote"}:
        return [key + "x", "X" + key] + ([key.upper()] if kind == "quote" and key.upper() != key else [])
    if kind == "items":
        items = sorted(key, key=str)
        wrong = [items[1:], [*items, extra_item(items)]]
        if len(items) > 1:
            wrong.append(items[:-1])
        if isinstance(items[0], int):
            wrong.append([items[0] + 1 if items[0] + 1 not in items else extra_item(items), *items[1:]])
        return wrong
    if kind == "mapping":
        first = next(iter(key))
        missing = {k: v for k, v in key.items() if k != first}
        changed = dict(key)
        changed[first] = key[first] + 1 if isinstance(key[first], int) else other_label(task_id, key[first])
        return [missing, changed]
    if kind == "function":
        return [lambda t: key(t)[:1], lambda t: [*list(key(t)), 99]]
    if kind == "table":  # a row left out, and one coded value changed
        changed = key.copy()
        changed.iloc[0, -1] = "unspecified" if changed.iloc[0, -1] != "unspecified" else "exact"
        return [key.iloc[1:], changed] if len(key) > 1 else [changed]
    return []


def extra_item(items: list):
    if isinstance(items[0], int):
        return next(n for n in range(1, 1000) if n not in items)
    return "ZZ999"


def option_count(task_id: str) -> int:
    message = check_value(task_id, 99).message
    return int(re.search(r"from 1 to (\d+)", message).group(1))


def allowed_labels(task_id: str) -> list[str]:
    message = check_value(task_id, "not-a-label-at-all").message
    return re.findall(r"'([^']+)'", message.split("labels", 1)[1])


def other_label(task_id: str, label: str) -> str:
    labels = {"statistic", "evaluation", "prediction", "checkable_fact", "reported_statement"}
    return next(other for other in sorted(labels) if other != label) if label in labels else label + "x"


# Leaks ------------------------------------------------------------------------------------------

def leaks(task_id: str, key, message: str) -> bool:
    kind = form(task_id)
    if kind == "count":
        return key >= 10 and re.search(rf"(?<![\d.,]){key}(?![\d]|\.\d)", message) is not None
    if kind == "number":
        shown = re.escape(f"{key:.{places(task_id)}f}")
        return re.search(rf"(?<![\d.]){shown}(?!\d)", message) is not None
    if kind == "choice":
        return re.search(rf"\boption {key}\b", message, re.I) is not None
    if kind in {"label", "id", "quote"}:
        if re.search(r"labels \[|are: |one of the", message):  # the allowed values, listed
            return False
        return re.search(rf"(?<![\w]){re.escape(key)}(?![\w])", message) is not None
    if kind == "mapping":
        first = next(iter(key))
        told = message.split("Right so far")[0]
        return isinstance(key[first], str) and re.search(rf"\b{re.escape(key[first])}\b", told) is not None
    if kind == "items" and len(key) > 1:
        return all(re.search(rf"(?<![\w]){re.escape(str(item))}(?![\w])", message) for item in key)
    return False


# The tests --------------------------------------------------------------------------------------

def _check(task_id: str, answer):
    feedback = check_value(task_id, answer)
    TRIED[task_id] += 1
    assert feedback.status != CANNOT_CHECK, (task_id, answer, feedback)
    return feedback


@pytest.mark.parametrize("task_id", ACTIVE)
@settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_form_of_the_key_passes(task_id, data):
    key = key_of(TASKS[task_id])
    expected = NOT_MARKED if form(task_id) == "text" else CORRECT
    for variant in right_variants(task_id, key, data.draw):
        feedback = _check(task_id, variant)
        assert feedback.status == expected, (task_id, variant, feedback)
        if form(task_id) == "text":
            assert "NOT FOUND" not in feedback.message, (task_id, feedback)
            assert "Exact:" in feedback.message, (task_id, feedback)


@pytest.mark.parametrize("task_id", ACTIVE)
def test_wrong_answers_fail_specifically_without_the_key(task_id):
    key = key_of(TASKS[task_id])
    for wrong in wrong_variants(task_id, key):
        if isinstance(wrong, list) and not wrong:
            continue  # an empty list is "not answered yet", tested elsewhere
        feedback = _check(task_id, wrong)
        assert feedback.status == INCORRECT, (task_id, wrong, feedback)
        assert len(feedback.message) > 20, (task_id, wrong, feedback)
        assert not leaks(task_id, key, feedback.message), (task_id, wrong, feedback.message)


def test_every_active_task_is_registered_and_every_registered_task_is_listed():
    assert set(ACTIVE) <= set(TASKS)
    assert set(TASKS) - set(TABLE.index) == set()


def teardown_module():
    ARTIFACTS.mkdir(exist_ok=True)
    with open(ARTIFACTS / "task_variants.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["task_id", "variants_tried"])
        writer.writerows((task, TRIED[task]) for task in ACTIVE)
    print("\nVariants tried per task: " + ", ".join(f"{t} {TRIED[t]}" for t in ACTIVE))
    assert not math.isnan(sum(TRIED.values()))
