"""Kept so that workbooks copied before the move to readingpack.evidence still run."""

from .evidence.sources import *  # noqa: F403
from .evidence.sources import fact_sides, side_words, sides_table, with_sides  # noqa: F401
