"""No lesson prints the computed answer of a code, number or list task of its exercises: the
lessons show each method on another question. The keys come from the solution notebooks.

What this can see: a count of 10 or more followed by what it counts ("46 claims"), a share at
the precision the task asks for (or two decimals), and a list of two or more items written out
together (as a Python list or joined by commas). What it cannot see: a small count (a 3 is
everywhere), a single id or label, or an answer a reader can work out from a full table; those
are listed in the closing note of the exercises issue, not hidden.
"""

import re
from html import unescape

import nbformat
import pytest
from solution_keys import key_of

from readingpack.exercises import TASKS
from readingpack.exercises.tasks import task_frame, task_order
from readingpack.paths import PROJECT_ROOT

TABLE = task_frame()
NOUNS = r"(?:claims|paragraphs|events|issues|relations|verbs|sources|rows|mentions|occurrences)"
COMPUTED = sorted((t for t in TASKS if t in TABLE.index and TABLE.loc[t, "status"] == "active"
                   and TABLE.loc[t, "kind"] in {"code", "number"}
                   and TABLE.loc[t, "answer_form"] in {"count", "number", "items"}), key=task_order)


def lesson_text(lesson: int) -> str:
    path = next((PROJECT_ROOT / "notebooks").glob(f"{lesson:02d}_*.ipynb"))
    parts = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            data = output.get("data", {})
            parts += [data.get("text/plain", ""), re.sub(r"<[^>]+>", " ", data.get("text/html", ""))]
    return unescape("\n".join(parts))


def renderings(task_id: str, key) -> list[str]:
    form = TABLE.loc[task_id, "answer_form"]
    if form == "count":
        return [rf"(?<![\d.,]){key} (?:\w+ )?{NOUNS}\b"] if key >= 10 else []
    if form == "number":
        places = int(TABLE.loc[task_id, "decimals"])
        return [re.escape(f"{key:.{places}f}") + r"(?!\d)", re.escape(f"{key:.2f}") + r"(?!\d)"]
    items = sorted(key) if all(isinstance(i, int) for i in key) else sorted(key, key=str)
    if len(items) < 2:
        return []
    shown = [str(i) for i in items]
    return [re.escape(", ".join(shown)), re.escape(repr(items)), re.escape(" ".join(shown))]


@pytest.mark.parametrize("task_id", COMPUTED)
def test_the_lesson_does_not_print_the_answer(task_id):
    key = key_of(TASKS[task_id])
    text = lesson_text(int(TABLE.loc[task_id, "lesson"]))
    for pattern in renderings(task_id, key):
        found = re.search(pattern, text)
        context = text[max(0, found.start() - 80):found.end() + 80] if found else ""
        assert not found, f"task {task_id}'s answer appears in its lesson: …{context}…"


def test_the_leak_finder_finds_a_printed_answer():
    assert re.search(renderings("3.2", 0.7229)[0], "that is 0.7% of Armenia")
    assert re.search(renderings("2.5", [15, 4, 6, 7])[0], "paragraphs 4, 6, 7, 15")
    assert re.search(renderings("2.1", 46)[0], "46 of the claims, that is 46 claims")
    assert not re.search(renderings("2.1", 46)[0], "paragraph 46, 46.5 claims")
    assert not renderings("5.1", 3)
