"""Re-running an unchanged notebook with packtools.nbtools changes no byte of it."""

import shutil

import nbformat
import pytest

from packtools import nbtools
from packtools.paths import PROJECT_ROOT


def test_widget_ids_are_the_same_in_the_view_and_in_the_state_and_depend_on_the_cell():
    nb = nbformat.v4.new_notebook()
    ids = ["a" * 32, "b" * 32, "c" * 32]
    first, second = (nbformat.v4.new_code_cell(f"w{n}") for n in (1, 2))
    first.id, second.id = "cell-one", "cell-two"
    for cell, model_id in ((first, ids[0]), (second, ids[2])):
        cell.outputs = [nbformat.v4.new_output(
            "display_data", data={nbtools.VIEW_MIME: {"model_id": model_id, "version_major": 2}})]
    nb.cells = [first, second]
    nb.metadata["widgets"] = {nbtools.STATE_MIME: {"state": {
        ids[0]: {"state": {"children": [f"IPY_MODEL_{ids[1]}"]}},
        ids[1]: {"state": {}},
        ids[2]: {"state": {}},
    }}}
    out = nbtools.stable_widget_ids(nb, "x.ipynb")
    state = out.metadata["widgets"][nbtools.STATE_MIME]["state"]
    view_one = out.cells[0].outputs[0]["data"][nbtools.VIEW_MIME]["model_id"]
    view_two = out.cells[1].outputs[0]["data"][nbtools.VIEW_MIME]["model_id"]
    assert not set(ids) & set(state)
    assert {view_one, view_two} <= set(state)
    child = state[view_one]["state"]["children"][0].removeprefix("IPY_MODEL_")
    assert child in state and child != view_one
    # the same notebook with other random ids gets the same stable ids
    again = nbformat.writes(nbtools.stable_widget_ids(
        nbformat.reads(nbformat.writes(nb).replace("a" * 32, "d" * 32), as_version=4), "x.ipynb"))
    assert again == nbformat.writes(out)
    # the second cell's ids do not depend on what the first cell shows
    first.outputs = []
    fewer = nbtools.stable_widget_ids(nb, "x.ipynb")
    assert fewer.cells[1].outputs[0]["data"][nbtools.VIEW_MIME]["model_id"] == view_two


@pytest.mark.slow
def test_re_running_unchanged_notebooks_changes_no_byte(tmp_path):
    names = ["00_start_here.ipynb", "06_positions.ipynb"]  # small, and both show widgets
    runs = []
    for run in ("first", "second"):
        folder = tmp_path / run / "notebooks"
        folder.mkdir(parents=True)
        for name in names:
            shutil.copy(PROJECT_ROOT / "notebooks" / name, folder / name)
            nbtools.execute_notebook(folder / name)
        runs.append({name: (folder / name).read_bytes() for name in names})
    for name in names:
        assert runs[0][name] == runs[1][name], f"{name} changed between two runs"
        assert b"iopub.execute_input" not in runs[0][name], f"{name} stores execution times"
        assert nbtools.VIEW_MIME.encode() in runs[0][name], f"{name} shows no widget"


@pytest.mark.slow
def test_a_failing_notebook_means_no_notebook_is_written(tmp_path, capsys):
    good, bad = tmp_path / "good.ipynb", tmp_path / "bad.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), good)
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 / 0")]), bad)
    before = good.read_bytes(), bad.read_bytes()
    assert nbtools.main([str(good), str(bad)]) == 1
    assert (good.read_bytes(), bad.read_bytes()) == before
    out = capsys.readouterr().out
    assert "1 of 2 notebooks failed; no notebook was written" in out and "ZeroDivisionError" in out
    assert nbtools.main([str(good)]) == 0
    assert nbformat.read(good, as_version=4).cells[0].outputs[0]["data"]["text/plain"] == "2"


def test_the_saved_time_a_written_answer_check_prints_is_the_same_on_every_run(tmp_path, monkeypatch):
    import nbformat

    monkeypatch.setenv("TZ", "UTC")
    path = tmp_path / "saved.ipynb"
    code = ("import datetime, os\n"
            "saved = datetime.datetime.fromtimestamp(os.path.getmtime('saved.ipynb'))\n"
            "print(saved.strftime('%H:%M %d %b %Y'))")
    outputs = []
    for _ in range(2):
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)]), path)
        outputs.append(nbtools.executed(path).cells[0].outputs[0]["text"])
    from datetime import UTC, datetime

    noon = datetime.fromtimestamp(nbtools.saved_at(), UTC).strftime("%H:%M %d %b %Y")
    assert outputs[0] == outputs[1] == f"{noon}\n"
    assert noon.startswith("12:00 ")


# --- which article a folder's notebooks were made with ----------------------------------------

def notebook_made_with(folder, sha256):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")])
    if sha256 is not None:
        nb.metadata["readingpack"] = {"article_sha256": sha256}
    folder.mkdir(exist_ok=True)
    nbformat.write(nb, folder / "01_x.ipynb")
    return folder


def test_notebooks_made_with_another_article_are_named_only_when_readingpack_data_is_set(
        tmp_path, monkeypatch):
    practice = PROJECT_ROOT / "data" / "practice" / "lake_varra"
    folder = notebook_made_with(tmp_path / "notebooks", "0" * 64)
    monkeypatch.delenv("READINGPACK_DATA", raising=False)
    assert nbtools.written_for_another_article(folder) == ""  # CI: nothing is ever skipped
    monkeypatch.setenv("READINGPACK_DATA", str(practice))
    reason = nbtools.written_for_another_article(folder)
    assert "1 notebooks of notebooks/" in reason and "Lake Varra" in reason and "make outputs" in reason
    assert nbtools.main(["--written-for-another-article", str(folder)]) == 0


def test_notebooks_made_with_the_loaded_article_are_compared(tmp_path, monkeypatch):
    practice = PROJECT_ROOT / "data" / "practice" / "lake_varra"
    monkeypatch.setenv("READINGPACK_DATA", str(practice))
    folder = notebook_made_with(tmp_path / "notebooks", nbtools.loaded_article()["sha256"])
    assert nbtools.written_for_another_article(folder) == ""
    assert nbtools.main(["--written-for-another-article", str(folder)]) == 1
    unmarked = notebook_made_with(tmp_path / "old", None)  # made before notebooks recorded it
    assert nbtools.written_for_another_article(unmarked) != ""


def test_the_saved_time_is_noon_utc_on_the_loaded_article_s_date(monkeypatch):
    monkeypatch.setenv("READINGPACK_DATA", str(PROJECT_ROOT / "data" / "practice" / "lake_varra"))
    assert nbtools.saved_at() == 1757505600.0  # 2025-09-10 12:00 UTC, lake_varra's published date
