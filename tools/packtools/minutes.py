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

# The rates are fitted to a trial in which a first-year learner worked alone through lessons 1, 2
# and 6 and their exercises, and reported the minutes each took (issue 23): lesson 1, about 110
# minutes of teaching and 40 of exercises; lesson 2, 62 and 60; lesson 6, 48 and 40. The lessons
# and tasks were those of commit 02c144a (30 Nov 2026), when the pack stated 75+25, 40+35 and
# 30+30 for them; TRIAL holds what counts() and data/tasks.csv gave for them then. `fit_rates()`
# refits the rates from TRIAL and the rates before it (BEFORE_TRIAL); `python -m
# packtools.minutes --calibrate` prints the fit, and a test keeps the rates below equal to it,
# rounded (words a minute to 1, other minutes to a half).
TRIAL = {
    1: {"words": 4738, "prompts": 6, "widgets": 2, "tasks": {"read-off": 4, "analysis": 1},
        "charts": 0, "written_max_words": [100], "minutes": (110, 40)},
    2: {"words": 1873, "prompts": 5, "widgets": 1, "tasks": {"read-off": 2, "analysis": 3},
        "charts": 1, "written_max_words": [150], "minutes": (62, 60)},
    6: {"words": 1476, "prompts": 4, "widgets": 1, "tasks": {"read-off": 3, "analysis": 2},
        "charts": 0, "written_max_words": [150], "minutes": (48, 40)},
}
BEFORE_TRIAL = {"words_per_minute": 100, "prompt": 3, "widget": 5,
                "task": {"read-off": 2, "analysis": 3, "decision": 5}, "chart": 5,
                "written_base": 6, "written_words_per_minute": 12}

# Teaching: the reading rate, and one factor for the time a question block and a widget's "Try
# it" list take (kept in their old proportion, 3 to 5: the trial's three lessons cannot tell the
# two apart), fitted by least squares: 82 words a minute (was 100), 5.5 minutes a question block
# (was 3), 9.5 a widget (was 5). The three lessons come to 110, 60 and 50 minutes (measured
# 110, 62 and 48). Careful reading of a contested text, checked against tables and quotes, by
# students some of whom read English as a second language: below an everyday reading speed. The
# words counted leave out the code cells, their tables and charts, and the article text a widget
# shows, which students also read.
READING_WORDS_PER_MINUTE = 82
PROMPT_MINUTES = 5.5  # read the questions, think or talk with a neighbour, open the model answers
WIDGET_MINUTES = 9.5  # work through a widget's "Try it" list and press Reset

# Exercises: one factor for the machine-checked tasks (read-off, analysis, decision, chart: 2.19
# times the old minutes) and one for written answers. Each trial lesson had one written task, so
# the trial cannot tell its time from the rest; the least-squares fit would make writing faster
# than the old rate, which no learner reported, so the written rate keeps its old value (the
# bound of the fit) and the machine-checked tasks take the rest. The three lessons come to 40,
# 58 and 45 minutes (measured 40, 60 and 40). "decision" tasks were not in the trial; they keep
# their old proportion to the others.
TASK_MINUTES = {"read-off": 4.5, "analysis": 6.5, "decision": 11}
CHART_MINUTES = 11
WRITTEN_BASE_MINUTES = 6  # find the quotes and plan the answer
WRITTEN_WORDS_PER_MINUTE = 12  # careful, quoted writing, counted on the longest answer allowed


def _round_half(x: float) -> float:
    return round(x * 2) / 2


def fit_rates(trial: dict = TRIAL, before: dict = BEFORE_TRIAL) -> dict:
    """The rates fitted to `trial` as described above, rounded as the module states them."""
    import numpy as np

    lessons = list(trial.values())
    # teaching = words / rate + factor * (old prompt minutes + old widget minutes)
    activities = [before["prompt"] * t["prompts"] + before["widget"] * t["widgets"] for t in lessons]
    a = np.array([[t["words"], act] for t, act in zip(lessons, activities, strict=True)], dtype=float)
    taught = np.array([t["minutes"][0] for t in lessons], float)
    (per_word, factor), *_ = np.linalg.lstsq(a, taught, rcond=None)
    # exercises = short factor * old machine-checked minutes + written factor * old written minutes
    short = np.array([sum(before["task"][k] * n for k, n in t["tasks"].items())
                      + before["chart"] * t["charts"] for t in lessons], float)
    written = np.array([sum(before["written_base"] + w / before["written_words_per_minute"]
                            for w in t["written_max_words"]) for t in lessons], float)
    measured = np.array([t["minutes"][1] for t in lessons], float)
    (s, w), *_ = np.linalg.lstsq(np.c_[short, written], measured, rcond=None)
    if w < 1:  # never faster at writing than the old rate: fit the rest with writing at 1
        w = 1.0
        s = float(short @ (measured - written) / (short @ short))
    return {
        "words_per_minute": round(1 / per_word), "prompt": _round_half(before["prompt"] * factor),
        "widget": _round_half(before["widget"] * factor),
        "task": {k: _round_half(v * s) for k, v in before["task"].items()},
        "chart": _round_half(before["chart"] * s),
        "written_base": before["written_base"] * w,
        "written_words_per_minute": before["written_words_per_minute"] / w,
        "teaching_factor": float(factor), "task_factor": float(s), "written_factor": float(w),
    }


def stated_rates() -> dict:
    """The rates this module states, in fit_rates()'s form."""
    return {"words_per_minute": READING_WORDS_PER_MINUTE, "prompt": PROMPT_MINUTES,
            "widget": WIDGET_MINUTES, "task": dict(TASK_MINUTES), "chart": CHART_MINUTES,
            "written_base": WRITTEN_BASE_MINUTES, "written_words_per_minute": WRITTEN_WORDS_PER_MINUTE}


def trial_estimate(lesson: dict) -> tuple[float, float]:
    """(teaching, exercise) minutes of a TRIAL lesson at the stated rates, unrounded."""
    teaching = (lesson["words"] / READING_WORDS_PER_MINUTE + lesson["prompts"] * PROMPT_MINUTES
                + lesson["widgets"] * WIDGET_MINUTES)
    written = sum(WRITTEN_BASE_MINUTES + w / WRITTEN_WORDS_PER_MINUTE for w in lesson["written_max_words"])
    exercise = (sum(TASK_MINUTES[k] * n for k, n in lesson["tasks"].items())
                + CHART_MINUTES * lesson["charts"] + written)
    return teaching, exercise


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
    parser.add_argument("--calibrate", action="store_true", help="print the rates fitted to the trial")
    parser.add_argument("--lessons", default=str(PROJECT_ROOT / "notebooks"))
    parser.add_argument("--solutions", default=str(PROJECT_ROOT / "solutions"))
    args = parser.parse_args(argv)
    lessons, solutions = Path(args.lessons), Path(args.solutions)
    if not solutions.is_dir():
        solutions = None
    if args.calibrate:
        fitted = fit_rates()
        print("fitted:", fitted)
        print("stated:", stated_rates())
        for number, lesson in TRIAL.items():
            teaching, exercise = trial_estimate(lesson)
            print(f"lesson {number} in the trial: measured {lesson['minutes']}, "
                  f"estimated ({teaching:.0f}, {exercise:.0f})")
        return 0
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
