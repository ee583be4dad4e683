"""Offline HTML reports of a batch marking run (packtools.grading calls this module).

`tasks` has one row per student and task (student, lesson, task, kind, status, points,
max_points, feedback); `written` one row per student, written task and rubric criterion
(student, lesson, task, criterion, answer, quotation_check, mark, comment). From them:

- feedback_page / write_feedback_pages: one page per student, plus an index.html;
- class_overview / write_overview: overview.html with the results per task, the most frequent
  wrong answers as the checks word them, and the distribution of the written marks, each chart
  a PNG next to the page, followed by a text description.

The student pages and their index are rendered from the Jinja templates in templates/grade
(every value escaped unless it is markup this module made). Pages carry their stylesheet inline
and load nothing from the network.
"""

import functools
import html
import re
import unicodedata
from pathlib import Path

import jinja2
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from markupsafe import Markup

from readingpack.exercises.feedback import SYMBOLS
from readingpack.exercises.tasks import Status, task_specs
from readingpack.paths import data_dir
from readingpack.style import HATCHES, PALETTE

from .htmlbuild import PACK_CSS, SITE_TITLE

STATUSES = [Status.CORRECT, Status.INCORRECT, Status.NOT_ANSWERED, Status.CANNOT_CHECK, Status.NOT_HANDED_IN,
            Status.DAMAGED, Status.NOT_MARKED, Status.MARKED]
WRITTEN_STATUSES = STATUSES[6:]
MARKS = {**SYMBOLS, Status.MARKED: "★", Status.NOT_HANDED_IN: "–", Status.DAMAGED: "!"}
STATUS_WORDS = {
    Status.CORRECT: "Correct",
    Status.INCORRECT: "Not correct yet",
    Status.NOT_ANSWERED: "Not answered yet",
    Status.CANNOT_CHECK: "Could not be checked",
    Status.NOT_HANDED_IN: "Not handed in",
    Status.DAMAGED: "Could not be read (damaged file)",
    Status.NOT_MARKED: "Waiting for your teacher's marks",
    Status.MARKED: "Marked by your teacher",
}
CRITERIA = {"quotation": "Quotation", "attribution": "Attribution", "evidence": "Evidence",
            "reasoning": "Reasoning", "task": "Answering the task"}
EXTRA_CSS = """
.rp-result { white-space: nowrap; font-weight: bold; }
.rp-text { white-space: pre-line; }
.rp-answer { border-left: 4px solid #767676; padding: 0.3em 0.8em; background: #f4f4f4; }
.rp-page img { max-width: 100%; height: auto; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
"""
STATUS_PREFIX = re.compile(r"^\W*\s*Task \d+\.\d+: [a-z -]+\.\s*")


# --- small helpers ------------------------------------------------------------------------------

def _e(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else html.escape(str(value))


def _lines(value) -> str:
    """Escaped text with its line breaks kept."""
    return _e(value).replace("\n", "<br>\n")


def _num(value) -> str:
    if value is None or pd.isna(value):
        return "–"
    return f"{float(value):g}"


def _task_key(task) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in str(task).split("."))


def _task_titles() -> dict[str, str]:
    return {task_id: spec.title for task_id, spec in task_specs().items()}


def _rubric() -> dict[tuple[str, int], str]:
    table = pd.read_csv(data_dir() / "rubric_scale.csv")  # the loaded article's rubric
    return {(row.criterion, int(row.level)): row.descriptor for row in table.itertuples()}


TEMPLATES = Path(__file__).with_name("templates") / "grade"


@functools.cache
def _templates() -> jinja2.Environment:
    """The pages' Jinja templates (templates/grade), escaping every value unless it is Markup."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                                     keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    environment.filters["lines"] = lambda value: Markup(_lines(value))
    return environment


def render(template: str, title: str, **context) -> str:
    return _templates().get_template(template).render(title=title, css=Markup(PACK_CSS + EXTRA_CSS),
                                                      **context)


def _result(status: str) -> Markup:
    return Markup('<span class="rp-result">{} {}</span>').format(MARKS.get(status, "?"),
                                                               STATUS_WORDS.get(status, status))


def _awaiting(rows: pd.DataFrame, written: pd.DataFrame) -> set[str]:
    """The written tasks among `rows` that have an answer and still wait for at least one mark
    (a blank answer or a lesson not handed in waits for nothing)."""
    if not len(written):
        return set()
    answered = set(written["task"])
    open_tasks = set(rows.loc[(rows["kind"] == "written") & (rows["status"] != Status.MARKED), "task"])
    return (set(written.loc[written["mark"].isna(), "task"]) | open_tasks) & answered


# --- one page per student -----------------------------------------------------------------------

def _written_section(task: str, title: str, rows: pd.DataFrame, rubric: dict) -> dict:
    first = rows.iloc[0]
    marks = []
    if rows["mark"].notna().any():
        for row in rows.itertuples():
            name = CRITERIA.get(row.criterion, row.criterion)
            if pd.isna(row.mark):
                marks.append([name, "not marked yet", ""])
            else:
                level = int(row.mark)
                marks.append([name, f"{level} of 3", rubric.get((row.criterion, level), "")])
    comments = [c for c in rows["comment"] if pd.notna(c) and str(c).strip()]
    return {"task": task, "title": title, "answer": first["answer"],
            "quotation_check": first["quotation_check"], "marks": marks,
            "comments": list(dict.fromkeys(comments))}


def feedback_page(student: str, tasks: pd.DataFrame, written: pd.DataFrame) -> str:
    """A self-contained offline HTML page with one student's results and feedback
    (templates/grade/feedback.html.j2)."""
    titles, rubric = _task_titles(), _rubric()
    mine = tasks[tasks["student"] == student]
    my_written = written[written["student"] == student] if len(written) else written
    lessons = sorted({int(x) for x in mine["lesson"]} | {int(x) for x in my_written.get("lesson", [])})
    waiting = _awaiting(mine, my_written)
    summary = []
    for lesson in lessons:
        rows = mine[mine["lesson"] == lesson]
        summary.append([f"Lesson {lesson}", _num(rows["points"].sum()), _num(rows["max_points"].sum()),
                        str(len(waiting & set(rows["task"])))])
    summary.append(["All lessons", _num(mine["points"].sum()), _num(mine["max_points"].sum()),
                    str(len(waiting))])
    name = str(mine["name"].iloc[0]) if "name" in mine and len(mine) else str(student)
    shown = name if name == str(student) else f"{name} ({student})"
    sections = []
    for lesson in lessons:
        rows = mine[mine["lesson"] == lesson].sort_values("task", key=lambda s: s.map(_task_key))
        saved = str(rows["saved"].iloc[0]) if "saved" in rows and len(rows) else ""
        table, written_sections = [], []
        for row in rows.itertuples():
            title = titles.get(str(row.task), "")
            answers = my_written[my_written["task"] == row.task] if len(my_written) else my_written
            text = Markup('<span class="rp-text">{}</span>').format(Markup(_lines(row.feedback)))
            if row.kind == "written" and len(answers):
                text = Markup('Your answer, the quotation check and any marks are '
                              '<a href="#task-{}">below</a>.').format(row.task)
                written_sections.append(_written_section(str(row.task), title, answers, rubric))
            table.append([row.task, title, _result(row.status),
                          f"{_num(row.points)} / {_num(row.max_points)}", text])
        sections.append({"number": lesson, "saved": saved, "rows": table, "sections": written_sections})
    return render("feedback.html.j2", f"Your exercise results: {shown} – {SITE_TITLE}", shown=shown,
                  points=_num(mine["points"].sum()), max_points=_num(mine["max_points"].sum()),
                  waiting=len(waiting), summary=summary, lessons=sections)


def slug(name: str) -> str:
    """A file name made of lowercase ASCII letters, digits and hyphens."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "student"


def page_names(students) -> dict[str, str]:
    """A unique file name per student (never index.html or overview.html)."""
    used, names = {"index", "overview"}, {}
    for student in sorted(set(students)):
        base = name = slug(student)
        n = 2
        while name in used:
            name, n = f"{base}-{n}", n + 1
        used.add(name)
        names[student] = f"{name}.html"
    return names


def write_feedback_pages(folder, tasks: pd.DataFrame, written: pd.DataFrame) -> list[Path]:
    """One page per student and an index.html listing them; returns the student pages."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = page_names([*tasks["student"], *written.get("student", [])])
    pages, rows = [], []
    for student, name in names.items():
        (folder / name).write_text(feedback_page(student, tasks, written), encoding="utf-8")
        pages.append(folder / name)
        mine = tasks[tasks["student"] == student]
        rows.append([Markup('<a href="{}">{}</a>').format(name, student),
                     f"{_num(mine['points'].sum())} / {_num(mine['max_points'].sum())}"])
    (folder / "index.html").write_text(render("index.html.j2", f"Feedback pages – {SITE_TITLE}", rows=rows),
                                       encoding="utf-8")
    return pages


# --- the class overview -------------------------------------------------------------------------

def check_message(feedback) -> str:
    """The key of a check's message: its first sentence, without the status line or hints."""
    text = STATUS_PREFIX.sub("", str(feedback or "").strip())
    text = "\n".join(line for line in text.splitlines() if not line.strip().startswith("Hint:"))
    text = " ".join(text.split())
    return re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]


def class_overview(tasks: pd.DataFrame, written: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The overview's three tables: "statuses" (task × status counts, tasks in lesson order),
    "wrong_answers" (task, message, count: the top 3 messages of incorrect answers per task) and
    "written_marks" (criterion × level 0-3 counts; empty until marks exist)."""
    shown = STATUSES[:6] + (WRITTEN_STATUSES if (tasks["kind"] == "written").any() else [])
    columns = [str(s) for s in shown]
    order = sorted(tasks["task"].unique(), key=_task_key)
    statuses = (pd.crosstab(tasks["task"], tasks["status"])
                .reindex(index=order, columns=columns, fill_value=0).fillna(0).astype(int))
    wrong = tasks[tasks["status"] == Status.INCORRECT]
    wrong = wrong.assign(message=lambda d: d["feedback"].map(check_message))
    wrong = (wrong.groupby(["task", "message"]).size().rename("count").reset_index()
             .sort_values(["count", "message"], ascending=[False, True])
             .sort_values("task", key=lambda s: s.map(_task_key), kind="stable")
             .groupby("task", sort=False).head(3).reset_index(drop=True))
    marks = written[written["mark"].notna()] if len(written) else pd.DataFrame(columns=["criterion", "mark"])
    if marks.empty:
        written_marks = pd.DataFrame(columns=range(4))
    else:
        criteria = [c for c in CRITERIA if c in set(marks["criterion"])]
        criteria += sorted(set(marks["criterion"]) - set(criteria))
        written_marks = (pd.crosstab(marks["criterion"], marks["mark"].astype(int))
                         .reindex(index=criteria, columns=range(4), fill_value=0))
    return {"statuses": statuses, "wrong_answers": wrong, "written_marks": written_marks}


def _stacked_chart(counts: pd.DataFrame, labels: list[str], path: Path, title: str,
                   axis_labels: tuple[str, str]) -> None:
    fig, ax = plt.subplots(figsize=(9, max(3.0, 0.45 * len(counts) + 1.8)))
    left = pd.Series(0, index=counts.index)
    names = [str(i) for i in counts.index]
    for i, (column, label) in enumerate(zip(counts.columns, labels, strict=True)):
        ax.barh(names, counts[column], left=left, color=PALETTE[i % len(PALETTE)],
                hatch=HATCHES[i % len(HATCHES)], edgecolor="black", label=label)
        left = left + counts[column]
    ax.invert_yaxis()
    ax.set_title(title, fontweight="bold")
    ax.set_xlabel(axis_labels[0])
    ax.set_ylabel(axis_labels[1])
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _counts(counts: pd.DataFrame, first: str, head: list[str]) -> dict:
    """A table of counts for the overview template: its header and rows (index first)."""
    return {"head": [first, *head],
            "rows": [[index, *(str(v) for v in row)] for index, row in counts.iterrows()]}


def write_overview(folder, tasks: pd.DataFrame, written: pd.DataFrame,
                   problems: pd.DataFrame | None = None) -> Path:
    """Write overview.html, with overview_tasks.png and (once marks exist) overview_written.png."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    overview = class_overview(tasks, written)
    statuses, wrong, marks = overview["statuses"], overview["wrong_answers"], overview["written_marks"]
    context = {"statuses": None, "wrong": [], "marks": None, "copies": None}
    if not statuses.empty:
        _stacked_chart(statuses, list(statuses.columns), folder / "overview_tasks.png",
                       "Results per task across the class", ("Number of students", "Task"))
        totals = ", ".join(f"{int(statuses[s].sum())} {s}" for s in statuses.columns)
        context["statuses"] = _counts(statuses, "Task", list(statuses.columns)) | {"description": (
            f"One horizontal bar per task, {len(statuses)} tasks from top to bottom in lesson "
            "order. Each bar is split into the number of students with each result, each "
            f"result with its own fill and hatching (see the legend). Across all tasks: {totals}.")}
    context["wrong"] = [[r.task, r.message, str(r.count)] for r in wrong.itertuples()]
    if not marks.empty:
        marks.index = [CRITERIA.get(c, c) for c in marks.index]
        _stacked_chart(marks, [f"level {n}" for n in marks.columns], folder / "overview_written.png",
                       "Marks of the written answers, per criterion", ("Number of marks", "Criterion"))
        spread = "; ".join(f"{c}: " + ", ".join(f"{int(v)} at level {n}" for n, v in row.items())
                           for c, row in marks.iterrows())
        context["marks"] = _counts(marks, "Criterion", [f"Level {n}" for n in marks.columns]) | {
            "description": ("One horizontal bar per rubric criterion, split by the level marked (0 to 3), "
                            f"each level with its own fill and hatching (see the legend). {spread}.")}
    if problems is not None and len(problems):
        copies = problems[problems["problem"].astype(str).str.startswith("possible copy")]
        context["copies"] = [[r.student, r.lesson, r.problem] for r in copies.itertuples()]
    path = folder / "overview.html"
    path.write_text(render("overview.html.j2", f"Class overview – {SITE_TITLE}", **context),
                    encoding="utf-8")
    return path
