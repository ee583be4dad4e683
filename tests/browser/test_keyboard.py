"""One widget of each kind operated by keyboard alone in JupyterLab: a dropdown (Space, arrow keys, Enter),
a text box (typing and Enter), a button (Enter and Space), a range slider (Home and arrow
keys) and a check box (Space). Focus starts on the widget's first control, as after tabbing
into it; every later move is Tab or Shift+Tab."""

from lesson_steps import TIMELINE_INITIAL
from pagetools import contains, node, shows, tab_to
from playwright.sync_api import expect

from packtools import browser
from readingpack.paths import PROJECT_ROOT


def open_lesson(page, lab, name):
    browser.open_and_run_all(page, lab, f"notebooks/{name}.ipynb")
    browser.wait_for_widgets(page, browser.count_widget_views(PROJECT_ROOT / "notebooks" / f"{name}.ipynb"))


def test_dropdown_text_box_and_button_by_keyboard(lab_page, lab):
    page = lab_page
    open_lesson(page, lab, "03_figures")
    place = node(page, "rp-area-place").locator("select")
    place.focus()
    # Space opens the list, an arrow moves, Enter chooses. (Arrow keys on the closed list are
    # taken by JupyterLab's cell navigation: ipywidgets issue 3912.)
    for key in ("Space", "ArrowDown", "Enter"):
        page.keyboard.press(key)
    expect(place).not_to_have_value("Malta")
    expect(node(page, "rp-area-ratio")).not_to_contain_text("Malta")
    tab_to(page, "button.rp-area-reset")
    page.keyboard.press("Enter")
    shows(page, "rp-area-ratio", "At least 215 km² is at least 68% of Malta (316 km²).")
    tab_to(page, ".rp-area-input input")
    page.keyboard.type("-3")
    page.keyboard.press("Enter")
    contains(page, "rp-area-custom-result", "An area in km² must be greater than zero.")
    page.keyboard.press("Control+A")
    page.keyboard.type("500")
    page.keyboard.press("Enter")
    shows(page, "rp-area-custom-result", "At least 215 km² is at least 43% of your area (500 km²).")
    tab_to(page, "button.rp-area-reset", backwards=True)
    page.keyboard.press("Space")
    contains(page, "rp-area-custom-result", "Type an area in km² to compare, for example 105.4.")


def test_range_slider_and_check_box_by_keyboard(lab_page, lab):
    page = lab_page
    open_lesson(page, lab, "05_timeline")
    node(page, "rp-timeline-years").locator(".noUi-handle-lower").focus()
    tab_to(page, ".rp-timeline-years .noUi-handle-upper")
    for key in ("Home", "ArrowRight", "ArrowRight"):  # the upper end down to 1918, then 1920
        page.keyboard.press(key)
    shows(page, "rp-timeline-summary", "21 of 48 events shown: 2 dated between 1918 and 1920, and 19 "
          "the article does not date (listed last, not on the strip).")
    tab_to(page, "button.rp-timeline-reset")
    page.keyboard.press("Enter")
    shows(page, "rp-timeline-summary", TIMELINE_INITIAL)
    tab_to(page, ".rp-timeline-undated input")
    page.keyboard.press("Space")
    shows(page, "rp-timeline-summary", "29 of 48 events shown: 29 dated between 1918 and 2027.")
    tab_to(page, "button.rp-timeline-reset", backwards=True)
    page.keyboard.press("Space")
    shows(page, "rp-timeline-summary", TIMELINE_INITIAL)
