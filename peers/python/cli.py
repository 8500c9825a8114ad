"""What every peer process shares: flags with environment fallbacks, the ready line, the runtime set-up."""
import argparse
import os
import platform
import re
import resource
import signal
import subprocess
import sys
import threading
import time

PYPY = platform.python_implementation() == "PyPy"
# PyPy sizes its nursery from the last-level cache the CPU reports (here 480 MiB of L3, so a nursery of
# hundreds of MiB per process); 4M, about one core's L2, keeps a worker's heap small without slowing it.
PYPY_GC_NURSERY_DEFAULT = "4M"


class Parser(argparse.ArgumentParser):
    """argparse with the project's exit rule: a bad flag exits 2 with one line on stderr, no usage dump."""

    def error(self, message):
        self.exit(2, f"{self.prog}: {message}\n")


def parser(prog, description):
    return Parser(prog=prog, description=description)


def env(name, default):
    return os.environ.get(name, default)


def port(text):
    try:
        value = int(text)
    except ValueError:
        value = -1
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"not a port (0..65535): {text!r}")
    return value


def positive_int(text):
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive integer: {text!r}")
    return int(text)


_DURATION = re.compile(r"(\d+)(ms|s|m)")
_SECONDS_PER_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0}


def duration(text):
    """'10s', '500ms', '1m' in seconds (positive)."""
    match = _DURATION.fullmatch(text)
    if not match or int(match.group(1)) == 0:
        raise argparse.ArgumentTypeError(f"not a positive duration such as 10s or 500ms: {text!r}")
    return int(match.group(1)) * _SECONDS_PER_UNIT[match.group(2)]


def add_address(p, default_port):
    p.add_argument("--host", default=env("HOST", "0.0.0.0"), help="address to bind (env HOST)")
    p.add_argument("--port", type=port, default=env("PORT", str(default_port)), help="port, 0 picks one (env PORT)")


def add_redis(p, default):
    p.add_argument("--redis", default=env("REDIS_URL", default), help="Redis URL (env REDIS_URL)")


def ready(name, host, bound_port):
    print(f"{name} listening on {host}:{bound_port}", flush=True)


def fail_start(name, host, wanted_port, reason):
    print(f"{name}: cannot start on {host}:{wanted_port}: {reason}", file=sys.stderr, flush=True)
    sys.exit(2)


def ensure_pypy_nursery():
    """On PyPy, re-executes this process with PYPY_GC_NURSERY set (the GC reads it only at start-up)."""
    if PYPY and "PYPY_GC_NURSERY" not in os.environ:
        os.environ["PYPY_GC_NURSERY"] = PYPY_GC_NURSERY_DEFAULT
        os.execv(sys.executable, [sys.executable] + sys.argv)


def raise_open_file_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def require_module(p, flag, module):
    """Exits 2 (via the parser) when ``--flag module`` names a module this interpreter lacks."""
    if not has_module(module):
        p.error(f"{flag} {module}: the module {module} is not installed for {sys.executable}")


def has_module(name):
    try:
        __import__(name)
    except ImportError:
        return False
    return True


class Workers:
    """Copies of one command as child processes. SIGTERM or SIGINT to this process stops them all: each gets
    SIGTERM, and SIGKILL after ``grace_s`` (servers wait for requests in flight without a limit of their own)."""

    def __init__(self, command, count, pass_fds=(), grace_s=3.0):
        self.grace_s = grace_s
        self.stopping = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: self.stopping.set())
        self.processes = [subprocess.Popen(command, pass_fds=pass_fds) for _ in range(count)]

    def all_exited(self):
        return all(process.poll() is not None for process in self.processes)

    def run(self, name):
        """Returns once told to stop (and every worker is gone); exits 1 when the workers all exit first."""
        while not self.stopping.wait(0.5):
            if self.all_exited():
                sys.exit(f"{name}: every worker exited")
        self.stop()

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + self.grace_s
        for process in self.processes:
            try:
                process.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
