"""Lesson 7's exercise checks: a right answer, blanks, a wrong type and near misses per task."""

import pandas as pd

from readingpack.exercises import CORRECT, INCORRECT, NOT_MARKED, TASKS, lesson07
from readingpack.exercises import check_value as run

RIGHT_NAMING = {"Azerbaijan": 47, "Baku": 18, "Aliyev": 6, "Armenia": 52, "Yerevan": 2, "Pashinyan": 1}



def test_expected_values_come_from_the_ledger():
    assert lesson07.expected_verbs() == 8
    assert lesson07.expected_label() == "certainty_marker"
    assert lesson07.expected_naming() == RIGHT_NAMING
    assert lesson07.expected_hedges() == 3


def test_lesson_7_has_six_tasks_of_every_kind():
    tasks = [t for t in TASKS.values() if t.task_id.startswith("7.")]
    assert len(tasks) == 6
    assert {t.kind for t in tasks} == {"code", "classification", "choice", "widget", "written"}


def test_7_1_attribution_verbs():
    assert run("7.1", 8).status == CORRECT
    assert run("7.1", 8).message == "The number of attribution verbs in paragraphs 9-13 is 8."
    assert "should be a number (without quotes)" in run("7.1", "8").message
    assert run("7.1", 8.0).status == CORRECT
    off_by_one = run("7.1", 7)
    assert off_by_one.status == INCORRECT and "paragraph 13 is missing" in off_by_one.message
    # every lexicon word of paragraphs 9-13, "warfare" (paragraph 9) included
    assert "every category" in run("7.1", 30).message
    assert "whole article" in run("7.1", 42).message
    assert run("7.1", 12).message == "12 is too high for the number of attribution verbs in paragraphs 9-13."
    assert run("7.1", 5).message == "5 is too low for the number of attribution verbs in paragraphs 9-13."


def test_7_2_confirms_label():
    assert run("7.2", "certainty_marker").status == CORRECT
    assert run("7.2", "Certainty marker").status == CORRECT
    hedge = run("7.2", "hedge")
    assert hedge.status == INCORRECT and "The opposite" in hedge.message
    assert "judges nothing" in run("7.2", "evaluative").message
    assert "Did you mean 'certainty_marker'?" in run("7.2", "certainty_makrer").message
    assert "one of the labels" in run("7.2", 4).message


def test_7_3_peacekeeping_choice():
    right = run("7.3", 4)
    assert right.status == CORRECT and "not evidence about the mission" in right.message
    proof = run("7.3", 3)
    assert proof.status == INCORRECT and "cannot prove anything" in proof.message
    assert "names no speaker" in run("7.3", 2).message
    assert "“Russian peacekeepers”" in run("7.3", 1).message
    assert run("7.3", "4").status == CORRECT
    assert run("7.3", 4.0).status == CORRECT
    assert run("7.3", 9).message == "Choose a number from 1 to 4; 9 is not an option."
    for wrong in (1, 2, 3):
        feedback = run("7.3", wrong)
        assert feedback.message.startswith("Not the best answer")
        assert "option 4" not in feedback.message.lower() and "at a distance" not in feedback.message


def test_7_4_naming_counts():
    right = run("7.4", dict(RIGHT_NAMING))
    assert right.status == CORRECT and "All 6 counts" in right.message
    assert run("7.4", pd.Series(RIGHT_NAMING)).status == CORRECT
    assert "should be a dictionary" in run("7.4", [47, 18]).message


def test_7_4_names_the_forgotten_form_of_a_name():
    no_capital = {k: v for k, v in RIGHT_NAMING.items() if k != "Baku"}
    assert "you counted 'Azerbaijan' but not 'Baku'" in run("7.4", no_capital).message
    no_possessive = dict(RIGHT_NAMING, Aliyev=5)
    assert "you counted 'Aliyev' but not 'Aliyev’s'" in run("7.4", no_possessive).message
    folded = dict(RIGHT_NAMING, Azerbaijan=47 + 18)
    assert "you folded 'Baku' into the state" in run("7.4", folded).message
    city = run("7.4", dict(RIGHT_NAMING, Yerevan=3))
    assert "“the capital Yerevan”" in city.message and "substring" not in city.message
    substring = run("7.4", dict(RIGHT_NAMING, Armenia=74))
    assert "such as 'Armenian'" in substring.message
    whole = run("7.4", dict(RIGHT_NAMING, Armenia=55))
    assert "count for the whole article" in whole.message
    assert "write the count as a number" in run("7.4", dict(RIGHT_NAMING, Baku="18")).message
    assert "'Moscow' not expected" in run("7.4", dict(RIGHT_NAMING, Moscow=1)).message
    miscount = run("7.4", dict(RIGHT_NAMING, Azerbaijan=40))
    assert miscount.message == "'Azerbaijan': you have 40, the text gives a different count."
    assert "47" not in miscount.message


def test_7_5_hedges_from_the_widget():
    right = run("7.5", 3)
    assert right.status == CORRECT and "“seem” (¶20)" in right.message
    assert "whole article" in run("7.5", 8).message
    assert "different hedge terms" in run("7.5", 2).message
    assert "should be a number" in run("7.5", "three").message


def test_7_6_written_answers_are_not_machine_marked():
    answer = ("The author writes that Baku “conducted arbitrary detentions of Nagorno-Karabakh "
              "politicians and regular citizens”, and she calls the lawsuits “dubious”.")
    feedback = run("7.6", answer)
    assert feedback.status == NOT_MARKED
    assert "Exact: 1 quotation found word for word in the article." in feedback.message
    assert "Also 1 short quotation of a word or two" in feedback.message  # “dubious”
    assert "Length: 20 words: the task asks for 30 to 80." in feedback.message
    misquoted = run("7.6", "The author writes of “illegal detentions” of politicians.")
    assert "NOT FOUND in the article: “illegal detentions”" in misquoted.message
    assert "Only short quotations (under three words)" in misquoted.message
    assert "Length: 8 words: the task asks for 30 to 80." in misquoted.message
    none = run("7.6", "The author writes that Baku detained politicians and citizens.")
    assert none.status == NOT_MARKED and "No quotation:" in none.message
    assert "should be text (write it in the answer cell" in run("7.6", ["a", "list"]).message
