"""Lesson 7 (Language and framing): the exercise tasks and their checks.

Every expected value is computed from the ledger (readingpack.evidence.language,
readingpack.evidence.mentions); only the keys of the multiple-choice and classification tasks are typed
here. The names counted in task 7.4 are the settings naming.first_side and naming.second_side
(data/settings.csv).
"""


from ..evidence import coding
from ..evidence.language import ledger_terms
from ..evidence.mentions import ledger_mentions
from ..evidence.settings import setting, setting_ids
from ..ledger import load_ledger
from . import choices
from .coding_checks import coded_table
from .feedback import (
    CORRECT,
    INCORRECT,
    Feedback,
    check_label,
    check_number,
    check_written,
    task,
    type_problem,
)

# Task 7.1: attribution verbs in a range of paragraphs (data/settings.csv lesson07.verb_paragraphs).
# Task 7.2: the phrase to classify and its word, a lexicon term (lesson07.phrase_term).
LABELS = ["evaluative", "attribution_verb", "hedge", "certainty_marker"]
# Task 7.5: hedges in a range of paragraphs, read off the framing widget (lesson07.hedge_paragraphs).
SIDE_SETTINGS = ("naming.first_side", "naming.second_side")


def verb_range() -> tuple[int, int]:
    first, last = setting_ids("lesson07.verb_paragraphs")
    return int(first), int(last)


def hedge_range() -> tuple[int, int]:
    first, last = setting_ids("lesson07.hedge_paragraphs")
    return int(first), int(last)


def _found():
    return ledger_terms(load_ledger())


def _mentions():
    return ledger_mentions(load_ledger())


def body_range() -> tuple[int, int]:
    """Task 7.4: the first and last paragraphs of the article's body (paragraph kind "body")."""
    paragraphs = load_ledger().article.paragraphs
    body = paragraphs.loc[paragraphs["kind"] == "body", "number"]
    return int(body.min()), int(body.max())


def naming_sides() -> dict[str, list[str]]:
    """Task 7.4: {state's name: [state, capital, leader] as actor ids}, one entry per side, from
    the settings naming.first_side and naming.second_side."""
    sides = [setting_ids(key) for key in SIDE_SETTINGS]
    return {naming_keys()[ids[0]]: ids for ids in sides}


def naming_keys() -> dict[str, str]:
    """{actor_id: the key the answer uses}: each named actor's first alias (actor_aliases.csv)."""
    aliases = load_ledger().actor_aliases.drop_duplicates("actor_id").set_index("actor_id")["alias"]
    return {actor: str(aliases[actor]) for key in SIDE_SETTINGS for actor in setting_ids(key)}


def whole_article() -> tuple[int, int]:
    numbers = load_ledger().article.paragraphs["number"]
    return int(numbers.min()), int(numbers.max())


def naming_names() -> dict[str, str]:
    """{key in the answer: actor_id}, state, capital and leader of each side in turn."""
    return {name: actor for actor, name in naming_keys().items()}


def _in(frame, first_last):
    return frame[frame["paragraph"].between(*first_last)]


def exact_count(answer, expected: int, what: str, near_misses) -> Feedback:
    """check_number with no tolerance, saying so plainly (no "within 0")."""
    feedback = check_number(answer, expected, 0, what, near_misses)
    if feedback.status == CORRECT:
        return Feedback(CORRECT, f"{what.capitalize()} is {expected}.")
    return feedback


def category_count(category: str, first_last: tuple[int, int]) -> int:
    found = _found()
    return len(_in(found[found["category"] == category], first_last))


# 7.1 is retired: a count of pre-coded verbs, replaced by 7.7 (data/tasks.csv).

# 7.2 ------------------------------------------------------------------------------------

def expected_label() -> str:
    lexicon = load_ledger().lexicon
    return lexicon.loc[lexicon["term"] == setting("lesson07.phrase_term"), "category"].iloc[0]


@task("7.2")
def check_confirms(answer):
    correct = expected_label()
    why = {
        "certainty_marker": (
            "Yes: “confirms” presents the event as proof of a view, so the sentence sounds "
            "settled. How sure a sentence sounds is not how well it is supported."
        ),
        "evaluative": (
            "Not quite: “confirms” judges nothing as good or bad. It says how sure the sentence "
            "is: it presents the event as proof of a view."
        ),
        "attribution_verb": (
            "Not quite: “confirms” does not report what someone said. It presents the event as "
            "proof of the concerns, so it marks how sure the sentence is."
        ),
        "hedge": (
            "The opposite: a hedge softens a statement (“may”, “seem”); “confirms” presents it "
            "as settled."
        ),
    }
    return check_label(answer, LABELS, correct, why)


# 7.3 ------------------------------------------------------------------------------------

CHOICES = {"7.3": choices.entry("7.3")}  # options and key (choices.csv)


@task("7.3")
def check_peacekeeping(answer):
    return choices.check("7.3", answer)


# 7.4 is retired: it repeated task 4.1, replaced by 7.8 (data/tasks.csv).

# 7.5 ------------------------------------------------------------------------------------

def expected_hedges() -> int:
    return category_count("hedge", hedge_range())


@task("7.5")
def check_hedges(answer):
    first, last = hedge_range()
    found = _found()
    hedges = _in(found[found["category"] == "hedge"], hedge_range())
    near = [
        (category_count("hedge", whole_article()),
         f"That is the count for the whole article: set the Paragraphs slider to {first}-{last}."),
        (hedges["term"].nunique(),
         "That is the number of different hedge terms; the question asks for occurrences "
         "(the summary line of the widget)."),
        (category_count("certainty_marker", hedge_range()),
         "That is the number of certainty markers; choose Hedges in the Category menu."),
    ]
    feedback = exact_count(answer, expected_hedges(),
                           f"the number of hedges in paragraphs {first}-{last}", near)
    if feedback.status == CORRECT:
        where = ", ".join(f"“{m}” (¶{p})" for p, m in zip(hedges["paragraph"], hedges["match"],
                                                            strict=True))
        return Feedback(CORRECT, f"{feedback.message} They are {where}.")
    return feedback


# 7.6 ------------------------------------------------------------------------------------

@task("7.6")
def check_rewrite(answer):
    return check_written(answer, load_ledger().article.text, "7.6")


# 7.7 ------------------------------------------------------------------------------------

def split_claims() -> list[str]:
    """The ledger's claims that overlap the sentences of setting lesson07.split_sentences."""
    ledger = load_ledger()
    sentences = [tuple(int(n) for n in s.split(".")) for s in setting_ids("lesson07.split_sentences")]
    return coding.claims_in_sentences(ledger, sentences)


@task("7.7")
def check_split(answer):
    return coded_table(answer, coding.CLAIM_COLUMNS, "claims",
                       lambda frame: coding.compare_claims(frame, load_ledger(), claim_ids=split_claims()))


# 7.8 ------------------------------------------------------------------------------------

HEDGE_RULE = ("Tie-break rule 5: a hedged statement that names a future event is a prediction; a "
              "hedged judgement about present intentions is an evaluation; a hedge inside words the "
              "article reports (“reportedly”, “may” as permission) leaves a reported statement.")


def expected_hedged_types() -> dict[str, str]:
    claims = load_ledger().claims.set_index("claim_id")
    return {claim_id: claims.loc[claim_id, "claim_type"]
            for claim_id in setting_ids("lesson07.hedge_claims", table="claims")}


@task("7.8")
def check_hedged(answer):
    if not isinstance(answer, dict):
        return type_problem(answer, "a dict of claim ids and claim types, one entry per claim")
    expected = expected_hedged_types()
    given = {str(k).strip().upper(): str(v).strip().lower().replace(" ", "_") for k, v in answer.items()}
    missing = sorted(set(expected) - set(given))
    if missing:
        return Feedback(INCORRECT, f"Give a type for each of the four claims; missing: {', '.join(missing)}.",
                        reason="missing_keys")
    differ = [claim_id for claim_id in expected if given[claim_id] != expected[claim_id]]
    if not differ:
        return Feedback(CORRECT, "All four typed as the ledger types them. " + HEDGE_RULE)
    lines = [f"{claim_id}: you chose {given[claim_id]}; read the claim again: what does the hedge "
             "qualify, a future event, a judgement about the present, or someone else's words?"
             for claim_id in differ]
    return Feedback(INCORRECT, "\n".join([f"{len(expected) - len(differ)} of {len(expected)} agree with "
                                          "the ledger.", *lines, "Read tie-break rule 5 in data/CODEBOOK.md "
                                          "again, then decide once more."]), reason="wrong_claim_types")
