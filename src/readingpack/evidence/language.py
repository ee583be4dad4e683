"""The pack's questions about language (lesson 7): the words and phrases of data/lexicon.csv
found and counted in the article, the static framing table, and the checks of the glossary's
"used by" labels against their evidence. No user interface: readingpack.widgets.framing renders
what this module returns.

A term is matched as a whole word (no letter, digit or underscore just before or after it),
case-insensitively, unless its row gives a `pattern`: then that regular expression is used as
written (case-sensitive unless it says otherwise). Each term is counted on its own, so a
stretch of text can count for two terms of different categories ("reportedly" is both an
attribution word and a hedge).
"""

import re

import pandas as pd

from ..ledger import load_ledger, per_ledger

CATEGORIES = {
    "evaluative": "Evaluative words",
    "attribution_verb": "Attribution verbs",
    "hedge": "Hedges",
    "certainty_marker": "Certainty markers",
    "quoted_term": "Words in quotation marks",
}
DEFAULT_CATEGORY = "attribution_verb"


def term_regex(term: str, pattern: str | None = None) -> re.Pattern:
    if isinstance(pattern, str) and pattern:
        return re.compile(pattern)
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)


def find_terms(paragraphs: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """One row per occurrence: paragraph, start and end (offsets in article.txt), term,
    category and the matched text. `paragraphs` needs number, start and text."""
    patterns = lexicon["pattern"] if "pattern" in lexicon else [None] * len(lexicon)
    rows = []
    for term, category, pattern in zip(lexicon["term"], lexicon["category"], patterns, strict=True):
        regex = term_regex(term, pattern if isinstance(pattern, str) else None)
        for number, offset, text in zip(
            paragraphs["number"], paragraphs["start"], paragraphs["text"], strict=True
        ):
            for found in regex.finditer(text):
                rows.append({
                    "paragraph": int(number), "start": int(offset) + found.start(),
                    "end": int(offset) + found.end(), "term": term, "category": category,
                    "match": found.group(),
                })
    columns = ["paragraph", "start", "end", "term", "category", "match"]
    return pd.DataFrame(rows, columns=columns).sort_values(["start", "term"], ignore_index=True)


def count_terms(lexicon: pd.DataFrame, found: pd.DataFrame) -> pd.DataFrame:
    """Every lexicon row with its number of occurrences (0 if none) and the paragraphs."""
    grouped = found.groupby(["term", "category"])
    counts = grouped.size().rename("occurrences")
    where = grouped["paragraph"].agg(lambda p: ", ".join(str(n) for n in sorted(set(p))))
    table = lexicon[["term", "category"]].merge(
        pd.concat([counts, where.rename("paragraphs")], axis=1).reset_index(),
        on=["term", "category"], how="left",
    )
    table["occurrences"] = table["occurrences"].fillna(0).astype("int64")
    table["paragraphs"] = table["paragraphs"].fillna("")
    return table


def terms_by_paragraph(found: pd.DataFrame, by: str = "category") -> pd.DataFrame:
    """Occurrences per paragraph: one row per category (or term, with by="term"), one column per
    paragraph number."""
    table = found.groupby([by, "paragraph"]).size().unstack(fill_value=0)
    return table.rename_axis(index=by, columns="paragraph")


@per_ledger
def ledger_terms(ledger) -> pd.DataFrame:
    """find_terms over the whole article of a loaded Ledger."""
    return find_terms(ledger.article.paragraphs, ledger.lexicon)


def in_range(found: pd.DataFrame, category: str, first: int, last: int) -> pd.DataFrame:
    """The occurrences of one category in paragraphs first to last (both included)."""
    return found[(found["category"] == category) & found["paragraph"].between(first, last)]


def term_summary(matches: pd.DataFrame, lexicon: pd.DataFrame) -> pd.DataFrame:
    """One row per term of `matches`, most frequent first: its occurrences, the sorted list of
    its paragraphs, and what the word does (the lexicon's explanation)."""
    per_term = matches.groupby("term").agg(
        category=("category", "first"), occurrences=("start", "size"),
        paragraphs=("paragraph", lambda p: sorted(set(p))),
    ).sort_values(["occurrences"], ascending=False, kind="stable")
    explanations = lexicon.set_index(["term", "category"])["explanation"]
    per_term["explanation"] = [explanations.loc[(term, category)]
                               for term, category in zip(per_term.index, per_term["category"], strict=True)]
    return per_term.drop(columns="category")


def framing_table(ledger=None) -> pd.DataFrame:
    """Every term of the lexicon with its category, its occurrences in the whole article, the
    paragraphs where it occurs, and what the word does; ordered by category, then count."""
    ledger = ledger or load_ledger()
    found = ledger_terms(ledger)
    table = count_terms(ledger.lexicon, found).merge(
        ledger.lexicon[["term", "category", "explanation"]], on=["term", "category"], how="left"
    )
    order = {category: n for n, category in enumerate(CATEGORIES)}
    table["category_order"] = table["category"].map(order)
    table = table.sort_values(["category_order", "occurrences", "term"], ascending=[True, False, True])
    table["category"] = table["category"].map(CATEGORIES)
    return table.drop(columns="category_order").reset_index(drop=True)


# --- The glossary's "used by" labels and their evidence (data/glossary.csv) -------------------

NEUTRAL_LABELS = {"name_variant": "the pack's neutral default"}
NEUTRAL_TERM = "neutral term"
NOT_DOCUMENTED = "usage not documented"
ARTICLE = "the article"
FACT_COLUMNS = ["fact", "value", "source", "note", "link", "link_2", "link_3", "link_4"]
# The article's author is named alike in every article; each side is named by the words of its
# row in reference/sides.csv (label_words).
AUTHOR_WORDS = {"author": ["the author"]}
_EVIDENCE_END = re.compile(r"\(([^()]*)\)$")
_FACT_ID = re.compile(r"[A-Z][0-9]+[a-z]?")
_QUOTED = re.compile(r"“([^”]*)”")


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def label_parts(label: str) -> list[tuple[str, list[str] | None]]:
    """The parts of a used_by_label with the evidence each cites: a list of fact ids and/or "the
    article", [] for a part that says "usage not documented", None for a part that does neither."""
    parts = []
    for part in label.split("; "):
        found = _EVIDENCE_END.search(part)
        if part.endswith(": " + NOT_DOCUMENTED):
            parts.append((part, []))
        elif found:
            parts.append((part, found.group(1).split(", ")))
        else:
            parts.append((part, None))
    return parts


def fact_texts(facts: pd.DataFrame) -> dict[str, str]:
    """{fact id: the row's words (fact, value, source, note and links)} of reference/facts.csv."""
    columns = [c for c in FACT_COLUMNS if c in facts]
    return {str(row["id"]): " ".join(_text(row[c]) for c in columns) for _, row in facts.iterrows()}


def _has_form(text: str, forms: list[str]) -> bool:
    return any(form.casefold() in text.casefold() for form in forms)


def user_words(sides: pd.DataFrame | None) -> dict[str, list[str]]:
    """{used_by code: the words that name that user in a label}: the author, and each side of
    reference/sides.csv that gives label_words."""
    words = dict(AUTHOR_WORDS)
    if sides is not None and "label_words" in sides:
        for side, listed in zip(sides["side"], sides["label_words"], strict=True):
            if _text(listed):
                words[str(side)] = _text(listed).split(";")
    return words


def glossary_problems(glossary: pd.DataFrame, facts: pd.DataFrame, article_text: str,
                      sides: pd.DataFrame | None = None) -> list[str]:
    """Every way a glossary row's "used by" label fails its evidence (an empty list if none):
    the label's grammar, its evidence against the evidence column, each cited reference row and
    article quote against the term's forms, the quotes of the label, and used_by's codes against
    the users the label names (the words of `sides`, reference/sides.csv)."""
    texts = fact_texts(facts)
    named_by = user_words(sides)
    problems = []
    for _, row in glossary.iterrows():
        term_id, label = row["term_id"], _text(row["used_by_label"])
        codes = set(_text(row["used_by"]).split(", "))
        evidence = {e for e in _text(row["evidence"]).split(";") if e}
        forms = [f for f in _text(row["forms"]).split(";") if f]
        quote = _text(row["quote"])

        def problem(text, term_id=term_id):
            problems.append(f"{term_id}: {text}")

        if codes == {"neutral"}:
            wanted = NEUTRAL_LABELS.get(row["kind"], NEUTRAL_TERM)
            if label != wanted:
                problem(f"a neutral row's label is {wanted!r}, not {label!r}")
            if evidence:
                problem("a neutral row cites no evidence")
            continue
        if "neutral" in codes:
            problem("neutral cannot be combined with other codes")
        cited = set()
        for part, items in label_parts(label):
            if items is None:
                problem(f"{part!r} cites no evidence and does not say {NOT_DOCUMENTED!r}")
                continue
            if NOT_DOCUMENTED in part and items:
                problem(f"{part!r} both cites evidence and says {NOT_DOCUMENTED!r}")
            for item in items:
                if item != ARTICLE and not _FACT_ID.fullmatch(item):
                    problem(f"{item!r} in {part!r} is neither a reference row id nor {ARTICLE!r}")
                    continue
                cited.add("article" if item == ARTICLE else item)
            if ARTICLE in items:
                candidates = _QUOTED.findall(part) + ([quote] if quote else [])
                if not any(c in article_text and _has_form(c, forms) for c in candidates):
                    problem(f"{part!r} cites the article, but neither its quotes nor the row's "
                            f"quote is a phrase of the article with one of the forms {forms}")
        if cited != evidence:
            problem(f"the label cites {sorted(cited)} but the evidence column holds {sorted(evidence)}")
        if evidence and not forms:
            problem("a row with evidence needs its forms")
        for form in forms:
            if not _has_form(_text(row["term"]) + " " + quote, [form]):
                problem(f"the form {form!r} occurs neither in the term nor in its quote")
        for fact_id in sorted(evidence - {"article"}):
            if fact_id not in texts:
                problem(f"{fact_id} is not a row of reference/facts.csv")
            elif not _has_form(texts[fact_id], forms):
                problem(f"{fact_id} does not contain any of the forms {forms}")
        sources = article_text + " " + " ".join(texts.get(f, "") for f in evidence)
        for quoted in _QUOTED.findall(label):
            if quoted not in sources:
                problem(f"“{quoted}” is not an exact quote of the article or of a cited row")
        for code, words in named_by.items():
            if (code in codes) != any(word in label for word in words):
                problem(f"used_by {'has' if code in codes else 'lacks'} {code} but the label "
                        f"{'does not name' if code in codes else 'names'} that user")
    return problems


def ledger_glossary_problems(ledger) -> list[str]:
    """glossary_problems of a loaded Ledger."""
    return glossary_problems(ledger.glossary, ledger.reference_facts, ledger.article.text,
                             ledger.reference_sides)
