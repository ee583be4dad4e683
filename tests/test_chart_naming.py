"""Task 2.7's chart must say what it shows: a title 'x' and labels 'y' and 'z' once passed."""

import matplotlib
import pandas as pd
import pytest

from readingpack.exercises import CORRECT, INCORRECT, check_value

matplotlib.use("Agg")
import matplotlib.pyplot as plt


def chart(claims, title: str, x: str, y: str):
    fig, ax = plt.subplots()
    pd.crosstab(claims["paragraph"], claims["claim_type"]).plot.bar(stacked=True, ax=ax)
    ax.set_title(title)
    ax.set_xlabel(x)
    ax.set_ylabel(y)
    return fig


@pytest.mark.parametrize(("title", "x", "y", "expected"), [
    ("Claims in each paragraph, by claim type", "Paragraph number", "Number of claims", CORRECT),
    ("How many claims of each type, per paragraph", "¶", "Count", CORRECT),
    ("x", "Paragraph", "Number of claims", INCORRECT),
    ("Claims by paragraph", "y", "Number of claims", INCORRECT),
    ("Claims by paragraph", "Paragraph", "z", INCORRECT),
])
def test_2_7_title_and_axis_labels_name_what_they_show(ledger, title, x, y, expected):
    feedback = check_value("2.7", chart(ledger.claims, title, x, y))
    plt.close("all")
    assert feedback.status == expected, feedback.message
    if expected == INCORRECT:
        assert "does not say what it shows" in feedback.message and "The data are right." in feedback.message
