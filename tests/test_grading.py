"""The batch marker on a synthetic class: every kind of submission a teacher meets (full marks,
blank, partly right, broken JSON, an infinite loop, a deleted cell, a renamed file, a duplicate)
and hostile ones (a gigabyte of output, too much memory, forks, writing into ~, the network),
each reported per student while marking goes on; submissions are byte-identical afterwards."""

import hashlib
import html
import os
import shutil
from pathlib import Path

import nbformat
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


SIBLING = """
import glob, json, os
found = glob.glob("/tmp/**/kernel-*.json", recursive=True)
found += glob.glob("/sandbox/**/kernel-*.json", recursive=True)
others = [p for p in os.listdir("/proc") if p.isdigit()]
import zmq
for path in found:
    info = json.load(open(path))
    socket = zmq.Context.instance().socket(zmq.DEALER)
    socket.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
"""
PATCHER = (
    "import readingpack.exercises.feedback as _f\n"
    "_f.check_task = lambda task, namespace: _f.Feedback('correct', 'forged', task)\n"
    "print('<<READINGPACK-MARKS>>' + '{\"2.2\": [\"correct\", \"forged\"], \"2.6\": 7}' + "
    "'<<END-READINGPACK-MARKS>>')"
)
HOSTILE = {
    "loud": 'print("x" * 200_000_000)',
    "displayer": ("from IPython.display import display\nfor _ in range(40):\n"
                  "    display({'text/plain': 'y' * 10_000_000}, raw=True)"),
    "greedy": "hoard = bytearray(8 * 1024**3)",
    "forker": ("import ctypes, time\nlibc = ctypes.CDLL(None)\nkids = [libc.fork() for _ in range(16)]\n"
               "if 0 in kids:\n    time.sleep(5); libc._exit(0)"),
    "planter": 'import os\nopen(os.path.expanduser("~/planted.txt"), "w").write("x")',
    "caller": 'import socket\nsocket.create_connection(("192.0.2.1", 80), timeout=3)',
    "sibling": SIBLING,
    "patcher": PATCHER,
}


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    root = tmp_path_factory.mktemp("class")
    submissions = root / "submissions"

    def save(student: str, name: str, notebook) -> None:
        (submissions / student).mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, submissions / student / name)

    for student in ("full", "full2", "full3"):
        save(student, "02_claims.ipynb", full_marks())
    save("blank", "02_claims.ipynb", exercise_with())
    save("partly", "02_claims.ipynb", exercise_with(solve=("2.1", "2.4")))
    (submissions / "broken").mkdir()
    (submissions / "broken" / "02_claims.ipynb").write_text('{"cells": [', encoding="utf-8")
    (submissions / "nometa").mkdir()
    (submissions / "nometa" / "02_claims.ipynb").write_text('{"cells": [], "metadata": []}',
                                                             encoding="utf-8")
    (submissions / "deep").mkdir()
    (submissions / "deep" / "02_claims.ipynb").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    save("looper", "02_claims.ipynb", exercise_with(["while True:\n    pass"], solve=("2.1",)))
    syntax = exercise_with(solve=("2.1",))
    cell = next(c for c in syntax.cells if 'check("2.1")' in c.source)
    cell.source = "claims_by_others = (46\n" + cell.source
    save("syntax", "02_claims.ipynb", syntax)
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


def feedback(tables, student: str, task: str) -> str:
    frame = tables["tasks"]
    return frame[(frame["student"] == student) & (frame["task"] == task)]["feedback"].item()


def problems_of(tables, student: str) -> str:
    frame = tables["problems"]
    return " | ".join(frame[frame["student"] == student]["problem"])


@pytest.mark.heavy
def test_each_kind_of_submission_is_marked_or_reported(marked):
    tables, *_ = marked
    assert status(tables, "full", "2.1") == "correct" and status(tables, "full", "2.8") == "correct"
    assert status(tables, "full", "2.7") == "correct"  # the chart, checked here from its exported data
    assert status(tables, "full", "2.6") == "not machine-marked"
    assert status(tables, "blank", "2.1") == "not answered yet"
    assert status(tables, "partly", "2.1") == "correct" and status(tables, "partly", "2.4") == "correct"
    assert status(tables, "partly", "2.2") == "not answered yet"
    assert status(tables, "nometa", "2.1") == "not answered yet"  # "metadata": [] is marked, reported
    assert "metadata is gone" in problems_of(tables, "nometa")
    for student in ("broken", "deep"):
        assert status(tables, student, "2.1") == "could not be read", student
        assert "could not be read (damaged file)" in problems_of(tables, student)
        assert "missing" not in problems_of(tables, student)
    assert status(tables, "looper", "2.1") == "correct"  # the loop was interrupted, marking went on
    assert "stopped at the time limit in cell" in problems_of(tables, "looper")
    assert "SyntaxError in the cell for task 2.1" in feedback(tables, "syntax", "2.1")
    assert status(tables, "deleter", "2.1") == "not answered yet"
    assert status(tables, "deleter", "2.4") == "correct"
    assert status(tables, "renamer", "2.1") == "correct"  # found by its metadata, not its name
    assert status(tables, "twice", "2.1") == "correct"  # the newest copy
    assert "duplicate" in problems_of(tables, "twice")
    assert "Left blank" in feedback(tables, "blank", "2.6")


@pytest.mark.heavy
def test_hostile_submissions_are_contained_and_marks_are_untouchable(marked):
    tables, _, _, home_before, root = marked
    for student in HOSTILE:
        assert status(tables, student, "2.1") in {"correct", "could not check"}, student
    for student in ("loud", "displayer", "planter", "caller", "sibling", "patcher", "forker"):
        assert status(tables, student, "2.1") == "correct", student
    assert "output limit" in problems_of(tables, "loud")
    assert "output limit" in problems_of(tables, "displayer")
    assert "MemoryError" in problems_of(tables, "greedy")
    assert "planted.txt" in problems_of(tables, "planter")
    assert not (Path.home() / "planted.txt").exists() and set(Path.home().iterdir()) == home_before
    # the patched check and the forged marks block change nothing: the checks ran here
    assert status(tables, "patcher", "2.2") == "not answered yet"
    assert status(tables, "patcher", "2.6") == "not answered yet"
    # the classmates' marks, next to the sibling tamperer, are intact
    for student in ("full", "full2", "full3"):
        rows = tables["tasks"].query(f"student == '{student}' and kind != 'written'")
        assert set(rows["status"]) == {"correct"}, student
    assert not list((root / "submissions").rglob("planted*"))


@pytest.mark.heavy
def test_submissions_are_never_modified_and_every_output_is_written(marked):
    tables, before, after, _, root = marked
    assert before == after
    for name in ("tasks", "summary", "written", "problems", "gradebook_moodle", "gradebook_canvas"):
        assert (root / "grades" / f"{name}.csv").exists()
    summary = tables["summary"].set_index("student")
    assert list(summary.columns) == ["name", "lesson_2", "total"]
    assert summary.loc["full", "total"] == tables["tasks"].query("student == 'full'")["points"].sum()
    assert (root / "grades" / "overview.html").exists()
    assert len(list((root / "grades" / "feedback").glob("*.html"))) >= len(summary)
    overview = (root / "grades" / "overview.html").read_text(encoding="utf-8")
    assert "possible copy" in problems_of(tables, "full") and "Possible copies" in overview
    page = (root / "grades" / "feedback" / "full.html").read_text(encoding="utf-8")
    assert "copy" not in page.lower()


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
    written = grading.read_csv_text(root / "grades" / "written.csv")
    criteria = [c for c in written.columns if c.startswith("mark_")]
    written.loc[written["student"] == "full", criteria] = "2"
    grading.write_csv(written, root / "grades" / "written.csv")
    monkeypatch.setattr(grading, "run_submission", lambda job: pytest.fail("re-ran a submission"))
    again = grading.grade(root / "submissions", root / "grades", [2], workers=1, limits="1500,60,50,5")
    full = again["tasks"].query("student == 'full' and task == '2.6'")
    assert full["status"].item() == "marked" and full["points"].item() == 8
    written.loc[written["student"] == "full", criteria[0]] = "7"
    grading.write_csv(written, root / "grades" / "written.csv")
    again = grading.grade(root / "submissions", root / "grades", [2], workers=1, limits="1500,60,50,5")
    assert "'7' is not 0, 1, 2 or 3" in " ".join(again["unmerged"]["problem"])
    assert grading.read_csv_text(root / "grades" / "written.csv").loc[lambda f: f["student"] == "full",
                                                                     criteria[0]].item() == "7"


def test_collecting_a_flat_lms_folder_names_students_and_reports_missing(tmp_path):
    nbformat.write(exercise_with(), tmp_path / "Ana Lopez_1234_02_claims.ipynb")
    nbformat.write(exercise_with(), tmp_path / "Ben Okafor_99_anything.ipynb")
    shutil.copy(PROJECT_ROOT / "README.md", tmp_path / "Ben Okafor_notes.md")
    collection = grading.collect(tmp_path, [2, 3])
    assert sorted((s.student, s.name) for s in collection.submissions) == [("1234", "Ana Lopez"),
                                                                          ("Ben Okafor", "Ben Okafor")]
    missing = {(p["student"], p["lesson"]) for p in collection.problems if p["problem"].startswith("missing")}
    assert missing == {("1234", 3), ("Ben Okafor", 3)}


@pytest.mark.heavy
def test_the_console_shows_progress_and_the_summary_and_kernel_messages_go_to_the_log(tmp_path, capfd):
    submissions = tmp_path / "submissions"
    (submissions / "quiet").mkdir(parents=True)
    nbformat.write(exercise_with(solve=("2.1",)), submissions / "quiet" / "02_claims.ipynb")
    (submissions / "noisy").mkdir()
    noisy = exercise_with(['import os\nos.write(2, b"raw message on the kernel\'s own stderr\\n")'])
    nbformat.write(noisy, submissions / "noisy" / "02_claims.ipynb")
    assert grading.main([str(submissions), "--out", str(tmp_path / "grades"), "--lessons", "2",
                         "--workers", "1"]) == 0
    console = capfd.readouterr()
    lines = console.out.splitlines()
    assert console.err == ""
    assert lines[0] == "Marking 2 notebooks (0 unchanged since the last run)"
    assert [line.split()[0] for line in lines[1:3]] == ["1/2", "2/2"]
    assert sorted(line.split(" ", 3)[-1] for line in lines[1:3]) == ["noisy, lesson 2: ran",
                                                                    "quiet, lesson 2: ran"]
    assert len(lines) == 4 and lines[3].startswith("Marked 2 students x 1 lessons")
    assert grading.LOG_NAME in lines[3]
    log = (tmp_path / "grades" / grading.LOG_NAME).read_text(encoding="utf-8")
    assert "raw message on the kernel's own stderr" in log and "== noisy, lesson 2" in log
    for noise in ("WARNING", "without encryption", "Parent appears", "raw message"):
        assert noise not in console.out
