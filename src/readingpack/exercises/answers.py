"""Written answers live in markdown answer cells of the saved exercise notebook.

A written task's answer cell is a markdown cell whose metadata holds
`{"readingpack": {"task": "2.6", "role": "answer"}}` (the way nbgrader marks the cells a person
grades). Prose in a markdown cell cannot break anything: no quotation mark, apostrophe or line
break is a syntax error there, and the answer is saved with the notebook.

The checker reads the notebook file as last saved. It finds the file from, in this order:
READINGPACK_NOTEBOOK (set by the batch marker), the kernel's session path in JupyterLab
(`__session__`, set when the kernel started, so it goes stale if the notebook is renamed),
and the only notebook of the working folder that has an answer cell for the task.
"""

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ANSWER_PROMPT = "✎ Write your answer here: double-click this cell to edit it, then save the notebook."
# Workbooks made before the prompt used a text-font mark still carry the old one.
OLD_ANSWER_PROMPTS = ("✏️ Write your answer here: double-click this cell to edit it, then save the notebook.",)
ENVIRONMENT_VARIABLE = "READINGPACK_NOTEBOOK"
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)


@dataclass(frozen=True)
class SavedAnswer:
    """The answer text read from a notebook file (None when the cell is still the prompt)."""

    text: str | None
    path: Path
    saved: datetime
    note: str = ""

    def where(self) -> str:
        when = f"{self.saved:%H:%M} on {self.saved:%d %b %Y}"
        if os.environ.get(ENVIRONMENT_VARIABLE):  # the batch marker: the copy handed in
            return f"Read from the notebook you handed in (saved at {when})."
        return (f"I read your answer from {self.path.name} as last saved at {when}; "
                f"if you changed it since, save the notebook (Ctrl+S) and run this cell again.{self.note}")


class AnswerNotFound(Exception):
    """The notebook or its answer cell could not be found; the message says what to do."""


def is_answer_cell(cell: dict, task_id: str | None = None) -> bool:
    meta = cell.get("metadata", {}).get("readingpack", {})
    return (cell.get("cell_type") == "markdown" and meta.get("role") == "answer"
            and (task_id is None or str(meta.get("task")) == task_id))


def cell_text(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def answer_text(cell: dict) -> str | None:
    """The student's text: the cell without the prompt line, or None if nothing was written."""
    text = cell_text(cell)
    for prompt in (ANSWER_PROMPT, *OLD_ANSWER_PROMPTS):
        text = text.replace(f"*{prompt}*", "").replace(prompt, "")
    text = HTML_COMMENT.sub("", text)  # the solutions' markers around an exemplar
    return text.strip() or None


def read_notebook(path: Path) -> dict:
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise AnswerNotFound(f"I could not read {path} ({error.__class__.__name__}).") from error
    except json.JSONDecodeError as error:
        raise AnswerNotFound(f"{path} is not a readable notebook (its JSON breaks at line "
                             f"{error.lineno}, column {error.colno}).") from error
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise AnswerNotFound(f"{path} has no list of cells: it is not a notebook.")
    return notebook


def answer_cells(notebook: dict) -> dict[str, str | None]:
    """Every answer cell of a notebook: task id -> the student's text (or None)."""
    return {str(c["metadata"]["readingpack"]["task"]): answer_text(c)
            for c in notebook["cells"] if is_answer_cell(c)}


def _candidates(task_id: str, folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.glob("*.ipynb")):
        try:
            if task_id in answer_cells(read_notebook(path)):
                found.append(path)
        except AnswerNotFound:
            continue
    return found


def locate(task_id: str, namespace: dict) -> tuple[Path, str]:
    """The notebook that holds task `task_id`'s answer cell, and a note on how it was found."""
    named = os.environ.get(ENVIRONMENT_VARIABLE)
    if named:
        path = Path(named)
        if not path.is_file():
            raise AnswerNotFound(f"{ENVIRONMENT_VARIABLE} names {named}, which is not a file.")
        return path, ""
    session = namespace.get("__session__") or os.environ.get("JPY_SESSION_NAME")
    if session:
        path = Path(session)
        if path.is_file():
            return path, ""
        stale = (f" (This kernel was started for {path.name}, which no longer exists: the notebook "
                 "was renamed or moved. Restart the kernel, Kernel > Restart Kernel, so I find it "
                 "by its new name.)")
    else:
        stale = ""
    found = _candidates(task_id, Path.cwd())
    if len(found) == 1:
        return found[0], stale
    if not found:
        raise AnswerNotFound(f"I cannot find the notebook that holds the answer cell of task {task_id} "
                             f"in {Path.cwd()}.{stale} Save your notebook (Ctrl+S) in this folder, open "
                             "it from JupyterLab's file browser, and run this cell there.")
    names = ", ".join(p.name for p in found)
    raise AnswerNotFound(f"Several notebooks in this folder have an answer cell for task {task_id} "
                         f"({names}), and I cannot tell which one is yours.{stale} Open your notebook "
                         "from JupyterLab's file browser and run this cell there.")


def read_answer(task_id: str, namespace: dict) -> SavedAnswer:
    path, note = locate(task_id, namespace)
    notebook = read_notebook(path)
    cells = answer_cells(notebook)
    if task_id not in cells:
        raise AnswerNotFound(f"{path.name} has no answer cell for task {task_id}: it may have been "
                             "deleted. Copy the answer cell back from a fresh copy of the exercise "
                             "notebook (exercises/), or ask your instructor.")
    saved = datetime.fromtimestamp(path.stat().st_mtime)
    return SavedAnswer(cells[task_id], path, saved, note)
