"""The marking sandbox against a hostile notebook's tricks, each run as code inside the very
sandbox the marker builds (packtools.sandbox.command). Traffic goes only to the host's loopback
or to the sandbox's own empty network namespace. Where bubblewrap cannot start, these tests fail
and say so: they never pass without the sandbox."""

import os
import select
import socket
import subprocess
import textwrap
import time
import uuid
from pathlib import Path

import pytest

from packtools import sandbox
from packtools.paths import PROJECT_ROOT


@pytest.fixture(scope="module", autouse=True)
def sandbox_starts():
    try:
        sandbox.probe()
    except sandbox.SandboxUnavailable as error:
        pytest.fail(f"the marking sandbox cannot start here, so it cannot be tested: {error}")


def run_inside(code: str, tmp_path: Path, timeout: int = 60) -> str:
    """Run `code` with the venv's python inside a sandbox as the marker builds it (as the marking
    user when the tests run as root); return its standard output."""
    uid = sandbox.marking_uid(0)
    drop = (f"import os\nos.setgroups([]); os.setgid({uid}); os.setuid({uid})\n" if uid is not None else "")
    notebook = tmp_path / "handed-in.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    args = (sandbox.command(notebook, f"{sandbox.INSIDE}/handed-in.ipynb", 50, uid)
            + sandbox.setenv(sandbox.environment(uid))
            + [sandbox.python(), "-c", drop + textwrap.dedent(code)])
    result = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_writes_outside_the_sandbox_folder_fail(tmp_path):
    grades = tmp_path / "grades"
    grades.mkdir()
    (grades / "written.csv").write_text("student,task\n", encoding="utf-8")
    targets = {"grades": grades / "written.csv", "data": PROJECT_ROOT / "data" / "tasks.csv",
               "src": PROJECT_ROOT / "src" / "readingpack" / "__init__.py",
               "home": Path.home() / f"planted-{uuid.uuid4().hex}.txt"}
    before = {name: (p.stat().st_mtime_ns, p.stat().st_size) for name, p in targets.items() if p.exists()}
    paths = {name: str(path) for name, path in targets.items()}
    out = run_inside(f"""
        for name, path in {paths!r}.items():
            try:
                with open(path, "a") as handle:
                    handle.write("")
                print(name, "written")
            except OSError as error:
                print(name, "refused", type(error).__name__)
        with open("/sandbox/mine.txt", "w") as handle:
            handle.write("the sandbox's own folder is writable")
        print("own folder written")
    """, tmp_path)
    for name in targets:
        assert f"{name} refused" in out, out
    assert "own folder written" in out
    after = {name: (p.stat().st_mtime_ns, p.stat().st_size) for name, p in targets.items() if p.exists()}
    assert after == before and not targets["home"].exists()


def test_other_submissions_grades_and_the_teachers_home_are_not_visible(tmp_path):
    other = tmp_path / "submissions" / "classmate" / "02_claims.ipynb"
    other.parent.mkdir(parents=True)
    other.write_text("{}", encoding="utf-8")
    out = run_inside(f"""
        import os
        for path in ({str(other)!r}, {str(PROJECT_ROOT / "solutions")!r}, {str(Path.home() / ".bashrc")!r},
                     {str(PROJECT_ROOT / "pyproject.toml")!r}):
            print(os.path.exists(path))
        print(os.path.exists({str(PROJECT_ROOT / "data" / "tasks.csv")!r}))
    """, tmp_path)
    assert out.split() == ["False", "False", "False", "False", "True"], out


def test_udp_to_another_address_fails_before_a_packet_leaves(tmp_path):
    # 192.0.2.1 is TEST-NET-1; inside the sandbox's own network namespace there is no route at all
    out = run_inside("""
        import socket
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            udp.sendto(b"marks", ("192.0.2.1", 9))
            print("sent")
        except OSError as error:
            print("failed", error.errno)
    """, tmp_path)
    assert out.strip() == "failed 101", out  # ENETUNREACH


def test_a_listener_on_the_hosts_loopback_is_not_reachable(tmp_path):
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    try:
        out = run_inside(f"""
            import socket
            try:
                socket.create_connection(("127.0.0.1", {port}), timeout=3)
                print("connected")
            except OSError as error:
                print("failed", type(error).__name__)
        """, tmp_path)
        readable, _, _ = select.select([server], [], [], 0.5)
    finally:
        server.close()
    assert out.startswith("failed"), out
    assert not readable  # no connection ever reached the host's listener


def test_only_the_sandboxs_own_processes_are_visible_and_none_outlives_it(tmp_path):
    token = str(900000 + os.getpid() % 99999)
    out = run_inside(f"""
        import ctypes, os
        print(sorted(int(p) for p in os.listdir("/proc") if p.isdigit())[:5])
        print(os.getppid() != {os.getpid()})
        ctypes.CDLL(None).system(b"setsid sleep {token} >/dev/null 2>&1 &")
        print("started")
    """, tmp_path)
    lines = out.splitlines()
    assert lines[1] == "True" and lines[2] == "started"
    assert max(eval(lines[0])) < 50  # a fresh PID namespace: low numbers only
    time.sleep(0.5)
    survivors = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and token in (entry / "cmdline").read_bytes().decode(errors="replace"):
                survivors.append(entry.name)
        except OSError:
            continue
    assert not survivors, f"a detached child outlived the sandbox: {survivors}"


def test_ctypes_system_and_fork_exec_cannot_reach_the_host(tmp_path):
    planted = tmp_path / "planted-by-ctypes"
    forked = tmp_path / "planted-by-fork-exec"
    out = run_inside(f"""
        import ctypes, os, subprocess
        status = ctypes.CDLL(None).system(b"touch {planted} 2>/dev/null")
        print("system", status != 0)
        # subprocess starts programs through _posixsubprocess.fork_exec
        started = subprocess.run(["touch", {str(forked)!r}], capture_output=True)
        print("fork_exec", started.returncode != 0)
        print(os.path.exists({str(tmp_path)!r}))
    """, tmp_path)
    assert out.split() == ["system", "True", "fork_exec", "True", "False"], out
    assert not planted.exists() and not forked.exists()


def test_the_kernels_process_limit_stops_a_fork_storm(tmp_path):
    out = run_inside(f"""
        import os, sys, time
        sys.path.insert(0, {str(PROJECT_ROOT / "tools" / "packtools")!r})
        from marking_kernel import limit_processes
        limit_processes(8)
        started = 0
        try:
            for _ in range(16):
                if os.fork() == 0:
                    time.sleep(3)
                    os._exit(0)
                started += 1
        except OSError as error:
            print("stopped", started, type(error).__name__)
        else:
            print("all", started)
    """, tmp_path)
    words = out.split()
    assert words[0] == "stopped" and int(words[1]) <= 8, out


def test_refusal_names_the_three_ways_on(monkeypatch):
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    with pytest.raises(sandbox.SandboxUnavailable, match="not installed"):
        sandbox.probe()
    message = sandbox.refusal("bubblewrap (bwrap) is not installed")
    assert "apt-get install bubblewrap" in message and "docker run" in message and "UNSANDBOXED=1" in message
