"""Write nbval's sanitiser file from tests/nbval_allowlist.json, the one list of exceptions."""

import json
import sys

from .paths import PROJECT_ROOT

ALLOWLIST = PROJECT_ROOT / "tests" / "nbval_allowlist.json"


def load_allowlist() -> dict:
    return json.loads(ALLOWLIST.read_text(encoding="utf-8"))


def sanitize_cfg(allowlist: dict) -> str:
    sections = []
    for index, entry in enumerate(allowlist["sanitizers"], start=1):
        sections.append(f"[pattern-{index}]\nregex: {entry['regex']}\nreplace: {entry['replace']}\n")
    return "\n".join(sections) or "# no sanitisers: every stored output is compared as it is\n"


if __name__ == "__main__":
    sys.stdout.write(sanitize_cfg(load_allowlist()))
