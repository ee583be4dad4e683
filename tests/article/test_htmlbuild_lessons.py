"""The offline HTML edition's build: vendored files, alt texts, links, and the built pages.

The browser tests (tests/browser/test_html_edition.py) open every page in Chromium.

Here: the tests that state this article's facts (its stored lessons and solutions);
tests/test_htmlbuild.py holds those that hold for any article."""

import re

import nbformat
from bs4 import BeautifulSoup
from chart_notebooks import PNG, chart_notebook  # noqa: F401

from packtools import htmlbuild


def test_a_small_site_is_built_with_alt_texts_local_scripts_and_an_index(tmp_path):
    project = tmp_path / "project"
    (project / "notebooks").mkdir(parents=True)
    (project / "exercises").mkdir()
    nbformat.write(chart_notebook(), project / "notebooks" / "09_x.ipynb")
    out = tmp_path / "site"
    pages = htmlbuild.build_site(out, project=project)
    assert sorted(p.relative_to(out).as_posix() for p in pages) == sorted(
        htmlbuild.site_pages(project=project))
    lesson = (out / "notebooks" / "09_x.html").read_text()
    soup = BeautifulSoup(lesson, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.title.string == "9. A lesson – Reading a contested article with data"
    assert soup.img["alt"] == "two bars, A above B."
    assert soup.find("a", string="the next one")["href"] == "10_next.html#Top"
    sources = [t.get("src") or t.get("href") for t in soup.find_all(["script", "link"])]
    assert not [s for s in sources if s and re.match(r"(https?:)?//", s)], sources
    assert "mathjax" not in lesson.lower()
    index = (out / "index.html").read_text()
    assert '<a href="notebooks/09_x.html">9. A lesson</a>' in index
    assert "<td>7</td><td>3</td><td>10</td>" in index
    assert (out / "_static" / "html-manager" / "embed-amd.js").exists()
    assert (out / "_static" / "requirejs" / "require.js").exists()
    article = (out / "article.html").read_text()
    assert '<li id="p23" value="23">' in article and "Sossi Tatikyan" in article


