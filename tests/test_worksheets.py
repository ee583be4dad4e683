"""The printed exercise sheets are worksheets (packtools.worksheets): the tasks without the
notebook's instructions, the data the tasks need, no answer, and ruled lines sized to each task."""

import math
import re

import nbformat
import pytest
from bs4 import BeautifulSoup

from packtools import htmlbuild, worksheets
from readingpack.exercises.tasks import task_frame

EXERCISES = htmlbuild.notebooks(("exercises",))
# What only makes sense in JupyterLab: editing and saving cells, running them, the checker.
NOTEBOOK_PHRASES = ("double-click", "Ctrl+S", "run the cell", "run the next cell", "run this cell",
                    "save the notebook", "answer cell", "check(", "check_all", "# your answer",
                    "# your code here", "= ...")


@pytest.fixture(scope="module")
def tasks():
    return task_frame()


@pytest.fixture(scope="module")
def pages(tasks):
    """Each exercise notebook's worksheet, rendered as the PDF edition prints it."""
    return {path.stem: BeautifulSoup(worksheets.render_worksheet(path, tasks=tasks), "html.parser")
            for path in EXERCISES}


def written_tasks(tasks, stem):
    lesson = int(stem[:2])
    rows = tasks[(tasks["lesson"].astype(int) == lesson) & (tasks["kind"] == "written")
                 & (tasks["status"] == "active")]
    return {task_id: int(float(row["max_words"])) for task_id, row in rows.iterrows()}


def test_a_sentence_that_tells_how_to_work_the_notebook_goes_and_the_task_stays():
    markdown = (
        "### Task 3.6 · widget · Other sources\n\n"
        "Run the next cell to show the **figure check** widget, and choose F033. How many other "
        "sources does the widget list? Store the number in `fuel_depot_sources`.\n\n"
        "Write it in the answer cell below. The check reads your answer.\n\n"
        "1. because the check says how close they are, not which is true\n"
        "2. because they count different things"
    )
    kept = worksheets.strip_instructions(markdown, {"fuel_depot_sources"})
    assert kept == (
        "### Task 3.6 · widget · Other sources\n\n"
        "Choose F033. How many other sources does the widget list?\n\n"
        "Write it on the lines below.\n\n"
        "1. because the check says how close they are, not which is true\n"
        "2. because they count different things"
    )


def test_a_link_to_a_notebook_is_not_an_instruction():
    markdown = "These exercises go with [Lesson 2](../notebooks/02_claims.ipynb). Run the cell."
    assert worksheets.strip_instructions(markdown, set()) == (
        "These exercises go with [Lesson 2](../notebooks/02_claims.ipynb).")


def test_a_list_that_a_left_out_sentence_introduces_goes_with_it():
    markdown = "Draw the bound.\n\nWays the check accepts as marking a bound:\n\n- an arrow\n- the words"
    assert worksheets.strip_instructions(markdown, set()) == "Draw the bound."


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_no_worksheet_holds_a_notebook_instruction_or_code(pages, path):
    page = BeautifulSoup(str(pages[path.stem]), "html.parser")
    assert not page.select(".jp-CodeCell .jp-InputArea"), f"{path.name}: the worksheet prints code"
    for hidden in page(["script", "style", "head"]):
        hidden.decompose()
    text = " ".join(page.get_text(" ").split()).lower()
    for phrase in NOTEBOOK_PHRASES:
        assert phrase.lower() not in text, f"{path.name}: the worksheet says {phrase!r}"


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_every_task_has_room_to_answer_and_a_written_task_lines_for_its_words(pages, tasks, path):
    page, nb = pages[path.stem], nbformat.read(path, as_version=4)
    headings = re.findall(r"^### Task (\d+\.\d+)", "\n".join(c.source for c in nb.cells), re.M)
    spaces = {s["data-task"]: len(s.select(".rp-line")) for s in page.select(".rp-answer-space")}
    assert list(spaces) == headings, path.name
    for task_id, max_words in written_tasks(tasks, path.stem).items():
        assert spaces[task_id] == math.ceil(max_words / worksheets.WORDS_PER_LINE), task_id
        assert max_words / spaces[task_id] <= worksheets.WORDS_PER_LINE  # room for every word
    for task_id, lines in spaces.items():
        if task_id not in written_tasks(tasks, path.stem):
            form = tasks.loc[task_id, "answer_form"]
            expected = worksheets.CHART_LINES if tasks.loc[task_id, "kind"] == "chart" else (
                worksheets.LINES_BY_FORM.get(form, worksheets.SHORT_LINES))
            assert lines == expected, task_id
            if tasks.loc[task_id, "kind"] == "chart":
                assert page.select(f'[data-task="{task_id}"] .rp-frame'), f"{task_id}: no frame to draw in"


def test_lines_grow_with_the_word_limit(pages, tasks):
    spaces = {s["data-task"]: len(s.select(".rp-line"))
              for page in pages.values() for s in page.select(".rp-answer-space")}
    written = {t: w for path in EXERCISES for t, w in written_tasks(tasks, path.stem).items()}
    by_words = sorted(written, key=written.get)
    assert [spaces[t] for t in by_words] == sorted(spaces[t] for t in by_words)
    assert spaces[by_words[-1]] > 2 * spaces[by_words[0]]


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_a_worksheet_shows_the_data_its_solution_stores_but_no_answer(tasks, path):
    sheet = worksheets.worksheet(path, tasks=tasks)
    solution = nbformat.read(path.parent.parent / "solutions" / path.name, as_version=4)
    variables = set(tasks["variable"].dropna())
    shown = {c.source for c in sheet.cells if c.cell_type == "code"}
    for cell in sheet.cells:
        if cell.cell_type == "code":
            assert not worksheets.names_in(cell.source) & (variables | {"check", "check_all"}), cell.source
            assert cell.outputs
    widgets = [c.source for c in solution.cells if c.cell_type == "code" and any(
        "application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in c.get("outputs", []))]
    assert set(widgets) <= shown, f"{path.name}: a widget the tasks use is missing"


def test_a_worksheet_keeps_the_state_of_the_widgets_it_shows_and_of_no_other(tasks):
    view = "application/vnd.jupyter.widget-view+json"
    key = "application/vnd.jupyter.widget-state+json"
    shown, layout, other = "a" * 32, "b" * 32, "c" * 32

    def widget_cell(source, model):
        output = nbformat.v4.new_output("display_data", data={view: {"model_id": model}, "text/plain": "w"})
        return nbformat.v4.new_code_cell(source, outputs=[output])

    solution = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("### Task 1.5 · widget · Find"),
        widget_cell("reader = Reader()\nreader", shown),
        widget_cell('baku_paragraphs = [1]\ncheck("1.5")', other),
    ])
    solution.metadata["widgets"] = {key: {"version_major": 2, "version_minor": 0, "state": {
        shown: {"state": {"layout": f"IPY_MODEL_{layout}"}}, layout: {"state": {}}, other: {"state": {}}}}}
    exercise = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("### Task 1.5 · widget · Find"),
        nbformat.v4.new_code_cell("reader = Reader()\nreader"),
        nbformat.v4.new_code_cell('baku_paragraphs = ...  # your answer\ncheck("1.5")'),
    ])
    sheet, _ = worksheets.WorksheetPreprocessor(solution=solution, tasks=tasks).preprocess(exercise, {})
    assert [c.source for c in sheet.cells if c.cell_type == "code"] == ["reader = Reader()\nreader"]
    assert set(sheet.metadata["widgets"][key]["state"]) == {shown, layout}
