"""Lesson 7 (Language and framing): the exercise tasks and their checks.

Every expected value is computed from the ledger (readingpack.evidence.language,
readingpack.evidence.mentions); only the keys of the multiple-choice and classification tasks are typed
here. The names counted in task 7.4 are the settings naming.first_side and naming.second_side
(data/settings.csv).
"""

import re

from ..evidence.language import ledger_terms
from ..evidence.mentions import ledger_mentions
from ..evidence.settings import setting, setting_ids
from ..ledger import load_ledger
from .feedback import (
    CORRECT,
    INCORRECT,
    Feedback,
    align_keys,
    check_choice,
    check_counts,
    check_label,
    check_number,
    check_written,
    register,
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


# 7.1 ------------------------------------------------------------------------------------

def expected_verbs() -> int:
    return category_count("attribution_verb", verb_range())


@register("7.1", "verbs_9_13", "code",
          "Count the attribution verbs in paragraphs 9-13 with pandas (language.ledger_terms).")
def check_verbs(answer):
    first, last = verb_range()
    everything = len(_in(_found(), verb_range()))
    near = [
        (category_count("attribution_verb", (first, last - 1)),
         f"That is the count for paragraphs {first}-{last - 1}: paragraph {last} is missing. "
         f"Series.between({first}, {last}) includes both ends; range({first}, {last}) stops "
         f"before {last}."),
        (everything,
         f"That counts every category of the lexicon in paragraphs {first}-{last}; keep only "
         "the rows whose category is 'attribution_verb'."),
        (category_count("attribution_verb", whole_article()),
         f"That is the count for the whole article; keep only paragraphs {first}-{last}."),
    ]
    return exact_count(answer, expected_verbs(),
                       f"the number of attribution verbs in paragraphs {first}-{last}", near)


# 7.2 ------------------------------------------------------------------------------------

def expected_label() -> str:
    lexicon = load_ledger().lexicon
    return lexicon.loc[lexicon["term"] == setting("lesson07.phrase_term"), "category"].iloc[0]


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
    "They mark the official name of the mission, as a title is marked, and add nothing more.",
    "They report the exact word of a speaker whom the article names in the same sentence.",
    "They are evidence about the mission itself: about what it did or did not do on the ground.",
    "They hold the word at a distance: the author uses the mission's word without adopting it.",
]
PEACEKEEPING_KEY = 4
CHOICES = {"7.3": (PEACEKEEPING_OPTIONS, PEACEKEEPING_KEY)}  # for tests/test_choice_balance.py


@register("7.3", "peacekeeping_choice", "choice",
          "What do the quotation marks around “peacekeeping” in paragraph 10 do?")
def check_peacekeeping(answer):
    why = {
        1: (
            "Not the best answer: the mission's name would not need marks around one word only, "
            "and paragraph 12 writes “Russian peacekeepers” without them. Compare with paragraph 9."
        ),
        2: (
            "Not the best answer: the article names no speaker for this word. Ask whose word it "
            "is, and why it is marked here but not in paragraph 9."
        ),
        3: (
            "Not the best answer: quotation marks cannot prove anything about events on the "
            "ground. What the mission did is a separate question, for sources; this task asks "
            "what the marks do in the text."
        ),
        4: (
            "Yes: the marks keep the word at a distance (scare quotes). The same word stands "
            "without marks in paragraph 9, so the marks are a choice. They tell you the author's "
            "stance towards the word; they are not evidence about the mission."
        ),
    }
    return check_choice(answer, PEACEKEEPING_OPTIONS, PEACEKEEPING_KEY, why)


# 7.4 ------------------------------------------------------------------------------------

def expected_naming() -> dict[str, int]:
    counts = _in(_mentions(), body_range())["actor_id"].value_counts()
    return {name: int(counts.get(actor, 0)) for name, actor in naming_names().items()}


def _body_text() -> str:
    first, last = body_range()
    return "\n".join(load_ledger().article.paragraphs.loc[first:last, "text"])


def _longer(name: str, text: str) -> str:
    """" such as 'Azerbaijani'": the shortest longer word of the text that starts with a
    state's name, for the feedback on a substring count."""
    found = re.findall(rf"(?<!\w){re.escape(name)}\w+", text)
    return f" such as {min(found, key=len)!r}" if found else ""


def _shown(alias: str) -> str:
    plain = " ".join(alias.split())
    return repr(plain) + (" (with odd spacing in the text)" if plain != alias else "")


def _near_misses(name: str) -> list[tuple[int, str, bool]]:
    """Other counts a student may reach for `name`: (count, what went wrong, specific). A
    specific explanation (a forgotten form, the whole article, a folded capital) is preferred
    to a generic one (a search method)."""
    mentions, expected, (first, last) = _mentions(), expected_naming(), body_range()
    body, text = _in(mentions, (first, last)), _body_text()
    actor, sides = naming_names()[name], naming_sides()
    whole = int((mentions["actor_id"] == actor).sum())
    bare = int((body["alias"] == name).sum())
    other_forms = sorted(set(body.loc[body["actor_id"] == actor, "alias"]) - {name})
    misses = [
        (bare, f"you counted {name!r} but not {', '.join(map(_shown, other_forms))}", True),
        (whole, f"{name!r}: that is the count for the whole article; keep paragraphs "
                f"{first}-{last} only", True),
        (text.count(name), f"{name!r}: a plain substring count also counts longer words"
                           f"{_longer(name, text) if name in sides else ''}; count whole names "
                           "(readingpack.actors)", False),
        (len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text)),
         f"{name!r}: a whole-word search also counts the name inside other actors' names "
         "(“Republic of …”, “EU Mission in Armenia”); readingpack.actors keeps those apart", False),
    ]
    if name in sides:
        capital = naming_keys()[sides[name][1]]
        misses.append((expected[name] + expected[capital],
                       f"{name!r}: you folded {capital!r} into the state (counted_as); count each "
                       "form of the name apart (actor_id)", True))
    capitals = {naming_keys()[ids[1]] for ids in sides.values()}
    if name in capitals:
        misses += _city_misses(name, body, expected[name])
    return [miss for miss in misses if miss[0] != expected[name]]


def _city_misses(capital: str, body, expected: int) -> list[tuple[int, str, bool]]:
    """A capital's count with the mentions of another actor whose name holds it (“the capital
    Yerevan”, where the article means the city, not the government)."""
    aliases = load_ledger().actor_aliases
    actor = naming_names()[capital]
    holds = (aliases["alias"].str.contains(rf"(?<!\w){re.escape(capital)}(?!\w)")
             & (aliases["actor_id"] != actor))
    misses = []
    for other, alias in zip(aliases.loc[holds, "actor_id"], aliases.loc[holds, "alias"], strict=True):
        misses.append((expected + int((body["actor_id"] == other).sum()),
                       f"{capital!r}: you also counted “{alias}”, where the article means the city, "
                       "not the government", True))
    return misses


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
    expected, keys = expected_naming(), naming_keys()
    if not isinstance(answer, dict) and not hasattr(answer, "to_dict"):
        state, capital = list(expected)[:2]
        return type_problem(answer, f"a dictionary such as {{{state!r}: ..., {capital!r}: ...}}")
    if hasattr(answer, "to_dict"):
        answer = answer.to_dict()
    answer = align_keys(answer, expected)
    problems = []
    sides = {state: [keys[a] for a in ids[1:]] for state, ids in naming_sides().items()}
    for state, (capital, leader) in sides.items():
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
    first, last = body_range()
    feedback = check_counts(answer, expected, f"counts of the names in paragraphs {first}-{last}")
    if feedback.status != CORRECT:
        return feedback
    more = max(sides, key=lambda state: sum(expected[name] for name in sides[state]))
    return Feedback(CORRECT, feedback.message + (
        " Each state is named about as often as the other, but the capital and the leader far "
        f"more often for {more}'s side."
    ))


# 7.5 ------------------------------------------------------------------------------------

def expected_hedges() -> int:
    return category_count("hedge", hedge_range())


@register("7.5", "hedges_14_20", "widget",
          "Use the framing widget to find how many hedges appear in paragraphs 14-20.")
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

@register("7.6", "neutral_rewrite", "written",
          "Rewrite an evaluative sentence of paragraph 12 as a neutral, attributed description.")
def check_rewrite(answer):
    return check_written(answer, load_ledger().article.text, "7.6")
