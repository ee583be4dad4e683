"""The neutral style sheet (GUIDE section 1) over every sentence of the pack's own prose:
notebooks, docs, the data's own text columns, and the strings of widgets and feedback."""

import ast
import json

import nbformat
import pytest

from packtools.prose_style import loaded_term_problems
from readingpack.ledger import load_ledger
from readingpack.paths import PROJECT_ROOT

EXCEPTIONS = json.loads((PROJECT_ROOT / "tests" / "style_exceptions.json").read_text(encoding="utf-8"))

# Tables and columns that hold other people's words, not the pack's: the article's quotes and
# the reference list copied verbatim (its rows name their own sources).
NOT_THE_PACKS_VOICE = ("quote", "text", "authors_words", "phrase", "term", "example", "match", "forms",
                       "link")
VERBATIM_TABLES = ("reference_facts", "reference_fact_values", "reference_quoted_sources",
                   "reference_publishers", "paragraphs", "sentences")


def notebook_documents():
    for folder in ("notebooks", "solutions"):
        for path in sorted((PROJECT_ROOT / folder).glob("*.ipynb")):
            nb = nbformat.read(path, as_version=4)
            text = "\n\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
            yield f"{folder}/{path.name}", text
    for path in [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").rglob("*.md")),
                 PROJECT_ROOT / "data" / "README.md", PROJECT_ROOT / "data" / "CODEBOOK.md",
                 PROJECT_ROOT / "solutions" / "README.md", PROJECT_ROOT / "exercises" / "README.md"]:
        if path.exists():
            yield str(path.relative_to(PROJECT_ROOT)), path.read_text(encoding="utf-8")


def data_documents():
    ledger = load_ledger()
    for name in ledger.names:
        if name in VERBATIM_TABLES:
            continue
        frame = ledger[name]
        for column in frame.columns:
            if (str(frame[column].dtype) != "string" or column == "id" or column.endswith("_id")
                    or any(k in column for k in NOT_THE_PACKS_VOICE)):
                continue
            cells = [str(v) for v in frame[column].dropna() if str(v).strip()]
            if cells:
                yield f"data/{name}.{column}", "\n\n".join(cells)


def _docstrings(tree) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def code_documents():
    """Every string a widget, a feedback message or a built page can show (docstrings aside)."""
    paths = [*(PROJECT_ROOT / "src" / "readingpack").rglob("*.py"),
             *(PROJECT_ROOT / "tools" / "packtools").rglob("*.py")]
    for path in sorted(paths):
        if path.name == "prose_style.py":  # the linter's own list of terms
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        parts = []
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                parts.append("".join(v.value if isinstance(v, ast.Constant) else "…" for v in node.values))
                skip.update(id(v) for v in node.values)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
                parts.append(node.value)
        yield str(path.relative_to(PROJECT_ROOT)), "\n\n".join(parts)


DOCUMENTS = [*notebook_documents(), *data_documents(), *code_documents()]


@pytest.mark.parametrize(("name", "text"), DOCUMENTS, ids=[name for name, _ in DOCUMENTS])
def test_loaded_terms_are_quoted_or_attributed(name, text):
    allowed = {e["sentence"] for e in EXCEPTIONS["exceptions"] if e["document"] == name}
    problems = [s for s in loaded_term_problems(text) if s not in allowed]
    assert problems == [], f"{name}: loaded terms in the pack's own voice:\n" + "\n".join(problems)


def test_every_exception_has_a_reason_and_is_still_needed():
    problems = {(name, s) for name, text in DOCUMENTS for s in loaded_term_problems(text)}
    for entry in EXCEPTIONS["exceptions"]:
        assert entry["reason"].strip(), entry
        assert (entry["document"], entry["sentence"]) in problems, f"stale exception: {entry}"


def test_the_scan_reaches_data_widgets_and_feedback():
    names = {name for name, _ in DOCUMENTS}
    assert "data/figure_reference.note" in names and "data/paragraph_context.note" in names
    assert "src/readingpack/widgets/claim_check.py" in names
    assert "src/readingpack/exercises/lesson08.py" in names


@pytest.mark.parametrize(
    "sentence",
    [
        "Azerbaijan's blockade of the road lasted nine months.",
        "The occupied villages are in the south.",
        "This was ethnic cleansing.",
        "Territorial claims to Armenia's territory.",
        "Military, coercive and humanitarian events run side by side.",
        "Hybrid warfare is used against Armenia.",
        "The settlers arrived after 2020.",
        # issue 21: a possessive is not an attribution, and a term does not attribute itself
        "Aliyev's territorial claims to Armenia.",
        "Since January 2024, Aliyev has expressed territorial claims to Armenia, "
        "including the capital Yerevan.",
        "Yes: in P07 Yerevan “points out” the territorial claims and, in the article's words, "
        "“doesn’t demand to amend those documents” (paragraph 16).",
        "His territorial claims include the capital.",
        "Baku's claims of liberation were repeated.",
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
        "Statements that the article calls territorial claims.",
        "According to the European Parliament, the situation amounts to ethnic cleansing.",
        "The word «blockade» appears in the resolution.",
        "President Aliyev's statements, which the article calls territorial claims, and his denials.",
        "The article reports that Armenia's government says the documents contain what it "
        "calls territorial claims.",
        "In the author's words, these are territorial claims.",
        "These are territorial claims, in the author's words.",
    ],
)
def test_the_check_allows_quoted_or_attributed_terms(sentence):
    assert loaded_term_problems(sentence) == []
