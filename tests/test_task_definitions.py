"""A task is defined once, in data/tasks.csv: the registered checks, the notebooks' headings and
answer cells, the marker and the reports all follow it, and any drift fails here."""

import ast
import dataclasses
import re
from pathlib import Path

import pytest

import readingpack.exercises  # noqa: F401  (registers every task)
from packtools import assignments
from readingpack.exercises import TASKS, Status, TaskSpec, task_specs
from readingpack.exercises.feedback import Feedback
from readingpack.paths import PROJECT_ROOT

SPECS = task_specs()
SOLUTIONS = sorted((PROJECT_ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))


def test_every_active_task_has_exactly_one_check_and_no_other_task_has_one():
    active = {t for t, spec in SPECS.items() if spec.active}
    assert set(TASKS) == active
    folder = PROJECT_ROOT / "src" / "readingpack" / "exercises"
    sources = [p.read_text(encoding="utf-8") for p in folder.glob("*.py")]
    decorated = [t for text in sources for t in re.findall(r'^@task\("(\d+\.\d+)"', text, re.M)]
    assert sorted(decorated) == sorted(active)  # one decorator per active task, none twice


def test_a_registered_check_holds_no_definition_of_its_own():
    fields = {f.name for f in dataclasses.fields(next(iter(TASKS.values())))}
    assert fields == {"task_id", "checker", "key", "given_spec"}
    for task_id, task in TASKS.items():
        assert task.given_spec is None, task_id
        assert (task.variable, task.kind, task.title) == (SPECS[task_id].variable, SPECS[task_id].kind,
                                                          SPECS[task_id].title)


def test_task_spec_reads_every_column_of_a_row():
    spec = next(s for s in SPECS.values() if s.kind == "written" and s.active)
    assert isinstance(spec, TaskSpec) and spec.min_words < spec.max_words and spec.criteria
    assert all(isinstance(c, str) and c for c in spec.criteria)
    number = next(s for s in SPECS.values() if s.answer_form == "number")
    assert isinstance(number.decimals, int)
    assert {s.status for s in SPECS.values()} == {"active", "retired"}


def test_generation_writes_the_heading_from_the_table_and_stops_on_drift(tmp_path):
    source = SOLUTIONS[0]
    lesson = int(source.name[:2])
    task_id = next(t for t, s in SPECS.items() if s.active and s.lesson == lesson and s.kind != "written")
    renamed = {**SPECS, task_id: dataclasses.replace(SPECS[task_id], title="A new title")}
    nb = assignments.solution_with_headings(source, renamed)
    assert any(f"### Task {task_id} · {SPECS[task_id].kind} · A new title" in c.source for c in nb.cells)
    moved = {**SPECS, task_id: dataclasses.replace(SPECS[task_id], variable="another_name")}
    with pytest.raises(assignments.MarkerError, match=f"task {task_id} do not set another_name"):
        assignments.solution_with_headings(source, moved)
    retired = {**SPECS, task_id: dataclasses.replace(SPECS[task_id], status="retired")}
    with pytest.raises(assignments.MarkerError, match=f"task {task_id}, which is not an active task"):
        assignments.solution_with_headings(source, retired)
    added = dataclasses.replace(SPECS[task_id], task_id=f"{lesson}.99")
    with pytest.raises(assignments.MarkerError, match=f"no heading for task {lesson}.99"):
        assignments.solution_with_headings(source, {**SPECS, added.task_id: added})


def test_status_words_are_the_stored_ones():
    assert [str(s) for s in Status] == ["correct", "incorrect", "not answered yet", "not machine-marked",
                                        "could not check", "self-assessed", "not handed in",
                                        "could not be read", "marked"]
    assert str(Feedback(Status.CORRECT, "Yes.", "1.1")) == "✓ Task 1.1: correct. Yes."


def _string_constants(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_no_status_word_is_typed_outside_the_status_enum():
    words = {str(s) for s in Status}
    files = [*(PROJECT_ROOT / "tools" / "packtools").glob("*.py"),
             *(PROJECT_ROOT / "src" / "readingpack").rglob("*.py")]
    typed = [f"{p.relative_to(PROJECT_ROOT)}:{line} {value!r}" for p in files if p.name != "tasks.py"
             for line, value in _string_constants(p) if value in words]
    assert typed == []


def test_the_reports_read_the_tasks_through_the_package():
    for name in ("grade_report.py", "grading.py", "minutes.py"):
        assert "tasks.csv\"" not in (PROJECT_ROOT / "tools" / "packtools" / name).read_text(encoding="utf-8")
