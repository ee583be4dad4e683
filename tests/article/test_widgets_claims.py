"""Lesson 2's claim explorer and claim tables, checked by setting control values in Python."""

import re

import pytest

from readingpack.evidence import claims as evidence
from readingpack.widgets import claims as cl


@pytest.fixture
def explorer(ledger):
    return cl.ClaimExplorer(ledger)


def shown_ids(explorer) -> list[str]:
    return re.findall(r"<li><b>(CL\d+)</b>", explorer.result.value)


def test_explorer_starts_with_every_claim_in_text_order(explorer, ledger):
    assert explorer.matches()["claim_id"].tolist() == ledger.claims["claim_id"].tolist()
    assert shown_ids(explorer) == ledger.claims["claim_id"].tolist()
    paragraphs = ledger.claims["paragraph"].nunique()
    assert explorer.result.value.count('class="rp-claims-paragraph"') == paragraphs


def test_filter_by_type_selects_those_rows_and_highlights_each(explorer, ledger):
    explorer.claim_type.value = "prediction"
    expected = ledger.claims[ledger.claims["claim_type"] == "prediction"]
    assert explorer.matches()["claim_id"].tolist() == expected["claim_id"].tolist()
    assert shown_ids(explorer) == expected["claim_id"].tolist()
    assert explorer.result.value.count("<mark") == len(expected)


def test_filter_by_speaker(explorer, ledger):
    claims = ledger.claims
    explorer.speaker.value = "aliyev"
    assert set(explorer.matches()["claim_id"]) == set(claims.loc[claims["speaker"] == "aliyev", "claim_id"])
    explorer.speaker.value = explorer.author
    by_author = claims["speaker"] == explorer.author
    assert set(explorer.matches()["claim_id"]) == set(claims.loc[by_author, "claim_id"])
    explorer.speaker.value = "others"
    assert set(explorer.matches()["claim_id"]) == set(claims.loc[~by_author, "claim_id"])


def test_filter_by_actor_and_paragraph_range(explorer, ledger):
    explorer.actor.value = "euma"
    linked = set(ledger.claim_actors.loc[ledger.claim_actors["actor_id"] == "euma", "claim_id"])
    assert set(explorer.matches()["claim_id"]) == linked
    explorer.actor.value = "all"
    explorer.paragraphs.value = (14, 19)
    explorer.claim_type.value = "reported_statement"
    found = explorer.matches()
    assert found["paragraph"].between(14, 19).all() and (found["claim_type"] == "reported_statement").all()
    assert f"{len(found)} claims match" in explorer.count.value


def test_one_match_reads_as_singular(explorer):
    explorer.claim_type.value = "analogy"
    explorer.paragraphs.value = (12, 12)
    assert len(explorer.matches()) == 1
    assert "1 claim matches" in explorer.count.value


def test_no_match_gives_a_message_and_the_explorer_keeps_working(explorer):
    explorer.claim_type.value = "recommendation"
    explorer.speaker.value = "baku"
    assert explorer.matches().empty
    assert "No claim matches these choices" in explorer.count.value and "Reset" in explorer.count.value
    assert explorer.result.value == ""
    explorer.speaker.value = "all"
    assert len(shown_ids(explorer)) == len(explorer.matches()) > 0


def test_rendering_of_one_paragraph(explorer, snapshot):
    explorer.paragraphs.value = (12, 12)
    assert {"count": explorer.count.value, "result": explorer.result.value} == snapshot


def test_reset_restores_the_initial_state(explorer, body_paragraphs):
    first = (explorer.count.value, explorer.result.value)
    explorer.claim_type.value = "statistic"
    explorer.speaker.value = explorer.author
    explorer.actor.value = "armenia"
    explorer.paragraphs.value = (6, 6)
    explorer.reset_control.click()
    assert (explorer.claim_type.value, explorer.speaker.value, explorer.actor.value) == ("all",) * 3
    assert explorer.paragraphs.value == (body_paragraphs[0], body_paragraphs[-1])
    assert (explorer.count.value, explorer.result.value) == first


def test_example_changes_cover_every_option(explorer, body_paragraphs):
    changes = explorer.example_changes()
    for control in (explorer.claim_type, explorer.speaker, explorer.actor):
        assert {v for c, v in changes if c is control} == {v for _label, v in control.options}
    assert {v for c, v in changes if c is explorer.paragraphs} >= {(n, n) for n in body_paragraphs}
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
    rules = evidence.codebook_rules()
    assert rules["claim_type"].tolist() == evidence.TYPE_ORDER
    assert all(rules["rule"].str.len() > 20)
    assert rules.set_index("claim_type").loc["statistic", "examples"] == ["CL024", "CL073"]


def test_types_table(ledger):
    table = evidence.types_table(ledger.claims, evidence.codebook_rules())
    assert table["claims"].sum() == len(ledger.claims)
    counts = ledger.claims["claim_type"].value_counts()
    assert table.set_index("type").loc["reported statement", "claims"] == counts["reported_statement"]
    assert table.set_index("type").loc["prediction", "example"] == "CL031: and may invade Armenia"


def test_type_by_speaker_totals(ledger):
    table = evidence.type_by_speaker(ledger.claims, ledger.actors)
    assert table.index[0] == "the author"
    assert table.loc["all speakers", "all types"] == len(ledger.claims)
    assert table.loc["the author", "all types"] == (ledger.claims["speaker"] == "sossi_tatikyan").sum()
    assert table.loc["Baku (for Azerbaijan's government)", "reported statement"] == 16  # CL106: rule 2


def test_paragraph_tables(ledger, body_paragraphs):
    by_type = evidence.types_by_paragraph(ledger.claims)
    assert by_type.index.tolist() == body_paragraphs
    assert by_type.loc[12].sum() == 19
    voice = evidence.voice_by_paragraph(ledger.claims, ledger.actors)
    assert voice.loc[14].tolist() == [0, 5]
    assert voice.sum().sum() == len(ledger.claims)


def test_claims_table_names_speakers(ledger):
    table = evidence.claims_table(ledger.claims, ledger.actors)
    assert len(table) == len(ledger.claims)
    assert table.loc[0, "speaker"] == "the author"
    assert table.set_index("claim_id").loc["CL089", "speaker"] == "Baku (for Azerbaijan's government)"
