"""Navigation cells and the table of contents, written from the notebooks' own titles and metadata.

Each lesson notebook records its minutes in its metadata:

    "readingpack": {"teaching_minutes": 20, "exercise_minutes": 10}

`python -m packtools.minutes` writes them from its stated estimate (words, prompts, widgets, tasks).

`python -m packtools.navigation` rewrites the "< previous | contents | next >" cells at the
top and bottom of every lesson and the contents table of 00_start_here.ipynb; running it twice
changes nothing. `python -m packtools.navigation --check` exits 1 when anything is stale
(the test suite runs the same check).
"""

import argparse
import re
import sys
from pathlib import Path

import nbformat

from . import minutes as rates
from .paths import PROJECT_ROOT

NAV_MARKER = "<!-- navigation: written by packtools.navigation, do not edit -->"
CONTENTS_MARKER = "<!-- contents: written by packtools.navigation, do not edit -->"
START_NOTEBOOK = "00_start_here.ipynb"


def lesson_paths(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


def notebook_title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise ValueError("the notebook has no '# Title' heading in a markdown cell")


def short_title(nb) -> str:
    """The title without its lesson number ("1. Claims" -> "Claims")."""
    return re.sub(r"^\d+\.\s*", "", notebook_title(nb))


def minutes(nb) -> tuple[int, int]:
    meta = nb.metadata.get("readingpack", {})
    return int(meta.get("teaching_minutes", 0)), int(meta.get("exercise_minutes", 0))


def navigation_source(paths: list[Path], index: int, titles: list[str]) -> str:
    parts = []
    if index > 0:
        parts.append(f"[< {titles[index - 1]}]({paths[index - 1].name})")
    parts.append(f"[Contents]({START_NOTEBOOK}#Contents)")
    if index + 1 < len(paths):
        parts.append(f"[{titles[index + 1]} >]({paths[index + 1].name})")
    return NAV_MARKER + "\n" + " | ".join(parts)


def contents_source(paths: list[Path], notebooks: list) -> str:
    lines = [
        CONTENTS_MARKER,
        "## Contents",
        "",
        "| # | Lesson | Teaching (min) | Exercises (min) | Total (min) |",
        "|---|---|---|---|---|",
    ]
    total_teaching = total_exercise = 0
    for path, nb in zip(paths, notebooks, strict=True):
        teaching, exercise = minutes(nb)
        total_teaching += teaching
        total_exercise += exercise
        lines.append(
            f"| {path.name[:2]} | [{short_title(nb)}]({path.name}) | {teaching} | {exercise} "
            f"| {teaching + exercise} |"
        )
    lines.append(
        f"| | **All lessons** | {total_teaching} | {total_exercise} "
        f"| {total_teaching + total_exercise} |"
    )
    return "\n".join(lines)


PLAN_BEGIN, PLAN_END = "<!-- course plan: begin -->", "<!-- course plan: end -->"
SESSION_MINUTES = 90
MINIMUM_MINUTES = {"Set-up": 10, "Exercises in class": 20, "Discussion": 10, "Buffer": 5}
PRE_READING_WORDS = 2500  # at most this many words of the lessons' prose before session 1
# The compressed two-session course (docs/instructor-guide.md): for each session, the minutes of
# each lesson taught in class (a lesson longer than that is taught in class up to the last of its
# sections that fits, and its rest is read at home), the minutes of its exercises started in
# class, and the minutes of everything else in the room; the buffer is what is left of the 90
# minutes. Set-up, ground rules, content notes, 20 minutes of exercises, 10 of discussion and a
# buffer of 5 leave at most 40 minutes to teach, and at the trial's rates no lesson that has
# exercises is that short: lessons 2 and 6 are taught in class up to a section and finished at
# home.
TWO_SESSIONS = {
    "Session 1": {"Set-up": 10, "Ground rules": 3, "Content notes": 2, "lessons": {"02": 40},
                  "exercises": {"02": 20}, "Discussion": 10},
    "Session 2": {"Set-up": 10, "Ground rules": 2, "Content notes": 3, "lessons": {"06": 35},
                  "exercises": {"06": 20}, "Discussion": 15},
}
# What students do at home instead, as (when, lesson, part); a lesson's part at home is what of it
# is not done in class (the rest of a lesson begun in class, the rest of its exercises). Every
# other part is dropped.
HOMEWORK = [
    ("Before session 1", "00", "lesson"),
    ("Between the sessions", "02", "lesson"), ("Between the sessions", "02", "exercises"),
    ("Between the sessions", "01", "lesson"),
    ("After session 2", "06", "lesson"), ("After session 2", "06", "exercises"),
]


def session_rows(rows: dict) -> dict[str, dict[str, int]]:
    """Each session of the compressed course: minutes per part, the buffer what is left."""
    plan = {}
    for session, parts in TWO_SESSIONS.items():
        taught = sum(in_class_teaching(rows, n) for n in parts["lessons"])
        minutes_ = {"Set-up": parts["Set-up"], "Ground rules": parts["Ground rules"],
                    "Content notes": parts["Content notes"], "Taught in class": taught,
                    "Exercises in class": sum(in_class_exercises(rows, n) for n in parts["exercises"]),
                    "Discussion": parts["Discussion"]}
        minutes_["Buffer"] = SESSION_MINUTES - sum(minutes_.values())
        plan[session] = minutes_
    return plan


def in_class_teaching(rows: dict, number: str) -> int:
    """Minutes of a lesson taught in class (never more than the lesson has)."""
    planned = sum(s["lessons"].get(number, 0) for s in TWO_SESSIONS.values())
    return min(planned, rows[number][1])


def in_class_exercises(rows: dict, number: str) -> int:
    """Minutes of a lesson's exercises done in class (never more than the lesson has)."""
    planned = sum(s["exercises"].get(number, 0) for s in TWO_SESSIONS.values())
    return min(planned, rows[number][2])


def _part_minutes(rows: dict, number: str, part: str) -> int:
    if part == "lesson":
        return rows[number][1] - in_class_teaching(rows, number)
    return rows[number][2] - in_class_exercises(rows, number)


def _part_name(number: str, part: str) -> str:
    begun = any(number in s["exercises" if part == "exercises" else "lessons"] for s in TWO_SESSIONS.values())
    what = f"lesson {int(number)}" + ("'s exercises" if part == "exercises" else "")
    return f"the rest of {what}" if begun else what


def sections_within(nb, limit: float) -> tuple[str, str]:
    """(the last section heading a lesson reaches within `limit` teaching minutes, the next one):
    each section is counted whole, at the rates of packtools.minutes."""
    reached, ends = "", []
    total = 0.0
    for cell in nb.cells:
        if cell.cell_type != "markdown" or rates.GENERATED_CELL.match(cell.source):
            continue
        if rates.OPTIONAL_APPENDIX.search(cell.source):
            break
        if cell.source.startswith("## "):
            ends.append((total, reached))
            reached = cell.source.splitlines()[0][3:].strip()
        total += rates.teaching_estimate(nbformat.v4.new_notebook(cells=[cell]))
    ends.append((total, reached))
    headings = [title for _, title in ends[1:]]
    last = max((i for i, (end, _) in enumerate(ends[1:]) if end <= limit), default=0)
    return headings[last], headings[last + 1] if last + 1 < len(headings) else ""


def _taught(number: str, rows: dict, nb) -> str:
    """What of a lesson is taught in class: all of it, or its sections up to one."""
    if in_class_teaching(rows, number) >= rows[number][1]:
        return f"lesson {int(number)}"
    last, following = sections_within(nb, in_class_teaching(rows, number))
    return f"lesson {int(number)} to the end of “{last}” (the rest, from “{following}”, at home)"


def pre_reading_words(notebooks: dict) -> int:
    """Words of the lessons' prose (as packtools.minutes counts them) set before session 1."""
    return sum(rates.counts(notebooks[n])["words"] for when, n, part in HOMEWORK
               if when == "Before session 1" and part == "lesson")


def dropped_parts(rows: dict) -> list[tuple[str, str]]:
    """The (lesson, part) pairs neither taught in class nor set as homework."""
    kept = {(n, "lesson") for s in TWO_SESSIONS.values() for n in s["lessons"]}
    kept |= {(n, "exercises") for s in TWO_SESSIONS.values() for n in s["exercises"]}
    kept |= {(n, part) for _, n, part in HOMEWORK}
    return [(n, part) for n in rows for part in ("lesson", "exercises")
            if (n, part) not in kept and _part_minutes(rows, n, part) > 0]


def course_plan_source(paths: list[Path], notebooks: list) -> str:
    """The instructor guide's plan tables, totalled from the notebooks' minutes metadata."""
    rows = {p.name[:2]: (short_title(nb), *minutes(nb)) for p, nb in zip(paths, notebooks, strict=True)}
    lines = ["### Full course", "", "| Lesson | Teaching (min) | Exercises (min) | Total (min) |",
             "|---|---|---|---|"]
    for number, (title, teaching, exercise) in rows.items():
        lines.append(f"| {number}. {title} | {teaching} | {exercise} | {teaching + exercise} |")
    teaching_sum = sum(r[1] for r in rows.values())
    exercise_sum = sum(r[2] for r in rows.values())
    lines += [f"| **Total** | {teaching_sum} | {exercise_sum} | {teaching_sum + exercise_sum} |", ""]
    lines += [
        "**How the minutes are estimated.** These are estimates, not timings "
        "(`tools/packtools/minutes.py`; a test fails if a lesson's stored minutes drift from them). "
        f"Teaching: the lesson's words at {rates.READING_WORDS_PER_MINUTE} words a minute, a cautious "
        "rate for careful reading of a contested text by students some of whom read English as a "
        "second language (the count leaves out the model answers, read within a question block's "
        "minutes, and the code, tables and charts, which also take time), plus "
        f"{rates.PROMPT_MINUTES} minutes for each block of questions with model answers and "
        f"{rates.WIDGET_MINUTES} for each widget's *Try it* list. Exercises, from "
        f"`data/tasks.csv`: {rates.TASK_MINUTES['read-off']} minutes for a task read off a table or "
        f"widget, {rates.TASK_MINUTES['analysis']} for one that needs analysis, "
        f"{rates.TASK_MINUTES['decision']} for a decision made by a written rule and justified, "
        f"{rates.CHART_MINUTES} for a chart, and for a written answer {rates.WRITTEN_BASE_MINUTES} "
        f"minutes plus one for every {rates.WRITTEN_WORDS_PER_MINUTE} words of its longest allowed "
        "length. Each total is rounded to the nearest 5 minutes. The rates are fitted "
        "(`python -m packtools.minutes --calibrate`) to one reported trial, in which a learner "
        "working alone took about 110 minutes to study lesson 1 and 40 for its exercises, 62 and 60 "
        "for lesson 2, 48 and 40 for lesson 6, where the pack stated 75+25, 40+35 and 30+30 at the "
        "time: one reading rate and one factor for question blocks and widgets fitted to the "
        "teaching minutes, one factor for the machine-checked tasks fitted to the exercise minutes "
        "(written answers keep their rate: each lesson of the trial had one, so the trial cannot "
        "time them apart). They are an estimate from three lessons, not a timing.", ""]
    plan = session_rows(rows)
    by_number = {p.name[:2]: nb for p, nb in zip(paths, notebooks, strict=True)}
    lines += [f"### Compressed: two sessions of {SESSION_MINUTES} minutes", "",
              "| Part | " + " | ".join(f"{s} (min)" for s in plan) + " |", "|---|" + "---|" * len(plan)]
    for part in plan["Session 1"]:
        cells = [str(minutes_[part]) for minutes_ in plan.values()]
        if part == "Taught in class":
            cells = [f"{'; '.join(_taught(n, rows, by_number[n]) for n in TWO_SESSIONS[s]['lessons'])}: {m}"
                     for s, m in zip(plan, cells, strict=True)]
        if part == "Exercises in class":
            cells = [f"{', '.join(f'lesson {int(n)}' for n in TWO_SESSIONS[s]['exercises'])}'s exercises: {m}"
                     for s, m in zip(plan, cells, strict=True)]
        lines.append(f"| {part} | " + " | ".join(cells) + " |")
    lines.append("| **Total** | " + " | ".join(str(sum(m.values())) for m in plan.values()) + " |")
    lines += ["", "| At home | What | Minutes |", "|---|---|---|"]
    for when in dict.fromkeys(w for w, _, _ in HOMEWORK):
        parts = [(n, part) for w, n, part in HOMEWORK if w == when]
        what = ", ".join(_part_name(n, part) + ("" if part == "exercises" else f" ({rows[n][0]})")
                         for n, part in parts)
        lines.append(f"| {when} | {what} | {sum(_part_minutes(rows, n, p) for n, p in parts)} |")
    words = pre_reading_words({p.name[:2]: nb for p, nb in zip(paths, notebooks, strict=True)})
    lines += ["", f"Reading before session 1: {words:,} words of the lessons' prose (at most "
              f"{PRE_READING_WORDS:,}), besides the code, tables and widgets they show."]
    dropped = dropped_parts(rows)
    listed = ", ".join(f"{_part_name(n, part)} ({_part_minutes(rows, n, part)} min)" for n, part in dropped)
    lines += ["", f"Dropped (optional reading and practice, not needed for the two sessions): {listed}; "
              f"{sum(_part_minutes(rows, n, part) for n, part in dropped)} minutes in all."]
    return "\n".join(lines)


def updated_guide(guide: Path, paths: list[Path], notebooks: list) -> str | None:
    if not guide.exists():
        return None
    text = guide.read_text(encoding="utf-8")
    start, end = text.index(PLAN_BEGIN) + len(PLAN_BEGIN), text.index(PLAN_END)
    return text[:start] + "\n" + course_plan_source(paths, notebooks) + "\n" + text[end:]


def _is_marked(cell, marker: str) -> bool:
    return cell.cell_type == "markdown" and cell.source.startswith(marker)


def _set_navigation(nb, source: str) -> None:
    nb.cells = [c for c in nb.cells if not _is_marked(c, NAV_MARKER)]
    top = nbformat.v4.new_markdown_cell(source)
    bottom = nbformat.v4.new_markdown_cell(source)
    top.id, bottom.id = "navigation-top", "navigation-bottom"
    nb.cells = [top, *nb.cells, bottom]


def _set_contents(nb, source: str) -> None:
    for cell in nb.cells:
        if _is_marked(cell, CONTENTS_MARKER):
            cell.source = source
            return
    raise ValueError(f"{START_NOTEBOOK} has no cell starting with the contents marker")


def updated_notebooks(folder: Path) -> dict[Path, str]:
    """Every lesson notebook as it should be, as JSON text, keyed by path."""
    paths = lesson_paths(folder)
    notebooks = [nbformat.read(p, as_version=4) for p in paths]
    titles = [notebook_title(nb) for nb in notebooks]
    contents = contents_source(paths, notebooks)
    result = {}
    for index, (path, nb) in enumerate(zip(paths, notebooks, strict=True)):
        _set_navigation(nb, navigation_source(paths, index, titles))
        if path.name == START_NOTEBOOK:
            _set_contents(nb, contents)
        result[path] = nbformat.writes(nb) + "\n"
    return result


GUIDE = PROJECT_ROOT / "docs" / "instructor-guide.md"


def _expected_files(folder: Path, guide: Path | None) -> dict[Path, str]:
    expected = updated_notebooks(folder)
    if guide is not None:
        paths = lesson_paths(folder)
        text = updated_guide(guide, paths, [nbformat.read(p, as_version=4) for p in paths])
        if text is not None:
            expected[guide] = text
    return expected


def stale_notebooks(folder: Path, guide: Path | None = None) -> list[Path]:
    return [p for p, text in _expected_files(folder, guide).items()
            if p.read_text(encoding="utf-8") != text]


def write_navigation(folder: Path, guide: Path | None = None) -> list[Path]:
    expected = _expected_files(folder, guide)
    changed = [p for p, text in expected.items() if p.read_text(encoding="utf-8") != text]
    for path in changed:
        path.write_text(expected[path], encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale notebooks, change nothing")
    parser.add_argument("folder", nargs="?", default=str(PROJECT_ROOT / "notebooks"))
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    guide = GUIDE if folder.resolve() == (PROJECT_ROOT / "notebooks").resolve() else None
    if args.check:
        stale = stale_notebooks(folder, guide)
        for path in stale:
            print(f"stale navigation or contents: {path.name} (run: make navigation)")
        return 1 if stale else 0
    for path in write_navigation(folder, guide):
        print(f"updated {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
