"""The sandbox each submission is marked in: bubblewrap (`bwrap`, the sandbox Flatpak uses).

Inside: the system folders (/usr, /etc), the Python installation, the venv and the pack's src/,
data/ and tools/packtools/ read-only, at their own paths; one private, size-limited temporary
folder (/sandbox: the notebook's working folder, HOME and TMPDIR) that disappears with the
sandbox; and the handed-in notebook, read-only. Nothing else of the machine exists there: not
the grades folder, the other submissions, the cache, the pack's other files or the teacher's
home. The sandbox has no network at all (its own empty network namespace, loopback only), its
own process, IPC and host-name namespaces, a new terminal session, and it dies with the marker
(--die-with-parent: nothing started inside outlives it). When the marker runs as root, the
notebook runs as an unprivileged user of its own (one per worker), so that RLIMIT_NPROC counts
only the sandbox's processes.

nbclient and the kernel both run inside (sandbox_runner.py), which hands back one JSON document
on its standard output; nothing inside can reach the marker's process except through that
document, which the marker treats as untrusted data.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .paths import PROJECT_ROOT

INSIDE = "/sandbox"
FIRST_UID = 61000  # the marking users when the marker runs as root (one per worker)
TOOLS = PROJECT_ROOT / "tools" / "packtools"
DOCKER_COMMAND = ("docker build -t readingpack-marker . && docker run --rm --security-opt seccomp=unconfined "
                  "--security-opt apparmor=unconfined -v \"$PWD/submissions:/pack/submissions:ro\" "
                  "-v \"$PWD/grades:/pack/grades\" readingpack-marker make grade SUBMISSIONS=submissions")
UNSANDBOXED_WARNING = """\
UNSANDBOXED=1: marking WITHOUT the sandbox. Each notebook still runs in its own kernel under the
resource limits, and the marks are still computed in this process from its exported answers, but
a student's code can now:
  - read every file this account can read (other students' notebooks, grades/, your home folder);
  - write wherever this account can write (grades/written.csv, data/, src/, your home folder);
  - reach the network and other kernels, and start programs that outlive the marking.
Use it only for notebooks you trust (your own test class)."""


def python() -> str:
    """The venv's python by a path that exists inside the sandbox (the venv folder resolved)."""
    return str(Path(sys.executable).parent.resolve() / Path(sys.executable).name)


class SandboxUnavailable(RuntimeError):
    pass


def _ancestors(path: Path) -> list[str]:
    return [str(p) for p in reversed(path.parents) if str(p) != "/"]


def readable_paths() -> list[Path]:
    """What the notebook needs to read: Python, the venv, and the pack's runtime and tools."""
    prefix = Path(sys.base_prefix).resolve()
    paths = [prefix, Path(sys.prefix).resolve(), PROJECT_ROOT / "src", PROJECT_ROOT / "data", TOOLS]
    data = os.environ.get("READINGPACK_DATA")
    if data:
        paths.append(Path(data).resolve())
    system = (Path("/usr"), Path("/etc"))
    return [p for p in dict.fromkeys(paths) if p.exists() and not any(p.is_relative_to(s) for s in system)]


def command(notebook: Path, inside_notebook: str, size_mb: int, uid: int | None) -> list[str]:
    """The bwrap command line that runs sandbox_runner.py on `notebook` (read-only, at
    `inside_notebook`); the runner's job description follows as its last argument."""
    bwrap = shutil.which("bwrap")
    if not bwrap:
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed")
    args = [bwrap, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
            "--die-with-parent", "--new-session", "--hostname", "marking"]
    if uid is not None:  # root: keep only what the runner needs to become the marking user
        args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args += ["--unshare-user", "--disable-userns"]
    args += ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
    for link in ("bin", "lib", "lib64", "sbin"):
        target = Path("/") / link
        if target.is_symlink():
            args += ["--symlink", os.readlink(target), str(target)]
        elif target.is_dir():
            args += ["--ro-bind", str(target), str(target)]
    args += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777", "--tmpfs", "/tmp"]
    made = {"/usr", "/etc", "/proc", "/dev", "/tmp", "/bin", "/lib", "/lib64", "/sbin"}
    for path in readable_paths():
        for folder in _ancestors(path):
            if folder not in made:
                args += ["--perms", "0755", "--dir", folder]
                made.add(folder)
        args += ["--ro-bind", str(path), str(path)]
        made.add(str(path))
    args += ["--perms", "1777", "--size", str(size_mb * 2**20), "--tmpfs", INSIDE,
             "--ro-bind", str(notebook), inside_notebook, "--chdir", INSIDE,
             "--clearenv"]
    return args


def environment(uid: int | None) -> dict[str, str]:
    """The notebook's environment inside the sandbox (passed with --setenv)."""
    home, tmp = f"{INSIDE}/home", f"{INSIDE}/tmp"
    return {
        "PATH": os.pathsep.join([str(Path(python()).parent), "/usr/bin", "/bin"]),
        "HOME": home, "TMPDIR": tmp, "TEMP": tmp, "TMP": tmp, "LANG": "C.UTF-8", "MPLBACKEND": "Agg",
        "PYTHONIOENCODING": "utf-8", "MPLCONFIGDIR": f"{home}/.matplotlib", "IPYTHONDIR": f"{home}/.ipython",
        "JUPYTER_RUNTIME_DIR": f"{tmp}/runtime", "JUPYTER_DATA_DIR": f"{home}/.local/share/jupyter",
        "JUPYTER_CONFIG_DIR": f"{home}/.jupyter", "JUPYTER_PLATFORM_DIRS": "1",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "PYTHONPATH": f"{PROJECT_ROOT / 'src'}", "PYTHONDONTWRITEBYTECODE": "1",
    }


def setenv(variables: dict[str, str]) -> list[str]:
    return [arg for name, value in variables.items() for arg in ("--setenv", name, value)]


def marking_uid(slot: int) -> int | None:
    return FIRST_UID + slot if os.geteuid() == 0 else None


def probe() -> None:
    """Start one empty sandbox; raise SandboxUnavailable saying why it cannot start."""
    if not sys.platform.startswith("linux"):
        raise SandboxUnavailable(f"bubblewrap runs only on Linux (this is {sys.platform})")
    if not shutil.which("bwrap"):
        raise SandboxUnavailable("bubblewrap (bwrap) is not installed")
    here = Path(__file__)
    args = command(here, f"{INSIDE}/probe.py", 16, marking_uid(0)) + setenv(environment(None))
    args += [python(), "-c", "import os, sys; os.listdir('/sandbox'); sys.exit(0)"]
    try:
        result = subprocess.run(args, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SandboxUnavailable(f"bwrap could not start ({error.__class__.__name__}: {error})") from error
    if result.returncode != 0:
        raise SandboxUnavailable("bwrap could not start a sandbox here: "
                                 + (result.stderr.strip().splitlines() or ["no message"])[-1][:300])


def refusal(reason: str) -> str:
    return f"""\
Marking stopped: {reason}.

The marker runs each notebook in a bubblewrap sandbox, so that a student's code cannot read or
change other students' notebooks, the grades or your files, reach the network, or keep running
after marking. Do one of these:
  1. Install bubblewrap (Debian/Ubuntu: sudo apt-get install bubblewrap; Fedora: sudo dnf
     install bubblewrap), then run make grade again. If it is installed but cannot start, your
     system has unprivileged user namespaces turned off (sysctl kernel.unprivileged_userns_clone=1,
     or on Ubuntu 24.04 an AppArmor profile for bwrap).
  2. On macOS or Windows, mark in the pack's Linux container (Dockerfile in the pack's folder):
       {DOCKER_COMMAND}
  3. Only for notebooks you trust: UNSANDBOXED=1 make grade SUBMISSIONS=... (it prints what this
     exposes).
docs/instructor-guide.md, "Running the course", says what each mode protects."""
