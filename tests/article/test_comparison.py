"""readingpack.evidence.comparison: the rules that give each check its neutral outcome, and the table."""

import math

import pandas as pd
import pytest

from readingpack.evidence import comparison
from readingpack.evidence.comparison import (
    CONSISTENT,
    DIFFERENT_MEASURE,
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
CHECKS = comparison.check_table(LEDGER)


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
    assert compare_numbers(Range(215, math.inf), "at_least", Range(215, math.inf), "at_least") == (
        "N1", CONSISTENT, "The same number with the same qualifier.")


def test_n2_overlap_is_consistent():
    rule, outcome, _ = compare_numbers(Range(200, math.inf), "more_than", Range(200, math.inf),
                                       "at_least")
    assert (rule, outcome) == ("N2", CONSISTENT)


def test_n3_a_gap_within_ten_percent_is_roughly_consistent():
    assert compare_numbers(Range(220, math.inf), "at_least", Range(218, 218), "exact") == (
        "N3", ROUGHLY, "The values are 2 apart, 0.9% of the larger one (within 10%)."
    )
    rule, outcome, _ = compare_numbers(Range(110, 110), "exact", Range(100, 100), "exact")
    assert (rule, outcome) == ("N3", ROUGHLY)  # 10 is 9.1% of 110


def test_n4_a_larger_gap_differs():
    assert compare_numbers(Range(50, 50), "exact", Range(21, 21), "exact") == (
        "N4", DIFFERS, "The values are 29 apart, 58% of the larger one."
    )
    rule, outcome, _ = compare_numbers(Range(100, 100), "exact", Range(112, 112), "exact")
    assert (rule, outcome) == ("N4", DIFFERS)  # 12 is 10.7% of 112


def test_m1_a_different_measure_is_shown_not_compared():
    figure = {"value_low": 215.0, "value_best": None, "value_high": None, "qualifier": "at_least",
              "kind": "territory", "date_start": pd.NaT, "counts_what": "area held since 2020"}
    value = {"value_low": 215.0, "value_best": None, "value_high": None, "qualifier": "at_least",
             "date_start": pd.NaT, "counts_what": "area held since the 1990s and since 2020"}
    rule, outcome, reason = comparison.outcome_by_rules(figure, value, "different_measure")
    assert (rule, outcome) == ("M1", DIFFERENT_MEASURE)
    assert "area held since 2020" in reason and "since the 1990s" in reason
    assert comparison.outcome_by_rules(figure, value, "same_measure")[:2] == ("N1", CONSISTENT)


# ---- dates -----------------------------------------------------------------------------------


def test_t1_same_day():
    span = (day("2024-10-24"), day("2024-10-24"))
    assert compare_dates(span, span) == ("T1", CONSISTENT, "The same date.")


def test_t2_a_date_inside_a_less_precise_one():
    year = (day("1989-01-01"), day("1989-12-31"))
    first_december = (day("1989-12-01"), day("1989-12-01"))
    assert compare_dates(year, first_december) == (
        "T2", CONSISTENT, "The source's date falls within the article's date."
    )


def test_t3_partial_overlap():
    first, second = (day("2024-11-01"), day("2024-11-12")), (day("2024-11-10"), day("2024-11-20"))
    assert compare_dates(first, second)[:2] == ("T3", ROUGHLY)


def test_t4_dates_that_do_not_meet_differ():
    ninth, eighth = (day("2024-11-09"), day("2024-11-09")), (day("2024-11-08"), day("2024-11-08"))
    assert compare_dates(ninth, eighth) == ("T4", DIFFERS, "The two dates are 1 day apart.")


def test_x1_a_number_against_a_date_cannot_be_checked():
    figure = {"value_low": None, "value_best": 9.0, "value_high": None, "qualifier": "exact",
              "kind": "duration", "date_start": pd.NaT}
    value = {"value_low": None, "value_best": None, "value_high": None, "qualifier": "exact",
             "date_start": day("2022-12-12"), "date_end": day("2022-12-12")}
    assert comparison.outcome_by_rules(figure, value, "same_measure")[:2] == ("X1", UNCHECKED)


# ---- the table over the ledger -----------------------------------------------------------------


def outcome(figure_id: str, value_id: str) -> tuple[str, str]:
    row = CHECKS[(CHECKS["figure_id"] == figure_id) & (CHECKS["value_id"] == value_id)].iloc[0]
    return row["outcome"], row["reason"]


def test_every_outcome_is_in_the_fixed_vocabulary():
    assert set(CHECKS["outcome"]) <= set(OUTCOMES)
    assert set(CHECKS["rule_outcome"]) <= set(OUTCOMES)


def test_context_links_and_numbers_in_names_are_not_checks():
    assert set(CHECKS["relation"]) <= set(comparison.CHECK_RELATIONS)
    assert "F007" not in set(CHECKS["figure_id"])  # COP29: a number in a name
    context = comparison.context_table(LEDGER)
    assert ("F026", "C4") in set(zip(context["figure_id"], context["reference_id"], strict=True))


@pytest.mark.parametrize(
    ("figure_id", "value_id", "relation", "expected"),
    [
        ("F015", "E9.1", "same_measure", CONSISTENT),  # at least 215 km², CivilNet
        ("F035", "C6.1", "same_measure", CONSISTENT),  # 64 against 64
        ("F027", "C5.2", "same_measure", CONSISTENT),  # four hundred injured against over 400 wounded
        ("F033", "C3.1", "same_measure", ROUGHLY),  # at least 220 against 218
        ("F004", "E1.1", "same_measure", DIFFERS),  # November 9 against 8 Nov 2024
        ("F034", "C3.2", "same_measure", DIFFERS),  # 50 missing against 21
        ("F030", "S3.3", "same_measure", DIFFERS),  # 27 civilians against 10 civilians (20 Sep 2023)
        ("F030", "S4.2", "same_measure", ROUGHLY),  # 27 civilians against 25 civilians (later, low)
        ("F030", "S2.1", "different_measure", DIFFERENT_MEASURE),  # 27 dead, two of them civilians
        ("F015", "E10.1", "different_measure", DIFFERENT_MEASURE),  # includes land held since the 1990s
        ("F032", "B3.1", "different_measure", DIFFERENT_MEASURE),  # the population before the crisis
        ("F032", "C1.1", "different_measure", DIFFERENT_MEASURE),  # arrivals by 30 Sep 2023
        ("F032", "C2.1", "different_measure", DIFFERENT_MEASURE),  # refugees registered later
        ("F026", "C5.1", "different_measure", DIFFERENT_MEASURE),  # "casualties" against killed
        ("F025", "D1.1", "same_measure", ROUGHLY),  # nine months against a start date: a judgement
    ],
)
def test_outcomes_of_the_named_checks(figure_id, value_id, relation, expected):
    row = CHECKS[(CHECKS["figure_id"] == figure_id) & (CHECKS["value_id"] == value_id)].iloc[0]
    assert (row["relation"], row["outcome"]) == (relation, expected)


def test_only_the_same_measure_is_called_consistent_or_differs():
    compared = CHECKS[CHECKS["outcome"].isin([CONSISTENT, ROUGHLY, DIFFERS])]
    assert set(compared["relation"]) == {"same_measure"}
    different = CHECKS[CHECKS["relation"] == "different_measure"]
    assert len(different) and set(different["outcome"]) == {DIFFERENT_MEASURE}


def test_injured_and_wounded_are_the_same_measure():
    row = CHECKS[(CHECKS["figure_id"] == "F027") & (CHECKS["value_id"] == "C5.2")].iloc[0]
    assert "wounded" in row["source_counts"] and "injured" in row["article_value"] + row["article_quote"]
    assert row["relation"] == "same_measure"


def test_judgements_override_the_rule_and_say_so():
    row = CHECKS[(CHECKS["figure_id"] == "F025")].iloc[0]
    assert row["judged"] and row["rule_outcome"] == UNCHECKED and row["outcome"] == ROUGHLY
    for (figure_id, value_id), (judged_outcome, reason) in comparison.hand_coded(LEDGER).items():
        assert judged_outcome in OUTCOMES and reason.strip()
        assert ((CHECKS["figure_id"] == figure_id) & (CHECKS["value_id"] == value_id)).sum() == 1
    assert CHECKS["judged"].sum() == len(comparison.hand_coded(LEDGER))


def test_no_figure_note_or_reason_uses_an_outside_number_without_a_source():
    for text in list(CHECKS["note"]) + list(CHECKS["reason"]):
        assert "9, then 25" not in text


def test_a_judgement_passed_in_replaces_the_defaults():
    table = comparison.check_table(LEDGER, judgements={})
    assert not table["judged"].any()
    assert table.loc[table["figure_id"] == "F025", "outcome"].iloc[0] == UNCHECKED


def test_every_check_names_its_source_side_and_article_quote():
    for row in CHECKS.to_dict("records"):
        paragraph = LEDGER.article.paragraph(row["paragraph"])
        assert row["article_quote"] in paragraph
        assert row["source"] and row["side"] and row["side_label"]
    e10 = CHECKS[CHECKS["value_id"] == "E10.1"].iloc[0]
    assert e10["side"] == "AM (reported by RU)"
    assert e10["source_date"] == "3 Nov 2023 (date of that statement in parliament)"
    assert "a party to the conflict" in e10["side_label"]
    e9 = CHECKS[CHECKS["value_id"] == "E9.1"].iloc[0]
    assert e9["side"] == "AM-media" and "not a party" in e9["side_label"]
    assert "a party to the conflict" not in e9["side_label"]


def test_paragraph_context_holds_each_sides_account_with_its_standing():
    context = comparison.paragraph_context(LEDGER, 11)
    assert {"D1", "L1", "L10", "L12", "L14", "L4", "L7", "L15", "L5"} <= set(context["reference_id"])
    kinds = set("; ".join(context["kind"]).split("; "))
    assert {"international court", "aid agency", "independent experts", "political body",
            "party government or state body"} <= kinds
    stated_sides = set("; ".join(context["side"].str.replace(r" \(.*\)", "", regex=True)).split("; "))
    assert {"INTL", "AZ", "AM"} <= stated_sides


def test_article_values_in_words():
    values = dict(zip(CHECKS["figure_id"], CHECKS["article_value"], strict=False))
    assert values["F015"] == "at least 215 km²"
    assert values["F004"] == "9 Nov 2024 (no year printed: 2024 taken from the publication date)"
    assert values["F024"] == "November 2022"
    assert values["F026"] == "more than 200 people"


def test_outcome_counts_cover_every_outcome():
    counts = comparison.outcome_counts(CHECKS)
    assert list(counts.index) == list(OUTCOMES)
    assert counts.sum() == len(CHECKS)


def test_the_27_civilians_sit_beside_three_counts_each_saying_what_it_counts():
    rows = CHECKS[CHECKS["figure_id"] == "F030"]
    assert {"S2", "S3", "S4"} <= set(rows["reference_id"])
    for row in rows.to_dict("records"):
        assert row["source_counts"].strip()
    s2 = rows[rows["reference_id"] == "S2"].iloc[0]
    assert s2["relation"] == "different_measure" and "27" in s2["source_value"]


def test_no_note_or_reason_says_the_article_erred():
    import re

    verdict = re.compile(r"\b(?:wrong|erred|error|mistake|incorrect|false)\b", re.IGNORECASE)
    for text in [*CHECKS["note"], *CHECKS["reason"], *LEDGER.figure_reference["note"],
                 *LEDGER.paragraph_context["note"]]:
        assert not verdict.search(text), text


def test_the_claim_check_and_the_figure_check_show_the_same_source_rows():
    sources = comparison.figure_sources(LEDGER, "F015")
    checks = CHECKS[CHECKS["figure_id"] == "F015"]
    for check in checks.to_dict("records"):
        row = sources[(sources["reference_id"] == check["reference_id"])
                      & (sources["value_id"] == check["value_id"])].iloc[0]
        assert (row["says"], row["counts"], row["date"], row["side_label"], row["relation_label"]) == (
            check["source_value"], check["source_counts"], check["source_date"], check["side_label"],
            check["relation_label"])


def test_judgements_come_from_the_data_table():
    judged = comparison.hand_coded(LEDGER)
    assert set(judged) == set(zip(LEDGER.judgements["figure_id"], LEDGER.judgements["value_id"], strict=True))
    assert all(outcome in OUTCOMES for outcome, _reason in judged.values())


def test_one_vocabulary_for_the_measure_and_the_outcome():
    """Lesson 3's figure check (the relation) and lesson 8's claim check (the outcome) word the
    shared step the same way, from data/vocabulary.csv, in the pack and in the practice article."""
    from readingpack.evidence.settings import labels
    from readingpack.ledger import load_ledger
    from readingpack.paths import data_dir

    for ledger in (load_ledger(), load_ledger(data_dir() / "practice" / "rivers_and_roads")):
        relation, outcome = labels("relation", ledger), labels("outcome", ledger)
        assert relation["different_measure"] == outcome["different_measure"] == DIFFERENT_MEASURE
        assert tuple(outcome.values()) == OUTCOMES
        assert relation["same_measure"].startswith("the same measure")
        assert "not compared" in relation["context"]
