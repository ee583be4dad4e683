"""Every option of every widget, at 420 px (a phone, half a laptop screen) and 1280 px wide:
no text overlaps other text (nor a drawing another drawing), none is cut off or runs past the
widget's edge, no dropdown cuts its chosen label, no text is too small to read and no line
breaks inside a word (tests/browser/layout.js). Each widget's options come from its
`example_changes()`, drawn by the HTML edition's renderer from saved states
(packtools.widgetstates). A screenshot of every state (its top 1,600 px) goes to
test-artifacts/widget-options/, and the problems found to problems.json.

Heavy tier (`make test-heavy`, run by CI): 353 states at two widths.
"""

import json

import pytest
from pagetools import ARTIFACTS, LAYOUT_JS, SAVED_WIDGETS_RENDERED, VIEW_SCRIPTS

from packtools import browser, widgetstates

pytestmark = pytest.mark.heavy

WIDTHS = (420, 1280)
SHOT_MAX_HEIGHT = 1600
CLASSES = widgetstates.pack_widget_classes()
SCROLL_TO_VIEW = """i => {
    const view = rpLayout.views()[i];
    window.scrollTo(0, view.getBoundingClientRect().top + window.scrollY);
    const box = view.getBoundingClientRect();
    return {x: box.left, y: box.top, width: box.width, height: Math.min(box.height, innerHeight - box.top)};
}"""


@pytest.fixture(scope="module")
def state_pages(tmp_path_factory, chromium):
    folder = tmp_path_factory.mktemp("widget-states")
    pages = widgetstates.build_pages(folder)
    with browser.serve_folder(folder) as url:
        yield url, pages


def test_every_widget_lists_changes_for_each_of_its_controls():
    for cls in CLASSES:
        states = list(widgetstates.widget_states(cls))
        assert len(states) > 2, f"{cls.__name__}: example_changes() lists too few changes"
        assert len({json.dumps(s.models, sort_keys=True) for s in states}) > 2, cls.__name__


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_every_option_fits_without_overlap_or_clipping(cls, width, state_pages, new_page):
    url, pages = state_pages
    name = f"widgets/{cls.__name__}.html"
    states = pages[name]
    page = new_page(width=width, height=SHOT_MAX_HEIGHT)
    page.goto(f"{url}/{name}")
    page.add_script_tag(path=str(LAYOUT_JS))
    page.wait_for_function(SAVED_WIDGETS_RENDERED, arg=VIEW_SCRIPTS, timeout=60_000)
    found = page.evaluate("() => rpLayout.all()")
    assert len(found) == len(states)
    shots = ARTIFACTS / "widget-options" / cls.__name__
    shots.mkdir(parents=True, exist_ok=True)
    for state in states:
        # The top of each state, where its controls and first results are (a list can run on),
        # scrolled to the top of the window: no full-page capture of a page this tall.
        box = page.evaluate(SCROLL_TO_VIEW, state.number)
        page.screenshot(path=shots / f"{width}px-state{state.number:03d}.jpeg", type="jpeg", quality=80,
                        clip={**box, "height": min(box["height"], SHOT_MAX_HEIGHT)})
    problems = [f"state {s.number} ({s.label}): {p}" for s, ps in zip(states, found, strict=True) for p in ps]
    (shots / f"{width}px-problems.json").write_text(json.dumps(problems, indent=1, ensure_ascii=False))
    assert page.external_requests == []
    assert problems == [], f"{cls.__name__} at {width} px:\n" + "\n".join(problems[:30])


def test_the_checker_finds_overlap_clipping_and_cut_labels(new_page, tmp_path):
    """layout.js on a page built to fail: each kind of problem is reported."""
    page = new_page(width=420)
    page.set_content("""
      <div id="area" style="width:300px">
        <svg width="200" height="40"><text x="10" y="20">first label here</text>
          <text x="30" y="22">second label</text><text x="150" y="35">cut at the edge of the svg</text></svg>
        <div style="width:60px;overflow:hidden;white-space:nowrap">a clipped sentence</div>
        <select style="width:80px"><option>a very long option label indeed</option></select>
        <p style="font-size:7px">tiny</p>
        <div style="position:relative;height:20px">
          <svg width="80" height="20" style="position:absolute"></svg>
          <svg width="80" height="20" style="position:absolute;left:40px"></svg></div>
        <div style="width:120px;word-break:break-all">Extraordinarily long words break</div>
      </div>""")
    page.add_script_tag(path=str(LAYOUT_JS))
    found = "\n".join(page.evaluate("() => rpLayout.problems(document.getElementById('area'))"))
    assert '"first label here" overlaps "second label"' in found
    assert '"cut at the edge of the svg" is cut off by svg' in found
    assert 'cuts its text "a clipped sentence"' in found
    assert 'the dropdown cuts its chosen label "a very long option label indeed"' in found
    assert '"tiny" is too small to read' in found
    assert "a line breaks inside a word" in found
    assert "two drawings overlap" in found
