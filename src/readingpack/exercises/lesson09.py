"""Lesson 9 (A cold read): the exercise tasks and their checks.

Part 1 codes the practice article (data/practice/, a short fictional text) by hand; each check
sets the student's table beside that article's ledger (readingpack.evidence.coding): agreement
per column, and for each disagreement the codebook's rule. A second reading that the codebook
allows counts as agreement. Part 2 (a reading record and the lateral reading of the outlet) is
written, marked on the rubric.
"""

import pandas as pd

from ..evidence import coding
from ..ledger import LedgerError
from .coding_checks import TABLE_EXAMPLE, as_frame, coded_table
from .feedback import (
    CORRECT,
    INCORRECT,
    NOT_ANSWERED,
    NOT_MARKED,
    Feedback,
    check_written,
    plain,
    plural,
    task,
    type_problem,
)

# 9.1 ------------------------------------------------------------------------------------

@task("9.1")
def check_claims(answer):
    return coded_table(answer, coding.CLAIM_COLUMNS, "claims", coding.compare_claims)


# 9.2 ------------------------------------------------------------------------------------

@task("9.2")
def check_figures(answer):
    return coded_table(answer, coding.FIGURE_COLUMNS, "figures", coding.compare_figures)


# 9.3 ------------------------------------------------------------------------------------

@task("9.3")
def check_hedges(answer):
    frame = as_frame(answer, coding.HEDGE_COLUMNS)
    if frame is None:
        return type_problem(answer, TABLE_EXAMPLE.format(what="hedge", columns=coding.HEDGE_COLUMNS))
    if frame.empty:
        return Feedback(NOT_ANSWERED, "Your table has no rows yet: add one row per hedge.",
                        reason="empty_table")
    try:
        table = coding.compare_hedges(frame)
    except coding.CodingProblem as problem:
        return Feedback(INCORRECT, str(problem), reason="table_not_comparable")
    both = table[table["ledger"] & table["yours"]]
    only_yours = table[~table["ledger"]]
    only_ledger = table[~table["yours"]]
    lines = [f"{len(both)} of {plural(int(table['ledger'].sum()), 'hedge')} of the ledger found."]
    for row in only_yours.itertuples(index=False):
        lines.append(f"“{row.word}” (paragraph {row.paragraph}) is not a hedge of the ledger's lexicon. "
                     f"The codebook: {row.rule} If you still read it as one, say why in a comment.")
    if len(only_ledger):
        lines.append(f"{plural(len(only_ledger), 'hedge')} of the ledger not in your table, in "
                     f"paragraph(s) {', '.join(str(p) for p in sorted(set(only_ledger['paragraph'])))}.")
    status = CORRECT if only_yours.empty and only_ledger.empty else INCORRECT
    return Feedback(status, "\n".join(lines), reason="" if status == CORRECT else "hedges_differ")


# 9.4 ------------------------------------------------------------------------------------

@task("9.4")
def check_names(answer):
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if not isinstance(answer, dict) or not all(isinstance(k, str) and isinstance(plain(v), str)
                                               for k, v in answer.items()):
        return type_problem(answer, "a dict of names and sides, such as "
                                    "{\"a name\": \"the side that uses it\"}")
    table = coding.compare_names(answer)
    wrong = table[table["result"] != coding.AGREES]
    if wrong.empty:
        return Feedback(CORRECT, "Both names, each with the side that uses it, as the article reports it. "
                                 "A neutral text would name the town so that neither side's name is "
                                 "adopted (the glossary's neutral wording).")
    lines = []
    for row in wrong.itertuples(index=False):
        if row.result == coding.NOT_CODED:
            lines.append("One name of the pair is missing: the article gives two names for one place.")
        elif row.result == coding.DIFFERS:
            lines.append(f"“{row.term}”: read again which side the article says uses it.")
        else:
            lines.append(f"“{row.term}” is not one of the two names for the same place.")
    lines.append(f"The codebook: {wrong['rule'].iloc[0]}")
    return Feedback(INCORRECT, "\n".join(dict.fromkeys(lines)), reason="names_differ")


# 9.5 and 9.6 ----------------------------------------------------------------------------

def _written_elsewhere(answer, task_id: str, text: str, what: str, note: str) -> Feedback:
    """The pack's written check (length, quotations) against `text`, saying what that text is
    (`what`) and adding `note`: these tasks may quote pages the pack does not hold."""
    feedback = check_written(answer, text, task_id)
    if feedback.status != NOT_MARKED:
        return feedback
    message = feedback.message.replace("in the article", f"in the article ({what})")
    return Feedback(NOT_MARKED, f"{message}\n{note}", reason=feedback.reason)


@task("9.5")
def check_record(answer):
    return _written_elsewhere(
        answer, "9.5", coding.practice_ledger().article.text, "here: the practice article",
        "For an op-ed your instructor chose, the pack does not hold its text: a quotation shown as not "
        "found is only not in the practice article; check it against the op-ed yourself.")


@task("9.6")
def check_outlet(answer):
    try:
        snippets = " ".join(coding.outlet_snippets()["words"])
    except LedgerError:  # a pack reused on another article may have no printed results
        snippets = ""
    return _written_elsewhere(
        answer, "9.6", snippets, "here: the printed search results of lesson 9",
        "A quotation from a page you found yourself is shown as not found here: check it against that "
        "page yourself.")
