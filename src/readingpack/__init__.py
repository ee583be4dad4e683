"""readingpack: the logic behind the teaching pack (data loading, checks, widgets, tools).

Notebooks import from here so that they stay short and the logic is unit-tested.
"""

__version__ = "1.0.0"

from . import _compat

_compat.install()  # old import names still work in workbooks copied before a move, with a warning
