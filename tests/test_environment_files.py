"""The environments: pyproject's ranges, the two lock files, environment.yml and Lesson 0's check."""

import re
import tomllib

import pytest
from packaging.requirements import Requirement

from readingpack import envcheck
from readingpack.paths import PROJECT_ROOT

PYPROJECT = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(r) for r in PYPROJECT["dependencies"]]
TOOLS = [Requirement(r) for r in PYPROJECT["optional-dependencies"]["tools"]]
NEVER_IN_RUNTIME = ["pytest", "playwright", "ruff", "nbval", "import-linter", "hypothesis"]


def key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def lock(name: str) -> dict[str, list[str]]:
    """name -> the versions the lock file pins (more than one only under platform markers)."""
    pins: dict[str, list[str]] = {}
    for line in (PROJECT_ROOT / "requirements" / name).read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9_.-]+)==([^\s;]+)", line)
        if match:
            pins.setdefault(key(match.group(1)), []).append(match.group(2))
    return pins


def environment_yml_pins(name: str = "environment.yml") -> dict[str, str]:
    pins = {}
    for line in (PROJECT_ROOT / name).read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"\s+- ([A-Za-z0-9_.-]+)(==|=)([0-9][^\s]*)\s*", line)
        if match and match.group(1) != "python":
            pins[key(match.group(1))] = match.group(3)
    return pins


def test_the_runtime_lock_holds_no_test_or_lint_tool():
    runtime = lock("runtime.txt")
    assert runtime, "requirements/runtime.txt pins nothing"
    assert [name for name in NEVER_IN_RUNTIME if name in runtime] == []
    assert {key(r.name) for r in TOOLS} & {"pytest", "playwright", "ruff"}, "the tools extra lost its tools"


@pytest.mark.parametrize(("lock_name", "requirements"),
                         [("runtime.txt", RUNTIME), ("dev.txt", RUNTIME + TOOLS)])
def test_every_dependency_is_locked_inside_its_range(lock_name, requirements):
    pins = lock(lock_name)
    for req in requirements:
        versions = pins.get(key(req.name))
        assert versions, f"{req.name} is missing from requirements/{lock_name}"
        for pinned in versions:
            assert req.specifier.contains(pinned), f"{req.name}=={pinned} is outside {req.specifier}"


def test_the_dev_lock_adds_to_the_runtime_lock_without_changing_it():
    dev = lock("dev.txt")
    changed = {name: versions for name, versions in lock("runtime.txt").items() if dev.get(name) != versions}
    assert changed == {}


def test_the_locks_hold_the_tested_versions():
    dev = lock("dev.txt")
    for line in (PROJECT_ROOT / "requirements" / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, pinned = line.split("==")
            assert dev[key(name)] == [pinned.strip()], name


def test_environment_yml_pins_the_runtime_only_and_environment_dev_yml_adds_the_tools():
    runtime, dev = lock("runtime.txt"), lock("dev.txt")
    assert environment_yml_pins() == {key(r.name): runtime[key(r.name)][0] for r in RUNTIME}
    assert environment_yml_pins("environment-dev.yml") == {
        key(r.name): dev[key(r.name)][0] for r in RUNTIME + TOOLS}
    assert [name for name in NEVER_IN_RUNTIME
            if re.search(rf"^\s+- {name}\b", (PROJECT_ROOT / "environment.yml").read_text(), re.M)] == []


@pytest.mark.parametrize("name", ["environment.yml", "environment-dev.yml"])
def test_environment_yml_installs_the_package_and_python_311(name):
    text = (PROJECT_ROOT / name).read_text(encoding="utf-8")
    assert re.search(r"^\s+- python=3\.11\s*$", text, re.M)
    assert re.search(r"^\s+- -e \.\s*$", text, re.M)


def test_every_runtime_library_is_imported_by_the_runtime():
    # jupyterlab and ipykernel are the applications a student runs, not libraries imported
    imported = set()
    for path in (PROJECT_ROOT / "src" / "readingpack").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        imported |= set(re.findall(r"^\s*(?:from|import) ([A-Za-z0-9_]+)", text, re.M))
    unused = {r.name for r in RUNTIME} - {"jupyterlab", "ipykernel"} - imported
    assert unused == set(), f"runtime dependencies that src/ never imports: {sorted(unused)}"


def test_the_runtime_never_imports_the_tools():
    for path in (PROJECT_ROOT / "src" / "readingpack").rglob("*.py"):
        assert not re.search(r"^\s*(from|import) packtools\b", path.read_text(encoding="utf-8"), re.M), path


def test_environment_check_reports_missing_outside_and_compatible_versions(capsys, monkeypatch):
    installed = {"pandas": "3.1.2", "numpy": "2.3.0", "matplotlib": "3.11.2"}

    def fake_version(name):
        if name not in installed:
            raise envcheck.PackageNotFoundError(name)
        return installed[name]

    monkeypatch.setattr(envcheck, "version", fake_version)
    lines = envcheck.check_lines(
        ["pandas>=3.1,<3.2", "numpy>=2.4,<2.5", "matplotlib>=3.11,<3.12", "no-such-package-here>=1.0,<1.1"],
        {"pandas": "3.1.1", "numpy": "2.4.6", "matplotlib": "3.11.2", "no-such-package-here": "1.0.0"},
    )
    assert [ok for ok, _ in lines] == [True, True, False, True, False]
    envcheck.print_report(lines)
    out = capsys.readouterr().out
    assert "[ OK ] pandas 3.1.2: compatible (the pack was tested with 3.1.1)" in out
    assert "[FAIL] numpy: 2.3.0 installed, >=2.4,<2.5 needed (run: make lab)" in out
    assert "[ OK ] matplotlib 3.11.2\n" in out
    assert "[FAIL] no-such-package-here >=1.0,<1.1 is not installed (run: make lab)" in out
    assert "see the README's troubleshooting section" in out


def test_environment_check_lists_the_installed_runtime_packages_and_no_tool():
    names = {key(req.name) for req in envcheck.runtime_requirements()}
    assert names == {key(r.name) for r in RUNTIME}
    text = "\n".join(line for _, line in envcheck.check_lines())
    assert not [name for name in NEVER_IN_RUNTIME if re.search(rf"^{name} ", text, re.M)]
    assert envcheck.tested_versions()["pandas"] == lock("runtime.txt")["pandas"][0]
