"""Mention counting, now in readingpack.evidence.mentions: kept so that workbooks copied before
the move still run (`from readingpack import actors`, `actors.ledger_mentions(ledger)`)."""

from .evidence.mentions import (  # noqa: F401
    alias_pattern,
    count_mentions,
    find_mentions,
    ledger_mentions,
    match_aliases,
    mentions_by_paragraph,
)
