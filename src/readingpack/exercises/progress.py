"""Where a learner stands: one lesson's tasks (check_all) or every lesson's (workbook_progress).

check_all() runs every task's check of one exercise notebook in the notebook itself. The
workbook overview reads the saved notebooks of workbook/ without running them: the status a
check cell printed when it was last run, and whether each written answer cell holds an answer.

A learner working alone marks a written answer against the exemplars and rubric of its lesson
with self_assess("2.6", {"quotation": 2, "attribution": 3, ...}); the marks go
to self-assessment.json in the notebook's folder, and the overview shows the task as
"self-assessed". The teacher's marker reads only the notebooks, so it never sees them.

    python -m readingpack.exercises.progress [folder]
"""

import json
import re
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .answers import AnswerNotFound, answer_cells, read_notebook
from .feedback import SYMBOLS, check_task, defined_tasks, plural, text_as_html
from .tasks import CHECK_STATUSES, Status, active_task_ids, task_order, task_spec, task_specs

DONE, TO_FIX, OPEN, AWAITING = "done", "to fix", "not answered", "awaiting a marker"
SELF_ASSESSED = Status.SELF_ASSESSED
BUCKET = {Status.CORRECT: DONE, Status.INCORRECT: TO_FIX, Status.NOT_ANSWERED: OPEN,
          Status.NOT_MARKED: AWAITING, SELF_ASSESSED: SELF_ASSESSED}
SELF_MARKS = "self-assessment.json"
STATUS_LINE = re.compile(r"Task (\d+\.\d+): (" + "|".join(map(re.escape, CHECK_STATUSES)) + r")\.")


@dataclass(frozen=True)
class Summary:
    lesson: int
    rows: list[tuple[str, str, str]]  # task, bucket, status shown

    def count(self, bucket: str) -> int:
        return sum(1 for _, b, _ in self.rows if b == bucket)

    def __str__(self) -> str:
        totals = (f"Lesson {self.lesson}, {plural(len(self.rows), 'task')}: {self.count(DONE)} done, "
                  f"{self.count(TO_FIX)} to fix, {self.count(OPEN)} not answered, "
                  f"{plural(self.count(AWAITING), 'written answer')} awaiting a marker"
                  + (f", {self.count(SELF_ASSESSED)} self-assessed." if self.count(SELF_ASSESSED) else "."))
        lines = [f"  {SYMBOLS.get(status, '✎')} {task}: {status}" for task, _, status in self.rows]
        return "\n".join([totals, *lines])

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return text_as_html(str(self))


def _lesson_of(namespace: dict) -> int | None:
    present = [t for t in defined_tasks() if t.variable in namespace and t.kind != "written"]
    lessons = sorted({task_order(t.task_id)[0] for t in present})
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
    for task_id in active_task_ids(lesson):
        status = check_task(task_id, namespace).status
        rows.append((task_id, BUCKET.get(status, TO_FIX), status))
    return Summary(lesson, rows)


def notebook_progress(path: Path) -> Summary | None:
    """A saved exercise notebook's standing, from its stored outputs and answer cells."""
    notebook = read_notebook(path)
    match = re.match(r"(\d+)_", path.name)
    if not match or not active_task_ids(int(match.group(1))):
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
    marked = self_marks(path.parent)
    rows = []
    for task_id in active_task_ids(lesson):
        if task_id in written:
            status = Status.NOT_MARKED if written[task_id] else Status.NOT_ANSWERED
            status = SELF_ASSESSED if status == Status.NOT_MARKED and task_id in marked else status
        else:
            status = Status(printed.get(task_id, Status.NOT_ANSWERED))
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
            selfs = summary.count(SELF_ASSESSED)
            lines.append(f"  {path.name}: {summary.count(DONE)} done, {summary.count(TO_FIX)} to fix, "
                         f"{summary.count(OPEN)} not answered, {summary.count(AWAITING)} awaiting a "
                         f"marker{f', {selfs} self-assessed' if selfs else ''} (of {len(summary.rows)})")
    return "\n".join(lines)


# Self-assessment -------------------------------------------------------------------------------

def self_marks(folder: Path) -> dict[str, dict]:
    """The self-marks recorded in `folder` (task id -> {"marks": {...}, "saved": ...}), or {}."""
    path = Path(folder) / SELF_MARKS
    try:
        marks = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return marks if isinstance(marks, dict) else {}


def criteria(task_id: str) -> list[str]:
    return list(task_spec(task_id).criteria)


def self_assess(task_id: str, marks: dict, folder: Path | str | None = None) -> str:
    """Record your own marks (0 to 3 per rubric criterion) for a written task, after comparing
    your answer with the exemplars and rubric the task's check names. They are for you and for
    progress; your instructor's marking never reads them."""
    task_id = str(task_id).strip()
    specs = task_specs()
    if task_id not in specs or specs[task_id].kind != "written":
        written = ", ".join(t.task_id for t in specs.values() if t.kind == "written")
        return f"{task_id!r} is not a written task; self-assessment is for the written tasks: {written}."
    names = criteria(task_id)
    if not isinstance(marks, dict):
        return (f"Give the marks as a dictionary, for example self_assess(\"{task_id}\", "
                + "{" + ", ".join(f'\"{n}\": 2' for n in names) + "}).")
    given = {str(k).strip().lower(): v for k, v in marks.items()}
    unknown = sorted(set(given) - set(names))
    if unknown:
        return f"Task {task_id} is marked on {', '.join(names)}; not on {', '.join(unknown)}."
    bad = [f"{k}: {v!r}" for k, v in given.items()
           if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 3]
    if bad:
        return f"Each mark is a whole number from 0 to 3; check {', '.join(bad)}."
    folder = Path.cwd() if folder is None else Path(folder)
    recorded = self_marks(folder)
    recorded[task_id] = {"marks": {n: given[n] for n in names if n in given},
                         "saved": datetime.now().isoformat(timespec="seconds")}
    try:
        (folder / SELF_MARKS).write_text(json.dumps(recorded, indent=1, sort_keys=True), encoding="utf-8")
    except OSError as error:
        return f"I could not save your marks in {folder / SELF_MARKS} ({error.__class__.__name__})."
    missing = [n for n in names if n not in given]
    total = sum(given.values())
    note = f" Not marked yet: {', '.join(missing)}." if missing else ""
    return (f"Recorded your self-assessment of task {task_id}: {total} of {3 * len(given)} on "
            f"{', '.join(given)}, in {folder / SELF_MARKS}.{note} Progress shows the task as "
            "self-assessed; these marks are for you, and your instructor's marking does not read them.")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print(workbook_progress(args[0] if args else "workbook"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
