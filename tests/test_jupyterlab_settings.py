"""The pack's JupyterLab settings overrides (jupyter/overrides.d/readingpack.json), which
`make lab` copies into the venv's JupyterLab settings: no "get notified about official Jupyter
news?" prompt over the widgets, no update check; each value valid in JupyterLab's own schema."""

import json
import re
import subprocess
import sys
from pathlib import Path

from readingpack.paths import PROJECT_ROOT

OVERRIDES = PROJECT_ROOT / "jupyter" / "overrides.d" / "readingpack.json"
SCHEMAS = Path(sys.prefix) / "share" / "jupyter" / "lab" / "schemas"


def test_the_news_prompt_and_the_update_check_are_off_and_valid():
    overrides = json.loads(OVERRIDES.read_text(encoding="utf-8"))
    notification = overrides["@jupyterlab/apputils-extension:notification"]
    assert notification == {"fetchNews": "false", "checkForUpdates": False}
    for plugin, values in overrides.items():
        package, name = plugin.split(":")
        schema = json.loads((SCHEMAS / package / f"{name}.json").read_text(encoding="utf-8"))
        for key, value in values.items():
            spec = schema["properties"][key]
            allowed = [choice["const"] for choice in spec.get("oneOf", [])]
            assert (value in allowed) if allowed else isinstance(value, bool), (plugin, key, value)


def test_make_lab_installs_the_overrides_into_the_venv():
    dry = subprocess.run(["make", "-n", "--no-print-directory", "lab", "PYTHON=true"], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, check=False).stdout
    # the venv's path is .venv, or another one a calling make passed down (VENV=...)
    copy = r"cp jupyter/overrides\.d/readingpack\.json \S*/share/jupyter/lab/settings/overrides\.d/"
    assert re.search(copy, dry)
