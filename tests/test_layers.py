"""The layers hold where it matters to a student: checking an exercise does not load the widget
library or matplotlib (import-linter enforces the full contracts in `make lint`)."""

import json
import subprocess
import sys


def loaded_after(statement: str) -> dict[str, bool]:
    probe = (f"{statement}\nimport json, sys\n"
             "print(json.dumps({m: m in sys.modules for m in ('ipywidgets', 'matplotlib', 'IPython')}))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_the_exercise_checks_loads_no_widget_or_plotting_library():
    assert loaded_after("import readingpack.exercises") == {
        "ipywidgets": False, "matplotlib": False, "IPython": False}


def test_the_probe_sees_a_widget_import():
    assert loaded_after("import ipywidgets")["ipywidgets"] is True
