"""Every primer or content-note cell that names a tragedy of one people names one of the other.

GUIDE section 1 ("a content note names the suffering of both peoples") and issue 21: the killings
of civilians in the first war (M22), displacement (K3, M23), the 2020 war's dead (M20) and the
losses of September 2023 are named for both peoples together, or for neither.

Cells checked: every markdown cell of notebooks/, solutions/ and exercises/ that holds a content
note ("**Content note.**", as tests/article/test_content_notes.py finds them), and every cell of lesson
1's background primer: the cells under its heading "## Background in brief" up to the next "## "
heading. A cell names a tragedy by citing a reference id (below) or by naming a place of the first
war's killings of civilians (Sumgait, Baku in 1990, Khojaly: M22 names them together).
"""

import re

import nbformat
import pytest

from readingpack.ledger import load_ledger
from readingpack.paths import PROJECT_ROOT

FACT_ID = re.compile(r"\b[A-Z]\d+[a-z]?\b")
# Reference rows on losses or displacement of one people (see tests/article/test_content_notes.py for the
# reading of each row), and rows that give both peoples' in one text.
ARMENIANS = {"K3c", "M23", "C1", "C2", "S8", "M8", "C3", "C5", "C6", "S2", "S3", "S4"}
AZERBAIJANIS = {"K3a", "K3b", "K3d", "C4", "S5", "M14", "M13"}
BOTH = {"M22", "M20", "K3e"}
# The first war's killings of civilians, by place: Armenians (Sumgait 1988, Baku 1990) and
# Azerbaijanis (Khojaly 1992), as M22 gives them.
KILLINGS_OF_ARMENIANS = re.compile(r"\bSumgait\b|\bBaku in January 1990\b|\bBaku pogrom", re.I)
KILLINGS_OF_AZERBAIJANIS = re.compile(r"\bKhojaly\b|\bKhojali\b", re.I)
PRIMER_HEADING = "## Background in brief"


def cells():
    """(name, text) of every content-note cell and every primer cell of the pack's notebooks."""
    for folder in ("notebooks", "solutions", "exercises"):
        for path in sorted((PROJECT_ROOT / folder).glob("*.ipynb")):
            in_primer = False
            for number, cell in enumerate(nbformat.read(path, as_version=4).cells):
                if cell.cell_type != "markdown":
                    continue
                if cell.source.startswith("## "):
                    in_primer = cell.source.startswith(PRIMER_HEADING)
                if in_primer or "**Content note.**" in cell.source:
                    yield f"{folder}/{path.name}#{cell.get('id', number)}", cell.source


CELLS = list(cells())


def sides_named(text: str) -> tuple[bool, bool]:
    """(names a tragedy of Armenians, names a tragedy of Azerbaijanis)."""
    cited = set(FACT_ID.findall(text))
    armenians = bool(cited & (ARMENIANS | BOTH)) or bool(KILLINGS_OF_ARMENIANS.search(text))
    azerbaijanis = bool(cited & (AZERBAIJANIS | BOTH)) or bool(KILLINGS_OF_AZERBAIJANIS.search(text))
    return armenians, azerbaijanis


def test_the_cells_are_found():
    names = {name.split("#")[0] for name, _ in CELLS}
    assert "notebooks/00_start_here.ipynb" in names
    primer = [name for name, text in CELLS if name.startswith("notebooks/01_") and "[K3a" in text]
    assert primer, "lesson 1's primer cites the UN's displacement figures (K3a)"


def test_the_id_sets_are_reference_facts():
    facts = set(load_ledger().reference_facts["id"])
    assert not (ARMENIANS | AZERBAIJANIS | BOTH) - facts
    assert not ARMENIANS & AZERBAIJANIS


def test_the_reader_of_a_cell():
    assert sides_named("Sumgait and Khojaly [M22]") == (True, True)
    assert sides_named("the 185,000 who left Armenia [K3a]") == (False, True)
    assert sides_named("In Sumgait in February 1988 ...") == (True, False)
    assert sides_named("the arrivals in Armenia [C1] and the mine explosions [M13]") == (True, True)
    assert sides_named("The ICJ's order [D2]") == (False, False)


@pytest.mark.parametrize(("name", "text"), CELLS, ids=[name for name, _ in CELLS])
def test_a_tragedy_of_one_people_comes_with_one_of_the_other(name, text):
    armenians, azerbaijanis = sides_named(text)
    assert armenians == azerbaijanis, (
        f"{name} names the losses or displacement of "
        f"{'Armenians' if armenians else 'Azerbaijanis'} only; name the other people's too "
        "(M22, K3a-K3e, M20, M23), or neither")


def test_the_primer_data_holds_both_peoples():
    """The primer's table (data/settings.csv setting.primer_ids) shows both peoples' rows."""
    settings = load_ledger().settings.set_index("key")
    ids = set(settings.loc["setting.primer_ids", "value"].split(";"))
    assert ids & ARMENIANS and ids & AZERBAIJANIS and ids >= BOTH
