"""Lesson 6 (the two governments' positions, as the article reports them): the exercise tasks
and their checks.

Every expected value is computed from the ledger (data/positions.csv, data/issues.csv,
data/issue_facts.csv, data/reference/facts.csv); a position the article reports is a row of
kind "reported", the only rows with a quote (an author's reading keeps its words in
authors_words, never in quote); only the keys of the multiple-choice and
classification tasks are typed here. The task parameters (which issue, which row, which
reference fact) are the lesson06.* rows of data/settings.csv.
"""


import pandas as pd

from ..evidence.positions import REPORTED, PositionsData, government_names, long_date, publication_date
from ..evidence.settings import setting
from ..ledger import load_ledger
from .feedback import (
    CORRECT,
    INCORRECT,
    Feedback,
    check_choice,
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
                        "issue_id column of your selection.")
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
                        f"(the issue_id column), such as {example!r}.")
    names = government_names()
    both = {i for i, n in sides_per_issue().items() if n == 2}
    for government in names:
        other = other_government(government)
        if given == only_one(government) and only_one(other):
            count = len(only_one(other))
            return Feedback(INCORRECT, f"You found the issues where {names[other]}'s position is "
                            f"missing, but not the other way round: on {count} issue(s) the article "
                            f"reports only {names[other]}'s position, and none of {names[government]}.")
    neither = set(issues["issue_id"]) - expected - both
    if given in (both, both | neither):
        return Feedback(INCORRECT, "These are the issues on which the article reports both "
                        "governments' positions, or neither: the question asks for the others.")
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
                            "the single value, for example with .iloc[0].")
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
                        "copy it exactly.")
    if answer.strip() == inner:
        return Feedback(INCORRECT, "The right words, but the label column holds the term as the "
                        "article quotes it, with the article's own curly quotation marks: copy the "
                        "value from the table.")
    if _unquoted(answer) == inner:
        return Feedback(INCORRECT, "The right words, but the quotation marks are not the article's: "
                        "it uses curly quotes “ ”, not straight ones (\" \").")
    if "zangezur" in answer.lower():
        return Feedback(INCORRECT, "The spelling differs from the article's: place names from "
                        "other alphabets have several transliterations, and an exact quote keeps the "
                        "article's. Copy the value from the table rather than typing it.")
    if _unquoted(answer).lower() == inner.lower():
        return Feedback(INCORRECT, "The right words, but the capital letters differ from the "
                        "article's: copy it exactly.")
    for _, other in _reported()[_reported()["label"].notna()].iterrows():
        if _unquoted(answer) == _unquoted(str(other["label"])):
            whose = names[other["government"]]
            return Feedback(INCORRECT, f"That is the label the article quotes for {whose} on the "
                            f"issue {other['issue_id']!r}. Look at the row of {issue!r} for "
                            f"{names[government]}.")
    return Feedback(INCORRECT, f"That is not the label. Look at the label column of the row where "
                    f"issue_id is {issue!r} and government is {government!r}.")


# 6.4 ------------------------------------------------------------------------------------

def after_options() -> list[str]:
    """The choices of task 6.4; the ids and dates of the later facts come from the ledger."""
    data = PositionsData()
    shown, other = task_setting("widget_fact"), task_setting("other_later_fact")
    return [
        f"Reference fact {other}: on {long_date(data.fact_day(other))}, at the White House in "
        "Washington, Aliyev and Pashinyan signed the peace agreement between their two states.",
        f"Reference fact {shown}: on {long_date(data.fact_day(shown))} both ministries said the treaty "
        "text was agreed; Azerbaijan said signing needed a change to Armenia's constitution.",
        # the year the article gives for the planned referendum ("planned in 2027")
        "Armenia's constitution was changed in the referendum of 2027, the one the article says was "
        "planned, so this precondition of Azerbaijan's no longer applied.",
        f"Reference fact {shown} proves that the author was right: after the article was published, "
        "Azerbaijan's government kept its precondition.",
        f"Reference fact {shown} proves that the author was wrong: the treaty text was agreed soon "
        "afterwards, so there was no obstruction at all.",
    ]


AFTER_CORRECT = 2  # the key of this choice task


def after_facts(issue_id: str) -> list[str]:
    return PositionsData().after_facts(issue_id)


@task("6.4")
def check_after(answer):
    not_a_score = (
        "Later events are context, not a score. The box reports what the ministries announced "
        f"after {publication_date()}; it can neither confirm nor refute an analysis written "
        "before, whichever way you read it."
    )
    data, other = PositionsData(), task_setting("other_later_fact")
    shown = data.after_facts(task_setting("widget_issue"))
    linked = " and to ".join(f"“{data.label(i)}”" for i in data.issues_of_fact(other, "context"))
    why = {
        AFTER_CORRECT: (
            f"Yes: the box shows {', '.join(shown)} for this issue, with its sources on both sides. "
            "It is context for the article's report that Azerbaijan's government demands a change "
            "to Armenia's constitution, not a verdict on it."
        ),
        1: (
            f"{other} is not in the box for this issue (the pack links it to {linked}). It also "
            "reports that the foreign ministers initialled, not signed, the agreement."
        ),
        3: (
            "No reference fact reports a referendum. The article says one is “planned in 2027”: a "
            "plan at the time of writing, not an event that happened."
        ),
        4: not_a_score,
        5: not_a_score,
    }
    return check_choice(answer, after_options(), AFTER_CORRECT, why)


# 6.5 ------------------------------------------------------------------------------------

ROW_KEY = "stated_position"  # the key of this classification task


@task("6.5")
def check_p07(answer):
    classified, demand = task_setting("classified_row"), task_setting("demand_row")
    row = _positions().set_index("position_id").loc[classified]
    why = {
        "stated_position": (
            f"Yes: in {classified} the article reports that Yerevan says Azerbaijan's founding "
            "documents “contain territorial claims on Armenia” and, in the article's words, "
            f"“doesn’t demand to amend those documents” (paragraph {row['paragraph']}). "
            "Armenia's government, as the article reports it, states a view and asks nothing of "
            f"Azerbaijan here. Compare {demand}, where the article reports that Baku “demands Armenia "
            "to change its constitution”."
        ),
        "demand": (
            "The sentence contains the word “demand”, but negated: the article writes that "
            "Yerevan “doesn’t demand to amend those documents”. Armenia's government, as the "
            "article reports it, states a view about those documents; it asks nothing of the other "
            "side here."
        ),
    }
    return check_label(answer, ROW_LABELS, ROW_KEY, why)


# 6.6 ------------------------------------------------------------------------------------

@task("6.6")
def check_comparison(answer):
    return check_written(answer, load_ledger().article.text, "6.6")
