"""Copy the exercise notebooks into the student's own workbook/ folder, never overwriting.

`make workbook` runs this; where make or the .venv is missing (a JupyterHub server, Windows),
`python3 tools/workbook.py` does the same with Python's standard library only. A file that
already exists in workbook/ is left exactly as it is (the student's work); to get a fresh copy
of one exercise, rename or delete your copy and run it again. Updating the pack (git pull) never
touches workbook/, which git ignores.
"""

import shutil
import sys
from pathlib import Path

from .paths import PROJECT_ROOT


def copy_exercises(exercises: Path, workbook: Path) -> tuple[list[str], list[str]]:
    """Copy each exercises/*.ipynb into `workbook` unless a file of that name exists there.
    Returns (copied, skipped) file names."""
    workbook.mkdir(parents=True, exist_ok=True)
    copied, skipped = [], []
    for source in sorted(exercises.glob("[0-9][0-9]_*.ipynb")):
        target = workbook / source.name
        try:
            with target.open("xb") as out:  # "x": fails if the file exists, so nothing is overwritten
                out.write(source.read_bytes())
        except FileExistsError:
            skipped.append(source.name)
            continue
        shutil.copymode(source, target)
        copied.append(source.name)
    return copied, skipped


def main() -> int:
    exercises, workbook = PROJECT_ROOT / "exercises", PROJECT_ROOT / "workbook"
    copied, skipped = copy_exercises(exercises, workbook)
    for name in copied:
        print(f"copied   workbook/{name}")
    for name in skipped:
        print(f"kept     workbook/{name} (already there: your work is not touched)")
    if skipped:
        print("To get a fresh copy of an exercise, rename or delete your copy in workbook/ "
              "and run `make workbook` (or `python3 tools/workbook.py`) again.")
    if not copied and not skipped:
        print("exercises/ holds no exercise notebooks yet.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
