"""The pack's foundation: the shipped article, the environments, the notebooks' conventions."""

import re

import nbformat
import pytest

from packtools import navigation
from packtools.nbvalcfg import load_allowlist, sanitize_cfg
from readingpack.article import ArticleError, read_article
from readingpack.paths import PROJECT_ROOT

ARTICLE = PROJECT_ROOT / "data" / "article" / "article.txt"
METADATA = PROJECT_ROOT / "data" / "article" / "metadata.json"
NOTEBOOK_FOLDERS = ["notebooks", "solutions", "exercises"]
ALL_NOTEBOOKS = sorted(p for f in NOTEBOOK_FOLDERS for p in (PROJECT_ROOT / f).glob("*.ipynb"))
LESSONS = sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))


def test_a_cleaned_article_is_refused(tmp_path):
    folder = tmp_path / "article"
    folder.mkdir()
    (folder / "metadata.json").write_bytes(METADATA.read_bytes())
    cleaned = ARTICLE.read_text(encoding="utf-8").replace("\u00a0", " ").replace("’", "'")
    (folder / "article.txt").write_text(cleaned, encoding="utf-8")
    with pytest.raises(ArticleError, match="bytes have changed"):
        read_article(folder)


@pytest.mark.parametrize("path", ALL_NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_conventions(path):
    nb = nbformat.read(path, as_version=4)
    assert re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", path.name)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    text = path.read_text(encoding="utf-8")
    for pattern in (r"/work/", r"/root/", r"/home/", r"/Users/", r"/tmp/", r"C:\\\\"):
        assert not re.search(pattern, text), f"{path.name} stores an absolute path ({pattern})"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lessons_record_their_minutes(path):
    nb = nbformat.read(path, as_version=4)
    teaching, exercise = navigation.minutes(nb)
    assert teaching > 0 and exercise >= 0
    assert f"*Teaching: {teaching} min · Exercises: {exercise} min*" in nb.cells[1].source


def test_lesson_numbers_run_from_00_without_gaps():
    numbers = [int(p.name[:2]) for p in LESSONS]
    assert numbers == list(range(len(numbers)))
    assert LESSONS[0].name == "00_start_here.ipynb"


def test_navigation_and_contents_are_up_to_date():
    assert navigation.stale_notebooks(PROJECT_ROOT / "notebooks", navigation.GUIDE) == []


def test_navigation_tool_is_idempotent_and_detects_staleness(tmp_path):
    for path in LESSONS:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    navigation.write_navigation(tmp_path)
    assert navigation.write_navigation(tmp_path) == []
    start = tmp_path / "00_start_here.ipynb"
    nb = nbformat.read(start, as_version=4)
    nb.metadata["readingpack"]["teaching_minutes"] = 99
    nbformat.write(nb, start)
    assert navigation.stale_notebooks(tmp_path) == [start]
    assert navigation.write_navigation(tmp_path) == [start]
    assert "| 99 |" in start.read_text(encoding="utf-8")
    assert navigation.write_navigation(tmp_path) == []


NBVAL_MARKER = re.compile(r"#\s*(NBVAL_[A-Z_]+)")


def test_every_nbval_marker_and_sanitiser_is_allowlisted_with_a_reason():
    allowlist = load_allowlist()
    allowed = {(m["notebook"], m["marker"]) for m in allowlist["cell_markers"]}
    for entry in allowlist["cell_markers"] + allowlist["sanitizers"]:
        assert entry.get("reason", "").strip(), f"allowlist entry without a reason: {entry}"
    found = set()
    for path in ALL_NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for marker in NBVAL_MARKER.findall(cell.source) if cell.cell_type == "code" else []:
                found.add((f"{path.parent.name}/{path.name}", marker))
            for tag in cell.metadata.get("tags", []):
                if tag.startswith("nbval"):
                    found.add((f"{path.parent.name}/{path.name}", tag))
    assert found <= allowed, f"nbval markers not in tests/nbval_allowlist.json: {found - allowed}"
    for entry in allowlist["sanitizers"]:
        assert f"regex: {entry['regex']}" in sanitize_cfg(allowlist)
