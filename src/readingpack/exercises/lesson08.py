"""Lesson 8 (Checking the claims): the exercise tasks and their checks.

Every expected value is computed from the ledger and readingpack.evidence.comparison; only the keys of
the multiple-choice tasks are typed here.
"""


from ..evidence.comparison import check_table
from ..evidence.settings import setting
from ..evidence.sources import fact_publishers, fact_sides
from ..ledger import load_ledger
from . import choices
from .feedback import (
    CORRECT,
    INCORRECT,
    Feedback,
    check_collection,
    check_label,
    check_written,
    task,
    type_problem,
)


def _setting(name: str) -> str:
    return setting(f"lesson08.{name}", _ledger())


def _ledger():
    return load_ledger()


def _checks():
    return check_table(_ledger())


def _value(value_id: str) -> float:
    values = _ledger().reference_fact_values.set_index("value_id")
    return float(values.loc[value_id, "value_best"])


def _figure():
    return _ledger().figures.set_index("figure_id").loc[_setting("area_figure")]


# 8.1 ------------------------------------------------------------------------------------

@task("8.1")
def check_thesis(answer):
    return check_written(answer, _ledger().article.text, "8.1")


# 8.2 is retired: it repeated task 3.2 (data/tasks.csv).

# 8.3 ------------------------------------------------------------------------------------

def _label(outcome: str) -> str:
    return outcome.replace(" ", "_")


def expected_outcome() -> str:
    checks = _checks()
    return checks.loc[checks["figure_id"] == _setting("widget_figure"), "outcome"].iloc[0]


@task("8.3")
def check_injured(answer):
    from ..evidence.comparison import CONSISTENT, DIFFERENT_MEASURE, DIFFERS, OUTCOMES, ROUGHLY, UNCHECKED

    if isinstance(answer, str) and answer.strip().lower().startswith("could not be checked"):
        answer = UNCHECKED
    if isinstance(answer, str) and answer.strip().lower().startswith("a different measure"):
        answer = DIFFERENT_MEASURE
    row = _checks().set_index("figure_id").loc[_setting("widget_figure")]
    quote, relation = row["article_quote"], row["relation_label"].split(":")[0]
    party = (f" The source ({row['reference_id']}) was stated by a party to the conflict: its figure "
             "is reliable as what that party said." if "(a party" in str(row["side_label"]) else "")
    why = {
        _label(CONSISTENT): (
            f"Yes: {row['outcome']}. The article's “{quote}” and the source's “{row['source_value']}”: "
            f"{row['reason'][:1].lower()}{row['reason'][1:].rstrip('.')} (the Relation column: {relation})."
            f"{party}"
        ),
        _label(ROUGHLY): (
            f"The two values do overlap, and the Relation column says they are {relation}. Read the "
            "outcome in the widget's last column again."
        ),
        _label(DIFFERS): (
            f"Not differs: “{row['source_value']}” and “{quote}” overlap. Read the "
            "outcome in the widget's last column for this figure."
        ),
        _label(DIFFERENT_MEASURE): (
            f"Read the Relation column: it says “{row['relation_label']}”, that is, the source counts "
            "the same thing as the article's figure. “A different measure” is for a source that counts "
            "something else, which is then not compared."
        ),
        _label(UNCHECKED): (
            "This figure could be compared: the widget shows one other source's value beside it. "
            "Read the outcome in its last column."
        ),
    }
    return check_label(answer, [_label(o) for o in OUTCOMES], _label(expected_outcome()), why)


# 8.4 ------------------------------------------------------------------------------------

def expected_party_rows() -> set[str]:
    """Reference rows of the check table stated by a party to the conflict (a side whose
    standing is "party" in data/reference/sides.csv), alone or beside another publisher."""
    sides = fact_sides(_ledger())
    used = sides.loc[sorted(set(_checks()["reference_id"]))]
    return set(used.index[used["party"]])


@task("8.4")
def check_party_rows(answer):
    if isinstance(answer, str) or not hasattr(answer, "__iter__"):
        ids = _ledger().reference_facts["id"]
        return type_problem(answer, f"a list of reference ids such as [{ids.iloc[0]!r}, {ids.iloc[-1]!r}]")
    try:
        given = set(answer)
    except TypeError:
        return type_problem(answer, "a list of reference ids (text, not nested lists)")
    checks = _checks()
    expected = expected_party_rows()
    if given and given <= set(checks["value_id"]):
        value_id = sorted(given)[0]
        fact_id = checks.loc[checks["value_id"] == value_id, "reference_id"].iloc[0]
        return Feedback(INCORRECT, f"Those are value ids (such as {value_id!r}); give the reference ids "
                                   f"of the reference_id column (such as {fact_id!r}).",
                                   reason="value_ids_given")
    if given and given <= set(checks["figure_id"]):
        return Feedback(INCORRECT, "Those are the article's figure ids; give the ids of the other "
                                   "sources, in the reference_id column.", reason="figure_ids_given")
    feedback = check_collection(given, expected, "reference rows from parties to the conflict")
    if feedback.status == CORRECT:
        return Feedback(CORRECT, feedback.message + (
            " A party's figure is reliable as what that party said; these rows can still be "
            "compared, labelled with their side."
        ))
    notes = []
    publishers = fact_publishers(_ledger())
    stated = publishers[publishers["role"] == "stated"]
    not_party = sorted(i for i in given - expected if i in set(stated["fact_id"]))
    if not_party:
        words = "; ".join(f"{i}: stated by {_stated_by(stated, i)}" for i in not_party)
        sides = _ledger().reference_sides
        party = sides["standing"] == "party"
        parties = "; ".join(f"{row.side}: {row.label}" for row in sides[party].itertuples())
        others = "; ".join(f"{row.side}: {row.label}" for row in sides[~party].itertuples()
                           if row.side != "unknown")
        notes.append(f"{words}. Only a publisher whose side is a party in reference/sides.csv "
                     f"counts as a party ({parties}). The other sides do not ({others})")
    if expected - given:
        notes.append("a row counts when the publisher that stated it is a party, even when "
                     "another outlet reported it: read who stated each row, not who carried it")
    return Feedback(INCORRECT, feedback.message + (" " + "; ".join(notes) + "." if notes else ""),
                    reason=feedback.reason)


def _stated_by(stated, fact_id: str) -> str:
    own = stated[stated["fact_id"] == fact_id]
    return " and ".join(f"{r.name} ({r.side}, {r.standing})" for r in own.itertuples())


# 8.5 ------------------------------------------------------------------------------------

CHOICES = {"8.5": choices.entry("8.5")}  # options and key (choices.csv)


@task("8.5")
def check_toll(answer):
    checks = _checks()
    row = checks[checks["value_id"] == _setting("toll_value")].iloc[0]
    return choices.check("8.5", answer, source=row["source"], source_date=row["source_date"],
                         rule=row["rule"], outcome=row["outcome"], reason=row["reason"])


# 8.6 ------------------------------------------------------------------------------------

@task("8.6")
def check_summary(answer):
    return check_written(answer, _ledger().article.text, "8.6")


# 8.7 ------------------------------------------------------------------------------------

@task("8.7")
def check_reasons(answer):
    return check_written(answer, _ledger().article.text, "8.7")


# 8.8 ------------------------------------------------------------------------------------

def expected_decided_outcome() -> str:
    """The outcome rules M1 and N1-N4 give for the article's figure and the reference value of
    settings lesson08.decide_figure and lesson08.decide_value, read as the relation of setting
    lesson08.decide_relation (the pack's coding: whether the two count the same people)."""
    from ..evidence.comparison import outcome_by_rules

    ledger = _ledger()
    figure = ledger.figures.set_index("figure_id").loc[_setting("decide_figure")]
    value = ledger.reference_fact_values.set_index("value_id").loc[_setting("decide_value")]
    return outcome_by_rules(figure, value, _setting("decide_relation"))[1]


def decide_key() -> int:
    """The option whose outcome is the one the rules give (expected_decided_outcome)."""
    from ..evidence.comparison import CONSISTENT, DIFFERENT_MEASURE, DIFFERS, ROUGHLY

    order = [CONSISTENT, ROUGHLY, DIFFERS, DIFFERENT_MEASURE]
    return order.index(expected_decided_outcome()) + 1


CHOICES["8.8"] = choices.entry("8.8", decide_key)  # options (choices.csv) and the computed key


@task("8.8")
def check_decided(answer):
    return choices.check("8.8", answer, decide_key())
