"""Where a learner stands: one lesson's tasks (check_all) or every lesson's (workbook_progress).

check_all() runs every task's check of one exercise notebook in the notebook itself. The
workbook overview reads the saved notebooks of workbook/ without running them: the status a
check cell printed when it was last run, and whether each written answer cell holds an answer.

    python -m readingpack.exercises.progress [folder]
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .answers import AnswerNotFound, answer_cells, read_notebook
from .feedback import (
    CORRECT,
    INCORRECT,
    NOT_ANSWERED,
    NOT_MARKED,
    SYMBOLS,
    TASKS,
    _task_order,
    check_task,
    plural,
    task_table,
    text_as_html,
)

DONE, TO_FIX, OPEN, AWAITING = "done", "to fix", "not answered", "awaiting a marker"
BUCKET = {CORRECT: DONE, INCORRECT: TO_FIX, NOT_ANSWERED: OPEN, NOT_MARKED: AWAITING}
STATUS_LINE = re.compile(r"Task (\d+\.\d+): (correct|incorrect|not answered yet|not machine-marked|"
                         r"could not check)\.")


def active_tasks(lesson: int) -> list[str]:
    table = task_table()
    chosen = table[(table["lesson"] == lesson) & (table["status"] == "active")]
    return sorted(chosen.index, key=_task_order)


@dataclass(frozen=True)
class Summary:
    lesson: int
    rows: list[tuple[str, str, str]]  # task, bucket, status shown

    def count(self, bucket: str) -> int:
        return sum(1 for _, b, _ in self.rows if b == bucket)

    def __str__(self) -> str:
        totals = (f"Lesson {self.lesson}, {plural(len(self.rows), 'task')}: {self.count(DONE)} done, "
                  f"{self.count(TO_FIX)} to fix, {self.count(OPEN)} not answered, "
                  f"{plural(self.count(AWAITING), 'written answer')} awaiting a marker.")
        lines = [f"  {SYMBOLS[status]} {task}: {status}" for task, _, status in self.rows]
        return "\n".join([totals, *lines])

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return text_as_html(str(self))


def _lesson_of(namespace: dict) -> int | None:
    present = [t for t in TASKS.values() if t.variable in namespace and t.kind != "written"]
    lessons = sorted({_task_order(t.task_id)[0] for t in present})
    return lessons[0] if len(lessons) == 1 else None


def check_all(lesson: int | None = None, namespace: dict | None = None) -> Summary | str:
    """Check every task of one lesson's exercise notebook and sum up where it stands."""
    if namespace is None:
        import inspect

        namespace = inspect.currentframe().f_back.f_globals
    lesson = lesson or _lesson_of(namespace)
    if lesson is None:
        return "Give the lesson's number, for example check_all(2)."
    rows = []
    for task_id in active_tasks(lesson):
        status = check_task(task_id, namespace).status
        rows.append((task_id, BUCKET.get(status, TO_FIX), status))
    return Summary(lesson, rows)


def notebook_progress(path: Path) -> Summary | None:
    """A saved exercise notebook's standing, from its stored outputs and answer cells."""
    notebook = read_notebook(path)
    match = re.match(r"(\d+)_", path.name)
    if not match or not active_tasks(int(match.group(1))):
        return None
    lesson = int(match.group(1))
    printed = {}
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            text = output.get("text") or output.get("data", {}).get("text/plain", "")
            text = "".join(text) if isinstance(text, list) else text
            for task, status in STATUS_LINE.findall(text):
                printed[task] = status
    written = answer_cells(notebook)
    rows = []
    for task_id in active_tasks(lesson):
        if task_id in written:
            status = NOT_MARKED if written[task_id] else NOT_ANSWERED
        else:
            status = printed.get(task_id, NOT_ANSWERED)
        rows.append((task_id, BUCKET.get(status, TO_FIX), status))
    return Summary(lesson, rows)


def workbook_progress(folder: Path | str = "workbook") -> str:
    """Every lesson of a workbook folder, one line each, read from the saved notebooks."""
    folder = Path(folder)
    if not folder.is_dir():
        return (f"There is no {folder} folder yet. Run `make workbook` (in JupyterLab's terminal: "
                "File > New > Terminal) to get your own copies of the exercise notebooks.")
    lines = [f"Your work in {folder} (as last saved; a task counts as done once its check cell "
             "printed “correct”):"]
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        try:
            summary = notebook_progress(path)
        except AnswerNotFound as problem:
            lines.append(f"  {path.name}: {problem}")
            continue
        if summary:
            lines.append(f"  {path.name}: {summary.count(DONE)} done, {summary.count(TO_FIX)} to fix, "
                         f"{summary.count(OPEN)} not answered, {summary.count(AWAITING)} awaiting a "
                         f"marker (of {len(summary.rows)})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print(workbook_progress(args[0] if args else "workbook"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
