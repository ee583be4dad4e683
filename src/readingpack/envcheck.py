"""The environment check of 00_start_here: [ OK ] or [FAIL] for each pinned package."""

import sys
from importlib.metadata import PackageNotFoundError, version

from .paths import PROJECT_ROOT

MIN_PYTHON = (3, 11)


def pinned_requirements(path=PROJECT_ROOT / "requirements.txt") -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, pinned = line.split("==")
            pins[name.strip()] = pinned.strip()
    return pins


def check_lines(pins: dict[str, str] | None = None) -> list[tuple[bool, str]]:
    pins = pinned_requirements() if pins is None else pins
    python_ok = sys.version_info[:2] >= MIN_PYTHON
    lines = [(python_ok, f"Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer")]
    for name, pinned in pins.items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            lines.append((False, f"{name} {pinned} is not installed (run: make lab)"))
            continue
        if installed == pinned:
            lines.append((True, f"{name} {pinned}"))
        else:
            lines.append((False, f"{name}: {installed} installed, {pinned} expected (run: make lab)"))
    return lines


def print_report(lines: list[tuple[bool, str]] | None = None) -> None:
    lines = check_lines() if lines is None else lines
    for ok, text in lines:
        print(f"[ OK ] {text}" if ok else f"[FAIL] {text}")
    if all(ok for ok, _ in lines):
        print("All set.")
    else:
        print("Something is missing or different: see the README's troubleshooting section.")
