"""The environment check of 00_start_here: [ OK ] or [FAIL] for each runtime package.

The compatible ranges are read from the installed pack's own metadata (the `dependencies` of
pyproject.toml); the versions the pack was tested with, from the runtime lock file
requirements/runtime.txt when the checkout has it.
"""

import re
import sys
from importlib.metadata import PackageNotFoundError, requires, version
from pathlib import Path

from packaging.requirements import Requirement  # installed with jupyterlab and matplotlib
from packaging.version import InvalidVersion

from .paths import PROJECT_ROOT

MIN_PYTHON = (3, 11)
RUNTIME_LOCK = PROJECT_ROOT / "requirements" / "runtime.txt"


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_requirements() -> list[Requirement]:
    """The pack's runtime dependencies with their ranges (the tools' extra is left out)."""
    return [req for req in map(Requirement, requires("readingpack") or []) if req.marker is None]


def tested_versions(path: Path = RUNTIME_LOCK) -> dict[str, str]:
    """name -> the exact version in the runtime lock file (empty when there is none)."""
    if not path.is_file():
        return {}
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9_.-]+)==([^\s;]+)", line)
        if match:
            pins[_key(match.group(1))] = match.group(2)
    return pins


def _range(req: Requirement) -> str:
    return ",".join(sorted(map(str, req.specifier), reverse=True))  # ">=3.1,<3.2"


def check_lines(requirements: list[str] | None = None,
                tested: dict[str, str] | None = None) -> list[tuple[bool, str]]:
    python_ok = sys.version_info[:2] >= MIN_PYTHON
    lines = [(python_ok, f"Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer")]
    try:
        reqs = runtime_requirements() if requirements is None else [Requirement(r) for r in requirements]
    except PackageNotFoundError:
        return [*lines, (False, "the pack's package (readingpack) is not installed (run: make lab)")]
    tested = tested_versions() if tested is None else {_key(k): v for k, v in tested.items()}
    for req in reqs:
        wanted, pin = _range(req), tested.get(_key(req.name))
        try:
            installed = version(req.name)
        except PackageNotFoundError:
            lines.append((False, f"{req.name} {wanted} is not installed (run: make lab)"))
            continue
        try:
            inside = req.specifier.contains(installed, prereleases=True)
        except InvalidVersion:
            inside = False
        if not inside:
            lines.append((False, f"{req.name}: {installed} installed, {wanted} needed (run: make lab)"))
        elif pin is None or installed == pin:
            lines.append((True, f"{req.name} {installed}"))
        else:
            lines.append((True, f"{req.name} {installed}: compatible (the pack was tested with {pin})"))
    return lines


def print_report(lines: list[tuple[bool, str]] | None = None) -> None:
    lines = check_lines() if lines is None else lines
    for ok, text in lines:
        print(f"[ OK ] {text}" if ok else f"[FAIL] {text}")
    if all(ok for ok, _ in lines):
        print("All set.")
    else:
        print("Something is missing or different: see the README's troubleshooting section.")
