"""Self-check feedback for the exercise notebooks: the feedback, the task registry, check().

A task is defined by its row of data/tasks.csv (tasks.py: its variable, kind, title, points,
precision, hints and rubric criteria); a lesson module registers only its check function, with
`@task("3.2")` (and, optionally, a function that computes its key). In a notebook the
student writes the answer, then calls `check("3.2")`; the call looks the variable up in the
notebook, so a misspelled or missing name gets a kind message instead of a NameError. A written
answer is read from its markdown answer cell in the saved notebook (see answers.py). Every
outcome is a Feedback; nothing here raises at a student.

Answers are taken in any form that means the same: numpy and pandas scalars, a one-row
Series, a list, tuple, set, Index or Series where order does not matter, numbers as text where
ids are numbers, ids in any case and with stray spaces. Wrong answers get specific feedback that
never gives the key; a first wrong answer adds a hint at the method, a repeated one a more
specific hint (both from data/tasks.csv).
"""

import dataclasses
import difflib
import html
import inspect
import math
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pandas.api.extensions import ExtensionArray

from ..evidence.quotations import MAX_CHECKED, article_paragraphs, check_quotations, pack_sources
from ..paths import PROJECT_ROOT
from .answers import ENVIRONMENT_VARIABLE, AnswerNotFound, read_answer
from .tasks import Status, TaskSpec, task_order, task_spec

CORRECT, INCORRECT, NOT_ANSWERED, NOT_MARKED, CANNOT_CHECK = (
    Status.CORRECT, Status.INCORRECT, Status.NOT_ANSWERED, Status.NOT_MARKED, Status.CANNOT_CHECK
)
# Marks from the common text fonts (no emoji font needed); the status word follows each.
SYMBOLS = {CORRECT: "✓", INCORRECT: "✗", NOT_ANSWERED: "…", NOT_MARKED: "✎", CANNOT_CHECK: "!",
           Status.SELF_ASSESSED: "✎"}


def text_as_html(text: str) -> str:
    """Feedback as HTML that wraps between words: JupyterLab shows plain-text outputs in a block
    that breaks lines inside words (word-break: break-all)."""
    return ('<div class="rp-feedback" style="white-space: pre-wrap; word-break: normal; '
            f'overflow-wrap: break-word">{html.escape(text, quote=False)}</div>')


@dataclass(frozen=True)
class Feedback:
    """The outcome of a check: a Status, the message for the student, the task, and a short
    `reason` code naming which kind of answer it was (for example "wrong_type", "too_high",
    "not_from_article"; empty where the message alone says it), for tests and tools."""

    status: Status
    message: str
    task: str = ""
    reason: str = ""

    @property
    def passed(self) -> bool:
        return self.status == CORRECT

    def __str__(self) -> str:
        label = f"Task {self.task}: " if self.task else ""
        return f"{SYMBOLS[self.status]} {label}{self.status}. {self.message}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        return text_as_html(str(self))


@dataclass(frozen=True)
class Task:
    """A registered check: the task's id, its check function and, optionally, a function that
    computes its key. What the task is (variable, kind, title, ...) is its TaskSpec, read from
    data/tasks.csv."""

    task_id: str
    checker: Callable[[Any], Feedback]
    key: Callable[[], Any] | None = None
    given_spec: TaskSpec | None = None  # only for a task outside data/tasks.csv (the tests' demo tasks)

    @property
    def spec(self) -> TaskSpec:
        spec = self.given_spec or task_spec(self.task_id)
        if spec is None:
            raise KeyError(f"task {self.task_id} has a check but no row in data/tasks.csv")
        return spec

    @property
    def variable(self) -> str:
        return self.spec.variable

    @property
    def kind(self) -> str:
        return self.spec.kind

    @property
    def title(self) -> str:
        return self.spec.title


TASKS: dict[str, Task] = {}
_wrong_attempts: Counter = Counter()


def task(task_id: str, key: Callable[[], Any] | None = None, spec: TaskSpec | None = None):
    """Decorator: register `checker(answer) -> Feedback` as the check of task `task_id`, whose
    row of data/tasks.csv says everything else; `key()` computes a correct answer (for the
    tests). `spec` stands in for the row of a task that is not in data/tasks.csv (tests only)."""

    def decorate(checker: Callable[[Any], Feedback]):
        TASKS[task_id] = Task(task_id, checker, key, spec)
        return checker

    return decorate


def _spec(task_id: str) -> TaskSpec | None:
    registered = TASKS.get(task_id)
    if registered is not None and registered.given_spec is not None:
        return registered.given_spec
    return task_spec(task_id)


def decimals(task_id: str) -> int | None:
    spec = _spec(task_id)
    return None if spec is None else spec.decimals


def word_range(task_id: str) -> tuple[int, int]:
    spec = _spec(task_id)
    return spec.min_words, spec.max_words


def is_blank(answer: Any) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str) and answer.strip() in {"", "..."}:
        return True
    return isinstance(answer, list | tuple | set | dict) and len(answer) == 0


def _normal_id(task_id: Any) -> str:
    text = str(task_id).strip()
    return text[:-2] if re.fullmatch(r"\d+\.\d+\.0", text) else text


def check(task_id: Any = None, namespace: dict | None = None) -> Feedback:
    """Check the answer to task `task_id`, read from the calling notebook's variables (or, for a
    written task, from its answer cell in the saved notebook). With no task id, check the task
    whose answer the cell just run assigns."""
    if namespace is None:
        namespace = inspect.currentframe().f_back.f_globals
    if task_id is None:
        task_id = _task_of_last_cell(namespace)
        if task_id is None:
            return Feedback(NOT_ANSWERED, "Give the task's number, for example check(\"2.1\"), or "
                                          "run check() in the cell that holds your answer.",
                                          reason="no_task_id")
    return _with_hint(check_task(task_id, namespace))


def check_task(task_id: Any, namespace: dict) -> Feedback:
    """The check of one task against a namespace, without hints."""
    task_id = _normal_id(task_id)
    task = TASKS.get(task_id)
    spec = _spec(task_id)
    if spec is not None and not spec.active:
        return Feedback(NOT_MARKED, f"Task {task_id} is no longer part of the exercises. {spec.note}",
                        task_id, "retired")
    if task is None or spec is None:
        return _unknown_task(task_id)
    if task.kind == "written":
        feedback = _check_written_task(task, namespace)
    else:
        feedback = _check_variable(task, namespace)
    return dataclasses.replace(feedback, task=task.task_id)


def _unknown_task(task_id: str) -> Feedback:
    """A task id that has no check, or no row in the data folder's tasks.csv."""
    known = ", ".join(t for t in sorted(TASKS, key=_task_order) if _spec(t) is not None)
    return Feedback(NOT_ANSWERED, f"There is no task {task_id!r}. The tasks are: {known}.",
                    reason="unknown_task")


def _check_variable(task: Task, namespace: dict) -> Feedback:
    if task.variable not in namespace:
        close = difflib.get_close_matches(task.variable, [n for n in namespace if not n.startswith("_")])
        hint = f" Did you mean {close[0]}?" if close else ""
        return Feedback(NOT_ANSWERED, f"I can't find a variable named {task.variable}. Write your answer "
                                      f"as {task.variable} = ... and run that cell first.{hint}",
                        reason="no_variable")
    answer = namespace[task.variable]
    if is_blank(answer):
        return Feedback(NOT_ANSWERED, f"Replace the ... in {task.variable} = ... with your answer.",
                        reason="blank")
    return _run_checker(task, answer)


def _run_checker(task: Task, answer: Any) -> Feedback:
    form = task.spec.answer_form
    try:
        feedback = task.checker(normalise(answer, form))
        if feedback.status == INCORRECT and form == "items" and isinstance(answer, pd.Series):
            feedback = dataclasses.replace(feedback, message=feedback.message + " (I read the values of your "
                                           "Series; if your answer sits in its index, give .index.tolist() "
                                           "instead.)")
        return feedback
    except Exception as error:  # a check must never show a student a traceback
        return Feedback(CANNOT_CHECK, f"The answer in {task.variable} could not be checked "
                                      f"({type(error).__name__}). Look at its type and form, and ask "
                                      "your instructor if this persists.", reason="check_failed")


def _check_written_task(task: Task, namespace: dict) -> Feedback:
    try:
        saved = read_answer(task.task_id, namespace)
    except AnswerNotFound as problem:
        if not is_blank(namespace.get(task.variable)):  # a workbook from before answer cells
            return _run_checker(task, namespace[task.variable])
        return Feedback(NOT_ANSWERED, str(problem), reason="no_answer_cell")
    if saved.text is None:
        return Feedback(NOT_ANSWERED, "Write your answer in the answer cell under the task (double-click "
                                      "it), save the notebook (Ctrl+S), then run this cell again. "
                                      + saved.where(), reason="blank")
    feedback = _run_checker(task, saved.text)
    return dataclasses.replace(feedback, message=feedback.message + "\n" + saved.where())


def _with_hint(feedback: Feedback) -> Feedback:
    if feedback.status != INCORRECT:
        return feedback
    _wrong_attempts[feedback.task] += 1
    spec = _spec(feedback.task)
    if spec is None:
        return feedback
    hint = spec.hint_method if _wrong_attempts[feedback.task] == 1 else spec.hint_specific
    if not hint:
        return feedback
    return dataclasses.replace(feedback, message=f"{feedback.message}\nHint: {hint}")


def _task_of_last_cell(namespace: dict) -> str | None:
    """The task whose variable the last cell run assigns (In[-1] of IPython)."""
    inputs = namespace.get("_ih") or namespace.get("In") or []
    source = inputs[-1] if inputs else ""
    assigned = [t.task_id for t in defined_tasks()
                if re.search(rf"^\s*{re.escape(t.variable)}\s*=", source, re.M)]
    return assigned[0] if len(assigned) == 1 else None


def check_value(task_id: str, answer: Any) -> Feedback:
    """Check `answer` as the answer to task `task_id` (for tests and the marker), without hints
    and, for a written task, without reading a notebook."""
    task = TASKS.get(str(task_id))
    if task is None or _spec(task.task_id) is None:
        return check(task_id, {})
    if is_blank(answer):
        blank = ("Write your answer in the answer cell under the task, then save." if task.kind == "written"
                 else f"Replace the ... in {task.variable} = ... with your answer.")
        return Feedback(NOT_ANSWERED, blank, task.task_id, "blank")
    feedback = _run_checker(task, answer)
    return dataclasses.replace(feedback, task=task.task_id)


_task_order = task_order


def defined_tasks() -> list[Task]:
    """The registered checks whose task has a row in the data folder's tasks.csv."""
    return [t for t in TASKS.values() if _spec(t.task_id) is not None]


def tasks_for_lesson(lesson: int) -> list[Task]:
    return sorted((t for t in TASKS.values() if _task_order(t.task_id)[0] == lesson),
                  key=lambda t: _task_order(t.task_id))


# Answers in the forms a student may give -------------------------------------------------------

# What .values, .array and .unique() return: numpy arrays, and pandas' own arrays for its nullable
# and categorical columns (IntegerArray, BooleanArray, StringArray, ArrowStringArray, Categorical).
ARRAYS = (pd.Series, pd.Index, np.ndarray, ExtensionArray)
# Quotation marks a student may type (or copy from the prompt) around a word: “consistent”.
QUOTE_PAIRS = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "„": "“", "”": "”"}


def unquote(text: str) -> str:
    """`text` without the spaces and one pair of quotation marks around it."""
    text = text.strip()
    if len(text) >= 2 and QUOTE_PAIRS.get(text[0]) == text[-1]:
        return text[1:-1].strip()
    return text


def plain(answer: Any) -> Any:
    """numpy scalars as Python values; a one-element Series, Index or array as its value."""
    if isinstance(answer, np.generic):
        return answer.item()
    if isinstance(answer, ARRAYS) and answer.size == 1 and answer.ndim == 1:
        return plain(answer.tolist()[0])
    if isinstance(answer, pd.DataFrame) and answer.shape == (1, 1):
        return plain(answer.iloc[0, 0])
    return answer


def _item(item: Any) -> Any:
    item = plain(item)
    if isinstance(item, str):
        item = item.strip()
        if re.fullmatch(r"-?\d+", item):
            return int(item)
    if isinstance(item, float) and item.is_integer():
        return int(item)
    return item


def normalise(answer: Any, form: str) -> Any:
    """The answer in the plain form the task's checker expects (data/tasks.csv answer_form):
    numpy and pandas scalars as Python values, a one-row Series as its value, a collection as a
    list of plain items (numbers given as text become numbers), a Series as a dict for a mapping."""
    if form in {"count", "number", "choice", "label", "id", "quote"}:
        answer = plain(answer)
        if isinstance(answer, str) and form in {"choice", "label", "id"}:
            return unquote(answer)
        return answer.strip() if isinstance(answer, str) and form != "count" else answer
    if form == "items":
        if isinstance(answer, ExtensionArray):
            answer = answer.tolist()
        if isinstance(answer, (*ARRAYS, tuple, set, frozenset)):
            items = as_items(answer)
            return answer if items is None else [_item(i) for i in items]
        if isinstance(answer, list):
            return [_item(i) if not isinstance(i, list | dict | set) else i for i in answer]
        return plain(answer)
    if form == "mapping" and isinstance(answer, pd.Series):
        return {k: plain(v) for k, v in answer.to_dict().items()}
    if form == "mapping" and isinstance(answer, dict):
        return {(k.strip() if isinstance(k, str) else k): plain(v) for k, v in answer.items()}
    return answer


def align_keys(answer: dict, keys: Iterable) -> dict:
    """The answer's keys spelt as the task spells them, where they differ only in case or spaces."""
    canonical = {str(k).strip().casefold(): k for k in keys}
    return {canonical.get(str(k).strip().casefold(), k): v for k, v in answer.items()}


def as_number(answer: Any) -> float | None:
    """The answer as a number, or None if it is not one (True/False, text and tables are not)."""
    answer = plain(answer)
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return None
    return float(answer)


def as_items(answer: Any, numbers: bool = False, ids: bool = False) -> list | None:
    """The items of a collection answer (list, tuple, set, Index, Series values, array), or None.
    With `numbers`, items written as text ("4") become numbers; with `ids`, ids are stripped and
    upper-cased."""
    if isinstance(answer, pd.DataFrame | str | bytes | dict):
        return None
    if isinstance(answer, ARRAYS):
        answer = answer.tolist()
    if not isinstance(answer, list | tuple | set | frozenset | type({}.keys())):
        return None
    items = []
    for item in answer:
        item = plain(item)
        if isinstance(item, list | tuple | set | dict):
            return None
        if numbers and isinstance(item, str) and item.strip().lstrip("-").isdigit():
            item = int(item.strip())
        if numbers and isinstance(item, float) and item.is_integer():
            item = int(item)
        if ids and isinstance(item, str):
            item = item.strip().upper()
        items.append(item)
    return items


def as_id(answer: Any) -> str | None:
    answer = plain(answer)
    return answer.strip().upper() if isinstance(answer, str) else None


# Reusable checkers -------------------------------------------------------------------------

def type_problem(answer: Any, expected: str) -> Feedback:
    shown = repr(answer)[:60]
    return Feedback(INCORRECT, f"This answer should be {expected}; yours is {type(answer).__name__} {shown}.",
                    reason="wrong_type")


def table_hint(answer: Any, what: str) -> Feedback | None:
    """A pandas table or series given where a number, a label or a list was asked for."""
    if isinstance(answer, pd.Series) and pd.api.types.is_bool_dtype(answer):
        return Feedback(INCORRECT, f"This is a True/False column of {len(answer)} rows, not {what}. "
                                   ".sum() counts its True values; to list the rows where it is True, "
                                   "use it to select them first.", reason="table_given")
    if isinstance(answer, pd.DataFrame | pd.Series):
        kind = "table" if isinstance(answer, pd.DataFrame) else "series"
        return Feedback(INCORRECT, f"This is a pandas {kind} of {len(answer)} rows, not {what}. Take the "
                                   "answer out of it: for example .index or .tolist() for a list, "
                                   ".item() for a single value, or .sum() to count the True values "
                                   "of a True/False column.", reason="table_given")
    return None


def check_choice(answer: Any, options: list[str], correct: int, why: dict[int, str]) -> Feedback:
    """A multiple-choice answer given as the option's number (1, 2, ...)."""
    answer = plain(answer)
    if isinstance(answer, str) and answer.strip().isdigit():
        answer = int(answer.strip())
    if isinstance(answer, float) and answer.is_integer():
        answer = int(answer)
    if isinstance(answer, bool) or not isinstance(answer, int):
        return type_problem(answer, f"a whole number from 1 to {len(options)}")
    if not 1 <= answer <= len(options):
        return Feedback(INCORRECT, f"Choose a number from 1 to {len(options)}; {answer} is not an option.",
                        reason="not_an_option")
    if answer == correct:
        return Feedback(CORRECT, why.get(answer, f"Option {answer}: {options[answer - 1]}."))
    fallback = f"Option {answer} ({options[answer - 1]}) is not the best answer."
    return Feedback(INCORRECT, why.get(answer, fallback), reason="wrong_option")


def normal_label(label: str) -> str:
    return label.strip().lower().replace(" ", "_").replace("-", "_")


def check_label(answer: Any, allowed: Iterable[str], correct: str, why: dict[str, str]) -> Feedback:
    """A classification answer given as one of a fixed set of labels (e.g. 'at_least')."""
    allowed = list(allowed)
    answer = plain(answer)
    if not isinstance(answer, str):
        return type_problem(answer, f"one of the labels {allowed} in quotes")
    label = normal_label(unquote(answer))
    if label not in allowed:
        close = difflib.get_close_matches(label, allowed, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        return Feedback(INCORRECT, f"{answer!r} is not one of the labels {allowed}.{hint}",
                        reason="unknown_label")
    if label == correct:
        return Feedback(CORRECT, why.get(label, f"Yes: {correct}."))
    return Feedback(INCORRECT, why.get(label, f"Not {label}: look again at the exact words of the quote."),
                    reason="wrong_label")


def precision_words(places: int | None) -> str:
    if not places:
        return "a whole number"
    return f"a number to {places} decimal place{'s' if places > 1 else ''}"


def check_number(
    answer: Any,
    expected: float,
    places: int | None,
    what: str,
    near_misses: Iterable[tuple[float, str]] = (),
) -> Feedback:
    """A number at the precision the prompt asks for: `places` decimals (any answer that rounds
    to the key rounded to `places` decimals, or the key at a finer precision, is right), or
    None/0 for a whole number, which must be exact. `near_misses` are (value, explanation) pairs
    for wrong answers worth naming (a fraction given for a percentage, an upper bound ...)."""
    hint = table_hint(answer, f"a number for {what}") if not _single(answer) else None
    if hint:
        return hint
    value = as_number(answer)
    if value is None:
        plain_answer = plain(answer)
        if isinstance(plain_answer, bool):
            return type_problem(answer, f"a number for {what}, not True or False")
        if isinstance(plain_answer, str):
            return type_problem(answer, f"a number (without quotes) for {what}")
        return type_problem(answer, f"a number for {what}")
    if not math.isfinite(value):
        return Feedback(INCORRECT, f"{value} is not a finite number.", reason="not_finite")
    tolerance = 0.5 * 10 ** -places + 1e-9 if places else 1e-9
    # Centred on the key as the prompt asks for it: 0.7229 asked to 1 decimal is 0.7, so 0.65 to
    # 0.75 are right and 0.77 is not.
    centre = round(expected, places) if places else expected
    if abs(value - centre) <= tolerance or abs(value - expected) <= 1e-9 * max(1.0, abs(expected)):
        return Feedback(CORRECT, f"{what.capitalize()} is {_fmt(expected, places)}.")
    for near, explanation in near_misses:  # within 2% of a near miss, never the key's whole band
        if abs(value - near) <= max(min(tolerance, abs(near) * 0.02), abs(near) * 1e-6):
            return Feedback(INCORRECT, explanation, reason="near_miss")
    if not places and not value.is_integer():
        return Feedback(INCORRECT, f"{_fmt(value)} is not a whole number; {what} is a count.",
                        reason="not_whole")
    direction = "too high" if value > expected else "too low"
    shown = _fmt(value, 0) if not places else f"{value:,.{places + 3}f}".rstrip("0").rstrip(".")
    return Feedback(INCORRECT, f"{shown} is {direction} for {what}.", reason=direction.replace(" ", "_"))


def _single(answer: Any) -> bool:
    return isinstance(answer, pd.Series | pd.DataFrame) and answer.size == 1


def check_collection(answer: Any, expected: Iterable, what: str, describe: Callable[[Any], str] = repr,
                     numbers: bool = False, ids: bool = False) -> Feedback:
    """A set of items (paragraph numbers, ids, names), in any order and any collection type. Wrong
    items are named; missing ones are only counted, so the feedback never gives the key."""
    items = as_items(answer, numbers=numbers, ids=ids)
    if items is None:
        hint = table_hint(answer, f"a list of {what}")
        return hint or type_problem(answer, f"a list of {what} (for example [4, 7])")
    fold = {_fold(e): e for e in expected}
    shown = {_fold(i): i for i in items}
    given = set(shown)
    expected = set(fold)
    missing, extra = expected - given, sorted(given - expected, key=str)
    if not missing and not extra:
        return Feedback(CORRECT, f"All {len(expected)} {what} found, and nothing else.")
    parts = []
    if extra:
        parts.append(f"not among them: {', '.join(describe(shown[e]) for e in extra[:6])}")
    if missing:
        parts.append(f"{len(missing)} {'is' if len(missing) == 1 else 'are'} missing")
    nearly = "Nearly: " if len(missing) + len(extra) == 1 and len(expected) > 2 else ""
    right = len(given & expected)
    verb = "is" if right == 1 else "are"
    reason = "extra_and_missing" if extra and missing else "extra_items" if extra else "missing_items"
    return Feedback(INCORRECT, f"{nearly}Of the {len(given)} you gave, {right} {verb} among the {what}; "
                    + "; ".join(parts) + ".", reason=reason)


def _fold(item: Any) -> Any:
    return item.strip().casefold() if isinstance(item, str) else item


def check_counts(answer: Any, expected: dict, what: str) -> Feedback:
    """A mapping such as {"Azerbaijan": 21, "Baku": 16}: names each missing or miscounted key,
    and whether its count is too high or too low, never the expected count."""
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, dict):
        return type_problem(answer, f"a dictionary of {what}")
    given = {str(k).strip().casefold(): plain(v) for k, v in answer.items()}
    problems, right = [], 0
    for key, value in expected.items():
        mine = given.get(str(key).casefold())
        if mine is None:
            problems.append(f"you did not count {key!r}")
        elif as_number(mine) is None:
            problems.append(f"{key!r}: write the count as a number, not {mine!r}")
        elif as_number(mine) != value:
            problems.append(f"{key!r}: your count is too {'high' if as_number(mine) > value else 'low'}")
        else:
            right += 1
    known = {str(k).casefold() for k in expected}
    extra = [k for k in answer if str(k).strip().casefold() not in known]
    if extra:
        problems.append(f"{', '.join(map(repr, extra))} not expected here")
    if not problems:
        return Feedback(CORRECT, f"All {len(expected)} {what} are right.")
    return Feedback(INCORRECT, f"{right} of {len(expected)} right; " + "; ".join(problems) + ".",
                    reason="wrong_counts")


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def check_written(answer: Any, article_text: str, task_id: str) -> Feedback:
    """Written answers are not machine-marked. This checks only what can be checked honestly:
    the answer's length against the prompt's, and every quotation against the article."""
    answer = plain(answer)
    if not isinstance(answer, str):
        return type_problem(answer, "text (write it in the answer cell under the task)")
    words = len(answer.split())
    if words == 0 or answer.strip() == "...":
        return Feedback(NOT_ANSWERED, "Write your answer in the answer cell under the task, then save.",
                        reason="blank")
    low, high = word_range(task_id)
    if words < low:
        length = f"{plural(words, 'word')}: the task asks for {low} to {high}."
    elif words > high:
        length = f"{plural(words, 'word')}: the task asks for {low} to {high}; cut it down."
    else:
        length = f"{plural(words, 'word')}, within the {low} to {high} the task asks for."
    found = check_quotations(answer, article_text, article_paragraphs(), pack_sources())
    evidence = [q for q in found if not q.short]
    exact = [q for q in evidence if q.found]
    lines = [f"Length: {length}"]
    if not found:
        lines.append("No quotation: the task asks you to quote the article word for word, in quotation "
                     "marks (“...”, \"...\", '...' or « »).")
    elif not evidence:
        lines.append("Only short quotations (under three words): they name a term, but do not count as "
                     "quoted evidence. Quote at least one phrase of three words or more.")
    if exact:
        lines.append(f"Exact: {plural(len(exact), 'quotation')} found word for word in the article.")
    lines += [quotation_line(q) for q in found if not q.found]
    if len(found) == MAX_CHECKED:
        lines.append(f"I checked the first {MAX_CHECKED} quotations only.")
    short = [q for q in found if q.short and q.found]
    if short and evidence:
        lines.append(f"Also {plural(len(short), 'short quotation')} of a word or two (a term, not evidence).")
    exemplars = exemplar_file(task_id)
    if exemplars is None:
        lines.append("A computer cannot judge a written answer: your instructor marks it on the rubric "
                     "under the task (0 to 3 for quotation, attribution, evidence and the task itself), "
                     "never for agreeing or disagreeing with the author.")
    else:
        lines.append("A computer cannot judge a written answer: it is marked on the rubric under the task, "
                     "never for agreeing or disagreeing with the author. Working on your own: compare "
                     "yours with the rubric "
                     f"and the three marked exemplars of task {task_id} in {exemplars}, then record your "
                     "marks (0 to 3 each): from readingpack.exercises import self_assess, then "
                     f"self_assess(\"{task_id}\", "
                     "{\"quotation\": ..., \"attribution\": ..., \"evidence\": ..., \"task\": ...}).")
    return Feedback(NOT_MARKED, "\n".join(lines), reason=_written_reason(found, evidence, low, high, words))


def _written_reason(found: list, evidence: list, low: int, high: int, words: int) -> str:
    """The first thing a written answer's check found to fix, as a code."""
    if any(not q.found and not q.origin for q in found):
        return "quote_not_found"
    if any(not q.found and q.origin for q in found):
        return "not_from_article"
    if not found:
        return "no_quotation"
    if not evidence:
        return "short_quotations_only"
    if not low <= words <= high:
        return "too_short" if words < low else "too_long"
    return ""


def exemplar_file(task_id: str) -> str | None:
    """The exemplars of a written task, where the edition ships them (the self-study edition and
    the checkout; the class edition leaves them out), as a path from the pack's folder;
    None in the class edition and for the batch marker."""
    if os.environ.get(ENVIRONMENT_VARIABLE):
        return None
    path = Path("docs", "exemplars", f"lesson{int(task_id.split('.')[0]):02d}.md")
    return path.as_posix() if (PROJECT_ROOT / path).is_file() else None


def quotation_line(quotation) -> str:
    """One line of the written check for a quotation that is not word for word in the article."""
    text = quotation.text if len(quotation.text) <= 90 else quotation.text[:87] + "..."
    if quotation.origin:
        return (f"From {quotation.origin}, not from the article: “{text}” (word for word there; say "
                "where it comes from when you quote it).")
    if quotation.nearest:
        nearest = quotation.nearest if len(quotation.nearest) <= 160 else quotation.nearest[:157] + "..."
        return (f"NOT FOUND word for word: “{text}”. The nearest passage, in paragraph "
                f"{quotation.paragraph}, reads “{nearest}”; what differs: "
                + "; ".join(quotation.differences or ("the spelling of a word or its spacing",)) + ".")
    return (f"NOT FOUND in the article: “{text}”; no passage of the article is close to it. Copy "
            "the words from the article, or leave out the quotation marks if you are putting the "
            "author's point in your own words (a cut inside a quotation is marked with ...).")


def _fmt(value: float, places: int | None = None) -> str:
    if abs(value) >= 1e6:
        return f"{value:,.0f}"
    if places is None:
        return f"{value:,.4g}"
    return f"{value:,.{places}f}"
