"""Lesson 3's exercise checks: a right, a blank, a wrong-type and a near-miss answer per task."""

import pytest

from readingpack.exercises import CORRECT, INCORRECT, NOT_MARKED, TASKS, lesson03
from readingpack.exercises import check_value as run


def test_lesson_3_has_seven_tasks_of_every_kind_needed():
    kinds = {t.task_id: t.kind for t in TASKS.values() if t.task_id.startswith("3.")}
    assert len(kinds) == 7
    assert {"code", "choice", "classification", "number", "widget", "written"} <= set(kinds.values())


def test_expected_values_come_from_the_ledger():
    low, armenia, share = lesson03.area_share()
    assert (low, armenia) == (215, 29743) and share == pytest.approx(0.7229, abs=1e-4)
    assert lesson03.death_figures() == ["F030", "F033", "F035"]
    assert lesson03.closest_place()["id"] == "A6"
    assert "at_least" in lesson03.qualifier_labels()


# 3.1 qualifier
def test_3_1_area_qualifier():
    right = run("3.1", "at_least")
    assert right.status == CORRECT and right.message.startswith("215 is a lower bound: at_least")
    assert run("3.1", "At least").status == CORRECT
    assert run("3.1", 215).message.startswith("This answer should be one of the labels")
    assert "“more than” would exclude 215" in run("3.1", "more_than").message
    assert "215 is a lower bound" in run("3.1", "exact").message
    assert "Did you mean 'at_least'?" in run("3.1", "at_lest").message


# 3.2 share of Armenia
def test_3_2_share_of_armenia():
    right = run("3.2", 0.72)
    assert right.status == CORRECT and "at least 0.72% of Armenia's total area" in right.message
    assert run("3.2", 215 / 29743 * 100).status == CORRECT
    assert run("3.2", "0.72").message.startswith("This answer should be a number (without quotes)")
    assert "as a fraction" in run("3.2", 215 / 29743).message
    assert "as a fraction" in run("3.2", 0.0072).message
    assert "divided the wrong way round" in run("3.2", 29743 / 215).message
    assert "divided the wrong way round" in run("3.2", 138).message
    assert "divided the wrong way round" in run("3.2", 29743 / 215 * 100).message
    assert "percentage of Azerbaijan (total) (A2)" in run("3.2", 0.25).message
    assert "percentage of Malta (A7)" in run("3.2", 68).message
    assert run("3.2", 5).message == "5 is too high for the share of Armenia's area, in percent."


# 3.3 figures that count deaths
def test_3_3_death_figures():
    right = run("3.3", ["F030", "F033", "F035"])
    assert right.status == CORRECT and "do not add them up" in right.message
    assert run("3.3", {"f035", "F030", " F033"}).status == CORRECT
    assert run("3.3", "F030").message.startswith("This answer should be a list")
    assert "figure ids in quotes" in run("3.3", [30, 33, 35]).message
    casualties = run("3.3", ["F026", "F030", "F033", "F035"])
    assert casualties.status == INCORRECT
    assert "F026 (“more than two hundred casualties”) counts casualties" in casualties.message
    assert "killed, or killed and wounded" in casualties.message
    missing = run("3.3", ["F033", "F034"])
    assert "F034 (“50 went missing”) counts people missing, not deaths" in missing.message
    assert "missing F030 (“27 civilians”)" in missing.message
    assert "not a figure id of the ledger" in run("3.3", ["F099"]).message


# 3.4 why no sum
def test_3_4_no_sum_choice():
    right = run("3.4", 3)
    assert right.status == CORRECT and "turn a lower bound into a number that looks exact" in right.message
    assert run("3.4", "3").message == "Write the number without quotes: 3, not '3'."
    assert run("3.4", [3]).status == INCORRECT
    assert "all three count people" in run("3.4", 4).message
    assert "does not judge the figures" in run("3.4", 2).message
    assert "names no source" in run("3.4", 1).message


# 3.5 the area widget
def test_3_5_closest_place():
    right = run("3.5", "A6")
    assert right.status == CORRECT and "Washington, D.C." in right.message
    assert "38 km² from 215" in right.message
    for name in ("a6", "Washington, D.C.", "Washington", "DC"):
        assert run("3.5", name).status == CORRECT, name
    assert run("3.5", 6).message.startswith("This answer should be a reference id in quotes")
    near = run("3.5", "A8")
    assert near.status == INCORRECT and "Liechtenstein (A8, 160 km²) is 55.0 km² smaller" in near.message
    assert "one place is closer (within 38 km²)" in near.message
    assert "Malta (A7, 316 km²) is 101.0 km² larger" in run("3.5", "Malta").message
    assert "I don't recognise 'Mars'" in run("3.5", "Mars").message


# 3.6 the figure check widget
def test_3_6_fuel_depot_sources():
    right = run("3.6", 1)
    assert right.status == CORRECT
    source = "C3: Investigative Committee of the Republic of Armenia (AM), “218”, as of 22 Dec 2023"
    assert source in right.message
    assert run("3.6", "1").message.startswith("This answer should be a number (without quotes)")
    assert "sources for F026 (“more than two hundred casualties”)" in run("3.6", 2).message
    assert "3 is the number of sources for F0" in run("3.6", 3).message
    assert "choose F033" in run("3.6", 0).message


# 3.7 written
def test_3_7_written_answer_is_never_machine_marked():
    answer = ("The article says the operation caused “more than two hundred casualties and four hundred "
              "injured in one day” (paragraph 12). Casualties can mean killed, or killed and wounded, so "
              "the Human Rights Defender's count of at least 200 killed (C5, a party source) is the same "
              "measure only in the first reading.")
    feedback = run("3.7", answer)
    assert feedback.status == NOT_MARKED and "all 1 quotation(s) are exact" in feedback.message
    assert "solutions/03_figures.ipynb, task 3.7" in feedback.message
    assert run("3.7", ["casualties"]).message.startswith("This answer should be text in quotes")
    near = run("3.7", "The article reports “200 casualties”.")
    assert near.status == NOT_MARKED and "not found word for word" in near.message
    assert "aim for at least 40" in near.message
