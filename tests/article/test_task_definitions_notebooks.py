"""A task is defined once, in data/tasks.csv: the registered checks, the notebooks' headings and
answer cells, the marker and the reports all follow it, and any drift fails here.

Here: the tests that state this article's facts (its notebooks' headings and answer cells);
tests/test_task_definitions.py holds those that hold for any article."""


import nbformat
import pytest

import readingpack.exercises  # noqa: F401  (registers every task)
from packtools import assignments
from readingpack.exercises import task_specs
from readingpack.paths import PROJECT_ROOT

SPECS = task_specs()
SOLUTIONS = sorted((PROJECT_ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted((PROJECT_ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", SOLUTIONS + EXERCISES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_headings_and_answer_cells_follow_the_tasks_table(path):
    nb = nbformat.read(path, as_version=4)
    lesson = int(path.name[:2])
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    headings = list(assignments.TASK_HEADING.finditer(markdown))
    assert [m.group(0) for m in headings] == [assignments.task_heading(SPECS[m.group(1)]) for m in headings]
    active = sorted(t for t, s in SPECS.items() if s.active and s.lesson == lesson)
    assert sorted(m.group(1) for m in headings) == active
    assert assignments.task_problems(nb, lesson, SPECS, path.name) == []


