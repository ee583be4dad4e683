"""The marking pages of the written tasks, docs/exemplars/lessonNN.md: per task what full marks
need on each criterion of the one scale (data/rubric_scale.csv), and a full, a partial and a
weak exemplar with their marks and why; where an exemplar takes a side, a mirrored one ("### Weak
answer, leaning the other way") shows the same lapses leaning the other way. The exercise
notebooks show the "needs" as the student-facing rubric; the self-study edition adds the pages
themselves; the marker reads the criteria."""

import re
from pathlib import Path

from .paths import PROJECT_ROOT

EXEMPLARS = PROJECT_ROOT / "docs" / "exemplars"
# The scale's criteria, in its order; a task is marked on those its row of data/tasks.csv lists
# (every written task on the first four; a judging task on "reasoning" too).
CRITERIA = ("quotation", "attribution", "evidence", "reasoning", "task")
TASK_HEADING = re.compile(r"^## Task (\d+\.\d+) · (.+)$")
ANSWER_HEADING = re.compile(r"^### (Full|Partial|Weak) answer(, leaning the other way)?$")
NEED = re.compile(r"^- \*\*(\w+)\*\*: (.+)$")
MARK = re.compile(r"^(\w+) (\d+)$")
WRITTEN_HEADING = re.compile(r"^### Task (\d+\.\d+) · written · (.+)$", re.M)


def parse_exemplars(path) -> dict[str, dict]:
    """Read one lessonNN.md into {task_id: {'title', 'needs': {criterion: text}, 'answers':
    {'full': {'text', 'marks': {criterion: level}, 'why'}, 'partial': ..., 'weak': ...},
    'mirrors': {'weak': {...}}}}: an answer "leaning the other way" goes into 'mirrors' under the
    name of the answer it mirrors. Answers are kept in page order; a malformed Marks line raises
    ValueError."""
    tasks: dict[str, dict] = {}
    task = answer = None
    field = None  # where continuation lines go: a need, an answer's text or its "why"
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if match := TASK_HEADING.match(line):
            task = tasks[match[1]] = {"title": match[2].strip(), "needs": {}, "answers": {}, "mirrors": {}}
            answer = field = None
        elif task is None:
            continue
        elif match := ANSWER_HEADING.match(line):
            holder = task["mirrors"] if match[2] else task["answers"]
            answer = holder[match[1].lower()] = {"text": "", "marks": {}, "why": ""}
            field = None
        elif answer is None and (match := NEED.match(line)):
            task["needs"][match[1]] = match[2].strip()
            field = (task["needs"], match[1])
        elif answer is not None and line.startswith(">"):
            answer["text"] = (answer["text"] + " " + line[1:].strip()).strip()
            field = (answer, "text")
        elif answer is not None and line.startswith("Marks:"):
            for part in line[len("Marks:"):].split("·"):
                mark = MARK.match(part.strip())
                if not mark:
                    raise ValueError(f"{path}: task {next(reversed(tasks))}: bad mark {part!r}")
                answer["marks"][mark[1]] = int(mark[2])
            field = None
        elif answer is not None and line.startswith("Why:"):
            answer["why"] = line[len("Why:"):].strip()
            field = (answer, "why")
        elif not line.strip():
            field = None
        elif field is not None:  # a wrapped line of a need or of a "why"
            holder, key = field
            holder[key] = (holder[key] + " " + line.strip()).strip()
    return tasks




def all_exemplars() -> dict[str, dict]:
    found: dict[str, dict] = {}
    for path in sorted(EXEMPLARS.glob("lesson*.md")):
        found.update(parse_exemplars(path))
    return found


def student_rubric(task_id: str) -> str:
    """The rubric a student sees under a written task: what full marks need, per criterion."""
    needs = all_exemplars()[task_id]["needs"]
    lines = ["**How this answer is marked.** 0 to 3 points for each criterion below (the scale is "
             "in `data/rubric_scale.csv`); never for agreeing or disagreeing with the author. Full "
             "marks need:", ""]
    lines += [f"- **{criterion}**: {needs[criterion]}" for criterion in CRITERIA if criterion in needs]
    return "\n".join(lines)
