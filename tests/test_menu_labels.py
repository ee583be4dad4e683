"""Menu labels stay distinct after shortening (ui.menu_options): lesson 2's actor menu once
showed two entries that both read "Nagorno-Karabakh… (1 claim)"."""

import ipywidgets as widgets

from readingpack.ui import MENU_LABEL_CHARS, menu_options
from readingpack.widgets.claims import ClaimExplorer


def dropdown_labels(widget) -> dict[str, list[str]]:
    return {name: list(value._options_labels) for name, value in vars(widget).items()
            if isinstance(value, widgets.Dropdown)}


def test_labels_made_alike_by_shortening_show_the_ends_of_their_names_within_the_width():
    options = [("Nagorno-Karabakh politicians and regular citizens (1 claim)", 1),
               ("Nagorno-Karabakh Autonomous Region legislative body (1 claim)", 2),
               ("Azerbaijan (3 claims)", 3)]
    labels = [label for label, _ in menu_options(options)]
    assert len(set(labels)) == 3, labels
    assert labels[2] == "Azerbaijan (3 claims)"
    assert all(label.endswith("(1 claim)") for label in labels[:2])
    assert all(len(label) <= MENU_LABEL_CHARS for label in labels), labels
    assert [v for _, v in menu_options(options)] == [1, 2, 3]
    same = menu_options([("x" * 50, 1), ("x" * 50, 2)])  # identical names stay as they are
    assert len(same) == 2 and len(same[0][0]) <= 50


def test_every_menu_of_the_claim_explorer_has_distinct_labels(ledger):
    menus = dropdown_labels(ClaimExplorer(ledger))
    assert "actor" in menus
    for name, labels in menus.items():
        assert len(labels) == len(set(labels)), (name, [x for x in labels if labels.count(x) > 1])
        assert all(len(label) <= MENU_LABEL_CHARS for label in labels), (name, labels)
