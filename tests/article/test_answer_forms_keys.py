"""The answers the trials typed that the checks once rejected, each in the form a student gives it:
pandas' own arrays from the ledger's nullable columns, quotation marks around a typed label, a
number at the asked precision either side of the key.

Here: the tests that state this article's facts (the answer key of task 3.2);
tests/test_answer_forms.py holds those that hold for any article."""


from readingpack.exercises import CORRECT, INCORRECT, check_value


def test_the_share_is_right_either_side_of_the_key_at_one_decimal():
    assert check_value("3.2", 0.67).status == CORRECT
    assert check_value("3.2", 0.77).status == INCORRECT
