"""Write solutions/README.md, the instructors' page, from the solution notebooks themselves.

For each lesson it lists the tasks (from their `### Task N.k · kind · title` headings), the
expected answers (the `# SOLUTION` lines and blocks) and the rubrics and exemplar answers, so
the page can never drift from the notebooks. `--check` reports a stale page.
"""

import argparse
import re
import sys
from pathlib import Path

import nbformat

from .paths import PROJECT_ROOT

TASK_HEADING = re.compile(r"^### Task (\d+\.\d+) · (\w+) · (.+)$", re.M)
SOLUTION_BLOCK = re.compile(r"# BEGIN SOLUTION\s*\n(.*?)^\s*# END SOLUTION", re.M | re.S)
MARKDOWN_REGION = re.compile(r"<!-- BEGIN (SOLUTION|RUBRIC) -->\s*(.*?)\s*<!-- END \1 -->", re.S)

HEADER = """# Solutions (for instructors)

This page is written from the solution notebooks by `make exercises`
(`python -m packtools.instructor`); do not edit it by hand.

Each notebook in this folder is the master copy of one lesson's exercises: the tasks with
full solutions, rubrics and exemplar answers for the written tasks, and stored outputs. The
student versions in `exercises/` are generated from them (`make exercises`), with every
solution replaced by a prompt.

**Handing out the pack without the solutions.** Give students a copy without this folder:
for example `git archive HEAD -- . ':!solutions' | tar -x -C ../pack-for-students`, or a
student branch/repository from which `solutions/` is deleted (the lessons and exercises do not
need it; `make test` then skips the empty folder). Keep the instructors' copy private. The
HTML edition has the same split: `make html` (students) and `make html-instructor`.

**Marking written answers.** Written answers are never machine-marked: the self-check only
counts words and verifies that every quotation is exact. Mark them with the rubric of each
task. Rubrics reward accurate quotation, clear attribution (who says what) and use of
evidence; they never reward agreeing or disagreeing with the author.
"""


def code_solutions(source: str) -> list[str]:
    found = [m.group(1).rstrip() for m in SOLUTION_BLOCK.finditer(source)]
    found += [line.split("# SOLUTION")[0].rstrip() for line in source.splitlines()
              if line.rstrip().endswith("# SOLUTION")]
    return found


def lesson_section(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    title = next(line[2:] for c in nb.cells if c.cell_type == "markdown"
                 for line in c.source.splitlines() if line.startswith("# "))
    lines = [f"## {title}", "", f"Notebook: [{path.name}]({path.name})", ""]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = TASK_HEADING.search(cell.source)
            if heading:
                number, kind, task_title = heading.groups()
                lines += [f"### Task {number} ({kind}): {task_title}", ""]
            for region, text in MARKDOWN_REGION.findall(cell.source):
                label = "Rubric" if region == "RUBRIC" else "Exemplar answer"
                lines += [f"**{label}:**", "", text, ""]
        elif cell.cell_type == "code":
            for solution in code_solutions(cell.source):
                lines += ["```python", solution, "```", ""]
    return "\n".join(lines)


def instructor_page(solutions: Path) -> str:
    sections = [lesson_section(p) for p in sorted(solutions.glob("[0-9][0-9]_*.ipynb"))]
    return "\n".join([HEADER, *sections]).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    solutions = PROJECT_ROOT / "solutions"
    page, target = instructor_page(solutions), solutions / "README.md"
    if args.check:
        stale = target.read_text(encoding="utf-8") != page
        if stale:
            print("stale: solutions/README.md (run: make exercises)")
        return 1 if stale else 0
    target.write_text(page, encoding="utf-8")
    print("wrote solutions/README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
