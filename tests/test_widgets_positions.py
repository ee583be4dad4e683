"""The positions widget of lesson 6 and its tables, against the committed ledger."""

import pytest

from readingpack.ledger import load_ledger
from readingpack.widgets.positions import (
    AFTER_CAVEAT,
    AFTER_TITLE,
    THROUGH_THE_AUTHOR,
    PositionsData,
    PositionsWidget,
    after_article_table,
    positions_table,
)

NO_LATER_FACTS = (
    "The pack's reference facts report nothing from after the article's publication on this issue."
)


@pytest.fixture(scope="module")
def data():
    return PositionsData()


@pytest.fixture
def widget(data):
    return PositionsWidget(data)


def test_initial_state_is_the_icj_case(widget):
    assert widget.issue.value == "icj_case"
    assert widget.issue.label == (
        "Armenia's case against Azerbaijan at the International Court of Justice (CERD)")
    columns = widget.columns.value
    assert THROUGH_THE_AUTHOR in columns
    assert "What the article reports Azerbaijan's government wants" in columns
    assert "What the article reports Armenia's government's position is" in columns
    # the article prints a non-breaking space before "Application"
    assert ("“Baku is also demanding that Armenia withdraws its\u00a0Application” "
            "<small>(paragraph 14)</small>") in columns
    assert "“Baku claims that the lawsuit indicates a territorial claim by Armenia to Azerbaijan”" in columns
    assert "only one side" not in columns
    assert AFTER_TITLE in widget.after.value and NO_LATER_FACTS in widget.after.value


def test_both_columns_are_labelled_as_the_authors_account(widget):
    for _label, issue in widget.issue.options:
        widget.issue.value = issue
        assert THROUGH_THE_AUTHOR in widget.columns.value
        assert AFTER_CAVEAT in widget.after.value


def test_armenia_constitution_shows_e11_after_the_article(widget):
    widget.issue.value = "armenia_constitution"
    columns = widget.columns.value
    assert ("“Baku also demands Armenia to change its constitution as a key pre-condition for the "
            "peace agreement.” <small>(paragraph 15)</small>") in columns
    assert ("“the Armenian Constitution cannot be changed without a referendum, which is planned "
            "in 2027”") in columns
    after = widget.after.value
    assert 'aria-label="After the article was published"' in after
    assert "13 Mar 2025 (reference fact E11): Peace treaty text agreed (after the article)" in after
    assert ("Note from the source list: Azerbaijan said signing required a change to Armenia's "
            "constitution and the dissolution of the OSCE Minsk Group.") in after
    assert ("Side: AM (Armenian government, officials or media: a party); "
            "AZ (Azerbaijani government, officials or media: a party).") in after
    assert "https://www.azernews.az/karabakh/239032.html" in after
    assert "E12" not in after


def test_southern_route_shows_both_labels_and_e12(widget):
    widget.issue.value = "southern_route"
    columns = widget.columns.value
    assert "Label the article quotes: “Zangezour corridor”" in columns
    assert "Label the article quotes: “Crossroads of Peace”" in columns
    after = widget.after.value
    assert "8 Aug 2025 (reference fact E12): Washington summit (after the article)" in after
    assert 'the "Trump Route for International Peace and Prosperity" (TRIPP), was announced' in after
    assert ("Side: AZ (Azerbaijani government, officials or media: a party); "
            "OTHER (third-country media).") in after


def test_peace_agreement_shows_both_later_facts(widget):
    widget.issue.value = "peace_agreement"
    after = widget.after.value
    assert after.index('data-fact="E11"') < after.index('data-fact="E12"')


def test_a_one_sided_issue_says_so(widget):
    widget.issue.value = "eu_mission"
    columns = widget.columns.value
    assert ("On this issue the article reports only one side: it gives no position of Armenia's "
            "government.") in columns
    assert "The article does not report Armenia's government's position on this issue." in columns
    assert ("“Baku is also demanding the withdrawal of the EU Mission in Armenia.” "
            "<small>(paragraph 17)</small>") in columns
    widget.issue.value = "azerbaijan_constitution"
    assert ("On this issue the article reports only one side: it gives no position of "
            "Azerbaijan's government.") in widget.columns.value


def test_hiding_the_later_facts_and_reset(widget):
    before = (widget.columns.value, widget.after.value)
    widget.issue.value = "southern_route"
    widget.show_after.value = False
    assert widget.after.value == ""
    widget.reset()
    assert widget.issue.value == "icj_case" and widget.show_after.value
    assert (widget.columns.value, widget.after.value) == before
    widget.issue.value = "return"
    widget.reset_control.click()
    assert (widget.columns.value, widget.after.value) == before


def test_controls_have_labels_and_css_classes(widget):
    assert widget.issue.description == "Issue"
    assert widget.show_after.description == "Show “After the article was published”"
    assert "rp-positions-issue" in widget.issue._dom_classes
    assert "rp-positions-show-after" in widget.show_after._dom_classes
    assert "rp-positions-reset" in widget.reset_control._dom_classes
    assert "rp-positions-columns" in widget.columns._dom_classes
    assert "rp-positions-after" in widget.after._dom_classes


def test_example_changes_cover_every_issue(widget):
    changes = widget.example_changes()
    issues = {value for control, value in changes if control is widget.issue}
    assert issues == set(load_ledger()["issues"]["issue_id"])
    for control, value in changes:
        control.value = value
        assert widget.columns.value


def test_positions_table_covers_every_issue(data):
    table = positions_table(data)
    assert len(table) == 15
    sides = table["sides the article reports"].value_counts().to_dict()
    assert sides == {"both": 8, "only Azerbaijan's government": 6, "only Armenia's government": 1}
    row = table.loc["The EU Mission in Armenia (EUMA)"]
    assert row["Armenia's government, as the article reports it"] == (
        "The article does not report Armenia's government's position on this issue.")
    assert row["Armenia's government: the article's words (¶)"] == "—"
    assert row["Azerbaijan's government: the article's words (¶)"] == (
        "“Baku is also demanding the withdrawal of the EU Mission in Armenia.” (17) / "
        "“claims that Azerbaijan cannot trust the EU because it is supporting Armenia” (17)")


def test_after_article_table_lists_e11_and_e12_with_sides(data):
    table = after_article_table(data)
    assert list(table.index) == ["E11", "E12"]
    assert table.loc["E11", "date"] == "13 Mar 2025" and table.loc["E12", "date"] == "8 Aug 2025"
    assert table.loc["E11", "side"] == "AM; AZ" and table.loc["E12", "side"] == "AZ; OTHER"
    assert table.loc["E11", "issues it concerns"] == (
        "Armenia's constitution and the reference in its preamble to the Declaration of "
        "Independence; Concluding the peace agreement")
    assert table.loc["E12", "issues it concerns"] == (
        "The route between mainland Azerbaijan and Nakhchivan through southern Armenia; "
        "Concluding the peace agreement")
