"""The lessons' charts (readingpack.charts) draw from the evidence layer's tables."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from readingpack import charts
from readingpack.evidence import background, claims
from readingpack.evidence.settings import labels
from readingpack.ledger import load_ledger


def test_each_chart_draws_its_bars_and_labels():
    ledger = load_ledger()
    structure = background.structure_table(ledger.paragraphs, ledger.outline)
    charts.paragraph_lengths_chart(structure)
    ax = plt.gcf().axes[0]
    assert len(ax.patches) == len(structure)
    assert ax.get_legend().get_title().get_text() == "Part of the article"
    by_paragraph = claims.types_by_paragraph(ledger.claims)
    charts.claim_types_chart(by_paragraph)
    assert len(plt.gcf().axes[0].patches) == by_paragraph.size
    figures = ledger.figures
    people = figures[figures["unit"] == "people"]
    paragraph = people["paragraph"].mode().min()  # the paragraph with the most counts of people
    people = people[people["paragraph"] == paragraph]
    others = figures[(figures["qualifier"] == "at_least") & (figures["unit"] != "people")]
    charts.bounds_chart(people, others)
    top, bottom = plt.gcf().axes
    if people.empty:  # an article without counts of people: the panel says so and draws nothing
        assert top.get_title() == "The article's counts of people"
        assert [t.get_text() for t in top.texts] == [
            "The article gives no counts of people: there is nothing to draw here."]
        assert not top.lines and not top.patches
    else:
        assert top.get_title() == f"Paragraph {paragraph}: counts of people, as the article words them"
    units = labels("unit", ledger)
    pairs = zip(others["figure_id"], others["unit"], strict=True)
    assert bottom.get_xlabel() == " or ".join(f"{units.get(u, u)} ({f})" for f, u in pairs)
    assert people.empty or top.get_xlim()[1] >= people[["value_low", "value_best"]].max().max()
    assert bottom.get_xlim()[1] >= others["value_low"].max()
    plt.close("all")
