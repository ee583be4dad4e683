"""The positions widget of lesson 6 and its tables, against the committed ledger."""

import re

import nbformat
import pytest

from packtools.prose_style import ATTRIBUTION, QUOTED, loaded_term_problems
from readingpack.evidence import sources
from readingpack.evidence.positions import (
    AFTER_TITLE,
    AUTHORS_TITLE,
    THROUGH_THE_AUTHOR,
    PositionsData,
    after_article_table,
    positions_table,
)
from readingpack.ledger import load_ledger
from readingpack.paths import data_dir
from readingpack.ui import escape
from readingpack.widgets.positions import PositionComparison

ROOT = data_dir().parent
ARMENIA_COLUMN = "Armenia's government's position, as the article reports it"
AZERBAIJAN_COLUMN = "Azerbaijan's government's position, as the article reports it"
# The side code of each government's own statements (data/reference/sides.csv).
SIDE_CODE = {"armenia": "AM", "azerbaijan": "AZ"}
# The governments' own statements that FACTS.md holds on the issues of lesson 6.
OWN_STATEMENTS = {
    "azerbaijan": {"K8b", "M15", "M16", "M17", "M11", "S6", "S7", "L4", "L5", "L7", "L8", "L9", "L15", "K6b"},
    "armenia": {"K8c", "K9b", "M12", "K9c", "L5", "K6a"},
}
# Sentences that are the author's own reading, prediction or characterisation: never in a
# government's column.
AUTHOR_ONLY = [
    "Since January 2024, Aliyev has expressed territorial claims to Armenia",
    "Baku has introduced an irredentist claim",
    "It is also unclear whether Baku intends to withdraw",
    "Azerbaijan uses it to sabotage the peace agreement",
    "Baku may be interested in its negative outcome",
    "Azerbaijan imposed a nine-month blockade",
    "pursues expansionist objectives and may invade Armenia",
    "Azerbaijan doesn’t seem to be interested in a peace agreement",
    "actions making their return untenable",
    "reminiscent of the Army of Republika Srpska",
]
# Terms of the guide's style sheet that prose_style.LOADED_TERMS does not list.
MORE_LOADED = re.compile(r"\b(?:territorial claims?|settlers?)\b", re.IGNORECASE)
FACT_ID = re.compile(r"\b[A-Z][0-9]{1,2}[a-z]?\b")


@pytest.fixture(scope="module")
def data():
    return PositionsData()


@pytest.fixture
def widget(data):
    return PositionComparison()


def government_table(html: str) -> str:
    """The part of the columns' HTML that is the two governments' columns."""
    start = html.index('<table class="rp-positions-table"')
    return html[start:html.index("</table>", start)]


# ---- the same words for both governments ------------------------------------------------------


def test_both_government_columns_use_one_wording():
    assert list(PositionsData().governments.values()) == [ARMENIA_COLUMN, AZERBAIJAN_COLUMN]
    for heads in (PositionsData().governments, PositionsData().own_heads):
        armenia, azerbaijan = heads["armenia"], heads["azerbaijan"]
        assert armenia.replace("Armenia's", "Azerbaijan's") == azerbaijan
        assert "wants" not in armenia + azerbaijan


def test_the_widget_and_the_table_use_one_wording_for_both(widget, data):
    for _label, issue in widget.issue.options:
        widget.issue.value = issue
        heads = re.findall(r"<th[^>]*>([^<]*)</th>", government_table(widget.columns.value))
        assert heads == [ARMENIA_COLUMN, AZERBAIJAN_COLUMN]
        assert "wants" not in widget.columns.value
    columns = list(positions_table(data).columns)
    armenia = [c for c in columns if c.startswith("Armenia's")]
    azerbaijan = [c for c in columns if c.startswith("Azerbaijan's")]
    assert ARMENIA_COLUMN in armenia and len(armenia) == 3
    assert [c.replace("Armenia's", "Azerbaijan's", 1) for c in armenia] == azerbaijan
    assert not any("wants" in c for c in columns)


def test_the_lesson_6_prose_uses_one_wording():
    for path in ("notebooks/06_positions.ipynb", "solutions/06_positions.ipynb"):
        notebook = nbformat.read(ROOT / path, as_version=4)
        prose = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
        assert "wants" not in prose, path
        assert "[sic]" not in prose.replace("“counties” [sic]", ""), path


# ---- the author's reading is never in a government's column --------------------------------


def test_each_kind_of_row_fills_its_own_columns(data):
    for _, row in data.positions.iterrows():
        has = {c: isinstance(row[c], str) for c in ("quote", "label", "authors_words", "own_statement")}
        if row["kind"] == "reported":
            assert has["quote"] and not has["authors_words"], row["position_id"]
            assert row["reported_position"].startswith("The article reports")
        elif row["kind"] == "authors_reading":
            assert has["authors_words"] and not has["quote"] and not has["label"], row["position_id"]
            assert "the author's" in row["reported_position"], row["position_id"]
        else:
            assert not (has["quote"] or has["authors_words"] or has["own_statement"]), row["position_id"]
            assert row["reported_position"] == (
                f"The article does not report {PositionsData().names[row['government']]}'s position on "
                "this issue.")


def test_the_authors_words_never_overlap_a_reported_quote(data):
    article = load_ledger().article
    spans = []
    for _, row in data.positions[data.positions["kind"] == "reported"].iterrows():
        start = article.paragraph(row["paragraph"]).index(row["quote"])
        spans.append((row["paragraph"], start, start + len(row["quote"])))
    for _, row in data.positions[data.positions["kind"] == "authors_reading"].iterrows():
        number = row["authors_paragraph"]
        start = article.paragraph(number).index(row["authors_words"])
        end = start + len(row["authors_words"])
        for paragraph, low, high in spans:
            assert paragraph != number or end <= low or start >= high, row["position_id"]


@pytest.mark.parametrize("words", AUTHOR_ONLY)
def test_an_author_only_sentence_is_a_reading_not_a_position(data, widget, words):
    readings = data.positions[data.positions["kind"] == "authors_reading"]
    assert any(words in w for w in readings["authors_words"]), words
    reported = data.positions[data.positions["kind"] == "reported"]
    assert not any(words in q or q in words for q in reported["quote"]), words
    table = positions_table(data)
    for government in PositionsData().names.values():
        column = table[f"{government}'s position: the article's words (¶)"]
        assert not column.str.contains(words, regex=False).any(), words
    row = readings[readings["authors_words"].str.contains(words, regex=False)].iloc[0]
    widget.issue.value = row["issue_id"]
    assert words not in government_table(widget.columns.value)
    readings_html = widget.columns.value.split(f"<h4>{AUTHORS_TITLE}</h4>")[1]
    assert words in readings_html.split('<div class="rp-positions-own-box">')[0]


def test_a_denied_reading_gives_the_governments_own_statement(data, widget):
    widget.issue.value = "territorial_claims"
    html = widget.columns.value
    assert ("Azerbaijan's government's own statement (reference fact K8b; its source and side are "
            "in the table below): “we don't have any territorial claims ...") in html
    widget.issue.value = "lachin_road"
    html = widget.columns.value
    assert "“there was no so-called blockade but deliberate self-blockade”" in html
    assert "On this issue the article reports the position of neither government." in html
    denied = data.positions[data.positions["own_statement"].notna()]
    assert {"P18", "P19", "P45"} <= set(denied["position_id"])


# ---- every reference id cited exists, and its words are quoted exactly -----------------------


def test_every_reference_id_cited_exists_and_its_words_are_exact(data):
    facts = data.facts
    for text in data.positions["reported_position"]:
        for fact_id in FACT_ID.findall(text):
            assert fact_id in facts.index, (fact_id, text)
    own = data.issue_facts[data.issue_facts["use"] == "own_statement"]
    assert len(own) > 0
    for _, link in own.iterrows():
        assert link["quote"] in facts.loc[link["fact_id"], "value"], link["fact_id"]
    for _, row in data.positions[data.positions["own_statement"].notna()].iterrows():
        found = data.statements(row["issue_id"], row["government"])
        assert row["own_statement"] in set(found["fact_id"]), row["position_id"]


def test_an_own_statement_is_stated_by_that_government(data):
    publishers = sources.fact_publishers(load_ledger())
    stated = publishers[publishers["role"] == "stated"]
    own = data.issue_facts[data.issue_facts["use"] == "own_statement"]
    for _, link in own.iterrows():
        sides = set(stated.loc[stated["fact_id"] == link["fact_id"], "side"])
        assert SIDE_CODE[link["government"]] in sides, (link["fact_id"], link["government"])


def test_both_governments_own_statements_are_all_there(data):
    own = data.issue_facts[data.issue_facts["use"] == "own_statement"]
    for government, expected in OWN_STATEMENTS.items():
        assert set(own.loc[own["government"] == government, "fact_id"]) == expected, government


def test_the_own_statements_name_their_source_and_side(widget):
    widget.issue.value = "icj_case"
    html = widget.columns.value
    own = html[html.index('<table class="rp-positions-own-table"'):]
    assert "“The Court unanimously reaffirmed its 22 February 2023 Order”" in own
    assert "“the Court unanimously rejected Armenia's request ... for modification”" in own
    assert ("AM: Armenia's government, officials, state bodies or state media (a party to "
            "the conflict)") in own
    assert ("Side: AZ: Azerbaijan's government, officials, state bodies or state media (a party to "
            "the conflict).") in own
    assert "source: MFA of Azerbaijan, press release (22 Feb 2023)" in own
    widget.issue.value = "eu_mission"
    assert ("The pack's reference list holds no statement of Armenia's government on this issue."
            in widget.columns.value)


# ---- neutral issue labels --------------------------------------------------------------------


def test_issue_labels_carry_no_loaded_term_outside_an_attribution(data):
    for label in data.issues["issue"]:
        assert loaded_term_problems(label) == [], label
        unquoted = QUOTED.sub("", label)
        if MORE_LOADED.search(unquoted):
            assert ATTRIBUTION.search(unquoted), label
    assert "which the article calls territorial claims" in data.label("territorial_claims")


def test_the_packs_paraphrases_follow_the_style_sheet(data):
    for text in data.positions["reported_position"]:
        assert loaded_term_problems(text) == [], text
        assert not re.search(r"\bsettlers?\b", QUOTED.sub("", text)), text


# ---- the widget ------------------------------------------------------------------------------


def test_initial_state_shows_the_rows_of_the_first_issue(widget, data):
    assert widget.issue.value == widget.issue.options[0][1]
    for government in PositionsData().names:
        for quote in data.positions_of(widget.issue.value, government)["quote"].dropna():
            assert escape(quote) in government_table(widget.columns.value)
    assert AFTER_TITLE in widget.after.value


def test_rendering_of_the_first_issue(widget, snapshot):
    assert {"columns": widget.columns.value, "after": widget.after.value} == snapshot


def test_both_columns_are_labelled_as_the_authors_account(widget):
    for _label, issue in widget.issue.options:
        widget.issue.value = issue
        assert THROUGH_THE_AUTHOR in widget.columns.value
        assert AUTHORS_TITLE in widget.columns.value
        assert PositionsData().after_caveat in widget.after.value


def test_armenia_constitution_shows_e11_after_the_article(widget, data):
    widget.issue.value = "armenia_constitution"
    columns = government_table(widget.columns.value)
    assert ("“Baku also demands Armenia to change its constitution as a key pre-condition for the "
            "peace agreement.” <small>(paragraph 15)</small>") in columns
    assert "Armenia’s Constitutional Court has ruled that the Preamble" in columns
    assert "which is planned in 2027" not in columns
    assert "which is planned in 2027" in widget.columns.value
    after = widget.after.value
    assert 'aria-label="After the article was published"' in after
    assert "13 Mar 2025 (reference fact E11): Peace treaty text agreed (after the article)" in after
    assert ("Note from the source list: Azerbaijan said signing required a change to Armenia's "
            "constitution and the dissolution of the OSCE Minsk Group.") in after
    assert f"Side: {data.fact_side_words('E11')}." in after
    assert "AM: Armenia's government" in after and "AZ: Azerbaijan's government" in after
    assert "https://www.azernews.az/karabakh/239032.html" in after
    assert "E12" not in after


def test_southern_route_shows_both_labels_and_e12(widget, data):
    widget.issue.value = "southern_route"
    columns = widget.columns.value
    assert "Label the article quotes: “Zangezour corridor”" in columns
    assert "Label the article quotes: “Crossroads of Peace”" in columns
    after = widget.after.value
    assert "8 Aug 2025 (reference fact E12): Washington summit (after the article)" in after
    assert 'the "Trump Route for International Peace and Prosperity" (TRIPP), was announced' in after
    assert f"Side: {data.fact_side_words('E12')}." in after


def test_later_facts_are_only_e11_and_e12_and_labelled_so(data):
    later = data.facts[data.facts["after_article"].fillna(False)]
    assert list(later.index) == ["E11", "E12"]
    assert all("(after the article)" in label for label in later["fact"])
    linked = {f for i in data.issues["issue_id"] for f in data.after_facts(i)}
    assert linked == {"E11", "E12"}


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


# ---- the tables ------------------------------------------------------------------------------


def test_positions_table_covers_every_issue(data):
    table = positions_table(data)
    assert len(table) == 16
    sides = table["sides the article reports"].value_counts().to_dict()
    assert sides == {"both": 8, "only Azerbaijan's government": 6, "only Armenia's government": 1,
                     "neither": 1}
    row = table.loc["The EU Mission in Armenia (EUMA)"]
    assert row[ARMENIA_COLUMN] == (
        "The article does not report Armenia's government's position on this issue.")
    assert row["Armenia's government's position: the article's words (¶)"] == "—"
    assert row["Azerbaijan's government's position: the article's words (¶)"] == (
        "“Baku is also demanding the withdrawal of the EU Mission in Armenia.” (17) / "
        "“claims that Azerbaijan cannot trust the EU because it is supporting Armenia” (17)")
    claims = table.loc[data.label("territorial_claims")]
    assert "about Azerbaijan's government: “Since January 2024" in claims[AUTHORS_TITLE]
    assert "(K8b)" in claims["Azerbaijan's government's own statements in the reference list"]
    assert "(K8c)" in claims["Armenia's government's own statements in the reference list"]


def test_after_article_table_lists_e11_and_e12_with_sides(data):
    table = after_article_table(data)
    assert list(table.index) == ["E11", "E12"]
    assert table.loc["E11", "date"] == "13 Mar 2025" and table.loc["E12", "date"] == "8 Aug 2025"
    assert table.loc["E11", "side"] == data.fact_side("E11")
    assert table.loc["E11", "side"].startswith("AM; AZ")
    assert table.loc["E12", "side"] == data.fact_side("E12")
    assert "after the article was published" in table.columns[1]
    for fact_id in ("E11", "E12"):
        assert table.loc[fact_id, "issues it concerns"] == "; ".join(
            data.label(i) for i in data.issues_of_fact(fact_id))
    assert data.issues_of_fact("E11") == ["armenia_constitution", "peace_agreement"]
    assert data.issues_of_fact("E12") == ["southern_route", "peace_agreement"]


# ---- the evidence layer and the constructor ----------------------------


def test_the_evidence_gives_the_rows_the_widget_shows(data):
    assert data.names == {"armenia": "Armenia's government", "azerbaijan": "Azerbaijan's government"}
    assert data.sides_text("eu_mission") == "only Azerbaijan's government"
    assert data.sides_text("lachin_road") == "neither" and data.sides_text("icj_case") == "both"
    assert list(data.positions_of("eu_mission", "azerbaijan")["paragraph"]) == [17, 17]
    assert "22 November 2024" in data.after_caveat
    record = data.fact_record("E11")
    assert (record["date"], record["side"]) == ("13 Mar 2025", data.fact_side_words("E11"))
    assert "https://www.azernews.az/karabakh/239032.html" in record["links"]


def test_the_widget_takes_a_positions_data(data):
    # a workbook copied before the change passes a PositionsData
    assert PositionComparison(data).data is data


def test_the_widget_takes_the_ledger_like_every_widget():
    ledger = load_ledger()
    widget = PositionComparison(ledger)
    assert widget.data.ledger is ledger
    assert widget.columns.value == PositionComparison().columns.value

