"""Lesson 2's exercise checks: a right, a wrong-type and a near-miss answer per task, the forms
of an answer that are accepted, and wrong-answer feedback that never gives the key."""


import numpy as np
import pandas as pd
from task_asserts import wrong

from readingpack.exercises import CORRECT, NOT_ANSWERED, NOT_MARKED, TASKS, lesson02
from readingpack.exercises import check_value as run
from readingpack.exercises.tasks import task_frame
from readingpack.ledger import load_ledger
from readingpack.widgets.claims import ClaimExplorer

TASK_IDS = ["2.1", "2.2", "2.4", "2.5", "2.6", "2.7", "2.8"]
RIGHT_TYPES = {"CL027": "statistic", "CL093": "evaluation", "CL098": "prediction"}




def test_lesson_2_registers_its_active_tasks_of_the_kinds_needed():
    table = task_frame()
    active = sorted(table.index[(table["lesson"] == 2) & (table["status"] == "active")])
    kinds = {t.task_id: t.kind for t in TASKS.values() if t.task_id.startswith("2.")}
    assert sorted(kinds) == active == TASK_IDS
    assert {"code", "choice", "classification", "widget", "written", "chart"} <= set(kinds.values())
    assert table.loc["2.3", "status"] == "retired" and "2.3" not in TASKS


def test_expected_values_come_from_the_ledger():
    counts = lesson02.other_speaker_counts()
    assert (counts["others"], counts["author"], counts["all"]) == (44, 95, 139)
    assert lesson02.expected_types() == RIGHT_TYPES
    assert lesson02.top_paragraphs_of("evaluation") == [8, 12, 17]
    assert lesson02.top_paragraphs_of("analogy") == [8, 12]
    assert lesson02.top_paragraphs_of("prediction") == [15]
    assert lesson02.prediction_paragraphs() == [4, 6, 7, 15]
    assert lesson02.voice_key() == 2
    assert lesson02.claim_type_labels()[0] == "checkable_fact" and len(lesson02.claim_type_labels()) == 7


# 2.1 claims by others
def test_2_1_claims_by_others():
    right = run("2.1", 44)
    assert right.status == CORRECT and "44 of the 139 claims" in right.message
    assert run("2.1", np.int64(44)).status == CORRECT and run("2.1", pd.Series([44])).status == CORRECT
    wrong("2.1", "44", reason="wrong_type")
    wrong("2.1", 95, "the author makes in her own voice", reason="near_miss", hidden=[44])
    wrong("2.1", 139, "every claim", reason="near_miss", hidden=[44])
    wrong("2.1", 10, "different speakers", reason="near_miss", hidden=[44])
    wrong("2.1", 51, "co-speakers included", reason="near_miss", hidden=[44])
    wrong("2.1", 50, reason="too_high")
    wrong("2.1", 40, reason="too_low")
    claims = load_ledger().claims
    table = claims[claims["speaker"] != "sossi_tatikyan"]
    wrong("2.1", table, "right 44 rows", reason="table_given")


# 2.2 three claim types
def test_2_2_claim_types():
    right = run("2.2", RIGHT_TYPES)
    assert right.status == CORRECT and "CL093 evaluation" in right.message
    assert run("2.2", ["Statistic", "evaluation", "prediction"]).status == CORRECT
    assert run("2.2", {"cl027": "statistic", " Cl093": "Evaluation", "CL098": "prediction"}).status == CORRECT
    assert run("2.2", pd.Series(RIGHT_TYPES)).status == CORRECT
    wrong("2.2", "statistic", reason="wrong_type")
    left = run("2.2", {"CL027": ..., "CL093": ..., "CL098": ...})
    assert (left.status, left.reason) == (NOT_ANSWERED, "blank")
    miss = wrong("2.2", {**RIGHT_TYPES, "CL093": "checkable_fact"},
                 "CL093 is not checkable fact: the codebook's rule for checkable_fact is “A statement",
                 "Right so far: CL027 statistic, CL098 prediction.", reason="wrong_claim_types")
    assert "evaluation" not in miss.message  # the rule shown is the one of the wrong label
    wrong("2.2", {**RIGHT_TYPES, "CL098": "evaluation"}, "CL098 is not evaluation",
          "the codebook's rule for evaluation is", reason="wrong_claim_types", hidden=["prediction"])
    wrong("2.2", {**RIGHT_TYPES, "CL027": "statistc"}, "did you mean 'statistic'", reason="wrong_claim_types")
    wrong("2.2", {**RIGHT_TYPES, "CL027": 3}, "CL027: write the label in quotes", reason="wrong_claim_types")
    wrong("2.2", {**RIGHT_TYPES, "CL001": "evaluation"}, "CL001: not one of the claims",
          reason="wrong_claim_types")


# 2.8 (replaces the retired 2.3): a function that finds the top paragraphs, ties included
def test_2_8_top_paragraphs_function():
    claims = load_ledger().claims

    def top_paragraphs(claim_type):
        counts = claims.loc[claims["claim_type"] == claim_type, "paragraph"].value_counts()
        return counts[counts == counts.max()].index.tolist()

    def first_three_rows(claim_type):
        return claims.loc[claims["claim_type"] == claim_type, "paragraph"].value_counts().head(3).index

    def broken(claim_type):
        return claims.loc[claims["kind"] == claim_type]

    right = run("2.8", top_paragraphs)
    assert right.status == CORRECT and "Right for all 7 claim types, ties included" in right.message
    assert run("2.8", lambda t: np.array(top_paragraphs(t))).status == CORRECT
    wrong("2.8", first_three_rows, "Right for 3 of 7 claim types",
          "for 'prediction' it includes a paragraph below the highest count", reason="wrong_for_some_types",
          hidden=[15])
    wrong("2.8", lambda t: top_paragraphs(t)[:1], "for 'evaluation' it leaves out a paragraph",
          reason="wrong_for_some_types")
    raised = wrong("2.8", broken, "your function stops with KeyError", reason="wrong_for_some_types")
    assert "could not check" not in str(raised) and str(raised).startswith("✗ Task 2.8: incorrect.")
    wrong("2.8", [8, 12, 17], reason="wrong_type")
    # The stub as handed out, left unfilled, is not answered yet, not incorrect.
    def stub(claim_type):
        """Every paragraph that holds the highest number of claims of `claim_type`."""

    def pass_only(claim_type):
        pass

    def ellipsis_only(claim_type):
        ...

    for unfilled in (stub, pass_only, ellipsis_only):
        left = run("2.8", unfilled)
        assert (left.status, left.reason) == (NOT_ANSWERED, "blank")
        assert "returns nothing yet" in left.message  # says what to write, not only that it is blank
    partly = run("2.8", lambda t: top_paragraphs(t) if t == "prediction" else None)
    assert partly.status != NOT_ANSWERED and "Right for 1 of 7" in partly.message
    assert "for 'evaluation' it returns nothing (None)" in partly.message
    retired = run("2.3", [8, 12, 17])
    assert retired.status == NOT_MARKED and "Replaced by 2.8" in retired.message


# 2.4 voice
def test_2_4_voice():
    options, key = (f() for f in lesson02.CHOICES["2.4"])
    right = run("2.4", 2)
    assert right.status == CORRECT and "tie-break rule 2" in right.message
    for form in ("2", 2.0, np.int64(2), pd.Series([2])):
        assert run("2.4", form).status == CORRECT, form
    wrong("2.4", 2.5, reason="wrong_type")
    reported = wrong("2.4", 1, reason="wrong_option")
    for answer, phrase in ((1, "tie-break rule 1"), (3, "“one-sided”"), (4, "“reportedly”")):
        message = wrong("2.4", answer, phrase).message
        assert options[key - 1] not in message and "option 2" not in message.lower()
    assert "author's evaluation" not in reported.message
    wrong("2.4", 5, reason="not_an_option")


# 2.5 predictions, read off the claim explorer
def test_2_5_prediction_paragraphs():
    right = run("2.5", [4, 6, 7, 15, 15])
    assert right.status == CORRECT and "2 in paragraph 15" in right.message
    assert run("2.5", ["4", "6", "7", "15"]).status == CORRECT
    assert run("2.5", pd.Series([4, 6, 7, 15])).status == CORRECT
    wrong("2.5", "4, 6, 7, 15", reason="wrong_type")
    wrong("2.5", 5, reason="count_not_list")
    wrong("2.5", 6, reason="one_item_not_list", hidden=[4, 7, 15])
    wrong("2.5", [4, 6, 7, 15, 20], "not among them: 20", "CL135 is hedged", "tie-break rule 5",
          reason="extra_items")
    wrong("2.5", [4, 6, 7], reason="missing_items", hidden=[15])


def test_2_5_the_claim_explorer_shows_the_expected_paragraphs():
    ledger = load_ledger()
    explorer = ClaimExplorer(ledger)
    explorer.claim_type.value = "prediction"
    assert "5 claims match</b> in 4 paragraphs" in explorer.count.value
    shown = sorted({int(p) for p in explorer.matches()["paragraph"]})
    assert shown == lesson02.prediction_paragraphs()


# 2.6 written
def test_2_6_written_answers_are_not_machine_marked():
    low, high = task_frame().loc["2.6", ["min_words", "max_words"]].astype(int)
    assert (low, high) == (80, 150)
    answer = ("The ledger codes “with performative events” (CL002) as an evaluation: the word "
              "“performative” is the author's label for the events, which no record could settle. " * 2)
    result = run("2.6", answer)
    assert result.status == NOT_MARKED
    assert f"Length: 50 words: the task asks for {low} to {high}." in result.message
    assert "Exact: 2 quotations found word for word in the article." in result.message
    assert "Also 2 short quotations of a word or two" in result.message
    assert run("2.6", answer * 2).message.startswith(f"Length: 100 words, within the {low} to {high}")
    assert run("2.6", 42).reason == "wrong_type"
    inexact = run("2.6", "The author calls the events “performative celebrations of the victory”.")
    assert "NOT FOUND in the article: “performative celebrations of the victory”" in inexact.message
    assert "Exact:" not in inexact.message
    assert run("2.6", "The author judges the events.").reason == "no_quotation"
