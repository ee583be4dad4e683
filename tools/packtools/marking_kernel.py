"""The kernel the batch marker runs each submission in: an ordinary IPython kernel, started
under limits. It is run by path (python marking_kernel.py -f CONNECTION_FILE), so it needs
nothing of the project on the path.

Limits, from READINGPACK_LIMITS (memory MB, CPU seconds, file MB, output MB):
- memory (address space), CPU time and the size of any file written (the resource module,
  POSIX only);
- network: socket.connect to anything but the loopback interface raises PermissionError;
- processes: os.fork, os.system, subprocess and the spawn and exec families raise
  PermissionError;
- output: every output message (print, display(), rich reprs, errors) counts towards one limit;
  past it, outputs are dropped, with one notice;
- threads and processes (READINGPACK_PROCESSES): RLIMIT_NPROC, set once the kernel has started
  its own threads, allows that many more.

The audit hooks are a first fence only: ctypes or a C extension can go round them. The marker
runs this kernel inside a bubblewrap sandbox (packtools.sandbox), which is what contains a
notebook that goes round them; docs/instructor-guide.md says what each mode protects.
"""

import ipaddress
import os
import sys

BLOCKED_EVENTS = ("os.fork", "os.forkpty", "os.system", "os.posix_spawn", "os.spawn", "os.exec",
                  "subprocess.Popen", "pty.spawn")


def _limits() -> tuple[int, int, int, int]:
    memory, cpu, file_size, output = (int(v) for v in
                                      os.environ.get("READINGPACK_LIMITS", "3000,300,100,20").split(","))
    return memory, cpu, file_size, output


def _is_loopback(address) -> bool:
    if not isinstance(address, tuple) or not address:
        return True  # a Unix socket path: local by definition
    host = str(address[0])
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def audit(event: str, args: tuple) -> None:
    if event == "socket.connect" and not _is_loopback(args[1]):
        raise PermissionError(f"network access is off while marking (connect to {args[1]!r})")
    if event.startswith(BLOCKED_EVENTS):
        raise PermissionError(f"starting other processes is off while marking ({event})")


def limit_resources(memory_mb: int, cpu_seconds: int, file_mb: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no resource module
        return
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 2**20, memory_mb * 2**20))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_mb * 2**20, file_mb * 2**20))


OUTPUT_TYPES = {"stream", "display_data", "execute_result", "update_display_data", "error",
                "clear_output"}


def _size(value, budget: int = 10_000) -> int:
    """The characters of text in a message's content (a cheap upper estimate)."""
    if isinstance(value, str | bytes):
        return len(value)
    if isinstance(value, dict):
        return sum(_size(v, budget) for v in list(value.values())[:budget]) + len(value)
    if isinstance(value, list | tuple):
        return sum(_size(v, budget) for v in value[:budget]) + len(value)
    return 8


def limit_output(output_mb: int) -> None:
    """Every output message (print, display, rich reprs, errors) counts towards one limit: past
    it, outputs are dropped, with one notice."""
    from jupyter_client.session import Session

    send = Session.send
    limit = output_mb * 2**20
    state = {"sent": 0, "cut": False}

    def limited(self, stream, msg_or_type, content=None, parent=None, ident=None, buffers=None,
                track=False, header=None, metadata=None):
        kind = msg_or_type if isinstance(msg_or_type, str) else msg_or_type.get("header", {}).get("msg_type")
        if kind in OUTPUT_TYPES:
            state["sent"] += _size(content if isinstance(msg_or_type, str) else msg_or_type.get("content"))
            state["sent"] += sum(len(b) for b in buffers or [])
            if state["sent"] > limit:
                if state["cut"]:
                    return None
                state["cut"] = True
                notice = {"name": "stderr",
                          "text": f"\n[output cut: more than {output_mb} MB of output while marking]\n"}
                if isinstance(msg_or_type, dict):  # keep its parent header: the client matches on it
                    message = {**msg_or_type, "msg_type": "stream", "content": notice,
                               "header": {**msg_or_type.get("header", {}), "msg_type": "stream"}}
                    return send(self, stream, message, ident=ident)
                return send(self, stream, "stream", notice, parent, ident)
        return send(self, stream, msg_or_type, content, parent, ident, buffers, track, header, metadata)

    Session.send = limited


def tasks_of_this_user() -> int:
    """Threads and processes this process's user has (in the sandbox: only the sandbox's own)."""
    uid, count = os.getuid(), 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as status:
                    fields = dict(line.split(":", 1) for line in status if ":" in line)
                if int(fields["Uid"].split()[0]) == uid:
                    count += int(fields["Threads"])
            except (OSError, KeyError, ValueError):
                continue
    return count


def limit_processes(extra: int) -> None:
    """RLIMIT_NPROC: from now on, at most `extra` more threads and processes for this user."""
    try:
        import resource
    except ImportError:
        return
    allowed = tasks_of_this_user() + extra
    resource.setrlimit(resource.RLIMIT_NPROC, (allowed, allowed))


def main() -> None:
    memory, cpu, file_size, output = _limits()
    limit_resources(memory, cpu, file_size)
    limit_output(output)
    from ipykernel.kernelapp import IPKernelApp

    sys.addaudithook(audit)
    app = IPKernelApp.instance()
    app.initialize()
    if os.environ.get("READINGPACK_PROCESSES"):
        limit_processes(int(os.environ["READINGPACK_PROCESSES"]))
    app.start()


if __name__ == "__main__":
    main()
