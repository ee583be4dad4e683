"""The environment check of 00_start_here: [ OK ] or [FAIL] for each runtime package.

The compatible ranges are read from the installed pack's own metadata (the `dependencies` of
pyproject.toml); the versions the pack was tested with, from the runtime lock file
requirements/runtime.txt when the checkout has it.

On a JupyterHub the kernel's pack (its code and data/) is installed in the server's image while
the lessons are the student's own copy, pulled from the course's repository: when the notebook
runs in such a copy, the check also says whether the copy's src/ and data/ are those the kernel
uses (see docs/hosting.md).
"""

import hashlib
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


def _fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for folder in ("src/readingpack", "data"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def copy_lines(notebook_folder: Path | None = None) -> list[tuple[bool, str]]:
    """A line when the notebook runs in another copy of the pack than the kernel's own (a hub)."""
    copy = (Path.cwd() if notebook_folder is None else Path(notebook_folder)).resolve().parent
    if not (copy / "src" / "readingpack").is_dir() or copy == PROJECT_ROOT.resolve():
        return []
    if _fingerprint(copy) == _fingerprint(PROJECT_ROOT):
        same = f"the pack this kernel runs ({PROJECT_ROOT}) is the same as your copy's src/ and data/"
        return [(True, same)]
    return [(False, f"the pack this kernel runs ({PROJECT_ROOT}) differs from your copy's src/ and data/: "
                    "lessons may show other results than their text says; tell your instructor (the "
                    "server's image needs a rebuild)")]


def print_report(lines: list[tuple[bool, str]] | None = None) -> None:
    lines = check_lines() + copy_lines() if lines is None else lines
    for ok, text in lines:
        print(f"[ OK ] {text}" if ok else f"[FAIL] {text}")
    if all(ok for ok, _ in lines):
        print("All set.")
    else:
        print("Something is missing or different: see the README's troubleshooting section.")
