"""The performance budget, measured: `make bench` (python -m packtools.bench).

- each lesson's execution time in a fresh kernel, against the floor of a notebook that only
  starts the kernel and imports the pack: the shortest of 3 rounds, each round running the floor
  and then every notebook (target: lessons 01-08 together <= 1.3 x the floor summed);
- each widget's update latency in the kernel, median and 95th percentile over 100 changes
  (target: p95 under 50 ms);
- the peak memory (max RSS) of a kernel running the heaviest lesson (target: under 300 MB).

Writes a table to stdout and the "Measured by make bench" part of docs/performance.md.
`--only lessons` measures and prints the lessons' times alone; `--profile` prints, for each
lesson, its slowest cells run under cProfile and the calls that took their time; `--breakdown`
prints where each lesson's time goes by what its cells show (charts, tables, widgets), timed by
the kernel itself, without a profiler, against the floor's own parts.
"""

import importlib
import inspect
import json
import os
import pkgutil
import platform
import statistics
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .paths import PROJECT_ROOT, TOOLS_DIR

# The floor: start a kernel and import the pack (every module the lessons import from it,
# which brings pandas, matplotlib and ipywidgets), without loading data or drawing anything.
FLOOR_SOURCE = (
    "import importlib, pkgutil\n"
    "import matplotlib.pyplot\n"
    "import readingpack.ledger, readingpack.style, readingpack.widgets\n"
    "for module in pkgutil.iter_modules(readingpack.widgets.__path__):\n"
    "    importlib.import_module(f'readingpack.widgets.{module.name}')"
)
RSS_SOURCE = (
    "import resource, sys\n"
    "_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "print(_rss // 1024 if sys.platform != 'darwin' else _rss // 1024 // 1024)"
)
CHANGES = 100
LESSONS = [f"{number:02d}" for number in range(1, 9)]  # the lessons the budget sums: 01-08
BUDGET = 1.3  # lessons 01-08 together, in floors
# `--profile`: each code cell timed and run under cProfile, in the same kernel as a student's.
PROFILE_SETUP = (
    "import cProfile, time\n"
    "from IPython import get_ipython\n"
    "_bench_cells = []\n"
    "def _bench_pre(info):\n"
    "    _bench_cells.append([info.raw_cell, cProfile.Profile(), time.perf_counter()])\n"
    "    _bench_cells[-1][1].enable()\n"
    "def _bench_post(result):\n"
    "    _bench_cells[-1][1].disable()\n"
    "    _bench_cells[-1][2] = time.perf_counter() - _bench_cells[-1][2]\n"
    "get_ipython().events.register('pre_run_cell', _bench_pre)\n"
    "get_ipython().events.register('post_run_cell', _bench_post)"
)
PROFILE_REPORT = (
    "import json, sys\n"
    "sys.path.insert(0, {tools!r})\n"
    "from packtools.bench import cell_summary\n"
    "print(json.dumps([cell_summary(*cell) for cell in _bench_cells[:-1]]))"
)
BEGIN, END = "<!-- bench: begin -->", "<!-- bench: end -->"


def run_notebook(nb, folder: Path) -> float:
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(folder)}})
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def floor_notebook():
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])


def timings(folder: Path, runs: int = 3) -> tuple[float, list[tuple[str, float]]]:
    """The shortest time of the floor and of each notebook over `runs` rounds (the run least
    slowed by other work on the machine); each round runs the floor, then every notebook, so that
    a change in the machine's load touches both alike. One floor is run first and not counted:
    it warms the disk cache."""
    paths = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    run_notebook(floor_notebook(), folder)
    floors, seconds = [], {path.name: [] for path in paths}
    for _ in range(runs):
        floors.append(run_notebook(floor_notebook(), folder))
        for path in paths:
            seconds[path.name].append(run_notebook(nbformat.read(path, as_version=4), folder))
    return min(floors), [(name, min(t)) for name, t in seconds.items()]


def peak_memory_mb(path: Path) -> int:
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(RSS_SOURCE))
    run_notebook(nb, path.parent)
    return int(nb.cells[-1].outputs[0]["text"].strip())


def cell_summary(source: str, profile, seconds: float, top: int = 4) -> dict:
    """A profiled cell: its first line, its time, and the calls that took most of it
    (cumulative time; built-ins, IPython's and the import system's frames left out,
    so that an import shows as the modules it runs)."""
    import pstats

    stats = pstats.Stats(profile).stats
    calls = []
    for (file, line, function), (_, _, _, cumulative, _) in stats.items():
        if file == "~" or any(
                part in file for part in ("IPython", "ipykernel", "traitlets", "/asyncio/", "<frozen")):
            continue
        place = file.split("site-packages/")[-1].split("src/")[-1]
        calls.append((cumulative, f"{function} ({place}:{line})"))
    calls.sort(reverse=True)
    first = next((line for line in source.splitlines() if line and not line.startswith("#")), "")
    return {"source": first[:70], "seconds": seconds,
            "calls": [[round(t, 3), name] for t, name in calls[:top]]}


def lesson_profile(path: Path) -> list[dict]:
    """cell_summary() of every code cell of a lesson run in a fresh kernel."""
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(PROFILE_SETUP))
    nb.cells.append(nbformat.v4.new_code_cell(PROFILE_REPORT.format(tools=str(TOOLS_DIR))))
    run_notebook(nb, path.parent)
    return json.loads(nb.cells[-1].outputs[0]["text"])


def profile_report(cells: int = 5) -> str:
    """Each lesson's slowest `cells` code cells, profiled, with the calls that took their time."""
    lines = []
    for path in sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        summary = lesson_profile(path)
        lines.append(f"\n{path.name}: {len(summary)} code cells, "
                     f"{sum(c['seconds'] for c in summary):.2f} s (profiled)")
        for index, cell in sorted(enumerate(summary), key=lambda item: -item[1]["seconds"])[:cells]:
            lines.append(f"  cell {index + 1:2d} {cell['seconds']:6.3f} s  {cell['source']}")
            lines += [f"      {seconds:6.3f}  {name}" for seconds, name in cell["calls"]]
    return "\n".join(lines)


CELL_KINDS = ["kernel start and messages", "first cell (imports, ledger)", "charts", "tables",
              "widgets", "other cells"]


def cell_seconds(cell) -> float:
    """A cell's execution time as the kernel reported it (nbclient's timing metadata)."""
    from datetime import datetime

    timing = cell.metadata.get("execution", {})
    start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
    if not start or not end:
        return 0.0
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()


def cell_kind(index: int, cell) -> str:
    shown = {kind for output in cell.get("outputs", []) for kind in output.get("data", {})}
    if index == 0:
        return CELL_KINDS[1]
    if "image/png" in shown:
        return CELL_KINDS[2]
    if "application/vnd.jupyter.widget-view+json" in shown:
        return CELL_KINDS[4]
    return CELL_KINDS[3] if "text/html" in shown else CELL_KINDS[5]


def time_by_kind(nb, folder: Path) -> dict[str, float]:
    """Seconds of one run of `nb`, split by CELL_KINDS (what is not inside a cell is the kernel's
    start and the messages)."""
    total = run_notebook(nb, folder)
    split = dict.fromkeys(CELL_KINDS, 0.0)
    for index, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        split[cell_kind(index, cell)] += cell_seconds(cell)
    split[CELL_KINDS[0]] = total - sum(split.values())
    return split


def breakdown_lines(runs: int = 3) -> list[str]:
    """Lessons 01-08 and the floor, each part the shortest of `runs` runs, in seconds, with the
    lessons' time beyond the floor and what the 1.3 target leaves for it."""
    folder = PROJECT_ROOT / "notebooks"
    paths = [p for p in sorted(folder.glob("[0-9][0-9]_*.ipynb")) if p.name[:2] in LESSONS]
    run_notebook(floor_notebook(), folder)
    floor = [time_by_kind(floor_notebook(), folder) for _ in range(runs)]
    floor_best = {kind: min(run[kind] for run in floor) for kind in CELL_KINDS}
    lessons = dict.fromkeys(CELL_KINDS, 0.0)
    for path in paths:
        measured = [time_by_kind(nbformat.read(path, as_version=4), folder) for _ in range(runs)]
        for kind in CELL_KINDS:
            lessons[kind] += min(run[kind] for run in measured)
    floors = sum(floor_best.values()) * len(paths)
    total = sum(lessons.values())
    lines = [f"| part (shortest of {runs} runs each) | floor x {len(paths)} (s) | lessons 01-08 (s) "
             "| beyond the floor (s) |", "|---|---|---|---|"]
    for kind in CELL_KINDS:
        mine = floor_best[kind] * len(paths) if kind in CELL_KINDS[:2] else 0.0
        lines.append(f"| {kind} | {mine:.2f} | {lessons[kind]:.2f} | {lessons[kind] - mine:+.2f} |")
    lines += [f"| all | {floors:.2f} | {total:.2f} | {total - floors:+.2f} |", "",
              f"Lessons 01-08: {total / floors:.2f} x the floor; the {BUDGET} target leaves "
              f"{(BUDGET - 1) * floors:.2f} s beyond it."]
    return lines


def pack_widget_classes() -> list[type]:
    from readingpack import widgets
    from readingpack.ui import PackWidget

    for module in pkgutil.iter_modules(widgets.__path__):
        importlib.import_module(f"{widgets.__name__}.{module.name}")
    found = []
    for module_name, module in sorted(sys.modules.items()):
        if module_name.startswith(f"{widgets.__name__}."):
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, PackWidget) and cls is not PackWidget and cls.__module__ == module_name:
                    found.append(cls)
    return found


def build_widget(cls: type):
    """An instance of a pack widget, its constructor's table arguments taken from the ledger by
    name (`claims` -> ledger.claims, `ledger` -> the ledger itself)."""
    from readingpack.ledger import load_ledger

    ledger, arguments = load_ledger(), {}
    for name, parameter in inspect.signature(cls).parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue  # *tables of old workbooks: none given
        if name == "ledger":
            arguments[name] = ledger
        elif name in ledger.names:
            arguments[name] = ledger[name]
        elif parameter.default is inspect.Parameter.empty:
            raise TypeError(f"{cls.__name__} needs {name!r}, which is not a ledger table")
    return cls(**arguments)


def widget_latency(cls: type, changes: int = CHANGES) -> tuple[float, float, int]:
    """(median ms, p95 ms, number of distinct changes cycled) for `changes` value changes."""
    instance = build_widget(cls)
    plan = instance.example_changes()
    if not plan:
        raise ValueError(f"{cls.__name__}.example_changes() is empty")
    samples = []
    for index in range(changes):
        control, value = plan[index % len(plan)]
        if control.value == value:  # an unchanged value would not trigger an update
            instance.reset()
        start = time.perf_counter()
        control.value = value
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))], len(plan)


def latency_rows() -> list[dict]:
    """Every pack widget's latency, measured in this process (run it inside a kernel)."""
    rows = []
    for cls in pack_widget_classes():
        name = f"{cls.__module__.rsplit('.', 1)[1]}.{cls.__name__}"
        try:
            median, p95, distinct = widget_latency(cls)
            rows.append({"widget": name, "median": median, "p95": p95, "distinct": distinct})
        except Exception as error:  # report, do not hide, a widget the benchmark cannot drive
            rows.append({"widget": name, "error": f"{type(error).__name__}: {error}"})
    return rows


def latency_rows_in_kernel(folder: Path) -> list[dict]:
    """latency_rows() run inside a fresh kernel, where each change also syncs the widget's
    state over its comm, as it does for a student."""
    source = (f"import json, sys\nsys.path.insert(0, {str(TOOLS_DIR)!r})\n"
              "from packtools.bench import latency_rows\nprint(json.dumps(latency_rows()))")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
    run_notebook(nb, folder)
    return json.loads(nb.cells[0].outputs[0]["text"])


def machine() -> str:
    cpus = os.cpu_count()
    return f"{platform.system()} {platform.machine()}, {cpus} CPU cores, Python {platform.python_version()}"


def timing_lines(runs: int = 3) -> tuple[list[str], str]:
    """The table of execution times against the floor, and the heaviest lesson's name."""
    folder = PROJECT_ROOT / "notebooks"
    floor, times = timings(folder, runs)
    lessons = [(name, seconds) for name, seconds in times if name[:2] in LESSONS]
    total, budget = sum(s for _, s in lessons), BUDGET * floor * len(lessons)
    lines = [
        f"Machine: {machine()}.",
        "",
        f"| notebook (shortest of {runs} runs, in rounds with the floor) | execution (s) | x floor |",
        "|---|---|---|",
        f"| floor: start a kernel and import the pack | {floor:.2f} | 1.00 |",
    ]
    lines += [f"| {name} | {seconds:.2f} | {seconds / floor:.2f} |" for name, seconds in times]
    verdict = "met" if total <= budget else "missed"
    lines += [
        "",
        f"Lessons 01-08 together: {total:.1f} s, {total / (floor * len(lessons)):.2f} x the floor; "
        f"budget {BUDGET} x floor x {len(lessons)} = {budget:.1f} s: **{verdict}**.",
    ]
    return lines, max(times, key=lambda item: item[1])[0]


def report(runs: int = 3) -> str:
    folder = PROJECT_ROOT / "notebooks"
    lines, heaviest = timing_lines(runs)
    memory = peak_memory_mb(folder / heaviest)
    lines += [
        "",
        f"Peak memory (max RSS) of a kernel running the heaviest lesson ({heaviest}): **{memory} MB** "
        f"(target: under 300 MB).",
        "",
        "| widget | median (ms) | 95th percentile (ms) | changes cycled | target p95 < 50 ms |",
        "|---|---|---|---|---|",
    ]
    for row in latency_rows_in_kernel(folder):
        if "error" in row:
            lines.append(f"| {row['widget']} | - | - | - | could not measure: {row['error']} |")
        else:
            verdict = "met" if row["p95"] < 50 else "missed"
            lines.append(f"| {row['widget']} | {row['median']:.1f} | {row['p95']:.1f} "
                         f"| {CHANGES} ({row['distinct']} distinct) | {verdict} |")
    return "\n".join(lines)


def write_report(text: str, path: Path = PROJECT_ROOT / "docs" / "performance.md") -> None:
    document = path.read_text(encoding="utf-8")
    start, end = document.index(BEGIN) + len(BEGIN), document.index(END)
    path.write_text(document[:start] + "\n" + text + "\n" + document[end:], encoding="utf-8")


def drafting_recall() -> str:
    """The drafting tool's recall (packtools.draft_article) on the two fictional practice articles
    and on the pack's own: hand-made figures found with the right value and qualifier, actor aliases found."""
    import tempfile

    from .draft_article import recall

    lines = ["", "| drafting tool (make new-article) on | figures found (value and qualifier) "
             "| actor aliases found (of those in the text; all hand-made) |", "|---|---|---|"]
    practice = PROJECT_ROOT / "data" / "practice"
    for label, folder in (("the fixture article", practice / "rivers_and_roads"),
                          ("the second practice article", practice / "lake_varra"),
                          ("the pack's article", PROJECT_ROOT / "data")):
        with tempfile.TemporaryDirectory() as out:
            result = recall(folder, Path(out) / "data")
        (found, made), (aliases, in_text, every) = result["figures"], result["aliases"]
        lines.append(f"| {label} | {found} of {made} ({found / made:.0%}) "
                     f"| {aliases} of {in_text} ({aliases / in_text:.0%}); {every} hand-made |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    import matplotlib

    parser = argparse.ArgumentParser(prog="python -m packtools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["lessons"],
                        help="lessons: only the lessons' times against the floor, printed, not written")
    parser.add_argument("--runs", type=int, default=3, help="rounds of floor and lessons (default 3)")
    parser.add_argument("--profile", action="store_true",
                        help="print each lesson's slowest cells, profiled, instead of measuring")
    parser.add_argument("--breakdown", action="store_true",
                        help="print where the lessons' time goes, by what their cells show")
    args = parser.parse_args(argv)
    matplotlib.use("Agg")
    if args.profile:
        print(profile_report())
        return 0
    if args.breakdown:
        print("\n".join(breakdown_lines(args.runs)))
        return 0
    if args.only == "lessons":
        print("\n".join(timing_lines(args.runs)[0]))
        return 0
    text = report(args.runs) + "\n" + drafting_recall()
    print(text)
    write_report(text)
    print("\nwritten to docs/performance.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
