"""Tables are shown whole: every lesson, solution and workbook that shows a table sets pandas'
display.max_colwidth to None in its setup (show_table follows it), and no stored output holds a
table cell or a printed line cut by pandas at any width ("Baku is also demanding that Armenia
withdraws ..."). Workbooks are stored without outputs: their setup cells are checked."""

import html
import re

import nbformat
import pytest

from readingpack.paths import PROJECT_ROOT

SETTING = 'pd.set_option("display.max_colwidth", None)'
FOLDERS = ["notebooks", "solutions", "exercises"]
NOTEBOOKS = sorted(str(p.relative_to(PROJECT_ROOT)) for folder in FOLDERS
                   for p in (PROJECT_ROOT / folder).glob("*.ipynb"))
CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.S)
CUT = re.compile(r"\S\.\.\.$")  # pandas cuts a value to its width - 3 and adds "..." straight after


def cut_cells(notebook) -> list[str]:
    cut = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            for fragment in CELL.findall(data.get("text/html", "")):
                text = html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()
                if CUT.search(text):
                    cut.append(text)
            for line in (data.get("text/plain", "") + output.get("text", "")).splitlines():
                if CUT.search(line.rstrip()):
                    cut.append(line)
    return cut


def shows_tables(notebook) -> bool:
    """True when the notebook uses pandas or show_table (a workbook's answers may show tables)."""
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    return bool(re.search(r"import pandas|show_table|load_ledger|practice_ledger", code))


def test_every_lesson_solution_and_workbook_is_covered():
    assert len([n for n in NOTEBOOKS if n.startswith("notebooks/")]) >= 10
    assert [n for n in NOTEBOOKS if n.startswith("exercises/")] or not (PROJECT_ROOT / "exercises").exists()


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_notebook_shows_its_tables_whole(name):
    notebook = nbformat.read(PROJECT_ROOT / name, as_version=4)
    if shows_tables(notebook):
        setup = "\n".join(c.source for c in notebook.cells[:6] if c.cell_type == "code")
        assert SETTING in setup, f"{name}: its setup cell does not set {SETTING}"
        assert 'max_colwidth", ' not in "\n".join(c.source for c in notebook.cells).replace(SETTING, ""), (
            f"{name} sets display.max_colwidth to a width later on")
    assert cut_cells(notebook) == [], (name, cut_cells(notebook)[:3])


@pytest.mark.parametrize("cut", ["Baku is also demanding that Armenia withdraws i...",
                                 "people killed and wounded; the articl..."])
def test_the_detector_finds_a_cut_cell(cut):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": f"<table><td>{cut}</td></table>"}),
        nbformat.v4.new_output("stream", name="stdout", text=f"0    {cut}\n")])])
    assert cut_cells(notebook) == [cut, f"0    {cut}"]


def test_the_detector_passes_a_whole_cell_and_an_omission():
    table = "<table><td>the ... rest</td><td>...</td></table>"
    line = "Baku is also demanding that Armenia withdraws its claims.\n"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": table}),
        nbformat.v4.new_output("stream", name="stdout", text=line)])])
    assert cut_cells(notebook) == []
