"""Every lesson in JupyterLab: run all cells, every widget renders, no Python error shows, and
each widget answers as its unit tests say (exact visible texts), up to its Reset button, and its
first view has no overlapping or clipped text at 1280 and 420 px. At 420 px, what a reader needs
first is in sight: every entry of the timeline's key, and the claim check's first source."""

import pytest
from lesson_steps import LESSON_STEPS
from pagetools import LAYOUT_JS, artifact
from playwright.sync_api import expect

from packtools import browser
from readingpack.paths import PROJECT_ROOT

pytestmark = pytest.mark.own_lessons  # they run the lessons

LESSONS = sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))


def test_every_lesson_with_a_widget_has_browser_steps():
    with_widgets = {p.stem for p in LESSONS if browser.count_widget_views(p)}
    assert with_widgets <= set(LESSON_STEPS), "add steps for these lessons to tests/browser/lesson_steps.py"


def layout_problems(page) -> list[str]:
    """tests/browser/layout.js on each widget as JupyterLab shows it (every option of every
    widget is checked on saved states by test_widget_layout.py)."""
    if not page.evaluate("() => !!window.rpLayout"):
        page.add_script_tag(path=str(LAYOUT_JS))
    return page.evaluate(
        "css => Array.from(document.querySelectorAll(css)).flatMap(area => rpLayout.problems(area))",
        browser.WIDGET_OUTPUTS)


# Where an element's box is not seen: outside the window, or outside a box around it that clips
# (a box that scrolls counts: what shows only after scrolling it is not in sight); "" if seen.
# The page itself is the window (JupyterLab's body does not scroll).
UNSEEN_JS = """el => {
    const r = el.getBoundingClientRect();
    const within = b => r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1
        && r.bottom <= b.bottom + 1;
    const [x0, x1, y0, y1] = [r.left, r.right, r.top, r.bottom].map(Math.round);
    const where = `at x ${x0}-${x1}, y ${y0}-${y1}`;
    if (r.width === 0) return 'not drawn';
    if (!within({left: 0, top: 0, right: innerWidth, bottom: innerHeight})) {
        return `${where}: outside the window`;
    }
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if ((s.overflowX !== 'visible' || s.overflowY !== 'visible') && !within(a.getBoundingClientRect())) {
            const name = a.tagName.toLowerCase() + '.' + String(a.className).split(' ').join('.');
            return `${where}: cut off by ${name}`;
        }
    }
    return '';
}"""
TIMELINE_KEY = ["a day", "a month", "a year", "a range", "a start only", "undated"]


def unseen(element) -> str:
    return element.evaluate(UNSEEN_JS)


def timeline_key_in_sight(page) -> None:
    key = page.locator(".jp-NotebookPanel .rp-timeline-legend").first
    key.evaluate("el => el.scrollIntoView({block: 'center'})")
    # Each entry in the smallest element that holds its words (an HTML span or an SVG text).
    entries = {word: key.locator("span, text", has_text=word).last for word in TIMELINE_KEY}
    problems = {word: unseen(entry) if entry.count() else "missing" for word, entry in entries.items()}
    assert problems == dict.fromkeys(TIMELINE_KEY, ""), "the timeline's key at 420 px"


def claim_check_opens_on_a_source(page) -> None:
    """With the widget's top at the top of the notebook, its first source's first words (which
    source, what it says) show without scrolling anything."""
    widget = page.locator(".jp-NotebookPanel .rp-check-widget").first
    widget.evaluate("el => el.scrollIntoView({block: 'start'})")
    first = page.locator(".jp-NotebookPanel .rp-check-row").first
    words = first.locator("xpath=.//*[text()[normalize-space()]]")
    assert words.count() >= 2
    assert [unseen(words.nth(0)), unseen(words.nth(1))] == ["", ""], "the first source at 420 px"


NARROW_CHECKS = {
    "05_timeline": [timeline_key_in_sight],
    "08_checking_claims": [claim_check_opens_on_a_source],
}


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_and_its_widgets_respond(lesson, lab_page, lab):
    page = lab_page
    browser.open_and_run_all(page, lab, f"notebooks/{lesson.name}")
    expected = browser.count_widget_views(lesson)
    browser.wait_for_widgets(page, expected)
    assert browser.python_errors(page) == []
    for step in LESSON_STEPS.get(lesson.stem, []):
        step(page)
    assert browser.python_errors(page) == []
    assert page.external_requests == []
    assert layout_problems(page) == [], f"{lesson.stem} in JupyterLab at 1280 px"
    # In a narrow window a student closes the file browser, as here, to give the notebook room.
    page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current").click()
    page.set_viewport_size({"width": 420, "height": 900})
    assert layout_problems(page) == [], f"{lesson.stem} in JupyterLab at 420 px"
    for check in NARROW_CHECKS.get(lesson.stem, []):
        check(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    widgets = page.locator(browser.WIDGET_OUTPUTS)
    if widgets.count():
        widgets.last.scroll_into_view_if_needed()
    page.screenshot(path=artifact(f"lab-{lesson.stem}.png"))
    expect(page.locator(".jp-NotebookPanel:visible")).to_be_visible()
