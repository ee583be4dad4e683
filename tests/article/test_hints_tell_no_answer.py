"""Hints that teach without telling: no wrong-answer message and no hint (data/tasks.csv,
hint_method and hint_specific) holds the task's key, a part of it, or an elimination of
multiple-choice options.

Every key is computed from the solution notebooks (solution_keys.py); the wrong answers are
those of the property test (test_task_properties.py) and, for a multiple-choice task, every
other option. What counts as telling, by the answer's form:
- choice: the number of an option ("option 2", "options 1 and 4"), an instruction to drop
  options, or five words in a row of an option other than the one the student chose;
- count, number: the key (a count of 10 or more), or the key's first three significant digits
  in any scale (0.00723 for 0.723);
- items: a list in square brackets holding an item of the key the student did not give, or two
  or more such ids;
- label, id, quote: the key, or a word of six letters or more of the key that is neither in
  the task's title nor in the student's answer.
"""

import re

import pandas as pd
import pytest
from solution_keys import key_of
from test_choice_balance import choices
from test_task_properties import ACTIVE, form, wrong_variants

from readingpack.exercises import INCORRECT, TASKS, check_value
from readingpack.exercises.tasks import task_frame

TABLE = task_frame()
CHOICES = choices()
CHECKED = [t for t in ACTIVE if form(t) in {"choice", "count", "number", "items", "label", "id", "quote"}]


def hints(task_id: str) -> list[str]:
    return [str(TABLE.loc[task_id, c]) for c in ("hint_method", "hint_specific")
            if not pd.isna(TABLE.loc[task_id, c])]


def wrong_messages(task_id: str, key) -> list[tuple[object, str]]:
    answers = wrong_variants(task_id, key)
    if task_id == "1.5":
        answers.append(len(key))  # the count of paragraphs given for their numbers
    found = []
    for answer in answers:
        if isinstance(answer, list) and not answer:
            continue
        feedback = check_value(task_id, answer)
        if feedback.status == INCORRECT:
            found.append((answer, feedback.message))
    return found


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _runs(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def tells(task_id: str, key, message: str, answer=None) -> str | None:
    """What `message` gives away of the key (None if nothing)."""
    kind = form(task_id)
    if kind == "choice":
        options, _ = CHOICES.get(task_id, ([], None))  # 6.4's options come from its widget
        numbered = re.search(r"\boptions? \d", message, re.I)
        if numbered:
            return f"names an option by number: {numbered.group()!r}"
        dropping = re.search(r"\b(drop|rule out|eliminate|cross out|leave out)\b[^.]{0,20}\boptions\b",
                             message, re.I)
        if dropping:
            return f"eliminates options: {dropping.group()!r}"
        for number, option in enumerate(options, start=1):
            if number != answer and _runs(option) & _runs(message):
                return f"quotes option {number}: {sorted(_runs(option) & _runs(message))[0]}"
        return None
    if kind in {"count", "number"}:
        if kind == "count" and key >= 10 and re.search(rf"(?<![\d.,]){key}(?![\d]|\.\d)", message):
            return f"gives the count {key}"
        digits = re.sub(r"\D", "", f"{key:.3g}").lstrip("0")
        for number in re.findall(r"\d[\d.,]*", message):
            if kind == "number" and len(digits) >= 2 and digits in re.sub(r"\D", "", number).lstrip("0"):
                return f"gives the key's digits in {number}"
        return None
    if kind == "items":
        given = set(answer) if isinstance(answer, list) else set()
        for listed in re.findall(r"\[([^\]]*)\]", message):
            shown = {int(x) if x.isdigit() else x for x in re.findall(r"\w+", listed)}
            if (shown & set(key)) - given:
                return f"lists key items in [{listed}]"
        ids = [k for k in key if isinstance(k, str) and k not in given
               and re.search(rf"(?<!\w){re.escape(k)}(?!\w)", message)]
        return f"names key items {ids}" if len(ids) >= 2 else None
    inner = key.strip("“”\"'‘’ ")
    if re.search(r"labels \[|are: |one of the", message):  # the allowed values, listed
        return None
    if re.search(rf"(?<!\w){re.escape(inner)}(?!\w)", message, re.I):
        return f"gives the key {inner!r}"
    known = set(_words(str(TABLE.loc[task_id, "title"]))) | set(_words(str(answer or "")))
    for word in _words(inner):
        if len(word) >= 6 and word not in known and word in _words(message):
            return f"gives {word!r}, a word of the key"
    return None


@pytest.mark.parametrize("task_id", CHECKED)
def test_no_hint_gives_the_key_or_eliminates_options(task_id):
    key = key_of(TASKS[task_id])
    for hint in hints(task_id):
        assert tells(task_id, key, hint) is None, (task_id, hint, tells(task_id, key, hint))


@pytest.mark.parametrize("task_id", CHECKED)
def test_no_wrong_answer_message_gives_the_key_or_eliminates_options(task_id):
    key = key_of(TASKS[task_id])
    messages = wrong_messages(task_id, key)
    assert messages, task_id
    for answer, message in messages:
        problem = tells(task_id, key, message, answer)
        assert problem is None, (task_id, answer, message, problem)


def test_the_detector_catches_what_the_trials_reported():
    assert tells("3.2", 0.7229, "0.00723 is the share as a fraction") is not None
    assert tells("1.5", [6, 9, 10], "write their numbers as a list, e.g. [6, 9, ...].", 10) is not None
    assert tells("8.5", 3, "Drop option 1 and option 2.") is not None
    assert tells("8.5", 3, "Drop the options that make the check pick a winner.") is not None
    spelt = "The article spells it “Zangezour”."
    assert tells("6.3", "“Zangezour corridor”", spelt, "Zangezur x") is not None
    assert tells("3.2", 0.7229, "0.77 is too high for the share.") is None
