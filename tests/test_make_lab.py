"""`make lab` starts JupyterLab on 127.0.0.1 with token authentication kept on."""

import os
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

from readingpack.paths import PROJECT_ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def status(port: int, token: str | None, path: str = "/api/status") -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if token:
        request.add_header("Authorization", f"token {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.slow
def test_make_lab_serves_the_pack_root_with_token_and_refuses_without(tmp_path):
    # the workbook folder students work in must be reachable from JupyterLab's file browser
    subprocess.run(["make", "--no-print-directory", "workbook"], cwd=PROJECT_ROOT, check=True,
                   capture_output=True)
    port, token = free_port(), secrets.token_hex(16)
    env = dict(
        os.environ,
        JUPYTER_TOKEN=token,
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "workspaces"),
    )
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"PORT={port}", "NO_BROWSER=1"],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 90
        code = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                code = status(port, token)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        assert code == 200, f"no answer with the token; log:\n{(tmp_path / 'lab.log').read_text()}"
        assert status(port, None) == 403
        assert status(port, "wrong-token") == 403
        for folder in ("notebooks", "workbook", "data"):
            assert status(port, token, f"/api/contents/{folder}") == 200, folder
        printed = (tmp_path / "lab.log").read_text()
        assert f"http://127.0.0.1:{port}/lab/tree/notebooks/00_start_here.ipynb?token=" in printed
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) == 0
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()
