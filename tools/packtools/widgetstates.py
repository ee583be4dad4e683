"""Every option of every widget on one page per widget, for the layout tests
(tests/browser/test_widget_layout.py) and for looking at them by eye:

    PYTHONPATH=src:tools .venv/bin/python -m packtools.widgetstates build/widget-states

Each widget's `example_changes()` are applied one after another, as a student going through
every option of every control would. After each change the state of the widget's models is
saved under fresh model ids, so that one page shows every state at once, drawn by the HTML
edition's own renderer (vendor/html-manager, the ipywidgets 8 controls and their style sheet).
"""

import importlib
import json
import pkgutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import nbformat
from ipywidgets.embed import dependency_state

from readingpack import widgets as widget_modules
from readingpack.ui import PackWidget

from . import htmlbuild

STATE_MIME = "application/vnd.jupyter.widget-state+json"
VIEW_MIME = "application/vnd.jupyter.widget-view+json"


@dataclass
class WidgetState:
    number: int
    label: str  # what was changed: "Compare with = Paris"
    models: dict  # model id -> saved model, ids unique to this state
    view_id: str


def pack_widget_classes() -> list[type[PackWidget]]:
    for module in pkgutil.iter_modules(widget_modules.__path__):
        importlib.import_module(f"{widget_modules.__name__}.{module.name}")

    def below(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    return sorted(set(below(PackWidget)), key=lambda cls: cls.__name__)


def control_name(control) -> str:
    return getattr(control, "description", "") or type(control).__name__


def saved_state(widget: PackWidget, number: int, label: str) -> WidgetState:
    models = dependency_state(widget.widget, drop_defaults=False)
    text = json.dumps(models)
    for model_id in models:
        text = text.replace(model_id, f"{model_id}-{number}")
    return WidgetState(number, label, json.loads(text), f"{widget.widget.model_id}-{number}")


def widget_states(cls: type[PackWidget]) -> Iterator[WidgetState]:
    """The widget as it opens, then after each of its example changes in turn."""
    widget = cls()
    yield saved_state(widget, 0, "as it opens")
    for number, (control, value) in enumerate(widget.example_changes(), start=1):
        control.value = value
        yield saved_state(widget, number, f"{control_name(control)} = {value!r}")
    widget.widget.close_all()


def states_notebook(cls: type[PackWidget], states: list[WidgetState]) -> nbformat.NotebookNode:
    cells = [nbformat.v4.new_markdown_cell(f"# {cls.__name__}: every option")]
    models = {}
    for state in states:
        models.update(state.models)
        cell = nbformat.v4.new_code_cell("")
        cell.metadata["readingpack_state"] = state.number
        cell.outputs = [nbformat.v4.new_output("display_data", data={
            "text/plain": f"state {state.number}: {state.label}",
            VIEW_MIME: {"version_major": 2, "version_minor": 0, "model_id": state.view_id},
        })]
        cells += [nbformat.v4.new_markdown_cell(f"State {state.number}: {state.label}"), cell]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["widgets"] = {STATE_MIME: {"version_major": 2, "version_minor": 0, "state": models}}
    return nb


def build_pages(out: Path, classes: list[type[PackWidget]] | None = None) -> dict[str, list[WidgetState]]:
    """Write out/widgets/<ClassName>.html for each widget; returns its states by page name."""
    htmlbuild.copy_static(out)
    (out / "widgets").mkdir(parents=True, exist_ok=True)
    exporter = htmlbuild.make_exporter("../")
    pages = {}
    for cls in classes or pack_widget_classes():
        states = list(widget_states(cls))
        name = f"widgets/{cls.__name__}.html"
        page = htmlbuild.render_node(states_notebook(cls, states), name, out / name, exporter)
        (out / name).write_text(page, encoding="utf-8")
        pages[name] = states
    return pages


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0] if args else "build/widget-states")
    pages = build_pages(out)
    for name, states in pages.items():
        print(f"{out / name}: {len(states)} states")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
