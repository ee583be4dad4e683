"""`python3 tools/workbook.py`: copy the exercise notebooks into workbook/, never overwriting.

The same as `make workbook`, for where make or the pack's .venv is missing (a JupyterHub server,
Windows): it needs only Python's standard library, so any `python3` (or `python`) runs it, from
any folder.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from packtools.workbook import main  # after the path is set

if __name__ == "__main__":
    sys.exit(main())
