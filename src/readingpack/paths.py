"""Where the pack's data lives, for the runtime (the checkout's tools have packtools.paths).

The data folder can be redirected with the READINGPACK_DATA environment variable, which is
how the pack is reused on another article (see docs/adapting.md).
"""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    override = os.environ.get("READINGPACK_DATA")
    return Path(override) if override else PROJECT_ROOT / "data"
