"""Lesson 1, the article and its setting: the checks of the exercise tasks 1.1-1.6.

Every expected value is computed from the ledger (paragraphs, glossary) or with the lesson's
own widget functions, never typed; only the key of the multiple-choice task is typed.
"""

import re

import pandas as pd

from ..evidence.background import find_spans, word_count
from ..evidence.settings import setting, setting_ids
from ..ledger import load_ledger
from . import choices
from .feedback import (
    CORRECT,
    INCORRECT,
    Feedback,
    as_number,
    check_collection,
    check_number,
    check_written,
    task,
    type_problem,
)

# The glossary thing, the two sides (used_by codes) and the search word of tasks 1.4 and 1.5 are
# this article's: data/settings.csv lesson01.town, lesson01.town_sides, lesson01.search_word.


def _paragraphs() -> pd.DataFrame:
    return load_ledger().paragraphs


def body_numbers() -> list[int]:
    paragraphs = _paragraphs()
    return [int(n) for n in paragraphs.loc[paragraphs["kind"] == "body", "number"]]


def paragraph_words() -> pd.DataFrame:
    """number, kind and words of every paragraph (words as the lesson counts them)."""
    paragraphs = _paragraphs()
    return pd.DataFrame({
        "number": paragraphs["number"].astype(int),
        "kind": paragraphs["kind"],
        "words": [word_count(str(t)) for t in paragraphs["text"]],
    })


# 1.1 ----------------------------------------------------------------------------------------

@task("1.1")
def check_body_paragraphs(answer) -> Feedback:
    body = body_numbers()
    first, last, total = body[0], body[-1], len(_paragraphs())
    near = [
        (total, f"{total} is every paragraph of the text, title, standfirst, bylines and bio "
                "included. Keep only the rows whose kind is 'body'."),
        (last, f"{last} is the number of the last body paragraph, not the count: the body "
               f"starts at paragraph {first}."),
        (last - first, f"Check how you counted: the body runs from paragraph {first} to paragraph {last}, "
                       "and a count of paragraphs includes both ends."),
    ]
    feedback = check_number(answer, len(body), 0, "the number of body paragraphs", near)
    if feedback.passed:
        return Feedback(CORRECT, f"Yes: {len(body)} body paragraphs, numbers {first} to {last}.")
    return feedback


# 1.2 ----------------------------------------------------------------------------------------

CHOICES = {"1.2": choices.entry("1.2")}  # options and key (choices.csv)


@task("1.2")
def check_genre(answer) -> Feedback:
    return choices.check("1.2", answer)


# 1.3 ----------------------------------------------------------------------------------------

def longest_body_paragraph() -> tuple[int, int]:
    """(paragraph number, words) of the longest body paragraph."""
    table = paragraph_words()
    body = table[table["kind"] == "body"].sort_values("words", ascending=False, kind="stable")
    return int(body.iloc[0]["number"]), int(body.iloc[0]["words"])


@task("1.3")
def check_longest(answer) -> Feedback:
    table = paragraph_words()
    body = table[table["kind"] == "body"].sort_values("words", ascending=False, kind="stable")
    number, words = longest_body_paragraph()
    second = body.iloc[1]
    shortest = body.iloc[-1]
    row_label = int(table.index[table["number"] == number][0])
    near = [
        (words, f"{words} is the length of the longest body paragraph in words; give its "
                "paragraph number instead."),
        (int(second["number"]), f"Paragraph {int(second['number'])} is the second longest "
                                f"({int(second['words'])} words); one paragraph is longer."),
        (int(shortest["number"]), f"Paragraph {int(shortest['number'])} is the shortest body "
                                  f"paragraph ({int(shortest['words'])} words): did you sort "
                                  "the wrong way or use idxmin?"),
    ]
    if row_label != number:
        near.append((row_label, f"{row_label} is the row's index label in the table (counted "
                                "from 0), not the paragraph number: read the 'number' column "
                                "of that row."))
    feedback = check_number(answer, number, 0, "the number of the longest body paragraph", near)
    if feedback.status == INCORRECT and as_number(answer) in set(body["number"]) - {number}:
        given = int(as_number(answer))
        size = int(body.loc[body["number"] == given, "words"].iloc[0])
        if not any(given == value for value, _ in near):
            return Feedback(INCORRECT, f"Paragraph {given} has {size} words; at least one body paragraph "
                                       "is longer.", reason="shorter_paragraph")
    if feedback.passed:
        return Feedback(CORRECT, f"Yes: paragraph {number}, {words} words, the longest of the body.")
    return feedback


# 1.4 ----------------------------------------------------------------------------------------

def town() -> str:
    return setting("lesson01.town")


def town_sides() -> list[str]:
    return setting_ids("lesson01.town_sides")


def side_name(code: str) -> str:
    """"Armenia's side" for AM, from the side's label in reference/sides.csv."""
    label = str(load_ledger().reference_sides.set_index("side").loc[code, "label"])
    found = re.match(r"(.+?)['’]s ", label)
    return f"{found.group(1)}'s side" if found else label


def _town_example() -> str:
    return "{" + ", ".join(f'"{side}": "..."' for side in town_sides()) + "}"


def search_word() -> str:
    return setting("lesson01.search_word")


def capital_note(word: str) -> str:
    """" The article often uses ... for X's government." when `word` is the name of a capital
    used for its government (actors.csv type capital_as_government), else ""."""
    ledger = load_ledger()
    actors = ledger.actors.set_index("actor_id")
    ids = ledger.actor_aliases.loc[ledger.actor_aliases["alias"] == word, "actor_id"]
    for actor_id in ids:
        if actors.loc[actor_id, "type"] == "capital_as_government":
            state = actors.loc[actors.loc[actor_id, "stands_for"], "name"]
            return f" The article often uses the capital's name for {state}'s government."
    return ""


def _town_rows() -> pd.DataFrame:
    glossary = load_ledger().glossary
    return glossary[(glossary["kind"] == "name_variant") & (glossary["thing"] == town())]


def town_names() -> dict[str, str]:
    """The name the glossary codes for each side (used_by AM or AZ) for the main town (FACTS
    section G)."""
    rows = _town_rows()
    return {side: str(rows.loc[rows["used_by"] == side, "term"].item()) for side in town_sides()}


def town_labels() -> dict[str, str]:
    """Who uses each side's name for the main town, with its evidence (used_by_label)."""
    rows = _town_rows()
    return {side: str(rows.loc[rows["used_by"] == side, "used_by_label"].item()) for side in town_sides()}


def town_names_in_article() -> list[str]:
    rows = _town_rows()
    return [str(term) for term in rows.loc[rows["paragraph"].notna(), "term"]]


def neutral_town_name() -> str:
    glossary = load_ledger().glossary
    rows = glossary[(glossary["thing"] == town()) & (glossary["used_by"] == "neutral")]
    return str(rows["term"].item())


def _norm(text: str) -> str:
    return " ".join(str(text).split()).casefold()


@task("1.4")
def check_town_names(answer) -> Feedback:
    expected = town_names()
    if not isinstance(answer, dict):
        return type_problem(answer, f"a dictionary such as {_town_example()}")
    keys = {str(k).strip().upper(): v for k, v in answer.items()}
    missing = [k for k in expected if k not in keys]
    if missing:
        return Feedback(INCORRECT, f"Give a name for each side: the key(s) {missing} are missing. "
                                   f"Write {_town_example()}.", reason="missing_keys")
    given = {k: keys[k] for k in expected}
    if not all(isinstance(v, str) and v.strip() and v.strip() != "..." for v in given.values()):
        return Feedback(INCORRECT, "Each name should be text in quotes, e.g. \"...\".",
                        reason="name_not_text")
    given = {k: _norm(v) for k, v in given.items()}
    wanted = {k: _norm(v) for k, v in expected.items()}
    if given == wanted:
        labels, used = town_labels(), town_names_in_article()
        filed = " and ".join(f"{expected[s]} under {side_name(s)} ({labels[s]})" for s in town_sides())
        return Feedback(
            CORRECT,
            f"Yes: the glossary files {filed}. The pack's own prose "
            f"writes {neutral_town_name()}, and the article uses "
            f"{' and '.join(used) if used else 'neither name'}.",
        )
    first, second = town_sides()
    if given == {first: wanted[second], second: wanted[first]}:
        sides = "; ".join(f"{s}: {side_name(s)}" for s in (first, second))
        return Feedback(INCORRECT, "You swapped the two names: look again at the used_by column "
                                   f"({sides}).", reason="names_swapped")
    neutral = _norm(neutral_town_name())
    if neutral in given.values():
        return Feedback(INCORRECT, f"{neutral_town_name()} is the pack's neutral default (used_by "
                                   "'neutral'), which gives both names; the glossary files one "
                                   "name under each side.", reason="neutral_name")
    wrong = [k for k in expected if given[k] != wanted[k]]
    return Feedback(INCORRECT, f"The name for {' and '.join(wrong)} is not the one the glossary gives "
                               f"for the {town()}: filter the rows whose thing is {town()!r}.",
                               reason="wrong_name")


# 1.5 ----------------------------------------------------------------------------------------

def _all_in_body(numbers: list[int]) -> str:
    return ", all in the body" if set(numbers) <= set(body_numbers()) else ""


def paragraphs_with(term: str) -> dict[int, int]:
    """{paragraph: occurrences} of a term, found as the paragraph reader finds it."""
    found = {int(r.number): len(find_spans(str(r.text), term)) for r in _paragraphs().itertuples()}
    return {number: count for number, count in found.items() if count}


@task("1.5")
def check_baku(answer) -> Feedback:
    where = paragraphs_with(search_word())
    expected = sorted(where)
    if isinstance(answer, int | float) and not isinstance(answer, bool):
        if answer == sum(where.values()):
            return Feedback(INCORRECT, f"{int(answer)} is how many times “{search_word()}” occurs; the "
                                       "task asks for the list of paragraph numbers.",
                                       reason="occurrence_count")
        if answer == len(where):
            return Feedback(INCORRECT, f"{int(answer)} is how many paragraphs; the task asks for "
                                       "their numbers, written as a list in square brackets with "
                                       "commas between the numbers.", reason="count_not_list")
        return type_problem(answer, "a list of paragraph numbers")
    quoted_numbers = all(isinstance(a, str) and a.strip().isdigit() for a in answer) if isinstance(
        answer, list | tuple | set) else False
    if quoted_numbers:
        return Feedback(INCORRECT, "Write the paragraph numbers without quotes, e.g. [6, 9].",
                        reason="numbers_in_quotes")
    feedback = check_collection(answer, expected, f"paragraphs with “{search_word()}”")
    if feedback.passed:
        return Feedback(
            CORRECT,
            f"Yes: “{search_word()}” occurs {sum(where.values())} times in {len(where)} paragraphs "
            f"({', '.join(map(str, expected))}){_all_in_body(expected)}.{capital_note(search_word())}",
        )
    return feedback


# 1.6 ----------------------------------------------------------------------------------------

@task("1.6")
def check_genre_summary(answer) -> Feedback:
    return check_written(answer, load_ledger().article.text, "1.6")
