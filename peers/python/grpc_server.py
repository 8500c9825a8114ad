"""The grpcio peer of the grpc scenario: userservice.v1.UserService/GetUser, gRPC health and reflection.

    /usr/bin/python3 grpc_server.py --port 9090                                   # 10,000 users in memory
    /usr/bin/python3 grpc_server.py --port 9090 --redis redis://127.0.0.1:6379    # Redis user:{id} JSON

grpc.aio (asyncio) servers, one per --workers process (default: cores), sharing the port through
SO_REUSEPORT, the layout of gRPC's own Python multiprocessing example: one Python process runs one core's
worth of handlers, so one process per core is how grpcio uses the machine. The launcher reserves the port,
prints the ready line once every worker serves, and stops them all on SIGTERM.
"""
import argparse
import asyncio
import json
import os
import select
import signal
import socket
import sys
import time

import cli
import protos

NAME = "python-grpcio"
USER_COUNT = 10_000
REDIS_TIMEOUT_S = 1.0
STOP_GRACE_S = 2.0
START_TIMEOUT_S = 30.0
USER_SERVICE = "userservice.v1.UserService"


class StoreUnavailable(Exception):
    pass


class UnreadableUser(Exception):
    pass


class MemoryUsers:
    """Users 1..count, built once at start-up as push-service's GeneratedUsers builds them."""

    def __init__(self, user_type, count):
        self.users = [None] + [user_type(id=i, name=f"user{i}", email=f"user{i}@example.com")
                               for i in range(1, count + 1)]

    async def find(self, user_id):
        return self.users[user_id] if user_id < len(self.users) else None


class RedisUsers:
    """Users stored as JSON at Redis user:{id}, read as grpc-service's StoredUserJson reads them."""

    def __init__(self, user_type, url):
        import redis.asyncio

        self.user_type = user_type
        self.client = redis.asyncio.Redis.from_url(url, socket_timeout=REDIS_TIMEOUT_S,
                                                   socket_connect_timeout=REDIS_TIMEOUT_S)

    async def find(self, user_id):
        import redis.exceptions

        try:
            stored = await self.client.get(f"user:{user_id}")
        except redis.exceptions.TimeoutError:
            raise StoreUnavailable("timed out") from None
        except redis.exceptions.RedisError as e:
            raise StoreUnavailable(str(e)) from None
        return None if stored is None else self.parse(stored)

    def parse(self, stored):
        try:
            document = json.loads(stored)
        except ValueError:
            raise UnreadableUser("malformed JSON") from None
        if not isinstance(document, dict):
            raise UnreadableUser("not a JSON object")
        user_id = document.get("id")
        if "id" not in document:
            raise UnreadableUser('no "id"')
        if not isinstance(user_id, int) or isinstance(user_id, bool) or not -2**63 <= user_id < 2**63:
            raise UnreadableUser('"id" is not an integer')
        fields = {}
        for field in ("name", "email"):
            value = document.get(field)
            if value is not None and not isinstance(value, str):
                raise UnreadableUser(f'"{field}" is not a string')
            fields[field] = value or ""
        return self.user_type(id=user_id, **fields)


def user_service(grpc, messages, store):
    async def get_user(request, context):
        user_id = request.user_id
        if user_id <= 0:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"user_id must be a positive integer, got {user_id}")
        try:
            user = await store.find(user_id)
        except StoreUnavailable as e:
            await context.abort(grpc.StatusCode.UNAVAILABLE, f"user store unavailable: {e}")
        except UnreadableUser as e:
            await context.abort(grpc.StatusCode.INTERNAL, f"stored user {user_id} is unreadable: {e}")
        if user is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, f"user {user_id} not found")
        return user

    return grpc.method_handlers_generic_handler(USER_SERVICE, {
        "GetUser": grpc.unary_unary_rpc_method_handler(
            get_user, request_deserializer=messages.GetUserRequest.FromString,
            response_serializer=messages.User.SerializeToString),
    })


class Health:
    """grpc.health.v1.Health for "" and the user service: SERVING until the worker begins to stop."""

    def __init__(self, grpc, messages):
        self.grpc = grpc
        self.messages = messages
        self.status = messages.HealthCheckResponse.SERVING
        self.changed = asyncio.Event()

    def not_serving(self):
        self.status = self.messages.HealthCheckResponse.NOT_SERVING
        self.changed.set()

    async def check(self, request, context):
        if request.service not in ("", USER_SERVICE):
            await context.abort(self.grpc.StatusCode.NOT_FOUND, f"unknown service {request.service!r}")
        return self.messages.HealthCheckResponse(status=self.status)

    async def watch(self, request, context):
        known = request.service in ("", USER_SERVICE)
        yield self.messages.HealthCheckResponse(
            status=self.status if known else self.messages.HealthCheckResponse.SERVICE_UNKNOWN)
        if known and self.status == self.messages.HealthCheckResponse.SERVING:
            await self.changed.wait()
            yield self.messages.HealthCheckResponse(status=self.status)
        await asyncio.Event().wait()  # the stream stays open until the client or the server ends it

    def handler(self):
        request, response = self.messages.HealthCheckRequest, self.messages.HealthCheckResponse
        return self.grpc.method_handlers_generic_handler("grpc.health.v1.Health", {
            "Check": self.grpc.unary_unary_rpc_method_handler(
                self.check, request_deserializer=request.FromString, response_serializer=response.SerializeToString),
            "Watch": self.grpc.unary_stream_rpc_method_handler(
                self.watch, request_deserializer=request.FromString, response_serializer=response.SerializeToString),
        })


def reflection_service(grpc, messages, files):
    """grpc.reflection.v1alpha.ServerReflection over the given generated modules (what grpcurl and ghz ask)."""
    by_name = {module.DESCRIPTOR.name: module.DESCRIPTOR for module in files}
    services = sorted(f"{descriptor.package}.{service}"
                      for descriptor in by_name.values() for service in descriptor.services_by_name)
    NOT_FOUND = grpc.StatusCode.NOT_FOUND.value[0]

    def file_of_symbol(symbol):
        for descriptor in by_name.values():
            prefix = descriptor.package + "."
            if symbol.startswith(prefix):
                local = symbol[len(prefix):].split(".")[0]
                if local in descriptor.services_by_name or local in descriptor.message_types_by_name \
                        or local in descriptor.enum_types_by_name:
                    return descriptor
        return None

    def answer(request):
        kind = request.WhichOneof("message_request")
        found = None
        if kind == "list_services":
            return messages.ServerReflectionResponse(list_services_response=messages.ListServiceResponse(
                service=[messages.ServiceResponse(name=name) for name in services]))
        if kind == "file_by_filename":
            found = by_name.get(request.file_by_filename)
        elif kind == "file_containing_symbol":
            found = file_of_symbol(request.file_containing_symbol)
        if found is None:
            return messages.ServerReflectionResponse(error_response=messages.ErrorResponse(
                error_code=NOT_FOUND, error_message=f"not found: {kind}"))
        return messages.ServerReflectionResponse(file_descriptor_response=messages.FileDescriptorResponse(
            file_descriptor_proto=[found.serialized_pb]))

    async def info(requests, context):
        async for request in requests:
            response = answer(request)
            response.valid_host = request.host
            response.original_request.CopyFrom(request)
            yield response

    return grpc.method_handlers_generic_handler("grpc.reflection.v1alpha.ServerReflection", {
        "ServerReflectionInfo": grpc.stream_stream_rpc_method_handler(
            info, request_deserializer=messages.ServerReflectionRequest.FromString,
            response_serializer=messages.ServerReflectionResponse.SerializeToString),
    })


async def serve_worker(args, ready_fd):
    import grpc

    users = protos.load("userservice/v1/user.proto")
    health_messages = protos.load("grpc/health/v1/health.proto")
    reflection_messages = protos.load("grpc/reflection/v1alpha/reflection.proto")
    store = RedisUsers(users.User, args.redis) if args.redis else MemoryUsers(users.User, USER_COUNT)
    health = Health(grpc, health_messages)
    server = grpc.aio.server(options=[("grpc.so_reuseport", 1)])
    server.add_generic_rpc_handlers([
        user_service(grpc, users, store),
        health.handler(),
        reflection_service(grpc, reflection_messages, [users, health_messages, reflection_messages]),
    ])
    address = f"[{args.host}]:{args.port}" if ":" in args.host else f"{args.host}:{args.port}"
    if server.add_insecure_port(address) == 0:
        sys.exit(f"{NAME}: cannot listen on {address}")
    await server.start()
    os.write(ready_fd, b".")
    os.close(ready_fd)
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stopping.set)
    await stopping.wait()
    health.not_serving()
    await server.stop(STOP_GRACE_S)


def reserve_port(host, port):
    """A bound, never listening, SO_REUSEPORT socket: it fixes the port (0 picks one) for every worker."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def wait_ready(workers, ready_read, count):
    """True once every worker has written its byte; False when told to stop, a worker exits first, or
    START_TIMEOUT_S passes."""
    ready = 0
    deadline = time.monotonic() + START_TIMEOUT_S
    while ready < count and not workers.stopping.is_set() and time.monotonic() < deadline:
        if select.select([ready_read], [], [], 0.2)[0]:
            got = os.read(ready_read, count)
            if not got:  # every worker has closed its end
                return False
            ready += len(got)
        elif any(process.poll() is not None for process in workers.processes):
            return False
    return ready == count


def options(argv):
    p = cli.parser("grpc_server.py", "grpcio peer: userservice.v1.UserService with health and reflection")
    cli.add_address(p, 9090)
    p.add_argument("--redis", default=cli.env("REDIS_URL", None),
                   help="read users from Redis user:{id} at this URL instead of 10,000 in memory (env REDIS_URL)")
    p.add_argument("--workers", type=cli.positive_int, default=cli.env("WORKERS", str(os.cpu_count() or 1)),
                   help="server processes sharing the port (env WORKERS, default: cores)")
    p.add_argument("--worker-ready-fd", type=int, help=argparse.SUPPRESS)  # set by the launcher for its workers
    args = p.parse_args(argv)
    if not cli.has_module("grpc"):
        p.error(f"the module grpc (grpcio) is not installed for {sys.executable}")
    if args.redis:
        import redis.asyncio

        try:
            redis.asyncio.ConnectionPool.from_url(args.redis)
        except ValueError as e:
            p.error(f"--redis {args.redis}: {e}")
    return args


def main(argv):
    args = options(argv)
    if args.worker_ready_fd is not None:
        asyncio.run(serve_worker(args, args.worker_ready_fd))
        return
    protos.generate()  # once, before the workers load the modules
    try:
        reservation = reserve_port(args.host, args.port)
    except OSError as e:
        cli.fail_start(NAME, args.host, args.port, e.strerror or str(e))
    port = reservation.getsockname()[1]
    ready_read, ready_write = os.pipe()
    command = [sys.executable, os.path.abspath(__file__), "--host", args.host, "--port", str(port),
               "--worker-ready-fd", str(ready_write)] + (["--redis", args.redis] if args.redis else [])
    workers = cli.Workers(command, args.workers, pass_fds=(ready_write,), grace_s=STOP_GRACE_S + 1)
    os.close(ready_write)
    if not wait_ready(workers, ready_read, args.workers):
        workers.stop()
        if workers.stopping.is_set():
            return
        cli.fail_start(NAME, args.host, port, "a worker did not start serving (see its error above)")
    cli.ready(NAME, args.host, port)
    workers.run("grpc_server.py")


if __name__ == "__main__":
    main(sys.argv[1:])
