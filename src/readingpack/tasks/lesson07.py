"""Lesson 7 (Language and framing): the exercise tasks and their checks.

Every expected value is computed from the ledger (readingpack.lexicon, readingpack.actors);
only the keys of the multiple-choice and classification tasks are typed here.
"""

import re
from functools import cache

from ..checks import (
    CORRECT,
    INCORRECT,
    Feedback,
    check_choice,
    check_counts,
    check_label,
    check_number,
    check_written,
    register,
    type_problem,
)

RUBRIC = "solutions/07_language.ipynb, task {}"

# Task 7.1: attribution verbs in a range of paragraphs.
VERB_RANGE = (9, 13)
# Task 7.2: the phrase to classify and its word (a lexicon term).
PHRASE_TERM = "confirms"
LABELS = ["evaluative", "attribution_verb", "hedge", "certainty_marker"]
# Task 7.4: the body of the article, and the names counted for each side.
BODY = (3, 20)
NAMES = {  # key in the answer -> actor_id in the ledger
    "Azerbaijan": "azerbaijan", "Baku": "baku", "Aliyev": "aliyev",
    "Armenia": "armenia", "Yerevan": "yerevan", "Pashinyan": "pashinyan",
}
SIDES = {"Azerbaijan": ("Baku", "Aliyev"), "Armenia": ("Yerevan", "Pashinyan")}
# Task 7.5: hedges in a range of paragraphs, read off the framing widget.
HEDGE_RANGE = (14, 20)
LONGER = {"Azerbaijan": " such as 'Azerbaijani'", "Armenia": " such as 'Armenian'"}


@cache
def _ledger():
    from ..ledger import load_ledger

    return load_ledger()


@cache
def _found():
    from ..lexicon import ledger_terms

    return ledger_terms(_ledger())


@cache
def _mentions():
    from ..actors import ledger_mentions

    return ledger_mentions(_ledger())


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


# 7.1 ------------------------------------------------------------------------------------

def expected_verbs() -> int:
    return category_count("attribution_verb", VERB_RANGE)


@register("7.1", "verbs_9_13", "code",
          "Count the attribution verbs in paragraphs 9-13 with pandas (lexicon.ledger_terms).")
def check_verbs(answer):
    first, last = VERB_RANGE
    everything = len(_in(_found(), VERB_RANGE))
    near = [
        (category_count("attribution_verb", (first, last - 1)),
         f"That is the count for paragraphs {first}-{last - 1}: paragraph {last} is missing. "
         f"Series.between({first}, {last}) includes both ends; range({first}, {last}) stops "
         f"before {last}."),
        (everything,
         f"That counts every category of the lexicon in paragraphs {first}-{last}; keep only "
         "the rows whose category is 'attribution_verb'."),
        (category_count("attribution_verb", (1, 23)),
         f"That is the count for the whole article; keep only paragraphs {first}-{last}."),
    ]
    return exact_count(answer, expected_verbs(),
                       f"the number of attribution verbs in paragraphs {first}-{last}", near)


# 7.2 ------------------------------------------------------------------------------------

def expected_label() -> str:
    lexicon = _ledger().lexicon
    return lexicon.loc[lexicon["term"] == PHRASE_TERM, "category"].iloc[0]


@register("7.2", "confirms_label", "classification",
          "Classify “This confirms concerns” (paragraph 4) by its lexicon category.")
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

PEACEKEEPING_OPTIONS = [
    "They give the official name of the mission, and say nothing more.",
    "They report the exact words of a speaker whom the article names.",
    "They hold the word at a distance: the author uses the mission's own word without taking "
    "it on, whereas paragraph 9 uses “peacekeeping” without quotation marks.",
    "They prove that the mission did not keep the peace.",
]


@register("7.3", "peacekeeping_choice", "choice",
          "What do the quotation marks around “peacekeeping” in paragraph 10 do?")
def check_peacekeeping(answer):
    why = {
        3: (
            "Yes: the marks keep the word at a distance (scare quotes). The same word stands "
            "without marks in paragraph 9, so the marks are a choice. They tell you the author's "
            "stance towards the word; they are not evidence about the mission."
        ),
        1: (
            "Not the best answer: the mission's name would not need marks around one word only, "
            "and paragraph 12 writes “Russian peacekeepers” without them. Compare with paragraph 9."
        ),
        2: (
            "Not the best answer: the article names no speaker for this word. Ask whose word it "
            "is, and why it is marked here but not in paragraph 9."
        ),
        4: (
            "Quotation marks cannot prove anything about events: they show how the author "
            "positions herself towards a word. What the mission did is a separate question, for "
            "sources."
        ),
    }
    return check_choice(answer, PEACEKEEPING_OPTIONS, 3, why)


# 7.4 ------------------------------------------------------------------------------------

def expected_naming() -> dict[str, int]:
    counts = _in(_mentions(), BODY)["actor_id"].value_counts()
    return {name: int(counts.get(actor, 0)) for name, actor in NAMES.items()}


def _body_text() -> str:
    paragraphs = _ledger().article.paragraphs
    return "\n".join(paragraphs.loc[BODY[0]:BODY[1], "text"])


def _shown(alias: str) -> str:
    plain = " ".join(alias.split())
    return repr(plain) + (" (with odd spacing in the text)" if plain != alias else "")


def _near_misses(name: str) -> list[tuple[int, str, bool]]:
    """Other counts a student may reach for `name`: (count, what went wrong, specific). A
    specific explanation (a forgotten form, the whole article, a folded capital) is preferred
    to a generic one (a search method)."""
    mentions, expected = _mentions(), expected_naming()
    body, text = _in(mentions, BODY), _body_text()
    actor = NAMES[name]
    whole = int((mentions["actor_id"] == actor).sum())
    bare = int((body["alias"] == name).sum())
    other_forms = sorted(set(body.loc[body["actor_id"] == actor, "alias"]) - {name})
    misses = [
        (bare, f"you counted {name!r} but not {', '.join(map(_shown, other_forms))}", True),
        (whole, f"{name!r}: that is the count for the whole article; keep paragraphs "
                f"{BODY[0]}-{BODY[1]} only", True),
        (text.count(name), f"{name!r}: a plain substring count also counts longer words"
                           f"{LONGER.get(name, '')}; count whole names (readingpack.actors)", False),
        (len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text)),
         f"{name!r}: a whole-word search also counts the name inside other actors' names "
         "(“Republic of …”, “EU Mission in Armenia”); readingpack.actors keeps those apart", False),
    ]
    if name in SIDES:
        capital = SIDES[name][0]
        misses.append((expected[name] + expected[capital],
                       f"{name!r}: you folded {capital!r} into the state (counted_as); count each "
                       "form of the name apart (actor_id)", True))
    if name == "Yerevan":
        city = int((body["actor_id"] == "yerevan_city").sum())
        misses.append((expected[name] + city,
                       "'Yerevan': you also counted “the capital Yerevan”, where the article means "
                       "the city, not the government", True))
    return [miss for miss in misses if miss[0] != expected[name]]


def _explain(name: str, value) -> str:
    if isinstance(value, bool) or (not isinstance(value, int | float) and not hasattr(value, "__int__")):
        return f"{name!r}: write the count as a number, not {value!r}"
    matches = [(text, specific) for miss, text, specific in _near_misses(name) if value == miss]
    specific = [text for text, is_specific in matches if is_specific]
    chosen = specific or [text for text, _ in matches]
    return "; or ".join(chosen) or f"{name!r}: you have {value!r}, the text gives a different count"


@register("7.4", "naming_body", "code",
          "Count how often the body names each side by state, capital and leader.")
def check_naming(answer):
    expected = expected_naming()
    if not isinstance(answer, dict) and not hasattr(answer, "to_dict"):
        return type_problem(answer, "a dictionary such as {'Azerbaijan': ..., 'Baku': ...}")
    if hasattr(answer, "to_dict"):
        answer = answer.to_dict()
    problems = []
    for state, (capital, leader) in SIDES.items():
        given = [name for name in (state, capital, leader) if name in answer]
        for name in (state, capital, leader):
            if name not in answer and given:
                problems.append(f"you counted {given[0]!r} but not {name!r}")
            elif name not in answer:
                problems.append(f"you did not count {name!r}")
    for name, value in expected.items():
        if name not in answer or answer[name] == value:
            continue
        problems.append(_explain(name, answer[name]))
    extra = [key for key in answer if key not in expected]
    if extra:
        problems.append(f"{', '.join(map(repr, extra))} not expected here (use the keys "
                        f"{', '.join(map(repr, expected))})")
    if problems:
        return Feedback(INCORRECT, "; ".join(problems) + ".")
    feedback = check_counts(answer, expected, "counts of the names in paragraphs 3-20")
    if feedback.status != CORRECT:
        return feedback
    return Feedback(CORRECT, feedback.message + (
        " Each state is named about as often as the other, but the capital and the leader far "
        "more often for Azerbaijan's side."
    ))


# 7.5 ------------------------------------------------------------------------------------

def expected_hedges() -> int:
    return category_count("hedge", HEDGE_RANGE)


@register("7.5", "hedges_14_20", "widget",
          "Use the framing widget to find how many hedges appear in paragraphs 14-20.")
def check_hedges(answer):
    first, last = HEDGE_RANGE
    found = _found()
    hedges = _in(found[found["category"] == "hedge"], HEDGE_RANGE)
    near = [
        (category_count("hedge", (1, 23)),
         f"That is the count for the whole article: set the Paragraphs slider to {first}-{last}."),
        (hedges["term"].nunique(),
         "That is the number of different hedge terms; the question asks for occurrences "
         "(the summary line of the widget)."),
        (category_count("certainty_marker", HEDGE_RANGE),
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

@register("7.6", "neutral_rewrite", "written",
          "Rewrite an evaluative sentence of paragraph 12 as a neutral, attributed description.")
def check_rewrite(answer):
    return check_written(answer, _ledger().article.text, RUBRIC.format("7.6"), min_words=30)
