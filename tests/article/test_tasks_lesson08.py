"""Lesson 8's exercise checks: a right answer, blanks, a wrong type and near misses per task."""

from readingpack.exercises import CORRECT, INCORRECT, NOT_MARKED, check, lesson08, tasks_for_lesson
from readingpack.exercises import check_value as run
from readingpack.exercises.tasks import active_task_ids

PARTY_ROWS = ["B3", "C1", "C3", "C5", "C6", "E1", "E10", "E2", "E4", "S2", "S3", "S4"]



def test_expected_values_come_from_the_ledger():
    assert lesson08.expected_outcome() == "consistent"
    assert sorted(lesson08.expected_party_rows()) == PARTY_ROWS


def test_lesson_8_has_the_six_active_tasks_of_the_tasks_table():
    assert active_task_ids(8) == ["8.1", "8.3", "8.4", "8.5", "8.6", "8.7", "8.8"]
    tasks = [t for t in tasks_for_lesson(8) if t.task_id in active_task_ids(8)]
    assert {t.kind for t in tasks} == {"written", "widget", "code", "choice"}


def test_8_2_is_retired():
    for asked in ("8.2", 8.2):
        feedback = check(asked, {"share_of_armenia": 0.72})
        assert feedback.status == NOT_MARKED and not feedback.passed
        assert "Task 8.2 is no longer part of the exercises" in feedback.message
        assert "repeated task 3.2" in feedback.message


def test_8_1_thesis_is_not_machine_marked():
    answer = ("The author argues that “Azerbaijan doesn’t seem to be interested in a peace "
              "agreement” (paragraph 20).")
    feedback = run("8.1", answer)
    assert feedback.status == NOT_MARKED
    assert "Exact: 1 quotation found word for word in the article." in feedback.message
    assert "Length: 16 words: the task asks for 50 to 110." in feedback.message
    wrong = run("8.1", "The author argues that “Azerbaijan does not want peace”.")
    assert "NOT FOUND in the article: “Azerbaijan does not want peace”" in wrong.message
    assert "Exact:" not in wrong.message
    assert run("8.1", 42).reason == "wrong_type"


def test_8_3_outcome_from_the_widget():
    right = run("8.3", "consistent")
    assert right.status == CORRECT and "over 400 wounded" in right.message
    assert "same measure" in right.message
    roughly = run("8.3", "roughly consistent")
    assert (roughly.status, roughly.reason) == (INCORRECT, "wrong_label")
    assert "same measure" in roughly.message
    assert "overlap" in run("8.3", "differs").message
    assert "could be compared" in run("8.3", "could not be checked").message
    different = run("8.3", "a different measure: shown, not compared")
    assert different.status == INCORRECT and "it says “the same measure" in different.message
    misspelt = run("8.3", "consistant")
    assert misspelt.reason == "unknown_label" and "Did you mean 'consistent'?" in misspelt.message
    assert run("8.3", 2).reason == "wrong_type"


def test_8_4_rows_from_parties():
    right = run("8.4", PARTY_ROWS)
    assert right.status == CORRECT and f"All {len(PARTY_ROWS)}" in right.message
    assert run("8.4", set(PARTY_ROWS)).status == CORRECT
    reported_only = [r for r in PARTY_ROWS if r not in ("C5", "E10")]
    feedback = run("8.4", reported_only)
    assert (feedback.status, feedback.reason) == (INCORRECT, "missing_items")
    assert "2 are missing" in feedback.message
    assert "even when another outlet reported it" in feedback.message
    assert "C5" not in feedback.message and "E10" not in feedback.message
    assert run("8.4", [r.lower() for r in PARTY_ROWS]).status == CORRECT
    based_in_armenia = run("8.4", [*PARTY_ROWS, "E9"])
    assert based_in_armenia.reason == "extra_items"
    assert "not among them: 'e9'" in based_in_armenia.message.lower()
    assert "CivilNet (AM-media, based in a party country)" in based_in_armenia.message
    assert "AM-media: an outlet or institute based in Armenia" in based_in_armenia.message
    assert "AM: Armenia's government, officials, state bodies or state media" in based_in_armenia.message
    russian = run("8.4", [*PARTY_ROWS, "E5"])
    assert "Gazprom (RU, interested state)" in russian.message
    assert run("8.4", ["C1.1", "C3.1"]).reason == "value_ids_given"
    assert run("8.4", ["F015"]).reason == "figure_ids_given"
    assert run("8.4", "B3, C1").reason == "wrong_type"


def test_8_5_toll_choice():
    right = run("8.5", 3)
    assert right.status == CORRECT and "roughly consistent" in right.message
    assert "Investigative Committee of the Republic of Armenia as of 22 Dec 2023" in right.message
    assert "not a verdict" in run("8.5", 1).message
    assert "F026" in run("8.5", 4).message
    assert "reliable as what that party said" in run("8.5", 2).message
    assert run("8.5", "3").status == CORRECT
    assert run("8.5", 3.0).status == CORRECT
    assert run("8.5", 5).reason == "not_an_option"
    for wrong in (1, 2, 4):
        assert "“roughly consistent”: The values are 2 apart" not in run("8.5", wrong).message


def test_8_6_summary_length_and_quotations():
    short = run("8.6", "The author argues that “Azerbaijan doesn’t seem to be interested in a peace "
                       "agreement”.")
    assert short.status == NOT_MARKED
    assert "Length: 14 words: the task asks for 120 to 200." in short.message
    long = run("8.6", " ".join(["word"] * 210))
    assert long.status == NOT_MARKED
    assert "Length: 210 words: the task asks for 120 to 200; cut it down." in long.message
    assert long.reason == "no_quotation"
    assert "should be text (write it in the answer cell" in run("8.6", {"summary": "text"}).message


def test_8_7_judging_the_reasons_is_written_and_marked_on_reasoning_too():
    from readingpack.exercises.tasks import task_spec

    criteria = ("quotation", "attribution", "evidence", "reasoning", "task")
    assert task_spec("8.7").criteria == criteria
    feedback = run("8.7", "Paragraph 3 quotes the speech: “iron fist” and “capitulated” (paragraph 3).")
    assert feedback.status == NOT_MARKED and "the task asks for 150 to 300" in feedback.message
    assert "NOT FOUND" not in feedback.message
