"""Lesson 1's widgets and helpers: the paragraph reader, the reading copy, the structure
table, the primer and the names table, checked by setting control values in Python."""

import re

import pytest

from readingpack.evidence import background, sources
from readingpack.widgets import reading


@pytest.fixture
def reader(ledger):
    return reading.ParagraphReader(ledger)


def plain(html: str) -> str:
    """The visible text of an HTML fragment, with whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_reader_starts_on_the_first_body_paragraph(reader, body_paragraphs):
    assert reader.number.value == body_paragraphs[0]
    assert reader.status.value == ""


def test_reader_shows_the_exact_text_of_each_paragraph(reader, ledger):
    for number in ledger.paragraphs["number"]:
        reader.number.value = number
        assert reading.ui.escape(ledger.article.paragraph(number)) in reader.result.value


def test_choosing_a_kind_offers_the_paragraphs_of_that_kind(reader, ledger):
    paragraphs = ledger.paragraphs
    for kind in dict.fromkeys(paragraphs["kind"]):
        reader.kind.value = kind
        numbers = paragraphs.loc[paragraphs["kind"] == kind, "number"].tolist()
        assert [value for _label, value in reader.number.options] == numbers
        assert reader.number.value in numbers


def test_rendering_of_the_first_view(reader, snapshot):
    assert {"status": reader.status.value, "result": reader.result.value} == snapshot


def test_a_kind_keeps_the_current_paragraph_when_it_fits(reader):
    reader.number.value = 15
    reader.kind.value = "body"
    assert reader.number.value == 15
    reader.kind.value = "all"
    assert reader.number.value == 15


def found_in(reader, term) -> dict[int, int]:
    counts = {n: len(background.find_spans(text, term)) for n, text in reader.texts.items()}
    return {n: c for n, c in counts.items() if c}


def test_find_lists_the_paragraphs_and_highlights_each_match(reader):
    for term in ("Baku", "however", "Zangezour"):
        reader.find.value = term
        where = found_in(reader, term)
        assert where, term
        assert f": {', '.join(map(str, where))}." in plain(reader.status.value)
        assert reader.result.value.count("<mark") == where.get(reader.number.value, 0)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("x", "Type at least two letters to search."),
        ("y" * 61, "That is 61 characters long. Type a word or a short phrase (at most 60 characters)."),
        ("Khankendi", "“Khankendi” does not occur in the article. Check the spelling, or try a shorter "
                      "part of the word."),
    ],
)
def test_bad_or_unknown_words_give_a_message_and_the_reader_keeps_working(reader, typed, message):
    reader.find.value = typed
    assert message in plain(reader.status.value)
    assert "<mark" not in reader.result.value
    reader.find.value = "EUMA"
    assert "“EUMA” occurs" in plain(reader.status.value)


def test_empty_or_blank_search_shows_no_message(reader):
    reader.find.value = "Baku"
    reader.find.value = "   "
    assert reader.status.value == ""
    assert "<mark" not in reader.result.value


def test_reset_restores_the_initial_state(reader):
    first = (reader.kind.value, reader.number.value, reader.find.value,
             reader.status.value, reader.result.value)
    reader.kind.value = "bio"
    reader.find.value = "Harvard"
    reader.reset_control.click()
    assert (reader.kind.value, reader.number.value, reader.find.value,
            reader.status.value, reader.result.value) == first


def test_example_changes_cover_every_kind_and_paragraph(reader, ledger):
    changes = reader.example_changes()
    kinds = {value for control, value in changes if control is reader.kind}
    numbers = {value for control, value in changes if control is reader.number}
    assert kinds == {"all"} | set(ledger.paragraphs["kind"])
    assert numbers == set(ledger.paragraphs["number"])
    for control, value in changes:
        control.value = value
    assert reader.result.value


def test_controls_carry_css_classes_and_labels(reader):
    for control, css in [(reader.kind, "rp-reader-kind"), (reader.number, "rp-reader-paragraph"),
                         (reader.find, "rp-reader-find"), (reader.reset_control, "rp-reader-reset")]:
        assert css in control._dom_classes
        assert control.description


def test_reading_copy_holds_every_paragraph_exactly(ledger):
    html = reading.reading_copy_html(ledger.paragraphs)
    for number in ledger.paragraphs["number"]:
        assert f"¶ {number}<" in html
        assert reading.ui.escape(ledger.article.paragraph(number)) in html
    assert "white-space:pre-wrap" in html
    assert "large-scale\u00a0 war" in html or "large-scale  war" in html


def test_structure_table(ledger):
    table = background.structure_table(ledger.paragraphs, ledger.outline)
    assert len(table) == len(ledger.paragraphs)
    assert table["words"].sum() == 2179
    body = table[table["kind"] == "body"]
    assert body["words"].sum() == 1973
    assert table.set_index("paragraph").loc[13, "words"] == 40
    assert set(body["section"]) == set(ledger.outline["section"])
    assert set(ledger.outline["paragraph"]) == set(body["paragraph"])
    assert table.set_index("paragraph").loc[20, "section"] == "Conclusion and recommendation"


def test_structure_without_an_outline_groups_by_kind(ledger):
    table = background.structure_table(ledger.paragraphs)
    assert set(table.loc[table["kind"] == "body", "section"]) == {"Body"}


def test_word_count_treats_non_breaking_spaces_as_spaces():
    assert background.word_count("a\u00a0b  c") == 3


def test_primer_table_names_sources_and_sides(ledger):
    table = background.primer_table(ledger)
    assert table["id"].tolist() == background.primer_ids(ledger)
    sides = sources.fact_sides(ledger)
    for row in table.itertuples(index=False):
        assert row.side == sides.loc[row.id, "side"]
        assert row[5] == sides.loc[row.id, "side_label"]
        assert row.source
    assert table.loc[table["after the article"] == "yes", "id"].tolist() == ["E11", "E12"]
    assert table["id"].tolist()[-2:] == ["E11", "E12"]


def test_primer_covers_the_background_in_order():
    ids = background.primer_ids()
    assert len(ids) == len(set(ids))
    for group in [["A3"], ["K1a", "K1b", "K1c"], ["K3a", "K3b", "K3c", "K3d", "K3e"],
                  ["K2a", "K2b", "K2c", "K2d", "K2e"], ["K4a"], ["E3", "K4b", "K4c"],
                  ["D4", "D5", "K5a", "K5b"], ["A1", "K8c"], ["K6a", "K6b", "K6c"],
                  ["D1", "D2", "C1", "C2", "E4", "E6", "E7", "E1", "E2"], ["E11", "E12"]]:
        assert set(group) <= set(ids), group
    def first(fact_id):
        return ids.index(fact_id)
    order = ["A3", "K1a", "K3a", "K2a", "K4a", "E3", "D4", "K8c", "K6a", "D1", "E11"]
    assert [first(i) for i in order] == sorted(first(i) for i in order)


def test_primer_gives_both_peoples_and_the_courts_own_words():
    """Issue 21: the longer past for both peoples, together; the Court's words, not 'found'."""
    ids = background.primer_ids()
    assert {"M7", "M22", "M23", "M20", "M21", "M14", "M6", "M19", "M11", "M12", "M1", "M2"} <= set(ids)
    assert ids.index("A3") < ids.index("M7") < ids.index("K1a")  # the oblast, before the war
    assert abs(ids.index("M23") - ids.index("K3d")) <= 2  # each government's displaced, side by side
    assert ids.index("L3") < ids.index("M14") <= ids.index("L3") + 1  # landmines: both
    assert ids.index("M11") < ids.index("M12") and ids.index("M1") + 1 == ids.index("M2")
    assert "L1" not in ids and ids.index("D2") < ids.index("M3") < ids.index("M5")


def test_primer_links_the_documents_own_page_first(ledger):
    table = background.primer_table(ledger).set_index("id")
    assert table.loc["D1", "link"].startswith("https://icj-cij.org/")
    assert table.loc["L10", "link"].startswith("https://www.icrc.org/")


def test_only_the_parties_are_party_sources(ledger):
    """AM, AZ and NK are parties; Russia's state media (RU) are an interested state, not a party."""
    table = background.primer_table(ledger, ["E5", "E3", "C1", "C5", "C4"]).set_index("id")
    assert table["party source"].to_dict() == {"E5": "", "E3": "", "C1": "yes", "C5": "yes",
                                               "C4": "yes"}
    assert "an interested state" in table.loc["E5", "who published it"]
    assert not hasattr(reading, "PARTIES") and not hasattr(reading, "is_party")


def test_signposts_table(ledger):
    table = background.signposts_table(ledger.paragraphs)
    assert table[table["signpost"] == "However"]["paragraph"].tolist() == [6, 10, 15, 18, 20]
    assert table.iloc[-2:].values.tolist() == [[20, "To conclude"], [20, "However"]]


@pytest.fixture
def names(ledger):
    return reading.NameExplorer(ledger)


def test_names_widget_shows_the_rows_of_the_names_table(names, ledger):
    table = background.names_table(ledger.glossary)
    assert names.thing.value == table["thing"].iloc[0]
    for thing, rows in table.groupby("thing", sort=False):
        names.thing.value = thing
        assert names.result.value.count("<tr><td") == len(rows)
        for row in rows.to_dict("records"):
            assert f"<b>{reading.ui.escape(row['name'])}</b>" in names.result.value
            assert reading.ui.escape(row["who uses it"]) in names.result.value


def test_rendering_of_the_names_widget(names, snapshot):
    assert names.result.value == snapshot


def test_names_widget_reset_and_every_option(names):
    first = names.result.value
    for control, value in names.example_changes():
        control.value = value
        assert "names" in plain(names.result.value) or "1 name," in plain(names.result.value)
    names.thing.value = "the 2020 war"
    names.reset_control.click()
    assert names.thing.value == "main town of Nagorno-Karabakh"
    assert names.result.value == first
    assert "rp-names-thing" in names.thing._dom_classes and names.thing.description


def test_names_table_covers_every_name_variant(ledger):
    table = background.names_table(ledger.glossary)
    variants = ledger.glossary[ledger.glossary["kind"] == "name_variant"]
    assert len(table) == len(variants)
    assert set(table["thing"]) == set(variants["thing"])
    town = table[table["thing"] == "main town of Nagorno-Karabakh"]
    assert town["who uses it"].tolist() == [
        "the pack's neutral default",
        "in Armenia and among Karabakh Armenians: usage not documented",
        "Azerbaijan's Ministry of Foreign Affairs (L9)",
    ]
    assert town["evidence"].tolist() == ["", "", "L9"]
    war = table[table["thing"] == "the 2020 war"].set_index("name")
    assert war.loc["Second Karabakh war", "evidence"] == "K9a"
    assert war.loc["2020 Karabakh war", "evidence"] == "the article"
    for row in table[table["in the article"] != "not used"].to_dict("records"):
        number = int(row["in the article"].split()[-1])
        assert row["example quote"] in ledger.article.paragraph(number)
    assert (table.groupby("thing", sort=False)["who uses it"].first()
            == "the pack's neutral default").all()



def test_find_a_word_jumps_to_the_first_paragraph_that_holds_it():
    from readingpack.evidence import background
    from readingpack.widgets.reading import ParagraphReader

    reader = ParagraphReader()
    word = reader.example_words[0]
    holding = [n for n, text in reader.texts.items() if background.find_spans(text, word)]
    missing = next(n for n in reader.texts if n not in holding)
    reader.kind.value = str(reader.table.set_index("paragraph").loc[missing, "kind"])
    reader.number.value = missing
    reader.find.value = word
    assert reader.number.value == holding[0] and reader.kind.value == "all"
    assert ", ".join(map(str, holding)) in reader.status.value
    reader.find.value = "no such word here"
    assert reader.number.value == holding[0] and "does not occur" in reader.status.value
