"""The stored lessons, solutions and exercises were made with the pack's own article (so nbval
compares them, and `make outputs` was run after the article's text last changed)."""

import json

import nbformat
import pytest

from readingpack.paths import PROJECT_ROOT

SHA256 = json.loads((PROJECT_ROOT / "data" / "article" / "metadata.json").read_text())["sha256"]
NOTEBOOKS = sorted(p for folder in ("notebooks", "solutions", "exercises")
                   for p in (PROJECT_ROOT / folder).glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_notebook_records_the_article_its_outputs_were_made_with(path):
    recorded = nbformat.read(path, as_version=4).metadata.get("readingpack", {}).get("article_sha256")
    assert recorded == SHA256, "run make outputs, then make exercises"
