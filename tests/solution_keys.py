"""The key of every task, taken from the solution notebooks themselves: their code cells run
in-process (no kernel), and each task's variable is read afterwards; a written task's key is its
exemplar in the answer cell. So the tests check the checks against the master copy, with no
answer typed twice."""

import contextlib
import io
import os
import re
from functools import cache
from pathlib import Path

import matplotlib
import nbformat

from readingpack.exercises.answers import is_answer_cell

matplotlib.use("Agg")
SOLUTIONS = Path(__file__).resolve().parents[1] / "solutions"
MARKERS = re.compile(r"<!-- (BEGIN|END) SOLUTION -->")


def solution_path(lesson: int) -> Path:
    return next(SOLUTIONS.glob(f"{lesson:02d}_*.ipynb"))


@cache
def solution_namespace(lesson: int) -> dict:
    notebook = nbformat.read(solution_path(lesson), as_version=4)
    namespace: dict = {"__name__": "__solution__"}
    previous = Path.cwd()
    os.chdir(SOLUTIONS)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in notebook.cells:
                if cell.cell_type == "code":
                    exec(compile(cell.source, f"{solution_path(lesson).name}", "exec"), namespace)
    finally:
        os.chdir(previous)
    return namespace


@cache
def written_keys(lesson: int) -> dict[str, str]:
    notebook = nbformat.read(solution_path(lesson), as_version=4)
    return {str(c.metadata["readingpack"]["task"]): MARKERS.sub("", c.source).strip()
            for c in notebook.cells if is_answer_cell(c)}


def key_of(task) -> object:
    lesson = int(task.task_id.split(".")[0])
    if task.kind == "written":
        return written_keys(lesson)[task.task_id]
    return solution_namespace(lesson)[task.variable]
