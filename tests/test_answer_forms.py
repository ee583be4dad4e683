"""The answers the trials typed that the checks once rejected, each in the form a student gives it:
pandas' own arrays from the ledger's nullable columns, quotation marks around a typed label, a
number at the asked precision either side of the key."""

import pandas as pd

from readingpack.exercises import CORRECT, INCORRECT, check_value
from readingpack.exercises.feedback import as_items, plain
from readingpack.ledger import load_ledger

CLAIMS = load_ledger().claims


def test_unique_values_and_array_of_a_nullable_column_are_lists():
    paragraphs = CLAIMS.loc[CLAIMS.claim_type == "prediction", "paragraph"]
    assert type(paragraphs.unique()).__name__ == "IntegerArray"
    for answer in (paragraphs.unique(), paragraphs.values, paragraphs.array, pd.Index(paragraphs.unique()),
                   pd.Categorical(paragraphs.unique())):
        assert check_value("2.5", answer).status == CORRECT, type(answer)


def test_figure_ids_as_a_string_array():
    figures = load_ledger().figures
    ids = figures.loc[figures["kind"] == "deaths", "figure_id"]
    for answer in (ids.unique(), ids.values, ids.array, pd.Index(ids.array)):
        feedback = check_value("3.3", answer)
        assert feedback.status == CORRECT, (type(answer), feedback)


def test_a_function_returning_index_values_of_value_counts():
    def top_paragraphs(claim_type):
        counts = CLAIMS.loc[CLAIMS["claim_type"] == claim_type, "paragraph"].value_counts()
        return counts[counts == counts.max()].index.values

    assert type(top_paragraphs("prediction")).__name__ == "IntegerArray"
    assert check_value("2.8", top_paragraphs).status == CORRECT


def test_a_label_in_the_quotation_marks_of_the_prompt():
    for typed in ("“consistent”", '"consistent"', "'consistent'", "‘consistent’", " consistent "):
        assert check_value("8.3", typed).status == CORRECT, typed
    assert check_value("8.3", "“differs”").status == INCORRECT


def test_boolean_and_categorical_arrays_are_plain_values():
    assert plain(pd.array([True], dtype="boolean")) is True
    assert as_items(pd.array([True, False], dtype="boolean")) == [True, False]
    assert as_items(pd.Categorical(["a", "b"])) == ["a", "b"]


