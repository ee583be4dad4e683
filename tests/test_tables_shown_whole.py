"""Tables a lesson asks students to read whole are not cut: the notebooks below set pandas'
display.max_colwidth to None (show_table follows it), and no stored output holds a table cell
cut to pandas' default 50 characters ("Baku is also demanding that Armenia withdraws ...")."""

import html
import re

import nbformat
import pytest

from readingpack.paths import PROJECT_ROOT

WHOLE = ["notebooks/06_positions.ipynb", "solutions/01_article_and_setting.ipynb",
         "solutions/08_checking_claims.ipynb", "exercises/01_article_and_setting.ipynb",
         "exercises/08_checking_claims.ipynb"]
CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.S)


def cut_cells(notebook) -> list[str]:
    cut = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            for fragment in CELL.findall(data.get("text/html", "")):
                text = html.unescape(re.sub(r"<[^>]+>", "", fragment))
                if len(text) == 50 and text.endswith("..."):
                    cut.append(text)
            for line in (data.get("text/plain", "") + output.get("text", "")).splitlines():
                if re.search(r"\S\.\.\.$", line.rstrip()) and len(line.split("  ")[-1].strip()) == 50:
                    cut.append(line)
    return cut


@pytest.mark.parametrize("name", WHOLE)
def test_the_notebook_shows_its_tables_whole(name):
    notebook = nbformat.read(PROJECT_ROOT / name, as_version=4)
    setup = "\n".join(c.source for c in notebook.cells[:6] if c.cell_type == "code")
    assert 'pd.set_option("display.max_colwidth", None)' in setup, name
    assert cut_cells(notebook) == [], (name, cut_cells(notebook)[:3])


def test_the_detector_finds_a_cut_cell():
    cut = "Baku is also demanding that Armenia withdraws i..."
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": f"<table><td>{cut}</td></table>"})])])
    assert cut_cells(notebook) == [cut]
