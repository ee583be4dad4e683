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

from readingpack.exercises.tasks import task_specs

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

**Handing out the pack without the solutions.** Give students the student edition only:
`make student-edition` builds `build/student-edition/readingpack.zip` from the files git tracks
(never from the working folder, so `grades/`, `submissions/` and stray files stay out), without
this folder, the instructors' pages, `docs/exemplars/` and the tests that state the answer keys.
Do not hand out a `git archive` or a copy of the checkout: it carries all of these. Keep the
instructors' copy private. The HTML edition has the same split: `make html` (students) and
`make html-instructor`.

**Marking written answers.** Written answers are never machine-marked: the self-check only
counts words and checks every quotation against the article. Every written task is marked on
one scale: 0 to 3 for each of quotation, attribution, evidence and the task itself
(`data/rubric_scale.csv`). For each task, `docs/exemplars/lessonNN.md` says what full marks
need and gives a full, a partial and a weak exemplar with the marks each earns and why, so two
markers mark alike. The scale never rewards agreeing or disagreeing with the author.

**Points.** The table of each lesson comes from `data/tasks.csv`, which the checks and the
marker read too: a machine-checked task earns its points when correct; a written task earns
the sum of its rubric marks. "Analysis" tasks ask students to compute, chart, compare or
write from evidence; "read-off" tasks read a value from a widget, a table or the text.
"""


def task_table_lines(lesson: int) -> list[str]:
    lines = ["| Task | Kind | Work | Points | Answer | Status |", "|---|---|---|---|---|---|"]
    for task in (t for t in task_specs().values() if t.lesson == lesson):
        answer = task.answer_form
        if task.decimals is not None:
            answer += f", {task.decimals} decimal(s)"
        if task.min_words is not None:
            answer += f", {task.min_words}-{task.max_words} words"
        status = task.status if task.active else f"retired: {task.note}"
        lines.append(f"| {task.task_id} | {task.kind} | {task.work} | {task.points} | {answer} | {status} |")
    return [*lines, ""]


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
    lines += task_table_lines(int(path.name[:2]))
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
