"""Written answers live in markdown answer cells of the saved notebook: any text survives, and
check() finds the file (READINGPACK_NOTEBOOK, the kernel's session path, the only candidate in
the working folder), names it with its save time, and says plainly what is wrong otherwise.

Here: the tests that state this article's facts (its lessons' prompts and answers);
tests/test_written_answers.py holds those that hold for any article."""

import re
import shutil

import pytest
from test_written_answers import copy, notebook_of, write_answer  # noqa: F401 (fixtures and helpers shared with the generic tests)

from readingpack.exercises import TASKS
from readingpack.exercises.feedback import word_range
from readingpack.exercises.progress import check_all, workbook_progress
from readingpack.exercises.tasks import task_frame
from readingpack.paths import PROJECT_ROOT

EXERCISES = PROJECT_ROOT / "exercises"
WRITTEN = sorted(t for t in TASKS if TASKS[t].kind == "written")





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


