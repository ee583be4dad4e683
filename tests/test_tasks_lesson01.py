"""Lesson 1's exercise checks: a right, a blank, a wrong-type and a near-miss answer per task."""


from readingpack.exercises import CORRECT, INCORRECT, NOT_MARKED, TASKS, lesson01
from readingpack.exercises import check_value as run


def test_lesson_1_has_six_tasks_of_every_kind_needed():
    kinds = {t.task_id: t.kind for t in TASKS.values() if t.task_id.startswith("1.")}
    assert len(kinds) >= 6
    assert {"code", "choice", "classification", "widget", "written"} <= set(kinds.values())


def test_expected_values_come_from_the_ledger():
    assert lesson01.body_numbers() == list(range(3, 21))
    assert lesson01.longest_body_paragraph() == (12, 215)
    assert lesson01.town_names() == {"AM": "Stepanakert", "AZ": "Khankendi"}
    assert sorted(lesson01.paragraphs_with("Baku")) == [6, 9, 10, 12, 13, 14, 15, 16, 17, 19]


# 1.1 body paragraphs
def test_1_1_body_paragraphs():
    assert run("1.1", 18).message == "Yes: 18 body paragraphs, numbers 3 to 20."
    assert run("1.1", "18").message.startswith("This answer should be a number (without quotes)")
    near = run("1.1", 23)
    assert near.status == INCORRECT and "title, standfirst, bylines and bio included" in near.message
    assert "the number of the last body paragraph, not the count" in run("1.1", 20).message
    assert "17 is one short" in run("1.1", 17).message
    assert run("1.1", 30).message == "30 is too high for the number of body paragraphs."


# 1.2 genre
def test_1_2_genre_choice():
    right = run("1.2", 2)
    assert right.status == CORRECT
    assert "“was a diplomat, representing Armenia in NATO and IAEA”" in right.message
    assert run("1.2", "2").message == "Write the number without quotes: 2, not '2'."
    assert run("1.2", 2.5).status == INCORRECT
    assert run("1.2", 1).message.startswith("Not a news report")
    assert run("1.2", 3).message.startswith("Not an official statement")
    assert "from 1 to 4" in run("1.2", 9).message


# 1.3 longest paragraph
def test_1_3_longest_paragraph():
    assert run("1.3", 12).message == "Yes: paragraph 12, 215 words, the longest of the body."
    assert run("1.3", [12]).message.startswith("This answer should be a number")
    assert "row's index label" in run("1.3", 11).message
    assert "length of the longest body paragraph in words" in run("1.3", 215).message
    assert "Paragraph 15 is the second longest (180 words)" in run("1.3", 15).message
    assert "Paragraph 13 is the shortest body paragraph (40 words)" in run("1.3", 13).message


# 1.4 the town's names
def test_1_4_town_names():
    right = run("1.4", {"AM": "Stepanakert", "AZ": "Khankendi"})
    assert right.status == CORRECT and "the article uses neither name" in right.message
    assert run("1.4", {"am": " stepanakert", "AZ": "KHANKENDI"}).status == CORRECT
    assert run("1.4", "Stepanakert").message.startswith("This answer should be a dictionary")
    assert "You swapped the two names" in run("1.4", {"AM": "Khankendi", "AZ": "Stepanakert"}).message
    neutral = run("1.4", {"AM": "Stepanakert/Khankendi", "AZ": "Khankendi"})
    assert "the pack's neutral default" in neutral.message
    assert "['AZ'] are missing" in run("1.4", {"AM": "Stepanakert"}).message
    assert "Each name should be text" in run("1.4", {"AM": ..., "AZ": ...}).message
    assert "The name for AZ is not the one" in run("1.4", {"AM": "Stepanakert", "AZ": "Baku"}).message


# 1.5 the paragraph reader
def test_1_5_baku_paragraphs():
    expected = [6, 9, 10, 12, 13, 14, 15, 16, 17, 19]
    right = run("1.5", expected)
    assert right.status == CORRECT and "18 times in 10 paragraphs" in right.message
    assert run("1.5", tuple(reversed(expected))).status == CORRECT
    assert run("1.5", "6, 9").message.startswith("This answer should be a list")
    assert "without quotes" in run("1.5", ["6", "9"]).message
    assert "how many times" in run("1.5", 18).message
    assert "how many paragraphs" in run("1.5", 10).message
    near = run("1.5", [*expected[:-1], 23])
    assert near.status == INCORRECT and "missing 1: 19" in near.message and "not expected: 23" in near.message


# 1.6 written
def test_1_6_written_answer_is_never_machine_marked():
    answer = ("According to her bio, the author “was a diplomat, representing Armenia in NATO and IAEA”; "
              "the article is an opinion and analysis piece published by Modern Diplomacy on "
              "22 November 2024, and since 2021 she has worked as an independent analyst.")
    feedback = run("1.6", answer)
    assert feedback.status == NOT_MARKED
    assert "all 1 quotation(s) are exact" in feedback.message
    assert "solutions/01_article_and_setting.ipynb, task 1.6" in feedback.message
    assert run("1.6", 2).message.startswith("This answer should be text in quotes")
    inexact = run("1.6", "The author “was an Armenian diplomat for twenty years”.")
    assert inexact.status == NOT_MARKED and "not found word for word" in inexact.message
    assert "aim for at least 30" in inexact.message
