"""The multiple-choice tasks' options, key and feedback, from the loaded article's choices.csv:
their sentences are about the article, so each article's data folder writes its own. Words in
braces ({quote}) are filled in by the task's check, from the ledger."""

import pandas as pd

from ..ledger import load_ledger
from .feedback import CANNOT_CHECK, Feedback, check_choice


class NoOptions(LookupError):
    """The loaded data folder gives no options for a multiple-choice task."""


def _rows(task_id: str) -> pd.DataFrame:
    ledger = load_ledger()
    if "choices" not in ledger.names:
        raise NoOptions(f"Task {task_id} cannot be checked on this article: its data folder has no "
                        "choices.csv (the options of the multiple-choice tasks, listed in "
                        "datapackage.json). Add it, with one row per option of this task.")
    rows = ledger.choices[ledger.choices["task_id"] == task_id].sort_values("option")
    if rows.empty:
        raise NoOptions(f"Task {task_id} cannot be checked on this article: choices.csv has no row "
                        "for it. Add one row per option, the correct one with key true.")
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
    """The choice check of `task_id`, its key from choices.csv unless the check computes it; a
    data folder without the task's options is named, never a traceback."""
    try:
        return check_choice(answer, options(task_id, **values), correct or key(task_id),
                            why(task_id, **values))
    except NoOptions as missing:
        return Feedback(CANNOT_CHECK, str(missing), reason="no_options")


def entry(task_id: str, correct=None) -> tuple:
    """(options, key) as functions, for a lesson module's CHOICES (tests/article/test_choice_balance.py):
    the key from choices.csv unless `correct` computes it."""
    return (lambda: options(task_id), correct or (lambda: key(task_id)))
