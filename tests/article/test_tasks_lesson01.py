"""Lesson 1's exercise checks: a right, a wrong-type and a near-miss answer per task, the forms
of an answer that are accepted, and wrong-answer feedback that never gives the key."""

from collections import Counter

import numpy as np
import pandas as pd
from task_asserts import wrong

from readingpack.exercises import CORRECT, INCORRECT, NOT_MARKED, TASKS, check, feedback, lesson01
from readingpack.exercises import check_value as run
from readingpack.exercises.tasks import active_task_ids, task_frame


def test_lesson_1_registers_its_active_tasks_of_every_kind_needed():
    kinds = {t.task_id: t.kind for t in TASKS.values() if t.task_id.startswith("1.")}
    assert sorted(kinds) == active_task_ids(1) == ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]
    assert {"code", "choice", "classification", "widget", "written"} <= set(kinds.values())


def test_expected_values_come_from_the_ledger():
    assert lesson01.body_numbers() == list(range(3, 21))
    assert lesson01.longest_body_paragraph() == (12, 215)
    assert lesson01.town_names() == {"AM": "Stepanakert", "AZ": "Khankendi"}
    assert sorted(lesson01.paragraphs_with("Baku")) == [6, 9, 10, 12, 13, 14, 15, 16, 17, 19]


# 1.1 body paragraphs
def test_1_1_body_paragraphs():
    assert run("1.1", 18).message == "Yes: 18 body paragraphs, numbers 3 to 20."
    for form in (np.int64(18), pd.Series([18]), 18.0):
        assert run("1.1", form).status == CORRECT, form
    assert run("1.1", "18").reason == "wrong_type"
    wrong("1.1", 23, "title, standfirst, bylines and bio included", reason="near_miss", hidden=[18])
    wrong("1.1", 20, "the number of the last body paragraph, not the count", reason="near_miss",
          hidden=[18])
    wrong("1.1", 17, "a count of paragraphs includes both ends", reason="near_miss", hidden=[18])
    wrong("1.1", 30, reason="too_high")
    wrong("1.1", 10, reason="too_low")
    wrong("1.1", 18.5, reason="not_whole")


def test_hints_are_added_by_check_only(monkeypatch):
    monkeypatch.setattr(feedback, "_wrong_attempts", Counter())
    hints = task_frame().loc["1.1"]
    assert "Hint:" not in run("1.1", 30).message
    first = check("1.1", {"body_paragraphs": 30})
    assert first.status == INCORRECT and first.message.endswith("Hint: " + hints["hint_method"])
    second = check("1.1", {"body_paragraphs": 30})
    assert second.message.endswith("Hint: " + hints["hint_specific"])
    assert str(first).startswith("✗ Task 1.1: incorrect.")
    assert str(check("1.1", {"body_paragraphs": 18})).startswith("✓ Task 1.1: correct.")
    assert str(check("1.1", {"body_paragraphs": ...})).startswith("… Task 1.1: not answered yet.")


# 1.2 genre
def test_1_2_genre_choice():
    options, key = (f() for f in lesson01.CHOICES["1.2"])
    right = run("1.2", 3)
    assert key == 3 and right.status == CORRECT
    assert "“was a diplomat, representing Armenia in NATO and IAEA”" in right.message
    for form in ("3", " 3 ", 3.0, np.int64(3)):
        assert run("1.2", form).status == CORRECT, form
    wrong("1.2", 2.5, reason="wrong_type")
    wrong("1.2", "three", reason="wrong_type")
    for answer, start in ((1, "Not a news report"), (2, "Not an official statement"),
                          (4, "Not a research paper")):
        message = wrong("1.2", answer).message
        assert message.startswith(start) and options[key - 1] not in message
        assert "option 3" not in message.lower() and "opinion and analysis" not in message
    wrong("1.2", 9, reason="not_an_option")


# 1.3 longest paragraph
def test_1_3_longest_paragraph():
    assert run("1.3", 12).message == "Yes: paragraph 12, 215 words, the longest of the body."
    assert run("1.3", np.int64(12)).status == CORRECT
    wrong("1.3", [12], reason="wrong_type")
    wrong("1.3", 11, "row's index label", reason="near_miss", hidden=[12])
    wrong("1.3", 215, "length of the longest body paragraph in words", reason="near_miss", hidden=[12])
    wrong("1.3", 15, "Paragraph 15 is the second longest (180 words)", reason="near_miss", hidden=[12, 215])
    wrong("1.3", 13, "Paragraph 13 is the shortest body paragraph (40 words)", reason="near_miss",
          hidden=[12, 215])
    wrong("1.3", 4, "Paragraph 4 has", reason="shorter_paragraph", hidden=[12, 215])


# 1.4 the town's names
def test_1_4_town_names():
    right = run("1.4", {"AM": "Stepanakert", "AZ": "Khankendi"})
    assert right.status == CORRECT and "the article uses neither name" in right.message
    assert run("1.4", {"am": " stepanakert", "AZ": "KHANKENDI"}).status == CORRECT
    assert run("1.4", pd.Series({"AM": "Stepanakert", "AZ": "Khankendi"})).status == CORRECT
    wrong("1.4", "Stepanakert", reason="wrong_type")
    swapped = wrong("1.4", {"AM": "Khankendi", "AZ": "Stepanakert"}, reason="names_swapped")
    assert "Stepanakert" not in swapped.message and "Khankendi" not in swapped.message
    wrong("1.4", {"AM": "Stepanakert/Khankendi", "AZ": "Khankendi"}, reason="neutral_name")
    wrong("1.4", {"AM": "Stepanakert"}, "['AZ'] are missing", reason="missing_keys", hidden=["Khankendi"])
    wrong("1.4", {"AM": ..., "AZ": ...}, reason="name_not_text")
    wrong("1.4", {"AM": "Stepanakert", "AZ": "Baku"}, "The name for AZ is not the one", reason="wrong_name",
          hidden=["Khankendi"])


# 1.5 the paragraph reader
def test_1_5_baku_paragraphs():
    expected = [6, 9, 10, 12, 13, 14, 15, 16, 17, 19]
    right = run("1.5", expected)
    assert right.status == CORRECT and "18 times in 10 paragraphs" in right.message
    for form in (tuple(reversed(expected)), [str(p) for p in expected], np.array(expected),
                 pd.Series(expected), set(expected)):
        assert run("1.5", form).status == CORRECT, form
    wrong("1.5", "6, 9", reason="wrong_type")
    wrong("1.5", ["6", "9"], reason="missing_items", hidden=[10, 19])
    wrong("1.5", 18, reason="occurrence_count")
    wrong("1.5", 10, reason="count_not_list")
    near = wrong("1.5", [*expected[:-1], 23], reason="extra_and_missing", hidden=[19])
    assert "missing 1: 19" not in near.message
    wrong("1.5", [*expected, 23], reason="extra_items")


# 1.6 written
def test_1_6_written_answer_is_never_machine_marked():
    low, high = feedback.word_range("1.6")
    assert (low, high) == (40, 100)
    answer = ("According to her bio, the author “was a diplomat, representing Armenia in NATO and IAEA”; "
              "the article is an opinion and analysis piece published by Modern Diplomacy on "
              "22 November 2024, and since 2021 she has worked as an independent analyst.")
    result = run("1.6", answer)
    assert result.status == NOT_MARKED
    assert f"Length: 41 words, within the {low} to {high} the task asks for." in result.message
    assert "Exact: 1 quotation found word for word in the article." in result.message
    assert "NOT FOUND" not in result.message and "never for agreeing or disagreeing" in result.message
    assert run("1.6", 2).reason == "wrong_type"
    inexact = run("1.6", "The author “was an Armenian diplomat for twenty years”.")
    assert inexact.status == NOT_MARKED
    assert "NOT FOUND in the article: “was an Armenian diplomat for twenty years”" in inexact.message
    assert f"Length: 9 words: the task asks for {low} to {high}." in inexact.message
    assert "Exact:" not in inexact.message
    unquoted = run("1.6", "The author was a diplomat and is now an analyst.")
    assert (unquoted.status, unquoted.reason) == (NOT_MARKED, "no_quotation")
