"""serve.py + app.py over real sockets, against a real redis-server and an upstream stub, on CPython and PyPy."""
import subprocess
import time
import unittest

import support

JSON = "application/json"
FIB_RULE = b'{"error":"n must be an integer in 0..40"}'
ID_RULE = b'{"error":"id must be an integer in 1..9223372036854775807"}'


class FastApiContract:
    interpreter = None
    expected_name = None

    @classmethod
    def setUpClass(cls):
        cls.redis = support.Redis()
        cls.redis.seed(20)
        cls.upstream = support.Upstream()
        cls.peer = support.Peer(cls.interpreter, "serve.py", "--host", "127.0.0.1", "--port", "0", "--workers", "2",
                                "--redis", cls.redis.url, "--upstream", cls.upstream.url)
        support.wait_until(lambda: cls.peer.running() and cls.ok("/health"), timeout_s=60, what="GET /health")

    @classmethod
    def tearDownClass(cls):
        cls.peer.stop()
        cls.upstream.close()
        cls.redis.close()

    @classmethod
    def ok(cls, path):
        try:
            return support.get(cls.peer.port, path)[0] == 200
        except OSError:
            return False

    def assertAnswer(self, path, status, body, method="GET"):
        self.assertEqual(support.get(self.peer.port, path, method), (status, JSON, body), path)

    def test_ready_line_names_the_implementation(self):
        self.assertEqual(self.peer.name, self.expected_name)

    def test_ping_is_exactly_18_bytes(self):
        self.assertAnswer("/ping", 200, b'{"message":"pong"}')

    def test_health(self):
        self.assertAnswer("/health", 200, b'{"status":"UP"}')

    def test_fib(self):
        self.assertAnswer("/fib/0", 200, b'{"result":0}')
        self.assertAnswer("/fib/20", 200, b'{"result":6765}')
        for bad in ("41", "-1", "+5", "%205", "5%20", "1e1", "0x10", "%D9%A3", "99999999999999999999", "abc"):
            self.assertAnswer(f"/fib/{bad}", 400, FIB_RULE)

    def test_unknown_route_and_method(self):
        self.assertAnswer("/nope", 404, b'{"error":"not found"}')
        self.assertAnswer("/ping/", 404, b'{"error":"not found"}')  # not FastAPI's 307 to /ping
        self.assertAnswer("/docs", 404, b'{"error":"not found"}')
        self.assertAnswer("/ping", 405, b'{"error":"method not allowed"}', method="POST")

    def test_data_joins_upstream_and_cache(self):
        item = b'{"id":7' + support.STUB_TAIL.encode()
        self.assertAnswer("/data/7", 200, b'{"api":' + item + b',"cache":"cached-7"}')
        item = b'{"id":12345' + support.STUB_TAIL.encode()
        self.assertAnswer("/data/12345", 200, b'{"api":' + item + b',"cache":null}')

    def test_data_ids(self):
        for bad in ("", "0", "-1", "abc", "9223372036854775808", "1.5", "%201"):
            self.assertAnswer(f"/data/{bad}", 400, ID_RULE)

    def test_data_upstream_failures_are_502(self):
        self.assertAnswer("/data/500", 502, b'{"error":"upstream answered 500"}')
        self.assertAnswer("/data/666", 502, b'{"error":"upstream answered a body that is not JSON"}')
        self.assertAnswer("/data/667", 502, b'{"error":"upstream answered a body that is not JSON"}')
        self.assertAnswer("/data/777", 502, b'{"error":"upstream body larger than 1048576 bytes"}')
        self.assertAnswer("/data/999", 502, b'{"error":"upstream timed out after 1000 ms"}')

    def test_user(self):
        self.assertAnswer("/user/3", 200, b'{"id":3,"name":"user3","email":"user3@example.com"}')
        self.assertAnswer("/user/21", 404, b'{"error":"not found"}')
        self.assertAnswer("/user/0", 400, ID_RULE)
        self.assertAnswer("/user/", 400, ID_RULE)

    def test_redis_error_reply_is_503(self):
        self.redis.command("RPUSH", "user:30", "a")
        self.redis.command("RPUSH", "cache:30", "a")
        status, content_type, body = support.get(self.peer.port, "/user/30")
        self.assertEqual((status, content_type), (503, JSON))
        self.assertTrue(body.startswith(b'{"error":"redis unavailable: WRONGTYPE'), body)
        self.assertEqual(support.get(self.peer.port, "/data/30")[0], 503)

    def test_sigterm_stops_every_worker_and_exits_0(self):
        peer = support.Peer(self.interpreter, "serve.py", "--host", "127.0.0.1", "--port", "0", "--workers", "2",
                            "--redis", self.redis.url, "--upstream", self.upstream.url)
        support.wait_until(lambda: len(peer.children()) == 2, what="two workers")
        workers = peer.children()
        started = time.monotonic()
        self.assertEqual(peer.stop(), 0)
        self.assertLess(time.monotonic() - started, 5)
        self.assertFalse([pid for pid in workers if support.pid_alive(pid)])


class CPythonUvloopHttptools(FastApiContract, unittest.TestCase):
    interpreter = support.CPYTHON
    expected_name = "fastapi"


@unittest.skipUnless(support.PYPY, "pypy3 is not installed")
class PypyAsyncioH11(FastApiContract, unittest.TestCase):
    interpreter = support.PYPY
    expected_name = "fastapi-pypy"


class RedisDown(unittest.TestCase):
    def test_redis_refusing_is_503_on_both_routes(self):
        upstream = support.Upstream()
        peer = support.Peer(support.CPYTHON, "serve.py", "--host", "127.0.0.1", "--port", "0", "--workers", "1",
                            "--redis", "unix:///nonexistent/redis.sock", "--upstream", upstream.url)
        try:
            support.wait_until(lambda: support.get(peer.port, "/health")[0] == 200, what="GET /health")
            for path in ("/user/1", "/data/1"):
                status, content_type, body = support.get(peer.port, path)
                self.assertEqual((status, content_type), (503, JSON), path)
                self.assertTrue(body.startswith(b'{"error":"redis unavailable: '), body)
        finally:
            peer.stop()
            upstream.close()


# Run by each interpreter: serve.listen's socket under the plain asyncio loop (the PyPy default; uvloop sets
# TCP_NODELAY itself), one connection in, prints the accepted socket's TCP_NODELAY.
NODELAY_PROBE = """
import asyncio, socket, sys
sys.path.insert(0, sys.argv[1])
import serve

async def main():
    listener = serve.listen("127.0.0.1", 0)
    seen = asyncio.get_running_loop().create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport):
            sock = transport.get_extra_info("socket")
            seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

    server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
    _, writer = await asyncio.open_connection(*listener.getsockname())
    print(await asyncio.wait_for(seen, 5))
    writer.close()
    server.close()

asyncio.run(main())
"""


class AcceptedSocketsGetNoDelay(unittest.TestCase):
    """Without TCP_NODELAY each keep-alive answer (headers and body are two writes) can wait ~40 ms for the
    client's delayed ACK; whether it does depends on timing, so the option itself is what is checked."""

    def probe(self, interpreter):
        result = subprocess.run([interpreter, "-c", NODELAY_PROBE, support.PEERS], capture_output=True, text=True,
                                timeout=30)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotEqual(int(result.stdout), 0, "accepted socket without TCP_NODELAY")

    def test_cpython(self):
        self.probe(support.CPYTHON)

    @unittest.skipUnless(support.PYPY, "pypy3 is not installed")
    def test_pypy(self):
        self.probe(support.PYPY)
