"""The neutral style sheet (GUIDE section 1) over every sentence of the pack's own prose."""

import json

import nbformat
import pytest

from readingpack.paths import PROJECT_ROOT
from readingpack.stylesheet import loaded_term_problems

EXCEPTIONS = json.loads((PROJECT_ROOT / "tests" / "style_exceptions.json").read_text(encoding="utf-8"))


def prose_documents():
    for folder in ("notebooks", "solutions"):
        for path in sorted((PROJECT_ROOT / folder).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            text = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
            yield f"{folder}/{path.name}", text
    for path in [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md")),
                 PROJECT_ROOT / "data" / "README.md", PROJECT_ROOT / "data" / "CODEBOOK.md",
                 PROJECT_ROOT / "solutions" / "README.md"]:
        if path.exists():
            yield str(path.relative_to(PROJECT_ROOT)), path.read_text(encoding="utf-8")


DOCUMENTS = list(prose_documents())


@pytest.mark.parametrize(("name", "text"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_loaded_terms_are_quoted_or_attributed(name, text):
    allowed = {e["sentence"] for e in EXCEPTIONS["exceptions"] if e["document"] == name}
    problems = [s for s in loaded_term_problems(text) if s not in allowed]
    assert problems == [], f"{name}: loaded terms in the pack's own voice:\n" + "\n".join(problems)


def test_every_exception_has_a_reason():
    for entry in EXCEPTIONS["exceptions"]:
        assert entry["reason"].strip(), entry


@pytest.mark.parametrize(
    "sentence",
    [
        "Azerbaijan's blockade of the road lasted nine months.",
        "The occupied villages are in the south.",
        "This was ethnic cleansing.",
    ],
)
def test_the_check_catches_adopted_terms(sentence):
    assert loaded_term_problems(sentence) == [sentence]


@pytest.mark.parametrize(
    "sentence",
    [
        "The author calls it a “nine-month blockade”.",
        "Azerbaijan's government describes the operation as anti-terror measures.",
        "> Baku launched a military offensive, causing more than two hundred casualties",
        "The pack uses the neutral name: the September 2023 military operation.",
    ],
)
def test_the_check_allows_quoted_or_attributed_terms(sentence):
    assert loaded_term_problems(sentence) == []
