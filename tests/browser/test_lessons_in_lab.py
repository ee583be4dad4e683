"""Every lesson in JupyterLab: run all cells, every widget renders, no Python error shows, and
each widget answers as its unit tests say (exact visible texts), up to its Reset button, and its
first view has no overlapping or clipped text at 1280 and 420 px."""

import pytest
from lesson_steps import LESSON_STEPS
from pagetools import LAYOUT_JS, artifact
from playwright.sync_api import expect

from packtools import browser
from readingpack.paths import PROJECT_ROOT

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
    page.set_viewport_size({"width": 1280, "height": 900})
    widgets = page.locator(browser.WIDGET_OUTPUTS)
    if widgets.count():
        widgets.last.scroll_into_view_if_needed()
    page.screenshot(path=artifact(f"lab-{lesson.stem}.png"))
    expect(page.locator(".jp-NotebookPanel:visible")).to_be_visible()
