"""Every heavy-tier pattern of tests/tiers.py still names a test, and `make quick` runs no
browser, slow or heavy test."""

import ast
import fnmatch
from pathlib import Path

from tiers import HEAVY

ROOT = Path(__file__).resolve().parents[1]


# The student edition ships neither solutions/ nor the task tests that state the keys.
INSTRUCTORS_CHECKOUT = any((ROOT / "solutions").glob("*.ipynb"))


def test_every_heavy_pattern_names_an_existing_test():
    for pattern in HEAVY:
        path, _, test = pattern.partition("::")
        if not INSTRUCTORS_CHECKOUT and Path(path).name.startswith("test_tasks_lesson"):
            continue
        assert (ROOT / path).is_file(), f"{pattern}: no file {path}"
        names = [node.name for node in ast.walk(ast.parse((ROOT / path).read_text(encoding="utf-8")))
                 if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")]
        function = test.split("[", 1)[0]
        assert any(fnmatch.fnmatchcase(name, function) for name in names), f"{pattern}: no such test"


def test_make_quick_leaves_out_the_browser_the_slow_and_the_heavy_tests():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    quick = makefile.split("\nquick:", 1)[1].split("\n\n", 1)[0]
    assert 'not heavy and not browser and not slow' in quick and "lint" in quick
