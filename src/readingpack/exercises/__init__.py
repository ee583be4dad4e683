"""The exercises: one module per lesson (lesson01.py, ...) registers the check of each of its
tasks with `@task("N.M")`, and chart_tasks.py the chart tasks; importing this package registers
them all. Everything else about a task (variable, kind, title, points, precision, hints, rubric
criteria) is its row of data/tasks.csv, read as a TaskSpec (tasks.py).
In a notebook:

    from readingpack.exercises import check, check_all
    check("3.2")
    check_all()

Task checks read the evidence layer (readingpack.evidence) and the ledger, never a widget.
"""

from . import (
    chart_tasks,
    lesson01,
    lesson02,
    lesson03,
    lesson04,
    lesson05,
    lesson06,
    lesson07,
    lesson08,
    lesson09,
)
from .feedback import (
    CANNOT_CHECK,
    CORRECT,
    INCORRECT,
    NOT_ANSWERED,
    NOT_MARKED,
    TASKS,
    Feedback,
    check,
    check_value,
    task,
    tasks_for_lesson,
)
from .tasks import Status, TaskSpec, active_task_ids, task_frame, task_spec, task_specs

LESSONS = (lesson01, lesson02, lesson03, lesson04, lesson05, lesson06, lesson07, lesson08, lesson09)
PROGRESS = ("check_all", "self_assess", "workbook_progress")

__all__ = ["CANNOT_CHECK", "CORRECT", "INCORRECT", "LESSONS", "NOT_ANSWERED", "NOT_MARKED", "TASKS",
           "Feedback", "Status", "TaskSpec", "active_task_ids", "chart_tasks", "check", "check_all",
           "check_value", "self_assess", "task", "task_frame", "task_spec", "task_specs", "tasks_for_lesson",
           "workbook_progress"]


def __getattr__(name: str):
    """check_all, self_assess and workbook_progress come from .progress, imported on first use,
    so that `python -m readingpack.exercises.progress` runs the module once, without a warning."""
    if name in PROGRESS:
        from . import progress

        return getattr(progress, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
