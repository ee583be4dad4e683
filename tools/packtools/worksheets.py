"""Paper worksheets: each exercise sheet as pages to print and write on (`make pdf`).

A worksheet is its exercise notebook with what works only in JupyterLab taken out and room to
write put in:

- Each task keeps its heading and prompt. A sentence (or list item) that tells how to work the
  notebook goes: one that names a notebook operation (a cell, the notebook, running or saving,
  double-clicking, the check and its hints) or an answer variable of data/tasks.csv. A list that
  such a sentence introduces ("Ways the check accepts ...:") goes with it.
- Code is not printed. A code cell that the exercise shares with its solution shows the
  solution's stored tables, printed text and widget pictures, so the sheet holds the data its
  tasks need; a cell that reads an answer or calls the check is left out, so it holds no answer.
- After each task, ruled lines: for a written task one line per WORDS_PER_LINE words of its
  max_words, a frame to draw in for a chart task, LINES_BY_FORM lines for an answer that is a
  table or a function, SHORT_LINES lines for any other task.
"""

import ast
import json
import math
import re
from pathlib import Path

import nbformat
from nbconvert.preprocessors import Preprocessor
from traitlets import Any, Dict

from readingpack.exercises.tasks import task_frame

from . import htmlbuild
from .paths import PROJECT_ROOT

WORDS_PER_LINE = 10  # handwriting on an 18 cm line
SHORT_LINES = 3
LINES_BY_FORM = {"table": 12, "function": 8}  # data/tasks.csv answer_form: a table's rows, code
CHART_LINES = 2  # under the frame: what the chart shows
NOTEBOOK_OPERATION = re.compile(
    r"\bcells?\b|\bnotebooks?\b|\brun\b|\bsave\b|Ctrl\+|double-click|\bcomment\b|\bhints?\b|"
    r"\bthe check\b(?!\s+(?:table|of|widget))|\bcheck(_all)?\(|`\.\.\.`",
    re.IGNORECASE,
)
# The one phrase that is rewritten rather than left out: on paper the answer goes on the lines.
ANSWER_CELL = re.compile(r"\s*,?\s+in the answer cell below", re.IGNORECASE)
CONTINUES = re.compile(r"(?:Then )?[Ii]t\b")
CALLS_TO_LEAVE_OUT = {"check", "check_all", "self_assess"}
TASK_HEADING = re.compile(r"^###\s+Task\s+(\d+\.\d+)\b", re.M)
HEADING = re.compile(r"^(#{1,6})\s")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(*])")
WORKSHEET_NOTE = (
    "*The paper edition of this exercise sheet: write each answer on the lines under its task, "
    "with the numbered article (article.pdf) beside you. The tables and pictures show the data "
    "as the notebook holds it; a widget shows its starting state. For a task that asks for code "
    "or a chart, write down your method and your result, or sketch the chart in the frame.*"
)

WORKSHEET_TEMPLATE = """{%- extends 'readingpack_page.html.j2' -%}
{%- block html_head_css -%}
{{ super() }}
<style>
.rp-answer-space { margin: 0.6em 0 1.6em; }
.rp-answer-label { font-weight: bold; margin-bottom: 0; }
.rp-line { height: 8mm; border-bottom: 0.6pt solid #8a8a8a; break-inside: avoid; }
.rp-frame { height: 75mm; border: 0.6pt solid #8a8a8a; margin-top: 2mm; break-inside: avoid; }
</style>
{%- endblock html_head_css -%}
{% block markdowncell scoped %}
{%- set space = cell.metadata.get('readingpack', {}) -%}
{%- if space.get('role') == 'answer-space' -%}
<div class="jp-Cell rp-answer-space" data-task="{{ space.task }}">
<p class="rp-answer-label">Your answer to task {{ space.task }}{{ space.get('note', '') }}</p>
{%- if space.get('frame') %}
<div class="rp-frame" role="img" aria-label="A frame to draw the chart in"></div>{% endif %}
{%- for _ in range(space.lines) %}<div class="rp-line"></div>{% endfor %}
</div>
{%- else -%}
{{ super() }}
{%- endif -%}
{% endblock markdowncell %}
"""


def is_instruction(text: str, variables: set[str]) -> bool:
    """Whether a sentence or clause tells how to work the notebook: it names a notebook
    operation, or the answer variable as the place of the answer (`in `name``, `name = `)."""
    text = re.sub(r"\]\([^)]*\)", "]", text)  # a link's words count, not its target
    if NOTEBOOK_OPERATION.search(text):
        return True
    return any(re.search(rf"\b(?:in|into|to) `{re.escape(name)}`|`{re.escape(name)} =", text)
               for name in variables)


def _keep_clauses(sentence: str, variables: set[str]) -> str:
    """The sentence, or what follows a leading "Run ..." clause ("Run the next cell to show the
    widget, and choose F033." keeps "Choose F033."), or nothing."""
    if not is_instruction(sentence, variables):
        return sentence
    first, _, rest = sentence.partition(", and ")
    if rest and first.startswith("Run ") and not is_instruction(rest, variables):
        return rest[0].upper() + rest[1:]
    return ""


def _keep_sentences(text: str, variables: set[str]) -> str:
    """A paragraph without its notebook-operation sentences, and without a sentence that goes on
    about a left-out one ("Then it ...", "It ...": the check)."""
    body = " ".join(line.strip() for line in ANSWER_CELL.sub(" on the lines below", text).split("\n"))
    kept, dropped = [], False
    for sentence in SENTENCE_END.split(body):
        text = "" if dropped and CONTINUES.match(sentence) else _keep_clauses(sentence, variables)
        dropped = text != sentence
        if text:
            kept.append(text)
    return " ".join(kept)


def _blocks(markdown: str) -> list[list[str]]:
    """Paragraphs, headings and list items (each item with its continuation lines)."""
    blocks: list[list[str]] = []
    for paragraph in re.split(r"\n\s*\n", markdown.strip()):
        items: list[list[str]] = []
        for line in paragraph.split("\n"):
            if not items or LIST_ITEM.match(line) or HEADING.match(line):
                items.append([line])
            else:
                items[-1].append(line)
        blocks.append(["\n".join(item) for item in items])
    return blocks


def strip_instructions(markdown: str, variables: set[str]) -> str:
    """The markdown without the sentences and clauses of its paragraphs that tell how to work
    the notebook. Headings and list items (a choice's options, a rubric) are kept as they are."""
    out, drop_list = [], False
    for block in _blocks(markdown):
        if drop_list and all(LIST_ITEM.match(item) for item in block):
            continue  # the list that a left-out sentence introduced ("Ways the check accepts:")
        kept = [item if HEADING.match(item) or LIST_ITEM.match(item) else _keep_sentences(item, variables)
                for item in block]
        drop_list = not kept[-1] and block[-1].rstrip().endswith(":")
        if any(kept):
            out.append("\n".join(k for k in kept if k))
    return "\n\n".join(out)


def names_in(source: str) -> set[str]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def printable_outputs(outputs) -> list:
    """Streams, and results with more than a plain-text echo (tables, pictures, widgets)."""
    return [o for o in outputs if o.output_type == "stream"
            or set(o.get("data", {})) - {"text/plain"}]


def answer_space(task_id: str, tasks) -> nbformat.NotebookNode:
    row = tasks.loc[task_id] if task_id in tasks.index else None
    kind = row["kind"] if row is not None else ""
    form = row["answer_form"] if row is not None else ""
    space = {"role": "answer-space", "task": task_id, "lines": LINES_BY_FORM.get(form, SHORT_LINES)}
    if kind == "written" and str(row["max_words"]).strip() not in ("", "nan"):
        low, high = int(float(row["min_words"])), int(float(row["max_words"]))
        space.update(lines=math.ceil(high / WORDS_PER_LINE), note=f" ({low} to {high} words)")
    elif kind == "chart":
        space.update(lines=CHART_LINES, frame=True)
    return nbformat.v4.new_markdown_cell("", metadata={"readingpack": space})


class WorksheetPreprocessor(Preprocessor):
    """Turns an exercise notebook into its worksheet (see the module's docstring)."""

    solution = Any(None, allow_none=True, help="the solution notebook, for its stored outputs")
    tasks = Any(None, help="data/tasks.csv indexed by task id")
    widget_state = Dict()

    def preprocess(self, nb, resources):
        tasks = self.tasks if self.tasks is not None else task_frame()
        variables = {v for v in tasks["variable"].dropna() if v}
        stored = {}
        if self.solution is not None:
            stored = {c.source: c.outputs for c in self.solution.cells
                      if c.cell_type == "code" and c.get("outputs")}
        cells, task = [], None
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                if cell.metadata.get("readingpack", {}).get("role") == "answer":
                    continue
                if cell.source.lstrip().startswith(htmlbuild.CHART_PREFIX):
                    if cells and cells[-1].cell_type == "code" and any(
                            set(o.get("data", {})) & set(htmlbuild.IMAGE_TYPES) for o in cells[-1].outputs):
                        cells.append(cell)
                    continue
                if HEADING.match(cell.source.lstrip()):
                    if task:
                        cells.append(answer_space(task, tasks))
                    found = TASK_HEADING.search(cell.source)
                    task = found.group(1) if found else None
                cell.source = strip_instructions(cell.source, variables)
                if cell.source:
                    cells.append(cell)
                    if not cells[:-1]:
                        cells.append(nbformat.v4.new_markdown_cell(WORKSHEET_NOTE))
            elif cell.source in stored and not names_in(cell.source) & (variables | CALLS_TO_LEAVE_OUT):
                outputs = printable_outputs(stored[cell.source])
                if outputs:
                    cell.outputs = outputs
                    cells.append(cell)
        if task:
            cells.append(answer_space(task, tasks))
        nb.cells = drop_empty_sections(cells)
        if self.solution is not None:
            widget_state(nb, self.solution)
        return nb, resources


def widget_state(nb, solution) -> None:
    """Give the worksheet the saved state of the widgets it shows, and of no other widget of the
    solution's run: the models its widget views name, with the models those refer to."""
    key = "application/vnd.jupyter.widget-state+json"
    state = solution.metadata.get("widgets", {}).get(key, {}).get("state", {})
    wanted = [o["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
              for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    kept = {}
    while wanted:
        model = wanted.pop()
        if model in state and model not in kept:
            kept[model] = state[model]
            wanted += re.findall(r"IPY_MODEL_([0-9a-f]+)", json.dumps(state[model]))
    if kept:
        nb.metadata["widgets"] = {key: {**solution.metadata["widgets"][key], "state": kept}}


def _level(cell) -> int | None:
    match = HEADING.match(cell.source) if cell.cell_type == "markdown" else None
    return len(match.group(1)) if match and "\n" not in cell.source.strip() else None


def drop_empty_sections(cells: list) -> list:
    """Leave out a heading with nothing under it before the next heading of its level or above."""
    kept: list = []
    for cell in reversed(cells):
        level = _level(cell)
        if level is not None:
            following = next((c for c in kept[::-1]), None)
            if following is None or (_level(following) or 99) <= level:
                continue
        kept.append(cell)
    return kept[::-1]


def make_exporter():
    return htmlbuild.make_exporter(
        "../", {"readingpack_worksheet.html.j2": WORKSHEET_TEMPLATE}, "readingpack_worksheet.html.j2",
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)


def worksheet(exercise: Path, project: Path = PROJECT_ROOT, tasks=None):
    """The worksheet notebook of an exercise notebook (its solution's outputs, if there is one)."""
    nb = nbformat.read(exercise, as_version=4)
    solution_path = project / "solutions" / exercise.name
    solution = nbformat.read(solution_path, as_version=4) if solution_path.exists() else None
    nb, _ = WorksheetPreprocessor(solution=solution, tasks=tasks).preprocess(nb, {})
    return nb


def render_worksheet(exercise: Path, project: Path = PROJECT_ROOT, tasks=None) -> str:
    """The worksheet as a page one folder below the site's root (as exercises/NN.html)."""
    name = f"{exercise.parent.name}/{exercise.name}"
    return htmlbuild.render_node(worksheet(exercise, project, tasks), name, exercise, make_exporter())
