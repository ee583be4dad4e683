"""Generate the student exercise notebooks from the solution notebooks (the one master copy),
and both notebooks' task headings from data/tasks.csv.

Each task's heading, `### Task N.M · kind · title`, is written from its row of data/tasks.csv
(in the solution notebook too, which is then saved); a heading of a task that is not active
there, an active task without a heading, or a task whose cells do not set its variable (as
tasks.csv names it) or call its check stops the generation with the notebook and the task.

Marked regions of a solution notebook are replaced by prompts:

- code: a line ending in `# SOLUTION` such as `share = 215 / 29743 * 100  # SOLUTION`
  becomes `share = ...  # your answer`; lines between `# BEGIN SOLUTION` and
  `# END SOLUTION` become `# your code here`, or `name = ...  # your answer` when the block
  only assigns a text to one variable (a long written answer);
- markdown: text between `<!-- BEGIN SOLUTION -->` and `<!-- END SOLUTION -->` (the exemplar in
  a written task's answer cell) becomes the answer prompt; text between `<!-- BEGIN RUBRIC -->`
  and `<!-- END RUBRIC -->` (the instructors' rubric note) becomes the student-facing rubric of
  docs/exemplars (what full marks need on each criterion).

The exercise notebooks carry no outputs, no execution counts, no widget state and no nbval
markers. `python -m packtools.assignments` writes them; `--check` reports stale ones.
"""

import argparse
import ast
import re
import sys
import textwrap
from pathlib import Path

import nbformat

from readingpack.exercises.answers import ANSWER_PROMPT, is_answer_cell
from readingpack.exercises.tasks import TaskSpec, task_specs

from .exemplars import student_rubric
from .paths import PROJECT_ROOT

CODE_LINE = re.compile(r"^(\s*)([A-Za-z_][\w\[\]\"'. ]*?)\s*=\s*.*#\s*SOLUTION\s*$")
CODE_BLOCK = re.compile(r"^(\s*)# BEGIN SOLUTION\s*\n.*?^\s*# END SOLUTION\s*$", re.M | re.S)
MARKDOWN_SOLUTION = re.compile(r"<!-- BEGIN SOLUTION -->.*?<!-- END SOLUTION -->", re.S)
MARKDOWN_RUBRIC = re.compile(r"<!-- BEGIN RUBRIC -->.*?<!-- END RUBRIC -->", re.S)
NBVAL_LINE = re.compile(r"^\s*#\s*NBVAL_[A-Z_]+\s*\n?", re.M)

WRITTEN_TASK = re.compile(r"^### Task (\d+\.\d+) · written ·", re.M)
TASK_HEADING = re.compile(r"^### Task (\d+\.\d+) · (\w+) · (.*)$", re.M)
SECTION_END = re.compile(r"^#{1,3} ", re.M)


class MarkerError(ValueError):
    """A solution notebook's markers are unbalanced or malformed."""


def _block_prompt(match: re.Match) -> str:
    """A block that only assigns a text to one variable (a written answer) becomes
    `name = ...  # your answer`; any other block becomes `# your code here`."""
    indent, body = match.group(1), "\n".join(match.group(0).split("\n")[1:-1])
    try:
        statements = ast.parse(textwrap.dedent(body)).body
    except SyntaxError:
        statements = []
    if len(statements) == 1 and isinstance(statements[0], ast.Assign):
        targets, value = statements[0].targets, statements[0].value
        is_text = isinstance(value, ast.Constant) and isinstance(value.value, str)
        if is_text and len(targets) == 1 and isinstance(targets[0], ast.Name):
            return f"{indent}{targets[0].id} = ...  # your answer"
    return f"{indent}# your code here"


def strip_code(source: str, where: str) -> str:
    if source.count("# BEGIN SOLUTION") != source.count("# END SOLUTION"):
        raise MarkerError(f"{where}: unbalanced # BEGIN SOLUTION / # END SOLUTION")
    source = CODE_BLOCK.sub(_block_prompt, source)
    lines = []
    for line in source.split("\n"):
        match = CODE_LINE.match(line)
        if match:
            lines.append(f"{match.group(1)}{match.group(2)} = ...  # your answer")
        elif "# SOLUTION" in line:
            raise MarkerError(f"{where}: '# SOLUTION' must end an assignment line: {line.strip()!r}")
        else:
            lines.append(line)
    return NBVAL_LINE.sub("", "\n".join(lines))


def strip_markdown(source: str, where: str) -> str:
    for begin, end in (("<!-- BEGIN SOLUTION -->", "<!-- END SOLUTION -->"),
                       ("<!-- BEGIN RUBRIC -->", "<!-- END RUBRIC -->")):
        if source.count(begin) != source.count(end):
            raise MarkerError(f"{where}: unbalanced {begin} / {end}")
    source = MARKDOWN_SOLUTION.sub(f"*{ANSWER_PROMPT}*", source)
    task = WRITTEN_TASK.search(source)
    if MARKDOWN_RUBRIC.search(source) and not task:
        raise MarkerError(f"{where}: a rubric outside a written task's prompt")
    return MARKDOWN_RUBRIC.sub(lambda _: student_rubric(task.group(1)), source)


def task_heading(spec: TaskSpec) -> str:
    return f"### Task {spec.task_id} · {spec.kind} · {spec.title}"


def with_task_headings(source: str, where: str, specs: dict[str, TaskSpec]) -> str:
    """A markdown cell's task headings as data/tasks.csv words them."""

    def heading(match: re.Match) -> str:
        spec = specs.get(match.group(1))
        if spec is None or not spec.active:
            raise MarkerError(f"{where}: a heading for task {match.group(1)}, which is not an active task "
                              "of data/tasks.csv")
        return task_heading(spec)

    return TASK_HEADING.sub(heading, source)


def task_sections(nb) -> dict[str, list]:
    """task id -> the cells from its heading to the next heading of any task or section."""
    sections: dict[str, list] = {}
    current = None
    for cell in nb.cells:
        if cell.cell_type == "markdown" and SECTION_END.search(cell.source):
            found = TASK_HEADING.search(cell.source)
            current = found.group(1) if found else None
            if current is not None:
                sections[current] = []
                continue
        if current is not None:
            sections[current].append(cell)
    return sections


def _binds(variable: str, source: str) -> bool:
    name = re.escape(variable)
    return re.search(rf"^\s*(def\s+{name}\s*\(|{name}\s*(\[[^\]\n]*\])?\s*=)", source, re.M) is not None


def task_problems(nb, lesson: int, specs: dict[str, TaskSpec], where: str) -> list[str]:
    """Where a notebook and data/tasks.csv disagree: a missing heading, a heading for a task that is
    not active, a written task without its answer cell, or a task whose cells neither set its
    variable nor call its check."""
    problems = []
    sections = task_sections(nb)
    active = [t for t in specs.values() if t.active and t.lesson == lesson]
    problems += [f"{where}: no heading for task {t.task_id}" for t in active if t.task_id not in sections]
    for task_id, cells in sections.items():
        spec = specs.get(task_id)
        if spec is None or not spec.active or spec.lesson != lesson:
            problems.append(f"{where}: task {task_id} is not an active task of lesson {lesson}")
            continue
        code = "\n".join(c.source for c in cells if c.cell_type == "code")
        if spec.kind == "written":
            answers = [str(c.metadata["readingpack"]["task"]) for c in cells if is_answer_cell(c)]
            if task_id not in answers:
                problems.append(f"{where}: written task {task_id} has no answer cell")
        elif not _binds(spec.variable, code):
            problems.append(f"{where}: the cells of task {task_id} do not set {spec.variable}")
        if f'check("{task_id}")' not in code:
            problems.append(f"{where}: the cells of task {task_id} do not call check(\"{task_id}\")")
    return problems


def solution_with_headings(solution_path: Path, specs: dict[str, TaskSpec] | None = None):
    """The solution notebook with its task headings written from data/tasks.csv; MarkerError
    where the notebook and the table disagree."""
    specs = task_specs() if specs is None else specs
    nb = nbformat.read(solution_path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            cell.source = with_task_headings(cell.source, f"{solution_path.name}, cell {index + 1}", specs)
    problems = task_problems(nb, int(solution_path.name[:2]), specs, solution_path.name)
    if problems:
        raise MarkerError("; ".join(problems))
    return nb


def write_solution_headings(solutions: Path) -> list[str]:
    """Save each solution notebook whose task headings differ from data/tasks.csv."""
    changed = []
    for path in sorted(solutions.glob("[0-9][0-9]_*.ipynb")):
        before = nbformat.read(path, as_version=4)
        after = solution_with_headings(path)
        if [c.source for c in before.cells] != [c.source for c in after.cells]:
            nbformat.write(after, path)
            changed.append(path.name)
    return changed


def exercise_notebook(solution_path: Path, specs: dict[str, TaskSpec] | None = None):
    nb = solution_with_headings(solution_path, specs)
    for index, cell in enumerate(nb.cells):
        where = f"{solution_path.name}, cell {index + 1}"
        if cell.cell_type == "code":
            cell.source = strip_code(cell.source, where)
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
        elif cell.cell_type == "markdown":
            cell.source = strip_markdown(cell.source, where)
        tags = [t for t in cell.metadata.get("tags", []) if not t.startswith("nbval")]
        if tags:
            cell.metadata["tags"] = tags
        else:
            cell.metadata.pop("tags", None)
    nb.metadata.pop("widgets", None)
    meta = nb.metadata.setdefault("readingpack", {})
    meta["generated_from"] = f"solutions/{solution_path.name}"
    meta["lesson"] = int(solution_path.name[:2])
    # the student's copy still names each answer as data/tasks.csv does (a prompt `name = ...`)
    problems = task_problems(nb, meta["lesson"], task_specs() if specs is None else specs,
                             f"the exercise made from {solution_path.name}")
    if problems:
        raise MarkerError("; ".join(problems))
    return nb


def expected_exercises(solutions: Path) -> dict[str, str]:
    return {p.name: nbformat.writes(exercise_notebook(p)) + "\n"
            for p in sorted(solutions.glob("[0-9][0-9]_*.ipynb"))}


def stale_exercises(solutions: Path, exercises: Path) -> list[str]:
    expected = expected_exercises(solutions)
    stale = [name for name, text in expected.items()
             if not (exercises / name).exists() or (exercises / name).read_text(encoding="utf-8") != text]
    stale += sorted(p.name for p in exercises.glob("*.ipynb") if p.name not in expected)
    return stale


def write_exercises(solutions: Path, exercises: Path) -> list[str]:
    changed = []
    for name, text in expected_exercises(solutions).items():
        target = exercises / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            changed.append(name)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate exercises/ from solutions/.")
    parser.add_argument("--check", action="store_true", help="report stale exercise notebooks")
    args = parser.parse_args(argv)
    solutions, exercises = PROJECT_ROOT / "solutions", PROJECT_ROOT / "exercises"
    if args.check:
        stale = stale_exercises(solutions, exercises)
        for name in stale:
            print(f"stale: exercises/{name} (run: make exercises)")
        return 1 if stale else 0
    for name in write_solution_headings(solutions):
        print(f"wrote the task headings of solutions/{name} from data/tasks.csv")
    for name in write_exercises(solutions, exercises):
        print(f"wrote exercises/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
