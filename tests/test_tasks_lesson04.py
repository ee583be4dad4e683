"""Lesson 4's exercise checks: a right, a blank, a wrong-type and a near-miss answer per task."""

import re

import pandas as pd

from readingpack.exercises import CORRECT, INCORRECT, NOT_MARKED, TASKS, lesson04
from readingpack.exercises import check_value as run
from readingpack.ledger import load_ledger
from readingpack.widgets.actors import ActorComparison

TASK_IDS = ["4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7"]
SPLIT = "Az\u00a0\u00a0\u00a0\u00a0 erbaijan’s"
FORMS = {"Azerbaijan": 38, "Azerbaijan’s": 10, SPLIT: 1, "Baku": 17, "Baku’s": 1}




def test_lesson_4_has_seven_tasks_of_the_kinds_needed():
    kinds = {t.task_id: t.kind for t in TASKS.values() if t.task_id.startswith("4.")}
    assert sorted(kinds) == TASK_IDS
    assert {"code", "choice", "number", "widget", "written"} <= set(kinds.values())


def test_expected_values_come_from_the_ledger():
    assert lesson04.state_forms() == FORMS
    assert lesson04.mission_paragraphs() == [17]
    assert lesson04.third_actor() == "nk_armenians"
    assert lesson04.pair_relations() == {"folded": 3, "names_only": 2, "shared_paragraphs": 5,
                                         "first_all": 58, "second_all": 7}
    assert lesson04.quoted_key() == 2


# 4.1 surface forms
def test_4_1_azerbaijan_forms():
    right = run("4.1", FORMS)
    assert right.status == CORRECT and "67 mentions in all" in right.message
    assert run("4.1", pd.Series(FORMS)).status == CORRECT
    assert run("4.1", "Azerbaijan, Baku").message.startswith("This answer should be a dictionary")
    assert run("4.1", True).message.startswith("This answer should be a dictionary")
    no_capital = run("4.1", {k: v for k, v in FORMS.items() if not k.startswith("Baku")})
    assert no_capital.status == INCORRECT
    assert no_capital.message.startswith("You counted 'Azerbaijan' but not 'Baku' or 'Baku’s'")
    assert run("4.1", 49).message.startswith("You counted 'Azerbaijan' but not 'Baku'")
    assert "67 is the right total" in run("4.1", 67).message
    no_split = run("4.1", {k: v for k, v in FORMS.items() if k != SPLIT}).message
    assert no_split.startswith("The split form of paragraph 17")
    plain = run("4.1", {**FORMS, "Azerbaijan": 53}).message
    assert "53 for “Azerbaijan” is what a plain text search finds" in plain and "“Azerbaijani”" in plain
    assert "adjective" in run("4.1", {**FORMS, "Azerbaijani": 2}).message
    assert "counts per actor" in run("4.1", {"azerbaijan": 49, "baku": 18}).message


# 4.2 the EU mission
def test_4_2_euma_paragraphs():
    right = run("4.2", [17])
    assert right.status == CORRECT and "3 mentions" in right.message and "“EUMA”" in right.message
    assert run("4.2", (17,)).status == CORRECT
    assert run("4.2", "17").message.startswith("This answer should be a list")
    assert "give a list, even for one number" in run("4.2", 17).message
    eu = run("4.2", [4, 12, 17, 20]).message
    assert "paragraph 4 mentions “EU” (European Union), not the EU mission" in eu
    words = run("4.2", [5, 10, 17, 23]).message
    assert "paragraph 5 has “commissions”" in words and "paragraph 23 has “missions”" in words
    assert "Russian peacekeeping mission" in words
    assert "missing 1: 17" in run("4.2", [12]).message


# 4.3 third most mentioned
def test_4_3_third_actor():
    right = run("4.3", "nk_armenians")
    assert right.status == CORRECT and "11 mentions" in right.message
    assert run("4.3", "Nagorno-Karabakh Armenians").status == CORRECT
    assert run("4.3", 3).message.startswith("This answer should be an actor id in quotes")
    baku = run("4.3", "baku").message
    assert "stands for Azerbaijan's government" in baku and "counted_as" in baku
    assert "Russia has 7 mentions; another actor has more (11)" in run("4.3", "Russia").message
    assert "one of the two the task leaves out" in run("4.3", "armenia").message
    assert "is not an actor of the ledger" in run("4.3", "Karabakh").message


# 4.4 arms supplies
def test_4_4_arms_supply_relations():
    right = run("4.4", 7)
    assert right.status == CORRECT and "5 to Azerbaijan, 2 to Armenia" in right.message
    assert run("4.4", "7").message.startswith("This answer should be a number (without quotes)")
    assert "the gas supply is of type supply" in run("4.4", 8).message
    assert "only the supplies to Azerbaijan" in run("4.4", 5).message
    assert "only the supplies to Armenia" in run("4.4", 2).message
    relations = load_ledger().relations
    assert "right 7 rows" in run("4.4", relations[relations["relation_type"] == "arms_supply"]).message


# 4.5 read off the actor comparison
def test_4_5_pair_relations():
    right = run("4.5", 3)
    assert right.status == CORRECT and "1 of them recorded under the capitals" in right.message
    assert run("4.5", "3").message.startswith("This answer should be a number")
    assert "paragraphs that mention both" in run("4.5", 5).message
    assert "leaves out the relation recorded under the capitals" in run("4.5", 2).message
    assert "all of Russia's relations" in run("4.5", 7).message


def test_4_5_the_widget_shows_the_expected_value():
    widget = ActorComparison(load_ledger())
    widget.second.value = "russia"
    text = re.sub(r"<[^>]+>", "", widget.status.value)
    assert "both are mentioned in 5 paragraphs" in text
    assert f"describes {lesson04.pair_relations()['folded']} relations between them" in text


# 4.6 quoted directly
def test_4_6_quoted_directly():
    right = run("4.6", 2)
    assert right.status == CORRECT and "“disgusting”" in right.message
    assert "without quotes" in run("4.6", "2").message
    assert "paraphrases the position" in run("4.6", 1).message
    assert "the author's evaluation" in run("4.6", 3).message
    assert "from 1 to 4" in run("4.6", 0).message


def test_4_6_options_quote_the_ledger_exactly():
    text = load_ledger().article.text
    for option in lesson04.quote_options():
        quote = option.split(": “", 1)[1][:-1]
        assert quote in text


# 4.7 written
def test_4_7_written_answers_are_not_machine_marked():
    answer = ("In paragraph 15 the article reports Baku's demand: “Baku also demands Armenia to change its "
              "constitution as a key pre-condition for the peace agreement.” In paragraph 5 the author "
              "writes in her own voice: “Azerbaijan’s bellicose rhetoric continues”. The verb “demands” "
              "marks the first as reported.")
    feedback = run("4.7", answer)
    assert feedback.status == NOT_MARKED
    assert "all 3 quotation(s) are exact" in feedback.message
    assert "solutions/04_actors.ipynb, task 4.7" in feedback.message
    assert run("4.7", ["a", "list"]).message.startswith("This answer should be text in quotes")
    inexact = run("4.7", "The author calls Azerbaijan's rhetoric “bellicose and aggressive”.")
    assert "not found word for word" in inexact.message


