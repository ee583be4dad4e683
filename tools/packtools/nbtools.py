"""Execute notebooks in a fresh kernel and store their outputs (what nbval strict compares).

    python -m packtools.nbtools notebooks/03_figures.ipynb ...

Widget state is stored in the notebook's metadata so that the HTML edition can render the
widgets without a kernel. Every notebook is written with kernelspec python3.
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def execute_notebook(path: Path, timeout: int = 300) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=True,
    )
    client.execute()
    if not _has_widgets(nb):
        nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)


def _has_widgets(nb) -> bool:
    return any(
        "application/vnd.jupyter.widget-view+json" in output.get("data", {})
        for cell in nb.cells if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    )


def main(argv: list[str] | None = None) -> int:
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])]
    for path in paths:
        print(f"executing {path}")
        execute_notebook(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
