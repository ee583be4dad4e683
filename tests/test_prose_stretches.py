"""No lesson asks a student to read more than 1,000 words of prose without something to do.

An activity is a code cell, or a markdown cell part that opens with one of the lessons' activity
labels in bold ("**Questions for you**", "**Try it**", "**Think about it.**", "**Check (2
min).**", ...): from that label to the end of its cell the student is working, not reading on.
The words of the markdown between two activities form one stretch. Generated cells (navigation,
contents) and HTML comments are not counted. A lesson may end with an appendix that is clearly
optional: a heading "Appendix (optional)" and everything after it are left out.

`PYTHONPATH=src python tests/test_prose_stretches.py` prints the longest stretch of every lesson.
"""

import re
from pathlib import Path

import nbformat
import pytest

from readingpack.paths import PROJECT_ROOT

LIMIT = 1000
ACTIVITY = re.compile(
    r"^\*\*(Questions for you|Try it|Try the rules yourself|Think about it|Task\b|Your turn|"
    r"Find the parts yourself|Check \(\d+ min\)|Discuss \(\d+ min\))", re.M)
OPTIONAL_APPENDIX = re.compile(r"^#+ Appendix \(optional\)", re.M)
GENERATED = re.compile(r"^<!-- (navigation|contents): written by packtools")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
LESSONS = sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def words(text: str) -> int:
    return sum(1 for token in HTML_COMMENT.sub("", text).split() if re.search(r"\w", token))


def stretches(cells) -> list[tuple[int, str]]:
    """(words, first cell id) of each run of prose between two activities, in order."""
    runs, count, start = [], 0, None
    for cell in cells:
        if cell.cell_type == "code":
            runs.append((count, start))
            count, start = 0, None
            continue
        if cell.cell_type != "markdown" or GENERATED.match(cell.source):
            continue
        if OPTIONAL_APPENDIX.search(cell.source):
            break
        activity = ACTIVITY.search(cell.source)
        prose = cell.source[:activity.start()] if activity else cell.source
        if words(prose):
            start = start or cell.get("id")
            count += words(prose)
        if activity:
            runs.append((count, start))
            count, start = 0, None
    runs.append((count, start))
    return runs


def longest(path: Path) -> tuple[int, str]:
    return max(stretches(nbformat.read(path, as_version=4).cells), key=lambda run: run[0])


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_no_stretch_of_prose_longer_than_the_limit(path):
    count, start = longest(path)
    assert count <= LIMIT, (
        f"{path.name}: {count} words of prose from cell {start} before the next activity "
        f"(limit {LIMIT}): add a check, or move optional detail under an 'Appendix (optional)' heading")


def cell(kind: str, source: str):
    make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    return make(source)


def test_the_counter_finds_a_long_stretch_and_the_activities_that_end_it():
    para = "word " * 600
    cells = [cell("md", para), cell("md", para), cell("code", "x = 1"), cell("md", para),
             cell("md", "**Check (2 min).** What did you read?"), cell("md", para)]
    assert [n for n, _ in stretches(cells)] == [1200, 600, 600]
    inside = [cell("md", para + "\n\n**Questions for you**\n1. Why?\n" + para), cell("md", para)]
    assert [n for n, _ in stretches(inside)] == [600, 600]


def test_only_an_appendix_marked_optional_is_left_out():
    para = "word " * 600
    marked = [cell("md", para), cell("md", "## Appendix (optional): the detail"), cell("md", para)]
    assert [n for n, _ in stretches(marked)] == [600]
    unmarked = [cell("md", para), cell("md", "## Appendix: the detail"), cell("md", para)]
    assert max(n for n, _ in stretches(unmarked)) > LIMIT


if __name__ == "__main__":
    for path in LESSONS:
        count, start = longest(path)
        print(f"{path.name}: {count} words (from cell {start})")
