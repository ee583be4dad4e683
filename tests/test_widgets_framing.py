"""The framing widget (lesson 7) and the evidence it renders (readingpack.evidence.language)."""

import subprocess
import sys

from readingpack.evidence.language import (
    CATEGORIES,
    framing_table,
    in_range,
    ledger_terms,
    term_summary,
)
from readingpack.ledger import load_ledger
from readingpack.widgets.framing import Framing


def test_the_evidence_gives_the_rows_the_widget_shows():
    ledger = load_ledger()
    hedges = in_range(ledger_terms(ledger), "hedge", 14, 20)
    assert len(hedges) == 3 and set(hedges["category"]) == {"hedge"}
    summary = term_summary(in_range(ledger_terms(ledger), "attribution_verb", 1, 23), ledger.lexicon)
    assert len(summary) == 25 and summary["occurrences"].sum() == 42
    claims = summary.loc["claims"]
    assert (claims["occurrences"], claims["paragraphs"]) == (5, [12, 14, 16, 17])
    assert claims["explanation"] == "Reports a statement while keeping distance from it."


def test_old_import_names_still_work():
    from readingpack import lexicon
    from readingpack.widgets import framing

    assert lexicon.ledger_terms is ledger_terms and lexicon.glossary_problems
    assert framing.framing_table is framing_table and framing.CATEGORIES is CATEGORIES


def test_the_evidence_imports_no_user_interface():
    code = ("import sys, readingpack.evidence.language, readingpack.lexicon; "
            "assert 'ipywidgets' not in sys.modules and 'matplotlib' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_starts_on_attribution_verbs_across_the_whole_article():
    framing = Framing()
    assert framing.category.value == "attribution_verb"
    assert framing.range.value == (1, 23)
    summary = "<b>Attribution verbs</b> in the whole article: 42 occurrences of 25 terms."
    assert summary in framing.counts.value
    assert ("<tr><td>claims</td><td>5</td><td>12, 14, 16, 17</td><td>Reports a statement while keeping "
            "distance from it.</td></tr>") in framing.counts.value
    assert 'He proudly <mark title="Attribution verbs">stated</mark> to have' in framing.text.value


def test_hedges_are_counted_and_highlighted():
    framing = Framing()
    framing.category.value = "hedge"
    assert "<b>Hedges</b> in the whole article: 8 occurrences of 4 terms." in framing.counts.value
    assert "<tr><td>may</td><td>5</td><td>4, 7, 13, 15</td>" in framing.counts.value
    assert 'doesn’t <mark title="Hedges">seem</mark> to be interested' in framing.text.value


def test_quoted_terms_in_one_paragraph():
    framing = Framing()
    framing.category.value = "quoted_term"
    framing.range.value = (12, 12)
    summary = "<b>Words in quotation marks</b> in paragraph 12: 3 occurrences of 3 terms."
    assert summary in framing.counts.value
    assert '<mark title="Words in quotation marks">“counter-terror operation”</mark>' in framing.text.value
    assert "<b>¶12</b>" in framing.text.value and "<b>¶10</b>" not in framing.text.value


def test_a_range_without_matches_says_so():
    framing = Framing()
    framing.category.value = "certainty_marker"
    framing.range.value = (1, 3)
    assert "<b>Certainty markers</b> in paragraphs 1-3: none found." in framing.counts.value
    assert "Widen the paragraph range or choose another category." in framing.text.value
    assert "rp-notice" in framing.text.value
    framing.range.value = (4, 4)  # the widget keeps working
    assert "<b>Certainty markers</b> in paragraph 4: 1 occurrence of 1 term." in framing.counts.value
    assert '<mark title="Certainty markers">confirms</mark>' in framing.text.value


def test_every_option_updates_the_counts():
    framing = Framing()
    for control, value in framing.example_changes():
        control.value = value
        assert framing.counts.value.startswith("<p class='rp-framing-summary'>")
    assert {value for control, value in framing.example_changes() if control is framing.category} == set(
        CATEGORIES
    )


def test_reset_restores_the_first_view():
    framing = Framing()
    first = (framing.counts.value, framing.text.value)
    framing.category.value = "evaluative"
    framing.range.value = (5, 9)
    framing.reset_control.click()
    assert framing.category.value == "attribution_verb" and framing.range.value == (1, 23)
    assert (framing.counts.value, framing.text.value) == first


def test_controls_have_labels_and_css_classes():
    framing = Framing()
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
