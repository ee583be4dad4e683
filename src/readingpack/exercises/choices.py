"""The multiple-choice tasks' options, key and feedback, from the loaded article's choices.csv:
their sentences are about the article, so each article's data folder writes its own. Words in
braces ({quote}) are filled in by the task's check, from the ledger."""

import pandas as pd

from ..ledger import load_ledger
from .feedback import Feedback, check_choice


def _rows(task_id: str) -> pd.DataFrame:
    table = load_ledger().choices
    rows = table[table["task_id"] == task_id].sort_values("option")
    if rows.empty:
        raise KeyError(f"task {task_id} has no options in choices.csv: add one row per option")
    return rows


def options(task_id: str, **values) -> list[str]:
    return [text.format(**values) for text in _rows(task_id)["text"]]


def key(task_id: str) -> int:
    rows = _rows(task_id)
    keys = rows.loc[rows["key"].astype(bool), "option"]
    if len(keys) != 1:
        raise ValueError(f"task {task_id} needs exactly one option with key true in choices.csv")
    return int(keys.iloc[0])


def why(task_id: str, **values) -> dict[int, str]:
    rows = _rows(task_id)
    return {int(n): text.format(**values) for n, text in zip(rows["option"], rows["why"], strict=True)}


def check(task_id: str, answer, correct: int | None = None, **values) -> Feedback:
    """The choice check of `task_id`, its key from choices.csv unless the check computes it."""
    return check_choice(answer, options(task_id, **values), correct or key(task_id), why(task_id, **values))


def entry(task_id: str, correct=None) -> tuple:
    """(options, key) as functions, for a lesson module's CHOICES (tests/article/test_choice_balance.py):
    the key from choices.csv unless `correct` computes it."""
    return (lambda: options(task_id), correct or (lambda: key(task_id)))
