"""readingpack.checking: the rules that give each check its neutral outcome, and the table."""

import math

import pandas as pd
import pytest

from readingpack import checking
from readingpack.checking import (
    CONSISTENT,
    DIFFERS,
    OUTCOMES,
    ROUGHLY,
    UNCHECKED,
    Range,
    compare_dates,
    compare_numbers,
    number_range,
)
from readingpack.ledger import load_ledger

LEDGER = load_ledger()
CHECKS = checking.check_table(LEDGER)


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


# ---- numbers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "best", "high", "qualifier", "expected"),
    [
        (None, 218, None, "exact", Range(218, 218)),
        (None, 200, None, "approximately", Range(200, 200)),
        (220, None, None, "at_least", Range(220, math.inf)),
        (200, None, None, "more_than", Range(200, math.inf)),
        (None, None, 1, "at_most", Range(0, 1)),
        (None, None, None, "exact", None),
    ],
)
def test_number_range(low, best, high, qualifier, expected):
    assert number_range(low, best, high, qualifier) == expected


def test_n1_same_number_and_qualifier_is_consistent():
    assert compare_numbers(Range(215, math.inf), "at_least", Range(215, math.inf), "at_least",
                           "same_measure") == ("N1", CONSISTENT, "The same number with the same qualifier.")


def test_n2_overlap_is_consistent_for_the_same_measure_only():
    rule, outcome, _ = compare_numbers(Range(200, math.inf), "more_than", Range(200, math.inf),
                                       "at_least", "same_measure")
    assert (rule, outcome) == ("N2", CONSISTENT)
    rule, outcome, reason = compare_numbers(Range(200, math.inf), "more_than", Range(200, math.inf),
                                            "at_least", "comparable_measure")
    assert (rule, outcome) == ("N2", ROUGHLY)
    assert "do not count exactly the same thing" in reason


def test_n3_a_gap_within_ten_percent_is_roughly_consistent():
    assert compare_numbers(Range(220, math.inf), "at_least", Range(218, 218), "exact", "same_measure") == (
        "N3", ROUGHLY, "The values are 2 apart, 0.9% of the larger one (within 10%)."
    )
    rule, outcome, _ = compare_numbers(Range(110, 110), "exact", Range(100, 100), "exact", "same_measure")
    assert (rule, outcome) == ("N3", ROUGHLY)  # 10 is 9.1% of 110


def test_n4_a_larger_gap_differs():
    assert compare_numbers(Range(50, 50), "exact", Range(21, 21), "exact", "same_measure") == (
        "N4", DIFFERS, "The values are 29 apart, 58% of the larger one."
    )
    rule, outcome, _ = compare_numbers(Range(100, 100), "exact", Range(112, 112), "exact", "same_measure")
    assert (rule, outcome) == ("N4", DIFFERS)  # 12 is 10.7% of 112


def test_a_different_definition_is_never_consistent():
    rule, outcome, reason = checking.outcome_by_rules(
        {"value_low": 215.0, "value_best": None, "value_high": None, "qualifier": "at_least",
         "kind": "territory", "date_start": pd.NaT},
        {"value_low": 215.0, "value_best": None, "value_high": None, "qualifier": "at_least",
         "date_start": pd.NaT},
        "different_definition",
    )
    assert (rule, outcome) == ("N2", ROUGHLY)
    assert reason.endswith("a different definition: never average or add the two.")


# ---- dates -----------------------------------------------------------------------------------


def test_d1_same_day():
    span = (day("2024-10-24"), day("2024-10-24"))
    assert compare_dates(span, span, "same_measure") == ("D1", CONSISTENT, "The same date.")


def test_d2_a_date_inside_a_less_precise_one():
    year = (day("1989-01-01"), day("1989-12-31"))
    first_december = (day("1989-12-01"), day("1989-12-01"))
    assert compare_dates(year, first_december, "same_measure") == (
        "D2", CONSISTENT, "The source's date falls within the article's date."
    )
    assert compare_dates(first_december, year, "comparable_measure")[:2] == ("D2", ROUGHLY)


def test_d3_partial_overlap():
    assert compare_dates((day("2024-11-01"), day("2024-11-12")), (day("2024-11-10"), day("2024-11-20")),
                         "same_measure")[:2] == ("D3", ROUGHLY)


def test_d4_dates_that_do_not_meet_differ():
    assert compare_dates((day("2024-11-09"), day("2024-11-09")), (day("2024-11-08"), day("2024-11-08")),
                         "same_measure") == ("D4", DIFFERS, "The two dates are 1 day apart.")


def test_x1_a_number_against_a_date_cannot_be_checked():
    figure = {"value_low": None, "value_best": 9.0, "value_high": None, "qualifier": "exact",
              "kind": "duration", "date_start": pd.NaT}
    value = {"value_low": None, "value_best": None, "value_high": None, "qualifier": "exact",
             "date_start": day("2022-12-12"), "date_end": day("2022-12-12")}
    assert checking.outcome_by_rules(figure, value, "comparable_measure")[:2] == ("X1", UNCHECKED)


# ---- the table over the ledger -----------------------------------------------------------------


def outcome(figure_id: str, value_id: str) -> tuple[str, str]:
    row = CHECKS[(CHECKS["figure_id"] == figure_id) & (CHECKS["value_id"] == value_id)].iloc[0]
    return row["outcome"], row["reason"]


def test_every_outcome_is_in_the_fixed_vocabulary():
    assert set(CHECKS["outcome"]) <= set(OUTCOMES)
    assert set(CHECKS["rule_outcome"]) <= set(OUTCOMES)


def test_context_links_and_numbers_in_names_are_not_checks():
    assert set(CHECKS["relation"]) <= set(checking.CHECK_RELATIONS)
    assert "F007" not in set(CHECKS["figure_id"])  # COP29: a number in a name
    context = checking.context_table(LEDGER)
    assert ("F026", "C4") in set(zip(context["figure_id"], context["reference_id"], strict=True))


@pytest.mark.parametrize(
    ("figure_id", "value_id", "expected"),
    [
        ("F015", "E9.1", CONSISTENT),  # at least 215 km², CivilNet
        ("F015", "E10.1", ROUGHLY),  # about 200 km², a different definition
        ("F004", "E1.1", DIFFERS),  # November 9 against 8 Nov 2024
        ("F033", "C3.1", ROUGHLY),  # at least 220 against 218
        ("F034", "C3.2", DIFFERS),  # 50 missing against 21
        ("F035", "C6.1", CONSISTENT),  # 64 against 64
        ("F032", "C1.1", ROUGHLY),  # 100,000 against 100,417
        ("F032", "B3.1", DIFFERS),  # 100,000 against about 120,000
        ("F030", "C5.3", UNCHECKED),  # 27 civilians: a judgement
        ("F025", "D1.1", ROUGHLY),  # nine months against a start date: a judgement
    ],
)
def test_outcomes_of_the_named_checks(figure_id, value_id, expected):
    assert outcome(figure_id, value_id)[0] == expected


def test_judgements_override_the_rule_and_say_so():
    row = CHECKS[(CHECKS["figure_id"] == "F030")].iloc[0]
    assert row["judged"] and row["rule_outcome"] == DIFFERS and row["outcome"] == UNCHECKED
    assert "could not be matched to one named source" in row["reason"]
    for (figure_id, value_id), (judged_outcome, reason) in checking.JUDGEMENTS.items():
        assert judged_outcome in OUTCOMES and reason.strip()
        assert ((CHECKS["figure_id"] == figure_id) & (CHECKS["value_id"] == value_id)).sum() == 1
    assert CHECKS["judged"].sum() == len(checking.JUDGEMENTS)


def test_a_judgement_passed_in_replaces_the_defaults():
    table = checking.check_table(LEDGER, judgements={})
    assert not table["judged"].any()
    assert table.loc[table["figure_id"] == "F030", "outcome"].iloc[0] == DIFFERS


def test_every_check_names_its_source_side_and_article_quote():
    for row in CHECKS.to_dict("records"):
        paragraph = LEDGER.article.paragraph(row["paragraph"])
        assert row["article_quote"] in paragraph
        assert row["source"] and row["side"] and row["side_label"]
    e10 = CHECKS[CHECKS["value_id"] == "E10.1"].iloc[0]
    assert e10["side"] == "AM (reported by RU)"
    assert e10["source_date"] == "3 Nov 2023"
    assert "a party to the conflict" in e10["side_label"]


def test_article_values_in_words():
    values = dict(zip(CHECKS["figure_id"], CHECKS["article_value"], strict=False))
    assert values["F015"] == "at least 215 km²"
    assert values["F004"] == "9 Nov 2024 (no year printed)"
    assert values["F024"] == "November 2022"
    assert values["F026"] == "more than 200 people"


def test_outcome_counts_cover_every_outcome():
    counts = checking.outcome_counts(CHECKS)
    assert list(counts.index) == list(OUTCOMES)
    assert counts.sum() == len(CHECKS)
