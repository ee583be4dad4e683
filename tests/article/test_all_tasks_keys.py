"""Every registered exercise task, whatever its lesson: a blank, misspelled or odd answer gets a
kind message and never a traceback, never counts as correct, and a wrong list never names the
items it lacks.

Here: the tests that state this article's facts (its answer keys); tests/test_all_tasks.py holds
those that hold for any article."""

import re

import pytest
from solution_keys import key_of

import readingpack.exercises  # noqa: F401  (registers every task)
from readingpack.exercises import INCORRECT, TASKS, check_value
from readingpack.exercises import feedback as checks
from readingpack.exercises.tasks import task_frame

TASK_IDS = sorted(TASKS, key=checks._task_order)
TABLE = task_frame()
ITEM_TASKS = [t for t in TASK_IDS if TABLE.loc[t, "answer_form"] == "items"]


# 6.2 names the one issue missing from its one-way near miss: a src bug, see
# tests/article/test_tasks_lesson06.
LEAKS: set = set()  # (task, item) pairs whose feedback names the missing item: none


def _one_short() -> list:
    cases = []
    for task_id in ITEM_TASKS:
        key = list(key_of(TASKS[task_id]))
        for item in key if len(key) > 1 else []:  # one item short of a one-item key is a blank
            marks = [pytest.mark.xfail(strict=True)] if (task_id, item) in LEAKS else []
            cases.append(pytest.param(task_id, key, item, marks=marks, id=f"{task_id}-{item}"))
    return cases


@pytest.mark.parametrize(("task_id", "key", "item"), _one_short())
def test_a_list_one_short_does_not_name_the_missing_item(task_id, key, item):
    feedback = check_value(task_id, [k for k in key if k != item])
    assert feedback.status == INCORRECT
    if isinstance(item, str):
        assert not re.search(rf"(?<![\w.]){re.escape(item)}(?![\w.])", feedback.message, re.I), feedback
    else:  # a number may occur in the message for other reasons: check that the gap is only counted
        assert "1 is missing" in feedback.message, feedback
