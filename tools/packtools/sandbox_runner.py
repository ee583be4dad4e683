"""Run one handed-in notebook and export its answers: the part of marking that runs inside the
sandbox (python sandbox_runner.py JOB_JSON). Run by path: it needs only the venv.

It drops to the marking user it is given (when the marker runs as root), makes fd 1 its private
result channel (the kernel and the notebook's code get /dev/null), runs the notebook with
nbclient in a fresh kernel (marking_kernel.py: limits on memory, CPU, file size, processes and
output of every kind), each cell under a timeout and the whole notebook under a budget, then
asks the kernel to write its answers as plain data (answer_export.py) and prints one JSON
document: which cells raised what, where the time ran out, and the exported answers.

Nothing here decides a mark: the marker reads this document as untrusted data, validates it and
runs the checks in its own process. Whatever the notebook's code does to this process (it runs
as the same user in the same sandbox) can only change this one submission's own result.
"""

import json
import os
import resource
import sys
import time
from pathlib import Path

EXPORT_LIMIT = 8 * 2**20  # bytes of exported answers read back
OWN_FOLDERS = {"kernels", ".ipython", ".local", ".cache", ".config", ".jupyter", ".matplotlib"}


def drop_privileges(uid: int) -> None:
    os.setgroups([])
    os.setgid(uid)
    os.setuid(uid)


def files_in(home: Path, most: int = 1000) -> list[str]:
    """Files the notebook left in its home folder (not the kernel's own), at most `most` looked at."""
    found, seen = [], 0
    for folder, dirs, files in os.walk(home):
        dirs[:] = [d for d in dirs if not (Path(folder) == home and d in OWN_FOLDERS)]
        for name in files:
            found.append((Path(folder) / name).relative_to(home).as_posix())
        seen += len(files) + len(dirs)
        if seen > most:
            break
    return sorted(found)


def kernel_spec(folder: Path, launcher: Path) -> Path:
    kernels = folder / "kernels" / "readingpack-marker"
    kernels.mkdir(parents=True, exist_ok=True)
    (kernels / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, str(launcher), "-f", "{connection_file}"],
        "display_name": "readingpack marker", "language": "python"}), encoding="utf-8")
    return folder / "kernels"


def export_code(job: dict) -> str:
    return "\n".join([
        "import sys as _rp_sys",
        f"_rp_sys.path.insert(0, {job['tools']!r})",
        "import answer_export as _rp_export",
        f"_rp_export.write(globals(), {job['variables']!r}, {job['functions']!r}, {job['export']!r})",
    ])


def run(job: dict) -> dict:
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    result = {"cells": [], "stopped_at": None, "budget_stopped_at": None, "kernel_died": False,
              "notes": [], "answers": None}
    notebook = nbformat.read(job["notebook"], as_version=4)
    specs = KernelSpecManager(kernel_dirs=[str(kernel_spec(Path(job["home"]), Path(job["kernel"])))])
    manager = AsyncKernelManager(kernel_name="readingpack-marker", kernel_spec_manager=specs)
    client = NotebookClient(notebook, km=manager, timeout=job["cell_timeout"], allow_errors=True,
                            interrupt_on_timeout=True, startup_timeout=60,
                            error_on_timeout={"ename": "Timeout", "evalue": "the cell ran too long",
                                              "traceback": []})
    deadline = time.monotonic() + job["budget"]
    try:
        with client.setup_kernel(env=dict(os.environ), cwd=job["folder"]):
            for index, cell in enumerate(notebook.cells):
                if cell.cell_type != "code":
                    continue
                remaining = deadline - time.monotonic()
                if remaining <= 1:
                    result["budget_stopped_at"] = index + 1
                    break
                client.timeout = int(min(job["cell_timeout"], remaining))
                client.execute_cell(cell, index)
                error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)
                if error is not None:
                    timed_out = error.get("ename") in ("KeyboardInterrupt", "Timeout")
                    result["cells"].append({"index": index + 1, "error": str(error.get("ename"))[:80],
                                            "timeout": timed_out})
                    if timed_out and result["stopped_at"] is None:
                        result["stopped_at"] = index + 1
                if any("[output cut:" in str(o.get("text", "")) for o in cell.get("outputs", [])):
                    result["notes"].append(f"cell {index + 1} produced more than the output limit: "
                                           "the rest was dropped")
                cell.outputs = []  # a notebook's output is not kept in memory
            client.timeout = max(job["cell_timeout"], 30)
            export = nbformat.v4.new_code_cell(export_code(job))
            notebook.cells.append(export)
            client.execute_cell(export, len(notebook.cells) - 1)
    except DeadKernelError:
        result["kernel_died"] = True
    except Exception as error:  # report, never raise: the marker reads the document
        result["notes"].append(f"marking stopped: {error.__class__.__name__}: {str(error)[:200]}")
    path = Path(job["export"])
    if path.is_file() and path.stat().st_size <= EXPORT_LIMIT:
        result["answers"] = path.read_text(encoding="utf-8", errors="replace")
    elif path.is_file():
        result["notes"].append("the exported answers were larger than the limit: not read")
    written = files_in(Path(job["home"]))
    if written:
        result["notes"].append(f"wrote into its home folder (contained there): {', '.join(written[:3])}")
    return result


def main() -> None:
    job = json.loads(sys.argv[1])
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")  # not inherited by the kernel
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    if job.get("uid") is not None and os.getuid() == 0:
        drop_privileges(int(job["uid"]))
    memory = int(job["runner_memory_mb"]) * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (memory, resource.RLIM_INFINITY))  # the kernel sets its own
    for name in ("home", "tmp"):
        Path(job[name]).mkdir(parents=True, exist_ok=True)
    try:
        result = run(job)
    except Exception as error:  # an unreadable notebook, a kernel that never started ...
        result = {"failed": f"{error.__class__.__name__}: {str(error)[:300]}"}
    channel.write(json.dumps(result))
    channel.flush()


if __name__ == "__main__":
    main()
