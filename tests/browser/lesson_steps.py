"""What each lesson's widgets must do in the browser, operated as a student would.

The widgets' texts are checked once, by their unit tests (tests/article/test_widgets_*.py and their
snapshots). Here each step checks that the controls work in Chromium: choosing an option
selects it and changes the output, a slider or check box changes it, an invalid value shows a
problem message and a valid one replaces it, and Reset restores the first view and the
default selections.
"""

from pagetools import (
    changed,
    choose,
    contains,
    has_selected,
    node,
    press_reset,
    problem_shown,
    selected,
    set_checkbox,
    set_range,
    shows,
    text,
    type_text,
)


def first_view(page, *css: str) -> dict[str, str]:
    return {c: text(page, c) for c in css}


def restored(page, view: dict[str, str]) -> None:
    for css, shown in view.items():
        shows(page, css, shown)


def paragraph_reader(page):
    view = first_view(page, "rp-reader-status", "rp-reader-result")
    default = selected(page, "rp-reader-paragraph")
    choose(page, "rp-reader-paragraph", "19 · body", exact=True)
    changed(page, "rp-reader-result", view["rp-reader-result"])
    type_text(page, "rp-reader-find", "Zangezour")
    changed(page, "rp-reader-status", "")
    node(page, "rp-reader-result").locator("mark").first.wait_for()
    type_text(page, "rp-reader-find", "x")
    problem_shown(page, "rp-reader-status")
    choose(page, "rp-reader-kind", "Author's bio")
    has_selected(page, "rp-reader-paragraph", "23 · bio")
    press_reset(page, "rp-reader")
    restored(page, view)
    has_selected(page, "rp-reader-paragraph", default)


def widget_practice(page):
    """Lesson 0's practice, step by step as the lesson words it."""
    view = first_view(page, "rp-reader-status", "rp-reader-result")
    default = selected(page, "rp-reader-paragraph")
    choose(page, "rp-reader-kind", "Author's bio")
    has_selected(page, "rp-reader-paragraph", "23 · bio")
    changed(page, "rp-reader-result", view["rp-reader-result"])
    type_text(page, "rp-reader-find", "Sorbonne")
    contains(page, "rp-reader-status", "Sorbonne")
    node(page, "rp-reader-result").locator("mark").first.wait_for()
    press_reset(page, "rp-reader-reset")
    restored(page, view)
    has_selected(page, "rp-reader-paragraph", default)


def names_widget(page):
    view = first_view(page, "rp-names-result")
    default = selected(page, "rp-names-thing")
    choose(page, "rp-names-thing", "the route through Armenia's south", exact=True)
    changed(page, "rp-names-result", view["rp-names-result"])
    press_reset(page, "rp-names")
    restored(page, view)
    has_selected(page, "rp-names-thing", default)


def claim_explorer(page):
    view = first_view(page, "rp-claims-count", "rp-claims-result")
    choose(page, "rp-claims-type", "prediction")
    changed(page, "rp-claims-count", view["rp-claims-count"])
    contains(page, "rp-claims-result", "CL031")
    choose(page, "rp-claims-type", "analogy")
    set_range(page, "rp-claims-paragraphs", 12, 12)
    node(page, "rp-claims-result").locator("li").first.wait_for()
    assert node(page, "rp-claims-result").locator("li").count() == 1
    press_reset(page, "rp-claims-reset")
    restored(page, view)


def area_comparison(page):
    view = first_view(page, "rp-area-result", "rp-area-custom-result", "rp-area-shapes")
    default = selected(page, "rp-area-place")
    choose(page, "rp-area-place", "San Marino")
    changed(page, "rp-area-result", view["rp-area-result"])
    contains(page, "rp-area-ratio", "San Marino")
    type_text(page, "rp-area-input", "abc")
    problem_shown(page, "rp-area-custom-result")
    type_text(page, "rp-area-input", "500")
    node(page, "rp-area-custom-ratio").wait_for()
    contains(page, "rp-area-custom-result", "500")
    press_reset(page, "rp-area-reset")
    restored(page, view)
    has_selected(page, "rp-area-place", default)


def figure_check(page):
    view = first_view(page, "rp-figure-article-result", "rp-figure-references")
    choose(page, "rp-figure-choice", "F033 ·")
    changed(page, "rp-figure-references", view["rp-figure-references"])
    press_reset(page, "rp-figure-reset")
    restored(page, view)


def actor_comparison(page):
    view = first_view(page, "rp-actors-status", "rp-actors-left", "rp-actors-right")
    first = selected(page, "rp-actors-first")
    second = selected(page, "rp-actors-second")
    choose(page, "rp-actors-second", first, exact=True)
    shows(page, "rp-actors-right", "")
    node(page, "rp-actors-status").locator(".rp-notice").wait_for()
    choose(page, "rp-actors-second", "Russia (")
    contains(page, "rp-actors-right", "Russia")
    press_reset(page, "rp-actors-reset")
    restored(page, view)
    has_selected(page, "rp-actors-second", second)


def timeline(page):
    view = first_view(page, "rp-timeline-summary", "rp-timeline-list")
    rows = node(page, "rp-timeline-list").locator("tr")
    every = rows.count()
    set_checkbox(page, "rp-timeline-undated", False)
    set_range(page, "rp-timeline-years", 1918, 1920)
    changed(page, "rp-timeline-summary", view["rp-timeline-summary"])
    contains(page, "rp-timeline-list", "1918 to 1920")
    assert 1 < rows.count() < every
    press_reset(page, "rp-timeline-reset")
    restored(page, view)


def positions(page):
    view = first_view(page, "rp-positions-columns", "rp-positions-after")
    choose(page, "rp-positions-issue", "EU Mission")
    changed(page, "rp-positions-columns", view["rp-positions-columns"])
    set_checkbox(page, "rp-positions-show-after", False)
    shows(page, "rp-positions-after", "")
    press_reset(page, "rp-positions-reset")
    restored(page, view)


def framing(page):
    view = first_view(page, "rp-framing-counts", "rp-framing-text")
    choose(page, "rp-framing-category", "Hedges")
    changed(page, "rp-framing-counts", view["rp-framing-counts"])
    choose(page, "rp-framing-category", "Certainty markers")
    set_range(page, "rp-framing-range", 1, 3)
    node(page, "rp-framing-text").locator(".rp-notice").wait_for()
    set_range(page, "rp-framing-range", 4, 4)
    node(page, "rp-framing-text").locator("mark").first.wait_for()
    press_reset(page, "rp-framing-reset")
    restored(page, view)


def claim_check(page):
    view = first_view(page, "rp-check-article", "rp-check-result")
    choose(page, "rp-check-choice", "¶3 ·")
    changed(page, "rp-check-result", view["rp-check-result"])
    node(page, "rp-check-result").locator(".rp-check-outcome").first.wait_for()
    press_reset(page, "rp-check-reset")
    restored(page, view)


LESSON_STEPS = {
    "00_start_here": [widget_practice],
    "01_article_and_setting": [paragraph_reader, names_widget],
    "02_claims": [claim_explorer],
    "03_figures": [area_comparison, figure_check],
    "04_actors": [actor_comparison],
    "05_timeline": [timeline],
    "06_positions": [positions],
    "07_language": [framing],
    "08_checking_claims": [claim_check],
}
