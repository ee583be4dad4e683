"""Where the checkout's files live, for the tools (the runtime's data folder is
`readingpack.paths.data_dir`)."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TOOLS_DIR = PROJECT_ROOT / "tools"
