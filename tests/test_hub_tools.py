"""The hub route's small tools (docs/hosting.md): the nbgitpuller link, the workbook command that
needs no venv, and lesson 0's line comparing the kernel's pack with the student's copy."""

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from packtools import hublink
from readingpack import envcheck

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def test_the_link_names_the_folder_and_opens_lesson_0():
    url = hublink.link("https://git.example.org/course/readingpack.git", "spring", "https://hub.example.org/")
    parts = urlsplit(url)
    assert parts.netloc == "hub.example.org" and parts.path == "/hub/user-redirect/git-pull"
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert query == {
        "repo": "https://git.example.org/course/readingpack.git", "branch": "spring",
        "targetpath": "readingpack", "urlpath": "lab/tree/readingpack/notebooks/00_start_here.ipynb",
    }
    assert (PROJECT_ROOT / hublink.START).is_file()


def test_make_hub_link_prints_the_link_or_says_what_is_missing():
    run = subprocess.run(["make", "-s", "--no-print-directory", "hub-link", "REPO=https://git.example.org/c/readingpack.git",
                          "BRANCH=main", "HUB=https://hub.example.org"],
                         cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == hublink.link("https://git.example.org/c/readingpack.git", "main",
                                              "https://hub.example.org")
    missing = subprocess.run(["make", "-s", "--no-print-directory", "hub-link"], cwd=PROJECT_ROOT,
                             capture_output=True, text=True)
    assert missing.returncode != 0 and "REPO=" in missing.stderr
    assert "not a git URL" in hublink.problem("readingpack", "main", hublink.HUB_PLACEHOLDER)


def test_the_workbook_script_runs_without_the_venv_and_never_overwrites(tmp_path):
    copy = tmp_path / "pack"
    shutil.copytree(PROJECT_ROOT / "tools", copy / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PROJECT_ROOT / "exercises", copy / "exercises")
    (copy / "workbook").mkdir()
    mine = copy / "workbook" / "01_article_and_setting.ipynb"
    mine.write_text("my work", encoding="utf-8")
    # a bare interpreter: no site-packages, so no pandas or readingpack could be imported
    run = subprocess.run([sys.executable, "-S", "-I", str(copy / "tools" / "workbook.py")],
                         cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert mine.read_text(encoding="utf-8") == "my work"
    assert "kept     workbook/01_article_and_setting.ipynb" in run.stdout
    copied = sorted(p.name for p in (copy / "workbook").glob("*.ipynb"))
    assert copied == sorted(p.name for p in (PROJECT_ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))


def test_lesson_0_says_whether_the_kernels_pack_is_the_students_copy(tmp_path):
    assert envcheck.copy_lines(PROJECT_ROOT / "notebooks") == []  # a checkout: one copy only
    copy = tmp_path / "readingpack"
    for folder in ("src/readingpack", "data"):
        shutil.copytree(PROJECT_ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "notebooks").mkdir()
    [(ok, line)] = envcheck.copy_lines(copy / "notebooks")
    assert ok and "is the same as your copy's" in line
    (copy / "data" / "settings.csv").write_text("changed\n", encoding="utf-8")
    [(ok, line)] = envcheck.copy_lines(copy / "notebooks")
    assert not ok and "differs from your copy's src/ and data/" in line
