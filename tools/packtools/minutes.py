"""Estimated minutes of each lesson: teaching from its words and prompts, exercises from its tasks.

These are estimates, not timings. The rates are stated here, in one place, and explained in
docs/instructor-guide.md ("How the minutes are estimated").

Teaching minutes = the lesson's words / READING_WORDS_PER_MINUTE
                   + PROMPT_MINUTES per question block (each block ends in its model answers)
                   + WIDGET_MINUTES per widget to try (each has a "**Try it**" list),
rounded to the nearest 5 minutes. The words are those of the markdown cells, without the
cells packtools.navigation writes and without the model answers (reading those is part of a
prompt's minutes). An optional appendix (a heading "Appendix (optional)" and every cell after
it) is not part of the lesson's time.

Exercise minutes = the sum over the lesson's active tasks in data/tasks.csv of
TASK_MINUTES[work] (a code, number, choice or widget task), CHART_MINUTES (a chart), or
WRITTEN_BASE_MINUTES + max_words / WRITTEN_WORDS_PER_MINUTE (a written answer), rounded to the
nearest 5 minutes.

`python -m packtools.minutes` writes the estimates into each lesson's metadata and its
"*Teaching: N min · Exercises: M min*" line, and into the matching solution notebook's
metadata and "*Exercises: M min*" line; `--check` reports stale ones and changes nothing.
"""

import argparse
import re
import sys
from pathlib import Path

import nbformat

from readingpack.exercises.tasks import TaskSpec, task_specs

from .paths import PROJECT_ROOT

# Careful reading of a contested text, checked against tables and quotes, by students some of
# whom read English as a second language: well below an everyday reading speed, on purpose.
# The words counted leave out the code cells, their tables and charts, and the article text a
# widget shows, which students also read.
READING_WORDS_PER_MINUTE = 100
PROMPT_MINUTES = 3  # read the questions, think or talk with a neighbour, open the model answers
WIDGET_MINUTES = 5  # work through a widget's "Try it" list and press Reset

# Calibrated on one reported trial, not timed here: learners working alone took about twice the
# old stated exercise minutes (15) in lessons 1 and 2. With these rates lessons 1 and 2 come
# to 25 and 35 minutes, 60 together against the old 30.
TASK_MINUTES = {"read-off": 2, "analysis": 3, "decision": 5}
CHART_MINUTES = 5
WRITTEN_BASE_MINUTES = 6  # find the quotes and plan the answer
WRITTEN_WORDS_PER_MINUTE = 12  # careful, quoted writing, counted on the longest answer allowed

GENERATED_CELL = re.compile(r"^<!-- (navigation|contents): written by packtools")
MODEL_ANSWERS = re.compile(r"<details>.*?</details>", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
WORD = re.compile(r"\w")
TRY_IT = re.compile(r"^\*\*Try it\*\*", re.M)
LESSON_LINE = re.compile(r"\*Teaching: \d+ min · Exercises: \d+ min\*")
SOLUTION_LINE = re.compile(r"\*Exercises: \d+ min\*")
OPTIONAL_APPENDIX = re.compile(r"^#+ Appendix \(optional\)", re.M)


def to_five(minutes: float) -> int:
    """Rounded to the nearest 5 minutes (halves up): the estimate is no more precise than that."""
    return int(minutes / 5 + 0.5) * 5


def prose(nb) -> list[str]:
    """The markdown a student reads in class, without generated cells and the optional appendix."""
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "markdown" or GENERATED_CELL.match(cell.source):
            continue
        if OPTIONAL_APPENDIX.search(cell.source):
            break
        texts.append(cell.source)
    return texts


def counts(nb) -> dict[str, int]:
    """Words (outside model answers), question blocks and widgets to try, in one lesson."""
    texts = prose(nb)
    words = sum(
        1 for text in texts for token in HTML_COMMENT.sub("", MODEL_ANSWERS.sub("", text)).split()
        if WORD.search(token)
    )
    prompts = sum(text.count("<details>") for text in texts)
    widgets = sum(len(TRY_IT.findall(text)) for text in texts)
    return {"words": words, "prompts": prompts, "widgets": widgets}


def teaching_estimate(nb) -> float:
    c = counts(nb)
    reading = c["words"] / READING_WORDS_PER_MINUTE
    return reading + c["prompts"] * PROMPT_MINUTES + c["widgets"] * WIDGET_MINUTES


def task_minutes(task: TaskSpec) -> float:
    if task.kind == "written":
        return WRITTEN_BASE_MINUTES + task.max_words / WRITTEN_WORDS_PER_MINUTE
    if task.kind == "chart":
        return CHART_MINUTES
    return TASK_MINUTES[task.work]


def lesson_specs(lesson: int) -> list[TaskSpec]:
    """The lesson's active tasks (data/tasks.csv, as the exercise checks read it)."""
    return [t for t in task_specs().values() if t.active and t.lesson == lesson]


def exercise_estimate(lesson: int) -> float:
    return sum(task_minutes(task) for task in lesson_specs(lesson))


def estimate(path: Path) -> tuple[int, int]:
    """(teaching, exercise) minutes of a lesson notebook, rounded to 5."""
    nb = nbformat.read(path, as_version=4)
    return to_five(teaching_estimate(nb)), to_five(exercise_estimate(int(path.name[:2])))


def _write(path: Path, nb) -> None:
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def _set_line(nb, pattern: re.Pattern, line: str, where: str) -> None:
    for cell in nb.cells[:3]:
        if cell.cell_type == "markdown" and pattern.search(cell.source):
            cell.source = pattern.sub(line, cell.source, count=1)
            return
    raise ValueError(f"{where} has no {pattern.pattern!r} line near its top")


def stale(lessons: Path, solutions: Path | None) -> list[Path]:
    """The notebooks whose stored minutes differ from the estimate."""
    result = []
    for path in sorted(lessons.glob("[0-9][0-9]_*.ipynb")):
        teaching, exercise = estimate(path)
        meta = nbformat.read(path, as_version=4).metadata.get("readingpack", {})
        if (meta.get("teaching_minutes"), meta.get("exercise_minutes")) != (teaching, exercise):
            result.append(path)
        solution = solutions / path.name if solutions is not None else None
        if solution is not None and solution.exists():
            meta = nbformat.read(solution, as_version=4).metadata.get("readingpack", {})
            if meta.get("exercise_minutes") != exercise:
                result.append(solution)
    return result


def write_minutes(lessons: Path, solutions: Path | None) -> list[Path]:
    """Write the estimates into the lessons (and their solutions); return the files changed."""
    changed = []
    for path in sorted(lessons.glob("[0-9][0-9]_*.ipynb")):
        teaching, exercise = estimate(path)
        nb = nbformat.read(path, as_version=4)
        nb.metadata.setdefault("readingpack", {}).update(
            {"teaching_minutes": teaching, "exercise_minutes": exercise})
        _set_line(nb, LESSON_LINE, f"*Teaching: {teaching} min · Exercises: {exercise} min*", path.name)
        before = path.read_text(encoding="utf-8")
        _write(path, nb)
        if path.read_text(encoding="utf-8") != before:
            changed.append(path)
        solution = solutions / path.name if solutions is not None else None
        if solution is None or not solution.exists():
            continue
        nb = nbformat.read(solution, as_version=4)
        nb.metadata.setdefault("readingpack", {})["exercise_minutes"] = exercise
        _set_line(nb, SOLUTION_LINE, f"*Exercises: {exercise} min*", f"the solution notebook {solution.name}")
        before = solution.read_text(encoding="utf-8")
        _write(solution, nb)
        if solution.read_text(encoding="utf-8") != before:
            changed.append(solution)
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale minutes, change nothing")
    parser.add_argument("--lessons", default=str(PROJECT_ROOT / "notebooks"))
    parser.add_argument("--solutions", default=str(PROJECT_ROOT / "solutions"))
    args = parser.parse_args(argv)
    lessons, solutions = Path(args.lessons), Path(args.solutions)
    if not solutions.is_dir():
        solutions = None
    if args.check:
        paths = stale(lessons, solutions)
        for path in paths:
            print(f"stale minutes: {path.parent.name}/{path.name} (run: python -m packtools.minutes)")
        return 1 if paths else 0
    for path in lessons.glob("[0-9][0-9]_*.ipynb"):
        c = counts(nbformat.read(path, as_version=4))
        print(f"{path.name}: {c['words']} words, {c['prompts']} prompts, {c['widgets']} widgets "
              f"-> {estimate(path)}")
    for path in write_minutes(lessons, solutions):
        print(f"updated {path.parent.name}/{path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
