"""Real parts for the peers' tests: a redis-server on a Unix socket, an upstream stub, peer processes."""
import http.client
import http.server
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

PEERS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CPYTHON = sys.executable
PYPY = shutil.which("pypy3")
READY = re.compile(r"^(\S+) listening on (\S+):(\d+)$")
STUB_TAIL = (',"name":"stub item","price":19.99,"currency":"EUR","stock":42,"tags":["alpha","beta","gamma"],'
             '"updated":"2025-06-01T12:00:00Z","description":"A fixed item from the Showdown upstream stub."}')


def wait_until(condition, timeout_s=10.0, what="condition"):
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


class Redis:
    """A private redis-server listening on a Unix socket only (no port to race for)."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="peer-redis-")
        self.socket = os.path.join(self.dir, "redis.sock")
        self.url = f"unix://{self.socket}"
        self.process = subprocess.Popen(
            ["redis-server", "--port", "0", "--unixsocket", self.socket, "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(lambda: os.path.exists(self.socket), what="redis-server")

    def command(self, *args):
        return subprocess.run(["redis-cli", "-s", self.socket, *args], check=True, capture_output=True,
                              text=True).stdout.strip()

    def seed(self, count):
        lines = []
        for i in range(1, count + 1):
            lines.append(f"SET cache:{i} cached-{i}")
            lines.append(f"SET user:{i} " + json.dumps(json.dumps(
                {"id": i, "name": f"user{i}", "email": f"user{i}@example.com"}, separators=(",", ":"))))
        subprocess.run(["redis-cli", "-s", self.socket], input="\n".join(lines), check=True,
                       capture_output=True, text=True)

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)


class _StubHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as the bench's stub

    def do_GET(self):
        item = self.path[len("/items/"):]
        status, body = 200, ('{"id":' + item + STUB_TAIL).encode()
        if item == "500":
            status, body = 500, b'{"error":"boom"}'
        elif item == "666":
            body = b"not json"
        elif item == "667":
            body = b'{"price":NaN}'
        elif item == "777":
            body = b'"' + b"x" * (1 << 20) + b'"'
        elif item == "999":
            time.sleep(2)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Upstream:
    """GET /items/{id} like the bench's stub, with ids that misbehave: 500, 666/667 (not JSON), 777 (too big),
    999 (slower than the peer's 1 s timeout)."""

    def __init__(self):
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _StubHandler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Peer:
    """A peer process started as the bench starts it; ``port`` comes from its ready line."""

    def __init__(self, interpreter, script, *args, env=None, ready_timeout_s=60.0):
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen([interpreter, os.path.join(PEERS, script), *args], stdout=subprocess.PIPE,
                                        stderr=self.log, text=True, env={**os.environ, **(env or {})})
        self.ready_line = self._read_ready(ready_timeout_s)
        match = READY.match(self.ready_line)
        if not match:
            stderr = self.stderr()
            self.stop()
            raise AssertionError(f"not a ready line: {self.ready_line!r}; stderr: {stderr}")
        self.name, self.host, self.port = match.group(1), match.group(2), int(match.group(3))

    def _read_ready(self, timeout_s):
        lines = []
        reader = threading.Thread(target=lambda: lines.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout_s)
        if not lines:
            stderr = self.stderr()
            self.stop()
            raise AssertionError(f"no ready line within {timeout_s} s; stderr: {stderr}")
        return lines[0].rstrip("\n")

    def running(self):
        """True while the process runs; raises with its stderr once it has exited."""
        if self.process.poll() is not None:
            raise AssertionError(f"exited with {self.process.returncode}; stderr: {self.stderr()}")
        return True

    def stderr(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def children(self):
        path = f"/proc/{self.process.pid}/task/{self.process.pid}/children"
        with open(path) as f:
            return [int(pid) for pid in f.read().split()]

    def stop(self, timeout_s=10.0):
        """SIGTERM; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout_s)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise
        finally:
            self.process.stdout.close()
            self.log.close()


def get(port, path, method="GET", headers=None):
    """(status, content type, body bytes) of one request on a fresh connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type"), response.read()
    finally:
        connection.close()


def pid_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split(")")[-1].split()[0] != "Z"
