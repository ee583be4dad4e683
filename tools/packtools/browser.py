"""Headless Chromium, a throw-away JupyterLab and a loopback web server, for the browser tests.

    with lab_server([PROJECT_ROOT / "notebooks"]) as lab:   # a copy of the notebooks
        page.goto(lab.notebook_url("notebooks/03_figures.ipynb"))

JupyterLab runs on a free 127.0.0.1 port with a random token, its own settings, workspaces,
runtime, config and data directories, and serves a temporary copy of the given folders, so
autosave never touches committed notebooks. On exit the test's sessions and kernels are
deleted through the REST API and the server is stopped.
"""

import contextlib
import functools
import http.server
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .paths import PROJECT_ROOT

DEBIAN_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
INSTALL_HINT = (
    "no Chromium found: install it (sudo apt-get install chromium) or set CHROMIUM=/path/to/chrome"
)

# JupyterLab settings for the tests: every cell kept in the page (so every widget can be found),
# and no news or update checks (no network).
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none", "autoStartDefaultKernel": True,
    },
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False,
    },
}


def find_chromium(env=os.environ, playwright_chromium: str | None = None) -> str | None:
    """$CHROMIUM if set, else Debian's /usr/bin/chromium, else Playwright's own download."""
    if env.get("CHROMIUM"):
        return env["CHROMIUM"]
    if os.path.exists(DEBIAN_CHROMIUM):
        return DEBIAN_CHROMIUM
    if playwright_chromium and os.path.exists(playwright_chromium):
        return playwright_chromium
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    url: str
    token: str
    root: Path

    def notebook_url(self, relative: str) -> str:
        return f"{self.url}/lab/tree/{relative}?reset&token={self.token}"

    def api(self, method: str, path: str) -> object:
        request = urllib.request.Request(f"{self.url}/api/{path}", method=method)
        request.add_header("Authorization", f"token {self.token}")
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def delete_sessions_and_kernels(self) -> None:
        for session in self.api("GET", "sessions"):
            self.api("DELETE", f"sessions/{session['id']}")
        for kernel in self.api("GET", "kernels"):
            self.api("DELETE", f"kernels/{kernel['id']}")


def _write_settings(folder: Path) -> None:
    for name, values in LAB_SETTINGS.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def _wait_until_up(server: LabServer, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"JupyterLab stopped at start-up:\n{log.read_text()[-3000:]}")
        try:
            server.api("GET", "status")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"JupyterLab did not answer within {timeout:.0f} s:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def lab_server(folders: list[Path], timeout: float = 90) -> Iterator[LabServer]:
    """JupyterLab serving a temporary copy of `folders` (and of data/, which notebooks read)."""
    with tempfile.TemporaryDirectory(prefix="readingpack-lab-") as tmp:
        tmp = Path(tmp)
        root = tmp / "root"
        for folder in [*folders, PROJECT_ROOT / "data"]:
            if folder.exists():
                skip = shutil.ignore_patterns(".ipynb_checkpoints")
                shutil.copytree(folder, root / folder.name, ignore=skip)
        _write_settings(tmp / "settings")
        port, token = free_port(), secrets.token_hex(16)
        env = dict(
            os.environ,
            JUPYTER_TOKEN=token,
            JUPYTER_CONFIG_DIR=str(tmp / "config"),
            JUPYTER_DATA_DIR=str(tmp / "data"),  # extensions stay findable in sys.prefix/share/jupyter
            JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
            JUPYTERLAB_SETTINGS_DIR=str(tmp / "settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"),
        )
        command = [
            sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}",
            "--ServerApp.ip=127.0.0.1", "--ServerApp.port_retries=0", f"--ServerApp.root_dir={root}",
            "--LabServerApp.open_browser=False",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        log_path = tmp / "lab.log"
        with log_path.open("w") as log:
            process = subprocess.Popen(
                command, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
            server = LabServer(f"http://127.0.0.1:{port}", token, root)
            try:
                _wait_until_up(server, process, log_path, timeout)
                yield server
            finally:
                with contextlib.suppress(Exception):
                    server.delete_sessions_and_kernels()
                _stop(process)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """A static web server for `folder` on a free loopback port, in a thread; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- Driving a lesson in JupyterLab (a Playwright page) ---------------------------------------

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ALL_CODE_CELLS_RAN = """() => Array.from(document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell'))
    .every(cell => /^\\[\\d+\\]:$/.test(cell.querySelector('.jp-InputPrompt').textContent.trim())
                   || cell.querySelector('.cm-content').textContent.trim() === '')"""
NO_OUTPUTS = "() => document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output').length === 0"


def count_widget_views(notebook_path: Path) -> int:
    """How many widget views the stored notebook displays (what a run must render again)."""
    nb = json.loads(notebook_path.read_text(encoding="utf-8"))
    return sum(
        WIDGET_VIEW in output.get("data", {})
        for cell in nb["cells"] if cell["cell_type"] == "code"
        for output in cell.get("outputs", [])
    )


def wait_for_kernel_idle(page, lab: LabServer, relative: str, timeout: float = 60) -> None:
    """Poll the REST API; page.wait_for_timeout (not time.sleep) lets Playwright serve the page's
    routed requests meanwhile."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for session in lab.api("GET", "sessions"):
            if session["path"] == relative and session["kernel"]["execution_state"] == "idle":
                return
        page.wait_for_timeout(200)
    raise TimeoutError(f"no idle kernel for {relative} within {timeout:.0f} s")


def click_menu(page, menu: str, item: str) -> None:
    page.get_by_role("menuitem", name=menu, exact=True).click()
    page.get_by_role("menuitem", name=item, exact=True).click()
    page.locator(".lm-Menu").first.wait_for(state="hidden")


def open_and_run_all(page, lab: LabServer, relative: str, timeout_ms: int = 120_000) -> None:
    """Open a notebook in a fresh workspace, wait for its kernel, clear and run every cell."""
    page.goto(lab.notebook_url(relative))
    page.locator(".jp-NotebookPanel:visible").wait_for(timeout=timeout_ms)
    wait_for_kernel_idle(page, lab, relative, timeout_ms / 1000)
    click_menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(NO_OUTPUTS, timeout=timeout_ms)
    click_menu(page, "Run", "Run All Cells")
    page.wait_for_function(ALL_CODE_CELLS_RAN, timeout=timeout_ms, polling=250)
    wait_for_kernel_idle(page, lab, relative, timeout_ms / 1000)


WIDGET_OUTPUTS = ".jp-NotebookPanel .jp-OutputArea-output:has(> .jupyter-widgets)"


def wait_for_widgets(page, expected: int, timeout_ms: int = 60_000) -> None:
    """Wait until `expected` widget views have rendered and none says "Loading widget..."."""
    page.wait_for_function(
        """([selector, expected]) => document.querySelectorAll(selector).length === expected
            && !Array.from(document.querySelectorAll('.jp-OutputArea-output'))
                .some(o => o.textContent.includes('Loading widget'))""",
        arg=[WIDGET_OUTPUTS, expected],
        timeout=timeout_ms,
    )


def python_errors(page) -> list[str]:
    """Texts of error outputs shown in the notebook: tracebacks, "Error" outputs, widget errors."""
    stderr = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    errors = [t for t in stderr.all_inner_texts() if "Traceback" in t or "Error" in t]
    widget_errors = page.locator(".jp-OutputArea-output").filter(has_text="Error displaying widget")
    return errors + widget_errors.all_inner_texts()
