"""The asyncio peer of the push scenario: WebSocket /push (+ GET /health) on --port, plain TCP on --tcp-port.

Every --interval one 100-byte message {"seq":N,"ts":<epoch us at tick start>,"pad":"x..."} goes to every
connection: encoded once per tick, then written as one prebuilt frame (WebSocket) or line (TCP) to each
transport. A connection whose write buffer is over --write-queue has the push dropped, and is closed once it
has stayed over for --slow-timeout, so a client that stops reading costs a bounded amount of memory.

    /usr/bin/python3 push_server.py --port 8084 --tcp-port 8085 --interval 10s     # uvloop
    /usr/bin/pypy3 push_server.py --port 8084 --tcp-port 8085 --interval 10s       # asyncio
"""
import asyncio
import http
import json
import signal
import socket
import sys
import time

import cli

import websockets.exceptions
import websockets.legacy.server
from websockets.datastructures import Headers

NAME = "pypy-asyncio" if cli.PYPY else "python-asyncio"
MESSAGE_SIZE = 100
WS_TEXT_HEADER = bytes([0x81, MESSAGE_SIZE])  # FIN + text opcode, unmasked, 7-bit length (100 < 126)
MAX_CLIENT_FRAME = 64 * 1024
STOP_BUDGET_S = 4.0


def encode(seq, ts_micros):
    """The contract's message, byte for byte as push-service's PushMessage: the pad fills it to 100 bytes."""
    head = f'{{"seq":{seq},"ts":{ts_micros},"pad":"'
    return (head + "x" * (MESSAGE_SIZE - len(head) - 2) + '"}').encode("ascii")


def json_body(document):
    return json.dumps(document, separators=(",", ":")).encode()


def json_answer(status, document):
    body = json_body(document)
    return http.HTTPStatus(status), Headers([("Content-Type", "application/json"), ("Content-Length", str(len(body)))]), body


def error_answer(status, reason):
    return json_answer(status, {"error": reason})


class Subscriber:
    """One connection: its transport, its WebSocket (None for TCP), and since when its write buffer is full."""

    __slots__ = ("transport", "websocket", "full_since")

    def __init__(self, transport, websocket=None):
        self.transport = transport
        self.websocket = websocket
        self.full_since = None

    def closing(self):
        # A WebSocket past OPEN has sent or received a close frame: no data frame may follow it.
        return self.transport.is_closing() or (self.websocket is not None and not self.websocket.open)


class Hub:
    """The open connections of both protocols and the fan-out of each tick."""

    def __init__(self, args):
        self.args = args
        self.tcp = set()
        self.ws = set()
        self.seq = 0
        self.dropped = 0
        self.closed_slow = 0

    def full(self):
        return len(self.tcp) + len(self.ws) >= self.args.max_connections

    def prepare(self, transport):
        sock = transport.get_extra_info("socket")
        if sock is not None:
            # A reader that stalls holds --write-queue bytes in the kernel too, not the autotuned megabytes.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self.args.write_queue)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def tick(self):
        ts_micros = time.time_ns() // 1000
        self.seq += 1
        message = encode(self.seq, ts_micros)
        now = time.monotonic()
        self.fan_out(self.tcp, message + b"\n", now)
        self.fan_out(self.ws, WS_TEXT_HEADER + message, now)

    def fan_out(self, subscribers, payload, now):
        limit, slow_timeout = self.args.write_queue, self.args.slow_timeout
        for subscriber in subscribers:
            if subscriber.closing():
                continue
            transport = subscriber.transport
            if transport.get_write_buffer_size() <= limit:
                subscriber.full_since = None
                transport.write(payload)
                continue
            self.dropped += 1
            if subscriber.full_since is None:
                subscriber.full_since = now
            elif now - subscriber.full_since >= slow_timeout:
                self.closed_slow += 1
                transport.abort()  # connection_lost runs later, so the set is not changed under this loop

    async def ticks(self):
        loop = asyncio.get_running_loop()
        deadline = loop.time()
        while True:
            deadline += self.args.interval
            await asyncio.sleep(max(0.0, deadline - loop.time()))
            self.tick()


class TcpSubscriber(asyncio.Protocol):
    def __init__(self, hub):
        self.hub = hub
        self.subscriber = None

    def connection_made(self, transport):
        if self.hub.full():
            transport.write(b'{"error":"too many connections"}\n')
            transport.close()
            return
        self.hub.prepare(transport)
        sock = transport.get_extra_info("socket")
        heartbeat = max(1, int(self.hub.args.heartbeat))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, heartbeat)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, heartbeat)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 3)
        self.subscriber = Subscriber(transport)
        self.hub.tcp.add(self.subscriber)

    def data_received(self, data):
        pass  # what a TCP client sends is discarded

    def connection_lost(self, exc):
        self.hub.tcp.discard(self.subscriber)


class PushProtocol(websockets.legacy.server.WebSocketServerProtocol):
    """websockets' server protocol whose refusals are the contract's JSON errors, not text/plain."""

    async def handshake(self, *args, **kwargs):
        try:
            return await super().handshake(*args, **kwargs)
        except websockets.exceptions.AbortHandshake:
            raise
        except websockets.exceptions.InvalidMessage as e:
            # websockets reads nothing but GET requests; the contract answers other methods with a 405.
            if "unsupported HTTP method" in str(e.__cause__):
                raise websockets.exceptions.AbortHandshake(*error_answer(405, "method not allowed")) from e
            raise websockets.exceptions.AbortHandshake(*error_answer(400, "not an HTTP/1.1 request")) from e
        except websockets.exceptions.InvalidHandshake as e:
            raise websockets.exceptions.AbortHandshake(*error_answer(400, f"bad WebSocket handshake: {e}")) from e


def http_routes(hub):
    health = json_answer(http.HTTPStatus.OK, {"status": "UP"})

    async def process_request(path, headers):
        if path == "/health":
            return health
        if path != "/push":
            return error_answer(404, "not found")
        if "websocket" not in headers.get("Upgrade", "").lower():
            return error_answer(400, "expected a WebSocket upgrade")
        if hub.full():
            return error_answer(503, "too many connections")
        return None  # go on with the WebSocket handshake

    return process_request


def ws_handler(hub):
    async def subscribe(websocket, path=None):
        hub.prepare(websocket.transport)
        subscriber = Subscriber(websocket.transport, websocket)
        hub.ws.add(subscriber)
        try:
            async for _ in websocket:
                pass  # what a WebSocket client sends is discarded (pings and closes are the library's)
        except websockets.exceptions.ConnectionClosed:
            pass
        finally:
            hub.ws.discard(subscriber)

    return subscribe


async def serve(args):
    hub = Hub(args)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        ws_server = await websockets.legacy.server.serve(
            ws_handler(hub), args.host, args.port, create_protocol=PushProtocol,
            process_request=http_routes(hub), compression=None, max_size=MAX_CLIENT_FRAME, max_queue=1,
            ping_interval=args.heartbeat, ping_timeout=args.heartbeat, close_timeout=1, backlog=4096)
        tcp_server = await loop.create_server(lambda: TcpSubscriber(hub), args.host, args.tcp_port, backlog=4096)
    except OSError as e:
        cli.fail_start(NAME, args.host, args.port, e.strerror or str(e))
    port = ws_server.sockets[0].getsockname()[1]
    tcp_port = tcp_server.sockets[0].getsockname()[1]
    print(f"{NAME}: tcp on {args.host}:{tcp_port}, interval {args.interval:g}s, loop {args.loop}",
          file=sys.stderr, flush=True)
    cli.ready(NAME, args.host, port)
    ticks = asyncio.create_task(hub.ticks())
    await stop.wait()
    ticks.cancel()
    tcp_server.close()
    for subscriber in list(hub.tcp):
        subscriber.transport.close()
    ws_server.close()  # each WebSocket gets close 1001 (going away)
    try:
        await asyncio.wait_for(asyncio.gather(ws_server.wait_closed(), tcp_server.wait_closed()), STOP_BUDGET_S)
    except asyncio.TimeoutError:
        pass


def options(argv):
    p = cli.parser("push_server.py", "asyncio push peer: WebSocket /push and plain TCP")
    cli.add_address(p, 8084)
    p.add_argument("--tcp-port", type=cli.port, default=cli.env("TCP_PORT", "8085"), help="TCP port (env TCP_PORT)")
    p.add_argument("--interval", type=cli.duration, default=cli.env("INTERVAL", "10s"), help="time between pushes")
    p.add_argument("--heartbeat", type=cli.duration, default=cli.env("HEARTBEAT", "30s"),
                   help="WebSocket ping period and timeout; TCP keep-alive idle and interval")
    p.add_argument("--max-connections", type=cli.positive_int, default=cli.env("MAX_CONNECTIONS", "100000"),
                   help="open connections (both protocols) beyond which new ones are refused")
    p.add_argument("--write-queue", type=cli.positive_int, default=cli.env("WRITE_QUEUE", "4096"),
                   help="bytes a connection may have waiting before pushes to it are dropped")
    p.add_argument("--slow-timeout", type=cli.duration, default=cli.env("SLOW_TIMEOUT", "30s"),
                   help="how long a write buffer may stay over --write-queue before the connection is closed")
    p.add_argument("--loop", choices=("uvloop", "asyncio"),
                   default=cli.env("LOOP", "uvloop" if cli.has_module("uvloop") else "asyncio"),
                   help="event loop (env LOOP; default uvloop where installed)")
    args = p.parse_args(argv)
    cli.require_module(p, "--loop", args.loop)
    return args


def main(argv):
    cli.ensure_pypy_nursery()
    args = options(argv)
    limit = cli.raise_open_file_limit()
    if args.max_connections > limit - 64:
        print(f"{NAME}: warning: --max-connections {args.max_connections} is above the open-file limit {limit}",
              file=sys.stderr, flush=True)
    if args.loop == "uvloop":
        import uvloop

        uvloop.install()
    asyncio.run(serve(args))


if __name__ == "__main__":
    main(sys.argv[1:])
