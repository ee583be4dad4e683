"""Lesson 8 (Checking the claims): the exercise tasks and their checks.

Every expected value is computed from the ledger and readingpack.evidence.comparison; only the keys of
the multiple-choice tasks are typed here.
"""


from ..evidence.comparison import check_table
from ..evidence.settings import setting
from ..evidence.sources import fact_publishers, fact_sides
from ..ledger import load_ledger
from .feedback import (
    CORRECT,
    INCORRECT,
    Feedback,
    check_choice,
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
    why = {
        _label(CONSISTENT): (
            f"Yes: {row['outcome']}. The article's “four hundred injured” and the source's "
            f"“{row['source_value']}” overlap, and injured and wounded count the same thing (the "
            f"same measure). The source ({row['reference_id']}) was stated by a party to the "
            "conflict: its figure is reliable as what that party said."
        ),
        _label(ROUGHLY): (
            "The two values do overlap, and the Relation column says they are the same measure "
            "(injured and wounded count the same thing). Read the outcome in the widget's last "
            "column again."
        ),
        _label(DIFFERS): (
            f"Not differs: “{row['source_value']}” and “four hundred injured” overlap. Read the "
            "outcome in the widget's last column for this figure."
        ),
        _label(DIFFERENT_MEASURE): (
            "Read the Relation column: injured and wounded count the same thing, so the two are "
            "compared as the same measure."
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
        return type_problem(answer, "a list of reference ids such as ['C1', 'E9']")
    try:
        given = set(answer)
    except TypeError:
        return type_problem(answer, "a list of reference ids (text, not nested lists)")
    checks = _checks()
    expected = expected_party_rows()
    if given and given <= set(checks["value_id"]):
        return Feedback(INCORRECT, "Those are value ids (such as 'C1.1'); give the reference ids "
                                   "of the reference_id column (such as 'C1').")
    if given and given <= set(checks["figure_id"]):
        return Feedback(INCORRECT, "Those are the article's figure ids; give the ids of the other "
                                   "sources, in the reference_id column.")
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
        notes.append(f"{words}. Only a government, its state bodies or state media, or the de "
                     "facto authorities count as a party; an outlet based in Armenia or "
                     "Azerbaijan, Russia's state media and international bodies do not")
    if expected - given:
        notes.append("a row counts when the publisher that stated it is a party, even when "
                     "another outlet reported it: read who stated each row, not who carried it")
    return Feedback(INCORRECT, feedback.message + (" " + "; ".join(notes) + "." if notes else ""))


def _stated_by(stated, fact_id: str) -> str:
    own = stated[stated["fact_id"] == fact_id]
    return " and ".join(f"{r.name} ({r.side}, {r.standing})" for r in own.itertuples())


# 8.5 ------------------------------------------------------------------------------------

TOLL_OPTIONS = [
    "218 lies within 10% of 220, so the check suggests that the article's figure is probably correct "
    "and the source's is not.",
    "The source is a party to the conflict, so its figure can at most be shown apart, not set beside "
    "the article's figure.",
    "“At least 220” is a lower bound and 218 one party's count at one date; the check says how close "
    "they are, not which is true.",
    "“More” means the article adds its own 220 to the source's 218, so the two figures count two "
    "different sets of deaths.",
]
TOLL_KEY = 3
CHOICES = {"8.5": (TOLL_OPTIONS, TOLL_KEY)}  # options and key, for tests/test_choice_balance.py


@task("8.5")
def check_toll(answer):
    checks = _checks()
    row = checks[checks["value_id"] == _setting("toll_value")].iloc[0]
    why = {
        1: (
            "An outcome is not a verdict: within 10% gives “roughly consistent”, which says how "
            "close two values are, not that either is right or wrong."
        ),
        2: (
            "A party's figure can be compared: it is reliable as what that party said, and the "
            "pack labels it with its side instead of dropping it."
        ),
        3: (
            f"Yes. “At least 220” is a lower bound given without a named source; 218 is the count of "
            f"the {row['source']} {row['source_date']}, and tolls changed as reports came in. Rule "
            f"{row['rule']} gives “{row['outcome']}”: {row['reason']} The outcome describes the "
            "comparison; calling either figure wrong would need to know what the article's source "
            "counted, and when."
        ),
        4: (
            "“More” refers back in the article: the ledger reads these deaths as in addition to "
            "the “casualties” of the military operation mentioned before (figure F026, itself "
            "ambiguous), not as in addition to the source's 218."
        ),
    }
    return check_choice(answer, TOLL_OPTIONS, TOLL_KEY, why)


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


DECIDE_OPTIONS = [
    "Consistent, by rule N2: read as killed and wounded, C4's 703 lies above the article's floor of 200.",
    "Roughly consistent, by rule N3: C4's 192 killed lies within a tenth of the article's two hundred.",
    "Differs, by rule N4: the article's floor of two hundred lies above the 192 killed that C4 reports.",
    "A different measure, by rule M1: C4 counts Azerbaijan's servicemen, not the people of the figure.",
]


def decide_key() -> int:
    """The option whose outcome is the one the rules give (expected_decided_outcome)."""
    from ..evidence.comparison import CONSISTENT, DIFFERENT_MEASURE, DIFFERS, ROUGHLY

    order = [CONSISTENT, ROUGHLY, DIFFERS, DIFFERENT_MEASURE]
    return order.index(expected_decided_outcome()) + 1


CHOICES["8.8"] = (DECIDE_OPTIONS, 4)  # options and key, for tests/test_choice_balance.py


@task("8.8")
def check_decided(answer):
    people = ("Rule M1 comes first: does the source count the same thing? Read whose losses the "
              "article's figure in paragraph 12 is about, and whose losses the ministry behind C4 "
              "reported, before any number is compared.")
    why = {
        1: people + " Rules N1-N4 compare only the same measure.",
        2: people + " The closeness of two numbers does not make them the same measure.",
        3: people + " A gap between two different measures is not a difference.",
        4: ("Yes, by rule M1: the two count different people, so they are shown side by side and "
            "never compared, averaged or added. Both are counts of losses in the same days; neither "
            "is a check of the other."),
    }
    return check_choice(answer, DECIDE_OPTIONS, decide_key(), why)
