"""Every workbook imports what its tasks name: each solution's answer cells run against the
exercise notebook's own other cells (its set-up, widgets and checks), in order, so an import
that only the solution's answer makes (pd.crosstab, cl.codebook_rules()) fails here. A solution
block itself imports nothing.

Here: the tests that state this article's facts (its solutions' answers);
tests/test_workbook_setup.py holds those that hold for any article."""

import contextlib
import io
import os
import re
from pathlib import Path

import matplotlib
import nbformat
import pytest

from readingpack.paths import PROJECT_ROOT

matplotlib.use("Agg")
SOLUTIONS = sorted((PROJECT_ROOT / "solutions").glob("0*.ipynb"))
ANSWER = re.compile(r"#\s*(SOLUTION|BEGIN SOLUTION)\b")


def code_cells(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_answers_run_against_the_exercise_notebooks_own_cells(solution):
    exercise = PROJECT_ROOT / "exercises" / solution.name
    answers, others = code_cells(solution), code_cells(exercise)
    assert len(answers) == len(others), (solution.name, "cells differ: run make exercises")
    namespace: dict = {"__name__": "__workbook__"}
    previous = Path.cwd()
    os.chdir(exercise.parent)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for index, (answer, own) in enumerate(zip(answers, others, strict=True)):
                source = answer if ANSWER.search(answer) else own
                try:
                    exec(compile(source, f"{exercise.name} cell {index}", "exec"), namespace)
                except NameError as error:
                    pytest.fail(f"{exercise.name}, code cell {index}: {error} (not imported by the "
                                "workbook's own cells)")
    finally:
        os.chdir(previous)


