"""Lesson minutes are the stated estimate (packtools.minutes), and the compressed two-session
plan of docs/instructor-guide.md fits its 90 minutes with time for set-up, discussion and a
buffer.

Here: the tests that state this article's facts (the minutes stored in its lessons);
tests/test_minutes.py holds those that hold for any article."""



from packtools import minutes
from readingpack.paths import PROJECT_ROOT

NOTEBOOKS = PROJECT_ROOT / "notebooks"
SOLUTIONS = PROJECT_ROOT / "solutions"


def _solutions():
    return SOLUTIONS if any(SOLUTIONS.glob("[0-9][0-9]_*.ipynb")) else None


def test_stored_minutes_equal_the_estimate():
    stale = minutes.stale(NOTEBOOKS, _solutions())
    assert stale == [], f"stale minutes in {[p.name for p in stale]}: run python -m packtools.minutes"


