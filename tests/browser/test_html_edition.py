"""The offline HTML edition in Chromium, served from a loopback web server: no request leaves
the machine, every widget renders from its saved state, axe-core finds no serious or
critical accessibility violation on any page, and HTML_CodeSniffer (the checker pa11y runs) finds
no WCAG 2 AA error."""

import json
from collections import Counter

import pytest
from pagetools import SAVED_WIDGETS_RENDERED, VIEW_SCRIPTS, artifact

from packtools import htmlbuild
from readingpack.paths import PROJECT_ROOT

AXE = PROJECT_ROOT / "vendor" / "axe-core" / "axe.min.js"
HTMLCS = PROJECT_ROOT / "vendor" / "html_codesniffer" / "HTMLCS.js"
PAGES = htmlbuild.site_pages(instructor=True)


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => (await axe.run(document)).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' '))}))"""
    )


def htmlcs_errors(page) -> list[dict]:
    """HTML_CodeSniffer's WCAG2AA messages of type ERROR, as pa11y reports them. The pages load
    require.js, so HTMLCS.js is run with `define` hidden to make it set its globals."""
    source = HTMLCS.read_text(encoding="utf-8")
    page.add_script_tag(content=f"(function (define) {{\n{source}\n}}).call(window);")
    return page.evaluate(
        """() => new Promise(resolve => HTMLCS.process('WCAG2AA', document, () => resolve(
            HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR).map(m => ({
                code: m.code, message: m.msg,
                element: m.element.nodeName.toLowerCase() + (m.element.id ? '#' + m.element.id : ''),
                snippet: (m.element.outerHTML || '').slice(0, 100)})))))"""
    )


@pytest.mark.parametrize("name", PAGES)
def test_page_is_offline_renders_its_widgets_and_is_accessible(name, html_site, new_page):
    url, folder = html_site
    assert (folder / name).exists()
    page = new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{url}/{name}")
    page.wait_for_load_state("load")
    views = page.locator(VIEW_SCRIPTS).count()
    if views:
        page.wait_for_function(SAVED_WIDGETS_RENDERED, arg=VIEW_SCRIPTS, timeout=30_000)
        text = page.locator(".widget-subarea").all_inner_texts()
        assert not [t for t in text if "Loading" in t or "Error" in t]
    assert page.external_requests == []
    assert errors == []
    violations = axe_violations(page)
    artifact("axe").mkdir(exist_ok=True)
    (artifact("axe") / f"{name.replace('/', '_')}.json").write_text(json.dumps(violations, indent=1))
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], f"axe: {Counter(v['impact'] for v in violations)}: {serious}"
    found = htmlcs_errors(page)
    artifact("htmlcs").mkdir(exist_ok=True)
    (artifact("htmlcs") / f"{name.replace('/', '_')}.json").write_text(json.dumps(found, indent=1))
    listed = "\n".join(f"{e['code']} at {e['element']}: {e['snippet']}" for e in found[:10])
    assert found == [], f"HTML_CodeSniffer: {len(found)} WCAG2AA errors, first ones:\n{listed}"


def test_every_page_links_only_to_pages_that_exist(html_site):
    from bs4 import BeautifulSoup

    _url, folder = html_site
    broken = []
    for name in PAGES:
        soup = BeautifulSoup((folder / name).read_text(encoding="utf-8"), "html.parser")
        for link in soup.find_all("a", href=True):
            href = link["href"].split("#")[0]
            if href and ":" not in href and not (folder / name).parent.joinpath(href).exists():
                broken.append(f"{name}: {link['href']}")
    assert broken == []
