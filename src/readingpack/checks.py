"""Kept so that workbooks copied before the exercises moved to readingpack.exercises still run
(`from readingpack.checks import check`)."""

from .exercises import *  # noqa: F403
from .exercises import check, check_value  # noqa: F401
