"""Lesson 2, claims: the checks of the exercise tasks 2.1-2.6.

Every expected value is computed from the ledger (claims, claim_actors, actors) or from the
codebook (data/CODEBOOK.md, read with the lesson's own `codebook_rules`), never typed; only the
wording of the options of the multiple-choice task (2.4) is typed (the claim ids the tasks are
about, CL010, CL027, CL093 and CL098, come from data/settings.csv), and its key is found
from the ledger's coding.
"""

import difflib

import pandas as pd

from ..evidence.claims import author_id, codebook_rules, type_label
from ..evidence.settings import setting, setting_ids
from ..ledger import load_ledger
from . import choices
from .feedback import (
    CORRECT,
    INCORRECT,
    NOT_ANSWERED,
    Feedback,
    align_keys,
    as_items,
    check_collection,
    check_number,
    check_written,
    is_blank,
    plain,
    table_hint,
    task,
    type_problem,
)


def _classify() -> list[str]:
    """Task 2.2's claims (a count, a motive, a hedged future event), from data/settings.csv."""
    return setting_ids("lesson02.classify_claims")


def _voice_claim() -> str:
    """Task 2.4's claim (“Aliyev repeated Azerbaijani one-sided narratives of the conflict”)."""
    return setting("lesson02.voice_claim")


def _claims() -> pd.DataFrame:
    return load_ledger().claims


def _author() -> str:
    return author_id(load_ledger().actors)


def claim_type_labels() -> list[str]:
    """The claim types allowed by the claims table's schema (the codebook's seven types)."""
    fields = load_ledger().tables["claims"].schema["fields"]
    return list(next(f for f in fields if f["name"] == "claim_type")["constraints"]["enum"])


def _as_set(answer) -> set | None:
    """The answer's items as a set, or None if it is not a flat list, tuple or set."""
    if not isinstance(answer, list | tuple | set):
        return None
    try:
        return set(answer)
    except TypeError:
        return None


# 2.1 ----------------------------------------------------------------------------------------

def other_speaker_counts() -> dict[str, int]:
    claims, author = _claims(), _author()
    links = load_ledger().claim_actors
    speaker_rows = links[(links["role"] == "speaker") & (links["actor_id"] != author)]
    return {
        "others": int((claims["speaker"] != author).sum()),
        "author": int((claims["speaker"] == author).sum()),
        "all": len(claims),
        "speakers": int(claims.loc[claims["speaker"] != author, "speaker"].nunique()),
        "speaker_rows": len(speaker_rows),
    }


@task("2.1")
def check_claims_by_others(answer) -> Feedback:
    counts = other_speaker_counts()
    if isinstance(answer, pd.DataFrame | pd.Series) and len(answer) == counts["others"]:
        return Feedback(INCORRECT, f"Your table has the right {len(answer)} rows: now give the number "
                                   "itself, with len(...).", reason="table_given")
    hint = table_hint(answer, "a number")
    if hint:
        return hint
    near = [
        (counts["author"], f"{counts['author']} is the number of claims the author makes in her own voice; "
                           "the task asks for the claims whose speaker is someone else."),
        (counts["all"], f"{counts['all']} is every claim; leave out those whose speaker is the author "
                        f"({_author()})."),
        (counts["speakers"], f"{counts['speakers']} is the number of different speakers other than the "
                             "author; the task asks for the number of claims they speak."),
        (counts["speaker_rows"], f"{counts['speaker_rows']} counts the speaker rows of claim_actors, "
                                 "co-speakers included; count the rows of claims by its speaker column."),
    ]
    feedback = check_number(answer, counts["others"], 0, "the number of claims with another speaker", near)
    if feedback.passed:
        return Feedback(CORRECT, f"Yes: {counts['others']} of the {counts['all']} claims report someone "
                                 f"else's words or position; the author speaks in the other "
                                 f"{counts['author']}.")
    return feedback


# 2.2 ----------------------------------------------------------------------------------------

def expected_types() -> dict[str, str]:
    return _claims().set_index("claim_id").loc[_classify(), "claim_type"].to_dict()


def _normal(label: str) -> str:
    return label.strip().lower().replace(" ", "_").replace("-", "_")


@task("2.2")
def check_claim_types(answer) -> Feedback:
    expected, labels = expected_types(), claim_type_labels()
    classify = _classify()
    if isinstance(answer, list | tuple) and len(answer) == len(classify):
        answer = dict(zip(classify, answer, strict=True))
    if not isinstance(answer, dict):
        return type_problem(answer, "a dictionary from claim id to label, "
                                    f"e.g. {{\"{classify[0]}\": \"statistic\", ...}}")
    answer = align_keys(answer, expected)
    if all(is_blank(answer.get(claim_id)) for claim_id in expected):
        return Feedback(NOT_ANSWERED, "Replace each ... in claim_types with a label in quotes.",
                        reason="blank")
    rules = codebook_rules().set_index("claim_type")["rule"]
    problems, right = [], []
    for claim_id, correct in expected.items():
        given = answer.get(claim_id)
        if is_blank(given):
            problems.append(f"{claim_id}: not classified yet")
            continue
        if not isinstance(given, str):
            problems.append(f"{claim_id}: write the label in quotes, e.g. \"evaluation\"")
            continue
        label = _normal(given)
        if label not in labels:
            close = difflib.get_close_matches(label, labels, n=1)
            hint = f"; did you mean {close[0]!r}" if close else ""
            problems.append(f"{claim_id}: {given!r} is not one of the codebook's labels {labels}{hint}")
        elif label == correct:
            right.append(f"{claim_id} {correct}")
        else:
            problems.append(f"{claim_id} is not {type_label(label)}: the codebook's rule for {label} "
                            f"is “{rules[label]}”, and this claim does not fit it. Read the claim's "
                            "main assertion again, then the tie-break rules")
    extra = [k for k in answer if k not in expected]
    if extra:
        problems.append(f"{', '.join(map(str, extra))}: not one of the claims of this task "
                        f"({', '.join(_classify())})")
    if not problems:
        return Feedback(CORRECT, "All three as the ledger codes them: " + "; ".join(right) + ".")
    done = f" Right so far: {', '.join(right)}." if right else ""
    return Feedback(INCORRECT, " · ".join(problems) + "." + done, reason="wrong_claim_types")


# 2.8 (2.3 is retired: with three paragraphs tied, the first three rows of the counts passed by chance)

def top_paragraphs_of(claim_type: str) -> list[int]:
    """Every paragraph with the highest count of claims of `claim_type`, ties included."""
    claims = _claims()
    counts = claims.loc[claims["claim_type"] == claim_type, "paragraph"].value_counts()
    return sorted(int(p) for p in counts[counts == counts.max()].index) if len(counts) else []


@task("2.8")
def check_top_paragraphs(answer) -> Feedback:
    if not callable(answer):
        return type_problem(answer, "a function: def top_paragraphs(claim_type): ... that returns "
                                    "a list of paragraph numbers")
    wrong, right, returned = [], [], []
    for claim_type in claim_type_labels():
        expected = set(top_paragraphs_of(claim_type))
        try:
            result = answer(claim_type)
        except Exception as error:  # the student's function, not the check, failed
            wrong.append(f"for {claim_type!r} your function stops with {type(error).__name__}: {error}")
            continue
        returned.append(result)
        if result is None:
            wrong.append(f"for {claim_type!r} it returns nothing (None): end the body with return")
            continue
        result = plain(result)
        items = [result] if isinstance(result, int) else as_items(result, numbers=True)
        if items is None:
            wrong.append(f"for {claim_type!r} it returns {type(result).__name__}, not a list of "
                         "paragraph numbers")
        elif set(items) == expected:
            right.append(claim_type)
        elif set(items) < expected:
            wrong.append(f"for {claim_type!r} it leaves out a paragraph that shares the highest count")
        elif set(items) > expected:
            wrong.append(f"for {claim_type!r} it includes a paragraph below the highest count")
        else:
            wrong.append(f"for {claim_type!r} its paragraphs are not the ones with the highest count")
    if returned and len(returned) == len(wrong) and all(result is None for result in returned):
        # The stub as handed out (docstring, `...` or `pass` only) returns None for every type.
        return Feedback(NOT_ANSWERED, "Your function top_paragraphs returns nothing yet: under its "
                                      "docstring, write the lines that find the paragraphs, and end "
                                      "with return and the list of paragraph numbers.", reason="blank")
    if not wrong:
        return Feedback(CORRECT, f"Right for all {len(right)} claim types, ties included: a rule "
                                 "such as “the first three rows” would fail where two, or one, "
                                 "paragraphs share the top.")
    return Feedback(INCORRECT, f"Right for {len(right)} of {len(right) + len(wrong)} claim types; "
                               + "; ".join(wrong[:4]) + ".", reason="wrong_for_some_types")


# 2.4 ----------------------------------------------------------------------------------------

_OPTION_TYPES = ["reported_statement", "evaluation", "checkable_fact", "reported_statement"]


def _option_coding() -> list[tuple[str, str | None]]:
    """(claim type, speaker) each option stands for; the speakers come from data/settings.csv
    ("author", read as None, where the option puts the claim in the author's voice)."""
    speakers = setting_ids("lesson02.voice_option_speakers")
    return [(claim_type, None if speaker == "author" else speaker)
            for claim_type, speaker in zip(_OPTION_TYPES, speakers, strict=True)]


def voice_key() -> int:
    """The option that matches the ledger's coding of CL010 (None stands for the author)."""
    row = _claims().set_index("claim_id").loc[_voice_claim()]
    speaker = None if row["speaker"] == _author() else row["speaker"]
    return _option_coding().index((row["claim_type"], speaker)) + 1


CHOICES = {"2.4": choices.entry("2.4", voice_key)}  # options (choices.csv) and the computed key


@task("2.4")
def check_voice(answer) -> Feedback:
    row = _claims().set_index("claim_id").loc[_voice_claim()]
    return choices.check("2.4", answer, voice_key(), quote=row["quote"])


# 2.5 ----------------------------------------------------------------------------------------

def prediction_paragraphs() -> list[int]:
    claims = _claims()
    return sorted({int(p) for p in claims.loc[claims["claim_type"] == "prediction", "paragraph"]})


@task("2.5")
def check_prediction_paragraphs(answer) -> Feedback:
    claims, expected = _claims(), prediction_paragraphs()
    total = int((claims["claim_type"] == "prediction").sum())
    hint = table_hint(answer, "a list of paragraph numbers")
    if hint:
        return hint
    if isinstance(answer, int) and not isinstance(answer, bool):
        if answer == total:
            return Feedback(INCORRECT, f"{total} is how many predictions there are; the task asks in which "
                                       "paragraphs they sit: a list of paragraph numbers.",
                                       reason="count_not_list")
        if answer in expected:
            return Feedback(INCORRECT, f"Paragraph {answer} is one of them; give all of them in a list.",
                            reason="one_item_not_list")
    feedback = check_collection(answer, expected, "paragraphs with a prediction")
    if feedback.passed:
        per = claims.loc[claims["claim_type"] == "prediction", "paragraph"].value_counts()
        several = [f"{per[p]} in paragraph {p}" for p in expected if per[p] > 1]
        detail = f" ({', '.join(several)})" if several else ""
        return Feedback(CORRECT, f"Yes: the {total} predictions sit in paragraphs "
                                 f"{', '.join(map(str, expected))}{detail}.")
    given = _as_set(answer)
    if given is not None:
        notes = []
        for paragraph in sorted(given - set(expected), key=str):
            rows = claims[claims["paragraph"] == paragraph]
            hedged = rows[(rows["claim_type"] == "evaluation")
                          & rows["coding_note"].str.contains("rule 5", regex=False)]
            if rows.empty:
                notes.append(f"paragraph {paragraph} has no claims")
            elif not hedged.empty:
                notes.append(f"paragraph {paragraph}'s {hedged['claim_id'].iloc[0]} is hedged, but about "
                             "present intentions, not a named future event: an evaluation (tie-break rule 5)")
            else:
                notes.append(f"paragraph {paragraph} has no claim coded as a prediction")
        if notes:
            return Feedback(INCORRECT, feedback.message + " Note: " + "; ".join(notes) + ".",
                            reason=feedback.reason)
    return feedback


# 2.6 ----------------------------------------------------------------------------------------

@task("2.6")
def check_evaluation_explained(answer) -> Feedback:
    return check_written(answer, load_ledger().article.text, "2.6")
