"""One validator: the pack's own loader (readingpack.ledger) checks every table at load time, with
friendly messages naming file, line and column. It implements a subset of Table Schema, so a
schema may use only the keywords listed here: a keyword the loader would silently ignore (say
`minLength` or `format`) fails this test instead. frictionless is not a second validator."""

import json

import pytest

from readingpack.ledger import PANDAS_DTYPES
from readingpack.paths import data_dir

SCHEMA_KEYWORDS = {"fields", "primaryKey", "foreignKeys", "x-checks", "description"}
FIELD_KEYWORDS = {"name", "type", "description", "constraints"}
CONSTRAINT_KEYWORDS = {"required", "enum", "minimum", "maximum", "pattern", "unique"}
X_CHECKS = {"quote_in_paragraph", "ordered", "required_together"}


def schemas():
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        schema = resource["schema"]
        if isinstance(schema, str):
            schema = json.loads((data_dir() / schema).read_text(encoding="utf-8"))
        yield resource["name"], schema


SCHEMAS = list(schemas())


def unsupported(schema: dict) -> list[str]:
    problems = [f"schema keyword {k!r}" for k in schema if k not in SCHEMA_KEYWORDS]
    for field in schema["fields"]:
        problems += [f"{field['name']}: keyword {k!r}" for k in field if k not in FIELD_KEYWORDS]
        if field.get("type", "string") not in PANDAS_DTYPES:
            problems.append(f"{field['name']}: type {field['type']!r}")
        problems += [f"{field['name']}: constraint {k!r}" for k in field.get("constraints", {})
                     if k not in CONSTRAINT_KEYWORDS]
    problems += [f"x-check {c['check']!r}" for c in schema.get("x-checks", []) if c["check"] not in X_CHECKS]
    return problems


@pytest.mark.parametrize(("name", "schema"), SCHEMAS, ids=[name for name, _ in SCHEMAS])
def test_every_schema_uses_only_what_the_loader_checks(name, schema):
    assert unsupported(schema) == []


@pytest.mark.parametrize("extra", [
    {"format": "email"}, {"constraints": {"minLength": 3}}, {"type": "datetime"}, {"rdfType": "x"},
])
def test_a_keyword_the_loader_does_not_implement_is_caught(extra):
    field = {"name": "a", "type": "string", "description": "d"}
    if "constraints" in extra:
        field["constraints"] = extra["constraints"]
    else:
        field.update(extra)
    assert unsupported({"fields": [field]}) != []
