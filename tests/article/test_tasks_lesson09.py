"""Lesson 9's exercise checks (the cold read): a hand coding of the practice article compared with
its ledger, column by column, with the codebook's rule for each difference; a second reading the
codebook allows counts as agreement, never as an error. The practice article is also the
reuse tests' article."""

import pandas as pd
from solution_keys import key_of

from readingpack.evidence import coding
from readingpack.exercises import CORRECT, INCORRECT, NOT_ANSWERED, NOT_MARKED, TASKS, tasks_for_lesson
from readingpack.exercises import check_value as run
from readingpack.exercises.tasks import active_task_ids
from readingpack.paths import PROJECT_ROOT

FIXTURE = PROJECT_ROOT / "data" / "practice" / "rivers_and_roads"


def test_the_practice_article_is_the_reuse_tests_article():
    folder = coding.practice_folder()
    assert folder.is_relative_to(PROJECT_ROOT / "data"), "the runtime must not read tests/"
    assert folder.resolve() == FIXTURE.resolve()


def test_lesson_9_has_six_tasks_four_of_them_decisions():
    assert active_task_ids(9) == ["9.1", "9.2", "9.3", "9.4", "9.5", "9.6"]
    assert {t.kind for t in tasks_for_lesson(9)} == {"code", "written"}


def test_the_solution_agrees_with_the_ledger_and_takes_one_allowed_reading():
    mine = key_of(TASKS["9.1"])
    comparison = coding.compare_claims(mine)
    agreement = coding.agreement(comparison).set_index("column")
    assert agreement.loc["claim_type", "coded by you"] == 12
    assert agreement.loc["claim_type", coding.ALLOWED] == 1
    assert agreement.loc["claim_type", "agreement (%)"] == 100
    assert run("9.1", mine).status == CORRECT
    assert "a second reading" in run("9.1", mine).message


def test_a_difference_names_its_codebook_rule_and_never_says_wrong():
    mine = key_of(TASKS["9.1"]).copy()
    mine.loc[mine["quote"] == "The talks may fail", "claim_type"] = "evaluation"
    feedback = run("9.1", mine)
    assert (feedback.status, feedback.reason) == (INCORRECT, "coding_differs")
    assert "Tie-break rule 5" in feedback.message and "prediction" in feedback.message
    assert "wrong" not in feedback.message.lower()
    agreement = coding.agreement(coding.compare_claims(mine)).set_index("column")
    assert agreement.loc["claim_type", coding.DIFFERS] == 1
    assert agreement.loc["claim_type", "agreement (%)"] == round(100 * 11 / 12)


def test_rows_are_matched_by_their_words_not_their_order_and_straight_quotes_do():
    mine = key_of(TASKS["9.1"]).iloc[::-1].copy()
    mine["quote"] = mine["quote"].str.replace("’", "'").str.replace("“", '"').str.replace("”", '"')
    assert run("9.1", mine).status == CORRECT


def test_missing_rows_extra_rows_and_misquotes_are_reported_kindly():
    mine = key_of(TASKS["9.1"])
    short = run("9.1", mine.iloc[:-1])
    assert (short.status, short.reason) == (INCORRECT, "rows_not_coded")
    assert "Not coded yet: 1 ledger row in paragraph(s) 7" in short.message
    extra = pd.concat([mine, pd.DataFrame([(6, "Southport spoke of “our river”", "reported_statement",
                                             "Southport")], columns=coding.CLAIM_COLUMNS)])
    feedback = run("9.1", extra)
    assert feedback.status == CORRECT and "not counted against you" in feedback.message
    misquoted = run("9.1", [(4, "The talks will fail", "prediction", "author")])
    assert misquoted.reason == "quote_not_found" and "is not in paragraph 4" in misquoted.message
    empty = run("9.1", pd.DataFrame(columns=coding.CLAIM_COLUMNS))
    assert (empty.status, empty.reason) == (NOT_ANSWERED, "empty_table")
    no_column = run("9.1", mine.drop(columns="speaker"))
    assert no_column.reason == "table_not_comparable" and "no column 'speaker'" in no_column.message
    assert run("9.1", [("three", "x", "statistic", "author")]).reason == "table_not_comparable"


def test_figures_hedges_and_names():
    assert run("9.2", key_of(TASKS["9.2"])).status == CORRECT
    figures = key_of(TASKS["9.2"]).copy()
    figures.loc[figures["quote"] == "at least 40 km²", "qualifier"] = "exact"
    feedback = run("9.2", figures)
    assert (feedback.status, feedback.reason) == (INCORRECT, "coding_differs")
    assert "lower bound" in feedback.message
    assert run("9.2", figures.replace({"exact": "at least"}).iloc[[1]]).status == INCORRECT
    assert run("9.3", key_of(TASKS["9.3"])).status == CORRECT
    soon = run("9.3", [(4, "may"), (3, "soon")])
    assert (soon.status, soon.reason) == (INCORRECT, "hedges_differ")
    assert "someone else's quoted words" in soon.message
    assert run("9.4", {"Riverton": "NL", "Rivermouth": "SL"}).status == CORRECT
    swapped = run("9.4", {"Riverton": "Southland", "Rivermouth": "Northland"})
    assert (swapped.status, swapped.reason) == (INCORRECT, "names_differ") and "Riverton" in swapped.message


def test_written_tasks_check_length_and_say_what_they_cannot_check():
    record = run("9.5", key_of(TASKS["9.5"]))
    assert record.status == NOT_MARKED and "within the 200 to 450" in record.message
    assert "the pack does not hold its text" in record.message
    exact = "Exact: 11 quotations found word for word in the article (here: the practice article)"
    assert exact in record.message
    outlet = run("9.6", key_of(TASKS["9.6"]))
    assert outlet.status == NOT_MARKED
    assert "Exact: 3 quotations found word for word in the article (here: the printed" in outlet.message
    own_page = run("9.6", "The Journal calls it “a site run from a lighthouse on the moon”.")
    assert "NOT FOUND in the article (here: the printed search results of lesson 9)" in own_page.message
    assert "check it against that page yourself" in own_page.message


def test_the_snippets_quote_section_o_of_the_reference_list():
    facts = (PROJECT_ROOT / "data" / "reference" / "source" / "FACTS.md").read_text(encoding="utf-8")
    section = facts[facts.index("## O. The outlet"):facts.index("## P. Publishers")]
    snippets = coding.outlet_snippets()
    assert set(snippets["fact_id"]) == {"O1", "O2", "O3"}
    for row in snippets.itertuples():
        assert f"| {row.fact_id} |" in section and row.link in section
        if row.fact_id != "O2":  # O2 describes a page; the others quote their sources
            for part in row.words.split(" … "):
                assert part.strip("“”") in section.replace("“", "").replace("”", "") or part in section, part
