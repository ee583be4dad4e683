"""A student's workbook is never overwritten, so an update must not break one copied earlier:
the exercise notebooks as they were handed out in version 1 (tests/fixtures/workbook_v1, with
their blank answers) still run top to bottom in the current runtime.

Here: the tests that state this article's facts (its version-1 workbooks run on its data);
tests/test_old_workbooks.py holds those that hold for any article."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

FIXTURES = Path(__file__).parents[1] / "fixtures" / "workbook_v1"
NOTEBOOKS = sorted(FIXTURES.glob("*.ipynb"))


# Lesson 8's version-1 workbook shows the reference table's old `side` column, which the
# publishers tables replaced (a fact can now have several publishers in several roles). The
# README's "Updating" section tells a student to take the new copy of that one workbook.
CHANGED = {"08_checking_claims": "the reference table's side columns were replaced by publisher tables"}


def _params():
    for path in NOTEBOOKS:
        marks = [pytest.mark.xfail(reason=CHANGED[path.stem], strict=True)] if path.stem in CHANGED else []
        yield pytest.param(path, id=path.stem, marks=marks)


@pytest.mark.slow
@pytest.mark.parametrize("path", list(_params()))
def test_a_version_1_workbook_still_runs(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError, naming the cell, if an old import or call fails
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert errors == []


# ---- the old names, kept in one place (readingpack/_compat.py) and used by nothing else -------


