"""The lexicon's words found and counted in the article, and the glossary's evidence checks.

Moved to readingpack.evidence.language; kept so that workbooks copied before the move still run.
"""

from .evidence.language import (  # noqa: F401
    ARTICLE,
    CODE_WORDS,
    FACT_COLUMNS,
    INTERNATIONAL,
    NEUTRAL_LABELS,
    NEUTRAL_TERM,
    NOT_DOCUMENTED,
    count_terms,
    fact_texts,
    find_terms,
    glossary_problems,
    label_parts,
    ledger_glossary_problems,
    ledger_terms,
    term_regex,
    terms_by_paragraph,
)
