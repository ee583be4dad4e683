"""Kept so that workbooks copied before the comparison moved to readingpack.evidence still run
(`from readingpack import checking`)."""

from .evidence.comparison import *  # noqa: F403
from .evidence.comparison import check_table, context_table, outcome_counts, paragraph_context  # noqa: F401
