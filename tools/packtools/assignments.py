"""Generate the student exercise notebooks from the solution notebooks (the one master copy).

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

from readingpack.exercises.answers import ANSWER_PROMPT

from .exemplars import student_rubric
from .paths import PROJECT_ROOT

CODE_LINE = re.compile(r"^(\s*)([A-Za-z_][\w\[\]\"'. ]*?)\s*=\s*.*#\s*SOLUTION\s*$")
CODE_BLOCK = re.compile(r"^(\s*)# BEGIN SOLUTION\s*\n.*?^\s*# END SOLUTION\s*$", re.M | re.S)
MARKDOWN_SOLUTION = re.compile(r"<!-- BEGIN SOLUTION -->.*?<!-- END SOLUTION -->", re.S)
MARKDOWN_RUBRIC = re.compile(r"<!-- BEGIN RUBRIC -->.*?<!-- END RUBRIC -->", re.S)
NBVAL_LINE = re.compile(r"^\s*#\s*NBVAL_[A-Z_]+\s*\n?", re.M)

WRITTEN_TASK = re.compile(r"^### Task (\d+\.\d+) · written ·", re.M)


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


def exercise_notebook(solution_path: Path):
    nb = nbformat.read(solution_path, as_version=4)
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
    for name in write_exercises(solutions, exercises):
        print(f"wrote exercises/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
