"""Kept so that workbooks copied before the rename to widgets.claim_check still run."""

from .claim_check import ClaimCheck, outcome_table  # noqa: F401
