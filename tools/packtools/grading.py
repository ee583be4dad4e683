"""Collect and mark a class's exercise notebooks: `make grade SUBMISSIONS=<folder>`.

Collecting. SUBMISSIONS holds either one folder per student (the folder's name is the student)
or files named by student (the student is the file name up to its first "_", as LMS downloads
name them: "Ana Lopez_1234_02_claims.ipynb"). Each notebook's lesson is read from its metadata
(readingpack.lesson, written by `make exercises`), and from its file name only when the metadata
is gone, which is reported. Missing, duplicated and unreadable notebooks are reported in
grades/problems.csv; the newest of two duplicates is marked.

Marking. Each submission is copied into a throwaway folder (HOME and the temporary folder point
inside it), then run in a fresh kernel (marking_kernel.py: memory, CPU, file-size, output,
network and process limits) with nbclient, errors allowed, each cell under a timeout and the
whole notebook under a budget. The marker then calls every task's check itself in that kernel,
with READINGPACK_NOTEBOOK set so written answers are read from the copy. A submission is never
modified. Submissions run in parallel, one per core.

Results. grades/tasks.csv (one row per student x task), grades/summary.csv (one row per
student: lesson_1 ... lesson_8 and total, for a gradebook import), grades/written.csv (one row
per student x written task x rubric criterion, with an empty mark for the marker),
grades/problems.csv, and the feedback pages and class overview of grade_report.py. Results are
cached per submission (by the file's content and the checks' version): running again re-runs
only what changed, and merges the marks typed into written.csv into the totals.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pandas as pd

from .paths import PROJECT_ROOT

KERNEL_NAME = "readingpack-marker"
CELL_TIMEOUT, NOTEBOOK_BUDGET = 30, 180
MARKS_START, MARKS_END = "<<READINGPACK-MARKS>>", "<<END-READINGPACK-MARKS>>"
CRITERIA_COLUMN = "criteria"


@dataclass
class Submission:
    student: str
    lesson: int
    path: Path
    notes: list[str] = field(default_factory=list)


@dataclass
class Collection:
    submissions: list[Submission]
    problems: list[dict]


def task_table() -> pd.DataFrame:
    from readingpack.ledger import load_ledger

    table = load_ledger().tasks
    return table[table["status"] == "active"].set_index("task_id")


def lesson_of(path: Path) -> tuple[int | None, str]:
    """(lesson, note): from the notebook's metadata, else from its file name."""
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"not a readable notebook ({error.__class__.__name__}: {error})") from error
    meta = notebook.get("metadata", {}).get("readingpack", {}) if isinstance(notebook, dict) else {}
    if isinstance(meta.get("lesson"), int):
        return meta["lesson"], ""
    source = str(meta.get("generated_from", ""))
    match = re.search(r"(\d\d)_\w+\.ipynb", source) or re.search(r"(?<!\d)(\d\d)_", path.name)
    if match and str(meta.get("generated_from", "")):
        return int(match.group(1)), ""
    if match:
        return int(match.group(1)), "lesson found from the file name only (the notebook's metadata is gone)"
    return None, ""


def student_of(path: Path, root: Path) -> str:
    relative = path.relative_to(root)
    if len(relative.parts) > 1:
        return relative.parts[0]
    return path.stem.split("_")[0].strip() or path.stem


def collect(root: Path, lessons: list[int]) -> Collection:
    found: dict[tuple[str, int], list[Submission]] = {}
    problems, students = [], set()
    for path in sorted(root.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        student = student_of(path, root)
        students.add(student)
        try:
            lesson, note = lesson_of(path)
        except ValueError as error:
            named = re.search(r"(?<!\d)(\d\d)_", path.name)
            problems.append(_problem(student, int(named.group(1)) if named else "", path, root,
                                     f"unreadable: {error}"))
            continue
        if lesson is None or lesson not in lessons:
            problems.append(_problem(student, lesson or "", path, root,
                                     "not one of the pack's exercise notebooks: ignored"))
            continue
        submission = Submission(student, lesson, path, [note] if note else [])
        found.setdefault((student, lesson), []).append(submission)
    chosen = []
    for (student, lesson), copies in sorted(found.items()):
        copies.sort(key=lambda s: s.path.stat().st_mtime, reverse=True)
        chosen.append(copies[0])
        for other in copies[1:]:
            problems.append(_problem(student, lesson, other.path, root,
                                     f"duplicate: {copies[0].path.name}, the newest, was marked instead"))
    for student in sorted(students):
        for lesson in lessons:
            if (student, lesson) not in found:
                problems.append(_problem(student, lesson, None, root, "missing: no notebook for this lesson"))
    return Collection(chosen, problems)


def _problem(student, lesson, path: Path | None, root: Path, problem: str) -> dict:
    return {"student": student, "lesson": lesson, "file": str(path.relative_to(root)) if path else "",
            "problem": problem}


# Running one submission ----------------------------------------------------------------------

def kernel_environment(work: Path, notebook: Path, limits: str) -> dict[str, str]:
    home, tmp = work / "home", work / "tmp"
    home.mkdir(parents=True, exist_ok=True)
    tmp.mkdir(exist_ok=True)
    return {
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/bin", "/bin"]),
        "HOME": str(home), "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp),
        "LANG": "C.UTF-8", "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8",
        "MPLCONFIGDIR": str(work.parent / "matplotlib"), "IPYTHONDIR": str(home / ".ipython"),
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "READINGPACK_NOTEBOOK": str(notebook), "READINGPACK_LIMITS": limits,
        "JUPYTER_PLATFORM_DIRS": "1",
    }


def kernel_manager(spec_folder: Path):
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    kernels = spec_folder / "kernels" / KERNEL_NAME
    kernels.mkdir(parents=True, exist_ok=True)
    launcher = Path(__file__).with_name("marking_kernel.py")
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, str(launcher), "-f", "{connection_file}"],
        "display_name": "readingpack marker", "language": "python"}), encoding="utf-8")
    specs = KernelSpecManager(kernel_dirs=[str(spec_folder / "kernels")])
    return AsyncKernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=specs)


def marking_code(task_ids: list[str]) -> str:
    return "\n".join([
        "import json as _rp_json",
        "import sys as _rp_sys",
        "_rp_sys.stdout._readingpack_written = 0  # the output limit starts again for the marks",
        "from readingpack.exercises.feedback import check_task as _rp_check",
        "_rp_results = {}",
        f"for _rp_task in {task_ids!r}:",
        "    _rp_feedback = _rp_check(_rp_task, globals())",
        "    _rp_results[_rp_task] = [_rp_feedback.status, _rp_feedback.message]",
        f"print({MARKS_START!r} + _rp_json.dumps(_rp_results) + {MARKS_END!r})",
    ])


def run_submission(job: dict) -> dict:
    """Run one submission from a copy and check its tasks; never raises (runs in a worker)."""
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    work = Path(job["work"])
    work.mkdir(parents=True, exist_ok=True)
    copy = work / "notebook.ipynb"
    shutil.copyfile(job["path"], copy)
    notes, results = [], {}
    try:
        notebook = nbformat.read(copy, as_version=4)
    except Exception as error:  # any unreadable notebook is reported, never raised
        return {"notes": [f"not a valid notebook: {error.__class__.__name__}: {str(error)[:200]}"],
                "results": {}}
    environment = kernel_environment(work, copy, job["limits"])
    client = NotebookClient(notebook, km=kernel_manager(work / "spec"), timeout=job["cell_timeout"],
                            allow_errors=True, interrupt_on_timeout=True,
                            error_on_timeout={"ename": "Timeout", "evalue": "the cell ran too long",
                                              "traceback": []}, startup_timeout=60)
    deadline = time.monotonic() + job["budget"]
    errors = []
    try:
        with client.setup_kernel(env=environment, cwd=str(work)):
            for index, cell in enumerate(notebook.cells):
                if cell.cell_type != "code":
                    continue
                remaining = deadline - time.monotonic()
                if remaining <= 1:
                    notes.append(f"stopped after {job['budget']} s: the cells from cell {index + 1} on "
                                 "were not run")
                    break
                client.timeout = int(min(job["cell_timeout"], remaining))
                client.execute_cell(cell, index)
                error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)
                if error and error.get("ename") == "KeyboardInterrupt":
                    errors.append(f"cell {index + 1}: stopped at the time limit of {client.timeout} s")
                elif error:
                    errors.append(f"cell {index + 1}: {error.get('ename')}")
                if any("[output cut:" in str(o.get("text", "")) for o in cell.get("outputs", [])):
                    notes.append(f"cell {index + 1} printed more than the output limit: the rest was dropped")
                cell.outputs = []  # a notebook's output is not kept in the marker's memory
            client.timeout = job["cell_timeout"] * 2
            check = nbformat.v4.new_code_cell(marking_code(job["tasks"]))
            notebook.cells.append(check)
            client.execute_cell(check, len(notebook.cells) - 1)
            text = "".join(o.get("text", "") for o in check.get("outputs", []) if o.get("name") == "stdout")
            if MARKS_START in text:
                results = json.loads(text.split(MARKS_START, 1)[1].split(MARKS_END, 1)[0])
            else:
                notes.append("the checks could not run in this notebook's kernel")
    except DeadKernelError:
        notes.append("the notebook stopped its kernel (it may have gone over the memory or CPU limit)")
    except Exception as error:  # a broken submission must never stop the class's marking
        notes.append(f"marking stopped: {error.__class__.__name__}: {str(error)[:200]}")
    if errors:
        notes.append(f"{len(errors)} cell(s) raised errors ({'; '.join(errors[:3])})")
    written = sorted(p.relative_to(work / "home").as_posix() for p in (work / "home").rglob("*")
                     if p.is_file() and ".ipython" not in p.parts)
    if written:
        notes.append(f"wrote into its home folder (contained there): {', '.join(written[:3])}")
    return {"notes": notes, "results": results}


# The class ------------------------------------------------------------------------------------

def checks_version() -> str:
    digest = hashlib.sha256()
    sources = sorted((PROJECT_ROOT / "src" / "readingpack").rglob("*.py"))
    for path in [*sources, PROJECT_ROOT / "data" / "tasks.csv"]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def mark_all(collection: Collection, cache: Path, workers: int, limits: str,
             cell_timeout: int = CELL_TIMEOUT, budget: int = NOTEBOOK_BUDGET) -> dict[tuple[str, int], dict]:
    tasks = task_table()
    version = checks_version()
    cache.mkdir(parents=True, exist_ok=True)
    results, jobs = {}, {}
    scratch = Path(tempfile.mkdtemp(prefix="readingpack-marking-"))
    try:
        for number, submission in enumerate(collection.submissions):
            key = hashlib.sha256(submission.path.read_bytes() + version.encode()).hexdigest()[:24]
            cached = cache / f"{key}.json"
            if cached.exists():
                results[(submission.student, submission.lesson)] = json.loads(cached.read_text("utf-8"))
                continue
            jobs[(submission.student, submission.lesson)] = (cached, {
                "path": str(submission.path), "work": str(scratch / f"s{number}"),
                "tasks": list(tasks.index[tasks["lesson"] == submission.lesson]),
                "limits": limits, "cell_timeout": cell_timeout, "budget": budget})
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {who: pool.submit(run_submission, job) for who, (_, job) in jobs.items()}
            for who, future in futures.items():
                try:
                    outcome = future.result()
                except Exception as error:  # a worker that died: report, go on
                    outcome = {"notes": [f"marking failed: {error.__class__.__name__}"], "results": {}}
                results[who] = outcome
                jobs[who][0].write_text(json.dumps(outcome), encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return results


def task_rows(collection: Collection, results: dict, lessons: list[int], students: list[str]) -> pd.DataFrame:
    tasks = task_table()
    rows = []
    for student in students:
        for lesson in lessons:
            outcome = results.get((student, lesson))
            for task_id, task in tasks[tasks["lesson"] == lesson].iterrows():
                if outcome is None:
                    status, message = "not answered yet", f"No notebook for lesson {lesson} was handed in."
                elif task_id in outcome["results"]:
                    status, message = outcome["results"][task_id]
                else:
                    status = "could not check"
                    message = "; ".join(outcome["notes"]) or "the checks did not run"
                points = float(task["points"]) if status == "correct" else (
                    float("nan") if task["kind"] == "written" else 0.0)
                rows.append({"student": student, "lesson": lesson, "task": task_id, "kind": task["kind"],
                             "status": status, "points": points, "max_points": int(task["points"]),
                             "feedback": message})
    return pd.DataFrame(rows, columns=["student", "lesson", "task", "kind", "status", "points",
                                       "max_points", "feedback"])


def written_rows(collection: Collection, task_frame: pd.DataFrame,
                 previous: pd.DataFrame | None) -> pd.DataFrame:
    from readingpack.exercises.answers import answer_cells, read_notebook

    tasks = task_table()
    answers = {}
    for submission in collection.submissions:
        try:
            for task_id, text in answer_cells(read_notebook(submission.path)).items():
                answers[(submission.student, task_id)] = text or ""
        except Exception:  # unreadable notebooks are in problems.csv already
            continue
    kept = {}
    if previous is not None:
        for _, row in previous.iterrows():
            kept[(row["student"], str(row["task"]), row["criterion"])] = row
    rows = []
    written = task_frame[task_frame["kind"] == "written"]
    for _, row in written.iterrows():
        answer = answers.get((row["student"], row["task"]), "")
        for criterion in str(tasks.loc[row["task"], CRITERIA_COLUMN]).split(";"):
            old = kept.get((row["student"], row["task"], criterion))
            same = old is not None and ("" if pd.isna(old["answer"]) else str(old["answer"])) == answer
            rows.append({"student": row["student"], "lesson": row["lesson"], "task": row["task"],
                         "criterion": criterion, "answer": answer, "quotation_check": row["feedback"],
                         "mark": old["mark"] if same else float("nan"),
                         "comment": (old["comment"] if same else
                                     ("the answer changed since it was marked" if old is not None else ""))})
    return pd.DataFrame(rows, columns=["student", "lesson", "task", "criterion", "answer", "quotation_check",
                                       "mark", "comment"])


def merge_marks(task_frame: pd.DataFrame, written: pd.DataFrame) -> pd.DataFrame:
    """Written tasks whose every criterion has a mark get the sum as points, status "marked"."""
    if written.empty:
        return task_frame
    marks = pd.to_numeric(written["mark"], errors="coerce")
    bad = written[marks.notna() & ~marks.isin([0, 1, 2, 3])]
    if not bad.empty:
        first = bad.iloc[0]
        raise ValueError(f"grades/written.csv: the mark {first['mark']!r} of {first['student']}, task "
                         f"{first['task']}, {first['criterion']} is not 0, 1, 2 or 3")
    totals = written.assign(mark=marks).groupby(["student", "task"])["mark"].agg(["sum", "count", "size"])
    frame = task_frame.copy()
    for (student, task), row in totals.iterrows():
        if row["count"] == row["size"]:
            where = (frame["student"] == student) & (frame["task"] == task)
            frame.loc[where, "points"] = float(row["sum"])
            frame.loc[where, "status"] = "marked"
    return frame


def summary(task_frame: pd.DataFrame, lessons: list[int]) -> pd.DataFrame:
    table = (task_frame.assign(points=task_frame["points"].fillna(0))
             .pivot_table(index="student", columns="lesson", values="points", aggfunc="sum")
             .reindex(columns=lessons, fill_value=0.0))
    table.columns = [f"lesson_{lesson}" for lesson in table.columns]
    table["total"] = table.sum(axis=1)
    return table.reset_index()


def grade(submissions: Path, out: Path, lessons: list[int], workers: int, limits: str,
          cell_timeout: int = CELL_TIMEOUT, budget: int = NOTEBOOK_BUDGET) -> dict[str, pd.DataFrame]:
    from . import grade_report

    if not submissions.is_dir():
        raise SystemExit(f"SUBMISSIONS={submissions}: no such folder")
    collection = collect(submissions, lessons)
    results = mark_all(collection, out / ".cache", workers, limits, cell_timeout, budget)
    students = sorted({s.student for s in collection.submissions}
                      | {p["student"] for p in collection.problems})
    frame = task_rows(collection, results, lessons, students)
    previous_path = out / "written.csv"
    previous = pd.read_csv(previous_path, dtype={"task": str}, keep_default_na=False,
                           na_values=[""]) if previous_path.exists() else None
    written = written_rows(collection, frame, previous)
    frame = merge_marks(frame, written)
    problems = collection.problems + [
        {"student": s.student, "lesson": s.lesson, "file": str(s.path.relative_to(submissions)),
         "problem": note}
        for s in collection.submissions
        for note in s.notes + results.get((s.student, s.lesson), {}).get("notes", [])]
    tables = {"tasks": frame, "summary": summary(frame, lessons), "written": written,
              "problems": pd.DataFrame(problems, columns=["student", "lesson", "file", "problem"])}
    out.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        table.to_csv(out / f"{name}.csv", index=False, encoding="utf-8")
    grade_report.write_feedback_pages(out / "feedback", frame, written)
    grade_report.write_overview(out, frame, written)
    return tables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Mark a folder of students' exercise notebooks.")
    parser.add_argument("submissions", type=Path)
    parser.add_argument("--out", type=Path, default=Path("grades"))
    parser.add_argument("--lessons", default="1,2,3,4,5,6,7,8", help="the lessons handed in, e.g. 2,3")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limits", default="3000,300,100,20",
                        help="memory MB, CPU seconds, file MB and output MB per notebook")
    args = parser.parse_args(argv)
    lessons = [int(x) for x in args.lessons.split(",") if x.strip()]
    started = time.monotonic()
    tables = grade(args.submissions, args.out, lessons, args.workers, args.limits)
    marked = tables["written"]["mark"].notna().sum()
    print(f"Marked {tables['summary'].shape[0]} students x {len(lessons)} lessons in "
          f"{time.monotonic() - started:.0f} s. Wrote {args.out}/tasks.csv, summary.csv, written.csv "
          f"({marked} marks merged), problems.csv ({len(tables['problems'])} rows), feedback/ and "
          "overview.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
