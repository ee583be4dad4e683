"""The batch marker's reports (packtools.grade_report), on small synthetic results."""

import math

import pandas as pd
import pytest
from markupsafe import escape
from matplotlib.image import imread

from packtools.grade_report import (
    check_message,
    class_overview,
    feedback_page,
    page_names,
    write_feedback_pages,
    write_overview,
)
from readingpack.exercises.tasks import task_spec

NAN = math.nan
SLASHED = "Zoë / Ruíz"
WRONG_COUNT = "Count rows, not paragraph numbers <i>: 14 & up \"quoted\". Then try again."
NEW_DATA = "Found 'x' & y.\nHint: look at <kind>."


def _row(student, lesson, task, kind, status, points, max_points, feedback):
    return {"student": student, "lesson": lesson, "task": task, "kind": kind, "status": status,
            "points": points, "max_points": max_points, "feedback": feedback}


@pytest.fixture
def tasks():
    rows = []
    for student in ("Ana", SLASHED, "Zoe Ruiz", "Ben"):
        rows.append(_row(student, 1, "1.1", "code", "correct", 1.0, 1, "Well done."))
        rows.append(_row(student, 1, "1.6", "written", "not machine-marked", NAN, 12,
                         "Length: 50 words.\nExact: 1 quotation found word for word in the article."))
    rows[0]["status"], rows[0]["points"] = "incorrect", 0.0
    rows[0]["feedback"] = WRONG_COUNT + "\nHint: use .sum()."
    rows[2]["status"], rows[2]["points"] = "incorrect", 0.0
    rows[2]["feedback"] = WRONG_COUNT + "\nHint: count rows & not numbers."
    rows[3]["status"], rows[3]["points"] = "marked", 8.0
    rows += [
        _row("Ana", 2, "2.1", "code", "correct", 2.0, 2, "Right: 12 claims."),
        _row(SLASHED, 2, "2.1", "code", "incorrect", 0.0, 2, NEW_DATA),
        _row("Zoe Ruiz", 2, "2.1", "code", "not answered yet", NAN, 2, "Write your answer first."),
        _row("Ana", 2, "2.2", "classification", "could not check", NAN, 2, "The answer is not a dict."),
        _row(SLASHED, 2, "2.2", "classification", "incorrect", 0.0, 2, "Two types are swapped."),
        _row("Zoe Ruiz", 2, "2.2", "classification", "incorrect", 0.0, 2,
             "Two types are swapped. Look again."),
    ]
    return pd.DataFrame(rows)


@pytest.fixture
def written():
    answers = {"Ana": "The author argues that <b>talks</b> stall & “stop”.", SLASHED: "She says \"x\" & 'y'."}
    marks = {"Ana": [3, 2, NAN, NAN], SLASHED: [2, 1, 2, 3]}
    rows = []
    for student, levels in marks.items():
        for criterion, mark in zip(("quotation", "attribution", "evidence", "task"), levels, strict=True):
            rows.append({"student": student, "lesson": 1, "task": "1.6", "criterion": criterion,
                         "answer": answers[student], "quotation_check": "NOT FOUND in the article: “a < b”.",
                         "mark": mark, "comment": "Good use of <quotes> & ids." if student == "Ana" else ""})
    return pd.DataFrame(rows)


def test_student_page(tasks, written):
    page = feedback_page("Ana", tasks, written)
    assert '<html lang="en">' in page and "http" not in page.replace('"http-equiv', "")
    assert "solutions/" not in page and "solution" not in page.lower()
    # Totals: lesson 1 has 0 of 13, lesson 2 2 of 4, all 2 of 17; one written answer waits.
    assert "<td>0</td><td>13</td><td>1</td>" in page
    assert "<td>2</td><td>4</td><td>0</td>" in page
    assert "<td>2</td><td>17</td><td>1</td>" in page
    # Statuses in words with a text mark; the title from data/tasks.csv.
    assert "✗ Not correct yet" in page and "✓ Correct" in page and "! Could not be checked" in page
    assert str(escape(task_spec("2.1").title)) in page
    # Feedback escaped, line breaks kept.
    assert "&lt;i&gt;: 14 &amp; up &quot;quoted&quot;" in page and "<br>\nHint: use .sum()." in page
    assert "<b>talks</b>" not in page and "&lt;b&gt;talks&lt;/b&gt; stall &amp; “stop”" in page
    # Partial marks with their descriptors, the rest not marked yet, and the comment.
    assert "3 of 3" in page and "Every quotation is word for word as the text prints it" in page
    assert "2 of 3" in page and "Attribution is clear except for one lapse" in page
    assert page.count("not marked yet") == 2
    assert "Good use of &lt;quotes&gt; &amp; ids." in page
    assert '<th scope="col">' in page and page.index("<h1>") < page.index("<h2>") < page.index("<h3")


def test_student_without_lesson_rows_and_empty_written(tasks, written):
    page = feedback_page("Ben", tasks, written)
    assert "Lesson 1" in page and "Lesson 2" not in page and "– / 12" in page
    empty = written.iloc[0:0]
    page = feedback_page("Ana", tasks, empty)
    assert "Length: 50 words.<br>" in page  # no written rows: the findings stay in the table
    assert "waiting for your teacher's marks: 0." in page  # no answer written: nothing waits


def test_honest_statuses_and_the_save_time(tasks, written):
    extra = pd.DataFrame([
        {**_row("Ana", 3, "3.1", "classification", "not handed in", 0.0, 1,
                "Not handed in: no notebook for lesson 3."), "saved": ""},
        {**_row("Ana", 4, "4.1", "code", "could not be read", 0.0, 1,
                "Your notebook for lesson 4 could not be read (damaged file)."), "saved": "unknown"},
    ])
    frame = pd.concat([tasks.assign(saved="09:15 on 02 Dec 2026"), extra], ignore_index=True)
    page = feedback_page("Ana", frame, written)
    assert "– Not handed in" in page and "Could not be read (damaged file)" in page
    assert "last saved at 09:15 on 02 Dec 2026" in page and "last saved: unknown" in page


def test_pages_and_index(tmp_path, tasks, written):
    pages = write_feedback_pages(tmp_path, tasks, written)
    names = sorted(p.name for p in pages)
    assert names == ["ana.html", "ben.html", "zoe-ruiz-2.html", "zoe-ruiz.html"]
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for name in names:
        assert f'href="{name}"' in index
    assert "Zoë / Ruíz" in index
    assert page_names(["Index", "a/b", "a b"]) == {"Index": "index-2.html", "a b": "a-b.html",
                                                   "a/b": "a-b-2.html"}


def test_overview_counts_and_wrong_answers(tasks, written):
    overview = class_overview(tasks, written)
    statuses = overview["statuses"]
    assert list(statuses.index) == ["1.1", "1.6", "2.1", "2.2"]
    assert statuses.loc["1.1", "correct"] == 2 and statuses.loc["1.1", "incorrect"] == 2
    assert statuses.loc["1.6", "marked"] == 1 and statuses.loc["1.6", "not machine-marked"] == 3
    assert statuses.loc["2.2", "could not check"] == 1 and statuses.loc["2.1", "not answered yet"] == 1
    wrong = overview["wrong_answers"]
    top = wrong[wrong["task"] == "2.2"].iloc[0]
    assert (top["message"], top["count"]) == ("Two types are swapped.", 2)
    assert wrong[wrong["task"] == "1.1"].iloc[0]["count"] == 2
    assert check_message(NEW_DATA) == "Found 'x' & y."
    assert check_message("✗ Task 2.1: incorrect. Too many. Hint: no.") == "Too many."
    marks = overview["written_marks"]
    assert marks.loc["quotation", 3] == 1 and marks.loc["attribution", 1] == 1
    assert int(marks.to_numpy().sum()) == 6


def test_overview_page_and_charts(tmp_path, tasks, written):
    path = write_overview(tmp_path, tasks, written)
    page = path.read_text(encoding="utf-8")
    for png in ("overview_tasks.png", "overview_written.png"):
        assert f'src="{png}"' in page
        image = imread(tmp_path / png)
        assert image.shape[0] > 100 and image.shape[1] > 100
    assert page.count("What this chart shows:") == 2
    assert "Count rows, not paragraph numbers &lt;i&gt;: 14 &amp; up &#34;quoted&#34;." in page  # escaped
    assert "Hint:" not in page and "http" not in page


def test_overview_without_written_marks(tmp_path, tasks, written):
    page = write_overview(tmp_path, tasks, written.iloc[0:0]).read_text(encoding="utf-8")
    assert "No written answers have been marked yet." in page
    assert not (tmp_path / "overview_written.png").exists()
    write_feedback_pages(tmp_path / "pages", tasks, written.iloc[0:0])


def test_the_pages_are_rendered_by_templates_not_built_from_strings():
    import re
    from pathlib import Path

    from packtools import grade_report

    source = Path(grade_report.__file__).read_text(encoding="utf-8")
    assert not re.search(r"""f["']<""", source), "an HTML tag built in an f-string"
