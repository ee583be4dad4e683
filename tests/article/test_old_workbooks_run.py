"""A student's workbook is never overwritten, so an update must not break one copied earlier:
the exercise notebooks as they were handed out in version 1 (tests/fixtures/workbook_v1, with
their blank answers) still run top to bottom in the current runtime."""

import ast
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures" / "workbook_v1"
NOTEBOOKS = sorted(FIXTURES.glob("*.ipynb"))


# Lesson 8's version-1 workbook shows the reference table's old `side` column, which the
# publishers tables replaced (a fact can now have several publishers in several roles). The
# README's "Updating" section tells a student to take the new copy of that one workbook.
CHANGED = {"08_checking_claims": "the reference table's side columns were replaced by publisher tables"}


def _params():
    for path in NOTEBOOKS:
        marks = [pytest.mark.xfail(reason=CHANGED[path.stem], strict=True)] if path.stem in CHANGED else []
        yield pytest.param(path, id=path.stem, marks=marks)


@pytest.mark.slow
@pytest.mark.parametrize("path", list(_params()))
def test_a_version_1_workbook_still_runs(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError, naming the cell, if an old import or call fails
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert errors == []


# ---- the old names, kept in one place (readingpack/_compat.py) and used by nothing else -------


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


