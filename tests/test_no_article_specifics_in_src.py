"""Nothing in src/ names this article's ids or dates: they live in data/ (settings.csv,
vocabulary.csv, judgements.csv and the ledger's tables). Docstrings and comments may mention
them as examples; code may not. This is what lets the pack be reused on another article.

The exercise modules (readingpack/exercises/lessonNN.py) are the article's own exercises, as
the notebooks are: their feedback is prose about this article and may name a year or an id in
a sentence. Their code may not: an id a check computes with is read from data/settings.csv."""

import ast
import re

from readingpack.evidence import comparison
from readingpack.ledger import load_ledger
from readingpack.paths import PROJECT_ROOT

SRC = PROJECT_ROOT / "src" / "readingpack"
ID_TABLES = {  # table: its id column
    "figures": "figure_id", "reference_facts": "id", "reference_fact_values": "value_id",
    "claims": "claim_id", "actors": "actor_id", "events": "event_id", "positions": "position_id",
    "glossary": "id", "issues": "issue", "reference_publishers": "publisher_id",
}
URL = re.compile(r"https?://\S+")  # an XML namespace such as .../2000/svg is not a year
# An answer variable's name ("military_2023") is the notebooks' contract with the checks:
# renaming it would break workbooks students have already filled in.
ANSWER_NAME = re.compile(r"[a-z]+(?:_[a-z0-9]+)+")
YEAR = re.compile(r"(?<![\d.])(1[89]\d\d|20\d\d)(?![\d.])")
# Modules kept only so that workbooks copied before a rename still import the old names.
ALIASES = {"src/readingpack/checks.py", "src/readingpack/checking.py", "src/readingpack/sources.py",
           "src/readingpack/widgets/checking.py"}


# The comparison's rule codes (M1, N1-N4, T1-T4, X1) are the pack's own, listed in its module
# docstring; one of them (M1) is spelled like a reference fact id.
RULE_CODES = set(re.findall(r"^  ([A-Z]\d)  ", comparison.__doc__, flags=re.M))


def article_ids() -> set[str]:
    ledger = load_ledger()
    ids = set()
    for table, column in ID_TABLES.items():
        frame = ledger[table]
        if column in frame.columns:
            ids |= {str(v) for v in frame[column].dropna()}
    return ids


def code_strings(path):
    """(line, text) of every string and number constant in the module, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bodies = [n.body for n in ast.walk(tree)
              if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)]
    docstrings = {id(body[0].value) for body in bodies
                  if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        constant = isinstance(node, ast.Constant) and isinstance(node.value, str | int)
        if constant and id(node) not in docstrings:
            yield node.lineno, node.value


def is_prose(value) -> bool:
    return isinstance(value, str) and len(value.split()) >= 3


def test_no_ledger_id_or_year_in_the_code():
    ids = article_ids()
    found = []
    for path in sorted(SRC.rglob("*.py")):
        name = str(path.relative_to(PROJECT_ROOT))
        if name in ALIASES:
            continue
        exercise_text = path.parent.name == "exercises" and path.stem.startswith("lesson")
        for line, value in code_strings(path):
            if isinstance(value, bool) or (exercise_text and is_prose(value)):
                continue
            if isinstance(value, int):
                if 1800 <= value <= 2099:
                    found.append(f"{name}:{line}: the year {value}")
                continue
            if value in ids and not (path.name == "comparison.py" and value in RULE_CODES):
                found.append(f"{name}:{line}: the id {value!r}")
            elif YEAR.search(URL.sub("", value)) and not ANSWER_NAME.fullmatch(value):
                found.append(f"{name}:{line}: a year in {value[:60]!r}")
    assert found == [], "article specifics in src/ (move them to data/):\n" + "\n".join(found)


def test_the_rule_codes_are_read_from_the_docstring():
    assert {"M1", "N4", "T4", "X1"} <= RULE_CODES


def test_the_scan_sees_an_id_and_a_year(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""Docstring F015 and 2024 are fine."""\nDEFAULT = "F015"\nYEAR = 2024\n')
    values = [v for _, v in code_strings(module)]
    assert values == ["F015", 2024]


# Strings that still name the pack's own article, each with why it stays (none left: the glossary
# check's words for each user are data/reference/sides.csv's label_words).
NAMES_KEPT: dict[str, str] = {}


def summary_strings(tree) -> set[int]:
    """The ids of the string constants given to register(...): the task summaries, which
    data/tasks.csv's titles replace."""
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "register"]
    return {id(c) for call in calls for c in ast.walk(call) if isinstance(c, ast.Constant)}


def test_no_string_of_the_code_names_the_pack_s_own_article():
    """No message, label or example in src/ names a person, place, body or id that only the pack's
    own article has (tests/test_article_neutral_text.py's list): those words come from data."""
    from test_article_neutral_text import OWN_WORDS

    names = sorted((w for w in OWN_WORDS if not w[0].isdigit()), key=len, reverse=True)
    word = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    found = []
    for path in sorted(SRC.rglob("*.py")):
        name = str(path.relative_to(PROJECT_ROOT))
        if name in ALIASES or name in NAMES_KEPT:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = summary_strings(tree)
        bodies = [n.body for n in ast.walk(tree)
                  if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)]
        docstrings = {id(body[0].value) for body in bodies
                      if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings | skip):
                found += [f"{name}:{node.lineno}: {m.group()} in {node.value[:60]!r}"
                          for m in word.finditer(node.value)]
    assert found == [], "names of the pack's own article in src/ (move them to data/):\n" + "\n".join(found)
