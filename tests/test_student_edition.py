"""The student edition (make student-edition): what each flavour holds and lacks, its zip, its
Makefile without the targets that need the solutions, and its own test command."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from packtools import edition

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TEXT_SUFFIXES = {".md", ".ipynb", ".py", ".csv", ".json"}
# Built from the strings below so that this file itself does not name them literally.
SOLUTIONS_PATH = "solutions" + "/"
EXEMPLARS_PATH = "docs/" + "exemplars"
TESTS_READING_SOLUTIONS = {
    "test_all_tasks_keys.py", "test_choice_balance.py", "test_exemplars.py", "test_exercise_tools.py",
    "test_lessons_hold_no_answers.py", "test_task_properties.py", "test_written_answers_lessons.py",
    "test_exercise_tools_solutions.py",
}


@pytest.fixture(scope="module")
def editions(tmp_path_factory):
    target = tmp_path_factory.mktemp("editions")
    flavours = ("class", "self-study")
    return {flavour: edition.build(target, self_study=flavour == "self-study") for flavour in flavours}


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("flavour", ["class", "self-study"])
def test_the_edition_holds_the_lessons_and_not_the_solutions(editions, flavour):
    files = _files(editions[flavour])
    for needed in ("README.md", "Makefile", "pyproject.toml", "data/article/article.txt",
                   "notebooks/00_start_here.ipynb", "exercises/01_article_and_setting.ipynb",
                   "src/readingpack/exercises/lesson01.py", "tools/packtools/workbook.py",
                   "tests/conftest.py"):
        assert needed in files
    assert not [f for f in files if f.startswith(SOLUTIONS_PATH)]
    for absent in ("docs/instructor-guide.md", "tools/packtools/instructor.py",
                   "tools/packtools/assignments.py", "tests/solution_keys.py", ".ci/run"):
        assert absent not in files
    assert not TESTS_READING_SOLUTIONS & {Path(f).name for f in files}
    exemplars = [f for f in files if f.startswith(EXEMPLARS_PATH + "/")]
    if flavour == "class":
        assert exemplars == []
    else:
        assert sorted(exemplars) == sorted(
            p.relative_to(PROJECT_ROOT).as_posix() for p in (PROJECT_ROOT / EXEMPLARS_PATH).glob("*.md"))


@pytest.mark.parametrize("flavour", ["class", "self-study"])
def test_the_zip_holds_the_same_files(editions, flavour):
    folder = editions[flavour]
    with zipfile.ZipFile(folder.with_suffix(".zip")) as archive:
        names = {n.removeprefix(folder.name + "/") for n in archive.namelist()}
        assert names == _files(folder)
        assert archive.read(f"{folder.name}/README.md") == (folder / "README.md").read_bytes()


@pytest.mark.parametrize("flavour", ["class", "self-study"])
def test_no_shipped_text_names_the_solutions_or_the_instructors_regions(editions, flavour):
    folder = editions[flavour]
    for path in folder.rglob("*"):
        if path.suffix in TEXT_SUFFIXES:
            text = path.read_text(encoding="utf-8")
            assert SOLUTIONS_PATH not in text, path
            assert "INSTRUCTORS" not in text, path
            if flavour == "class":
                assert EXEMPLARS_PATH not in text, path
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert f"Its test command is `{edition.TEST_COMMAND}`" in readme
    assert "instructor-guide" not in readme and "html-instructor" not in readme


def test_the_readme_regions_are_paired():
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert text.count("<!-- BEGIN INSTRUCTORS -->") == text.count("<!-- END INSTRUCTORS -->") > 0
    assert "INSTRUCTORS" not in edition.strip_instructors(text)


def test_the_project_keeps_its_solution_targets():
    for target in ("exercises", "html-instructor"):
        assert subprocess.run(["make", "-n", target], cwd=PROJECT_ROOT, capture_output=True).returncode == 0


@pytest.mark.parametrize("target", ["exercises", "html-instructor", "student-edition"])
def test_the_edition_makefile_has_no_target_that_needs_the_solutions(editions, target):
    run = subprocess.run(["make", "-n", target], cwd=editions["class"], capture_output=True, text=True)
    assert run.returncode != 0
    assert "does not include" in run.stderr


@pytest.mark.heavy
def test_the_edition_passes_its_own_test_command(editions):
    """`make test` inside the class edition, with this venv (no install)."""
    venv = Path(sys.prefix)
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    up_to_date = subprocess.run(["make", "-q", "install-dev", f"VENV={venv}"], cwd=editions["class"], env=env)
    assert up_to_date.returncode == 0, "the venv's install stamps are out of date: run make install-dev first"
    run = subprocess.run(["make", "test", f"VENV={venv}"], cwd=editions["class"], env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]


def test_only_tracked_content_ships_after_a_marking_run_with_stray_files(tmp_path):
    """A clone with what a marking run leaves (grades/, submissions/), a stray file and an
    uncommitted edit in its folder: the edition holds none of them, nor the key-stating tests."""
    clone = tmp_path / "pack"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(PROJECT_ROOT), str(clone)], check=True)
    (clone / "grades" / "feedback").mkdir(parents=True)
    (clone / "grades" / "summary.csv").write_text("student,total\n00123,45\n", encoding="utf-8")
    (clone / "grades" / "feedback" / "00123.html").write_text("<p>marks</p>", encoding="utf-8")
    (clone / "submissions" / "00123").mkdir(parents=True)
    (clone / "submissions" / "00123" / "02_claims.ipynb").write_text("{}", encoding="utf-8")
    (clone / "stray-notes.txt").write_text("a file a notebook wrote into the pack", encoding="utf-8")
    (clone / "data" / "planted.csv").write_text("x\n", encoding="utf-8")
    with open(clone / "README.md", "a", encoding="utf-8") as readme:
        readme.write("\nUNCOMMITTED EDIT\n")
    folder = edition.build(tmp_path / "out", root=clone)
    files = _files(folder)
    assert not [f for f in files if f.startswith(("grades/", "submissions/", "build/"))]
    assert "stray-notes.txt" not in files and "data/planted.csv" not in files
    assert "UNCOMMITTED EDIT" not in (folder / "README.md").read_text(encoding="utf-8")
    assert not [f for f in files if Path(f).name.startswith("test_tasks_lesson")]
    assert "tools/packtools/grading.py" not in files
    with zipfile.ZipFile(folder.with_suffix(".zip")) as archive:
        assert not [n for n in archive.namelist() if "grades/" in n or "submissions/" in n or "stray" in n]


def test_git_ignores_what_a_marking_run_writes():
    ignored = subprocess.run(["git", "check-ignore", "grades/summary.csv", "submissions/a/02.ipynb",
                              "build/x"], cwd=PROJECT_ROOT, capture_output=True, text=True).stdout.split()
    assert ignored == ["grades/summary.csv", "submissions/a/02.ipynb", "build/x"]


def test_only_the_self_study_readme_keeps_working_on_your_own(editions):
    self_study = (editions["self-study"] / "README.md").read_text(encoding="utf-8")
    class_edition = (editions["class"] / "README.md").read_text(encoding="utf-8")
    assert "## Working on your own" in self_study and "SELF-STUDY" not in self_study
    assert "self_assess(" in self_study
    assert "## Working on your own" not in class_edition and "SELF-STUDY" not in class_edition
