"""The exercises: one module per lesson (lesson01.py, ...) registers its tasks with
`feedback.register`; importing this package registers them all. In a notebook:

    from readingpack.exercises import check
    check("3.2")

Task checks read the evidence layer (readingpack.evidence) and the ledger, never a widget.
"""

from . import lesson01, lesson02, lesson03, lesson04, lesson05, lesson06, lesson07, lesson08
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
    tasks_for_lesson,
)

LESSONS = (lesson01, lesson02, lesson03, lesson04, lesson05, lesson06, lesson07, lesson08)

__all__ = ["CANNOT_CHECK", "CORRECT", "INCORRECT", "LESSONS", "NOT_ANSWERED", "NOT_MARKED", "TASKS",
           "Feedback", "check", "check_value", "tasks_for_lesson"]
