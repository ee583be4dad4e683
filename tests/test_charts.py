"""The lessons' charts (readingpack.charts) draw from the evidence layer's tables."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from readingpack import charts
from readingpack.evidence import background, claims
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
    people = figures[(figures["paragraph"] == 12) & (figures["unit"] == "people")
                     & (figures["figure_id"] != "F032")]
    others = figures[figures["figure_id"].isin(["F015", "F043"])]
    charts.bounds_chart(people, others)
    top, bottom = plt.gcf().axes
    assert top.get_title() == "Paragraph 12: counts of people, as the article words them"
    assert bottom.get_xlabel() == "km² (F015) or exercises (F043)"
    plt.close("all")
