"""Navigation cells and the table of contents, written from the notebooks' own titles and metadata.

Each lesson notebook records its minutes in its metadata:

    "readingpack": {"teaching_minutes": 20, "exercise_minutes": 10}

`python -m readingpack.navigation` rewrites the "< previous | contents | next >" cells at the
top and bottom of every lesson and the contents table of 00_start_here.ipynb; running it twice
changes nothing. `python -m readingpack.navigation --check` exits 1 when anything is stale
(the test suite runs the same check).
"""

import argparse
import sys
from pathlib import Path

import nbformat

from .paths import PROJECT_ROOT

NAV_MARKER = "<!-- navigation: written by readingpack.navigation, do not edit -->"
CONTENTS_MARKER = "<!-- contents: written by readingpack.navigation, do not edit -->"
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
            f"| {path.name[:2]} | [{notebook_title(nb)}]({path.name}) | {teaching} | {exercise} "
            f"| {teaching + exercise} |"
        )
    lines.append(
        f"| | **All lessons** | {total_teaching} | {total_exercise} "
        f"| {total_teaching + total_exercise} |"
    )
    return "\n".join(lines)


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


def stale_notebooks(folder: Path) -> list[Path]:
    return [p for p, text in updated_notebooks(folder).items()
            if p.read_text(encoding="utf-8") != text]


def write_navigation(folder: Path) -> list[Path]:
    changed = stale_notebooks(folder)
    for path, text in updated_notebooks(folder).items():
        if path in changed:
            path.write_text(text, encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale notebooks, change nothing")
    parser.add_argument("folder", nargs="?", default=str(PROJECT_ROOT / "notebooks"))
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    if args.check:
        stale = stale_notebooks(folder)
        for path in stale:
            print(f"stale navigation or contents: {path.name} (run: make navigation)")
        return 1 if stale else 0
    for path in write_navigation(folder):
        print(f"updated {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
