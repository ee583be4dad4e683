"""The claim check widget (lesson 8): exact content shown, every option, reset."""

from readingpack.evidence.comparison import OUTCOMES
from readingpack.evidence.sources import side_words
from readingpack.ledger import load_ledger
from readingpack.widgets.claim_check import ClaimCheck, outcome_table

# The side labels come from data/reference/sides.csv; the tests read them there.
RU_LABEL = "reported by " + side_words(load_ledger(), "RU")
AZ_LABEL, AM_LABEL, NK_LABEL = (side_words(load_ledger(), code) for code in ("AZ", "AM", "NK"))



def test_starts_on_the_215_km2_figure_with_both_sources():
    check = ClaimCheck()
    assert check.figure.value == "F015"
    assert "<b>The article, paragraph 6:</b> Baku controls <mark title=\"the figure\">at least 215 square " \
           "kilometres</mark> of Armenia’s sovereign territory" in check.article.value
    assert "<b>Read as:</b> at least 215 km²" in check.article.value
    result = check.result.value
    assert "“at least 215 square kilometers”" in result
    assert "CivilNet (an independent Armenian outlet)" in result
    assert "“about 200 km²”" in result
    assert "Foreign Minister Ararat Mirzoyan in parliament, 3 Nov 2023, reported by TASS" in result
    assert RU_LABEL in result
    assert "<b class='rp-check-outcome'>consistent</b><br>The same number with the same qualifier." in result
    assert "<b class='rp-check-outcome'>a different measure: shown, not compared</b><br>The article's " \
           "figure counts area of Armenia's territory" in result
    assert 'href="https://tass.com/world/1701331"' in result


def test_choosing_november_9_shows_the_date_check():
    check = ClaimCheck()
    check.figure.value = "F004"
    read_as = "<b>Read as:</b> 9 Nov 2024 (no year printed: 2024 taken from the publication date)"
    assert read_as in check.article.value
    result = check.result.value
    assert "“8 Nov 2024”" in result
    assert AZ_LABEL in result
    assert "<b class='rp-check-outcome'>differs</b><br>The two dates are 1 day apart." in result
    assert ">link1</a>, <a" in result and ">link2</a>" in result  # news.az and report.az


def test_the_fuel_depot_toll_and_the_civilian_deaths():
    check = ClaimCheck()
    check.figure.value = "F033"
    assert "“218”" in check.result.value
    assert "Investigative Committee of the Republic of Armenia" in check.result.value
    assert "<b class='rp-check-outcome'>roughly consistent</b><br>The values are 2 apart, 0.9% of the " \
           "larger one (within 10%)." in check.result.value
    check.figure.value = "F030"
    result = check.result.value
    assert "<b class='rp-check-outcome'>a different measure: shown, not compared</b>" in result
    assert "“27 dead”" in result and "“25 civilians”" in result and "“10 confirmed civilian deaths”" in result
    assert "Context a reader may want (no outcome):" in result
    assert "“1 civilian killed”, Ministry of Health of Azerbaijan, reported by the Kyiv Independent" in result


def test_the_people_who_left_against_three_sources():
    check = ClaimCheck()
    check.figure.value = "F032"
    result = check.result.value
    assert result.count("class='rp-check-row'") == 3
    for value in ("“about 120,000”", "“100,417”", "“115,183”"):
        assert value in result


def test_every_option_shows_an_outcome_from_the_vocabulary():
    check = ClaimCheck()
    for control, value in check.example_changes():
        control.value = value
        assert "rp-check-outcome" in check.result.value
        shown = [o for o in OUTCOMES if f"<b class='rp-check-outcome'>{o}</b>" in check.result.value]
        assert shown, value
        assert "Traceback" not in check.result.value


def test_reset_restores_the_first_view():
    check = ClaimCheck()
    first = (check.article.value, check.result.value)
    check.figure.value = "F034"
    assert (check.article.value, check.result.value) != first
    check.reset_control.click()
    assert check.figure.value == "F015"
    assert (check.article.value, check.result.value) == first


def test_controls_have_labels_and_css_classes():
    check = ClaimCheck()
    assert check.figure.description == "Figure or date"
    assert "rp-check-choice" in check.figure._dom_classes
    assert "rp-check-reset" in check.reset_control._dom_classes
    assert "rp-check-result" in check.result._dom_classes
    assert "rp-check-article" in check.article._dom_classes


def test_static_outcome_table_covers_every_check():
    table = outcome_table()
    ledger = load_ledger()
    links = ledger.figure_reference.merge(ledger.figures, on="figure_id")
    compared = links[(links["relation"] != "context") & (links["kind"] != "name_number")]
    assert len(table) == len(compared) and len(table) > 20
    assert set(table["outcome"]) <= set(OUTCOMES)
    assert table.columns.tolist() == ["paragraph", "the article says", "ref", "the other source says",
                                      "publisher and document", "side", "outcome", "reason"]
