"""Every registered exercise task, whatever its lesson: a blank, misspelled or odd answer gets a
kind message and never a traceback, and never counts as correct."""

import pandas as pd
import pytest

import readingpack.exercises  # noqa: F401  (registers every task)
from readingpack.exercises import CORRECT, INCORRECT, NOT_ANSWERED, NOT_MARKED, TASKS, check_value
from readingpack.exercises import feedback as checks

TASK_IDS = sorted(TASKS, key=checks._task_order)
ODD_ANSWERS = [object(), {"a": 1}, [[1]], 3.5, -1, True, float("nan"), "text", ["x"],
               pd.DataFrame({"a": [1]}), pd.Series([1, 2])]


def test_every_lesson_has_at_least_six_tasks():
    for lesson in range(1, 9):
        assert len(checks.tasks_for_lesson(lesson)) >= 6, f"lesson {lesson}"
    assert len(TASK_IDS) >= 48


@pytest.mark.parametrize("task_id", TASK_IDS)
@pytest.mark.parametrize("blank", [..., None, "", "   ", "..."], ids=repr)
def test_blank_answers_are_not_answered_yet(task_id, blank):
    feedback = check_value(task_id, blank)
    assert feedback.status == NOT_ANSWERED
    assert TASKS[task_id].variable in feedback.message
    assert "not answered yet" in str(feedback)


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_a_misspelled_variable_is_named_kindly(task_id):
    variable = TASKS[task_id].variable
    feedback = checks.check(task_id, {variable + "x": 1})
    assert feedback.status == NOT_ANSWERED
    assert f"I can't find a variable named {variable}" in feedback.message
    assert f"Did you mean {variable}x?" in feedback.message


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_odd_answers_never_raise_and_are_never_correct(task_id):
    for odd in ODD_ANSWERS:
        feedback = check_value(task_id, odd)
        assert feedback.status in {INCORRECT, NOT_MARKED, NOT_ANSWERED}, (task_id, odd, feedback)
        assert feedback.status != CORRECT and feedback.message
