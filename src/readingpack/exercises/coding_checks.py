"""Checks of a hand-coded table (lessons 7 and 9): the student's table set beside a ledger by
readingpack.evidence.coding, reported as agreement per column and, for each difference, the
codebook's rule; a second reading the codebook allows counts as agreement."""

import pandas as pd

from ..evidence import coding
from .feedback import CORRECT, INCORRECT, NOT_ANSWERED, Feedback, plural, type_problem

TABLE_EXAMPLE = ("a table (DataFrame) with one row per {what} and the columns {columns}, as the cell "
                 "above the check builds it")


def as_frame(answer, columns: list[str]):
    if isinstance(answer, pd.DataFrame):
        return answer
    if isinstance(answer, list) and answer and all(isinstance(r, tuple) and len(r) == len(columns)
                                                   for r in answer):
        return pd.DataFrame(answer, columns=columns)
    return None


def _report(comparison: pd.DataFrame, what: str, shown: int = 8) -> Feedback:
    """The agreement per column, then each row where you differ, with the codebook's rule."""
    lines = []
    for row in coding.agreement(comparison).to_dict("records"):
        allowed = row[coding.ALLOWED]
        note = f" ({plural(allowed, 'second reading')} the codebook allows)" if allowed else ""
        lines.append(f"{row['column']}: {row['coded by you']} of {row['in the ledger']} ledger rows coded; "
                     f"{row[coding.AGREES] + allowed} of {row['coded by you']} agree{note}: "
                     f"{row['agreement (%)']}%.")
    result = comparison["result"]
    not_found = comparison[result == coding.QUOTE_NOT_FOUND]
    differ = comparison[result == coding.DIFFERS]
    missing = comparison[result == coding.NOT_CODED]
    extra = comparison[result.str.startswith("an extra")]
    lines += list(not_found["rule"])
    for row in differ.head(shown).to_dict("records"):
        lines.append(f"Paragraph {row['paragraph']}, “{row['ledger_quote']}”: you coded {row['column']} "
                     f"“{row['yours']}”, the ledger “{row['ledger']}”. The codebook: {row['rule']}")
    if len(differ) > shown:
        lines.append(f"... and {len(differ) - shown} more: show the whole comparison with "
                     f"coding.compare_{what}(...) as the lesson does.")
    for row in comparison[result == coding.ALLOWED].to_dict("records"):
        lines.append(f"Paragraph {row['paragraph']}: your {row['column']} “{row['yours']}” is a second "
                     f"reading (the ledger has “{row['ledger']}”). {row['rule']}")
    if len(missing):
        paragraphs = sorted({int(p) for p in missing["paragraph"]})
        lines.append(f"Not coded yet: {plural(missing['id'].nunique(), 'ledger row')} in paragraph(s) "
                     f"{', '.join(map(str, paragraphs))}. {missing['rule'].iloc[0]}")
    if len(extra):
        lines.append(f"Also {plural(len(extra), 'row')} the ledger does not have (not counted against "
                     f"you): {extra['rule'].iloc[0]}")
    status = CORRECT if differ.empty and missing.empty and not_found.empty else INCORRECT
    head = ("Your coding agrees with the ledger, or takes a reading the codebook allows, on every row."
            if status == CORRECT else "Compared with the practice article's ledger:")
    return Feedback(status, head + "\n" + "\n".join(lines), reason=_reason(not_found, differ, missing))


def _reason(not_found: pd.DataFrame, differ: pd.DataFrame, missing: pd.DataFrame) -> str:
    """The first kind of disagreement with the ledger, as a code; empty when there is none."""
    if len(not_found):
        return "quote_not_found"
    if len(differ):
        return "coding_differs"
    return "rows_not_coded" if len(missing) else ""


def coded_table(answer, columns, what: str, compare) -> Feedback:
    """A hand-coded table compared with a ledger by `compare` (readingpack.evidence.coding)."""
    frame = as_frame(answer, columns)
    if frame is None:
        return type_problem(answer, TABLE_EXAMPLE.format(what=what.rstrip("s"), columns=columns))
    if frame.empty:
        return Feedback(NOT_ANSWERED, f"Your table has no rows yet: add one row per {what.rstrip('s')}, "
                                      "then run the cell again.", reason="empty_table")
    try:
        return _report(compare(frame), what)
    except coding.CodingProblem as problem:
        return Feedback(INCORRECT, str(problem), reason="table_not_comparable")
