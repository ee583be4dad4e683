"""The layers hold where it matters to a student: checking an exercise does not load the widget
library or matplotlib (import-linter enforces the full contracts in `make lint`)."""

import json
import subprocess
import sys
from pathlib import Path


def loaded_after(statement: str) -> dict[str, bool]:
    probe = (f"{statement}\nimport json, sys\n"
             "print(json.dumps({m: m in sys.modules for m in ('ipywidgets', 'matplotlib', 'IPython')}))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_the_exercise_checks_and_the_evidence_loads_no_widget_or_plotting_library():
    # one probe for the whole evidence layer and every lesson's checks (the import-linter
    # contract no-ui-below-widgets states the same rule for the code as written)
    evidence = (Path(__file__).parents[1] / "src" / "readingpack" / "evidence").glob("*.py")
    modules = ["readingpack.exercises", *(f"readingpack.evidence.{p.stem}" for p in sorted(evidence))]
    assert len(modules) > 5
    assert loaded_after(f"import {', '.join(modules)}") == {
        "ipywidgets": False, "matplotlib": False, "IPython": False}


def test_the_probe_sees_a_widget_import():
    assert loaded_after("import ipywidgets")["ipywidgets"] is True
