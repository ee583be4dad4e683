"""Where the pack's files live.

The data folder can be redirected with the READINGPACK_DATA environment variable, which is
how the pack's tools are reused on another article (see docs/adapting.md).
"""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    override = os.environ.get("READINGPACK_DATA")
    return Path(override) if override else PROJECT_ROOT / "data"
