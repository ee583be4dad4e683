"""Lesson minutes are the stated estimate (packtools.minutes), and the compressed two-session
plan of docs/instructor-guide.md fits its 90 minutes with time for set-up, discussion and a
buffer."""


import nbformat

from packtools import minutes, navigation
from readingpack.paths import PROJECT_ROOT

NOTEBOOKS = PROJECT_ROOT / "notebooks"
SOLUTIONS = PROJECT_ROOT / "solutions"
LESSONS = navigation.lesson_paths(NOTEBOOKS)


def _solutions():
    return SOLUTIONS if any(SOLUTIONS.glob("[0-9][0-9]_*.ipynb")) else None


def test_stored_minutes_equal_the_estimate():
    stale = minutes.stale(NOTEBOOKS, _solutions())
    assert stale == [], f"stale minutes in {[p.name for p in stale]}: run python -m packtools.minutes"


def _stored_rows():
    notebooks = [nbformat.read(p, as_version=4) for p in LESSONS]
    return {p.name[:2]: (navigation.short_title(nb), *navigation.minutes(nb))
            for p, nb in zip(LESSONS, notebooks, strict=True)}


def _estimated_rows():
    return {p.name[:2]: (title, *minutes.estimate(p))
            for p, (title, *_) in zip(LESSONS, _stored_rows().values(), strict=True)}


