"""The claim check widget (lesson 8): the check rows it shows, every option, reset."""

from readingpack.evidence.comparison import OUTCOMES
from readingpack.evidence.settings import setting
from readingpack.ui import escape
from readingpack.widgets.claim_check import ClaimCheck, outcome_table


def test_the_default_figure_comes_from_the_settings():
    check = ClaimCheck()
    assert check.figure.value == setting("claim_check.default_figure", check.ledger)


def test_each_figure_shows_its_check_rows_and_their_outcomes():
    check = ClaimCheck()
    for _label, figure_id in check.figure.options:
        check.figure.value = figure_id
        rows = check.checks[check.checks["figure_id"] == figure_id]
        assert check.result.value.count("class='rp-check-row'") == len(rows), figure_id
        for row in rows.itertuples():
            assert f"<b class='rp-check-outcome'>{row.outcome}</b>" in check.result.value
            assert escape(row.article_value) in check.article.value
        context = check.context[check.context["figure_id"] == figure_id]
        assert ("Context a reader may want" in check.result.value) == (not context.empty)


def test_rendering_of_the_default_figure(snapshot):
    check = ClaimCheck()
    assert {"article": check.article.value, "result": check.result.value} == snapshot


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
    check.figure.value = check.figure.options[-1][1]
    assert (check.article.value, check.result.value) != first
    check.reset_control.click()
    assert check.figure.value == check.default_figure
    assert (check.article.value, check.result.value) == first


def test_controls_have_labels_and_css_classes():
    check = ClaimCheck()
    assert check.figure.description == "Figure or date"
    assert "rp-check-choice" in check.figure._dom_classes
    assert "rp-check-reset" in check.reset_control._dom_classes
    assert "rp-check-result" in check.result._dom_classes
    assert "rp-check-article" in check.article._dom_classes


def test_static_outcome_table_covers_every_check(ledger):
    table = outcome_table()
    links = ledger.figure_reference.merge(ledger.figures, on="figure_id")
    compared = links[(links["relation"] != "context") & (links["kind"] != "name_number")]
    assert len(table) == len(compared) and len(table) > 20
    assert set(table["outcome"]) <= set(OUTCOMES)
    assert table.columns.tolist() == ["paragraph", "the article says", "ref", "the other source says",
                                      "publisher and document", "side", "outcome", "reason"]
