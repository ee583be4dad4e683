"""Lesson 6 (the two governments' positions, as the article reports them): the exercise tasks
and their checks.

Every expected value is computed from the ledger (data/positions.csv, data/issues.csv,
data/issue_facts.csv, data/reference/facts.csv); a position the article reports is a row of
kind "reported", the only rows with a quote (an author's reading keeps its words in
authors_words, never in quote); only the keys of the multiple-choice and
classification tasks are typed here. The task parameters (which issue, which row, which
reference fact) are the lesson06.* rows of data/settings.csv.
"""

import re

import pandas as pd

from ..evidence.positions import REPORTED, PositionsData, government_names, long_date, publication_date
from ..evidence.settings import setting
from ..ledger import load_ledger
from . import choices
from .feedback import (
    CORRECT,
    INCORRECT,
    Feedback,
    check_collection,
    check_label,
    check_number,
    check_written,
    task,
    type_problem,
)

ROW_LABELS = ["demand", "stated_position"]


def task_setting(name: str) -> str:
    """A parameter of this lesson's tasks: the row lesson06.<name> of data/settings.csv
    (label_issue, label_government, widget_issue, widget_fact, other_later_fact, classified_row,
    demand_row)."""
    return setting(f"lesson06.{name}")


def _positions() -> pd.DataFrame:
    return load_ledger().positions


def _reported() -> pd.DataFrame:
    """The positions the article reports: the rows of kind "reported", the only ones with a quote."""
    positions = _positions()
    return positions[positions["kind"] == REPORTED]


def sides_per_issue() -> pd.Series:
    return _reported().groupby("issue_id")["government"].nunique()


def issues_of(government: str) -> set[str]:
    reported = _reported()
    return set(reported.loc[reported["government"] == government, "issue_id"])


def other_government(government: str) -> str:
    """The other of the two governments of setting positions.governments."""
    return next(g for g in government_names() if g != government)


def only_one(government: str) -> set[str]:
    """The issues on which the article reports `government`'s position and not the other's."""
    return issues_of(government) - issues_of(other_government(government))


def _possessive(government: str) -> str:
    """"Armenia's" for "Armenia's government"."""
    return government_names()[government].removesuffix(" government")


# 6.1 ------------------------------------------------------------------------------------

def expected_both() -> int:
    return int((sides_per_issue() == 2).sum())


@task("6.1")
def check_both(answer):
    sides, names = sides_per_issue(), government_names()
    issues = load_ledger().issues
    near = [
        (len(issues),
         "That is every issue. Each issue has rows for both governments, but a row with an empty "
         "quote records that the article does NOT report that government's position, or holds "
         "the author's own reading. Keep the rows with a quote first."),
        (int((sides == 1).sum()),
         "That is the number of issues on which the article reports only one side: the question "
         "asks for both."),
        *[(len(issues_of(government)),
           f"That is the number of issues with a reported position of {names[government]}. On "
           f"{'one' if len(only_one(government)) == 1 else 'several'} of them the article gives no "
           f"position of {names[other_government(government)]}: count the issues with both.")
          for government in names],
        (len(_reported()),
         "That counts position rows with a quote, not issues: some issues have two or three rows "
         "for one government. Count the issues on which both governments appear."),
    ]
    feedback = check_number(answer, expected_both(), 0,
                            "the number of issues with both governments' positions", near)
    if feedback.status == CORRECT:
        return Feedback(CORRECT, f"Yes: {expected_both()} of the {len(issues)} issues. Both columns "
                        "still come through the author's account: these are the positions the "
                        "article reports, in its words.")
    return feedback


# 6.2 ------------------------------------------------------------------------------------

def expected_one_side() -> set[str]:
    sides = sides_per_issue()
    return set(sides[sides == 1].index)


@task("6.2")
def check_one_side(answer):
    expected, example = expected_one_side(), task_setting("example_issue")
    if isinstance(answer, pd.DataFrame):
        return Feedback(INCORRECT, "This is a whole table (a DataFrame). The answer should be a "
                        f"list of issue_id values such as [{example!r}]: take the index or the "
                        "issue_id column of your selection.", reason="table_given")
    if isinstance(answer, pd.Index):
        answer = list(answer)
    elif isinstance(answer, pd.Series):  # the ids themselves, or counts indexed by issue_id
        answer = list(answer) if pd.api.types.is_string_dtype(answer) else list(answer.index)
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        return check_collection(answer, expected, "issue ids")
    given = {str(a).strip() for a in answer}
    issues = load_ledger().issues
    labels = dict(zip(issues["issue"], issues["issue_id"], strict=True))
    if given and given <= set(labels):
        return Feedback(INCORRECT, "These are the issues' descriptions. Give their short names "
                        f"(the issue_id column), such as {example!r}.", reason="descriptions_not_ids")
    names = government_names()
    both = {i for i, n in sides_per_issue().items() if n == 2}
    for government in names:
        other = other_government(government)
        if given == only_one(government) and only_one(other):
            count = len(only_one(other))
            return Feedback(INCORRECT, f"You found the issues where {names[other]}'s position is "
                            f"missing, but not the other way round: on {count} issue(s) the article "
                            f"reports only {names[other]}'s position, and none of {names[government]}.",
                            reason="one_direction_only")
    neither = set(issues["issue_id"]) - expected - both
    if given in (both, both | neither):
        return Feedback(INCORRECT, "These are the issues on which the article reports both "
                        "governments' positions, or neither: the question asks for the others.",
                        reason="both_or_neither")
    feedback = check_collection(given, expected, "issues with only one side reported")
    if feedback.status == CORRECT:
        first, second = names
        return Feedback(CORRECT, feedback.message + f" On {len(only_one(second))} the article "
                        f"reports only {names[second]}, on {len(only_one(first))} only "
                        f"{_possessive(first)}. A missing column means that the article does not "
                        "report a position, not that the government has none.")
    return feedback


# 6.3 ------------------------------------------------------------------------------------

def position_row(issue_id: str, government: str) -> pd.Series:
    reported = _reported()
    return reported[(reported["issue_id"] == issue_id)
                    & (reported["government"] == government)].iloc[0]


def label_row() -> pd.Series:
    """The position row of task 6.3 (settings lesson06.label_issue and label_government)."""
    return position_row(task_setting("label_issue"), task_setting("label_government"))


def expected_label() -> str:
    return str(label_row()["label"])


def _unquoted(text: str) -> str:
    return text.strip().strip("“”\"'‘’ ")


@task("6.3")
def check_route_label(answer):
    expected, row = expected_label(), label_row()
    issue, government = row["issue_id"], row["government"]
    names = government_names()
    if not isinstance(answer, str):
        if isinstance(answer, pd.Series):
            return Feedback(INCORRECT, "This is a column (a Series). The answer is one text: take "
                            "the single value, for example with .iloc[0].", reason="table_given")
        return type_problem(answer, "the label as text in quotes")
    if answer == expected:
        other = other_government(government)
        label = position_row(issue, other)["label"]
        return Feedback(CORRECT, f"Yes, exactly: {expected} (paragraph {row['paragraph']}), curly "
                        "quotation marks and the article's transliteration “Zangezour” included. "
                        f"The article quotes {label} for {names[other]}'s offer.")
    inner = _unquoted(expected)
    if answer.strip() == expected:
        return Feedback(INCORRECT, "The right label, but with extra spaces before or after it: "
                        "copy it exactly.", reason="extra_spaces")
    if answer.strip() == inner:
        return Feedback(INCORRECT, "The right words, but the label column holds the term as the "
                        "article quotes it, with the article's own curly quotation marks: copy the "
                        "value from the table.", reason="quotes_left_out")
    if _unquoted(answer) == inner:
        return Feedback(INCORRECT, "The right words, but the quotation marks are not the article's: "
                        "it uses curly quotes “ ”, not straight ones (\" \").", reason="straight_quotes")
    if "zangezur" in answer.lower():
        return Feedback(INCORRECT, "The spelling differs from the article's: place names from "
                        "other alphabets have several transliterations, and an exact quote keeps the "
                        "article's. Copy the value from the table rather than typing it.",
                        reason="other_spelling")
    if _unquoted(answer).lower() == inner.lower():
        return Feedback(INCORRECT, "The right words, but the capital letters differ from the "
                        "article's: copy it exactly.", reason="wrong_capitals")
    for _, other in _reported()[_reported()["label"].notna()].iterrows():
        if _unquoted(answer) == _unquoted(str(other["label"])):
            whose = names[other["government"]]
            return Feedback(INCORRECT, f"That is the label the article quotes for {whose} on the "
                            f"issue {other['issue_id']!r}. Look at the row of {issue!r} for "
                            f"{names[government]}.", reason="other_row_label")
    return Feedback(INCORRECT, f"That is not the label. Look at the label column of the row where "
                    f"issue_id is {issue!r} and government is {government!r}.", reason="not_the_label")


# 6.4 ------------------------------------------------------------------------------------

def _after_values() -> dict[str, str]:
    """The ids and dates the options and feedback of task 6.4 name, from the ledger."""
    data = PositionsData()
    shown, other = task_setting("widget_fact"), task_setting("other_later_fact")
    linked = " and to ".join(f"“{data.label(i)}”" for i in data.issues_of_fact(other, "context"))
    return {"shown": shown, "other": other, "shown_date": long_date(data.fact_day(shown)),
            "other_date": long_date(data.fact_day(other)), "linked": linked,
            "shown_list": ", ".join(data.after_facts(task_setting("widget_issue"))),
            "publication": publication_date()}


def after_options() -> list[str]:
    """The choices of task 6.4 (choices.csv); the ids and dates of the later facts come from the ledger."""
    return choices.options("6.4", **_after_values())




def after_facts(issue_id: str) -> list[str]:
    return PositionsData().after_facts(issue_id)


@task("6.4")
def check_after(answer):
    return choices.check("6.4", answer, **_after_values())


# 6.5 ------------------------------------------------------------------------------------

def _lower_first(text: str) -> str:
    """“The article reports ...” as it reads inside a sentence: “the article reports ...”."""
    return text[:1].lower() + text[1:]


ROW_KEY = "stated_position"  # the key of this classification task


@task("6.5")
def check_p07(answer):
    classified, demand = task_setting("classified_row"), task_setting("demand_row")
    rows = _positions().set_index("position_id")
    row = rows.loc[classified]
    reported = _lower_first(row["reported_position"])
    compare = (f" Compare {demand}, where {_lower_first(rows.loc[demand, 'reported_position'])}"
               if demand != classified else "")
    actors = load_ledger().actors.set_index("actor_id")["name"]
    government = f"{actors[row['government']]}'s government"
    negated = re.search(r"(?:n’t|n't|\bnot|\bnever)\s+demand", row["quote"])
    why = {
        "stated_position": (
            f"Yes: in {classified} {reported} The article's words: “{row['quote']}” (paragraph "
            f"{row['paragraph']}). {government}, as the article reports it, states a view and asks "
            f"nothing of the other side here.{compare}"
        ),
        "demand": (
            (f"The sentence contains the word “demand”, but negated: “{row['quote']}”. "
             if negated else f"In {classified} the article reports no demand: “{row['quote']}”. ")
            + f"{government}, as the article reports it, states a view; it asks nothing of the "
            "other side here."
        ),
    }
    return check_label(answer, ROW_LABELS, ROW_KEY, why)


# 6.6 ------------------------------------------------------------------------------------

@task("6.6")
def check_comparison(answer):
    return check_written(answer, load_ledger().article.text, "6.6")
