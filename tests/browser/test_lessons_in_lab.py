"""Every lesson in JupyterLab: run all cells, every widget renders, no Python error shows, and
each widget answers as its unit tests say (exact visible texts), up to its Reset button."""

import pytest
from lesson_steps import LESSON_STEPS
from pagetools import artifact
from playwright.sync_api import expect

from packtools import browser
from readingpack.paths import PROJECT_ROOT

LESSONS = sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))


def test_every_lesson_with_a_widget_has_browser_steps():
    with_widgets = {p.stem for p in LESSONS if browser.count_widget_views(p)}
    assert with_widgets <= set(LESSON_STEPS), "add steps for these lessons to tests/browser/lesson_steps.py"


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
    widgets = page.locator(browser.WIDGET_OUTPUTS)
    if widgets.count():
        widgets.last.scroll_into_view_if_needed()
    page.screenshot(path=artifact(f"lab-{lesson.stem}.png"))
    expect(page.locator(".jp-NotebookPanel:visible")).to_be_visible()
