"""Lesson 6's exercise checks: a right answer, blanks, a wrong type and near misses per task."""

import re
import subprocess
import sys

import pandas as pd

from readingpack.evidence.positions import PositionsData
from readingpack.evidence.sources import fact_sides
from readingpack.exercises import (
    CORRECT,
    INCORRECT,
    NOT_MARKED,
    choices,
    lesson06,
    tasks_for_lesson,
)
from readingpack.exercises import check_value as run
from readingpack.ledger import load_ledger

ONE_SIDE = ["azerbaijan_constitution", "eu_mission", "international_presence", "nk_status",
            "self_governance", "september_2023", "western_role"]


def test_expected_values_come_from_the_ledger():
    assert lesson06.expected_both() == 8
    assert lesson06.expected_one_side() == set(ONE_SIDE)
    assert lesson06.expected_label() == "“Zangezour corridor”"
    widget_issue, widget_fact = (lesson06.task_setting(k) for k in ("widget_issue", "widget_fact"))
    assert lesson06.after_facts(widget_issue) == [widget_fact]


def test_an_authors_reading_is_never_counted_as_a_governments_position():
    positions = load_ledger()["positions"]
    readings = positions[positions["kind"] == "authors_reading"]
    assert len(readings) > 0 and readings["quote"].isna().all()
    reported = lesson06._reported()
    assert set(reported["position_id"]).isdisjoint(readings["position_id"])
    # the notebooks count the rows with a quote: the same rows as kind "reported"
    assert set(reported["position_id"]) == set(positions.dropna(subset=["quote"])["position_id"])
    # on the Lachin road the article gives only the author's reading: neither side is counted
    assert lesson06.sides_per_issue().get("lachin_road", 0) == 0


def test_lesson_6_has_six_tasks_from_guided_to_open():
    tasks = tasks_for_lesson(6)
    assert [t.task_id for t in tasks] == [f"6.{k}" for k in range(1, 7)]
    assert {t.kind for t in tasks} == {"number", "code", "widget", "classification", "written"}


def test_the_choice_and_classification_keys_match_the_ledger():
    facts = load_ledger()["reference_facts"].set_index("id")
    assert "change to Armenia's constitution" in facts.loc["E11", "note"]
    assert "13 Mar 2025" in facts.loc["E11", "value"]
    assert fact_sides(load_ledger()).loc["E11", "side"].startswith("AM; AZ")
    assert "initialled (did not sign)" in facts.loc["E12", "value"]
    assert lesson06.task_setting("other_later_fact") == "E12"
    assert "E12" not in lesson06.after_facts(lesson06.task_setting("widget_issue"))
    row = load_ledger()["positions"].set_index("position_id").loc[lesson06.task_setting("classified_row")]
    assert row["government"] == "armenia" and row["kind"] == "reported"
    assert "doesn’t demand to amend" in row["quote"]
    assert row["quote"] in load_ledger().article.text


def test_6_1_issues_with_both_sides():
    right = run("6.1", 8)
    assert right.status == CORRECT and "8 of the 16 issues" in right.message
    assert "author's account" in right.message
    assert "empty quote" in run("6.1", 16).message
    assert "only one side" in run("6.1", 7).message
    assert "Armenia's government" in run("6.1", 9).message
    assert "Azerbaijan's government" in run("6.1", 14).message
    assert "not issues" in run("6.1", 31).message
    assert {run("6.1", near).reason for near in (16, 7, 9, 14, 31)} == {"near_miss"}
    assert run("6.1", 23).reason == "too_high"
    assert run("6.1", "8").reason == "wrong_type"
    assert run("6.1", 8.0).status == CORRECT
    for wrong in (16, 7, 9, 14, 31, 23):
        assert not re.search(r"\b8\b", run("6.1", wrong).message)


def test_6_2_issues_with_one_side_only():
    right = run("6.2", ONE_SIDE)
    assert right.status == CORRECT and "All 7" in right.message
    assert "only Armenia's" in right.message and "not that the government has none" in right.message
    assert run("6.2", pd.Series(ONE_SIDE)).status == CORRECT
    assert run("6.2", pd.Index(ONE_SIDE)).status == CORRECT
    assert run("6.2", [i.upper() for i in ONE_SIDE]).status == CORRECT
    counts = run("6.2", pd.Series(1, index=ONE_SIDE))  # the ids sit in the index: the values are read
    assert counts.status == INCORRECT and "give .index.tolist() instead" in counts.message
    one_way = run("6.2", [i for i in ONE_SIDE if i != "azerbaijan_constitution"])
    assert (one_way.status, one_way.reason) == (INCORRECT, "one_direction_only")
    both = run("6.2", sorted(set(load_ledger()["issues"]["issue_id"]) - set(ONE_SIDE)))
    assert both.reason == "both_or_neither"
    sides = lesson06.sides_per_issue()
    assert run("6.2", sorted(sides[sides == 2].index)).reason == "both_or_neither"
    described = run("6.2", ["The EU Mission in Armenia (EUMA)"])
    assert described.reason == "descriptions_not_ids"
    few = run("6.2", ["eu_mission"])
    assert (few.status, few.reason) == (INCORRECT, "missing_items")
    assert not [i for i in ONE_SIDE[:1] + ONE_SIDE[2:] if i in few.message]
    extra = run("6.2", [*ONE_SIDE[1:], "lachin_road"])
    assert extra.reason == "extra_and_missing" and "'lachin_road'" in extra.message
    assert ONE_SIDE[0] not in extra.message
    assert run("6.2", "eu_mission").reason == "wrong_type"
    assert run("6.2", pd.DataFrame({"issue_id": ONE_SIDE})).reason == "table_given"


def test_6_2_the_one_way_near_miss_does_not_name_the_missing_id():
    one_way = run("6.2", [i for i in ONE_SIDE if i != "azerbaijan_constitution"])
    assert one_way.status == INCORRECT and "azerbaijan_constitution" not in one_way.message


def test_6_3_the_label_is_quoted_exactly():
    right = run("6.3", "“Zangezour corridor”")
    assert right.status == CORRECT and "“Crossroads of Peace”" in right.message
    assert "[sic]" not in right.message and "transliteration" in right.message
    assert run("6.3", "Zangezour corridor").reason == "quotes_left_out"
    assert run("6.3", '"Zangezour corridor"').reason == "straight_quotes"
    assert run("6.3", " Zangezour corridor ").reason == "quotes_left_out"
    misspelt = run("6.3", "“Zangezur corridor”")
    assert misspelt.reason == "other_spelling" and "Zangezour" not in misspelt.message
    assert run("6.3", "“zangezour corridor”").reason == "wrong_capitals"
    assert run("6.3", " “Zangezour corridor” ").status == CORRECT  # stray spaces are dropped
    other_side = run("6.3", "“Crossroads of Peace”")
    assert (other_side.status, other_side.reason) == (INCORRECT, "other_row_label")
    assert "Armenia's government" in other_side.message
    unknown = run("6.3", "corridor")
    assert unknown.reason == "not_the_label" and "label column" in unknown.message
    assert run("6.3", 14).reason == "wrong_type"
    assert run("6.3", pd.Series(["“Zangezour corridor”"])).status == CORRECT  # a one-row Series
    two_rows = run("6.3", pd.Series(["“Zangezour corridor”", "“Crossroads of Peace”"]))
    assert (two_rows.status, two_rows.reason) == (INCORRECT, "table_given") and ".iloc[0]" in two_rows.message


def test_6_4_the_widget_box_shows_what_the_choice_expects():
    data = PositionsData()
    shown = data.after_facts(lesson06.task_setting("widget_issue"))
    assert shown == ["E11"]
    assert "change to Armenia's constitution" in data.fact_record("E11")["note"]
    assert data.after_caveat.startswith("Context only")
    options = lesson06.after_options()
    assert options[0].startswith("Reference fact E12: on 8 August 2025, at the White House")
    assert options[1].startswith("Reference fact E11: on 13 March 2025 both ministries")


def test_6_4_later_events_are_context_not_a_score():
    right = run("6.4", 2)
    assert right.status == CORRECT and "E11" in right.message and "not a verdict" in right.message
    for verdict in (4, 5):
        feedback = run("6.4", verdict)
        assert (feedback.status, feedback.reason) == (INCORRECT, "wrong_option")
        assert feedback.message.startswith("Later events are context")
    assert "initialled, not signed" in run("6.4", 1).message
    assert "“planned in 2027”" in run("6.4", 3).message
    assert run("6.4", "2").status == CORRECT
    assert run("6.4", 2.0).status == CORRECT
    assert run("6.4", 6).reason == "not_an_option"
    assert run("6.4", 2.5).reason == "wrong_type"
    for wrong in (1, 3, 4, 5):
        assert "option 2" not in run("6.4", wrong).message.lower()


def test_6_5_demand_or_stated_position():
    right = run("6.5", "stated_position")
    assert right.status == CORRECT and "doesn’t demand to amend those documents”" in right.message
    assert run("6.5", "Stated position").status == CORRECT
    negated = run("6.5", "demand")
    assert (negated.status, negated.reason) == (INCORRECT, "wrong_label") and "but negated" in negated.message
    misspelt = run("6.5", "stated_positon")
    assert misspelt.reason == "unknown_label" and "Did you mean 'stated_position'?" in misspelt.message
    assert run("6.5", 7).reason == "wrong_type"


def test_6_6_written_answers_are_not_machine_marked():
    answer = ("The article reports that “Armenia is instead offering to open communications” in "
              "paragraph 19, and that Baku and Moscow “jointly demand an extraterritorial” route.")
    feedback = run("6.6", answer)
    assert feedback.status == NOT_MARKED
    assert "Exact: 2 quotations found word for word in the article." in feedback.message
    assert "Length: 24 words: the task asks for 60 to 150." in feedback.message
    straight = run("6.6", "The article quotes the “Zangezur corridor” as Baku's demand.")
    assert "NOT FOUND in the article: “Zangezur corridor”" in straight.message
    assert run("6.6", 42).reason == "wrong_type"


def test_the_checks_of_lessons_6_and_7_import_no_widget():
    code = ("import sys, readingpack.exercises.lesson06, readingpack.exercises.lesson07; "
            "assert not {'readingpack.widgets.positions', 'readingpack.widgets.framing'} & set(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_6_4_options_are_of_comparable_length():
    lengths = [len(option) for option in lesson06.after_options()]
    key = lengths[choices.key("6.4") - 1]
    others = [n for i, n in enumerate(lengths) if i != choices.key("6.4") - 1]
    assert max(lengths) <= 1.5 * min(lengths)
    assert key <= 1.15 * sum(others) / len(others) and key < max(lengths)
