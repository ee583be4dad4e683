"""The framing widget (lesson 7) and the evidence it renders (readingpack.evidence.language)."""


from readingpack.evidence.language import (
    CATEGORIES,
    framing_table,
    in_range,
    ledger_terms,
    term_summary,
)
from readingpack.ui import FIT_START, escape
from readingpack.widgets.framing import FramingExplorer


def test_the_evidence_gives_the_rows_the_widget_shows(ledger):
    hedges = in_range(ledger_terms(ledger), "hedge", 14, 20)
    assert set(hedges["category"]) == {"hedge"} and hedges["paragraph"].between(14, 20).all()
    summary = term_summary(hedges, ledger.lexicon)
    assert summary["occurrences"].sum() == len(hedges)


def test_each_choice_selects_and_lists_its_rows(ledger):
    framing = FramingExplorer()
    for category in CATEGORIES:
        framing.category.value = category
        rows = framing.matches()
        assert rows.equals(in_range(ledger_terms(ledger), category, *framing.range.value))
        assert framing.text.value.count("<mark") == len(rows)
        for term in term_summary(rows, ledger.lexicon).index:
            assert f"<tr><td>{escape(term)}</td>" in framing.counts.value


def test_rendering_of_the_default_view(snapshot):
    framing = FramingExplorer()
    assert {"counts": framing.counts.value, "text": framing.text.value} == snapshot



def test_starts_on_the_default_category_across_the_whole_article(ledger):
    framing = FramingExplorer()
    assert framing.category.value == "attribution_verb"
    assert framing.range.value == (1, len(ledger.paragraphs))


def test_a_range_without_matches_says_so():
    framing = FramingExplorer()
    framing.category.value = "certainty_marker"
    framing.range.value = (1, 3)
    assert framing.matches().empty and "none found" in framing.counts.value
    assert "rp-notice" in framing.text.value
    framing.range.value = (4, 4)  # the widget keeps working
    assert framing.text.value.count("<mark") == len(framing.matches()) > 0


def test_every_option_updates_the_counts():
    framing = FramingExplorer()
    for control, value in framing.example_changes():
        control.value = value
        assert framing.counts.value.startswith(f"{FIT_START}<p class='rp-framing-summary'>")
    assert {value for control, value in framing.example_changes() if control is framing.category} == set(
        CATEGORIES
    )


def test_reset_restores_the_first_view(ledger):
    framing = FramingExplorer()
    first = (framing.counts.value, framing.text.value)
    framing.category.value = "evaluative"
    framing.range.value = (5, 9)
    framing.reset_control.click()
    assert framing.category.value == "attribution_verb" and framing.range.value == (1, len(ledger.paragraphs))
    assert (framing.counts.value, framing.text.value) == first


def test_controls_have_labels_and_css_classes():
    framing = FramingExplorer()
    assert framing.category.description == "Category"
    assert framing.range.description == "Paragraphs"
    for control, css in [(framing.category, "rp-framing-category"), (framing.range, "rp-framing-range"),
                         (framing.reset_control, "rp-framing-reset"), (framing.counts, "rp-framing-counts"),
                         (framing.text, "rp-framing-text")]:
        assert css in control._dom_classes


def test_static_table_covers_every_term_of_every_category():
    table = framing_table()
    assert list(dict.fromkeys(table["category"])) == list(CATEGORIES.values())
    assert (table["occurrences"] > 0).all()
    row = table[(table["term"] == "“counter-terror operation”")].iloc[0]
    assert (row["category"], row["occurrences"], row["paragraphs"]) == ("Words in quotation marks", 1, "12")
