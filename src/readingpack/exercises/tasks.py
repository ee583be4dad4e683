"""What a task is, in one place: data/tasks.csv, read as TaskSpec rows, and the Status words.

A task's id, lesson, kind, title, variable, answer form, precision, points, rubric criteria,
word range, hints and status are columns of data/tasks.csv; nothing else defines them. A lesson
module registers only the check function of a task (`@task("5.1")` in feedback.py), and the
exercise notebooks' task headings and answer stubs are generated from the same rows
(packtools.assignments). The checks, the progress overview, the batch marker and its reports
all use the Status values below, whose words are the ones stored in their outputs.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from ..ledger import load_ledger


class Status(StrEnum):
    """The outcome of a task. A check gives one of the first five; the progress overview adds
    SELF_ASSESSED, the batch marker NOT_HANDED_IN, DAMAGED and MARKED. Each value is the word
    shown to students and stored in the marker's CSVs."""

    CORRECT = "correct"
    INCORRECT = "incorrect"
    NOT_ANSWERED = "not answered yet"
    NOT_MARKED = "not machine-marked"
    CANNOT_CHECK = "could not check"
    SELF_ASSESSED = "self-assessed"
    NOT_HANDED_IN = "not handed in"
    DAMAGED = "could not be read"
    MARKED = "marked"


CHECK_STATUSES = (Status.CORRECT, Status.INCORRECT, Status.NOT_ANSWERED, Status.NOT_MARKED,
                  Status.CANNOT_CHECK)


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _number(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


@dataclass(frozen=True)
class TaskSpec:
    """One row of data/tasks.csv."""

    task_id: str
    lesson: int
    kind: str  # code, number, choice, classification, widget, chart, written
    title: str
    variable: str
    answer_form: str
    decimals: int | None
    work: str
    points: int
    criteria: tuple[str, ...]
    min_words: int | None
    max_words: int | None
    hint_method: str
    hint_specific: str
    status: str  # active or retired
    note: str

    @property
    def active(self) -> bool:
        return self.status == "active"

    @classmethod
    def from_row(cls, row: dict) -> "TaskSpec":
        return cls(
            task_id=str(row["task_id"]), lesson=int(row["lesson"]), kind=str(row["kind"]),
            title=_text(row["title"]), variable=str(row["variable"]), answer_form=_text(row["answer_form"]),
            decimals=_number(row["decimals"]), work=_text(row["work"]), points=int(row["points"]),
            criteria=tuple(c.strip() for c in _text(row["criteria"]).split(";") if c.strip()),
            min_words=_number(row["min_words"]), max_words=_number(row["max_words"]),
            hint_method=_text(row["hint_method"]), hint_specific=_text(row["hint_specific"]),
            status=str(row["status"]), note=_text(row["note"]))


def task_order(task_id: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", str(task_id)))


def task_frame(active_only: bool = False) -> pd.DataFrame:
    """data/tasks.csv as a table indexed by task id: every task, retired ones included, or with
    `active_only` the active tasks only."""
    table = load_ledger().tasks
    if active_only:
        table = table[table["status"] == "active"]
    return table.set_index("task_id")


_read: dict[int, tuple[object, dict[str, TaskSpec]]] = {}


def task_specs() -> dict[str, TaskSpec]:
    """Every task of data/tasks.csv (retired ones included), by id, in lesson order; read once
    per loaded ledger."""
    ledger = load_ledger()
    if id(ledger) not in _read:
        rows = ledger.tasks.to_dict("records")
        specs = {str(row["task_id"]): TaskSpec.from_row(row) for row in rows}
        _read[id(ledger)] = (ledger, {t: specs[t] for t in sorted(specs, key=task_order)})
    return dict(_read[id(ledger)][1])


def task_spec(task_id: str) -> TaskSpec | None:
    return task_specs().get(str(task_id))


def active_task_ids(lesson: int | None = None) -> list[str]:
    """The ids of the active tasks, of one lesson or of all, in order."""
    return [t.task_id for t in task_specs().values()
            if t.active and (lesson is None or t.lesson == lesson)]
