"""One widget of each kind operated by keyboard alone in JupyterLab: a dropdown (Space, arrow keys, Enter),
a text box (typing and Enter), a button (Enter and Space), a range slider (Home and arrow
keys) and a check box (Space). Focus starts on the widget's first control, as after tabbing
into it; every later move is Tab or Shift+Tab."""

import re

import pytest
from pagetools import changed, contains, node, problem_shown, shows, tab_to, text
from playwright.sync_api import expect

from packtools import browser
from readingpack.paths import PROJECT_ROOT

pytestmark = pytest.mark.own_lessons  # they run the lessons


def open_lesson(page, lab, name):
    browser.open_and_run_all(page, lab, f"notebooks/{name}.ipynb")
    browser.wait_for_widgets(page, browser.count_widget_views(PROJECT_ROOT / "notebooks" / f"{name}.ipynb"))


def test_dropdown_text_box_and_button_by_keyboard(lab_page, lab):
    page = lab_page
    open_lesson(page, lab, "03_figures")
    place = node(page, "rp-area-place").locator("select")
    default, first_view = place.input_value(), text(page, "rp-area-ratio")
    place.focus()
    # Space opens the list, an arrow moves, Enter chooses. (Arrow keys on the closed list are
    # taken by JupyterLab's cell navigation: ipywidgets issue 3912.)
    for key in ("Space", "ArrowDown", "Enter"):
        page.keyboard.press(key)
    expect(place).not_to_have_value(default)
    changed(page, "rp-area-ratio", first_view)
    tab_to(page, "button.rp-area-reset")
    page.keyboard.press("Enter")
    expect(place).to_have_value(default)
    shows(page, "rp-area-ratio", first_view)
    waiting = text(page, "rp-area-custom-result")
    tab_to(page, ".rp-area-input input")
    page.keyboard.type("-3")
    page.keyboard.press("Enter")
    problem_shown(page, "rp-area-custom-result")
    page.keyboard.press("Control+A")
    page.keyboard.type("500")
    page.keyboard.press("Enter")
    node(page, "rp-area-custom-ratio").wait_for()
    tab_to(page, "button.rp-area-reset", backwards=True)
    page.keyboard.press("Space")
    shows(page, "rp-area-custom-result", waiting)


def test_range_slider_and_check_box_by_keyboard(lab_page, lab):
    page = lab_page
    open_lesson(page, lab, "05_timeline")
    first_view = text(page, "rp-timeline-summary")
    node(page, "rp-timeline-years").locator(".noUi-handle-lower").focus()
    page.keyboard.press("Home")  # the lower end down to 1918
    tab_to(page, ".rp-timeline-years .noUi-handle-upper")
    for key in ("Home", "ArrowRight", "ArrowRight"):  # the upper end down to 1918, then 1920
        page.keyboard.press(key)
    readout = node(page, "rp-timeline-years").locator(".widget-readout")
    expect(readout).to_have_text(re.compile(r"1918\s*[–-]\s*1920"))
    # Wait for the kernel to have applied the last key press: a Reset sent while a slider
    # update is still in flight is overridden by that update.
    contains(page, "rp-timeline-summary", "between 1918 and 1920")
    tab_to(page, "button.rp-timeline-reset")
    page.keyboard.press("Enter")
    shows(page, "rp-timeline-summary", first_view)
    tab_to(page, ".rp-timeline-undated input")
    page.keyboard.press("Space")
    changed(page, "rp-timeline-summary", first_view)
    tab_to(page, "button.rp-timeline-reset", backwards=True)
    page.keyboard.press("Space")
    shows(page, "rp-timeline-summary", first_view)
