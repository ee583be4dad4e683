"""Self-check feedback for the exercise notebooks: the feedback, the task registry, check().

A task is registered once, with the name of the variable that holds the student's answer and
a checker. In a notebook the student writes the answer, then calls `check("3.2")`; the call
looks the variable up in the notebook, so a misspelled or missing name gets a kind message
instead of a NameError. Every outcome is a Feedback; nothing here raises at a student.

Checkers say what they checked and what they did not: written answers are never
machine-marked (the rubric in the solutions is the judge), and a check on the form of an
answer never claims that the content is right.
"""

import difflib
import inspect
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

CORRECT, INCORRECT, NOT_ANSWERED, NOT_MARKED, CANNOT_CHECK = (
    "correct", "incorrect", "not answered yet", "not machine-marked", "could not check"
)
SYMBOLS = {CORRECT: "✅", INCORRECT: "❌", NOT_ANSWERED: "⏳", NOT_MARKED: "📝", CANNOT_CHECK: "⚠️"}


@dataclass(frozen=True)
class Feedback:
    status: str
    message: str
    task: str = ""

    @property
    def passed(self) -> bool:
        return self.status == CORRECT

    def __str__(self) -> str:
        label = f"Task {self.task}: " if self.task else ""
        return f"{SYMBOLS[self.status]} {label}{self.status}. {self.message}"

    def __repr__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Task:
    task_id: str
    variable: str
    checker: Callable[[Any], Feedback]
    kind: str  # code, choice, number, classification, widget, written
    summary: str


TASKS: dict[str, Task] = {}


def register(task_id: str, variable: str, kind: str, summary: str):
    """Decorator: register `checker(answer) -> Feedback` as the check of task `task_id`."""

    def decorate(checker: Callable[[Any], Feedback]):
        TASKS[task_id] = Task(task_id, variable, checker, kind, summary)
        return checker

    return decorate


def is_blank(answer: Any) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str) and answer.strip() in {"", "..."}:
        return True
    return isinstance(answer, list | tuple | set | dict) and len(answer) == 0


def check(task_id: str, namespace: dict | None = None) -> Feedback:
    """Check the answer to task `task_id`, read from the calling notebook's variables."""
    task = TASKS.get(str(task_id))
    if task is None:
        known = ", ".join(sorted(TASKS, key=_task_order))
        return Feedback(CANNOT_CHECK, f"There is no task {task_id!r}. The tasks are: {known}.")
    if namespace is None:
        namespace = inspect.currentframe().f_back.f_globals
    if task.variable not in namespace:
        close = difflib.get_close_matches(task.variable, [n for n in namespace if not n.startswith("_")])
        hint = f" Did you mean {close[0]}?" if close else ""
        return Feedback(
            NOT_ANSWERED,
            f"I can't find a variable named {task.variable}. Write your answer as "
            f"{task.variable} = ... and run that cell first.{hint}",
            task.task_id,
        )
    answer = namespace[task.variable]
    if is_blank(answer):
        return Feedback(
            NOT_ANSWERED, f"Replace the ... in {task.variable} = ... with your answer.", task.task_id
        )
    try:
        feedback = task.checker(answer)
    except Exception as error:  # a check must never show a student a traceback
        return Feedback(
            CANNOT_CHECK,
            f"The answer in {task.variable} could not be checked ({type(error).__name__}). "
            "Look at its type and form, and ask your instructor if this persists.",
            task.task_id,
        )
    return Feedback(feedback.status, feedback.message, task.task_id)


def check_value(task_id: str, answer: Any) -> Feedback:
    """Check `answer` as the answer to task `task_id` (for tests and instructors)."""
    task = TASKS.get(str(task_id))
    return check(task_id, {task.variable: answer} if task else {})


def _task_order(task_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", task_id))


def tasks_for_lesson(lesson: int) -> list[Task]:
    return sorted((t for t in TASKS.values() if _task_order(t.task_id)[0] == lesson),
                  key=lambda t: _task_order(t.task_id))


# Reusable checkers -------------------------------------------------------------------------

def type_problem(answer: Any, expected: str) -> Feedback:
    shown = repr(answer)[:60]
    return Feedback(INCORRECT, f"This answer should be {expected}; yours is {type(answer).__name__} {shown}.")


def check_choice(answer: Any, options: list[str], correct: int, why: dict[int, str]) -> Feedback:
    """A multiple-choice answer given as the option's number (1, 2, ...)."""
    if isinstance(answer, bool) or not isinstance(answer, int):
        if isinstance(answer, str) and answer.strip().isdigit():
            return Feedback(INCORRECT, f"Write the number without quotes: {answer.strip()}, not {answer!r}.")
        return type_problem(answer, f"a whole number from 1 to {len(options)}")
    if not 1 <= answer <= len(options):
        return Feedback(INCORRECT, f"Choose a number from 1 to {len(options)}; {answer} is not an option.")
    if answer == correct:
        return Feedback(CORRECT, why.get(answer, f"Option {answer}: {options[answer - 1]}."))
    fallback = f"Option {answer} ({options[answer - 1]}) is not the best answer."
    return Feedback(INCORRECT, why.get(answer, fallback))


def check_label(answer: Any, allowed: Iterable[str], correct: str, why: dict[str, str]) -> Feedback:
    """A classification answer given as one of a fixed set of labels (e.g. 'at_least')."""
    allowed = list(allowed)
    if not isinstance(answer, str):
        return type_problem(answer, f"one of the labels {allowed} in quotes")
    label = answer.strip().lower().replace(" ", "_").replace("-", "_")
    if label not in allowed:
        close = difflib.get_close_matches(label, allowed, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        return Feedback(INCORRECT, f"{answer!r} is not one of the labels {allowed}.{hint}")
    if label == correct:
        return Feedback(CORRECT, why.get(label, f"Yes: {correct}."))
    return Feedback(INCORRECT, why.get(label, f"Not {label}: look again at the exact words of the quote."))


def check_number(
    answer: Any,
    expected: float,
    tolerance: float,
    what: str,
    near_misses: Iterable[tuple[float, str]] = (),
) -> Feedback:
    """A number within `tolerance` of `expected`; `near_misses` are (value, explanation) pairs
    for wrong answers worth naming (a fraction given for a percentage, an upper bound ...)."""
    if isinstance(answer, bool):
        return type_problem(answer, f"a number for {what}, not True or False")
    if not isinstance(answer, int | float):
        if isinstance(answer, str):
            return type_problem(answer, f"a number (without quotes) for {what}")
        try:
            answer = float(answer)  # numpy and pandas scalars
        except (TypeError, ValueError):
            return type_problem(answer, f"a number for {what}")
    if not math.isfinite(answer):
        return Feedback(INCORRECT, f"{answer} is not a finite number.")
    if abs(answer - expected) <= tolerance:
        return Feedback(CORRECT, f"{what.capitalize()} is {_fmt(expected)} (within {_fmt(tolerance)}).")
    for value, explanation in near_misses:
        if abs(answer - value) <= max(tolerance, abs(value) * 1e-6):
            return Feedback(INCORRECT, explanation)
    direction = "too high" if answer > expected else "too low"
    return Feedback(INCORRECT, f"{_fmt(answer)} is {direction} for {what}.")


def check_collection(
    answer: Any, expected: Iterable, what: str, describe: Callable[[Any], str] = repr
) -> Feedback:
    """A set of items (paragraph numbers, ids, names), in any order and any collection type."""
    if isinstance(answer, str) or not isinstance(answer, Iterable):
        return type_problem(answer, f"a list of {what}")
    try:
        given = set(answer)
    except TypeError:
        return type_problem(answer, f"a list of {what} (numbers or text, not nested lists)")
    expected = set(expected)
    missing, extra = sorted(expected - given, key=str), sorted(given - expected, key=str)
    if not missing and not extra:
        return Feedback(CORRECT, f"All {len(expected)} {what} found, and nothing else.")
    parts = []
    if missing:
        parts.append(f"missing {len(missing)}: {', '.join(describe(m) for m in missing[:6])}")
    if extra:
        parts.append(f"not expected: {', '.join(describe(e) for e in extra[:6])}")
    return Feedback(INCORRECT, f"Close to the {len(expected)} {what}, but " + "; ".join(parts) + ".")


def check_counts(answer: Any, expected: dict, what: str) -> Feedback:
    """A mapping such as {"Azerbaijan": 21, "Baku": 16}: names each missing or miscounted key."""
    if not isinstance(answer, dict):
        if hasattr(answer, "to_dict"):
            answer = answer.to_dict()
        else:
            return type_problem(answer, f"a dictionary of {what}")
    problems = []
    for key, value in expected.items():
        if key not in answer:
            problems.append(f"you did not count {key!r}")
        elif answer[key] != value:
            problems.append(f"{key!r}: you have {answer[key]!r}, the text gives {value}")
    extra = [k for k in answer if k not in expected]
    if extra:
        problems.append(f"{', '.join(map(repr, extra))} not expected here")
    if not problems:
        return Feedback(CORRECT, f"All {len(expected)} {what} are right.")
    return Feedback(INCORRECT, "; ".join(problems) + ".")


QUOTATION = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"")


def check_written(answer: Any, article_text: str, rubric_location: str, min_words: int = 30) -> Feedback:
    """Written answers are not machine-marked. This checks only what can be checked honestly:
    that there is an answer of some length, and that every quotation in it is exact.
    `rubric_location` says where instructors find the rubric ("solutions/..., task 3.7")."""
    if not isinstance(answer, str):
        return type_problem(answer, "text in quotes (a string)")
    words = len(answer.split())
    if words == 0 or answer.strip() == "...":
        return Feedback(NOT_ANSWERED, "Write your answer between the quotes, then run this cell again.")
    quotes = [a or b for a, b in QUOTATION.findall(answer)]
    # Line wraps and non-breaking spaces are not part of the words: compare with spaces collapsed.
    article_words = " ".join(article_text.split())
    inexact = [q for q in quotes
               if not any(" ".join(v.split()) in article_words for v in (q, q.replace("'", "’")))]
    notes = [f"{words} words"]
    if words < min_words:
        notes.append(f"aim for at least {min_words}")
    if quotes and not inexact:
        notes.append(f"all {len(quotes)} quotation(s) are exact")
    if inexact:
        shown = "; ".join(f"“{q[:50]}”" for q in inexact[:3])
        notes.append(f"not found word for word in the article: {shown}")
    return Feedback(
        NOT_MARKED,
        "A computer cannot judge a written answer: I only checked its length and quotations ("
        + ", ".join(notes) + "). Your instructor marks it with a rubric that rewards exact "
        f"quotation, clear attribution and use of evidence (instructors' copy: {rubric_location}).",
    )


def _fmt(value: float) -> str:
    return f"{value:,.4g}" if abs(value) < 1e6 else f"{value:,.0f}"
