"""The actor comparison widget (lesson 4) and the evidence behind it (evidence.mentions)."""

import pytest

from readingpack.evidence.mentions import (
    RELATION_GROUPS,
    ActorData,
    actors_table,
    cooccurrence,
    default_pair,
    folded_relations,
    ledger_mentions,
    relation_edges,
)
from readingpack.ui import FIT_START
from readingpack.widgets.actors import ActorComparison, strip_svg


@pytest.fixture
def widget():
    return ActorComparison()


def _expected_mentions(ledger, actor_ids):
    mentions = ledger_mentions(ledger)
    return mentions[mentions["actor_id"].isin(actor_ids)]


def test_the_default_pair_comes_from_the_settings_and_counts_every_surface_form(widget, ledger):
    assert (widget.first.value, widget.second.value) == default_pair(ledger)
    first = default_pair(ledger)[0]
    data = ActorData(ledger)
    counted = data.mentions_of(first)
    assert set(counted["counted_as"]) == {first}
    assert len(counted) == (ledger_mentions(ledger)["counted_as"] == first).sum()
    assert f"<b>{len(counted)} mentions</b>" in widget.left.value


def test_together_rows_are_the_shared_paragraphs_and_relations(ledger):
    data = ActorData(ledger)
    first, second = default_pair(ledger)
    shared = sorted(set(data.mentions_of(first)["paragraph"]) & set(data.mentions_of(second)["paragraph"]))
    together = data.together(first, second)
    assert together["shared_paragraphs"] == shared
    assert together["relations"] == len(data.relations_between(first, second))


def test_strip_counts_one_number_per_paragraph(ledger):
    data = ActorData(ledger)
    first = default_pair(ledger)[0]
    counts = data.strip_counts(first)
    assert len(counts) == len(ledger.paragraphs) and sum(counts) == len(data.mentions_of(first))


def test_rendering_of_the_default_pair(widget, snapshot):
    assert {"status": widget.status.value, "left": widget.left.value, "right": widget.right.value} == snapshot


def test_choosing_the_same_actor_twice_gives_a_message_and_recovers(widget):
    widget.second.value = widget.first.value
    assert "twice" in widget.status.value and widget.data.name(widget.first.value) in widget.status.value
    assert widget.right.value == ""
    widget.second.value = "russia"
    assert f"<h4>{widget.data.name('russia')}</h4>" in widget.right.value
    assert "twice" not in widget.status.value


def test_claims_and_relations_are_listed(widget):
    widget.first.value = "aliyev"
    widget.second.value = "pashinyan"
    claims = widget.data.claims_of("aliyev")
    assert f"Claims: {claims['claim_id'].nunique()}" in widget.left.value
    relations = widget.data.relations_of("pashinyan")
    assert f": {len(relations)}" in widget.right.value


def test_reset_restores_the_initial_state(widget):
    initial = (widget.first.value, widget.second.value, widget.status.value, widget.strip.value,
               widget.left.value, widget.right.value)
    widget.first.value = "russia"
    widget.second.value = "russia"
    widget.reset_control.click()
    assert (widget.first.value, widget.second.value, widget.status.value, widget.strip.value,
            widget.left.value, widget.right.value) == initial


def test_every_example_change_runs(widget, ledger):
    for control, value in widget.example_changes():
        control.value = value
        assert widget.left.value.startswith(f"{FIT_START}<h4>")
    offered = {v for c, v in widget.example_changes() if c is widget.second}
    assert offered == set(ledger.actors["actor_id"])


def test_controls_are_labelled_and_classed(widget):
    assert widget.first.description == "Actor A" and widget.second.description == "Actor B"
    assert "rp-actors-first" in widget.first._dom_classes
    assert "rp-actors-strip" in widget.strip._dom_classes


def test_static_table_covers_every_actor(ledger):
    table = actors_table(ledger)
    assert len(table) == len(ledger.actors)
    row = table.set_index("actor").loc["Azerbaijan"]
    assert "Baku (" in row["surface forms"]
    assert row["mentions"] == len(_expected_mentions(ledger, ["azerbaijan", "baku"]))


def test_cooccurrence_diagonal_is_paragraph_count(ledger):
    mentions = ledger_mentions(ledger)
    matrix = cooccurrence(mentions, ["azerbaijan", "armenia"])
    paragraphs = mentions.query("counted_as == 'azerbaijan'")["paragraph"].nunique()
    assert matrix.loc["azerbaijan", "azerbaijan"] == paragraphs
    assert matrix.loc["azerbaijan", "armenia"] == matrix.loc["armenia", "azerbaijan"]


def test_every_relation_type_has_a_drawing_group():
    relations = folded_relations()
    kinds = {k for group in RELATION_GROUPS.values() for k in group}
    assert set(relations["relation_type"]) <= kinds
    assert "baku" not in set(relations["source"]) | set(relations["target"])


def test_strip_svg_for_one_actor():
    svg = strip_svg(ActorData(), ["un"])
    assert svg.startswith("<svg") and "United Nations" in svg


def test_relations_between_folds_capitals_unless_asked_not_to():
    data = ActorData()
    folded = data.relations_between("azerbaijan", "russia")
    names_only = data.relations_between("azerbaijan", "russia", folded=False)
    assert len(folded) == 3 and len(names_only) == 2
    assert set(names_only["relation_id"]) < set(folded["relation_id"])


def test_relation_edges_keep_actors_with_two_or_more_relations():
    relations = folded_relations()
    edges = relation_edges(relations)
    degree = relations["source"].value_counts().add(relations["target"].value_counts(), fill_value=0)
    assert set(edges["source"]) | set(edges["target"]) <= set(degree[degree >= 2].index)
    assert list(edges.columns) == ["source", "target", "group", "count"]
    assert edges["count"].sum() <= len(relations)

