"""Lesson 2's exercise checks: a right, a blank, a wrong-type and a near-miss answer per task."""


from readingpack.exercises import CORRECT, INCORRECT, NOT_ANSWERED, NOT_MARKED, TASKS, lesson02
from readingpack.exercises import check_value as run
from readingpack.ledger import load_ledger
from readingpack.widgets.claims import ClaimExplorer

TASK_IDS = ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
RIGHT_TYPES = {"CL027": "statistic", "CL093": "evaluation", "CL098": "prediction"}




def test_lesson_2_has_six_tasks_of_the_kinds_needed():
    kinds = {t.task_id: t.kind for t in TASKS.values() if t.task_id.startswith("2.")}
    assert sorted(kinds) == TASK_IDS
    assert {"code", "choice", "classification", "widget", "written"} <= set(kinds.values())


def test_expected_values_come_from_the_ledger():
    counts = lesson02.other_speaker_counts()
    assert (counts["others"], counts["author"], counts["all"]) == (46, 93, 139)
    assert lesson02.expected_types() == RIGHT_TYPES
    assert lesson02.most_evaluation_paragraphs() == [8, 12, 17]
    assert lesson02.prediction_paragraphs() == [4, 6, 7, 15]
    assert lesson02.voice_key() == 2
    assert lesson02.claim_type_labels()[0] == "checkable_fact" and len(lesson02.claim_type_labels()) == 7


# 2.1 claims by others
def test_2_1_claims_by_others():
    right = run("2.1", 46)
    assert right.status == CORRECT and "46 of the 139 claims" in right.message
    assert run("2.1", "46").message.startswith("This answer should be a number (without quotes)")
    assert "the author makes in her own voice" in run("2.1", 93).message
    assert "every claim" in run("2.1", 139).message
    assert "different speakers" in run("2.1", 10).message
    assert "co-speakers included" in run("2.1", 54).message
    claims = load_ledger().claims
    table = claims[claims["speaker"] != "sossi_tatikyan"]
    assert "right 46 rows" in run("2.1", table).message


# 2.2 three claim types
def test_2_2_claim_types():
    right = run("2.2", RIGHT_TYPES)
    assert right.status == CORRECT and "CL093 evaluation" in right.message
    assert run("2.2", ["Statistic", "evaluation", "prediction"]).status == CORRECT
    assert run("2.2", "statistic").message.startswith("This answer should be a dictionary")
    assert run("2.2", {"CL027": ..., "CL093": ..., "CL098": ...}).status == NOT_ANSWERED
    miss = run("2.2", {**RIGHT_TYPES, "CL093": "checkable_fact"})
    assert miss.status == INCORRECT
    rule = "CL093 is not checkable fact. The codebook's rule for evaluation: “The author's judgement"
    assert rule in miss.message
    hedged = run("2.2", {**RIGHT_TYPES, "CL098": "evaluation"}).message
    assert "The codebook's rule for prediction" in hedged and "tie-break rule 5" in hedged
    typo = run("2.2", {**RIGHT_TYPES, "CL027": "statistc"}).message
    assert "Did you mean 'statistic'?" in typo
    assert "CL027: write the label in quotes" in run("2.2", {**RIGHT_TYPES, "CL027": 3}).message
    assert "CL001: not one of the claims" in run("2.2", {**RIGHT_TYPES, "CL001": "evaluation"}).message


# 2.3 most evaluations
def test_2_3_most_evaluations():
    right = run("2.3", [17, 8, 12])
    assert right.status == CORRECT and "a tie" in right.message
    assert run("2.3", {8, 12, 17}).status == CORRECT
    assert run("2.3", "8, 12, 17").message.startswith("This answer should be a list")
    single = run("2.3", 12)
    assert single.status == INCORRECT and "shares the top place with paragraphs 8 and 17" in single.message
    assert "holds the most claims of all types (19)" in run("2.3", [12]).message
    assert "missing 1: 17 (5 evaluations)" in run("2.3", [8, 12]).message
    assert "Paragraph 3 has 3 evaluation claims" in run("2.3", 3).message
    series = load_ledger().claims["paragraph"].value_counts()
    assert "pandas series" in run("2.3", series).message


# 2.4 voice
def test_2_4_voice():
    right = run("2.4", 2)
    assert right.status == CORRECT and "tie-break rule 2" in right.message
    assert "without quotes" in run("2.4", "2").message
    assert run("2.4", 2.0).status == INCORRECT
    reported = run("2.4", 1)
    assert reported.status == INCORRECT and "Characterising a speech is not reporting it" in reported.message
    assert "“one-sided”" in run("2.4", 3).message
    assert "from 1 to 4" in run("2.4", 5).message


# 2.5 predictions, read off the claim explorer
def test_2_5_prediction_paragraphs():
    right = run("2.5", [4, 6, 7, 15, 15])
    assert right.status == CORRECT and "2 in paragraph 15" in right.message
    assert run("2.5", "4, 6, 7, 15").message.startswith("This answer should be a list")
    assert "how many predictions there are" in run("2.5", 5).message
    assert "give all of them in a list" in run("2.5", 6).message
    hedged = run("2.5", [4, 6, 7, 15, 20]).message
    assert "not expected: 20" in hedged and "CL135 is hedged" in hedged and "tie-break rule 5" in hedged
    assert "missing 1: 15" in run("2.5", [4, 6, 7]).message


def test_2_5_the_claim_explorer_shows_the_expected_paragraphs():
    ledger = load_ledger()
    explorer = ClaimExplorer(ledger)
    explorer.claim_type.value = "prediction"
    assert "5 claims match</b> in 4 paragraphs" in explorer.count.value
    shown = sorted({int(p) for p in explorer.matches()["paragraph"]})
    assert shown == lesson02.prediction_paragraphs()


# 2.6 written
def test_2_6_written_answers_are_not_machine_marked():
    answer = ("The ledger codes “with performative events” (CL002) as an evaluation: the word "
              "“performative” is the author's label for the events, which no record could settle. " * 2)
    feedback = run("2.6", answer)
    assert feedback.status == NOT_MARKED
    assert "all 4 quotation(s) are exact" in feedback.message
    assert "solutions/02_claims.ipynb, task 2.6" in feedback.message
    assert run("2.6", 42).message.startswith("This answer should be text in quotes")
    inexact = run("2.6", "The author calls the events “performative celebrations”.")
    assert "not found word for word" in inexact.message and "aim for at least 40" in inexact.message


