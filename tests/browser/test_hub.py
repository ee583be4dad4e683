"""A class on a real JupyterHub, as docs/hosting.md sets it up (heavy tier: `make test-heavy`).

It installs the students' environment with hub/install.sh (the runtime lock, the pack from the
student edition, jupyterhub and nbgitpuller from hub/requirements.txt) plus the idle culler and
configurable-http-proxy (npm, pinned) into .hub-test/ (git-ignored; kept between runs, keyed by
the files that define it), publishes the student edition with packtools.publish into a bare git
repository served as a file:// URL, and starts a hub from hub/jupyterhub_config.py on 127.0.0.1
with the dummy login and local processes (homes in a temporary folder).

Two students follow the link from packtools.hublink in Chromium: their home holds the edition
and none of the instructors' files; they run lesson 0, make their workbook with
tools/workbook.py in a terminal, answer and check task 1.1, and save. The teacher then publishes
a change to lesson 0, and one student's own edit of lesson 0 survives the second pull.

Each server's memory (the single-user server with its kernels and terminals: psutil RSS) is
sampled throughout; the test fails when a student's peak exceeds the figure in docs/hosting.md
by more than 20%. Measurements go to test-artifacts/hub-measurements.json. Everything listens on
127.0.0.1, and the pages may fetch nothing else. Nothing here skips: a missing tool is a failure.
"""

import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import psutil
import pytest
from pagetools import artifact

from packtools import browser, edition, hublink, publish
from readingpack.paths import PROJECT_ROOT

pytestmark = [pytest.mark.heavy, pytest.mark.slow]

CACHE = PROJECT_ROOT / ".hub-test"
CHP_VERSION = "5.3.0"
CULLER = "jupyterhub-idle-culler==2.0.0"
DEFINING = ["requirements/runtime.txt", "hub/requirements.txt", "hub/install.sh", "pyproject.toml"]
HOSTING = PROJECT_ROOT / "docs" / "hosting.md"
DOCUMENTED_PEAK = re.compile(r"peak memory per student: \*\*(\d+) MB\*\*")
INSTRUCTORS_ONLY = ["solutions", "docs/instructor-guide.md", "docs/exemplars"]
LESSON0 = "notebooks/00_start_here.ipynb"
EXERCISE = "workbook/01_article_and_setting.ipynb"
ANSWER = 'body_paragraphs = int((paragraphs["kind"] == "body").sum())  # counted with pandas'
STUDENT_NOTE = "# my own note: run this again after an update"
TEACHER_CHANGE = ("# Start here", "# Start here (updated for this class)")
STUDENTS = ["ana", "ben"]
# Every cell kept in the page, no news fetched. (Not autoStartDefaultKernel, which the lab tests
# set: behind the hub it can start a second kernel for the same notebook.)
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False,
    },
}


def run(command, **kwargs):
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env.update(extra)
    return env


# The browser is the suite's session Chromium (tests/browser/conftest.py): in CI it fails,
# never skips, when Chromium is missing. A second sync_playwright in the same run would fail.


def install(edition_folder: Path) -> tuple[Path, Path]:
    """The students' venv (hub/install.sh) and configurable-http-proxy, cached in .hub-test/."""
    for tool in ("git", "npm"):
        assert shutil.which(tool), f"the hub test needs {tool} on the PATH"
    digest = hashlib.sha256(CHP_VERSION.encode() + CULLER.encode() + sys.version.encode())
    for name in DEFINING:
        digest.update((PROJECT_ROOT / name).read_bytes())
    folder = CACHE / digest.hexdigest()[:16]
    venv, node = folder / "venv", folder / "node"
    if not (folder / ".complete").exists():
        shutil.rmtree(CACHE, ignore_errors=True)  # an older or unfinished install
        folder.mkdir(parents=True)
        run(["sh", str(edition_folder / "hub" / "install.sh"), str(edition_folder), str(venv)],
            env=clean_env(PYTHON=sys.executable))
        run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", CULLER], env=clean_env())
        run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(node),
             f"configurable-http-proxy@{CHP_VERSION}"])
        (folder / ".complete").touch()
    else:  # the pack from this run's edition, installed in place as hub/install.sh does
        run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-deps", "-e",
             str(edition_folder)], env=clean_env())
        shutil.copy(edition_folder / "hub" / "jupyter_server_config.py",
                    venv / "etc" / "jupyter" / "jupyter_server_config.py")
        shutil.copy(edition_folder / "hub" / "overrides.json",
                    venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json")
    proxy = node / "node_modules" / ".bin" / "configurable-http-proxy"
    assert proxy.exists(), f"configurable-http-proxy was not installed in {node}"
    return venv, proxy


HUB_CONFIG = """
load_subconfig({example!r})
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {homes!r} + "/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {args!r}
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL"]
c.Spawner.environment = {{"JUPYTERLAB_SETTINGS_DIR": {settings!r}}}
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.JupyterHub.db_url = "sqlite:///" + {hub_dir!r} + "/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {hub_dir!r} + "/cookie_secret"
"""


@contextlib.contextmanager
def running_hub(tmp: Path, venv: Path, proxy: Path):
    hub_dir, homes, settings = tmp / "hub", tmp / "homes", tmp / "lab-settings"
    for folder in (hub_dir, homes, *(homes / name for name in STUDENTS)):
        folder.mkdir(parents=True)
    for name, values in LAB_SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(values), encoding="utf-8")
    port = browser.free_port()
    config = hub_dir / "jupyterhub_config.py"
    config.write_text(HUB_CONFIG.format(
        example=str(PROJECT_ROOT / "hub" / "jupyterhub_config.py"), port=port,
        hub_port=browser.free_port(), api_port=browser.free_port(), proxy=str(proxy),
        homes=str(homes), singleuser=str(venv / "bin" / "jupyterhub-singleuser"),
        args=["--allow-root"] if os.geteuid() == 0 else [], settings=str(settings), hub_dir=str(hub_dir),
    ), encoding="utf-8")
    path = f"{venv / 'bin'}:{proxy.parent}:{os.environ.get('PATH', '/usr/bin:/bin')}"
    log_path = hub_dir / "hub.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [str(venv / "bin" / "jupyterhub"), "-f", str(config)], cwd=hub_dir,
            env=clean_env(PATH=path), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            url = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 90
            while True:
                assert process.poll() is None, f"the hub stopped:\n{log_path.read_text()[-4000:]}"
                try:
                    urllib.request.urlopen(f"{url}/hub/api", timeout=5)
                    break
                except OSError:
                    assert time.monotonic() < deadline, f"no hub after 90 s:\n{log_path.read_text()[-4000:]}"
                    time.sleep(0.5)
            yield url, homes, log_path
        finally:
            browser._stop(process)
            kill_servers_under(str(homes))
            shutil.copy(log_path, artifact("hub.log"))


def servers_under(homes: str) -> list[tuple[str, psutil.Process]]:
    """(user, process) of the single-user servers whose home is in `homes` (this run's only)."""
    found = []
    for process in psutil.process_iter(["cmdline"]):
        with contextlib.suppress(psutil.Error):
            if any("jupyterhub-singleuser" in part for part in process.info["cmdline"] or []):
                env = process.environ()
                if env.get("HOME", "").startswith(homes) and env.get("JUPYTERHUB_USER"):
                    found.append((env["JUPYTERHUB_USER"], process))
    return found


def kill_servers_under(homes: str) -> None:
    """The hub leaves a single-user server running when it stops quicker than the server: end
    this run's servers and their kernels."""
    for _user, server in servers_under(homes):
        with contextlib.suppress(psutil.Error):
            for process in [*server.children(recursive=True), server]:
                with contextlib.suppress(psutil.Error):
                    process.kill()


class MemorySampler:
    """The peak RSS of each student's server with everything it started (kernels, terminals)."""

    def __init__(self, homes: Path):
        self.homes = str(homes)
        self.peaks: dict[str, float] = {}
        self.parts: dict[str, dict[str, list[int]]] = {}  # at the last sample: MB per process kind
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def servers(self) -> dict[str, psutil.Process]:
        return {user: process for user, process in servers_under(self.homes)}

    def sample(self) -> dict[str, float]:
        now = {}
        for user, server in self.servers().items():
            with contextlib.suppress(psutil.Error):
                total = server.memory_info().rss
                parts = {"server": [round(total / 2**20)], "kernels": [], "other": []}
                for child in server.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        rss = child.memory_info().rss
                        total += rss
                        kind = "kernels" if "ipykernel" in " ".join(child.cmdline()) else "other"
                        parts[kind].append(round(rss / 2**20))
                self.parts[user] = parts
                now[user] = total / 2**20
                self.peaks[user] = max(self.peaks.get(user, 0), now[user])
        return now

    def loop(self):
        while not self.stop.wait(0.5):
            self.sample()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=10)


def folder_size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def saved_widgets_have_state(path: Path) -> bool:
    """Every widget the saved notebook shows has its state saved with it (hub/overrides.json)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    shown = {output["data"][browser.WIDGET_VIEW]["model_id"]
             for cell in nb["cells"] for output in cell.get("outputs", [])
             if browser.WIDGET_VIEW in output.get("data", {})}
    state = nb["metadata"].get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    return bool(shown) and shown <= set(state.get("state", {}))


def cell_with(page, text: str):
    return page.locator(".jp-NotebookPanel:visible .jp-Cell").filter(has_text=text).first


def save(page):
    page.keyboard.press("Control+s")
    page.wait_for_function("() => !document.querySelector('.lm-TabBar-tab.lm-mod-current.jp-mod-dirty')")


def kernel_ready(page, timeout_s: float = 180):
    """Wait until the open notebook's kernel is idle; answer JupyterLab's "Select Kernel" question
    (asked when a notebook is opened by a link) as a student would, with the default kernel."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        choose = page.locator(".jp-Dialog").get_by_role("button", name="Select", exact=True)
        if choose.count() and choose.is_visible():
            choose.click()
        if "| Idle" in page.locator("#jp-main-statusbar").inner_text():
            return
        page.wait_for_timeout(300)
    raise AssertionError(f"no idle kernel within {timeout_s:.0f} s")


def in_open_notebook(script: str) -> str:
    """A check of browser.py's about the notebook on screen only (the workspace keeps others open)."""
    return script.replace(".jp-NotebookPanel ", ".jp-NotebookPanel:not(.lm-mod-hidden) ")


def run_all(page, relative: str):
    """Clear the outputs, run every cell, wait until all ran; no error shown."""
    page.locator(".jp-NotebookPanel:visible").wait_for(timeout=120_000)
    kernel_ready(page)
    browser.click_menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(in_open_notebook(browser.NO_OUTPUTS), timeout=60_000)
    browser.click_menu(page, "Run", "Run All Cells")
    page.wait_for_function(in_open_notebook(browser.ALL_CODE_CELLS_RAN), timeout=180_000, polling=500)
    kernel_ready(page)
    assert browser.python_errors(page) == [], relative


def student_session(page, link: str, name: str, home: Path, edit_lesson: bool) -> float:
    """One student's first visit; returns the seconds from log-in to lesson 0 on screen."""
    page.goto(link)
    page.locator("#username_input").fill(name)
    page.locator("#password_input").fill("any")
    started = time.monotonic()
    page.locator("#login_submit").click()
    page.locator(".jp-NotebookPanel:visible .jp-Cell").first.wait_for(timeout=180_000)
    seconds = time.monotonic() - started

    clone = home / hublink.FOLDER
    assert (clone / LESSON0).is_file() and (clone / ".git").is_dir(), sorted(p.name for p in home.iterdir())
    present = [path for path in INSTRUCTORS_ONLY if (clone / path).exists()]
    assert present == [], f"{name}'s home holds instructors' files: {present}"

    server_url = page.url.split("/lab", 1)[0]
    run_all(page, LESSON0)
    browser.wait_for_widgets(page, browser.count_widget_views(clone / LESSON0))
    page.get_by_text("is the same as your copy's src/ and data/").first.wait_for()
    if edit_lesson:  # a line of the student's own, in the environment check's cell
        editor = cell_with(page, "print_report()").locator(".cm-content")
        editor.click()
        page.keyboard.press("Control+End")
        page.keyboard.insert_text("\n" + STUDENT_NOTE)
    save(page)
    assert saved_widgets_have_state(clone / LESSON0), "reopening the saved lesson would say 'model not found'"

    # the workbook, made in a terminal as lesson 0 says
    page.locator('[data-command="launcher:create"]').first.click()
    page.locator(".jp-LauncherCard:visible").filter(has_text="Terminal").first.click()
    page.locator(".jp-Terminal:visible").wait_for()
    page.locator(".jp-Terminal:visible").click()
    page.keyboard.type(f"python3 ~/{hublink.FOLDER}/tools/workbook.py\n")
    deadline = time.monotonic() + 60
    while not (clone / EXERCISE).exists():
        assert time.monotonic() < deadline, f"{name}: the terminal made no workbook"
        page.wait_for_timeout(300)

    # task 1.1, answered, checked and saved
    page.goto(f"{server_url}/lab/tree/{hublink.FOLDER}/{EXERCISE}")
    page.locator(".jp-NotebookPanel:visible .jp-Cell").first.wait_for(timeout=60_000)
    answer = cell_with(page, 'check("1.1")').locator(".cm-content")
    answer.click()
    page.keyboard.press("Control+a")
    page.keyboard.insert_text(ANSWER + '\ncheck("1.1")')
    run_all(page, EXERCISE)
    page.locator(".jp-NotebookPanel:visible").get_by_text("Task 1.1: correct").first.wait_for()
    save(page)
    saved = (clone / EXERCISE).read_text(encoding="utf-8")
    assert "body_paragraphs = int(" in saved and "Task 1.1: correct" in saved
    page.screenshot(path=artifact(f"hub-{name}.png"))
    return seconds


@contextlib.contextmanager
def screenshots_on_failure(pages: dict):
    """Screenshots while the hub still runs (the page fixture's come after it stopped)."""
    try:
        yield
    except BaseException:
        for name, page in pages.items():
            with contextlib.suppress(Exception):
                page.screenshot(path=artifact(f"FAILED-hub-{name}.png"))
        raise


@pytest.fixture
def hub_page(new_page):
    """The suite's pages (requests off this machine blocked and recorded), with the hub's longer
    waits, "leave the page?" accepted when going to the link, and a log of console errors and
    failed requests per page."""
    made = []

    def make():
        page = new_page()
        made.append(page)
        page.set_default_timeout(60_000)
        page.on("dialog", lambda dialog: dialog.accept())
        log = artifact(f"hub-page-{len(made)}.log").open("w", encoding="utf-8")
        page.on("console", lambda m: m.type in ("error", "warning")
                and log.write(f"console {m.type}: {m.text}\n"))
        page.on("requestfailed", lambda r: log.write(f"failed {r.method} {r.url} {r.failure}\n"))
        page.on("response", lambda r: r.status >= 400
                and log.write(f"{r.status} {r.request.method} {r.url}\n"))
        return page

    return make


def test_a_class_on_a_real_hub(tmp_path, hub_page):
    built = edition.build(tmp_path / "edition")
    venv, proxy = install(built)

    # the course's repository: a bare repository, and the teacher's working copy that publishes
    served = tmp_path / "served" / "readingpack.git"
    run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(served)])
    teacher = tmp_path / "teacher"
    run(["git", "clone", "--quiet", str(served), str(teacher)])
    for key, value in (("user.name", "Teacher"), ("user.email", "teacher@127.0.0.1")):
        run(["git", "-C", str(teacher), "config", key, value])
    run(["git", "-C", str(teacher), "checkout", "--quiet", "-b", "main"])
    assert publish.publish(teacher) is not None
    run(["git", "-C", str(teacher), "push", "--quiet", "origin", "main"])
    link_to = lambda hub: hublink.link(f"file://{served}", "main", hub)  # noqa: E731

    measured = {"login_to_lesson_s": {}, "peak_mb": {}, "home_mb": {}, "last_sample_mb": {}}
    pages = {}
    with running_hub(tmp_path, venv, proxy) as (url, homes, _log), MemorySampler(homes) as memory, \
            screenshots_on_failure(pages):
        for number, name in enumerate(STUDENTS):
            pages[name] = hub_page()
            seconds = student_session(pages[name], link_to(url), name, homes / name, edit_lesson=number == 0)
            measured["login_to_lesson_s"][name] = round(seconds, 1)

        # the teacher changes lesson 0's title and publishes; the first student pulls again
        update = edition.build(tmp_path / "update")
        lesson = update / LESSON0
        text = lesson.read_text(encoding="utf-8")
        assert TEACHER_CHANGE[0] in text
        lesson.write_text(text.replace(TEACHER_CHANGE[0], TEACHER_CHANGE[1], 1), encoding="utf-8")
        publish.sync(update, teacher)
        assert publish.commit(teacher, "Lesson 0: a new title") is not None
        run(["git", "-C", str(teacher), "push", "--quiet", "origin", "main"])
        first = pages[STUDENTS[0]]
        first.goto(link_to(url))
        first.locator(".jp-NotebookPanel:visible .jp-Cell").first.wait_for(timeout=120_000)
        clone = homes / STUDENTS[0] / hublink.FOLDER
        merged = clone.joinpath(LESSON0).read_text(encoding="utf-8")
        assert TEACHER_CHANGE[1] in merged, "the teacher's change did not reach the student"
        assert STUDENT_NOTE in merged, "the student's own line was lost in the pull"
        json.loads(merged)  # still a notebook
        assert "Task 1.1: correct" in (clone / EXERCISE).read_text(encoding="utf-8")
        assert "Automatic commit by nbgitpuller" in run(["git", "-C", str(clone), "log", "--format=%s"])
        memory.sample()
        for page in pages.values():
            assert page.external_requests == [], page.external_requests

    for name in STUDENTS:
        measured["peak_mb"][name] = round(memory.peaks.get(name, 0))
        measured["home_mb"][name] = round(folder_size_mb(homes / name), 1)
        measured["last_sample_mb"][name] = memory.parts.get(name)
    artifact("hub-measurements.json").write_text(json.dumps(measured, indent=1), encoding="utf-8")
    print(json.dumps(measured))

    found = DOCUMENTED_PEAK.search(HOSTING.read_text(encoding="utf-8"))
    assert found, f"{HOSTING.name} gives no 'peak memory per student: **N MB**'"
    documented = int(found.group(1))
    for name, peak in measured["peak_mb"].items():
        assert peak > 0, f"no memory sample of {name}'s server"
        assert peak <= 1.2 * documented, (
            f"{name}'s server peaked at {peak} MB, more than 20% above the {documented} MB in {HOSTING.name}")
