"""The exercise tooling: feedback of the reusable checkers, generation, the workbook.

Here: the tests that state this article's facts (its lessons, solutions and instructor page);
tests/test_exercise_tools.py holds those that hold for any article."""

import nbformat
import pytest

from packtools import assignments
from readingpack.exercises import NOT_MARKED
from readingpack.exercises import feedback as checks
from readingpack.exercises.answers import is_answer_cell
from readingpack.exercises.tasks import active_task_ids
from readingpack.paths import PROJECT_ROOT


def test_check_value_checks_a_given_text_without_a_notebook():
    exact = "The author writes that Baku “rejected international peacekeeping or even humanitarian presence”."
    feedback = checks.check_value("7.6", exact)
    assert feedback.status == NOT_MARKED and feedback.task == "7.6"
    assert "Exact: 1 quotation" in feedback.message
    assert "Hint:" not in feedback.message and "I read your answer from" not in feedback.message


def test_instructor_page_is_written_from_the_solutions():
    from packtools.instructor import instructor_page

    page = instructor_page(PROJECT_ROOT / "solutions")
    assert (PROJECT_ROOT / "solutions" / "README.md").read_text(encoding="utf-8") == page
    for path in sorted((PROJECT_ROOT / "solutions").glob("[0-9][0-9]_*.ipynb")):
        assert f"Notebook: [{path.name}]({path.name})" in page


SOLUTIONS = sorted((PROJECT_ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_each_solution_matches_its_lesson_and_registers_its_tasks(path):
    import re

    lesson = nbformat.read(PROJECT_ROOT / "notebooks" / path.name, as_version=4)
    solution = nbformat.read(path, as_version=4)
    minutes = lesson.metadata["readingpack"]["exercise_minutes"]
    assert solution.metadata["readingpack"]["exercise_minutes"] == minutes
    assert f"*Exercises: {minutes} min*" in solution.cells[0].source + solution.cells[1].source
    number = int(path.name[:2])
    headings = re.findall(r"^### Task (\d+)\.(\d+) · (\w+) · ", "\n".join(
        c.source for c in solution.cells if c.cell_type == "markdown"), re.M)
    assert len(headings) >= (5 if number == 8 else 6), f"{path.name} has {len(headings)} tasks"
    # one heading per active task of data/tasks.csv, and none for a retired task
    assert sorted(f"{a}.{b}" for a, b, _ in headings) == sorted(active_task_ids(number))
    registered = {t.task_id: t for t in checks.tasks_for_lesson(number)}
    for lesson_number, task, kind in headings:
        task_id = f"{lesson_number}.{task}"
        assert int(lesson_number) == number and task_id in registered, f"{task_id} has no check"
        assert registered[task_id].kind == kind, f"{task_id}: heading says {kind}"
    assert "written" in {kind for *_, kind in headings}, f"{path.name} has no written answer"
    answer_cells = [str(c.metadata["readingpack"]["task"]) for c in solution.cells if is_answer_cell(c)]
    assert sorted(answer_cells) == sorted(f"{a}.{b}" for a, b, kind in headings if kind == "written")
    outputs = "".join(o.get("text", "") for c in solution.cells if c.cell_type == "code" for o in c.outputs)
    for status in (checks.INCORRECT, checks.NOT_ANSWERED, checks.CANNOT_CHECK):
        reported = outputs.replace("not machine-marked", "")
        assert f"{status}." not in reported, f"a check in {path.name} reports {status}"


def test_committed_exercises_match_their_solutions():
    assert assignments.stale_exercises(PROJECT_ROOT / "solutions", PROJECT_ROOT / "exercises") == []
