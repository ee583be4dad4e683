"""Lesson 9's cold read: a student's hand coding of a short article set beside that article's
ledger, column by column, with the codebook's rule for each disagreement.

A student fills four small tables (DataFrames): claims (paragraph, quote, claim_type,
speaker), figures (paragraph, quote, qualifier), hedges (paragraph, word) and the naming pair
(term -> side). Rows are matched to the ledger's by paragraph and by where their quotes sit in
the paragraph's text (they must overlap by at least half of the shorter quote), never by row
order. Each coded value then *agrees*, is *a second reading the codebook allows*, or *differs*;
the rule for each case comes from the practice folder's `coding_rules.csv`, so nothing here is
marked "wrong" where the codebook allows two readings.
"""

from pathlib import Path

import pandas as pd

from ..ledger import Ledger, LedgerError, load_ledger
from ..paths import data_dir
from .claims import author_id
from .language import ledger_terms
from .settings import setting

CLAIM_COLUMNS = ["paragraph", "quote", "claim_type", "speaker"]
FIGURE_COLUMNS = ["paragraph", "quote", "qualifier"]
HEDGE_COLUMNS = ["paragraph", "word"]
AGREES, ALLOWED, DIFFERS, NOT_CODED = (
    "agrees", "a second reading the codebook allows", "differs", "not coded by you")
QUOTE_NOT_FOUND = "quote not found"
QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


class CodingProblem(ValueError):
    """A student's table cannot be compared: the message says what is wrong and where."""

    def __init__(self, message: str):
        super().__init__(message)


def practice_folder(pack=None) -> Path:
    """The practice article's data folder (setting practice.folder of the pack's own ledger
    `pack`, relative to data/)."""
    return data_dir() / setting("practice.folder", pack)


def practice_ledger(pack=None) -> Ledger:
    return load_ledger(practice_folder(pack))


def coding_rules(pack=None) -> pd.DataFrame:
    path = practice_folder(pack) / "coding_rules.csv"
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def rule_for(rules: pd.DataFrame, column: str, row_id: str, ledger_value: str, yours: str) -> tuple[str, str]:
    """(result, rule) for one disagreement: a row-specific line first, then the general ones."""
    own = rules[rules["column"] == column]
    for row_ok, ledger_ok, yours_ok in (
        (own["row_id"] == row_id, own["ledger"] == ledger_value, own["yours"] == yours),
        (own["row_id"] == "", own["ledger"] == ledger_value, own["yours"] == yours),
        (own["row_id"] == "", own["ledger"] == ledger_value, own["yours"] == "*"),
        (own["row_id"] == "", own["ledger"] == "*", own["yours"] == "*"),
    ):
        found = own[row_ok & ledger_ok & yours_ok]
        if len(found):
            line = found.iloc[0]
            return (ALLOWED if line["result"] == "allowed" else DIFFERS), line["rule"]
    return DIFFERS, ""


# --- Reading the student's tables -------------------------------------------------------------

def as_table(answer, columns: list[str], name: str) -> pd.DataFrame:
    """The answer as a DataFrame with `columns`; a list of tuples or dicts is accepted too."""
    if isinstance(answer, list):
        answer = pd.DataFrame(answer, columns=columns if answer and not isinstance(answer[0], dict) else None)
    if not isinstance(answer, pd.DataFrame):
        raise CodingProblem(f"{name} should be a table (a DataFrame) with the columns {columns}; "
                            f"it is {type(answer).__name__}.")
    missing = [c for c in columns if c not in answer.columns]
    if missing:
        raise CodingProblem(f"{name} has no column {missing[0]!r}: it needs the columns {columns}.")
    table = answer[columns].reset_index(drop=True).copy()
    for position, value in enumerate(table["paragraph"]):
        try:
            table.loc[position, "paragraph"] = int(value)
        except (TypeError, ValueError):
            raise CodingProblem(f"{name}, row {position + 1}: the paragraph should be a number, "
                                f"not {value!r}.") from None
    for column in columns[1:]:
        table[column] = table[column].fillna("").astype(str).str.strip()
    return table


def _plain(text: str) -> str:
    return " ".join(str(text).translate(QUOTE_MARKS).split())


def quote_span(quote: str, paragraph_text: str) -> tuple[int, int] | None:
    """Where the quote sits in the paragraph (quotation marks of any kind), or None."""
    text, part = _plain(paragraph_text), _plain(quote).strip(" .")
    start = text.find(part) if part else -1
    return None if start < 0 else (start, start + len(part))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(shared, 0) / max(min(a[1] - a[0], b[1] - b[0]), 1)


def match_rows(mine: pd.DataFrame, rows: pd.DataFrame, practice: Ledger, id_column: str, name: str):
    """{ledger id: position of the student's row}, the positions of unmatched student rows, and
    the student rows whose quote is not in their paragraph (as messages)."""
    texts = dict(zip(practice.paragraphs["number"], practice.paragraphs["text"], strict=True))
    spans = {row[id_column]: quote_span(row["quote"], texts[int(row["paragraph"])])
             for _, row in rows.iterrows()}
    matched, extra, not_found = {}, [], []
    for position, row in mine.iterrows():
        paragraph = int(row["paragraph"])
        span = quote_span(row["quote"], texts.get(paragraph, ""))
        if span is None:
            not_found.append((paragraph, f"{name}, row {position + 1}: “{row['quote'][:60]}” is not in "
                                         f"paragraph {paragraph}; copy the words exactly from the text."))
            continue
        same_paragraph = rows.loc[rows["paragraph"] == paragraph, id_column]
        candidates = [(_overlap(span, spans[i]), i) for i in same_paragraph
                      if i not in matched and spans[i] is not None]
        best = max(candidates, default=(0, None))
        if best[0] >= 0.5:
            matched[best[1]] = position
        else:
            extra.append(position)
    return matched, extra, not_found


def _speaker_ids(ledger: Ledger) -> dict[str, str]:
    names = {}
    for actor_id, name in zip(ledger.actors["actor_id"], ledger.actors["name"], strict=True):
        names[actor_id.casefold()] = names[name.casefold()] = actor_id
    for actor_id, alias in zip(ledger.actor_aliases["actor_id"], ledger.actor_aliases["alias"], strict=True):
        names[_plain(alias).casefold()] = actor_id
    author = author_id(ledger.actors)
    names.update({"author": author, "the author": author})
    return names


def _compare_column(rows, mine, matched, ledger_id, column, rules, normal=lambda v: v):
    result = []
    for _, row in rows.iterrows():
        row_id = row[ledger_id]
        base = {"id": row_id, "paragraph": int(row["paragraph"]), "ledger_quote": row["quote"],
                "column": column, "ledger": row[column]}
        if row_id not in matched:
            result.append({**base, "yours": "", "result": NOT_CODED, "rule": (
                "Units, coverage: every sentence of the body has at least one claim, and a sentence "
                "that mixes kinds is split where the words can be separated (tie-break rule 3).")})
            continue
        yours = normal(mine.loc[matched[row_id], column])
        if yours == row[column]:
            result.append({**base, "yours": yours, "result": AGREES, "rule": ""})
        else:
            outcome, rule = rule_for(rules, column, row_id, row[column], yours)
            result.append({**base, "yours": yours, "result": outcome, "rule": rule})
    return result


def _not_found_rows(messages: list[tuple[int, str]]) -> list[dict]:
    return [{"id": "", "paragraph": paragraph, "ledger_quote": "", "column": "quote", "ledger": "",
             "yours": "", "result": QUOTE_NOT_FOUND, "rule": message} for paragraph, message in messages]


def claims_in_sentences(ledger: Ledger, sentences: list[tuple[int, int]]) -> list[str]:
    """The ids of the claims whose quotes overlap the given (paragraph, sentence) spans."""
    spans = ledger.sentences.set_index(["paragraph", "sentence"])
    texts = dict(zip(ledger.paragraphs["number"], ledger.paragraphs["text"], strict=True))
    starts = dict(zip(ledger.paragraphs["number"], ledger.paragraphs["start"], strict=True))
    found = []
    for row in ledger.claims.itertuples():
        offset = texts[int(row.paragraph)].find(row.quote) + starts[int(row.paragraph)]
        for paragraph, sentence in sentences:
            start, end = spans.loc[(paragraph, sentence), ["start", "end"]]
            if int(row.paragraph) == paragraph and offset < end and offset + len(row.quote) > start:
                found.append(row.claim_id)
                break
    return found


def compare_claims(mine, ledger=None, paragraphs=None, claim_ids=None) -> pd.DataFrame:
    """One row per ledger claim and coded column (claim_type, speaker): the ledger's value,
    yours, the result and the codebook's rule; then your rows the ledger does not have. With
    `paragraphs` or `claim_ids`, only those of the ledger's claims are compared."""
    practice = ledger or practice_ledger()
    mine = as_table(mine, CLAIM_COLUMNS, "my_claims")
    claims = practice.claims.sort_values("claim_id")
    if paragraphs is not None:
        claims = claims[claims["paragraph"].isin(list(paragraphs))]
    if claim_ids is not None:
        claims = claims[claims["claim_id"].isin(list(claim_ids))]
    matched, extra, not_found = match_rows(mine, claims, practice, "claim_id", "my_claims")
    rules = coding_rules()
    speakers = _speaker_ids(practice)
    rows = _compare_column(claims, mine, matched, "claim_id", "claim_type", rules,
                           lambda v: v.strip().lower().replace(" ", "_"))
    rows += _compare_column(claims, mine, matched, "claim_id", "speaker", rules,
                            lambda v: speakers.get(_plain(v).casefold(), v))
    for position in extra:
        rows.append({"id": "", "paragraph": int(mine.loc[position, "paragraph"]), "ledger_quote": "",
                     "column": "claim", "ledger": "", "yours": mine.loc[position, "quote"],
                     "result": "an extra claim", "rule": (
                         "Units: a claim asserts one thing of one kind; split a sentence only where the "
                         "kinds differ (tie-break rule 3). Several speakers of one kind stay one claim "
                         "(tie-break rule 6). Not counted against you: compare your reason with these "
                         "rules.")})
    return pd.DataFrame(rows + _not_found_rows(not_found))


def compare_figures(mine, ledger=None) -> pd.DataFrame:
    """One row per ledger figure: its qualifier beside yours, with the rule."""
    practice = ledger or practice_ledger()
    mine = as_table(mine, FIGURE_COLUMNS, "my_figures")
    figures = practice.figures.sort_values("figure_id")
    matched, extra, not_found = match_rows(mine, figures, practice, "figure_id", "my_figures")
    rows = _compare_column(figures, mine, matched, "figure_id", "qualifier", coding_rules(),
                           lambda v: v.strip().lower().replace(" ", "_"))
    for row in rows:
        if row["result"] == NOT_CODED:
            row["rule"] = ("Every number or date the text prints is a figure, with its qualifier "
                           "(codebook, figures.csv).")
    for position in extra:
        rows.append({"id": "", "paragraph": int(mine.loc[position, "paragraph"]), "ledger_quote": "",
                     "column": "figure", "ledger": "", "yours": mine.loc[position, "quote"],
                     "result": "an extra figure", "rule": "Not a figure of the ledger: a figure is a "
                     "number or a date printed in the text."})
    return pd.DataFrame(rows + _not_found_rows(not_found))


def compare_hedges(mine, ledger=None) -> pd.DataFrame:
    """Each hedge word of the body, found by the ledger's lexicon, by you, or by both."""
    practice = ledger or practice_ledger()
    mine = as_table(mine, HEDGE_COLUMNS, "my_hedges")
    body = practice.paragraphs.loc[practice.paragraphs["kind"] == "body", "number"]
    found = ledger_terms(practice)
    found = found[(found["category"] == "hedge") & found["paragraph"].isin(body)]
    theirs = {(int(p), w.casefold()) for p, w in zip(found["paragraph"], found["match"], strict=True)}
    yours = {(int(p), _plain(w).casefold()) for p, w in zip(mine["paragraph"], mine["word"], strict=True)}
    _, rule = rule_for(coding_rules(), "hedge", "", "*", "*")
    rows = [{"paragraph": p, "word": w, "ledger": (p, w) in theirs, "yours": (p, w) in yours,
             "result": AGREES if (p, w) in theirs and (p, w) in yours else DIFFERS,
             "rule": "" if (p, w) in theirs and (p, w) in yours else rule}
            for p, w in sorted(theirs | yours)]
    return pd.DataFrame(rows, columns=["paragraph", "word", "ledger", "yours", "result", "rule"])


def naming_pair(ledger=None) -> dict[str, str]:
    """{name: side code} of the glossary's name variants used by one side each."""
    practice = ledger or practice_ledger()
    names = practice.glossary[(practice.glossary["kind"] == "name_variant")
                              & (practice.glossary["used_by"] != "neutral")]
    return dict(zip(names["term"], names["used_by"], strict=True))


def side_codes(ledger=None) -> dict[str, str]:
    """Words a student may use for a side (its code, or the state's name) -> the side code."""
    practice = ledger or practice_ledger()
    codes = {}
    for code, label in zip(practice.reference_sides["side"], practice.reference_sides["label"], strict=True):
        codes[code.casefold()] = code
        codes[label.split("'")[0].split(" ")[0].casefold()] = code
    return codes


def compare_names(mine: dict, ledger=None) -> pd.DataFrame:
    practice = ledger or practice_ledger()
    if isinstance(mine, pd.Series):
        mine = mine.to_dict()
    if not isinstance(mine, dict):
        raise CodingProblem("my_names should be a dict such as {\"a name\": \"the side that uses it\"}; "
                            f"it is {type(mine).__name__}.")
    codes = side_codes(practice)
    given = {_plain(k).casefold(): codes.get(_plain(v).casefold(), str(v)) for k, v in mine.items()}
    _, rule = rule_for(coding_rules(), "name", "", "*", "*")
    rows = []
    for term, side in naming_pair(practice).items():
        yours = given.pop(term.casefold(), "")
        rows.append({"term": term, "ledger": side, "yours": yours,
                     "result": AGREES if yours == side else (NOT_CODED if not yours else DIFFERS),
                     "rule": "" if yours == side else rule})
    rows += [{"term": term, "ledger": "", "yours": side, "result": "not a name of the pair",
              "rule": rule} for term, side in given.items()]
    return pd.DataFrame(rows, columns=["term", "ledger", "yours", "result", "rule"])


def agreement(comparison: pd.DataFrame) -> pd.DataFrame:
    """Per coded column: the ledger's rows you coded, how many agree, how many are a second
    reading the codebook allows, how many differ, and the agreement in per cent
    ((agrees + allowed) / coded)."""
    compared = comparison[comparison["result"].isin([AGREES, ALLOWED, DIFFERS, NOT_CODED])]
    rows = []
    for column, part in compared.groupby("column", sort=False):
        counts = part["result"].value_counts()
        coded = len(part) - counts.get(NOT_CODED, 0)
        same = counts.get(AGREES, 0) + counts.get(ALLOWED, 0)
        rows.append({"column": column, "in the ledger": len(part), "coded by you": coded,
                     AGREES: counts.get(AGREES, 0), ALLOWED: counts.get(ALLOWED, 0),
                     DIFFERS: counts.get(DIFFERS, 0),
                     "agreement (%)": round(100 * same / coded) if coded else 0})
    return pd.DataFrame(rows)


def outlet_snippets(pack=None) -> pd.DataFrame:
    """The printed search-result snippets for lateral reading without a browser
    (data/practice/outlet_snippets.csv, from section O of the pack's reference list)."""
    path = data_dir() / setting("lesson09.snippets", pack)
    if not path.is_file():
        raise LedgerError(
            "settings.csv", f"lesson 9's search-result snippets: the setting 'lesson09.snippets' "
            f"names {path}, which does not exist. Write that file (with the columns of "
            f"data/practice/outlet_snippets.csv: what a search about this article's outlet shows) "
            f"or point the setting at one.")
    return pd.read_csv(path, dtype=str, keep_default_na=False)
