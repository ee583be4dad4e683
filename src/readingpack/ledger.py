"""The evidence ledger: the CSV tables of data/, checked against data/datapackage.json.

Every table is read as text and checked field by field against its Table Schema (required,
type, enum, minimum/maximum, pattern, unique), then by primary and foreign keys, then by the
pack's own checks declared in the schema under "x-checks" (a quote must be an exact substring
of its paragraph, occurring once; bounds must be ordered; ...). Any problem raises a
LedgerError naming the file, the line, the column and what is wrong. Nothing is dropped or
coerced quietly: a value that does not fit its type is an error, not a missing value.
"""

import copy
import csv
import inspect
import json
import re
import weakref
from dataclasses import dataclass, field
from datetime import date
from functools import cache, wraps
from itertools import pairwise
from pathlib import Path

import pandas as pd

from .article import Article, read_article
from .paths import data_dir

PANDAS_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "date": "datetime64[s]",
}
TRUE_VALUES, FALSE_VALUES = {"true"}, {"false"}


class LedgerError(ValueError):
    """A ledger file breaks its schema or one of the pack's checks."""

    def __init__(self, file: str, problem: str, line: int | None = None, column: str | None = None):
        self.file, self.problem, self.line, self.column = file, problem, line, column
        where = file
        if line is not None:
            where += f", line {line}"
        if column is not None:
            where += f", column '{column}'"
        super().__init__(f"{where}: {problem}")


def parse_value(raw: str, field_type: str):
    """Convert one CSV cell to a Python value, or raise ValueError saying why it does not fit."""
    if field_type == "string":
        return raw
    if field_type == "integer":
        if not re.fullmatch(r"-?\d+", raw):
            raise ValueError(f"{raw!r} is not a whole number")
        return int(raw)
    if field_type == "number":
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not a number") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{raw!r} is not a finite number")
        return value
    if field_type == "boolean":
        if raw not in TRUE_VALUES | FALSE_VALUES:
            raise ValueError(f"{raw!r} is not true or false")
        return raw in TRUE_VALUES
    if field_type == "date":
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
                raise ValueError
            return date.fromisoformat(raw)
        except ValueError:
            raise ValueError(f"{raw!r} is not a real date in the form YYYY-MM-DD") from None
    raise ValueError(f"the schema uses the unsupported type {field_type!r}")


@dataclass
class Table:
    name: str
    file: str
    schema: dict
    rows: list[dict] = field(default_factory=list)  # parsed values, None where the cell is empty
    lines: list[int] = field(default_factory=list)  # the file line of each row

    def frame(self) -> pd.DataFrame:
        columns = [f["name"] for f in self.schema["fields"]]
        frame = pd.DataFrame(self.rows, columns=columns)
        for spec in self.schema["fields"]:
            dtype = PANDAS_DTYPES[spec.get("type", "string")]
            column = frame[spec["name"]]
            if dtype.startswith("datetime"):
                frame[spec["name"]] = pd.to_datetime(column).astype(dtype)
            else:
                frame[spec["name"]] = column.astype(dtype)
        return frame


def read_table(path: Path, name: str, schema: dict) -> Table:
    file = path.name if path.parent.name == "data" else f"{path.parent.name}/{path.name}"
    table = Table(name, file, schema)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LedgerError(file, "the file is missing") from None
    except UnicodeDecodeError as error:
        raise LedgerError(file, f"not valid UTF-8 ({error.reason} at byte {error.start})") from None
    if not text.strip():
        raise LedgerError(file, "the file is empty; it needs at least its header line")
    reader = csv.reader(text.splitlines(keepends=True))
    header = next(reader)
    expected = [f["name"] for f in schema["fields"]]
    missing = [c for c in expected if c not in header]
    if missing:
        raise LedgerError(file, f"missing column(s) {missing}", line=1)
    extra = [c for c in header if c not in expected]
    if extra:
        raise LedgerError(file, f"column(s) {extra} are not in the schema", line=1)
    if header != expected:
        raise LedgerError(file, f"columns must be in the schema's order {expected}", line=1)
    for cells in reader:
        line = reader.line_num
        if not cells:
            continue
        if len(cells) != len(header):
            raise LedgerError(file, f"{len(cells)} cells where the header has {len(header)}", line)
        row = {}
        for spec, raw in zip(schema["fields"], cells, strict=True):
            row[spec["name"]] = _check_cell(file, line, spec, raw)
        table.rows.append(row)
        table.lines.append(line)
    return table


def _check_cell(file: str, line: int, spec: dict, raw: str):
    column = spec["name"]
    constraints = spec.get("constraints", {})
    if raw == "":
        if constraints.get("required"):
            raise LedgerError(file, "a value is required here but the cell is empty", line, column)
        return None
    try:
        value = parse_value(raw, spec.get("type", "string"))
    except ValueError as error:
        raise LedgerError(file, str(error), line, column) from None
    if "enum" in constraints and raw not in constraints["enum"]:
        raise LedgerError(file, f"{raw!r} is not one of {constraints['enum']}", line, column)
    if "minimum" in constraints and value < constraints["minimum"]:
        raise LedgerError(file, f"{raw} is below the minimum {constraints['minimum']}", line, column)
    if "maximum" in constraints and value > constraints["maximum"]:
        raise LedgerError(file, f"{raw} is above the maximum {constraints['maximum']}", line, column)
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], raw):
        raise LedgerError(
            file, f"{raw!r} does not match the pattern {constraints['pattern']}", line, column
        )
    return value


def _as_list(names) -> list[str]:
    return [names] if isinstance(names, str) else list(names)


def check_keys(tables: dict[str, Table]) -> None:
    for table in tables.values():
        key = table.schema.get("primaryKey")
        unique_fields = [f["name"] for f in table.schema["fields"]
                         if f.get("constraints", {}).get("unique")]
        for fields in ([_as_list(key)] if key else []) + [[f] for f in unique_fields]:
            seen: dict[tuple, int] = {}
            for row, line in zip(table.rows, table.lines, strict=True):
                value = tuple(row[f] for f in fields)
                if value in seen:
                    raise LedgerError(
                        table.file, f"{value} repeats line {seen[value]}; it must be unique",
                        line, ",".join(fields),
                    )
                seen[value] = line
        for foreign in table.schema.get("foreignKeys", []):
            fields = _as_list(foreign["fields"])
            target_name = foreign["reference"]["resource"] or table.name
            target = tables[target_name]
            target_fields = _as_list(foreign["reference"]["fields"])
            known = {tuple(r[f] for f in target_fields) for r in target.rows}
            for row, line in zip(table.rows, table.lines, strict=True):
                value = tuple(row[f] for f in fields)
                if None in value:
                    continue
                if value not in known:
                    raise LedgerError(
                        table.file,
                        f"{value[0] if len(value) == 1 else value!r} is not a "
                        f"{'/'.join(target_fields)} of {target.file}",
                        line, ",".join(fields),
                    )


def check_quote_in_paragraph(table: Table, article: Article, quote: str, paragraph: str) -> None:
    for row, line in zip(table.rows, table.lines, strict=True):
        text, number = row[quote], row[paragraph]
        if text is None or number is None:
            continue
        if number not in article.paragraphs.index:
            raise LedgerError(table.file, f"there is no paragraph {number}", line, paragraph)
        body = article.paragraph(number)
        count = body.count(text)
        if count == 0:
            raise LedgerError(
                table.file,
                f"{text!r} is not an exact substring of paragraph {number} (curly quotes and "
                "non-breaking spaces must match the article)",
                line, quote,
            )
        if count > 1:
            raise LedgerError(
                table.file,
                f"{text!r} occurs {count} times in paragraph {number}; lengthen it until it is unique",
                line, quote,
            )


def check_ordered(table: Table, fields: list[str]) -> None:
    for row, line in zip(table.rows, table.lines, strict=True):
        present = [(f, row[f]) for f in fields if row[f] is not None]
        for (low_name, low), (high_name, high) in pairwise(present):
            if low > high:
                raise LedgerError(
                    table.file, f"{low_name} {low} is above {high_name} {high}", line, low_name
                )


def check_required_together(table: Table, when: str, equals: list[str], fields: list[str]) -> None:
    for row, line in zip(table.rows, table.lines, strict=True):
        if row[when] in equals:
            for name in fields:
                if row[name] is None:
                    raise LedgerError(
                        table.file, f"a row whose {when} is {row[when]!r} needs a {name}", line, name
                    )


ID_SHAPE = re.compile(r"([A-Z]+)\d+[a-z]?")


def check_setting_ids(tables: dict[str, Table]) -> None:
    """Every id that settings.csv names exists: a value shaped like the ids of a table (letters
    then digits: F015, CL016, K1c, P07) must be one of that table's ids. Ids in lower case
    (actors, issues) are checked where the code reads them (evidence.settings.setting_ids)."""
    if "settings" not in tables:
        return
    by_prefix: dict[str, dict[str, set]] = {}
    for table in tables.values():
        key = _as_list(table.schema.get("primaryKey") or [])
        if len(key) != 1 or table.name == "settings":
            continue
        for row in table.rows:
            match = ID_SHAPE.fullmatch(str(row[key[0]]))
            if match:
                by_prefix.setdefault(match.group(1), {}).setdefault(table.file, set()).add(row[key[0]])
    settings = tables["settings"]
    for row, line in zip(settings.rows, settings.lines, strict=True):
        for token in str(row.get("value") or "").split(";"):
            match = ID_SHAPE.fullmatch(token.strip())
            if not match or match.group(1) not in by_prefix:
                continue
            files = by_prefix[match.group(1)]
            if not any(token.strip() in ids for ids in files.values()):
                raise LedgerError(settings.file, f"the setting {row['key']!r} names {token.strip()}, "
                                  f"which is not an id of {' or '.join(sorted(files))}", line, "value")


def run_checks(tables: dict[str, Table], article: Article) -> None:
    check_setting_ids(tables)
    for table in tables.values():
        for spec in table.schema.get("x-checks", []):
            kind = spec["check"]
            if kind == "quote_in_paragraph":
                check_quote_in_paragraph(table, article, spec["quote"], spec["paragraph"])
            elif kind == "ordered":
                check_ordered(table, spec["fields"])
            elif kind == "required_together":
                check_required_together(table, spec["when"], spec["equals"], spec["fields"])
            else:
                raise LedgerError(table.file, f"unknown check {kind!r} in datapackage.json")


class Ledger:
    """All tables of a data folder, checked, as pandas DataFrames: ledger.figures, ledger["figures"]."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.article = read_article(folder / "article")
        descriptor_path = folder / "datapackage.json"
        try:
            self.descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise LedgerError("datapackage.json", "the file is missing") from None
        except json.JSONDecodeError as error:
            raise LedgerError("datapackage.json", f"not valid JSON ({error})") from None
        tables = {}
        for resource in self.descriptor["resources"]:
            schema = resource["schema"]
            if isinstance(schema, str):
                schema = json.loads((folder / schema).read_text(encoding="utf-8"))
            tables[resource["name"]] = read_table(folder / resource["path"], resource["name"], schema)
        check_keys(tables)
        run_checks(tables, self.article)
        self.tables = tables
        self._frames = {name: table.frame() for name, table in tables.items()}

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._frames:
            raise KeyError(f"no table named {name!r}; the ledger has {sorted(self._frames)}")
        return self._frames[name].copy()

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("_") or "_frames" not in self.__dict__:
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError as error:
            raise AttributeError(str(error)) from None

    def __dir__(self) -> list[str]:
        """The tables too, so that tab completion offers `ledger.claims`, `ledger.figures`, ..."""
        return sorted(set(super().__dir__()) | set(self.__dict__.get("_frames", {})))

    @property
    def names(self) -> list[str]:
        return list(self._frames)


def per_ledger(function=None, *, copies: bool = True):
    """Decorate `function(ledger, ...)` to compute once per Ledger and arguments (a ledger
    never changes once loaded); each call returns a copy, so a caller may change what it gets.
    With copies=False the stored result itself is returned: only for a module's own lookup
    tables, whose callers copy what they hand on. The cache holds each ledger weakly: it never
    keeps one alive."""
    if function is None:
        return lambda function: per_ledger(function, copies=copies)
    results = weakref.WeakKeyDictionary()
    signature = inspect.signature(function)

    @wraps(function)
    def cached(*args, **kwargs):
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        ledger, *arguments = bound.arguments.values()
        own = results.setdefault(ledger, {})
        key = tuple(arguments)
        if key not in own:
            own[key] = function(*bound.args, **bound.kwargs)
        return copy.deepcopy(own[key]) if copies else own[key]

    return cached


@cache
def _cached_ledger(folder: Path) -> Ledger:
    return Ledger(folder)


def load_ledger(folder: Path | None = None) -> Ledger:
    """The checked ledger of `folder` (default: the pack's data folder), read once per kernel."""
    return _cached_ledger(Path(folder) if folder else data_dir())
