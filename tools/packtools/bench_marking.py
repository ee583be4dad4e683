"""The marking benchmark, part of `make bench` (python -m packtools.bench_marking).

A synthetic class of 30 students x 8 lessons: a third hand in the solution notebooks (full
marks), a third the exercise notebooks with the code tasks solved and the written answers
blank, a third the blank exercise notebooks. It measures, at the same parallelism (one worker
per core), the wall time of

- the floor: executing those same notebooks with nbclient, errors allowed, nothing else;
- marking them with `packtools.grading` (fresh caches), pages and overview included, each
  notebook in its bubblewrap sandbox (the default);
- the same marking with UNSANDBOXED=1 (no sandbox), to show what the sandbox costs;

each the median of RUNS runs, and the marker's peak memory (max RSS of the marking process and
of its largest worker). Target: marking adds no more than 20% to the floor.
"""

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

from . import grading
from .paths import PROJECT_ROOT

STUDENTS, RUNS = 30, 3


def solved_exercise(lesson: int):
    """The exercise notebook with every code answer copied from the solution; written answers blank."""
    exercise = nbformat.read(next((PROJECT_ROOT / "exercises").glob(f"{lesson:02d}_*.ipynb")), as_version=4)
    solution = nbformat.read(next((PROJECT_ROOT / "solutions").glob(f"{lesson:02d}_*.ipynb")), as_version=4)
    solved = {c.source.strip().splitlines()[-1]: c.source for c in solution.cells
              if c.cell_type == "code" and c.source.strip().splitlines()[-1:] and
              c.source.strip().splitlines()[-1].startswith("check(")}
    for cell in exercise.cells:
        last = cell.source.strip().splitlines()[-1:] if cell.cell_type == "code" else []
        if last and last[0] in solved:
            cell.source = solved[last[0]]
    return exercise


def make_class(folder: Path, students: int = STUDENTS) -> Path:
    submissions = folder / "submissions"
    for number in range(students):
        student = submissions / f"student{number:02d}"
        student.mkdir(parents=True)
        for lesson in range(1, 9):
            if number % 3 == 0:
                notebook = nbformat.read(next((PROJECT_ROOT / "solutions").glob(f"{lesson:02d}_*.ipynb")),
                                         as_version=4)
                notebook.metadata.setdefault("readingpack", {})["lesson"] = lesson
            elif number % 3 == 1:
                notebook = solved_exercise(lesson)
            else:
                notebook = nbformat.read(next((PROJECT_ROOT / "exercises").glob(f"{lesson:02d}_*.ipynb")),
                                         as_version=4)
            nbformat.write(notebook, student / f"{lesson:02d}.ipynb")
    return submissions


def execute_plain(path: str) -> int:
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=grading.CELL_TIMEOUT, allow_errors=True, kernel_name="python3",
                   resources={"metadata": {"path": str(Path(path).parent)}}).execute()
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def floor_run(submissions: Path, workers: int) -> float:
    paths = [str(p) for p in sorted(submissions.rglob("*.ipynb"))]
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(execute_plain, paths))
    return time.perf_counter() - start


def marking_run(submissions: Path, out: Path, workers: int, sandboxed: bool = True) -> float:
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    grading.grade(submissions, out, list(range(1, 9)), workers, "3000,300,100,20", sandboxed=sandboxed)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=STUDENTS)
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)
    workers = os.cpu_count() or 1
    folder = Path(tempfile.mkdtemp(prefix="readingpack-bench-"))
    try:
        submissions = make_class(folder, args.students)
        floors, markings, open_markings = [], [], []
        for run in range(args.runs):
            floors.append(floor_run(submissions, workers))
            markings.append(marking_run(submissions, folder / "grades", workers))
            open_markings.append(marking_run(submissions, folder / "grades", workers, sandboxed=False))
            print(f"run {run + 1}: floor {floors[-1]:.0f} s, marking in the sandbox {markings[-1]:.0f} s, "
                  f"without it {open_markings[-1]:.0f} s", flush=True)
        floor, marking = statistics.median(floors), statistics.median(markings)
        unsandboxed = statistics.median(open_markings)
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        print(f"{args.students} students x 8 lessons = {args.students * 8} notebooks, {workers} workers, "
              f"median of {args.runs}: floor {floor:.0f} s, marking in the sandbox {marking:.0f} s "
              f"({100 * (marking / floor - 1):+.0f}% over the floor; target at most +20%), without the "
              f"sandbox {unsandboxed:.0f} s ({100 * (unsandboxed / floor - 1):+.0f}%). Peak memory: "
              f"the marker {own} MB, its largest child process {children} MB.")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
