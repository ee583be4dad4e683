"""Collect and mark a class's exercise notebooks: `make grade SUBMISSIONS=<folder>`.

Collecting. SUBMISSIONS holds one folder per student (Moodle's download names them
"Full Name_12345_assignsubmission_file_": id 12345, name Full Name), or files named by student
(Canvas's "name_12345_67890_file.ipynb": id 12345; else the name up to the first "_"). Ids stay
text (00123 stays 00123); two students with the same name but different ids stay two students.
Each notebook's lesson is read from its metadata, and from its file name only when the metadata
is gone, which is reported. Missing, duplicated and damaged notebooks are reported in
grades/problems.csv; the newest of two duplicates is marked.

Marking. Each submission runs in its own bubblewrap sandbox (sandbox.py; sandbox_runner.py
inside): nbclient and a fresh kernel under limits (marking_kernel.py), each cell under a timeout
and the whole notebook under a budget. Inside, the notebook's answers are exported as plain
data (answer_export.py); back here, that data is validated and the pack's checks run on it in
this process (answer_data.py), so nothing the notebook does can change a mark but its own
answers. Written answers are read from the notebook file as handed in and never machine-marked.
Without bwrap, marking stops and says what to do, unless UNSANDBOXED=1 is set. A submission is
never modified. Submissions run in parallel, one per core; no one file can stop the run.

Results. grades/tasks.csv (one row per student x task), summary.csv (one row per student) with
gradebook_moodle.csv and gradebook_canvas.csv beside it, written.csv (one row per written answer,
a mark column per rubric criterion for the teacher), problems.csv, and the feedback pages and
class overview of grade_report.py. The console shows one progress line per notebook run and the
summary; what each run wrote to stderr (kernel warnings such as "running over TCP without
encryption", tracebacks) goes to grades/marking-log.txt for the teacher. Every CSV is UTF-8
with a byte-order mark and formula-safe.
Results are cached per submission, by the file's content and a digest of data/, the runtime
lock and the code: running again re-runs only what changed, and merges the marks typed into
written.csv (saved back as UTF-8 or cp1252) into the totals, never clearing one.
"""

import argparse
import hashlib
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from readingpack.exercises.tasks import Status, task_frame, task_spec

from . import answer_data, sandbox
from .paths import PROJECT_ROOT

TOOLS = PROJECT_ROOT / "tools" / "packtools"
CELL_TIMEOUT, NOTEBOOK_BUDGET = 30, 180
RUNNER_MEMORY_MB, DISK_MB, PROCESS_ALLOWANCE = 2000, 200, 10
CRITERIA_COLUMN = "criteria"
LOG_NAME = "marking-log.txt"
LOG_LIMIT = 20_000  # characters of a run's own messages kept in grades/marking-log.txt
MARKER_FILES = ("grading.py", "answer_data.py", "answer_export.py", "sandbox.py", "sandbox_runner.py",
                "marking_kernel.py")


@dataclass
class Submission:
    student: str  # the id: an LMS's number where its export gives one, else the folder or file name
    lesson: int
    path: Path
    notes: list[str] = field(default_factory=list)
    name: str = ""


@dataclass
class Collection:
    submissions: list[Submission]
    problems: list[dict]


def lesson_of(path: Path) -> tuple[int | None, str]:
    """(lesson, note): from the notebook's metadata, else from its file name."""
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        problem = f"{error.__class__.__name__}: {str(error)[:200]}"
        raise ValueError(f"not a readable notebook ({problem})") from error
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        raise ValueError("not a notebook (no list of cells)")
    meta = notebook.get("metadata")
    meta = meta.get("readingpack") if isinstance(meta, dict) else None
    meta = meta if isinstance(meta, dict) else {}
    if isinstance(meta.get("lesson"), int):
        return meta["lesson"], ""
    source = str(meta.get("generated_from", ""))
    match = re.search(r"(\d\d)_\w+\.ipynb", source) or re.search(r"(?<!\d)(\d\d)_", path.name)
    if match and str(meta.get("generated_from", "")):
        return int(match.group(1)), ""
    if match:
        return int(match.group(1)), "lesson found from the file name only (the notebook's metadata is gone)"
    return None, ""


MOODLE = re.compile(r"^(?P<name>.+?)_(?P<id>\d+)_assign(?:submission|feedback)_\w*$")
CANVAS = re.compile(r"^(?P<name>[^_]+?)_(?:LATE_)?(?P<id>\d+)_(?P<submission>\d+)_.*$")


def student_of(path: Path, root: Path) -> tuple[str, str]:
    """(id, name) of a notebook's student. Moodle's folders "Full Name_12345_assignsubmission_file_"
    and Canvas's files "name_12345_67890_anything.ipynb" give the LMS's id (kept as text: 00123
    stays 00123) and the name; otherwise a folder per student, or a file named "Name_...", gives
    the name, which is then the id too."""
    relative = path.relative_to(root)
    for part in relative.parts[:-1]:
        match = MOODLE.match(part)
        if match:
            return match["id"], match["name"].strip()
    match = CANVAS.match(path.stem)
    if match:
        return match["id"], match["name"].strip()
    if len(relative.parts) > 1:
        return relative.parts[0], relative.parts[0]
    name = path.stem.split("_")[0].strip() or path.stem
    return name, name


def collect(root: Path, lessons: list[int]) -> Collection:
    found: dict[tuple[str, int], list[Submission]] = {}
    problems, students, names = [], set(), {}
    for path in sorted(root.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in path.parts:
            continue
        student, name = student_of(path, root)
        students.add(student)
        names[student] = name
        try:
            lesson, note = lesson_of(path)
        except ValueError as error:
            named = re.search(r"(?<!\d)(\d\d)_", path.name)
            problems.append(_problem(student, int(named.group(1)) if named else "", path, root,
                                     f"unreadable: could not be read (damaged file): {error}"))
            continue
        if lesson is None or lesson not in lessons:
            problems.append(_problem(student, lesson or "", path, root,
                                     "not one of the pack's exercise notebooks: ignored"))
            continue
        submission = Submission(student, lesson, path, [note] if note else [], name)
        found.setdefault((student, lesson), []).append(submission)
    chosen = []
    for (student, lesson), copies in sorted(found.items()):
        copies.sort(key=lambda s: s.path.stat().st_mtime, reverse=True)
        chosen.append(copies[0])
        for other in copies[1:]:
            problems.append(_problem(student, lesson, other.path, root,
                                     f"duplicate: {copies[0].path.name}, the newest, was marked instead"))
    unreadable = {(p["student"], p["lesson"]) for p in problems if p["problem"].startswith("unreadable")}
    for student in sorted(students):
        for lesson in lessons:
            if (student, lesson) not in found and (student, lesson) not in unreadable:
                problems.append(_problem(student, lesson, None, root, "missing: no notebook for this lesson"))
    for problem in problems:
        problem["name"] = names.get(problem["student"], problem["student"])
    return Collection(chosen, problems)


def _problem(student, lesson, path: Path | None, root: Path, problem: str) -> dict:
    return {"student": student, "lesson": lesson, "file": str(path.relative_to(root)) if path else "",
            "problem": problem}


# Running one submission ----------------------------------------------------------------------

def runner_job(submission_notebook: str, folder: str, tasks: pd.DataFrame, cell_timeout: int,
               budget: int, uid: int | None) -> dict:
    from .answer_data import function_arguments

    return {
        "notebook": submission_notebook, "folder": folder, "home": f"{folder}/home", "tmp": f"{folder}/tmp",
        "export": f"{folder}/tmp/answers.json", "kernel": str(TOOLS / "marking_kernel.py"),
        "tools": str(TOOLS), "cell_timeout": cell_timeout, "budget": budget, "uid": uid,
        "runner_memory_mb": RUNNER_MEMORY_MB,
        "variables": {task_id: [row["variable"], row["answer_form"]] for task_id, row in tasks.iterrows()
                      if row["kind"] != "written"},
        "functions": {task_id: function_arguments(task_id) for task_id, row in tasks.iterrows()
                      if row["answer_form"] == "function"},
    }


def run_submission(job: dict) -> dict:
    """Run one submission in its sandbox (or, with sandboxed False, in a throwaway folder) and
    return {"raw": the runner's JSON text or None, "failure": why not, "log": what the runner and
    its kernel wrote to stderr}; never raises."""
    try:
        return _run_submission(job)
    except Exception as error:  # a broken submission must never stop the class's marking
        return {"raw": None, "failure": f"marking stopped: {error.__class__.__name__}: {str(error)[:200]}",
                "log": ""}


def _run_submission(job: dict) -> dict:
    tasks = task_frame(active_only=True)
    tasks = tasks[tasks["lesson"] == job["lesson"]]
    limits_env = {"READINGPACK_LIMITS": job["limits"], "READINGPACK_PROCESSES": str(PROCESS_ALLOWANCE)}
    if job["sandboxed"]:
        inside = f"{sandbox.INSIDE}/handed-in.ipynb"
        spec = runner_job(inside, sandbox.INSIDE, tasks, job["cell_timeout"], job["budget"], job["uid"])
        env = {**sandbox.environment(job["uid"]), **limits_env, "READINGPACK_NOTEBOOK": inside}
        args = (sandbox.command(Path(job["path"]), inside, job["disk_mb"], job["uid"]) + sandbox.setenv(env)
                + [sandbox.python(), str(TOOLS / "sandbox_runner.py"), json.dumps(spec)])
        environ = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    else:
        work = Path(job["work"])
        work.mkdir(parents=True, exist_ok=True)
        copy = work / "handed-in.ipynb"
        shutil.copyfile(job["path"], copy)
        spec = runner_job(str(copy), str(work), tasks, job["cell_timeout"], job["budget"], None)
        environ = {**sandbox.environment(None), **limits_env, "READINGPACK_NOTEBOOK": str(copy),
                   "HOME": spec["home"], "TMPDIR": spec["tmp"], "TEMP": spec["tmp"], "TMP": spec["tmp"],
                   "MPLCONFIGDIR": f"{spec['home']}/.matplotlib", "IPYTHONDIR": f"{spec['home']}/.ipython",
                   "JUPYTER_RUNTIME_DIR": f"{spec['tmp']}/runtime",
                   "JUPYTER_DATA_DIR": f"{spec['home']}/.local/share/jupyter",
                   "JUPYTER_CONFIG_DIR": f"{spec['home']}/.jupyter"}
        args = [sys.executable, str(TOOLS / "sandbox_runner.py"), json.dumps(spec)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=environ,
                                   cwd=spec["folder"] if not job["sandboxed"] else None,
                                   start_new_session=True)
        try:
            process.wait(timeout=job["budget"] + job["cell_timeout"] + 120)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return {"raw": None, "failure": "marking stopped: the notebook ran past its time budget",
                    "log": _log_text(err)}
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
        size = out.tell()
        log = _log_text(err)
        if size > answer_data.RESULT_LIMIT:
            return {"raw": None, "failure": "the result was larger than the limit: not read", "log": log}
        out.seek(0)
        raw = out.read().decode("utf-8", errors="replace")
    if not raw:
        why = log.strip().splitlines()[-1] if log.strip() else f"exit status {process.returncode}"
        return {"raw": None, "failure": f"the sandbox gave no result ({why[:200]})", "log": log}
    return {"raw": raw, "failure": "", "log": log}


def _log_text(err) -> str:
    """The start of what the runner and its kernel wrote to stderr (kernel warnings, tracebacks):
    kept for grades/marking-log.txt, never printed on the console."""
    err.seek(0)
    return err.read(LOG_LIMIT).decode("utf-8", errors="replace")


# The result of one submission, validated ---------------------------------------------------------

@dataclass
class Outcome:
    """What the marker takes from one submission's run, after validation."""
    results: dict  # task id -> [status, message]
    notes: list[str]
    stopped_at: int | None = None
    damaged: bool = False

    def as_json(self) -> dict:
        return {"results": self.results, "notes": self.notes, "stopped_at": self.stopped_at,
                "damaged": self.damaged}


def cached_outcome(text: str) -> Outcome:
    """An Outcome from the cache, checked like anything else read back (a bad entry raises)."""
    stored = answer_data.parse(text)
    results = stored["results"]
    pairs = results.values() if isinstance(results, dict) else [None]
    if not all(isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v) for v in pairs):
        raise answer_data.Malformed("cached results that are not [status, message] pairs")
    notes = [answer_data._string(n, 500) for n in answer_data._list(stored["notes"], 100)]
    stopped = stored["stopped_at"]
    if stopped is not None and (isinstance(stopped, bool) or not isinstance(stopped, int)):
        raise answer_data.Malformed("a cached stopping cell that is not a number")
    return Outcome(results, notes, stopped, stored["damaged"] is True)


def task_cells(notebook: dict) -> dict[str, int]:
    """task id -> the number (1-based) of the code cell that answers it (the cell that calls its check
    or assigns its variable)."""
    from readingpack.exercises.feedback import TASKS

    found = {}
    for index, cell in enumerate(notebook.get("cells", [])):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        for task_id, task in TASKS.items():
            if (f'check("{task_id}")' in source or f"check('{task_id}')" in source
                    or re.search(rf"^\s*{re.escape(task.variable)}\s*=", source, re.M)):
                found.setdefault(task_id, index + 1)
    return found


def read_result(raw: str, notebook: dict, task_ids: list[str]) -> Outcome:
    """Validate the runner's document and run the checks on its exported answers, here."""
    document = answer_data.parse(raw)
    if not isinstance(document, dict):
        raise answer_data.Malformed("the result is not an object")
    if "failed" in document:
        raise answer_data.Malformed(f"the notebook could not be run ({str(document['failed'])[:300]})")
    notes = [answer_data._string(n, 500) for n in answer_data._list(document.get("notes", []), 50)]
    cells = []
    for cell in answer_data._list(document.get("cells", []), 10000):
        if not isinstance(cell, dict):
            raise answer_data.Malformed("a cell entry that is not an object")
        index = cell.get("index")
        if isinstance(index, bool) or not isinstance(index, int):
            raise answer_data.Malformed("a cell number that is not a whole number")
        cells.append((index, answer_data._string(cell.get("error"), 80), bool(cell.get("timeout") is True)))
    stopped = [document.get(k) for k in ("stopped_at", "budget_stopped_at")]
    if any(v is not None and (isinstance(v, bool) or not isinstance(v, int)) for v in stopped):
        raise answer_data.Malformed("a stopping cell that is not a whole number")
    stopped_at = min((v for v in stopped if v is not None), default=None)
    if document.get("kernel_died") is True:
        notes.append("the notebook stopped its kernel (it may have gone over the memory or CPU limit)")
    errors = [f"cell {i}: {name}" + (" (stopped at the time limit)" if timeout else "")
              for i, name, timeout in cells]
    if errors:
        notes.append(f"{len(errors)} cell(s) raised errors ({'; '.join(errors[:3])})")
    if stopped_at is not None:
        notes.append(f"stopped at the time limit in cell {stopped_at}")
    answers, names, problems = {}, [], {}
    if document.get("answers") is not None:
        try:
            answers, names, problems = answer_data.read_answers(document["answers"])
        except answer_data.Malformed as error:
            notes.append(f"the exported answers could not be read ({error})")
    else:
        notes.append("the notebook's answers could not be exported")
    by_cell = {i: name for i, name, _ in cells}
    where = task_cells(notebook)
    results = {}
    for task_id in task_ids:
        if task_id in problems:
            results[task_id] = [str(Status.CANNOT_CHECK),
                                f"The answer could not be read back ({problems[task_id]})."]
            continue
        try:
            feedback = answer_data.check_exported(task_id, answers, names)
            status, message = feedback.status, feedback.message
        except Exception as error:  # a check that fails on odd data: reported, never raised
            status, message = Status.CANNOT_CHECK, f"The check could not run ({error.__class__.__name__})."
        if status == Status.NOT_ANSWERED and task_id not in answers:
            cell = where.get(task_id)
            spec = task_spec(task_id)
            variable = spec.variable if spec else ""
            if cell is not None and by_cell.get(cell) == "SyntaxError":
                message = (f"Not checked: there is a SyntaxError in the cell for task {task_id} "
                           f"(cell {cell}), "
                           f"so {variable} was never set.")
            elif cell is not None and stopped_at is not None and cell >= stopped_at:
                message = (f"Not checked: the notebook stopped at the time limit in cell {stopped_at}, "
                           f"before the cell for task {task_id} ran.")
            elif cell is not None and cell in by_cell:
                message = (f"Not checked: the cell for task {task_id} (cell {cell}) stopped with "
                           f"{by_cell[cell]}, so {variable} was never set.")
        results[task_id] = [status, message]
    return Outcome(results, notes, stopped_at)


# The class ------------------------------------------------------------------------------------

def checks_version(sandboxed: bool = True, root: Path = PROJECT_ROOT) -> str:
    """A digest of everything a mark depends on besides the notebook: every file under data/,
    the runtime lock, the pack's code and the marker's own code."""
    digest = hashlib.sha256(f"sandboxed={sandboxed}".encode())
    folders = [root / "src", root / "data"]
    files = sorted(p for folder in folders for p in folder.rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts)
    files += [root / "tools" / "packtools" / name for name in MARKER_FILES]
    files += [*sorted((root / "requirements").glob("*.txt")), root / "pyproject.toml"]
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def mark_all(collection: Collection, cache: Path, workers: int, limits: str,
             cell_timeout: int = CELL_TIMEOUT, budget: int = NOTEBOOK_BUDGET,
             sandboxed: bool = True, log: Path | None = None) -> dict[tuple[str, int], Outcome]:
    """Mark every submission (cached ones are not run again), printing one progress line per
    notebook run; what each run wrote to stderr goes to `log`, not to the console."""
    tasks = task_frame(active_only=True)
    version = checks_version(sandboxed)
    cache.mkdir(parents=True, exist_ok=True)
    results, jobs = {}, {}
    scratch = Path(tempfile.mkdtemp(prefix="readingpack-marking-"))
    slots: queue.Queue = queue.Queue()
    for slot in range(max(1, workers)):
        slots.put(slot)

    def run(job: dict) -> dict:
        slot = slots.get()
        try:
            return run_submission({**job, "uid": sandbox.marking_uid(slot) if sandboxed else None})
        finally:
            slots.put(slot)

    try:
        for number, submission in enumerate(collection.submissions):
            who = (submission.student, submission.lesson)
            data = submission.path.read_bytes()
            key = hashlib.sha256(data + version.encode()).hexdigest()[:24]
            cached = cache / f"{key}.json"
            if cached.exists():
                try:
                    results[who] = cached_outcome(cached.read_text("utf-8"))
                    continue
                except Exception:  # a damaged cache entry is run again
                    cached.unlink(missing_ok=True)
            jobs[who] = (cached, submission, {
                "path": str(submission.path), "work": str(scratch / f"s{number}"),
                "lesson": submission.lesson,
                "limits": limits, "cell_timeout": cell_timeout, "budget": budget, "sandboxed": sandboxed,
                "disk_mb": DISK_MB})
        if jobs:
            print(f"Marking {len(jobs)} notebooks ({len(results)} unchanged since the last run)", flush=True)
        logs = []
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            futures = {who: pool.submit(run, job) for who, (_, _, job) in jobs.items()}
            for done, (who, future) in enumerate(futures.items(), start=1):
                cached, submission, _ = jobs[who]
                task_ids = list(tasks.index[tasks["lesson"] == submission.lesson])
                try:
                    run_out = future.result()
                except Exception as error:  # a worker that died: report, go on
                    run_out = {"raw": None, "failure": f"marking failed: {error.__class__.__name__}"}
                print(f"  {done}/{len(jobs)} {who[0]}, lesson {who[1]}: "
                      f"{run_out['failure'] or 'ran'}", flush=True)
                logs.append(f"== {who[0]}, lesson {who[1]}: {submission.path.name}\n"
                            f"{run_out.get('log', '').strip() or '(nothing written to stderr)'}\n")
                try:
                    notebook = json.loads(submission.path.read_text(encoding="utf-8"))
                except Exception:  # damaged: the notebook could not be read
                    results[who] = Outcome({}, ["could not be read (damaged file)"], damaged=True)
                    continue
                if run_out["raw"] is None:
                    results[who] = Outcome({}, [run_out["failure"]])
                    continue  # nothing cached: the next run tries again
                try:
                    outcome = read_result(run_out["raw"], notebook, task_ids)
                except Exception as error:  # malformed or hostile result: this student only
                    results[who] = Outcome({}, [f"the result could not be read ({str(error)[:200]})"])
                    continue
                results[who] = outcome
                cached.write_text(json.dumps(outcome.as_json()), encoding="utf-8")
        if log is not None and logs:
            log.parent.mkdir(parents=True, exist_ok=True)
            log.write_text("What each marking run wrote to stderr (kernel warnings, errors), "
                           "newest run only.\n\n" + "\n".join(logs), encoding="utf-8")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return results


def task_rows(collection: Collection, results: dict, lessons: list[int], students: list[str],
              names: dict[str, str] | None = None) -> pd.DataFrame:
    from readingpack.exercises.feedback import check_value

    tasks = task_frame(active_only=True)
    names = names or {}
    handed = {(s.student, s.lesson): s for s in collection.submissions}
    damaged = {(p["student"], p["lesson"]) for p in collection.problems
               if p["problem"].startswith("unreadable")}
    answers = written_answers(collection)
    rows = []
    for student in students:
        for lesson in lessons:
            outcome = results.get((student, lesson))
            submission = handed.get((student, lesson))
            for task_id, task in tasks[tasks["lesson"] == lesson].iterrows():
                if (student, lesson) in damaged or (outcome is not None and outcome.damaged):
                    status = Status.DAMAGED
                    message = (f"Your notebook for lesson {lesson} could not be read (damaged file): "
                               "ask your teacher how to hand it in again.")
                elif submission is None:
                    status, message = Status.NOT_HANDED_IN, f"Not handed in: no notebook for lesson {lesson}."
                elif task["kind"] == "written":  # read from the file as handed in, never machine-marked
                    text = answers.get((student, task_id))
                    if text is None:
                        status = Status.NOT_ANSWERED
                        message = "Left blank: no answer was written in the answer cell."
                    else:
                        feedback = check_value(task_id, text)
                        blank = feedback.status == Status.NOT_ANSWERED
                        status = Status.NOT_ANSWERED if blank else Status.NOT_MARKED
                        message = feedback.message
                elif outcome is not None and task_id in outcome.results:
                    status, message = outcome.results[task_id]
                else:
                    status = Status.CANNOT_CHECK
                    message = "; ".join(outcome.notes if outcome else []) or "the checks did not run"
                if status not in KNOWN_STATUSES:
                    status, message = Status.CANNOT_CHECK, "The check gave a result the marker does not know."
                written = task["kind"] == "written"
                points = float(task["points"]) if status == Status.CORRECT and not written else (
                    float("nan") if written else 0.0)
                rows.append({"student": student, "name": names.get(student, student), "lesson": lesson,
                             "task": task_id, "kind": task["kind"], "status": str(status), "points": points,
                             "max_points": int(task["points"]), "feedback": str(message),
                             "saved": saved_time(submission.path) if submission else ""})
    return pd.DataFrame(rows, columns=["student", "name", "lesson", "task", "kind", "status", "points",
                                       "max_points", "feedback", "saved"])


KNOWN_STATUSES = {Status.CORRECT, Status.INCORRECT, Status.NOT_ANSWERED, Status.CANNOT_CHECK,
                  Status.NOT_MARKED, Status.NOT_HANDED_IN, Status.DAMAGED}


def saved_time(path: Path) -> str:
    """The handed-in file's own modification time, or "unknown" when it cannot be trusted (in
    the future, or before 2000)."""
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return "unknown"
    if not 946684800 <= stamp <= time.time() + 60:
        return "unknown"
    return time.strftime("%H:%M on %d %b %Y", time.localtime(stamp))


def written_answers(collection: Collection) -> dict[tuple[str, str], str]:
    """(student, task) -> the written answer's text, from the notebook files as handed in (left
    blank: not in the table)."""
    from readingpack.exercises.answers import answer_cells, read_notebook

    answers = {}
    for submission in collection.submissions:
        try:
            for task_id, text in answer_cells(read_notebook(submission.path)).items():
                if text:
                    answers[(submission.student, task_id)] = text
        except Exception:  # unreadable notebooks are in problems.csv already
            continue
    return answers


# written.csv: one row per answer, one column per criterion ------------------------------------------

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
MARK_PREFIX = "mark_"
FLAG = "answer_changed"
MARK_VALUES = {0, 1, 2, 3}


def safe_cell(value):
    """A CSV cell a spreadsheet will not run as a formula: text that starts with = + - @, a tab or
    a carriage return gets a leading ' (OWASP's advice)."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def unsafe_cell(value: str) -> str:
    """The text safe_cell was given back."""
    return value[1:] if value.startswith("'") and value[1:].startswith(DANGEROUS) else value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.map(safe_cell) if len(frame) else frame


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 with a byte-order mark (so Excel reads it right), every cell formula-safe."""
    safe_frame(frame).to_csv(path, index=False, encoding="utf-8-sig")


def read_csv_text(path: Path) -> pd.DataFrame:
    """A CSV saved back from a spreadsheet: UTF-8 (with or without a byte-order mark) or cp1252;
    every cell as text, nothing turned into a number or NaN."""
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("latin-1")
    import io

    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, sep=None, engine="python")
    return frame.map(lambda v: unsafe_cell(v) if isinstance(v, str) else v)


def normal_answer(text) -> str:
    """An answer as compared between runs: curly quotes and apostrophes as straight ones, every
    run of spaces, tabs and line ends as one space."""
    text = str(text or "")
    for curly, straight in (("“", '"'), ("”", '"'), ("„", '"'), ("«", '"'), ("»", '"'),
                            ("‘", "'"), ("’", "'"), ("‚", "'"), ("\u00a0", " ")):
        text = text.replace(curly, straight)
    return " ".join(text.split())


def criteria_of(task_id: str) -> list[str]:
    return list(task_spec(task_id).criteria)


def all_criteria() -> list[str]:
    tasks = task_frame(active_only=True)
    found: list[str] = []
    for value in tasks.loc[tasks["kind"] == "written", CRITERIA_COLUMN]:
        found += [c for c in str(value).split(";") if c not in found]
    return found


def parse_mark(value: str) -> int | None:
    """A typed mark: 3, " 3 ", 3.0 or 3,0 is 3; raises ValueError for anything else but blank."""
    text = str(value).strip().replace(",", ".")
    if not text:
        return None
    number = float(text)
    if not number.is_integer() or int(number) not in MARK_VALUES:
        raise ValueError(f"{value!r} is not 0, 1, 2 or 3")
    return int(number)


def written_rows(collection: Collection, task_frame: pd.DataFrame, previous: pd.DataFrame | None,
                 file_name: str = "written.csv") -> tuple[pd.DataFrame, list[str]]:
    """written.csv: one row per written answer, with an empty mark column per criterion for the
    teacher, and what the teacher typed before kept: a mark or comment is never cleared; an
    answer that changed since keeps them and gains a flag. Returns the table and the rows that
    could not be merged (file, row, reason)."""
    criteria = all_criteria()
    columns = ["student", "name", "lesson", "task", "answer", "quotation_check",
               *[MARK_PREFIX + c for c in criteria], "comment", FLAG]
    answers = written_answers(collection)
    kept, unmerged = {}, []
    if previous is not None:
        for number, row in enumerate(previous.to_dict("records"), start=2):
            key = (str(row.get("student", "")).strip(), str(row.get("task", "")).strip())
            kept[key] = (number, row)
    rows, used = [], set()
    written = task_frame[task_frame["kind"] == "written"]
    for _, row in written.iterrows():
        key = (row["student"], row["task"])
        answer = answers.get(key)
        old = kept.get(key)
        if answer is None and old is None:
            continue  # left blank, never marked: nothing to mark
        new = {"student": row["student"], "name": row["name"], "lesson": row["lesson"], "task": row["task"],
               "answer": answer or "", "quotation_check": row["feedback"], "comment": "", FLAG: ""}
        for criterion in criteria:
            new[MARK_PREFIX + criterion] = ""
        if old is not None:
            used.add(key)
            number, typed = old
            for column in [*(MARK_PREFIX + c for c in criteria), "comment", FLAG]:
                if str(typed.get(column, "")).strip():
                    new[column] = str(typed[column])
            typed_something = any(str(typed.get(MARK_PREFIX + c, "")).strip() for c in criteria) or \
                str(typed.get("comment", "")).strip()
            if typed_something and normal_answer(typed.get("answer", "")) != normal_answer(answer):
                new[FLAG] = "yes: the answer changed since it was marked; check the marks"
        rows.append(new)
    for key, (number, typed) in kept.items():
        if key in used:
            continue
        marks = [c for c in typed if str(c).startswith(MARK_PREFIX) and str(typed[c]).strip()]
        if marks or str(typed.get("comment", "")).strip():
            unmerged.append(f"{file_name}, row {number}: no written answer of student {key[0]!r} for task "
                            f"{key[1]!r} in this class (kept at the end of the file)")
            rows.append({**{c: "" for c in columns}, **{c: str(typed.get(c, "")) for c in columns},
                         FLAG: "not merged: no such student and task in this class"})
    frame = pd.DataFrame(rows, columns=columns)
    return frame, unmerged


def check_marks(written: pd.DataFrame, file_name: str = "written.csv") -> list[str]:
    """The typed marks that are not 0 to 3, or that sit in a criterion the task is not marked on
    (such a mark is left out of the total), as file, row and reason."""
    problems = []
    tasks = task_frame(active_only=True)
    for number, row in enumerate(written.to_dict("records"), start=2):
        task = str(row["task"])
        used = criteria_of(task) if task in tasks.index else []
        for column in written.columns:
            if not column.startswith(MARK_PREFIX):
                continue
            criterion = column[len(MARK_PREFIX):]
            if used and criterion not in used and str(row[column]).strip():
                problems.append(f"{file_name}, row {number} ({row['student']}, task {task}, {criterion}): "
                                f"task {task} is not marked on {criterion}, so this mark is left out")
                continue
            try:
                parse_mark(row[column])
            except ValueError:
                problems.append(f"{file_name}, row {number} ({row['student']}, task {row['task']}, "
                                f"{column[len(MARK_PREFIX):]}): {str(row[column])!r} is not 0, 1, 2 or 3")
    return problems


def written_long(written: pd.DataFrame) -> pd.DataFrame:
    """One row per answer and criterion (student, lesson, task, criterion, answer,
    quotation_check, mark, comment), as the reports read it; bad marks are left out."""
    rows = []
    for row in written.to_dict("records"):
        if str(row.get(FLAG, "")).startswith("not merged"):
            continue
        used = criteria_of(row["task"])
        for column in written.columns:
            if column.startswith(MARK_PREFIX) and column[len(MARK_PREFIX):] in used:
                try:
                    mark = parse_mark(row[column])
                except ValueError:
                    mark = None
                rows.append({"student": row["student"], "lesson": int(row["lesson"]), "task": row["task"],
                             "criterion": column[len(MARK_PREFIX):], "answer": row["answer"],
                             "quotation_check": row["quotation_check"],
                             "mark": float("nan") if mark is None else float(mark),
                             "comment": row["comment"] or float("nan")})
    return pd.DataFrame(rows, columns=["student", "lesson", "task", "criterion", "answer", "quotation_check",
                                       "mark", "comment"])


def merge_marks(task_frame: pd.DataFrame, written: pd.DataFrame) -> pd.DataFrame:
    """Written tasks whose every criterion has a valid mark get the sum as points, status marked."""
    frame = task_frame.copy()
    long = written_long(written)
    if long.empty:
        return frame
    totals = long.groupby(["student", "task"])["mark"].agg(["sum", "count", "size"])
    for (student, task), row in totals.iterrows():
        if row["count"] == row["size"]:
            where = (frame["student"] == student) & (frame["task"] == task)
            frame.loc[where, "points"] = float(row["sum"])
            frame.loc[where, "status"] = str(Status.MARKED)
    return frame


def summary(task_frame: pd.DataFrame, lessons: list[int]) -> pd.DataFrame:
    table = (task_frame.assign(points=task_frame["points"].fillna(0))
             .pivot_table(index="student", columns="lesson", values="points", aggfunc="sum")
             .reindex(columns=lessons, fill_value=0.0))
    table.columns = [f"lesson_{lesson}" for lesson in table.columns]
    table["total"] = table.sum(axis=1)
    names = task_frame.drop_duplicates("student").set_index("student")["name"]
    table.insert(0, "name", names.reindex(table.index))
    return table.reset_index()


def gradebooks(table: pd.DataFrame, lessons: list[int]) -> dict[str, pd.DataFrame]:
    """Gradebook CSVs in the import formats of Moodle and Canvas, one grade column per lesson."""
    grades = {f"Lesson {lesson}": table[f"lesson_{lesson}"] for lesson in lessons}
    moodle = pd.DataFrame({"Identifier": table["student"].map(lambda s: f"Participant {s}"),
                           "Full name": table["name"], **grades, "Total": table["total"]})
    canvas = pd.DataFrame({"Student": table["name"], "ID": table["student"], "SIS User ID": "",
                           "SIS Login ID": "", "Section": "", **grades})
    return {"gradebook_moodle": moodle, "gradebook_canvas": canvas}


def possible_copies(collection: Collection, root: Path, solutions: Path = PROJECT_ROOT / "solutions",
                    min_words: int = 20) -> list[dict]:
    """Rows for problems.csv: notebooks whose answer cells equal the solution notebook's, and
    written answers of at least `min_words` words identical between students."""
    from readingpack.exercises.answers import answer_cells, read_notebook

    rows = []
    keys = {}
    for path in sorted(solutions.glob("[0-9][0-9]_*.ipynb")):
        try:
            notebook = read_notebook(path)
        except Exception:
            continue
        keys[int(path.name[:2])] = (task_sources(notebook), answer_cells(notebook))
    by_answer: dict[tuple[str, str], list[Submission]] = {}
    for submission in collection.submissions:
        try:
            notebook = read_notebook(submission.path)
        except Exception:
            continue
        code, written = task_sources(notebook), answer_cells(notebook)
        key_code, key_written = keys.get(submission.lesson, ({}, {}))
        same = [t for t, src in code.items() if src and key_code.get(t) == src]
        same += [t for t, text in written.items()
                 if text and normal_answer(key_written.get(t)) == normal_answer(text)]
        answered = [t for t, src in code.items() if src] + [t for t, text in written.items() if text]
        if answered and len(same) >= max(3, len(answered) // 2):
            rows.append(_problem(submission.student, submission.lesson, submission.path, root,
                                 f"possible copy: {len(same)} of {len(answered)} answer cells are identical "
                                 "to the solution notebook's"))
        for task_id, text in written.items():
            if text and len(text.split()) >= min_words:
                by_answer.setdefault((task_id, normal_answer(text)), []).append(submission)
    for (task_id, _), group in by_answer.items():
        students = sorted({s.student for s in group})
        if len(students) > 1:
            for submission in group:
                others = ", ".join(s for s in students if s != submission.student)
                rows.append(_problem(submission.student, submission.lesson, submission.path, root,
                                     f"possible copy: the written answer to task {task_id} is identical to "
                                     f"that of {others}"))
    return rows


def task_sources(notebook: dict) -> dict[str, str]:
    """task id -> the normalised source of the code cell that answers it."""
    cells = notebook.get("cells", [])
    out = {}
    for task_id, number in task_cells(notebook).items():
        source = cells[number - 1].get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        out[task_id] = "\n".join(line.rstrip() for line in source.strip().splitlines() if line.strip())
    return out


def grade(submissions: Path, out: Path, lessons: list[int], workers: int, limits: str,
          cell_timeout: int = CELL_TIMEOUT, budget: int = NOTEBOOK_BUDGET,
          sandboxed: bool = True) -> dict[str, pd.DataFrame]:
    from . import grade_report

    if not submissions.is_dir():
        raise SystemExit(f"SUBMISSIONS={submissions}: no such folder")
    collection = collect(submissions, lessons)
    results = mark_all(collection, out / ".cache", workers, limits, cell_timeout, budget, sandboxed,
                       log=out / LOG_NAME)
    names = {s.student: s.name for s in collection.submissions}
    names.update({p["student"]: p.get("name", p["student"]) for p in collection.problems
                  if p["student"] not in names})
    students = sorted({s.student for s in collection.submissions}
                      | {p["student"] for p in collection.problems})
    frame = task_rows(collection, results, lessons, students, names)
    previous_path = out / "written.csv"
    previous, unmerged = None, []
    if previous_path.exists():
        try:
            previous = read_csv_text(previous_path)
        except Exception as error:  # never overwrite marks we could not read
            backup = previous_path.with_name(f"written-unreadable-{time.strftime('%Y%m%d-%H%M%S')}.csv")
            shutil.copyfile(previous_path, backup)
            unmerged.append(f"written.csv could not be read ({error.__class__.__name__}: "
                            f"{str(error)[:120]}); "
                            f"it was kept as {backup.name}")
    written, not_merged = written_rows(collection, frame, previous)
    unmerged += not_merged + check_marks(written)
    frame = merge_marks(frame, written)
    problems = collection.problems + [
        {"student": s.student, "lesson": s.lesson, "file": str(s.path.relative_to(submissions)),
         "problem": note}
        for s in collection.submissions
        for note in s.notes + (results[(s.student, s.lesson)].notes
                               if (s.student, s.lesson) in results else [])]
    problems += possible_copies(collection, submissions)
    problems += [{"student": "", "lesson": "", "file": "written.csv", "problem": f"mark not merged: {m}"}
                 for m in unmerged]
    table = summary(frame, lessons)
    tables = {"tasks": frame, "summary": table, "written": written,
              "problems": pd.DataFrame(problems, columns=["student", "lesson", "file", "problem"]),
              **gradebooks(table, lessons)}
    out.mkdir(parents=True, exist_ok=True)
    for name, frame_out in tables.items():
        write_csv(frame_out, out / f"{name}.csv")
    long = written_long(written)
    grade_report.write_feedback_pages(out / "feedback", frame, long)
    grade_report.write_overview(out, frame, long, tables["problems"])
    tables["unmerged"] = pd.DataFrame({"problem": unmerged})
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
    sandboxed = os.environ.get("UNSANDBOXED", "") != "1"
    if sandboxed:
        try:
            sandbox.probe()
        except sandbox.SandboxUnavailable as error:
            print(sandbox.refusal(str(error)), file=sys.stderr)
            return 3
    else:
        print(sandbox.UNSANDBOXED_WARNING, file=sys.stderr)
    started = time.monotonic()
    tables = grade(args.submissions, args.out, lessons, args.workers, args.limits, sandboxed=sandboxed)
    marks = tables["written"][[c for c in tables["written"].columns if c.startswith(MARK_PREFIX)]]
    typed = int((marks.map(lambda v: bool(str(v).strip()))).to_numpy().sum()) if len(marks) else 0
    changed = tables["written"][tables["written"][FLAG].astype(str).str.startswith("yes")]
    print(f"Marked {tables['summary'].shape[0]} students x {len(lessons)} lessons in "
          f"{time.monotonic() - started:.0f} s{' in the sandbox' if sandboxed else ' WITHOUT the sandbox'}. "
          f"Wrote {args.out}/tasks.csv, summary.csv, gradebook_moodle.csv, gradebook_canvas.csv, written.csv "
          f"({typed} marks kept), problems.csv ({len(tables['problems'])} rows), feedback/ and "
          "overview.html." + (f" The kernels' own messages are in {args.out}/{LOG_NAME}."
                              if (args.out / LOG_NAME).exists() else ""))
    if len(changed):
        rows = ", ".join(str(i + 2) for i in changed.index[:20])
        print(f"Look again at written.csv rows {rows}: the answer changed since it was marked "
              f"(column {FLAG}).")
    if len(tables["unmerged"]):
        print("These marks could not be merged (the rest were):\n  "
              + "\n  ".join(tables["unmerged"]["problem"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
