"""A student's workbook is never overwritten, so an update must not break one copied earlier:
the exercise notebooks as they were handed out in version 1 (tests/fixtures/workbook_v1, with
their blank answers) still run top to bottom in the current runtime."""

import ast
import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "workbook_v1"
NOTEBOOKS = sorted(FIXTURES.glob("*.ipynb"))


def test_the_fixture_holds_every_lesson():
    assert len(NOTEBOOKS) == 8


# ---- the old names, kept in one place (readingpack/_compat.py) and used by nothing else -------

def test_every_old_name_warns_and_gives_what_the_new_import_gives():
    import importlib
    import warnings

    from readingpack import _compat

    for old, new in _compat.OLD_MODULES.items():
        sys.modules.pop(old, None)
        with pytest.warns(DeprecationWarning, match=re.escape(_compat.new_import(old))):
            module = importlib.import_module(old)
        assert module is importlib.import_module(new)
    for module_name, names in _compat.OLD_NAMES.items():
        module = importlib.import_module(module_name)
        for name, (new_module, expression) in names.items():
            with pytest.warns(DeprecationWarning, match=re.escape(f"{module_name}.{name} is an old name")):
                value = getattr(module, name)
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # the new name itself is not deprecated
                new = eval(expression, {}, vars(importlib.import_module(new_module)))
            assert value is new or value == new, f"{module_name}.{name}"
        with pytest.raises(AttributeError, match="no_such_name"):
            module.no_such_name  # noqa: B018


def _imported_old_names(source: str, package: str = "") -> list[str]:
    """The old names (readingpack._compat) that a piece of Python source imports or uses."""
    from readingpack import _compat

    old_modules, old_names = _compat.OLD_MODULES, _compat.OLD_NAMES
    found, aliases = [], {}
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in old_modules or alias.name == "readingpack._compat":
                    found.append(alias.name)
                aliases[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            if base in old_modules or base == "readingpack._compat":
                found.append(base)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                if full in old_modules or full == "readingpack._compat":
                    found.append(full)
                if alias.name in old_names.get(base, {}):
                    found.append(full)
                aliases[alias.asname or alias.name] = full
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            module = aliases.get(node.value.id)
            if node.attr in old_names.get(module, {}):
                found.append(f"{module}.{node.attr}")
    return found


def _code_of(path: Path) -> list[tuple[str, str, str]]:
    """(where, source, package) for a .py file or a notebook's code cells (one name space)."""
    if path.suffix == ".py":
        parts = path.relative_to(ROOT / "src").with_suffix("").parts if "src" in path.parts else ()
        package = ".".join(parts[:-1])
        return [(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"), package)]
    nb = nbformat.read(path, as_version=4)
    lines = [line for cell in nb.cells if cell.cell_type == "code"
             for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!"))]
    return [(str(path.relative_to(ROOT)), "\n".join(lines), "")]


def test_the_probe_finds_old_names():
    assert _imported_old_names("from readingpack import actors") == ["readingpack.actors"]
    source = "from readingpack.widgets import figure_check as f\nf.figure_reference_table()"
    assert _imported_old_names(source) == ["readingpack.widgets.figure_check.figure_reference_table"]
    assert _imported_old_names("from ..actors import x", "readingpack.exercises") == ["readingpack.actors"]
    assert _imported_old_names("from readingpack.evidence.mentions import ledger_mentions") == []


def test_the_pack_itself_uses_only_canonical_names():
    paths = [*ROOT.glob("src/**/*.py"), *ROOT.glob("tools/**/*.py"), *ROOT.glob("tests/**/*.py"),
             *ROOT.glob("notebooks/*.ipynb"), *ROOT.glob("solutions/*.ipynb"),
             *ROOT.glob("exercises/*.ipynb")]
    allowed = {ROOT / "src/readingpack/_compat.py", ROOT / "src/readingpack/__init__.py", Path(__file__)}
    offences = [f"{where}: {name}" for path in paths if path not in allowed and "fixtures" not in path.parts
                for where, source, package in _code_of(path)
                for name in _imported_old_names(source, package)]
    assert offences == [], "use the new names (readingpack/_compat.py says which):\n" + "\n".join(offences)
