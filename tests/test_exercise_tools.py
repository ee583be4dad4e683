"""The exercise tooling: feedback of the reusable checkers, generation, the workbook."""

import nbformat
import pytest

from packtools import assignments
from packtools.workbook import copy_exercises
from readingpack.exercises import CORRECT, INCORRECT, NOT_ANSWERED, NOT_MARKED, Feedback
from readingpack.exercises import feedback as checks
from readingpack.paths import PROJECT_ROOT

ARTICLE = (PROJECT_ROOT / "data" / "article" / "article.txt").read_text(encoding="utf-8")


@pytest.fixture
def demo_task():
    @checks.register("99.1", "demo_answer", "number", "a demo task")
    def _check(answer):
        return checks.check_number(answer, 0.72, 0.01, "the share", [(72.3, "That is a percentage.")])

    yield
    del checks.TASKS["99.1"]


def test_check_reads_the_notebook_variable(demo_task):
    assert checks.check("99.1", {"demo_answer": 0.723}).status == CORRECT
    assert checks.check("99.1", {"demo_answer": 72.3}).message == "That is a percentage."


@pytest.mark.parametrize("blank", [..., None, "", "  ", [], "..."])
def test_blank_answers_are_not_answered_yet(demo_task, blank):
    feedback = checks.check("99.1", {"demo_answer": blank})
    assert feedback.status == NOT_ANSWERED
    assert "not answered yet" in str(feedback)


def test_a_misspelled_variable_gets_a_kind_message(demo_task):
    feedback = checks.check("99.1", {"demo_answr": 0.72})
    assert feedback.status == NOT_ANSWERED
    assert "can't find a variable named demo_answer" in feedback.message
    assert "Did you mean demo_answr?" in feedback.message


def test_an_unknown_task_is_named(demo_task):
    feedback = checks.check("99.9", {})
    assert "There is no task '99.9'" in feedback.message and "99.1" in feedback.message


def test_a_crashing_checker_never_raises():
    @checks.register("99.2", "x", "code", "broken")
    def _broken(answer):
        raise KeyError("boom")

    try:
        feedback = checks.check("99.2", {"x": 1})
        assert feedback.status == checks.CANNOT_CHECK and "KeyError" in feedback.message
    finally:
        del checks.TASKS["99.2"]


def test_check_number_types_and_near_misses():
    as_text = checks.check_number("0.72", 0.72, 0.01, "the share")
    assert as_text.message.startswith("This answer should be a number")
    assert checks.check_number(0.9, 0.72, 0.01, "the share").message == "0.9 is too high for the share."
    assert checks.check_number(True, 1, 0, "a count").status == INCORRECT
    assert checks.check_number(float("nan"), 1, 0, "a count").status == INCORRECT


def test_check_choice():
    options = ["exact", "a lower bound", "an upper bound"]
    why = {2: "Yes: “at least” gives a lower bound.", 1: "“At least” means it could be more."}
    assert checks.check_choice(2, options, 2, why) == Feedback(CORRECT, why[2])
    assert checks.check_choice(1, options, 2, why).message == why[1]
    assert "without quotes" in checks.check_choice("2", options, 2, why).message
    assert "from 1 to 3" in checks.check_choice(7, options, 2, why).message
    assert checks.check_choice(2.0, options, 2, why).status == INCORRECT


def test_check_label_suggests_the_closest_label():
    feedback = checks.check_label("at_lest", ["exact", "at_least", "more_than"], "at_least", {})
    assert "Did you mean 'at_least'?" in feedback.message
    assert checks.check_label("At least", ["exact", "at_least"], "at_least", {}).status == CORRECT


def test_check_collection_names_missing_and_extra_items():
    feedback = checks.check_collection([17, 5], {17, 18}, "paragraphs")
    assert feedback.status == INCORRECT
    assert "missing 1: 18" in feedback.message and "not expected: 5" in feedback.message
    assert checks.check_collection((18, 17), {17, 18}, "paragraphs").status == CORRECT
    assert checks.check_collection("17, 18", {17, 18}, "paragraphs").status == INCORRECT


def test_check_counts_names_the_missing_surface_form():
    feedback = checks.check_counts({"Azerbaijan": 3}, {"Azerbaijan": 3, "Baku": 2}, "counts")
    assert feedback.message == "you did not count 'Baku'."


def test_written_answers_are_never_machine_marked():
    exact = "The author writes that Baku “rejected international peacekeeping or even humanitarian presence”."
    feedback = checks.check_written(exact, ARTICLE, "the rubric", min_words=5)
    assert feedback.status == NOT_MARKED
    assert "not machine-marked" in str(feedback) and "all 1 quotation(s) are exact" in feedback.message
    assert "Your instructor marks it with a rubric" in feedback.message
    wrong = "The author writes that Baku “refused all peacekeepers”."
    assert "not found word for word" in checks.check_written(wrong, ARTICLE, "the rubric").message
    assert checks.check_written("", ARTICLE, "the rubric").status == NOT_ANSWERED


def _solution_notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 9. Demo\nQuestion."),
        nbformat.v4.new_code_cell("share = 215 / 29743 * 100  # SOLUTION\ncheck('9.1')"),
        nbformat.v4.new_code_cell("# BEGIN SOLUTION\nx = 1\ny = 2\n# END SOLUTION\nprint('done')"),
        nbformat.v4.new_markdown_cell(
            "Answer:\n<!-- BEGIN SOLUTION -->\nThe author argues ...\n<!-- END SOLUTION -->\n"
            "<!-- BEGIN RUBRIC -->\n- 2 points: exact quote\n<!-- END RUBRIC -->"
        ),
        nbformat.v4.new_code_cell("# NBVAL_IGNORE_OUTPUT\nprint(1)"),
        nbformat.v4.new_code_cell(
            '# BEGIN SOLUTION\nsummary = (\n    "The author argues ..."\n)\n# END SOLUTION\ncheck("9.6")'
        ),
    ]
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="ok")]
    nb.cells[1].execution_count = 3
    nb.metadata["widgets"] = {"state": {}}
    (tmp_path / "solutions").mkdir()
    nbformat.write(nb, tmp_path / "solutions" / "09_demo.ipynb")
    return tmp_path / "solutions" / "09_demo.ipynb"


def test_generation_replaces_marked_regions_and_drops_outputs(tmp_path):
    exercise = assignments.exercise_notebook(_solution_notebook(tmp_path))
    sources = [c.source for c in exercise.cells]
    assert sources[1] == "share = ...  # your answer\ncheck('9.1')"
    assert sources[2] == "# your code here\nprint('done')"  # a block that is code, not a text
    assert sources[5] == 'summary = ...  # your answer\ncheck("9.6")'
    assert "The author argues" not in sources[3] and assignments.ANSWER_PROMPT in sources[3]
    assert "2 points" not in sources[3] and "never rewards agreeing" in sources[3]
    assert sources[4] == "print(1)"
    assert all(c.get("outputs") == [] and c.execution_count is None for c in exercise.cells
               if c.cell_type == "code")
    assert "widgets" not in exercise.metadata


def test_unbalanced_markers_are_reported_with_their_cell(tmp_path):
    path = _solution_notebook(tmp_path)
    nb = nbformat.read(path, as_version=4)
    nb.cells[2].source = "# BEGIN SOLUTION\nx = 1"
    nbformat.write(nb, path)
    with pytest.raises(assignments.MarkerError, match=r"09_demo\.ipynb, cell 3"):
        assignments.exercise_notebook(path)


def test_committed_exercises_match_their_solutions():
    assert assignments.stale_exercises(PROJECT_ROOT / "solutions", PROJECT_ROOT / "exercises") == []


def test_workbook_never_overwrites_student_work(tmp_path):
    exercises, workbook = tmp_path / "exercises", tmp_path / "workbook"
    exercises.mkdir()
    (exercises / "01_demo.ipynb").write_text("{}", encoding="utf-8")
    (exercises / "02_demo.ipynb").write_text("{}", encoding="utf-8")
    assert copy_exercises(exercises, workbook) == (["01_demo.ipynb", "02_demo.ipynb"], [])
    student = workbook / "01_demo.ipynb"
    student.write_bytes(b'{"my": "work"}')
    before = student.read_bytes()
    (exercises / "01_demo.ipynb").write_text('{"updated": true}', encoding="utf-8")
    assert copy_exercises(exercises, workbook) == ([], ["01_demo.ipynb", "02_demo.ipynb"])
    assert student.read_bytes() == before


def test_workbook_folder_is_ignored_by_git():
    assert "workbook/" in (PROJECT_ROOT / ".gitignore").read_text(encoding="utf-8").split()


def test_instructor_page_is_written_from_the_solutions():
    from packtools.instructor import instructor_page

    page = instructor_page(PROJECT_ROOT / "solutions")
    assert (PROJECT_ROOT / "solutions" / "README.md").read_text(encoding="utf-8") == page
    for path in sorted((PROJECT_ROOT / "solutions").glob("[0-9][0-9]_*.ipynb")):
        assert f"Notebook: [{path.name}]({path.name})" in page


def test_instructor_page_lists_tasks_solutions_and_rubrics(tmp_path):
    from packtools.instructor import lesson_section

    path = _solution_notebook(tmp_path)
    nb = nbformat.read(path, as_version=4)
    nb.cells[1:1] = [nbformat.v4.new_markdown_cell("### Task 9.1 · number · Share of Armenia")]
    nbformat.write(nb, path)
    section = lesson_section(path)
    assert "### Task 9.1 (number): Share of Armenia" in section
    assert "share = 215 / 29743 * 100" in section and "x = 1\ny = 2" in section
    assert "**Exemplar answer:**\n\nThe author argues ..." in section
    assert "**Rubric:**\n\n- 2 points: exact quote" in section


SOLUTIONS = sorted((PROJECT_ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_each_solution_matches_its_lesson_and_registers_its_tasks(path):
    import re

    lesson = nbformat.read(PROJECT_ROOT / "notebooks" / path.name, as_version=4)
    solution = nbformat.read(path, as_version=4)
    minutes = lesson.metadata["readingpack"]["exercise_minutes"]
    assert solution.metadata["readingpack"]["exercise_minutes"] == minutes
    assert f"*Exercises: {minutes} min*" in solution.cells[0].source + solution.cells[1].source
    number = int(path.name[:2])
    headings = re.findall(r"^### Task (\d+)\.(\d+) · (\w+) · ", "\n".join(
        c.source for c in solution.cells if c.cell_type == "markdown"), re.M)
    assert len(headings) >= 6, f"{path.name} has {len(headings)} tasks; at least six are needed"
    registered = {t.task_id: t for t in checks.tasks_for_lesson(number)}
    for lesson_number, task, kind in headings:
        task_id = f"{lesson_number}.{task}"
        assert int(lesson_number) == number and task_id in registered, f"{task_id} has no check"
        assert registered[task_id].kind == kind, f"{task_id}: heading says {kind}"
    assert "written" in {kind for *_, kind in headings}, f"{path.name} has no written answer"
    outputs = "".join(o.get("text", "") for c in solution.cells if c.cell_type == "code" for o in c.outputs)
    for status in (checks.INCORRECT, checks.NOT_ANSWERED, checks.CANNOT_CHECK):
        reported = outputs.replace("not machine-marked", "")
        assert f"{status}." not in reported, f"a check in {path.name} reports {status}"
