"""Lesson 8's exercise checks: a right answer, blanks, a wrong type and near misses per task."""

import numpy as np
import pytest

from readingpack.exercises import CORRECT, INCORRECT, NOT_MARKED, TASKS, lesson08
from readingpack.exercises import check_value as run

PARTY_ROWS = ["B3", "C1", "C3", "C5", "C6", "E1", "E10", "E2", "E4", "S2", "S3", "S4"]



def test_expected_values_come_from_the_ledger():
    assert lesson08.expected_share() == pytest.approx(215 / 29743 * 100)
    assert lesson08.expected_outcome() == "consistent"
    assert sorted(lesson08.expected_party_rows()) == PARTY_ROWS


def test_lesson_8_has_six_tasks():
    tasks = [t for t in TASKS.values() if t.task_id.startswith("8.")]
    assert len(tasks) == 6
    assert {t.kind for t in tasks} == {"written", "number", "widget", "code", "choice"}


def test_8_1_thesis_is_not_machine_marked():
    answer = ("The author argues that “Azerbaijan doesn’t seem to be interested in a peace "
              "agreement” (paragraph 20).")
    feedback = run("8.1", answer)
    assert feedback.status == NOT_MARKED
    assert "all 1 quotation(s) are exact" in feedback.message
    assert "solutions/08_checking_claims.ipynb, task 8.1" in feedback.message
    wrong = run("8.1", "The author argues that “Azerbaijan does not want peace”.")
    assert "not found word for word" in wrong.message
    assert "should be text" in run("8.1", 42).message


def test_8_2_share_of_armenia():
    right = run("8.2", 215 / 29743 * 100)
    assert right.status == CORRECT and "lower bound" in right.message and "at_least" in right.message
    assert run("8.2", 0.72).status == CORRECT
    assert run("8.2", np.float64(0.7229)).status == CORRECT
    assert "as a fraction" in run("8.2", 215 / 29743).message
    assert "“about 200 km²”" in run("8.2", 200 / 29743 * 100).message
    assert "Azerbaijan's area" in run("8.2", 215 / 86600 * 100).message
    assert "land area" in run("8.2", 215 / 28203 * 100).message
    assert "wrong way round" in run("8.2", 29743 / 215).message
    assert "should be a number" in run("8.2", "0.72%").message
    assert run("8.2", 2.0).message.endswith("too high for the share of Armenia's area, in percent.")


def test_8_3_outcome_from_the_widget():
    right = run("8.3", "consistent")
    assert right.status == CORRECT and "over 400 wounded" in right.message
    assert "same measure" in right.message
    roughly = run("8.3", "roughly consistent")
    assert roughly.status == INCORRECT and "same measure" in roughly.message
    assert "overlap" in run("8.3", "differs").message
    assert "could be compared" in run("8.3", "could not be checked").message
    different = run("8.3", "a different measure: shown, not compared")
    assert different.status == INCORRECT and "injured and wounded" in different.message
    assert "Did you mean 'consistent'?" in run("8.3", "consistant").message
    assert "one of the labels" in run("8.3", 2).message


def test_8_4_rows_from_parties():
    right = run("8.4", PARTY_ROWS)
    assert right.status == CORRECT and f"All {len(PARTY_ROWS)}" in right.message
    assert run("8.4", set(PARTY_ROWS)).status == CORRECT
    reported_only = [r for r in PARTY_ROWS if r not in ("C5", "E10")]
    feedback = run("8.4", reported_only)
    assert feedback.status == INCORRECT and "missing 2" in feedback.message
    assert "even when another outlet reported it" in feedback.message
    based_in_armenia = run("8.4", [*PARTY_ROWS, "E9"])
    assert "not expected: 'E9'" in based_in_armenia.message
    assert "CivilNet (AM-media, based in a party country)" in based_in_armenia.message
    assert "an outlet based in Armenia or Azerbaijan" in based_in_armenia.message
    russian = run("8.4", [*PARTY_ROWS, "E5"])
    assert "Gazprom (RU, interested state)" in russian.message
    assert "value ids" in run("8.4", ["C1.1", "C3.1"]).message
    assert "figure ids" in run("8.4", ["F015"]).message
    assert "should be a list" in run("8.4", "B3, C1").message


def test_8_5_toll_choice():
    right = run("8.5", 2)
    assert right.status == CORRECT and "roughly consistent" in right.message
    assert "not a verdict" in run("8.5", 1).message
    assert "F026" in run("8.5", 4).message
    assert "reliable as what that party said" in run("8.5", 3).message
    assert "without quotes" in run("8.5", "2").message


def test_8_6_summary_length_and_quotations():
    short = run("8.6", "The author argues that “Azerbaijan doesn’t seem to be interested in a peace "
                       "agreement”.")
    assert short.status == NOT_MARKED and "aim for at least 100" in short.message
    long = run("8.6", " ".join(["word"] * 170))
    assert long.status == NOT_MARKED and "at most 160 words (yours has 170)" in long.message
    assert "task 8.6" in long.message
    assert "should be text" in run("8.6", {"summary": "text"}).message
