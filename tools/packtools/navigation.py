"""Navigation cells and the table of contents, written from the notebooks' own titles and metadata.

Each lesson notebook records its minutes in its metadata:

    "readingpack": {"teaching_minutes": 20, "exercise_minutes": 10}

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
# The compressed two-session course: the lessons taught in class in each session (teaching
# minutes in class, exercises as homework); the others become reading at home
# (see docs/instructor-guide.md).
TWO_SESSIONS = {"Session 1": ["00", "02", "03"], "Session 2": ["04", "06", "08"]}


def course_plan_source(paths: list[Path], notebooks: list) -> str:
    """The instructor guide's plan tables, totalled from the notebooks' minutes metadata."""
    rows = {p.name[:2]: (short_title(nb), *minutes(nb)) for p, nb in zip(paths, notebooks, strict=True)}
    lines = ["### Full course", "", "| Lesson | Teaching (min) | Exercises (min) | Total (min) |",
             "|---|---|---|---|"]
    for number, (title, teaching, exercise) in rows.items():
        lines.append(f"| {number}. {title} | {teaching} | {exercise} | {teaching + exercise} |")
    teaching_sum = sum(r[1] for r in rows.values())
    exercise_sum = sum(r[2] for r in rows.values())
    lines += [f"| **Total** | {teaching_sum} | {exercise_sum} | {teaching_sum + exercise_sum} |", "",
              "### Compressed: two sessions", "",
              "| Session | Lessons in class | Teaching in class (min) | Exercises as homework (min) |",
              "|---|---|---|---|"]
    for session, numbers in TWO_SESSIONS.items():
        chosen = [n for n in numbers if n in rows]
        teaching = sum(rows[n][1] for n in chosen)
        exercise = sum(rows[n][2] for n in chosen)
        lines.append(f"| {session} | {', '.join(chosen)} | {teaching} | {exercise} |")
    homework = [n for n in rows if not any(n in v for v in TWO_SESSIONS.values())]
    lines += ["", "Dropped from class time (read at home; their exercises optional): "
              f"lessons {', '.join(homework)}."]
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
