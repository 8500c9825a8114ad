"""Runs the FastAPI peer (app.py) under uvicorn: one listening socket, --workers processes accepting on it.

    /usr/bin/python3 serve.py --port 8080                        # CPython: uvloop + httptools, one worker per core
    /usr/bin/pypy3 serve.py --port 8080                          # PyPy: asyncio + h11

The launcher binds the socket itself (as `uvicorn --workers N` does), prints the ready line, and supervises
the workers; SIGTERM stops them all and exits 0.
"""
import argparse
import os
import socket
import sys

import cli

NAME = "fastapi-pypy" if cli.PYPY else "fastapi"


def options(argv):
    p = cli.parser("serve.py", "FastAPI peer (ping, fib, data, user) under uvicorn")
    cli.add_address(p, 8080)
    p.add_argument("--workers", type=cli.positive_int, default=cli.env("WORKERS", str(os.cpu_count() or 1)),
                   help="worker processes (env WORKERS, default: cores)")
    p.add_argument("--loop", choices=("uvloop", "asyncio"), default=cli.env("LOOP", "asyncio" if cli.PYPY else "uvloop"),
                   help="event loop (env LOOP; default uvloop on CPython, asyncio on PyPy)")
    p.add_argument("--http", choices=("httptools", "h11"), default=cli.env("HTTP", "h11" if cli.PYPY else "httptools"),
                   help="HTTP parser (env HTTP; default httptools on CPython, h11 on PyPy)")
    cli.add_redis(p, "redis://127.0.0.1:6379")
    p.add_argument("--upstream", default=cli.env("UPSTREAM_URL", "http://127.0.0.1:8090"),
                   help="base URL of GET /items/{id} (env UPSTREAM_URL)")
    p.add_argument("--worker-fd", type=int, help=argparse.SUPPRESS)  # set by the launcher for its workers
    args = p.parse_args(argv)
    cli.require_module(p, "--loop", args.loop)
    cli.require_module(p, "--http", args.http)
    return args


def listen(host, port):
    # IPPROTO_TCP, not the 0 that uvicorn's own bind_socket passes: asyncio sets TCP_NODELAY only on accepted
    # sockets whose proto is IPPROTO_TCP, and accepted sockets inherit the listener's. Without it every
    # keep-alive answer (headers and body are two writes) waits ~40 ms for the client's delayed ACK.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    return sock


def run_worker(fd, loop, http):
    """One uvicorn server on the inherited listening socket ``fd``."""
    import uvicorn

    sock = socket.socket(fileno=fd)
    config = uvicorn.Config("app:app", loop=loop, http=http, lifespan="on", access_log=False,
                            log_level="warning", backlog=2048)
    uvicorn.Server(config).run(sockets=[sock])


def supervise(sock, args):
    # Plain child processes that inherit the socket: multiprocessing would add a resource-tracker process
    # (~60 MB RSS on PyPy) and pickle the socket to each worker.
    command = [sys.executable, os.path.abspath(__file__), "--worker-fd", str(sock.fileno()),
               "--loop", args.loop, "--http", args.http]
    cli.Workers(command, args.workers, pass_fds=(sock.fileno(),)).run("serve.py")


def main(argv):
    cli.ensure_pypy_nursery()
    args = options(argv)
    if args.worker_fd is not None:
        run_worker(args.worker_fd, args.loop, args.http)
        return
    os.environ["REDIS_URL"] = args.redis
    os.environ["UPSTREAM_URL"] = args.upstream
    try:
        sock = listen(args.host, args.port)
    except OSError as e:
        cli.fail_start(NAME, args.host, args.port, e.strerror or str(e))
    cli.ready(NAME, args.host, sock.getsockname()[1])
    supervise(sock, args)


if __name__ == "__main__":
    main(sys.argv[1:])
