"""What each lesson's widgets must show in the browser, operated as a student would.

The expected texts are those of the widgets' unit tests (tests/test_widgets_*.py); here they
are checked in what Chromium shows after JupyterLab ran the lesson. Each lesson: choose an
option, move a slider or tick a box where the widget has one, type an invalid then a valid
value where it has a text box, and press Reset.
"""

from pagetools import choose, contains, press_reset, set_checkbox, set_range, shows, type_text

from readingpack.ledger import load_ledger
from readingpack.widgets.positions import PositionsData


def paragraph_reader(page):
    css = "rp-reader"
    choose(page, "rp-reader-paragraph", "19 · body", exact=True)
    type_text(page, "rp-reader-find", "Zangezour")
    shows(page, "rp-reader-status", "“Zangezour” occurs 1 time in 1 paragraph: 19. In paragraph 19: 1 time.")
    type_text(page, "rp-reader-find", "x")
    contains(page, "rp-reader-status", "Type at least two letters to search.")
    choose(page, "rp-reader-paragraph", "17 · body", exact=True)
    type_text(page, "rp-reader-find", "EUMA")
    shows(page, "rp-reader-status", "“EUMA” occurs 2 times in 1 paragraph: 17. In paragraph 17: 2 times.")
    choose(page, "rp-reader-kind", "Author's bio")
    contains(page, "rp-reader-result", "Paragraph 23 of 23")
    press_reset(page, css)
    shows(page, "rp-reader-status", "")
    contains(page, "rp-reader-result", "Paragraph 3 of 23", "On November 9, Azerbaijan celebrated")


def names_widget(page):
    choose(page, "rp-names-thing", "the route through Armenia's south", exact=True)
    contains(page, "rp-names-result", "3 names, 2 of them used in the article")
    press_reset(page, "rp-names")
    contains(page, "rp-names-result",
             "Main town of Nagorno-Karabakh: 3 names, 0 of them used in the article.")


def claim_explorer(page):
    shows(page, "rp-claims-count", "139 claims match in 18 paragraphs.")
    choose(page, "rp-claims-type", "prediction")
    shows(page, "rp-claims-count", "5 claims match in 4 paragraphs.")
    contains(page, "rp-claims-result", "Paragraph 15 · 2 matching claims",
             "CL031 · prediction · speaker: the author")
    choose(page, "rp-claims-type", "analogy")
    set_range(page, "rp-claims-paragraphs", 12, 12)
    shows(page, "rp-claims-count", "1 claim matches in 1 paragraph.")
    contains(page, "rp-claims-result", "CL069 · analogy · speaker: the author")
    press_reset(page, "rp-claims-reset")
    shows(page, "rp-claims-count", "139 claims match in 18 paragraphs.")


def area_comparison(page):
    choose(page, "rp-area-place", "San Marino")
    shows(page, "rp-area-ratio", "At least 215 km² is at least 3.5 times the area of San Marino (61 km²).")
    choose(page, "rp-area-place", "Malta", exact=True)
    shows(page, "rp-area-ratio", "At least 215 km² is at least 68% of Malta (316 km²).")
    contains(page, "rp-area-result", "316 km²", "CIA World Factbook, Malta: Geography")
    type_text(page, "rp-area-input", "abc")
    contains(page, "rp-area-custom-result", "“abc” is not a number. Type digits only, for example 105.4.")
    type_text(page, "rp-area-input", "500")
    shows(page, "rp-area-custom-result", "At least 215 km² is at least 43% of your area (500 km²).")
    press_reset(page, "rp-area-reset")
    contains(page, "rp-area-custom-result", "Type an area in km² to compare, for example 105.4.")
    shows(page, "rp-area-ratio", "At least 215 km² is at least 68% of Malta (316 km²).")


def figure_check(page):
    choose(page, "rp-figure-choice", "F033 ·")
    contains(page, "rp-figure-article-result", "“At least 220 more people died”")
    contains(page, "rp-figure-references", "Investigative Committee of the Republic of Armenia",
             "as of 22 Dec 2023", "“218”")
    press_reset(page, "rp-figure-reset")
    contains(page, "rp-figure-references", "a different measure: never compare, average or add the two",
             "“about 200 km²”")


def actor_comparison(page):
    contains(page, "rp-actors-left", "67 mentions in 20 paragraphs", "“Azerbaijan” 38, “Baku” 17")
    contains(page, "rp-actors-status", "both are mentioned in 17 paragraphs")
    choose(page, "rp-actors-second", "Azerbaijan (")
    contains(page, "rp-actors-status", "You chose Azerbaijan twice: choose a different actor B to compare.")
    choose(page, "rp-actors-second", "Russia (")
    contains(page, "rp-actors-right", "Russia")
    contains(page, "rp-actors-status", "Together:")
    press_reset(page, "rp-actors-reset")
    contains(page, "rp-actors-right", "57 mentions in 18 paragraphs")


TIMELINE_INITIAL = (
    "48 of 48 events shown: 29 dated between 1918 and 2027, and 19 the article does not "
    "date (listed last, not on the strip)."
)


def timeline(page):
    shows(page, "rp-timeline-summary", TIMELINE_INITIAL)
    set_checkbox(page, "rp-timeline-undated", False)
    set_range(page, "rp-timeline-years", 1918, 1920)
    shows(page, "rp-timeline-summary", "2 of 48 events shown: 2 dated between 1918 and 1920.")
    contains(page, "rp-timeline-list", "1918 to 1920", "“the 1918-1920 Musafat Republic of Azerbaijan”")
    press_reset(page, "rp-timeline-reset")
    shows(page, "rp-timeline-summary", TIMELINE_INITIAL)


def positions(page):
    data = PositionsData(load_ledger())
    choose(page, "rp-positions-issue", data.label("eu_mission"), exact=True)
    contains(page, "rp-positions-columns",
             "On this issue the article reports only one side: it gives no position of Armenia's government.",
             "The article does not report Armenia's government's position on this issue.")
    choose(page, "rp-positions-issue", data.label("southern_route"), exact=True)
    contains(page, "rp-positions-columns", "Label the article quotes: “Zangezour corridor”")
    contains(page, "rp-positions-after",
             "8 Aug 2025 (reference fact E12): Washington summit (after the article)")
    set_checkbox(page, "rp-positions-show-after", False)
    shows(page, "rp-positions-after", "")
    press_reset(page, "rp-positions-reset")
    contains(page, "rp-positions-after", "After the article was published")
    contains(page, "rp-positions-columns", "Azerbaijan's government's position, as the article reports it")


def framing(page):
    contains(page, "rp-framing-counts", "Attribution verbs in the whole article: 42 occurrences of 25 terms.")
    choose(page, "rp-framing-category", "Hedges")
    contains(page, "rp-framing-counts", "Hedges in the whole article: 8 occurrences of 4 terms.")
    choose(page, "rp-framing-category", "Certainty markers")
    set_range(page, "rp-framing-range", 1, 3)
    contains(page, "rp-framing-counts", "Certainty markers in paragraphs 1-3: none found.")
    contains(page, "rp-framing-text", "Widen the paragraph range or choose another category.")
    set_range(page, "rp-framing-range", 4, 4)
    contains(page, "rp-framing-counts", "Certainty markers in paragraph 4: 1 occurrence of 1 term.")
    press_reset(page, "rp-framing-reset")
    contains(page, "rp-framing-counts", "Attribution verbs in the whole article: 42 occurrences of 25 terms.")


def claim_check(page):
    contains(page, "rp-check-result", "consistent", "“about 200 km²”")
    choose(page, "rp-check-choice", "¶3 ·")
    contains(page, "rp-check-article", "Read as: 9 Nov 2024 (no year printed")
    contains(page, "rp-check-result", "“8 Nov 2024”", "differsThe two dates are 1 day apart.")
    press_reset(page, "rp-check-reset")
    contains(page, "rp-check-article", "Read as: at least 215 km²")


LESSON_STEPS = {
    "00_start_here": [],
    "01_article_and_setting": [paragraph_reader, names_widget],
    "02_claims": [claim_explorer],
    "03_figures": [area_comparison, figure_check],
    "04_actors": [actor_comparison],
    "05_timeline": [timeline],
    "06_positions": [positions],
    "07_language": [framing],
    "08_checking_claims": [claim_check],
}
