"""The kernel the batch marker runs each submission in: an ordinary IPython kernel, started
under limits. It is run by path (python marking_kernel.py -f CONNECTION_FILE), so it needs
nothing of the project on the path.

Limits, from READINGPACK_LIMITS (memory MB, CPU seconds, file MB, output MB):
- memory (address space), CPU time and the size of any file written (the resource module,
  POSIX only);
- network: socket.connect to anything but the loopback interface raises PermissionError;
- processes: os.fork, os.system, subprocess and the spawn and exec families raise
  PermissionError;
- output: after the output limit, what the notebook prints is dropped, with one notice.

It is not a sandbox: code can still read any file the marking account can read, and a C
extension can bypass the audit hooks. docs/instructor-guide.md says what to do about that.
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


def limit_output(output_mb: int) -> None:
    from ipykernel import iostream

    write = iostream.OutStream.write
    limit = output_mb * 2**20

    def limited(self, text):
        self._readingpack_written = getattr(self, "_readingpack_written", 0) + len(text)
        if self._readingpack_written <= limit:
            return write(self, text)
        if not getattr(self, "_readingpack_cut", False):
            self._readingpack_cut = True
            write(self, f"\n[output cut: more than {output_mb} MB printed while marking]\n")
        return len(text)

    iostream.OutStream.write = limited


def main() -> None:
    memory, cpu, file_size, output = _limits()
    limit_resources(memory, cpu, file_size)
    limit_output(output)
    from ipykernel.kernelapp import IPKernelApp

    sys.addaudithook(audit)
    IPKernelApp.launch_instance()


if __name__ == "__main__":
    main()
