"""Every workbook imports what its tasks name: each solution's answer cells run against the
exercise notebook's own other cells (its set-up, widgets and checks), in order, so an import
that only the solution's answer makes (pd.crosstab, cl.codebook_rules()) fails here. A solution
block itself imports nothing."""

import re
from pathlib import Path

import matplotlib
import nbformat
import pytest

from readingpack.paths import PROJECT_ROOT

matplotlib.use("Agg")
SOLUTIONS = sorted((PROJECT_ROOT / "solutions").glob("0*.ipynb"))
BLOCK = re.compile(r"# BEGIN SOLUTION\n(.*?)# END SOLUTION", re.S)


def code_cells(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


@pytest.mark.parametrize("solution", SOLUTIONS, ids=lambda p: p.stem)
def test_solution_blocks_import_nothing(solution):
    for source in code_cells(solution):
        for block in BLOCK.findall(source):
            imports = re.findall(r"^\s*(?:import|from) \S+", block, re.M)
            assert not imports, (solution.name, imports, "import it in the notebook's set-up cell")


def test_every_retired_task_is_named_in_its_workbook():
    from readingpack.exercises.tasks import task_frame

    table = task_frame()
    for task_id in table.index[table["status"] == "retired"]:
        exercise = next((PROJECT_ROOT / "exercises").glob(f"{int(task_id.split('.')[0]):02d}_*.ipynb"))
        text = "\n".join(c.source for c in nbformat.read(exercise, as_version=4).cells)
        assert f"There is no task {task_id}" in text, (task_id, exercise.name)
