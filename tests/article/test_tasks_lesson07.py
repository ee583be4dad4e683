"""Lesson 7's exercise checks: a right answer, blanks, a wrong type and near misses per task."""


from readingpack.exercises import CORRECT, INCORRECT, NOT_MARKED, TASKS, check, lesson07
from readingpack.exercises import check_value as run

HEDGED = {"CL096": "prediction", "CL135": "evaluation", "CL053": "reported_statement",
          "CL080": "reported_statement"}



def test_expected_values_come_from_the_ledger():
    assert lesson07.expected_label() == "certainty_marker"
    assert lesson07.expected_hedges() == 3
    assert lesson07.split_claims() == ["CL109", "CL110", "CL111", "CL112"]
    assert lesson07.expected_hedged_types() == HEDGED


def test_lesson_7_has_six_tasks_of_every_kind():
    tasks = [t for t in TASKS.values() if t.task_id.startswith("7.")]
    assert sorted(t.task_id for t in tasks) == ["7.2", "7.3", "7.5", "7.6", "7.7", "7.8"]
    assert {t.kind for t in tasks} == {"code", "classification", "choice", "widget", "written"}


def test_7_2_confirms_label():
    assert run("7.2", "certainty_marker").status == CORRECT
    assert run("7.2", "Certainty marker").status == CORRECT
    hedge = run("7.2", "hedge")
    assert (hedge.status, hedge.reason) == (INCORRECT, "wrong_label") and "The opposite" in hedge.message
    assert "judges nothing" in run("7.2", "evaluative").message
    misspelt = run("7.2", "certainty_makrer")
    assert misspelt.reason == "unknown_label" and "Did you mean 'certainty_marker'?" in misspelt.message
    assert run("7.2", 4).reason == "wrong_type"


def test_7_3_peacekeeping_choice():
    right = run("7.3", 4)
    assert right.status == CORRECT and "not evidence about the mission" in right.message
    proof = run("7.3", 3)
    assert proof.status == INCORRECT and "cannot prove anything" in proof.message
    assert "names no speaker" in run("7.3", 2).message
    assert "“Russian peacekeepers”" in run("7.3", 1).message
    assert run("7.3", "4").status == CORRECT
    assert run("7.3", 4.0).status == CORRECT
    assert run("7.3", 9).reason == "not_an_option"
    for wrong in (1, 2, 3):
        feedback = run("7.3", wrong)
        assert feedback.reason == "wrong_option" and feedback.message.startswith("Not the best answer")
        assert "option 4" not in feedback.message.lower() and "at a distance" not in feedback.message


def test_7_5_hedges_from_the_widget():
    right = run("7.5", 3)
    assert right.status == CORRECT and "“seem” (¶20)" in right.message
    whole = run("7.5", 8)
    assert whole.reason == "near_miss" and "whole article" in whole.message
    terms = run("7.5", 2)
    assert terms.reason == "near_miss" and "different hedge terms" in terms.message
    assert run("7.5", "three").reason == "wrong_type"


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
    assert (none.status, none.reason) == (NOT_MARKED, "no_quotation")
    assert run("7.6", ["a", "list"]).reason == "wrong_type"


def test_7_1_and_7_4_are_retired():
    for task_id, words in (("7.1", "Replaced by 7.7"), ("7.4", "repeated task 4.1")):
        feedback = check(task_id, {})
        assert feedback.status == NOT_MARKED and words in feedback.message


def test_7_7_splitting_two_sentences():
    rows = [(17, "Azerbaijan and Russia have been conducting coordinated information warfare", "evaluation",
             "author"),
            (17, "Despite its civilian monitoring nature", "checkable_fact", "author"),
            (17, "EUMA is serving as a soft deterrent", "evaluation", "author"),
            (17, "has also led to the withdrawal of the Russian military", "checkable_fact", "author")]
    assert run("7.7", rows).status == CORRECT
    whole = ("EUMA is serving as a soft deterrent against Azerbaijan’s further military advances in "
             "Armenia, and has also led to the withdrawal")
    unsplit = run("7.7", [(17, rows[0][1], "evaluation", "author"), (17, whole, "evaluation", "author")])
    assert (unsplit.status, unsplit.reason) == (INCORRECT, "rows_not_coded")
    assert "Not coded yet: 2 ledger rows" in unsplit.message
    assert "tie-break rule 3" in unsplit.message
    as_fact = run("7.7", [(17, rows[0][1], "checkable_fact", "author"), *rows[1:]])
    assert (as_fact.status, as_fact.reason) == (INCORRECT, "coding_differs")
    assert "“checkable_fact”, the ledger “evaluation”" in as_fact.message
    assert "wrong" not in as_fact.message.lower()


def test_7_8_hedged_claims():
    assert run("7.8", HEDGED).status == CORRECT
    assert run("7.8", {k.lower(): v.replace("_", " ") for k, v in HEDGED.items()}).status == CORRECT
    wrong = run("7.8", dict(HEDGED, CL135="prediction"))
    assert (wrong.status, wrong.reason) == (INCORRECT, "wrong_claim_types")
    assert "3 of 4 agree" in wrong.message and "CL135" in wrong.message
    assert "tie-break rule 5" in wrong.message and "an evaluation" not in wrong.message
    missing = run("7.8", {k: v for k, v in HEDGED.items() if k != "CL080"})
    assert missing.reason == "missing_keys" and "missing: CL080" in missing.message
