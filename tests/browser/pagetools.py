"""Operating the pack's widgets in a Playwright page, by their "rp-..." CSS classes.

Widgets show results in HTML outputs; `text(page, css)` is what a student sees there.
Values typed into a Text widget are sent on Enter (the widgets use continuous_update=False).
"""

import re

from playwright.sync_api import expect

from readingpack.paths import PROJECT_ROOT

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
LAYOUT_JS = PROJECT_ROOT / "tests" / "browser" / "layout.js"  # overlapping and clipped text
# A page of the HTML edition: each saved widget view (a script) has been drawn just before it.
VIEW_SCRIPTS = 'script[type="application/vnd.jupyter.widget-view+json"]'
SAVED_WIDGETS_RENDERED = """selector => Array.from(document.querySelectorAll(selector)).every(script => {
    const area = script.previousElementSibling;
    return area && area.classList.contains('widget-subarea') && area.querySelector('.jupyter-widgets');
})"""


def artifact(name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / re.sub(r"[^A-Za-z0-9_.-]+", "_", name)


def node(page, css: str):
    return page.locator(f".jp-NotebookPanel .{css}").first


def option_labels(page, css: str) -> list[str]:
    """A Dropdown's labels (its <option> values; their texts use non-breaking spaces)."""
    return node(page, css).locator("select option").evaluate_all("options => options.map(o => o.value)")


def choose(page, css: str, label: str, exact: bool = False) -> None:
    """Select the first option of a Dropdown whose label is (or, exact=False, contains) `label`."""
    labels = option_labels(page, css)
    matches = [x for x in labels if (x == label if exact else label in x)]
    assert matches, f"no option {label!r} in .{css}: {labels}"
    node(page, css).locator("select").select_option(value=matches[0])
    expect(node(page, css).locator("select")).to_have_value(matches[0])


def type_text(page, css: str, text: str) -> None:
    box = node(page, css).locator("input")
    box.fill(text)
    box.press("Enter")


def press_reset(page, css: str) -> None:
    """Click the Reset button: the element with class `css`, or the button inside it."""
    page.locator(f".jp-NotebookPanel button.{css}, .jp-NotebookPanel .{css} button").first.click()


def set_checkbox(page, css: str, checked: bool) -> None:
    node(page, css).locator("input[type=checkbox]").set_checked(checked)


def handle_value(handle) -> int:
    return round(float(handle.get_attribute("aria-valuenow")))


def move_handle(page, handle, target: int) -> None:
    """Drag a slider handle near `target`, then step onto it with the arrow keys."""
    track = handle.locator("xpath=ancestor::*[contains(@class,'noUi-target')]").first
    low, high = float(handle.get_attribute("aria-valuemin")), float(handle.get_attribute("aria-valuemax"))
    box, knob = track.bounding_box(), handle.bounding_box()
    if high > low and abs(handle_value(handle) - target) > 3:
        x = box["x"] + box["width"] * (target - low) / (high - low)
        page.mouse.move(knob["x"] + knob["width"] / 2, knob["y"] + knob["height"] / 2)
        page.mouse.down()
        page.mouse.move(x, knob["y"] + knob["height"] / 2, steps=5)
        page.mouse.up()
    for _ in range(200):
        value = handle_value(handle)
        if value == target:
            return
        handle.press("ArrowRight" if value < target else "ArrowLeft")
    raise AssertionError(f"the slider handle did not reach {target}")


def set_range(page, css: str, low: int, high: int) -> None:
    """Move an IntRangeSlider to (low, high): the upper handle first when moving down."""
    lower = node(page, css).locator(".noUi-handle-lower")
    upper = node(page, css).locator(".noUi-handle-upper")
    if low > handle_value(upper):
        move_handle(page, upper, high)
        move_handle(page, lower, low)
    else:
        move_handle(page, lower, low)
        move_handle(page, upper, high)
    expect(node(page, css).locator(".widget-readout")).to_have_text(
        re.compile(rf"^\s*{low}\s*[–-]\s*{high}\s*$")
    )


def shows(page, css: str, text: str) -> None:
    """The output with class `css` shows exactly `text` (whitespace normalised)."""
    expect(node(page, css)).to_have_text(text)


def contains(page, css: str, *texts: str) -> None:
    for text in texts:
        expect(node(page, css)).to_contain_text(text)


def focused_matches(page, css: str) -> bool:
    return page.evaluate("css => !!document.activeElement && document.activeElement.matches(css)", css)


def tab_to(page, css: str, backwards: bool = False, limit: int = 40) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `css`."""
    for _ in range(limit):
        if focused_matches(page, css):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"{limit} presses of Tab never reached {css}")


def text(page, css: str) -> str:
    """What the output with class `css` shows now (its textContent)."""
    return node(page, css).text_content()


def changed(page, css: str, before: str) -> None:
    """The output with class `css` no longer shows `before`."""
    expect(node(page, css)).not_to_have_text(before)


def selected(page, css: str) -> str:
    """The label of the option a Dropdown has selected."""
    return node(page, css).locator("select").input_value()


def has_selected(page, css: str, label: str) -> None:
    expect(node(page, css).locator("select")).to_have_value(label)


def problem_shown(page, css: str) -> None:
    """The output shows a message about a problem with the input (readingpack.ui.notice)."""
    expect(node(page, css).locator(".rp-notice-problem")).to_be_visible()
