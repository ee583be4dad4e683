"""The marking pages of the written tasks (docs/exemplars/lessonNN.md) and the one scale they use
(data/rubric_scale.csv): their structure, the marks of the three exemplars, and their quotations."""

import csv
import re
from pathlib import Path

import nbformat
import pytest

from packtools.exemplars import parse_exemplars
from packtools.prose_style import loaded_term_problems
from readingpack.evidence import coding
from readingpack.evidence.quotations import is_in, quotations
from readingpack.exercises.tasks import task_frame
from readingpack.paths import PROJECT_ROOT

CRITERIA = ("quotation", "attribution", "evidence", "reasoning", "task")
ANSWERS = ("full", "partial", "weak")
EXEMPLARS = PROJECT_ROOT / "docs" / "exemplars"
TABLE = task_frame()
SCALE = PROJECT_ROOT / "data" / "rubric_scale.csv"
ARTICLE = " ".join((PROJECT_ROOT / "data" / "article" / "article.txt").read_text(encoding="utf-8").split())
QUOTATION = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"")
WRITTEN_HEADING = re.compile(r"^### Task (\d+\.\d+) · written · (.+)$", re.M)


def written_tasks() -> dict[str, str]:
    """Task id -> title, from the "### Task N.k · written · title" headings of the solutions."""
    found = {}
    for path in sorted((PROJECT_ROOT / "solutions").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                found.update(dict(WRITTEN_HEADING.findall(cell.source)))
    return {task: title.strip() for task, title in found.items()}


def prompt_of(task_id: str) -> str:
    for path in sorted((PROJECT_ROOT / "solutions").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown" and f"### Task {task_id} · written ·" in cell.source:
                return cell.source.split("<!-- BEGIN RUBRIC -->")[0]
    raise KeyError(task_id)


def page_of(task_id: str) -> Path:
    return EXEMPLARS / f"lesson{int(task_id.split('.')[0]):02d}.md"


# Lesson 9's written tasks quote other texts: the practice article (9.5, offline) and the
# printed search results of the lateral-reading task (9.6).
OTHER_TEXTS = {
    "9.5": " ".join(coding.practice_ledger().article.text.split()),
    "9.6": " ".join(" ".join(coding.outlet_snippets()["words"]).split()),
}


def is_exact(quote: str, task_id: str = "") -> bool:
    """Exact as the students' own quotation check judges it (evidence.quotations)."""
    return is_in(quote, OTHER_TEXTS.get(task_id, ARTICLE))


NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def length_limits(prompt: str) -> tuple[str, int, int]:
    """('words' | 'sentences', low, high) as the task's prompt states them."""
    if match := re.search(r"(\d+)(?:-| to )(\d+) words", prompt):
        return "words", int(match[1]), int(match[2])
    if match := re.search(r"\b(one|two|three|four|five)(?: or (one|two|three|four|five))? sentences",
                          prompt, re.I):
        low = NUMBER_WORDS[match[1].lower()]
        return "sentences", low, NUMBER_WORDS[(match[2] or match[1]).lower()]
    raise AssertionError(f"no length found in the prompt: {prompt[:80]!r}")


def sentence_count(text: str) -> int:
    """Sentences of an answer; quotations are blanked first, so that their full stops do not count."""
    text = QUOTATION.sub("Q", text)
    return len([s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text.strip()) if s])


WRITTEN = written_tasks()
TASK_IDS = sorted(WRITTEN, key=lambda t: tuple(map(int, t.split("."))))
PAGES = {task: parse_exemplars(page_of(task)) for task in TASK_IDS if page_of(task).exists()}
# Weak answers that take a side, each shown beside its mirror: the same lapses leaning the other way.
MIRRORED = ("8.1", "8.6", "8.7")
LEAN = re.compile(r"a fault of attribution that leans (towards|against) the author")


def marked_answers(task_id: str) -> list[tuple[str, dict]]:
    """(name, answer) of every marked exemplar of a task, mirrors included."""
    task = PAGES[task_id][task_id]
    return [*task["answers"].items(),
            *((f"{name}, leaning the other way", mirror) for name, mirror in task["mirrors"].items())]


def test_the_solutions_hold_the_nine_written_tasks():
    assert TASK_IDS == ["1.6", "2.6", "3.7", "4.7", "5.7", "6.6", "7.6", "8.1", "8.6", "8.7", "9.5", "9.6"]


def test_one_page_per_lesson_with_written_tasks_and_no_other():
    expected = {page_of(task).name for task in TASK_IDS}
    assert {p.name for p in EXEMPLARS.glob("*.md")} == expected
    for name in expected:
        lesson = int(name[6:8])
        text = (EXEMPLARS / name).read_text(encoding="utf-8")
        first, _, rest = text.partition("\n\n")
        assert first == f"# Written tasks of lesson {lesson}: rubrics and exemplars"
        intro = rest.split("\n\n")[0]
        assert "data/rubric_scale.csv" in intro and "write yours first" in intro
        assert "agreeing or disagreeing" in intro


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_each_task_has_needs_and_three_marked_answers(task_id):
    tasks = parse_exemplars(page_of(task_id))
    lesson = task_id.split(".")[0]
    assert sorted(tasks) == sorted(t for t in TASK_IDS if t.split(".")[0] == lesson)
    task = tasks[task_id]
    assert task["title"] == WRITTEN[task_id], "the heading must repeat the notebook's title"
    criteria = tuple(TABLE.loc[task_id, "criteria"].split(";"))
    assert tuple(c for c in CRITERIA if c in criteria) == criteria, "criteria in the scale's order"
    assert tuple(task["needs"]) == criteria
    assert all(len(need.split()) >= 8 for need in task["needs"].values())
    assert tuple(task["answers"]) == ANSWERS
    for name, answer in [*task["answers"].items(), *task["mirrors"].items()]:
        assert answer["text"], f"{task_id} {name}: no exemplar text"
        assert answer["why"], f"{task_id} {name}: no Why"
        assert tuple(answer["marks"]) == criteria, f"{task_id} {name}: {answer['marks']}"
        assert all(0 <= level <= 3 for level in answer["marks"].values())
    full, partial, weak = (sum(task["answers"][a]["marks"].values()) for a in ANSWERS)
    assert full > partial > weak
    below_three = [level for level in task["answers"]["full"]["marks"].values() if level < 3]
    assert below_three in ([], [2]), "a full answer has all 3s or at most one 2"


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_full_answers_quote_exactly_and_keep_the_asked_length(task_id):
    text = PAGES[task_id][task_id]["answers"]["full"]["text"]
    quotes = quotations(text)
    assert quotes, f"{task_id}: the full answer quotes nothing"
    assert [q for q in quotes if not is_exact(q, task_id)] == []
    unit, low, high = length_limits(prompt_of(task_id))
    size = len(text.split()) if unit == "words" else sentence_count(text)
    assert low <= size <= high, f"{task_id}: {size} {unit}, the prompt asks for {low}-{high}"


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_inexact_quotations_are_named_as_such(task_id):
    """Partial and weak answers may misquote on purpose; their Why then names each misquotation."""
    for name, answer in marked_answers(task_id):
        if name == "full":
            continue
        for quote in quotations(answer["text"]):
            if not is_exact(quote, task_id):
                assert quote in answer["why"] and "inexact" in answer["why"], (task_id, name, quote)


def test_the_scale_has_five_criteria_at_four_levels():
    with SCALE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["criterion", "level", "descriptor"]
        rows = list(reader)
    assert [(r["criterion"], int(r["level"])) for r in rows] == [
        (c, level) for c in CRITERIA for level in range(4)]
    for row in rows:
        descriptor = row["descriptor"]
        assert descriptor.endswith(".") and descriptor.count(". ") == 0, f"one sentence: {descriptor}"
        if "agree" in descriptor.lower():
            assert re.search(r"\bnever\b.*\b(dis)?agree", descriptor, re.I), descriptor


def test_the_pages_and_the_scale_follow_the_style_sheet():
    """tests/test_style_sheet.py reads docs/*.md only; these pages and the scale are checked here.
    Exemplar answers are block quotes (a student's words), which the style check skips."""
    documents = [p.read_text(encoding="utf-8") for p in sorted(EXEMPLARS.glob("*.md"))]
    documents.append(SCALE.read_text(encoding="utf-8"))
    assert [s for text in documents for s in loaded_term_problems(text)] == []


def test_the_parser_reads_wrapped_lines_and_rejects_bad_marks(tmp_path):
    page = tmp_path / "lesson09.md"
    page.write_text(
        "# Written tasks of lesson 9: rubrics and exemplars\n\nIntro.\n\n## Task 9.1 · A title\n\n"
        "**What full marks need here.**\n\n- **quotation**: one\n  two\n\n### Full answer\n\n"
        "> first line\n> second line\n\nMarks: quotation 3 · attribution 2 · evidence 3 · task 3\n\n"
        "Why: because\nof this.\n", encoding="utf-8")
    parsed = parse_exemplars(page)["9.1"]
    assert parsed["needs"] == {"quotation": "one two"}
    full = parsed["answers"]["full"]
    assert full == {"text": "first line second line", "why": "because of this.",
                    "marks": {"quotation": 3, "attribution": 2, "evidence": 3, "task": 3}}
    page.write_text(page.read_text(encoding="utf-8") + "\n### Full answer, leaning the other way\n\n"
                    "> third line\n\nMarks: quotation 1 · task 0\n\nWhy: mirrored.\n", encoding="utf-8")
    parsed = parse_exemplars(page)["9.1"]
    assert parsed["answers"]["full"] == full
    assert parsed["mirrors"] == {"full": {"text": "third line", "why": "mirrored.",
                                          "marks": {"quotation": 1, "task": 0}}}
    page.write_text(page.read_text(encoding="utf-8").replace("task 3", "task three"), encoding="utf-8")
    with pytest.raises(ValueError, match="bad mark"):
        parse_exemplars(page)


def length_band(task_id: str, text: str) -> str:
    """'inside', 'somewhat outside' (by 20% of the limit or less) or 'far outside' the asked length."""
    unit, low, high = length_limits(prompt_of(task_id))
    size = len(text.split()) if unit == "words" else sentence_count(text)
    if low <= size <= high:
        return "inside"
    if unit == "sentences":
        return "somewhat outside" if low - 1 <= size <= high + 1 else "far outside"
    return "somewhat outside" if 0.8 * low <= size <= 1.2 * high else "far outside"


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_every_exemplar_meets_what_its_machine_checkable_marks_say(task_id):
    """Quotation 3: every quotation exact; quotation 0: one is inexact or there is none.
    Task 3: inside the asked length; task 2: at most somewhat outside; far outside: task 1 or 0."""
    for name, answer in marked_answers(task_id):
        marks, quotes = answer["marks"], quotations(answer["text"])
        exact = [is_exact(q, task_id) for q in quotes]
        if marks["quotation"] == 3:
            assert quotes and all(exact), (task_id, name, quotes)
        if marks["quotation"] == 0:
            assert not quotes or not all(exact), (task_id, name, quotes)
        band = length_band(task_id, answer["text"])
        if marks["task"] == 3:
            assert band == "inside", (task_id, name, band)
        if band == "far outside":
            assert marks["task"] <= 1, (task_id, name, band)
        if band == "somewhat outside":
            assert marks["task"] <= 2, (task_id, name, band)


@pytest.mark.parametrize("task_id", TASK_IDS)
def test_one_lapse_of_attribution_is_level_2_in_every_exemplar(task_id):
    for name, answer in marked_answers(task_id):
        if "a lapse of attribution" in answer["why"]:
            assert answer["marks"]["attribution"] == 2, (task_id, name)


def test_weak_answers_that_take_a_side_lean_each_way_with_the_same_marks_and_words():
    """Each of MIRRORED shows its weak answer and a mirror: the same marks, the lapse of
    attribution named in the same words leaning each way, and the rest of the why word for word."""
    with_mirrors = {task for task in TASK_IDS if PAGES[task][task]["mirrors"]}
    assert with_mirrors == set(MIRRORED)
    for task_id in MIRRORED:
        task = PAGES[task_id][task_id]
        assert list(task["mirrors"]) == ["weak"], task_id
        weak, mirror = task["answers"]["weak"], task["mirrors"]["weak"]
        assert mirror["marks"] == weak["marks"], task_id
        assert mirror["text"] != weak["text"]
        leans = [LEAN.search(answer["why"]) for answer in (weak, mirror)]
        assert all(leans), f"{task_id}: each why names its lean as LEAN words it"
        assert {lean[1] for lean in leans} == {"towards", "against"}, task_id
        tails = [answer["why"][lean.end():] for answer, lean in zip((weak, mirror), leans, strict=True)]
        assert tails[0] == tails[1], f"{task_id}: the other lapses are named in different words"


def test_the_length_bands_are_defined_in_the_scale():
    text = SCALE.read_text(encoding="utf-8")
    assert "far outside the asked length (more than 20%" in text
    assert "somewhat outside the asked length (outside its limits by 20% or less)" in text
    assert "standing, that is what kind of source it is" in text
