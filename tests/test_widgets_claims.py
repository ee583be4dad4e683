"""Lesson 2's claim explorer and claim tables, checked by setting control values in Python."""

import re

import pytest

from readingpack.ledger import load_ledger
from readingpack.widgets import claims as cl


@pytest.fixture(scope="module")
def ledger():
    return load_ledger()


@pytest.fixture
def explorer(ledger):
    return cl.ClaimExplorer(ledger)


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_explorer_starts_with_every_claim(explorer):
    assert plain(explorer.count.value) == "139 claims match in 18 paragraphs."
    assert explorer.result.value.count('class="rp-claims-paragraph"') == 18
    assert explorer.result.value.count("<li>") == 139


def test_filter_by_type_highlights_each_claim_in_its_paragraph(explorer, ledger):
    explorer.claim_type.value = "prediction"
    assert plain(explorer.count.value) == "5 claims match in 4 paragraphs."
    shown = plain(explorer.result.value)
    assert "Paragraph 15 · 2 matching claims" in shown
    assert "CL031 · prediction · speaker: the author" in shown
    assert '<mark title="matching claim">and may invade Armenia</mark>' in explorer.result.value
    assert explorer.result.value.count("<mark") == 5


def test_filter_by_speaker(explorer):
    explorer.speaker.value = "aliyev"
    assert plain(explorer.count.value) == "7 claims match in 4 paragraphs."
    assert "CL121 · reported statement · speaker: Ilham Aliyev" in plain(explorer.result.value)
    explorer.speaker.value = "others"
    assert plain(explorer.count.value) == "46 claims match in 17 paragraphs."
    explorer.speaker.value = explorer.author
    assert plain(explorer.count.value) == "93 claims match in 17 paragraphs."


def test_filter_by_actor_and_paragraph_range(explorer):
    explorer.actor.value = "euma"
    assert plain(explorer.count.value) == "4 claims match in 1 paragraph."
    explorer.actor.value = "all"
    explorer.paragraphs.value = (14, 19)
    explorer.claim_type.value = "reported_statement"
    assert plain(explorer.count.value) == "29 claims match in 6 paragraphs."


def test_one_match_reads_as_singular(explorer):
    explorer.claim_type.value = "analogy"
    explorer.paragraphs.value = (12, 12)
    assert plain(explorer.count.value) == "1 claim matches in 1 paragraph."
    assert "CL069 · analogy · speaker: the author" in plain(explorer.result.value)


def test_no_match_gives_a_friendly_message_and_the_explorer_keeps_working(explorer):
    explorer.claim_type.value = "recommendation"
    explorer.speaker.value = "baku"
    assert plain(explorer.count.value) == (
        "ℹ️ No claim matches these choices. Widen the paragraph range, or choose “All types”, "
        "“Anyone” or “Any actor”, or press Reset."
    )
    assert explorer.result.value == ""
    explorer.speaker.value = "all"
    assert plain(explorer.count.value) == "2 claims match in 1 paragraph."


def test_reset_restores_the_initial_state(explorer):
    first = (explorer.count.value, explorer.result.value)
    explorer.claim_type.value = "statistic"
    explorer.speaker.value = explorer.author
    explorer.actor.value = "armenia"
    explorer.paragraphs.value = (6, 6)
    explorer.reset_control.click()
    assert (explorer.claim_type.value, explorer.speaker.value, explorer.actor.value) == ("all",) * 3
    assert explorer.paragraphs.value == (3, 20)
    assert (explorer.count.value, explorer.result.value) == first


def test_example_changes_cover_every_option(explorer):
    changes = explorer.example_changes()
    for control in (explorer.claim_type, explorer.speaker, explorer.actor):
        assert {v for c, v in changes if c is control} == {v for _label, v in control.options}
    assert {v for c, v in changes if c is explorer.paragraphs} >= {(n, n) for n in range(3, 21)}
    for control, value in changes:
        control.value = value
        assert explorer.count.value


def test_controls_carry_css_classes_and_labels(explorer):
    for control, css in [(explorer.claim_type, "rp-claims-type"), (explorer.speaker, "rp-claims-speaker"),
                         (explorer.actor, "rp-claims-actor"), (explorer.paragraphs, "rp-claims-paragraphs"),
                         (explorer.reset_control, "rp-claims-reset")]:
        assert css in control._dom_classes
        assert control.description
    assert "rp-claims-count" in explorer.count._dom_classes
    assert "rp-claims-result" in explorer.result._dom_classes


def test_every_claim_quote_is_highlighted_exactly(explorer, ledger):
    for row in ledger.claims.itertuples(index=False):
        start, end = explorer.spans[row.claim_id]
        assert ledger.article.paragraph(row.paragraph)[start:end] == row.quote


def test_codebook_rules_give_a_rule_and_examples_for_every_type():
    rules = cl.codebook_rules()
    assert rules["claim_type"].tolist() == cl.TYPE_ORDER
    assert all(rules["rule"].str.len() > 20)
    assert rules.set_index("claim_type").loc["statistic", "examples"] == ["CL024", "CL073"]


def test_types_table(ledger):
    table = cl.types_table(ledger.claims, cl.codebook_rules())
    assert table["claims"].sum() == 139
    assert table.set_index("type").loc["reported statement", "claims"] == 46
    assert table.set_index("type").loc["prediction", "example"] == "CL031: and may invade Armenia"


def test_type_by_speaker_totals(ledger):
    table = cl.type_by_speaker(ledger.claims, ledger.actors)
    assert table.index[0] == "the author"
    assert table.loc["all speakers", "all types"] == 139
    assert table.loc["the author", "all types"] == 93
    assert table.loc["Baku (for Azerbaijan's government)", "reported statement"] == 17


def test_paragraph_tables(ledger):
    by_type = cl.types_by_paragraph(ledger.claims)
    assert by_type.index.tolist() == list(range(3, 21))
    assert by_type.loc[12].sum() == 19
    voice = cl.voice_by_paragraph(ledger.claims, ledger.actors)
    assert voice.loc[14].tolist() == [0, 5]
    assert voice.sum().tolist() == [93, 46]


def test_claims_table_names_speakers(ledger):
    table = cl.claims_table(ledger.claims, ledger.actors)
    assert len(table) == 139
    assert table.loc[0, "speaker"] == "the author"
    assert table.set_index("claim_id").loc["CL089", "speaker"] == "Baku (for Azerbaijan's government)"
