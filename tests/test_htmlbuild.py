"""The offline HTML edition's build: vendored files, alt texts, links, and the built pages.

The browser tests (tests/browser/test_html_edition.py) open every page in Chromium."""

import hashlib

import nbformat
import pytest
from bs4 import BeautifulSoup
from chart_notebooks import PNG, chart_notebook  # noqa: F401

from packtools import browser, htmlbuild
from packtools.htmlbuild import HtmlBuildError
from readingpack.paths import PROJECT_ROOT

VENDOR = PROJECT_ROOT / "vendor"


def test_vendored_files_match_their_checksums():
    lines = (VENDOR / "SHA256SUMS").read_text().splitlines()
    assert len(lines) >= 7
    assert any(line.endswith("  html_codesniffer/HTMLCS.js") for line in lines)
    for line in lines:
        digest, name = line.split(maxsplit=1)
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_every_vendored_package_ships_its_licence_and_is_listed():
    readme = (VENDOR / "README.md").read_text()
    for folder in ("html-manager", "requirejs", "axe-core", "html_codesniffer"):
        assert (VENDOR / folder / "LICENSE").exists()
        assert f"`{folder}/`" in readme
    assert "1.0.15" in readme and "2.3.8" in readme and "4.14.1" in readme and "2.6.0" in readme



def test_the_chart_description_becomes_the_alt_text():
    nb = chart_notebook()
    htmlbuild.add_alt_texts(nb, "notebooks/09_x.ipynb")
    assert nb.cells[1].outputs[0]["metadata"]["alt"] == "two bars, A above B."


@pytest.mark.parametrize("description", [None, "A chart of two bars.", "**What this chart shows:**"])
def test_a_chart_without_a_description_stops_the_build_naming_notebook_and_cell(description):
    nb = chart_notebook(description)
    with pytest.raises(HtmlBuildError, match=r"notebooks/09_x\.ipynb: cell 2 \(id .+\) shows an image"):
        htmlbuild.add_alt_texts(nb, "notebooks/09_x.ipynb")


def test_finish_page_rewrites_notebook_links_only():
    page = htmlbuild.finish_page(
        '<a href="02_claims.ipynb">a</a><a href="00_start_here.ipynb#Contents">b</a>'
        '<a href="../solutions/03_figures.ipynb">c</a><a href="https://example.org/x.ipynb">d</a>'
        '<a href="../data/README.md">e</a>', "x"
    )
    hrefs = [a["href"] for a in BeautifulSoup(page, "html.parser").find_all("a")]
    assert hrefs == ["02_claims.html", "00_start_here.html#Contents", "../solutions/03_figures.html",
                     "https://example.org/x.ipynb", "../data/README.md"]


def test_finish_page_labels_task_list_boxes_and_refuses_the_default_alt():
    page = htmlbuild.finish_page(
        '<ul><li class="task-list-item"><input type="checkbox" disabled> Quote the <b>exact</b> '
        "words</li></ul>", "x"
    )
    assert 'aria-label="Quote the exact words"' in page
    nbconvert_default = (
        '<div class="jp-Cell" id="cell-id=abc">'
        f'<img src="a.png" alt="{htmlbuild.NBCONVERT_DEFAULT_ALT}"></div>'
    )
    with pytest.raises(HtmlBuildError, match=r"notebooks/03_figures\.ipynb: an image in cell-id=abc"):
        htmlbuild.finish_page(nbconvert_default, "notebooks/03_figures.ipynb")


def test_find_chromium_prefers_the_environment_variable(monkeypatch):
    assert browser.find_chromium({"CHROMIUM": "/opt/chrome"}) == "/opt/chrome"
    monkeypatch.setattr(browser, "DEBIAN_CHROMIUM", "/nonexistent/chromium")
    assert browser.find_chromium({}, playwright_chromium=None) is None
    assert browser.find_chromium({}, playwright_chromium="/nonexistent/too") is None
    existing = str(VENDOR / "README.md")
    assert browser.find_chromium({}, playwright_chromium=existing) == existing


STORED = [p for folder in ("notebooks", "solutions") for p in sorted((PROJECT_ROOT / folder).glob("*.ipynb"))]


@pytest.mark.parametrize("path", STORED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_stored_chart_is_described_for_readers_who_cannot_see_it(path):
    nb = nbformat.read(path, as_version=4)
    htmlbuild.add_alt_texts(nb, path.name)  # raises, naming the cell, when a description is missing
    alts = [o["metadata"]["alt"] for c in nb.cells if c.cell_type == "code" for o in c.outputs
            if "image/png" in o.get("data", {})]
    assert all(len(alt.split()) >= 8 and not alt.lower().startswith("a bar chart") for alt in alts)


def test_every_saved_widget_says_it_is_a_picture_and_its_controls_are_disabled():
    page = ('<div class="jp-OutputArea-output"><script type="application/vnd.jupyter.widget-view+json">'
            '{"model_id": "x"}</script></div><div><script type="application/vnd.jupyter.widget-view+json">'
            '{"model_id": "y"}</script></div>')
    finished = htmlbuild.finish_page(page, "test.html")
    assert finished.count(htmlbuild.STATIC_WIDGET_NOTE) == 2
    assert finished.index(htmlbuild.STATIC_WIDGET_NOTE) < finished.index("widget-view+json")
    assert "control.disabled = true" in htmlbuild.WIDGET_A11Y_JS
