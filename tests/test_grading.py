"""The batch marker on a synthetic class: every kind of submission a teacher meets (full marks,
blank, partly right, broken JSON, an infinite loop, a deleted cell, a renamed file, a duplicate)
and hostile ones (a gigabyte of output, too much memory, forks, writing into ~, the network),
each reported per student while marking goes on; submissions are byte-identical afterwards."""

import hashlib
import html
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from packtools import grading
from readingpack.exercises import check_value
from readingpack.paths import PROJECT_ROOT

EXERCISE = PROJECT_ROOT / "exercises" / "02_claims.ipynb"
SOLUTION = PROJECT_ROOT / "solutions" / "02_claims.ipynb"


def exercise_with(extra_cells: list[str] = (), drop_task: str | None = None, solve: tuple = ()):
    notebook = nbformat.read(EXERCISE, as_version=4)
    solution = nbformat.read(SOLUTION, as_version=4)
    for task in solve:  # copy the solution's code cell of these tasks
        index = next(i for i, c in enumerate(solution.cells) if f'check("{task}")' in c.source)
        target = next(i for i, c in enumerate(notebook.cells) if f'check("{task}")' in c.source)
        notebook.cells[target].source = solution.cells[index].source
    if drop_task:
        notebook.cells = [c for c in notebook.cells if f'check("{drop_task}")' not in c.source]
    setup = next(i for i, c in enumerate(notebook.cells) if c.cell_type == "code")
    notebook.cells[setup + 1:setup + 1] = [nbformat.v4.new_code_cell(s) for s in extra_cells]
    return notebook


def full_marks():
    notebook = nbformat.read(SOLUTION, as_version=4)
    notebook.metadata.setdefault("readingpack", {})["lesson"] = 2
    return notebook


HOSTILE = {
    "loud": 'print("x" * 200_000_000)',
    "greedy": "hoard = bytearray(8 * 1024**3)",
    "forker": "import os\nfor _ in range(50):\n    os.fork()",
    "planter": 'import os\nopen(os.path.expanduser("~/planted.txt"), "w").write("x")',
    "caller": 'import socket\nsocket.create_connection(("192.0.2.1", 80), timeout=3)',
}


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    submissions = root / "submissions"

    def save(student: str, name: str, notebook) -> None:
        (submissions / student).mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, submissions / student / name)

    save("full", "02_claims.ipynb", full_marks())
    save("blank", "02_claims.ipynb", exercise_with())
    save("partly", "02_claims.ipynb", exercise_with(solve=("2.1", "2.4")))
    (submissions / "broken").mkdir()
    (submissions / "broken" / "02_claims.ipynb").write_text('{"cells": [', encoding="utf-8")
    save("looper", "02_claims.ipynb", exercise_with(["while True:\n    pass"], solve=("2.1",)))
    save("deleter", "02_claims.ipynb", exercise_with(drop_task="2.1", solve=("2.4",)))
    save("renamer", "homework final (1).ipynb", full_marks())
    save("twice", "02_claims.ipynb", exercise_with())
    os.utime(submissions / "twice" / "02_claims.ipynb", (1, 1))  # the older copy
    save("twice", "02_claims-Copy1.ipynb", full_marks())
    for student, code in HOSTILE.items():
        save(student, "02_claims.ipynb", exercise_with([code], solve=("2.1",)))
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in submissions.rglob("*.ipynb")}
    home_before = set(Path.home().iterdir())
    tables = grading.grade(submissions, root / "grades", [2], workers=2, limits="1500,60,50,5",
                           cell_timeout=8, budget=60)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in submissions.rglob("*.ipynb")}
    return tables, before, after, home_before, root


def status(tables, student: str, task: str) -> str:
    frame = tables["tasks"]
    return frame[(frame["student"] == student) & (frame["task"] == task)]["status"].item()


def problems_of(tables, student: str) -> str:
    frame = tables["problems"]
    return " | ".join(frame[frame["student"] == student]["problem"])


@pytest.mark.heavy
def test_each_kind_of_submission_is_marked_or_reported(marked):
    tables, *_ = marked
    assert status(tables, "full", "2.1") == "correct" and status(tables, "full", "2.8") == "correct"
    assert status(tables, "full", "2.6") == "not machine-marked"
    assert status(tables, "blank", "2.1") == "not answered yet"
    assert status(tables, "partly", "2.1") == "correct" and status(tables, "partly", "2.4") == "correct"
    assert status(tables, "partly", "2.2") == "not answered yet"
    assert status(tables, "broken", "2.1") == "not answered yet"
    assert "unreadable" in problems_of(tables, "broken")
    assert status(tables, "looper", "2.1") == "correct"  # the loop was interrupted, marking went on
    assert "stopped at the time limit" in problems_of(tables, "looper")
    assert status(tables, "deleter", "2.1") == "not answered yet"
    assert status(tables, "deleter", "2.4") == "correct"
    assert status(tables, "renamer", "2.1") == "correct"  # found by its metadata, not its name
    assert status(tables, "twice", "2.1") == "correct"  # the newest copy
    assert "duplicate" in problems_of(tables, "twice")


@pytest.mark.heavy
def test_hostile_submissions_are_contained_and_reported(marked):
    tables, _, _, home_before, _ = marked
    for student in HOSTILE:
        assert status(tables, student, "2.1") in {"correct", "could not check"}, student
        assert problems_of(tables, student), student
    assert status(tables, "loud", "2.1") == "correct"
    assert "MemoryError" in problems_of(tables, "greedy")
    assert "PermissionError" in problems_of(tables, "forker")
    assert "PermissionError" in problems_of(tables, "caller")
    assert "planted.txt" in problems_of(tables, "planter")
    assert not (Path.home() / "planted.txt").exists() and set(Path.home().iterdir()) == home_before


@pytest.mark.heavy
def test_submissions_are_never_modified_and_every_output_is_written(marked):
    tables, before, after, _, root = marked
    assert before == after
    for name in ("tasks", "summary", "written", "problems"):
        assert (root / "grades" / f"{name}.csv").exists()
    summary = tables["summary"].set_index("student")
    assert list(summary.columns) == ["lesson_2", "total"]
    assert summary.loc["full", "total"] == tables["tasks"].query("student == 'full'")["points"].sum()
    assert (root / "grades" / "overview.html").exists()
    assert len(list((root / "grades" / "feedback").glob("*.html"))) >= len(summary)


@pytest.mark.heavy
def test_the_marker_agrees_with_check_in_the_notebook(marked):
    tables, *_, root = marked
    frame = tables["tasks"].query("student == 'blank' and task == '2.1'")
    assert frame["feedback"].item() == check_value("2.1", ...).message
    page = (root / "grades" / "feedback" / "partly.html").read_text(encoding="utf-8")
    partly = tables["tasks"].query("student == 'partly' and task == '2.2'")["feedback"].item()
    assert html.escape(partly.split("\n")[0], quote=False) in page


@pytest.mark.heavy
def test_written_marks_merge_into_the_totals_without_re_running(marked, monkeypatch):
    *_, root = marked
    written = pd.read_csv(root / "grades" / "written.csv", dtype={"task": str})
    written.loc[written["student"] == "full", "mark"] = 2
    written.to_csv(root / "grades" / "written.csv", index=False)
    monkeypatch.setattr(grading, "run_submission", lambda job: pytest.fail("re-ran a submission"))
    again = grading.grade(root / "submissions", root / "grades", [2], workers=1, limits="1500,60,50,5")
    full = again["tasks"].query("student == 'full' and task == '2.6'")
    assert full["status"].item() == "marked" and full["points"].item() == 8
    written.loc[0, "mark"] = 7
    written.to_csv(root / "grades" / "written.csv", index=False)
    with pytest.raises(ValueError, match="is not 0, 1, 2 or 3"):
        grading.grade(root / "submissions", root / "grades", [2], workers=1, limits="1500,60,50,5")


@pytest.mark.skipif(os.name != "posix", reason="the marker's limits are POSIX-only")
def test_the_kernel_refuses_the_network_but_not_loopback_and_refuses_forks(tmp_path):
    server = socket.create_server(("127.0.0.1", 0))
    threading.Thread(target=server.accept, daemon=True).start()
    script = textwrap.dedent(f"""
        import os, socket, sys
        sys.path.insert(0, {str(PROJECT_ROOT / "tools" / "packtools")!r})
        from marking_kernel import audit
        sys.addaudithook(audit)
        socket.create_connection(("127.0.0.1", {server.getsockname()[1]}), timeout=3).close()
        print("loopback ok")
        for target in (("192.0.2.1", 80), ("8.8.8.8", 53)):
            try:
                socket.create_connection(target, timeout=3)
            except PermissionError as error:
                print("refused", target[0])
        try:
            os.fork()
        except PermissionError:
            print("fork refused")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    server.close()
    assert result.stdout.split("\n")[:4] == ["loopback ok", "refused 192.0.2.1", "refused 8.8.8.8",
                                             "fork refused"], result.stderr


def test_collecting_a_flat_lms_folder_names_students_and_reports_missing(tmp_path):
    nbformat.write(exercise_with(), tmp_path / "Ana Lopez_1234_02_claims.ipynb")
    nbformat.write(exercise_with(), tmp_path / "Ben Okafor_99_anything.ipynb")
    shutil.copy(PROJECT_ROOT / "README.md", tmp_path / "Ben Okafor_notes.md")
    collection = grading.collect(tmp_path, [2, 3])
    assert sorted(s.student for s in collection.submissions) == ["Ana Lopez", "Ben Okafor"]
    missing = {(p["student"], p["lesson"]) for p in collection.problems if p["problem"].startswith("missing")}
    assert missing == {("Ana Lopez", 3), ("Ben Okafor", 3)}
