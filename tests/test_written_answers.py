"""Written answers live in markdown answer cells of the saved notebook: any text survives, and
check() finds the file (READINGPACK_NOTEBOOK, the kernel's session path, the only candidate in
the working folder), names it with its save time, and says plainly what is wrong otherwise."""

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from readingpack.exercises import NOT_ANSWERED, NOT_MARKED, TASKS, check
from readingpack.exercises.answers import ANSWER_PROMPT, answer_cells, read_answer
from readingpack.exercises.feedback import word_range
from readingpack.exercises.progress import check_all, workbook_progress
from readingpack.exercises.tasks import task_frame
from readingpack.paths import PROJECT_ROOT

EXERCISES = PROJECT_ROOT / "exercises"
WRITTEN = sorted(t for t in TASKS if TASKS[t].kind == "written")
NASTY = ('He said "it\'s “fine”" — «vraiment» ‘quoted’ C:\\path\\to\\n and \\n\n'
         "a second line with 'single' quotes, a backslash \\ and an emoji-free end.\n\n  indented")


def notebook_of(task_id: str) -> Path:
    return next(EXERCISES.glob(f"0{task_id[0]}_*.ipynb"))


def write_answer(path: Path, task_id: str, text: str) -> None:
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if c.metadata.get("readingpack", {}).get("task") == task_id)
    cell.source = text
    nbformat.write(notebook, path)


@pytest.fixture
def copy(tmp_path, monkeypatch):
    monkeypatch.delenv("READINGPACK_NOTEBOOK", raising=False)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)

    def make(task_id: str) -> Path:
        target = tmp_path / notebook_of(task_id).name
        shutil.copy(notebook_of(task_id), target)
        return target
    return make


def test_every_written_task_has_exactly_one_answer_cell_holding_the_prompt():
    for task_id in WRITTEN:
        cells = answer_cells(json.loads(notebook_of(task_id).read_text(encoding="utf-8")))
        assert task_id in cells and cells[task_id] is None, task_id
        text = notebook_of(task_id).read_text(encoding="utf-8")
        assert text.count(f'"task": "{task_id}"') == 1
        assert ANSWER_PROMPT in text


@pytest.mark.parametrize("task_id", WRITTEN)
def test_any_text_in_an_answer_cell_is_read_back_exactly(task_id, copy, monkeypatch):
    path = copy(task_id)
    write_answer(path, task_id, NASTY)
    session = {"__session__": str(path)}  # as JupyterLab's kernel has it
    assert read_answer(task_id, session).text == NASTY.strip()
    feedback = check(task_id, session)
    assert feedback.status == NOT_MARKED
    assert f"I read your answer from {path.name} as last saved at" in feedback.message
    monkeypatch.setenv("READINGPACK_NOTEBOOK", str(path))  # as the batch marker sets it
    assert read_answer(task_id, {}).text == NASTY.strip()
    assert "Read from the notebook you handed in (saved at" in check(task_id, {}).message
    assert "No quotation" not in feedback.message  # it has quotations, none from the article
    assert "NOT FOUND in the article" in feedback.message


def test_the_session_path_is_used_and_a_stale_one_is_named(copy, monkeypatch, tmp_path):
    path = copy("2.6")
    write_answer(path, "2.6", "A short answer.")
    assert "from 02_claims.ipynb" in check("2.6", {"__session__": str(path)}).message
    monkeypatch.chdir(tmp_path)
    stale = check("2.6", {"__session__": str(tmp_path / "Untitled.ipynb")})
    assert stale.status == NOT_MARKED  # found as the only candidate of the folder
    assert "Untitled.ipynb, which no longer exists" in stale.message


def test_two_candidates_in_the_folder_are_not_guessed_between(copy, monkeypatch, tmp_path):
    path = copy("2.6")
    shutil.copy(path, tmp_path / "02_claims-Copy1.ipynb")
    monkeypatch.chdir(tmp_path)
    feedback = check("2.6", {})
    assert feedback.status == NOT_ANSWERED
    assert "02_claims-Copy1.ipynb" in feedback.message and "cannot tell which" in feedback.message


def test_an_empty_answer_a_deleted_cell_and_a_broken_file_get_plain_messages(copy, monkeypatch):
    path = copy("3.7")
    monkeypatch.setenv("READINGPACK_NOTEBOOK", str(path))
    assert "Write your answer in the answer cell" in check("3.7", {}).message
    notebook = nbformat.read(path, as_version=4)
    notebook.cells = [c for c in notebook.cells if not c.metadata.get("readingpack")]
    nbformat.write(notebook, path)
    assert "has no answer cell for task 3.7" in check("3.7", {}).message
    path.write_text('{"cells": [', encoding="utf-8")
    message = check("3.7", {}).message
    assert "is not a readable notebook" in message and "line 1" in message


def test_an_old_workbook_answer_in_a_variable_is_still_read(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("READINGPACK_NOTEBOOK", raising=False)
    feedback = check("2.6", {"evaluation_explained": "The author calls it “performative events”."})
    assert feedback.status == NOT_MARKED


@pytest.mark.parametrize("task_id", WRITTEN)
def test_the_prompt_states_the_word_range_of_the_tasks_table(task_id):
    low, high = word_range(task_id)
    solution = (PROJECT_ROOT / "solutions" / notebook_of(task_id).name).read_text(encoding="utf-8")
    prompt = solution[solution.index(f"### Task {task_id} ·"):]
    prompt = prompt[:prompt.index('"cell_type"', 10)]
    assert re.search(rf"{low}\s*(?:to|-|–)\s*{high} words", prompt), (task_id, low, high)


def test_quotation_feedback_is_fair_both_ways():
    from readingpack.exercises.feedback import check_written
    from readingpack.ledger import load_ledger
    article = load_ledger().article.text
    low, _ = word_range("2.6")
    filler = " word" * low
    cases = {
        "none": "No quotation" + filler,
        "short": "The author writes 'performative' here" + filler,
        "wrapped": "She writes “Aliyev repeated Azerbaijani\none-sided narratives of the conflict”" + filler,
        "single": "She writes 'Aliyev repeated Azerbaijani one-sided narratives' there" + filler,
        "guillemets": "She writes « aliyev repeated ... narratives of the conflict » there" + filler,
        "wrong": "She writes “Aliyev repeated Armenian narratives” there" + filler,
    }
    feedback = {name: check_written(text, article, "2.6").message for name, text in cases.items()}
    assert "No quotation" in feedback["none"]
    assert "Only short quotations" in feedback["short"]
    for name in ("wrapped", "single", "guillemets"):
        assert "Exact: 1 quotation" in feedback[name] and "NOT FOUND" not in feedback[name], name
    assert "NOT FOUND in the article: “Aliyev repeated Armenian narratives”" in feedback["wrong"]
    assert "1 words" not in " ".join(feedback.values())


def test_check_without_a_task_id_checks_the_task_of_the_cell_just_run():
    namespace = {"_ih": ["", "claims_by_others = 3\ncheck()"], "claims_by_others": 3}
    assert check(namespace=namespace).task == "2.1"
    assert "Give the task's number" in check(namespace={"_ih": ["x = 1"]}).message


def test_check_all_sums_up_a_lesson_and_the_workbook_overview_reads_saved_notebooks(tmp_path):
    summary = check_all(3, {"share_of_armenia": 0.7, "area_qualifier": "more_than"})
    counts = {bucket: summary.count(bucket) for bucket in ("done", "to fix", "not answered")}
    assert counts == {"done": 1, "to fix": 1, "not answered": len(summary.rows) - 2}
    active = task_frame().query("lesson == 3 and status == 'active'")
    assert len(summary.rows) == len(active)
    assert "There is no" in workbook_progress(tmp_path / "missing")
    shutil.copy(notebook_of("2.6"), tmp_path / notebook_of("2.6").name)
    write_answer(tmp_path / notebook_of("2.6").name, "2.6", "My answer.")
    overview = workbook_progress(tmp_path)
    assert "02_claims.ipynb: 0 done, 0 to fix" in overview and "1 awaiting a marker" in overview


def test_a_cell_that_still_holds_the_old_emoji_prompt_counts_as_unanswered():
    from readingpack.exercises.answers import OLD_ANSWER_PROMPTS, answer_text

    for prompt in OLD_ANSWER_PROMPTS:
        assert answer_text({"source": f"*{prompt}*\n"}) is None
        assert answer_text({"source": f"*{prompt}*\nMy answer."}) == "My answer."


def test_feedback_shows_as_html_that_wraps_between_words():
    from readingpack.exercises.feedback import Feedback

    shown = Feedback("incorrect", "Count <the> rows again.", "3.2")._repr_html_()
    assert "word-break: normal" in shown and "Count &lt;the&gt; rows again." in shown


def test_a_self_assessment_is_recorded_shown_by_progress_and_left_out_of_the_notebook(copy):
    from readingpack.exercises import self_assess
    from readingpack.exercises.progress import SELF_MARKS, self_marks

    path = copy("2.6")
    write_answer(path, "2.6", "The author calls Azerbaijan’s rhetoric “bellicose”.")
    before = path.read_bytes()
    assert "1 awaiting a marker" in workbook_progress(path.parent)
    message = self_assess("2.6", {"quotation": 2, "attribution": 3, "evidence": 1, "task": 2}, path.parent)
    assert "8 of 12" in message and "self-assessed" in message
    assert self_marks(path.parent)["2.6"]["marks"] == {"quotation": 2, "attribution": 3, "evidence": 1,
                                                        "task": 2}
    overview = workbook_progress(path.parent)
    assert "0 awaiting a marker, 1 self-assessed" in overview, overview
    assert path.read_bytes() == before  # the notebook the teacher marks is untouched
    assert (path.parent / SELF_MARKS).is_file()
    # Wrong input gets a message naming what is wrong, never a traceback.
    assert "not a written task" in self_assess("2.5", {"quotation": 2}, path.parent)
    assert "not on quote" in self_assess("2.6", {"quote": 2}, path.parent)
    assert "whole number from 0 to 3" in self_assess("2.6", {"quotation": 4}, path.parent)
    assert "dictionary" in self_assess("2.6", 3, path.parent)


def test_progress_runs_as_a_module_without_warnings(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT / "src")}
    result = subprocess.run([sys.executable, "-W", "error", "-m", "readingpack.exercises.progress",
                             str(EXERCISES)], capture_output=True, text=True, cwd=tmp_path, env=env,
                            check=False)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert "02_claims.ipynb" in result.stdout
