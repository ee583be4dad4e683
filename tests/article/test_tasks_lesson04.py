"""Lesson 4's exercise checks: a right, a wrong-type and a near-miss answer per task, the forms
of an answer that are accepted, and wrong-answer feedback that never gives the key."""

import re

import numpy as np
import pandas as pd
from task_asserts import wrong

from readingpack.exercises import CORRECT, NOT_ANSWERED, NOT_MARKED, TASKS, check, lesson04
from readingpack.exercises import check_value as run
from readingpack.exercises.tasks import task_frame
from readingpack.ledger import load_ledger
from readingpack.widgets.actors import ActorComparison

TASK_IDS = ["4.1", "4.2", "4.3", "4.5", "4.6", "4.7", "4.8"]
SPLIT = "Az\u00a0\u00a0\u00a0\u00a0 erbaijan’s"
FORMS = {"Azerbaijan": 38, "Azerbaijan’s": 10, SPLIT: 1, "Baku": 17, "Baku’s": 1}




def test_lesson_4_registers_its_active_tasks_of_the_kinds_needed():
    table = task_frame()
    active = sorted(table.index[(table["lesson"] == 4) & (table["status"] == "active")])
    kinds = {t.task_id: t.kind for t in TASKS.values() if t.task_id.startswith("4.")}
    assert sorted(kinds) == active == TASK_IDS
    assert {"code", "choice", "widget", "written"} <= set(kinds.values())


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
    assert run("4.1", {k: np.int64(v) for k, v in FORMS.items()}).status == CORRECT
    wrong("4.1", "Azerbaijan, Baku", reason="wrong_type")
    wrong("4.1", True, reason="wrong_type")
    no_capital = wrong("4.1", {k: v for k, v in FORMS.items() if not k.startswith("Baku")},
                       reason="wrong_counts", hidden=[17])
    assert no_capital.message.startswith("You counted 'Azerbaijan' but not 'Baku' or 'Baku’s'")
    wrong("4.1", 49, reason="capital_not_counted")
    wrong("4.1", 67, "67 is the right total", reason="total_not_per_form")
    no_split = wrong("4.1", {k: v for k, v in FORMS.items() if k != SPLIT}, reason="wrong_counts").message
    assert no_split.startswith("The split form of paragraph 17") and "4 of 5 right" in no_split
    too_many = wrong("4.1", {**FORMS, "Azerbaijan": 53}, "“Azerbaijani”", reason="wrong_counts", hidden=[38])
    assert "53 for “Azerbaijan” is what a plain text search finds" in too_many.message
    assert "'Azerbaijan': your count is too high" in too_many.message
    wrong("4.1", {**FORMS, "Azerbaijan": 30}, "'Azerbaijan': your count is too low", reason="wrong_counts",
          hidden=[38])
    wrong("4.1", {**FORMS, "Azerbaijani": 2}, "adjective", "'Azerbaijani' not expected here",
          reason="wrong_counts")
    wrong("4.1", {"azerbaijan": 49, "baku": 18}, reason="counts_per_actor", hidden=[38, 17])


# 4.2 the EU mission
def test_4_2_euma_paragraphs():
    right = run("4.2", [17])
    assert right.status == CORRECT and "3 mentions" in right.message and "“EUMA”" in right.message
    for form in ((17,), ["17"], {17}, np.array([17]), pd.Series([17]), [17.0]):
        assert run("4.2", form).status == CORRECT, form
    wrong("4.2", "seventeen", reason="wrong_type")
    wrong("4.2", 17, reason="one_item_not_list")
    wrong("4.2", [4, 12, 17, 20], "paragraph 4 mentions “EU” (European Union), not the EU mission",
          reason="extra_items")
    words = wrong("4.2", [5, 10, 17, 23], reason="extra_items").message
    assert "paragraph 5 has “commissions”" in words and "paragraph 23 has “missions”" in words
    assert "Russian peacekeeping mission" in words
    wrong("4.2", [12], "paragraph 12 mentions “EU”", reason="extra_and_missing")


def test_4_2_feedback_does_not_name_the_missing_paragraph():
    wrong("4.2", [12], "1 is missing", reason="extra_and_missing", hidden=[17])


# 4.3 third most mentioned
def test_4_3_third_actor():
    right = run("4.3", "nk_armenians")
    assert right.status == CORRECT and "11 mentions" in right.message
    for form in ("Nagorno-Karabakh Armenians", "NK_ARMENIANS", " nk_armenians ", pd.Series(["nk_armenians"])):
        assert run("4.3", form).status == CORRECT, form
    hidden = ["nk_armenians", "Nagorno-Karabakh Armenians"]
    wrong("4.3", 3, reason="wrong_type")
    wrong("4.3", "baku", "counted_as", reason="capital_not_folded", hidden=hidden)
    wrong("4.3", "Russia", "Russia has 7 mentions; another actor has more (11)", reason="fewer_mentions",
          hidden=hidden)
    wrong("4.3", "armenia", reason="left_out_actor", hidden=hidden)
    wrong("4.3", "Karabakh", reason="unknown_actor", hidden=hidden)


# 4.4 arms supplies
def test_4_4_is_retired():
    feedback = check("4.4", {})
    assert feedback.status == NOT_MARKED and "a count of pre-coded relations" in feedback.message


def test_4_5_pair_relations():
    right = run("4.5", 3)
    assert right.status == CORRECT and "1 of them recorded under the capitals" in right.message
    assert run("4.5", 3.0).status == CORRECT and run("4.5", np.int64(3)).status == CORRECT
    wrong("4.5", "3", reason="wrong_type")
    wrong("4.5", 5, "paragraphs that mention both", reason="near_miss", hidden=[3])
    wrong("4.5", 2, "leaves out the relation recorded under the capitals", reason="near_miss", hidden=[3])
    wrong("4.5", 7, "all of Russia's relations", reason="near_miss", hidden=[3])
    wrong("4.5", 58, "all of Azerbaijan's relations", reason="near_miss", hidden=[3])
    wrong("4.5", 4, reason="too_high")


def test_4_5_the_widget_shows_the_expected_value():
    widget = ActorComparison(load_ledger())
    widget.second.value = "russia"
    text = re.sub(r"<[^>]+>", "", widget.status.value)
    assert "both are mentioned in 5 paragraphs" in text
    assert f"describes {lesson04.pair_relations()['folded']} relations between them" in text


# 4.6 quoted directly
def test_4_6_quoted_directly():
    options, key = lesson04.CHOICES["4.6"]
    options, key = options(), key()
    right = run("4.6", 2)
    assert right.status == CORRECT and "“disgusting”" in right.message
    for form in ("2", 2.0, np.int64(2)):
        assert run("4.6", form).status == CORRECT, form
    wrong("4.6", "two", reason="wrong_type")
    for answer, phrase in ((1, "paraphrases the position"), (3, "the author's evaluation"),
                           (4, "the author's evaluation")):
        message = wrong("4.6", answer, phrase, reason="wrong_option").message
        assert options[key - 1] not in message and "disgusting" not in message and "CL121" not in message
    wrong("4.6", 0, reason="not_an_option")


def test_4_6_options_quote_the_ledger_exactly():
    text = load_ledger().article.text
    for option in lesson04.quote_options():
        quote = option.split(": “", 1)[1][:-1]
        assert quote in text


# 4.7 written
def test_4_7_written_answers_are_not_machine_marked():
    low, high = task_frame().loc["4.7", ["min_words", "max_words"]].astype(int)
    assert (low, high) == (80, 150)
    answer = ("In paragraph 15 the article reports Baku's demand: “Baku also demands Armenia to change its "
              "constitution as a key pre-condition for the peace agreement.” In paragraph 5 the author "
              "writes in her own voice: “Azerbaijan’s bellicose rhetoric continues”. The verb “demands” "
              "marks the first as reported.")
    result = run("4.7", answer)
    assert result.status == NOT_MARKED
    assert f"Length: 46 words: the task asks for {low} to {high}." in result.message
    assert "Exact: 2 quotations found word for word in the article." in result.message
    assert "Also 1 short quotation of a word or two" in result.message
    assert run("4.7", ["a", "list"]).reason == "wrong_type"
    inexact = run("4.7", "The author calls Azerbaijan's rhetoric “bellicose and aggressive”.")
    assert inexact.status == NOT_MARKED
    assert "NOT FOUND in the article: “bellicose and aggressive”" in inexact.message
    long = run("4.7", "word " * 160 + "“Azerbaijan’s bellicose rhetoric continues”")
    assert "Length: 164 words: the task asks for 80 to 150; cut it down." in long.message


# 4.8: a decision by the codebook's speaker rules, compared with the ledger
def test_4_8_speakers_decided():
    expected = lesson04.expected_speakers()
    assert expected == {"CL006": "aliyev", "CL086": "armenia", "CL104": "sossi_tatikyan",
                        "CL053": "unnamed_sources"}
    assert lesson04.deciding_rule("CL104") == "tie-break rule 2 (“Characterising is not reporting”)"
    assert lesson04.deciding_rule("CL053") == "tie-break rule 1 (“Reported words come first”)"
    right = run("4.8", {"cl006": "Ilham Aliyev", "CL086": "Armenia", "CL104": "the author",
                        "CL053": "unnamed sources"})
    assert right.status == CORRECT and "4 of 4 agree" in right.message
    assert "tie-break rule 2" in right.message
    # The author for a reported statement, and an actor for the author's characterisation:
    # each difference names the rule, never the ledger's speaker.
    flipped = wrong("4.8", {"CL006": "author", "CL086": "armenia", "CL104": "aliyev",
                            "CL053": "baku"}, "1 of 4 agree",
                    "CL006: you chose Sossi Tatikyan", "tie-break rule 1", reason="speakers_differ",
                    hidden=["unnamed sources"])
    assert "CL104: you chose Ilham Aliyev" in flipped.message
    assert "Aliyev" not in flipped.message.split("CL006:")[1].split("CL086:")[0]
    wrong("4.8", {"CL006": "aliyev"}, "missing: CL053, CL086, CL104", reason="missing_keys")
    wrong("4.8", {"CL006": "nobody", "CL086": "armenia", "CL104": "author", "CL053": "unnamed_sources"},
          "'nobody' is not an actor of actors.csv", reason="speakers_differ")
    wrong("4.8", "aliyev", reason="wrong_type")
    left = run("4.8", {claim: ... for claim in expected})
    assert (left.status, left.reason) == (NOT_ANSWERED, "blank")
    partly = run("4.8", {**dict.fromkeys(expected, ...), "CL006": "aliyev"})
    assert (partly.status, partly.reason) == (NOT_ANSWERED, "blank")
    assert "still to decide: CL086, CL104, CL053" in partly.message
