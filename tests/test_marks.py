"""No mark lost: written.csv round trips through a spreadsheet (UTF-8, UTF-8 with BOM, cp1252,
curly quotes changed), numeric student ids, a typed 3.0 or a bad 4, a changed answer; LMS names;
formula-safe CSVs; hostile runner results; a data correction that invalidates the cache. All
without running a notebook."""

import csv
import json
import shutil

import nbformat
import pandas as pd
import pytest

from packtools import answer_data, grading
from readingpack.exercises.answers import is_answer_cell
from readingpack.paths import PROJECT_ROOT

EXERCISE = PROJECT_ROOT / "exercises" / "02_claims.ipynb"
ANSWER = ("The author calls the talks a “façade” and says Baku’s “real aim” differs; according to her, "
          "the process is obstructed. = a line that starts like a formula")


def hand_in(folder, student: str, answer: str | None = ANSWER):
    notebook = nbformat.read(EXERCISE, as_version=4)
    if answer is not None:
        for cell in notebook.cells:
            if is_answer_cell(cell, "2.6"):
                cell.source = answer
    (folder / student).mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, folder / student / "02_claims.ipynb")


def tables(folder, previous=None):
    collection = grading.collect(folder, [2])
    names = {s.student: s.name for s in collection.submissions}
    students = sorted(names)
    frame = grading.task_rows(collection, {}, [2], students, names)
    written, unmerged = grading.written_rows(collection, frame, previous)
    return frame, written, unmerged + grading.check_marks(written)


@pytest.fixture
def marked_csv(tmp_path):
    submissions = tmp_path / "submissions"
    for student in ("00123", "12345"):
        hand_in(submissions, student)
    hand_in(submissions, "blank", None)
    _, written, _ = tables(submissions)
    written.loc[written["student"] == "00123", ["mark_quotation", "mark_attribution", "mark_evidence",
                                                "mark_task"]] = ["3", "2", "2", "1"]
    written.loc[written["student"] == "00123", "comment"] = "Good quotations – but say who “calls” it."
    path = tmp_path / "written.csv"
    grading.write_csv(written, path)
    return submissions, path


def test_written_csv_has_one_row_per_answer_a_bom_and_no_row_for_a_blank(marked_csv):
    _, path = marked_csv
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    assert sorted(r["student"] for r in rows) == ["00123", "12345"]  # ids stay text; blank: no row
    assert {"mark_quotation", "mark_attribution", "mark_evidence", "mark_task", "comment"} <= set(rows[0])
    assert all(r["answer"].startswith("The author") for r in rows)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_marks_survive_a_spreadsheet_round_trip(marked_csv, encoding):
    submissions, path = marked_csv
    frame = grading.read_csv_text(path)
    # a spreadsheet saves the curly quotes straight and the line ends as CRLF
    frame["answer"] = frame["answer"].str.replace("“", '"').str.replace("”", '"').str.replace("’", "'")
    text = frame.to_csv(index=False, lineterminator="\r\n")
    if encoding == "cp1252":
        text = text.replace("–", "-")
    path.write_bytes(text.encode(encoding))
    task_frame, written, problems = tables(submissions, grading.read_csv_text(path))
    row = written[written["student"] == "00123"].iloc[0]
    marks = [row[f"mark_{c}"] for c in ("quotation", "attribution", "evidence", "task")]
    assert marks == ["3", "2", "2", "1"]
    assert row["comment"].startswith("Good quotations") and not row["answer_changed"]
    assert not problems
    merged = grading.merge_marks(task_frame, written)
    assert merged.query("student == '00123' and task == '2.6'")["points"].item() == 8


def test_a_changed_answer_keeps_its_marks_and_is_flagged(marked_csv):
    submissions, path = marked_csv
    hand_in(submissions, "00123", ANSWER + " A new sentence.")
    _, written, _ = tables(submissions, grading.read_csv_text(path))
    row = written[written["student"] == "00123"].iloc[0]
    assert row["mark_quotation"] == "3" and row["comment"].startswith("Good")
    assert row["answer_changed"].startswith("yes")


def test_bad_and_float_marks_and_unknown_students_are_listed_and_the_rest_merged(marked_csv):
    submissions, path = marked_csv
    frame = grading.read_csv_text(path)
    frame.loc[frame["student"] == "12345", ["mark_quotation", "mark_attribution", "mark_evidence",
                                            "mark_task"]] = ["3.0", "4", "2", "1"]
    frame.loc[len(frame)] = {**dict.fromkeys(frame.columns, ""), "student": "99999", "task": "2.6",
                             "mark_task": "2"}
    grading.write_csv(frame, path)
    task_frame, written, problems = tables(submissions, grading.read_csv_text(path))
    text = " | ".join(problems)
    assert "row 3" in text and "'4' is not 0, 1, 2 or 3" in text
    assert "'99999'" in text and "row 4" in text
    assert written[written["student"] == "99999"]["mark_task"].item() == "2"  # kept, never dropped
    merged = grading.merge_marks(task_frame, written)
    assert merged.query("student == '00123' and task == '2.6'")["status"].item() == "marked"
    assert merged.query("student == '12345' and task == '2.6'")["status"].item() != "marked"


def test_a_mark_in_a_criterion_the_task_does_not_use_is_reported_not_counted(marked_csv):
    submissions, path = marked_csv
    frame = grading.read_csv_text(path)
    assert "mark_reasoning" in frame.columns  # task 8.7 uses it; task 2.6 does not
    frame.loc[frame["student"] == "00123", "mark_reasoning"] = "3"
    grading.write_csv(frame, path)
    task_frame, written, problems = tables(submissions, grading.read_csv_text(path))
    assert any("task 2.6 is not marked on reasoning" in p and "row 2" in p for p in problems), problems
    merged = grading.merge_marks(task_frame, written)
    assert merged.query("student == '00123' and task == '2.6'")["points"].item() == 8


def test_lms_names_keep_ids_and_never_merge_two_students_of_the_same_name(tmp_path):
    moodle = tmp_path / "moodle"
    for folder in ("Ana Lopez_12345_assignsubmission_file_", "Ana Lopez_67890_assignsubmission_file_"):
        (moodle / folder).mkdir(parents=True)
        nbformat.write(nbformat.read(EXERCISE, as_version=4), moodle / folder / "02_claims.ipynb")
    collection = grading.collect(moodle, [2])
    assert sorted((s.student, s.name) for s in collection.submissions) == [("12345", "Ana Lopez"),
                                                                          ("67890", "Ana Lopez")]
    canvas = tmp_path / "canvas"
    canvas.mkdir()
    nbformat.write(nbformat.read(EXERCISE, as_version=4), canvas / "lopezana_00123_67890_02_claims.ipynb")
    (submission,) = grading.collect(canvas, [2]).submissions
    assert (submission.student, submission.name) == ("00123", "lopezana")


def read_rows(path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_csv_is_formula_safe_when_read_with_the_csv_module(tmp_path):
    table = pd.DataFrame({"student": ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "ok"],
                          "name": ["a"] * 7, "lesson_2": [1.0] * 7, "total": [1.0] * 7})
    for name, frame in {"summary": table, **grading.gradebooks(table, [2])}.items():
        grading.write_csv(frame, tmp_path / f"{name}.csv")
        with open(tmp_path / f"{name}.csv", encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    assert not cell.startswith(grading.DANGEROUS), (name, cell)
    gradebook = read_rows(tmp_path / "gradebook_canvas.csv")
    assert gradebook[0]["ID"] == "'=HYPERLINK(\"http://x\")" and "Lesson 2" in gradebook[0]
    moodle = read_rows(tmp_path / "gradebook_moodle.csv")
    assert moodle[-1]["Identifier"] == "Participant ok"


HOSTILE_RESULTS = {
    "int MARKS": 7,
    "list status": {"cells": [{"index": 1, "error": ["SyntaxError"], "timeout": False}]},
    "cells not a list": {"cells": {"index": 1}},
    "forged answers": {"cells": [], "answers": json.dumps({"answers": {"2.1": {"$": "eval", "code": "1"}},
                                                           "names": []})},
    "deep": "[" * 200_000 + "]" * 200_000,
}


@pytest.mark.parametrize("name", HOSTILE_RESULTS)
def test_a_crafted_result_is_reported_never_raised(name):
    value = HOSTILE_RESULTS[name]
    raw = value if isinstance(value, str) else json.dumps(value)
    try:
        outcome = grading.read_result(raw, {"cells": []}, ["2.1"])
    except answer_data.Malformed:
        return  # reported by mark_all as "the result could not be read"
    assert outcome.results["2.1"][0] in {"could not check", "not answered yet"}


def test_a_forged_export_can_only_be_the_students_own_answer():
    forged = json.dumps({"answers": {"2.1": 46, "2.6": "forged"}, "names": ["claims_by_others"]})
    outcome = grading.read_result(json.dumps({"cells": [], "answers": forged}), {"cells": []}, ["2.1"])
    from readingpack.exercises import check_value

    assert outcome.results["2.1"] == [check_value("2.1", 46).status, check_value("2.1", 46).message]


def test_a_data_correction_invalidates_the_cache(tmp_path):
    for folder in ("src", "data", "tools/packtools", "requirements"):
        shutil.copytree(PROJECT_ROOT / folder, tmp_path / folder)
    shutil.copy(PROJECT_ROOT / "pyproject.toml", tmp_path)
    before = grading.checks_version(True, tmp_path)
    judgements = tmp_path / "data" / "judgements.csv"
    judgements.write_text(judgements.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert grading.checks_version(True, tmp_path) != before
    assert grading.checks_version(False, tmp_path) != grading.checks_version(True, tmp_path)


def test_make_grade_refuses_without_the_sandbox_and_says_what_to_do(tmp_path, monkeypatch, capsys):
    def unavailable():
        raise grading.sandbox.SandboxUnavailable("bubblewrap (bwrap) is not installed")

    monkeypatch.setattr(grading.sandbox, "probe", unavailable)
    monkeypatch.setattr(grading, "grade", lambda *a, **k: pytest.fail("marked without the sandbox"))
    monkeypatch.delenv("UNSANDBOXED", raising=False)
    assert grading.main([str(tmp_path), "--out", str(tmp_path / "grades")]) == 3
    message = capsys.readouterr().err
    assert "Marking stopped: bubblewrap (bwrap) is not installed" in message
    assert "apt-get install bubblewrap" in message and "docker run" in message and "UNSANDBOXED=1" in message


def test_unsandboxed_marking_says_what_it_exposes(tmp_path, monkeypatch, capsys):
    seen = {}

    def fake_grade(*args, sandboxed=True, **kwargs):
        seen["sandboxed"] = sandboxed
        raise SystemExit(0)

    monkeypatch.setattr(grading, "grade", fake_grade)
    monkeypatch.setenv("UNSANDBOXED", "1")
    with pytest.raises(SystemExit):
        grading.main([str(tmp_path)])
    assert seen == {"sandboxed": False}
    err = capsys.readouterr().err
    assert "WITHOUT the sandbox" in err and "grades/written.csv" in err and "outlive" in err


def test_a_damaged_cache_entry_is_refused():
    good = grading.Outcome({"2.1": ["correct", "Yes."]}, ["a note"], None)
    assert grading.cached_outcome(json.dumps(good.as_json())) == good
    for bad in ({"results": {"2.1": ["correct"]}, "notes": [], "stopped_at": None, "damaged": False},
                {"results": {"2.1": [["correct"], "x"]}, "notes": [], "stopped_at": None, "damaged": False},
                {"results": {}, "notes": [7], "stopped_at": None, "damaged": False},
                {"results": {}, "notes": [], "stopped_at": "3", "damaged": False}):
        with pytest.raises(answer_data.Malformed):
            grading.cached_outcome(json.dumps(bad))
