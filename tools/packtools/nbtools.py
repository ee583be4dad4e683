"""Execute notebooks in a fresh kernel and store their outputs (what nbval strict compares).

    python -m packtools.nbtools notebooks/03_figures.ipynb ...

Widget state is stored in the notebook's metadata so that the HTML edition can render the
widgets without a kernel. Every notebook is written with kernelspec python3.

Re-running an unchanged notebook changes no byte (tests/test_nbtools.py): the kernel's random
widget model ids are replaced by ids computed from the notebook's name, the cell's id and the
model's place in that cell's output (the folder's name too: the lesson and solution folders hold
notebooks of the same name), in the output's view and in the widget-state metadata
alike, and no execution times are recorded.

Each notebook records the article its outputs were made with (metadata readingpack.article_sha256,
the sha256 of metadata.json). `--written-for-another-article FOLDER` says whether the folder's
notebooks were made with another article than the one READINGPACK_DATA names: then nbval and the
browser tests that run the lessons have nothing to compare until the lessons are rewritten
(docs/adapting.md, step 11). Without READINGPACK_DATA nothing is ever skipped.
"""

import hashlib
import json
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
STATE_MIME = "application/vnd.jupyter.widget-state+json"
VIEW_MIME = "application/vnd.jupyter.widget-view+json"
MODEL_REFERENCE = re.compile(r"IPY_MODEL_([0-9a-f]{32})")
MODEL_ID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")


def execute_notebook(path: Path, timeout: int = 300) -> None:
    nbformat.write(executed(path, timeout), path)


def loaded_article() -> dict:
    """metadata.json of the article in the data folder in use (READINGPACK_DATA or data/)."""
    from readingpack.paths import data_dir

    return json.loads((data_dir() / "article" / "metadata.json").read_text(encoding="utf-8"))


def saved_at() -> float:
    """A written answer's check says when the notebook was last saved; stored outputs show this
    fixed time (noon UTC on the article's date), so that re-running an unchanged notebook
    changes no byte."""
    published = datetime.fromisoformat(loaded_article()["published"])
    return published.replace(hour=12, minute=0, tzinfo=UTC).timestamp()


def written_for_another_article(folder: Path) -> str:
    """Why the notebooks of `folder` cannot be compared with the article READINGPACK_DATA names
    (their outputs were made with another one), or "" when they can or READINGPACK_DATA is unset."""
    if not os.environ.get("READINGPACK_DATA"):
        return ""
    loaded = loaded_article()
    other = [path.name for path in sorted(folder.glob("*.ipynb"))
             if nbformat.read(path, as_version=4).metadata.get("readingpack", {}).get("article_sha256")
             != loaded["sha256"]]
    if not other:
        return ""
    return (f"{len(other)} notebooks of {folder.name}/ were made with another article than "
            f"“{loaded['title']}” (READINGPACK_DATA): rewrite the lessons and solutions for it, then "
            f"run make outputs and make exercises (docs/adapting.md, steps 11 and 12)")


def executed(path: Path, timeout: int = 300):
    """The notebook at `path` run in a fresh kernel, with stable widget ids (not written)."""
    os.utime(path, (saved_at(), saved_at()))
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata.setdefault("readingpack", {})["article_sha256"] = loaded_article()["sha256"]
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=True,
        record_timing=False,
    )
    client.execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    if not _has_widgets(nb):
        nb.metadata.pop("widgets", None)
    return stable_widget_ids(nb, f"{path.parent.name}/{path.name}")  # the folder too


def _has_widgets(nb) -> bool:
    return any(
        VIEW_MIME in output.get("data", {})
        for cell in nb.cells if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )


def _stable_id(*parts) -> str:
    return hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest()[:32]


def stable_widget_ids(nb, name: str):
    """`nb` with every widget model id replaced by a hash of the notebook's name, the cell
    (its id) and the model's order among the models that cell's outputs show, found depth
    first through the models' references; models no output shows are numbered in the order
    the kernel created them."""
    state = nb.metadata.get("widgets", {}).get(STATE_MIME, {}).get("state", {})
    new_ids: dict[str, str] = {}
    counts: dict[tuple, int] = {}

    def visit(model_id: str, *where) -> None:
        if model_id in new_ids:
            return
        counts[where] = counts.get(where, 0) + 1
        new_ids[model_id] = _stable_id(name, *where, counts[where])
        model = state.get(model_id, {}).get("state", {})
        for ref in MODEL_REFERENCE.findall(json.dumps(model, sort_keys=True)):
            visit(ref, *where)

    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(VIEW_MIME)
            if view and "model_id" in view:
                visit(view["model_id"], cell.get("id", index))
            # an Output widget's captured outputs, or a repr naming a model
            for ref in MODEL_REFERENCE.findall(json.dumps(output, sort_keys=True)):
                visit(ref, cell.get("id", index))
    for model_id in state:
        visit(model_id, "not shown")
    if not new_ids:
        return nb
    text = MODEL_ID.sub(lambda m: new_ids.get(m.group(0), m.group(0)), nbformat.writes(nb))
    return nbformat.reads(text, as_version=4)


def main(argv: list[str] | None = None) -> int:
    """Run every notebook first; write them all only when every one ran (`make outputs`), so that
    a failing notebook never leaves the others half rewritten."""
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    arguments = argv if argv is not None else sys.argv[1:]
    if arguments[:1] == ["--written-for-another-article"]:
        reason = written_for_another_article(Path(arguments[1]))
        print(reason)
        return 0 if reason else 1
    paths = [Path(p) for p in arguments]
    os.environ["TZ"] = "UTC"  # the kernels print saved_at() in UTC on any machine
    done, failed = {}, []
    for path in paths:
        print(f"executing {path}")
        try:
            done[path] = executed(path)
        except (CellExecutionError, CellTimeoutError) as error:
            failed.append(f"{path}: {str(error).strip().splitlines()[-1]}")
    if failed:
        print(f"{len(failed)} of {len(paths)} notebooks failed; no notebook was written:")
        print("\n".join(failed))
        return 1
    for path, nb in done.items():
        nbformat.write(nb, path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
