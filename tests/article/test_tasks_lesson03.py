"""Lesson 3's exercise checks: a right, a wrong-type and a near-miss answer per task, the forms
of an answer that are accepted, and wrong-answer feedback that never gives the key."""


import numpy as np
import pandas as pd
import pytest
from task_asserts import wrong

from readingpack.exercises import CORRECT, NOT_MARKED, TASKS, lesson03
from readingpack.exercises import check_value as run
from readingpack.exercises.tasks import task_frame

DEATHS = ["F030", "F033", "F035"]




def test_lesson_3_registers_its_active_tasks_of_every_kind_needed():
    table = task_frame()
    active = sorted(table.index[(table["lesson"] == 3) & (table["status"] == "active")])
    kinds = {t.task_id: t.kind for t in TASKS.values() if t.task_id.startswith("3.")}
    assert sorted(kinds) == active and len(active) == 9
    assert {"code", "choice", "classification", "number", "widget", "written", "chart"} <= set(kinds.values())


def test_expected_values_come_from_the_ledger():
    low, armenia, share = lesson03.area_share()
    assert (low, armenia) == (215, 29743) and share == pytest.approx(0.7229, abs=1e-4)
    assert lesson03.death_figures() == DEATHS
    assert lesson03.closest_place()["id"] == "A6"
    assert "at_least" in lesson03.qualifier_labels()


# 3.1 qualifier
def test_3_1_area_qualifier():
    right = run("3.1", "at_least")
    assert right.status == CORRECT and right.message.startswith("215 is a lower bound: at_least")
    for form in ("At least", " at-least ", pd.Series(["at_least"]), np.str_("at_least")):
        assert run("3.1", form).status == CORRECT, form
    wrong("3.1", 215, reason="wrong_type")
    wrong("3.1", "more_than", reason="wrong_label", hidden=["at_least"])
    wrong("3.1", "exact", reason="wrong_label", hidden=["at_least"])
    wrong("3.1", "approximately", reason="wrong_label", hidden=["at_least"])
    wrong("3.1", "at_lest", reason="unknown_label")


# 3.2 share of Armenia
def test_3_2_share_of_armenia():
    right = run("3.2", 0.72)
    assert right.status == CORRECT and "at least 0.72% of Armenia's total area" in right.message
    for form in (215 / 29743 * 100, np.float64(0.7229), pd.Series([0.72])):
        assert run("3.2", form).status == CORRECT, form
    wrong("3.2", "0.72", reason="wrong_type")
    wrong("3.2", 215 / 29743, "as a fraction", reason="near_miss")
    wrong("3.2", 0.0072, "as a fraction", reason="near_miss", hidden=["0.72"])
    wrong("3.2", 29743 / 215, "divided the wrong way round", reason="near_miss", hidden=["0.72"])
    wrong("3.2", 138, "divided the wrong way round", reason="near_miss")
    wrong("3.2", 29743 / 215 * 100, "divided the wrong way round", reason="near_miss")
    wrong("3.2", 0.25, "percentage of Azerbaijan (total) (A2)", reason="near_miss", hidden=["0.72"])
    wrong("3.2", 68, "percentage of Malta (A7)", reason="near_miss", hidden=["0.72"])
    wrong("3.2", 5, reason="too_high")
    wrong("3.2", 0.1, reason="too_low")


# 3.3 figures that count deaths
def test_3_3_death_figures():
    right = run("3.3", DEATHS)
    assert right.status == CORRECT and "do not add them up" in right.message
    for form in ({"f035", "F030", " F033"}, tuple(DEATHS), pd.Series(DEATHS), np.array(DEATHS)):
        assert run("3.3", form).status == CORRECT, form
    wrong("3.3", "F030", reason="wrong_type")
    wrong("3.3", [30, 33, 35], reason="wrong_type")
    casualties = wrong("3.3", ["F026", *DEATHS], reason="extra_items")
    assert "F026 (“more than two hundred casualties”) counts casualties" in casualties.message
    assert "killed, or killed and wounded" in casualties.message
    wrong("3.3", ["F033", "F034"], "F034 (“50 went missing”) counts people missing, not deaths",
          reason="extra_and_missing")
    wrong("3.3", ["F033"], reason="missing_items")
    wrong("3.3", ["F099"], "not a figure id of the ledger", reason="extra_and_missing")


def test_3_3_feedback_does_not_name_the_missing_figures():
    wrong("3.3", ["F033", "F034"], "2 figures that count deaths are missing", reason="extra_and_missing",
          hidden=["F030", "F035", "27 civilians"])


# 3.4 why no sum
def test_3_4_no_sum_choice():
    options, key = (f() for f in lesson03.CHOICES["3.4"])
    right = run("3.4", 1)
    assert key == 1 and right.status == CORRECT
    assert "turn a lower bound into a number that looks exact" in right.message
    for form in ("1", 1.0, np.int64(1), pd.Series([1])):
        assert run("3.4", form).status == CORRECT, form
    wrong("3.4", [1, 2], reason="wrong_type")
    for answer, phrase in ((4, "all three count people"), (3, "the article gives no total"),
                           (2, "names no source")):
        message = wrong("3.4", answer, phrase, reason="wrong_option").message
        assert options[key - 1] not in message and "different groups" not in message
    wrong("3.4", 0, reason="not_an_option")


# 3.5 the area widget
def test_3_5_closest_place():
    right = run("3.5", "A6")
    assert right.status == CORRECT and "Washington, D.C." in right.message
    assert "38 km² from 215" in right.message
    for name in ("a6", " A6 ", "Washington, D.C.", "Washington", "DC", np.str_("A6")):
        assert run("3.5", name).status == CORRECT, name
    wrong("3.5", 6, reason="wrong_type")
    wrong("3.5", "A8", "Liechtenstein (A8, 160 km²) is 55.0 km² smaller",
          "one place is closer (within 38 km²)", reason="not_closest", hidden=["A6", "Washington"])
    wrong("3.5", "Malta", "Malta (A7, 316 km²) is 101.0 km² larger", reason="not_closest",
          hidden=["A6", "Washington"])
    wrong("3.5", "Mars", "I don't recognise 'Mars'", reason="unknown_place", hidden=["A6", "Washington"])


# 3.6 the figure check widget
def test_3_6_fuel_depot_sources():
    right = run("3.6", 1)
    assert right.status == CORRECT
    source = "C3: Investigative Committee of the Republic of Armenia (AM), “218”, as of 22 Dec 2023"
    assert source in right.message
    assert run("3.6", np.int64(1)).status == CORRECT
    wrong("3.6", "1", reason="wrong_type")
    wrong("3.6", 2, "sources for F026 (“more than two hundred casualties”)", reason="near_miss",
          hidden=[1, "C3"])
    wrong("3.6", 3, "3 is the number of sources for F0", reason="near_miss", hidden=[1, "C3"])
    wrong("3.6", 0, "choose F033", reason="near_miss", hidden=[1, "C3"])
    wrong("3.6", 5, "5 is the number of sources for F015", reason="near_miss", hidden=[1, "C3"])
    wrong("3.6", 9, reason="too_high")


# 3.7 written
def test_3_7_written_answer_is_never_machine_marked():
    low, high = task_frame().loc["3.7", ["min_words", "max_words"]].astype(int)
    assert (low, high) == (60, 160)
    answer = ("The article says the operation caused “more than two hundred casualties and four hundred "
              "injured in one day” (paragraph 12). Casualties can mean killed, or killed and wounded, so "
              "the Human Rights Defender's count of at least 200 killed (C5, a party source) is the same "
              "measure only in the first reading.")
    result = run("3.7", answer)
    assert result.status == NOT_MARKED
    assert f"Length: 52 words: the task asks for {low} to {high}." in result.message
    assert "Exact: 1 quotation found word for word in the article." in result.message
    assert "NOT FOUND" not in result.message
    assert run("3.7", ["casualties"]).reason == "wrong_type"
    near = run("3.7", "The article reports “200 casualties”.")
    assert near.status == NOT_MARKED
    assert "NOT FOUND in the article: “200 casualties”" in near.message
    assert "Only short quotations (under three words)" in near.message
    assert run("3.7", "Casualties can mean killed, or killed and wounded.").reason == "no_quotation"
