"""push_server.py over real sockets: the 100-byte message, both protocols, refusals, slow readers, SIGTERM."""
import base64
import os
import re
import socket
import sys
import time
import unittest

import support

sys.path.insert(0, support.PEERS)
import push_server  # noqa: E402

MESSAGE = re.compile(rb'\{"seq":(\d+),"ts":(\d+),"pad":"x+"\}')
TCP_PORT_LINE = re.compile(r"tcp on \S+:(\d+)")


def start(interpreter, *flags):
    peer = support.Peer(interpreter, "push_server.py", "--host", "127.0.0.1", "--port", "0", "--tcp-port", "0",
                        *flags)
    peer.tcp_port = int(TCP_PORT_LINE.search(peer.stderr()).group(1))
    return peer


def websocket(port, path="/push"):
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    reader = sock.makefile("rb")
    status = reader.readline()
    while reader.readline() != b"\r\n":
        pass
    return sock, reader, status


def read_frame(reader):
    """(first header byte, payload) of one unmasked server frame."""
    head = reader.read(2)
    length = head[1] & 0x7F
    if length == 126:
        length = int.from_bytes(reader.read(2), "big")
    return head[0], reader.read(length)


def next_push(reader):
    while True:
        opcode_byte, payload = read_frame(reader)
        if opcode_byte != 0x89:  # skip the server's pings
            return opcode_byte, payload


class MessageBytes(unittest.TestCase):
    def test_encoded_as_push_service_encodes_it(self):
        self.assertEqual(push_server.encode(1, 1733050000123456),
                         b'{"seq":1,"ts":1733050000123456,"pad":"' + b"x" * 60 + b'"}')
        for seq in (1, 9, 10, 12345678901234):
            self.assertEqual(len(push_server.encode(seq, 1733050000123456)), 100)


class PushContract:
    interpreter = None

    @classmethod
    def setUpClass(cls):
        cls.peer = start(cls.interpreter, "--interval", "200ms")

    @classmethod
    def tearDownClass(cls):
        cls.peer.stop()

    def test_both_protocols_get_every_push_as_the_100_bytes(self):
        sock, reader, status = websocket(self.peer.port)
        tcp = socket.create_connection(("127.0.0.1", self.peer.tcp_port), timeout=10)
        try:
            self.assertTrue(status.startswith(b"HTTP/1.1 101"), status)
            lines = tcp.makefile("rb")
            tcp_seqs = []
            for _ in range(3):
                line = lines.readline()
                self.assertEqual(len(line), 101)
                self.assertTrue(line.endswith(b"\n"))
                match = MESSAGE.fullmatch(line[:-1])
                self.assertIsNotNone(match, line)
                self.assertLess(abs(int(match.group(2)) - time.time_ns() // 1000), 5_000_000)
                tcp_seqs.append(int(match.group(1)))
            self.assertEqual(tcp_seqs, list(range(tcp_seqs[0], tcp_seqs[0] + 3)))
            ws_seqs = []
            for _ in range(5):
                first, payload = next_push(reader)
                self.assertEqual(first, 0x81)  # final text frame
                self.assertEqual(len(payload), 100)
                ws_seqs.append(int(MESSAGE.fullmatch(payload).group(1)))
            self.assertEqual(ws_seqs, list(range(ws_seqs[0], ws_seqs[0] + 5)))
        finally:
            sock.close()
            tcp.close()

    def test_http_side(self):
        self.assertEqual(support.get(self.peer.port, "/health"), (200, "application/json", b'{"status":"UP"}'))
        self.assertEqual(support.get(self.peer.port, "/nope"), (404, "application/json", b'{"error":"not found"}'))
        self.assertEqual(support.get(self.peer.port, "/push"),
                         (400, "application/json", b'{"error":"expected a WebSocket upgrade"}'))
        self.assertEqual(support.get(self.peer.port, "/push", method="POST"),
                         (405, "application/json", b'{"error":"method not allowed"}'))


class CPythonPush(PushContract, unittest.TestCase):
    interpreter = support.CPYTHON


@unittest.skipUnless(support.PYPY, "pypy3 is not installed")
class PypyPush(PushContract, unittest.TestCase):
    interpreter = support.PYPY


class Limits(unittest.TestCase):
    def test_connections_beyond_the_maximum_are_refused_in_json(self):
        peer = start(support.CPYTHON, "--interval", "10s", "--max-connections", "2")
        held = []
        try:
            held = [socket.create_connection(("127.0.0.1", peer.tcp_port), timeout=10) for _ in range(2)]
            support.wait_until(lambda: support.get(peer.port, "/push", headers={
                "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Version": "13"})[0] == 503, what="the two TCP connections to count")
            third = socket.create_connection(("127.0.0.1", peer.tcp_port), timeout=10)
            self.assertEqual(third.makefile("rb").read(), b'{"error":"too many connections"}\n')
            third.close()
        finally:
            for sock in held:
                sock.close()
            peer.stop()

    def test_a_reader_that_stalls_is_cut_off_while_the_others_get_every_push(self):
        peer = start(support.CPYTHON, "--interval", "2ms", "--write-queue", "4096", "--slow-timeout", "300ms")
        try:
            stalled = socket.socket()
            stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            stalled.connect(("127.0.0.1", peer.tcp_port))
            reader = socket.create_connection(("127.0.0.1", peer.tcp_port), timeout=10).makefile("rb")
            seqs = [int(MESSAGE.fullmatch(reader.readline()[:-1]).group(1)) for _ in range(500)]
            self.assertEqual(seqs, list(range(seqs[0], seqs[0] + 500)))
            # ~1 s of pushes at 2 ms went by: the stalled one must have been closed, after a bounded amount.
            stalled.settimeout(5)
            received, closed = 0, False
            deadline = time.monotonic() + 10
            while not closed and received < 4 << 20 and time.monotonic() < deadline:
                try:
                    chunk = stalled.recv(65536)
                except ConnectionResetError:
                    chunk = b""
                closed = not chunk
                received += len(chunk)
            self.assertTrue(closed, f"still open after {received} bytes")
            self.assertLess(received, 512 * 1024)
        finally:
            peer.stop()

    def test_sigterm_closes_websockets_with_1001_and_exits_0(self):
        peer = start(support.CPYTHON, "--interval", "10s")
        sock, reader, _ = websocket(peer.port)
        started = time.monotonic()
        peer.process.send_signal(15)
        first, payload = next_push(reader)
        self.assertEqual((first, payload[:2]), (0x88, (1001).to_bytes(2, "big")))
        self.assertEqual(peer.stop(), 0)
        self.assertLess(time.monotonic() - started, 5)
        sock.close()


if __name__ == "__main__":
    unittest.main()
