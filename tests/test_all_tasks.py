"""Every registered exercise task, whatever its lesson: a blank, misspelled or odd answer gets a
kind message and never a traceback, never counts as correct, and a wrong list never names the
items it lacks; every feedback that is not "correct" names its kind with a reason code."""

import ast
from pathlib import Path

import pandas as pd
import pytest

import readingpack.exercises  # noqa: F401  (registers every task)
from readingpack.evidence.areas import area_task_problem
from readingpack.exercises import (
    CANNOT_CHECK,
    CORRECT,
    INCORRECT,
    NOT_ANSWERED,
    NOT_MARKED,
    TASKS,
    check_value,
)
from readingpack.exercises import feedback as checks
from readingpack.exercises.answers import ENVIRONMENT_VARIABLE
from readingpack.exercises.tasks import active_task_ids, task_frame
from readingpack.ledger import load_ledger

TASK_IDS = sorted(TASKS, key=checks._task_order)
WRITTEN = [t for t in TASK_IDS if TASKS[t].kind == "written"]
NOT_WRITTEN = [t for t in TASK_IDS if TASKS[t].kind != "written"]
# None of these is a valid answer to any task, in any of the forms the checks accept.
ODD_ANSWERS = [object(), {"a": 1}, [[1]], 3.5, -1, True, float("nan"), "text", ["x"],
               pd.DataFrame({"a": [1, 2], "b": [3, 4]}), pd.Series([1, 2])]
TABLE = task_frame()


def test_every_lesson_has_enough_active_tasks_and_all_are_registered():
    total = 0
    for lesson in range(1, 10):
        active = active_task_ids(lesson)
        assert len(active) >= (5 if lesson == 8 else 6), f"lesson {lesson}"
        assert set(active) <= set(TASKS), f"lesson {lesson}: an active task has no check"
        total += len(active)
    assert total >= 50
    retired = TABLE.index[TABLE["status"] == "retired"]
    assert not set(retired) & set(TASKS), "a retired task is still registered"


@pytest.mark.parametrize("task_id", sorted(TABLE.index[TABLE["status"] == "retired"]))
def test_a_retired_task_says_so(task_id):
    feedback = checks.check(task_id, {})
    assert feedback.status == NOT_MARKED and not feedback.passed
    assert f"Task {task_id} is no longer part of the exercises" in feedback.message


@pytest.mark.parametrize("task_id", TASK_IDS)
@pytest.mark.parametrize("blank", [..., None, "", "   ", "..."], ids=repr)
def test_blank_answers_are_not_answered_yet(task_id, blank):
    feedback = check_value(task_id, blank)
    assert feedback.status == NOT_ANSWERED
    assert "not answered yet" in str(feedback)
    if TASKS[task_id].kind != "written":
        assert TASKS[task_id].variable in feedback.message


@pytest.mark.parametrize("task_id", NOT_WRITTEN)
def test_a_misspelled_variable_is_named_kindly(task_id):
    variable = TASKS[task_id].variable
    feedback = checks.check(task_id, {variable + "x": 1})
    assert feedback.status == NOT_ANSWERED
    assert f"I can't find a variable named {variable}" in feedback.message
    assert f"Did you mean {variable}x?" in feedback.message


@pytest.fixture
def no_notebook(tmp_path, monkeypatch):
    """A working folder without notebooks, and no notebook named by the marker or the kernel."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(ENVIRONMENT_VARIABLE, raising=False)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    return tmp_path


@pytest.mark.parametrize("task_id", WRITTEN)
def test_a_written_task_without_its_notebook_says_where_it_looked(task_id, no_notebook):
    feedback = checks.check(task_id, {TASKS[task_id].variable + "x": "text"})
    assert feedback.status == NOT_ANSWERED and feedback.task == task_id
    assert f"cannot find the notebook that holds the answer cell of task {task_id}" in feedback.message
    assert str(no_notebook) in feedback.message
    assert "variable" not in feedback.message  # written answers live in answer cells, not variables


def test_a_written_task_without_its_notebook_says_what_to_do(no_notebook):
    message = checks.check(WRITTEN[0], {}).message
    assert "save" in message.lower() or "open" in message.lower()


AREA_TASKS = ("3.1", "3.2", "3.5", "3.9")  # they need the article's area figure as a lower bound


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_odd_answers_never_raise_and_are_never_correct(task_id):
    lacking = area_task_problem(task_id) if task_id in AREA_TASKS else None
    for odd in ODD_ANSWERS:
        feedback = check_value(task_id, odd)
        if lacking:  # an article without what the task needs: said, with the file and setting
            assert feedback.status == CANNOT_CHECK and feedback.message == lacking, (task_id, odd)
            assert all(w in lacking for w in ("figures.csv", "settings.csv", "areas.article_figure"))
            continue
        assert feedback.status in {INCORRECT, NOT_MARKED, NOT_ANSWERED}, (task_id, odd, feedback)
        assert feedback.status != CORRECT and feedback.message
        if feedback.status == INCORRECT:
            assert feedback.reason, (task_id, odd, feedback)


EXERCISES = Path(checks.__file__).parent


def _feedback_calls_without_reason(source: str) -> list[tuple[int, str]]:
    """(line, status) of each Feedback(...) call in `source` whose status is not CORRECT and
    that gives no reason (neither reason=... nor a fourth argument)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if not (call and node.func.id == "Feedback"):
            continue
        status = ast.unparse(node.args[0]) if node.args else ""
        has_reason = len(node.args) >= 4 or any(k.arg == "reason" for k in node.keywords)
        if status != "CORRECT" and not has_reason:
            found.append((node.lineno, status))
    return found


def test_every_feedback_that_is_not_correct_gives_a_reason_code():
    # So that tests can assert the kind of a wrong answer, not the wording of its message.
    missing = {path.name: calls for path in sorted(EXERCISES.glob("*.py"))
               if (calls := _feedback_calls_without_reason(path.read_text(encoding="utf-8")))}
    assert not missing, missing
    assert len(list(EXERCISES.glob("lesson0*.py"))) == 9


def test_the_reason_check_finds_a_feedback_without_a_reason():
    source = ("Feedback(INCORRECT, 'no', reason='x')\nFeedback(CORRECT, 'yes')\n"
              "Feedback(INCORRECT, 'no')\nFeedback(status, 'either')\n"
              "Feedback(NOT_ANSWERED, 'a', '1.1', 'blank')\n")
    assert _feedback_calls_without_reason(source) == [(3, "INCORRECT"), (4, "status")]


def test_each_choice_task_of_choices_csv_has_one_key_and_its_computed_key_agrees():
    from readingpack.exercises import LESSONS, choices

    table = load_ledger().choices
    for task_id, rows in table.groupby("task_id"):
        assert TASKS[task_id].kind in ("choice", "widget"), task_id  # 6.4: a choice read off a widget
        assert rows["option"].tolist() == list(range(1, len(rows) + 1)), task_id
        key = choices.key(task_id)
        for module in LESSONS:
            if task_id in getattr(module, "CHOICES", {}):
                options, computed = module.CHOICES[task_id]
                assert computed() == key and options() == choices.options(task_id), task_id

