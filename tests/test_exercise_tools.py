"""The exercise tooling: feedback of the reusable checkers, generation, the workbook."""

import nbformat
import numpy as np
import pandas as pd
import pytest

from packtools import assignments
from packtools.exemplars import student_rubric
from packtools.workbook import copy_exercises
from readingpack.exercises import CORRECT, INCORRECT, NOT_ANSWERED, NOT_MARKED, Feedback
from readingpack.exercises import feedback as checks
from readingpack.exercises.answers import ANSWER_PROMPT, answer_text, is_answer_cell
from readingpack.exercises.tasks import TaskSpec
from readingpack.paths import PROJECT_ROOT

ARTICLE = (PROJECT_ROOT / "data" / "article" / "article.txt").read_text(encoding="utf-8")


def demo_spec(task_id: str, variable: str, kind: str, form: str, title: str = "A demo task") -> TaskSpec:
    """A task that is not in data/tasks.csv, for the tests of the machinery only."""
    return TaskSpec(task_id=task_id, lesson=int(task_id.split(".")[0]), kind=kind, title=title,
                    variable=variable, answer_form=form, decimals=2, work="analysis", points=1, criteria=(),
                    min_words=None, max_words=None, hint_method="", hint_specific="", status="active",
                    note="")


@pytest.fixture
def demo_task():
    @checks.task("99.1", spec=demo_spec("99.1", "demo_answer", "number", "number"))
    def _check(answer):
        return checks.check_number(answer, 0.72, 2, "the share", [(72.3, "That is a percentage.")])

    yield
    del checks.TASKS["99.1"]


def test_check_reads_the_notebook_variable(demo_task):
    assert checks.check("99.1", {"demo_answer": 0.723}).status == CORRECT
    assert checks.check("99.1", {"demo_answer": 72.3}).message == "That is a percentage."
    assert checks.check("99.1", {"demo_answer": np.float64(0.72)}).status == CORRECT
    assert checks.check("99.1", {"demo_answer": pd.Series([0.72])}).status == CORRECT  # one row


@pytest.mark.parametrize("blank", [..., None, "", "  ", [], "..."])
def test_blank_answers_are_not_answered_yet(demo_task, blank):
    feedback = checks.check("99.1", {"demo_answer": blank})
    assert feedback.status == NOT_ANSWERED
    assert "not answered yet" in str(feedback)


def test_a_misspelled_variable_gets_a_kind_message(demo_task):
    feedback = checks.check("99.1", {"demo_answr": 0.72})
    assert (feedback.status, feedback.reason) == (NOT_ANSWERED, "no_variable")
    assert "can't find a variable named demo_answer" in feedback.message
    assert "Did you mean demo_answr?" in feedback.message


def test_an_unknown_task_is_named(demo_task):
    feedback = checks.check("99.9", {})
    assert feedback.reason == "unknown_task"
    assert "There is no task '99.9'" in feedback.message and "99.1" in feedback.message


def test_a_crashing_checker_never_raises():
    @checks.task("99.2", spec=demo_spec("99.2", "x", "code", "count"))
    def _broken(answer):
        raise KeyError("boom")

    try:
        feedback = checks.check("99.2", {"x": 1})
        assert (feedback.status, feedback.reason) == (checks.CANNOT_CHECK, "check_failed")
        assert "KeyError" in feedback.message
    finally:
        del checks.TASKS["99.2"]


def test_check_number_types_and_near_misses():
    as_text = checks.check_number("0.72", 0.72, 2, "the share")
    assert as_text.message.startswith("This answer should be a number (without quotes) for the share")
    high = checks.check_number(0.9, 0.72, 2, "the share")
    assert (high.status, high.reason) == (INCORRECT, "too_high")
    assert high.message == "0.9 is too high for the share."
    assert checks.check_number(0.5, 0.72, 2, "the share").message == "0.5 is too low for the share."
    assert checks.check_number(True, 1, 0, "a count").reason == "wrong_type"
    assert checks.check_number(float("nan"), 1, 0, "a count").reason == "not_finite"
    series = checks.check_number(pd.Series([1, 2]), 1, 0, "a count")
    assert series.reason == "table_given" and "a pandas series of 2 rows" in series.message
    near = checks.check_number(0.0072, 0.72, 2, "the share", [(0.0072, "A fraction, not a percentage.")])
    assert (near.reason, near.message) == ("near_miss", "A fraction, not a percentage.")


def test_check_number_takes_the_number_of_decimals():
    # two decimals: anything that rounds to the key at two decimals (or finer) is right
    for right in (0.72, 0.724, 0.716, np.float64(0.7249)):
        assert checks.check_number(right, 0.72, 2, "the share").status == CORRECT, right
    assert checks.check_number(0.726, 0.72, 2, "the share").status == INCORRECT
    assert checks.check_number(0.72, 0.72, 2, "the share").message == "The share is 0.72."
    # None or 0: a whole number, exact
    for places in (None, 0):
        assert checks.check_number(3, 3, places, "the number of rows").status == CORRECT
        assert checks.check_number(3.0, 3, places, "the number of rows").status == CORRECT
        assert checks.check_number(np.int64(3), 3, places, "the number of rows").status == CORRECT
        assert checks.check_number(3.4, 3, places, "the number of rows").message == (
            "3.4 is not a whole number; the number of rows is a count.")
        assert checks.check_number(4, 3, places, "the number of rows").message == (
            "4 is too high for the number of rows.")
        assert checks.check_number(2, 3, places, "the number of rows").message == (
            "2 is too low for the number of rows.")


def test_a_wrong_number_is_shown_as_given_not_rounded_to_the_key():
    feedback = checks.check_number(0.64, 215 / 29743 * 100, 1, "the share")
    assert feedback.status == INCORRECT and feedback.message.startswith("0.64 is too low")


def test_the_tolerance_is_centred_on_the_key_at_the_asked_precision():
    share = 215 / 29743 * 100  # 0.7229: to one decimal, 0.7
    for right in (0.67, 0.65, 0.7, 0.72, 0.7229, 0.749):
        assert checks.check_number(right, share, 1, "the share").status == CORRECT, right
    for wrong in (0.64, 0.77, 0.76, 0.6):
        assert checks.check_number(wrong, share, 1, "the share").status == INCORRECT, wrong


def test_check_choice():
    options = ["exact", "a lower bound", "an upper bound"]
    why = {2: "Yes: “at least” gives a lower bound.", 1: "“At least” means it could be more."}
    assert checks.check_choice(2, options, 2, why) == Feedback(CORRECT, why[2])
    assert checks.check_choice(1, options, 2, why).message == why[1]
    for same in ("2", " 2 ", 2.0, np.int64(2), pd.Series([2])):  # the choice's number, in any form
        assert checks.check_choice(same, options, 2, why) == Feedback(CORRECT, why[2]), repr(same)
    out_of_range = checks.check_choice(7, options, 2, why)
    assert out_of_range.message == "Choose a number from 1 to 3; 7 is not an option."
    assert out_of_range.reason == "not_an_option"
    assert checks.check_choice(2.5, options, 2, why).reason == "wrong_type"
    assert checks.check_choice(True, options, 2, why).reason == "wrong_type"
    fallback = checks.check_choice(3, options, 2, why)
    assert fallback.reason == "wrong_option"
    assert fallback.message == "Option 3 (an upper bound) is not the best answer."
    assert "lower bound" not in fallback.message  # a wrong answer never shows the right option


def test_check_label_suggests_the_closest_label():
    feedback = checks.check_label("at_lest", ["exact", "at_least", "more_than"], "at_least", {})
    assert feedback.reason == "unknown_label" and "Did you mean 'at_least'?" in feedback.message
    assert checks.check_label("At least", ["exact", "at_least"], "at_least", {}).status == CORRECT


def test_check_collection_names_wrong_items_and_counts_missing_ones():
    feedback = checks.check_collection([17, 5], {17, 18}, "paragraphs")
    assert (feedback.status, feedback.reason) == (INCORRECT, "extra_and_missing")
    assert "not among them: 5" in feedback.message and "1 is missing" in feedback.message
    assert "18" not in feedback.message  # the missing item is counted, never named
    several = checks.check_collection([4], {4, 6, 7, 15}, "paragraphs")
    assert several.reason == "missing_items" and several.message.endswith("3 are missing.")
    assert not [n for n in ("6", "7", "15") if n in several.message]
    assert checks.check_collection((18, 17), {17, 18}, "paragraphs").status == CORRECT
    assert checks.check_collection(np.array([18, 17]), {17, 18}, "paragraphs").status == CORRECT
    assert checks.check_collection(["17", "18"], {17, 18}, "paragraphs", numbers=True).status == CORRECT
    assert checks.check_collection([" b3", "C1"], {"B3", "C1"}, "ids", ids=True).status == CORRECT
    as_text = checks.check_collection("17, 18", {17, 18}, "paragraphs")
    assert (as_text.status, as_text.reason) == (INCORRECT, "wrong_type")


def test_check_counts_names_the_missing_surface_form():
    expected = {"Azerbaijan": 3, "Baku": 2}
    feedback = checks.check_counts({"Azerbaijan": 3}, expected, "counts")
    assert feedback.message == "1 of 2 right; you did not count 'Baku'."


def test_check_counts_says_too_high_or_too_low_never_the_count():
    expected = {"Azerbaijan": 3, "Baku": 2}
    feedback = checks.check_counts({"Azerbaijan": 5, "Baku": 1}, expected, "counts")
    assert feedback.status == INCORRECT
    assert feedback.message == ("0 of 2 right; 'Azerbaijan': your count is too high; "
                                "'Baku': your count is too low.")
    assert checks.check_counts({" azerbaijan": 3, "BAKU": 2}, expected, "counts").status == CORRECT
    series = pd.Series({"Azerbaijan": np.int64(3), "Baku": np.int64(2)})
    assert checks.check_counts(series, expected, "counts").status == CORRECT


def test_written_answers_are_never_machine_marked(monkeypatch):
    # task 7.6 asks for 30 to 80 words (data/tasks.csv); the class edition ships no exemplars
    monkeypatch.setattr(checks, "exemplar_file", lambda task_id: None)
    exact = "The author writes that Baku “rejected international peacekeeping or even humanitarian presence”."
    feedback = checks.check_written(exact, ARTICLE, "7.6")
    assert feedback.status == NOT_MARKED and "✎" in str(feedback)
    assert "not machine-marked" in str(feedback)
    assert "Length: 12 words: the task asks for 30 to 80." in feedback.message
    assert "Exact: 1 quotation found word for word in the article." in feedback.message
    assert "your instructor marks it on the rubric" in feedback.message
    assert "never for agreeing or disagreeing with the author" in feedback.message
    wrong = checks.check_written("The author writes that Baku “refused all peacekeepers”.", ARTICLE, "7.6")
    assert wrong.status == NOT_MARKED and "Exact:" not in wrong.message
    assert "NOT FOUND in the article: “refused all peacekeepers”" in wrong.message
    no_quote = checks.check_written("The author writes that Baku refused peacekeepers.", ARTICLE, "7.6")
    assert "No quotation: the task asks you to quote the article word for word" in no_quote.message
    long = checks.check_written(" ".join(["word"] * 90), ARTICLE, "7.6")
    assert "Length: 90 words: the task asks for 30 to 80; cut it down." in long.message
    fitting = checks.check_written(exact + " " + " ".join(["word"] * 30), ARTICLE, "7.6")
    assert "Length: 42 words, within the 30 to 80 the task asks for." in fitting.message
    for blank in ("", "  ", "..."):
        assert checks.check_written(blank, ARTICLE, "7.6").status == NOT_ANSWERED
    assert checks.check_written(["a"], ARTICLE, "7.6").reason == "wrong_type"


def _solution_notebook(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# 9. Demo\nQuestion."),
        nbformat.v4.new_code_cell("share = 215 / 29743 * 100  # SOLUTION\ncheck('9.1')"),
        nbformat.v4.new_code_cell("# BEGIN SOLUTION\nx = 1\ny = 2\n# END SOLUTION\nprint('done')"),
        nbformat.v4.new_markdown_cell(
            "### Task 9.6 · written · A demo answer\nWrite it in the answer cell below.\n\n"
            "<!-- BEGIN RUBRIC -->\n- 2 points: exact quote\n<!-- END RUBRIC -->"
        ),
        nbformat.v4.new_markdown_cell(
            "<!-- BEGIN SOLUTION -->\nThe author argues ...\n<!-- END SOLUTION -->",
            metadata={"readingpack": {"task": "9.6", "role": "answer"}},
        ),
        nbformat.v4.new_code_cell("# NBVAL_IGNORE_OUTPUT\nprint(1)"),
        nbformat.v4.new_code_cell('check("9.6")'),
    ]
    nb.cells[1].outputs = [nbformat.v4.new_output("stream", text="ok")]
    nb.cells[1].execution_count = 3
    nb.metadata["widgets"] = {"state": {}}
    (tmp_path / "solutions").mkdir()
    nbformat.write(nb, tmp_path / "solutions" / "09_demo.ipynb")
    return tmp_path / "solutions" / "09_demo.ipynb"


# the demo lesson's one task, as its row of data/tasks.csv would define it
DEMO_SPECS = {"9.6": demo_spec("9.6", "demo_text", "written", "text", "A demo answer")}


def test_generation_turns_answer_cells_into_prompts_and_drops_outputs(tmp_path, monkeypatch):
    asked = []

    def demo_rubric(task_id):
        asked.append(task_id)
        return "**How this answer is marked.** Full marks need an exact quotation."

    monkeypatch.setattr(assignments, "student_rubric", demo_rubric)
    exercise = assignments.exercise_notebook(_solution_notebook(tmp_path), DEMO_SPECS)
    sources = [c.source for c in exercise.cells]
    assert sources[1] == "share = ...  # your answer\ncheck('9.1')"
    assert sources[2] == "# your code here\nprint('done')"
    # the task's prompt: the instructors' rubric note becomes the student rubric of that task
    assert asked == ["9.6"] and "2 points" not in sources[3]
    assert sources[3].endswith("**How this answer is marked.** Full marks need an exact quotation.")
    # the answer cell: the exemplar becomes the prompt, and the cell stays an answer cell
    answer = exercise.cells[4]
    assert "The author argues" not in answer.source and answer.source == f"*{ANSWER_PROMPT}*"
    assert is_answer_cell(answer, "9.6") and answer_text(answer) is None  # reads as not answered
    assert sources[5] == "print(1)" and sources[6] == 'check("9.6")'
    assert all(c.get("outputs") == [] and c.execution_count is None for c in exercise.cells
               if c.cell_type == "code")
    assert "widgets" not in exercise.metadata
    assert exercise.metadata["readingpack"]["generated_from"] == "solutions/09_demo.ipynb"


def test_the_student_rubric_says_answers_are_never_marked_for_agreeing():
    rubric = student_rubric("8.1")
    assert rubric.startswith("**How this answer is marked.**")
    assert "never for agreeing or disagreeing with the author" in rubric
    for criterion in ("quotation", "attribution", "evidence", "task"):
        assert f"- **{criterion}**: " in rubric


def test_a_rubric_outside_a_written_task_is_reported(tmp_path):
    path = _solution_notebook(tmp_path)
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source += "\n<!-- BEGIN RUBRIC -->\n- 2 points: exact quote\n<!-- END RUBRIC -->"
    nbformat.write(nb, path)
    with pytest.raises(assignments.MarkerError, match=r"09_demo\.ipynb, cell 1: a rubric outside"):
        assignments.exercise_notebook(path, DEMO_SPECS)


def test_unbalanced_markers_are_reported_with_their_cell(tmp_path):
    path = _solution_notebook(tmp_path)
    nb = nbformat.read(path, as_version=4)
    nb.cells[2].source = "# BEGIN SOLUTION\nx = 1"
    nbformat.write(nb, path)
    with pytest.raises(assignments.MarkerError, match=r"09_demo\.ipynb, cell 3"):
        assignments.exercise_notebook(path, DEMO_SPECS)


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


def test_in_the_self_study_edition_a_written_check_ends_at_its_exemplars(monkeypatch):
    monkeypatch.delenv("READINGPACK_NOTEBOOK", raising=False)
    for task_id in ("1.6", "2.6", "7.6", "8.6"):
        last = checks.check_written("The author writes “a b c”.", ARTICLE, task_id).message.splitlines()[-1]
        lesson = f"docs/exemplars/lesson{int(task_id[0]):02d}.md"
        assert lesson in last and f'self_assess("{task_id}"' in last, last
        assert (PROJECT_ROOT / lesson).is_file()
    monkeypatch.setenv("READINGPACK_NOTEBOOK", "handed-in.ipynb")  # the batch marker: no pointer
    assert "exemplars" not in checks.check_written("“a b c”", ARTICLE, "2.6").message
