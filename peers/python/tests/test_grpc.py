"""grpc_server.py over a real channel: GetUser statuses from memory and from a real redis-server, health,
reflection, SIGTERM."""
import sys
import time
import unittest

import support

sys.path.insert(0, support.PEERS)
import grpc  # noqa: E402
import protos  # noqa: E402

users = protos.load("userservice/v1/user.proto")
health = protos.load("grpc/health/v1/health.proto")
reflection = protos.load("grpc/reflection/v1alpha/reflection.proto")


class Client:
    def __init__(self, port):
        self.channel = grpc.insecure_channel(f"127.0.0.1:{port}")
        self.get_user = self.channel.unary_unary(
            "/userservice.v1.UserService/GetUser", request_serializer=users.GetUserRequest.SerializeToString,
            response_deserializer=users.User.FromString)
        self.check = self.channel.unary_unary(
            "/grpc.health.v1.Health/Check", request_serializer=health.HealthCheckRequest.SerializeToString,
            response_deserializer=health.HealthCheckResponse.FromString)
        self.reflect = self.channel.stream_stream(
            "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
            request_serializer=reflection.ServerReflectionRequest.SerializeToString,
            response_deserializer=reflection.ServerReflectionResponse.FromString)

    def status(self, user_id):
        try:
            return grpc.StatusCode.OK, self.get_user(users.GetUserRequest(user_id=user_id), timeout=5)
        except grpc.RpcError as e:
            return e.code(), e.details()


class InMemory(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.peer = support.Peer(support.CPYTHON, "grpc_server.py", "--host", "127.0.0.1", "--port", "0",
                                "--workers", "2")
        cls.client = Client(cls.peer.port)

    @classmethod
    def tearDownClass(cls):
        cls.client.channel.close()
        cls.peer.stop()

    def test_ready_line(self):
        self.assertEqual(self.peer.name, "python-grpcio")

    def test_users_as_grpc_service_generates_them(self):
        for user_id in (1, 42, 10_000):
            self.assertEqual(self.client.status(user_id), (grpc.StatusCode.OK, users.User(
                id=user_id, name=f"user{user_id}", email=f"user{user_id}@example.com")))

    def test_statuses(self):
        self.assertEqual(self.client.status(10_001), (grpc.StatusCode.NOT_FOUND, "user 10001 not found"))
        self.assertEqual(self.client.status(0),
                         (grpc.StatusCode.INVALID_ARGUMENT, "user_id must be a positive integer, got 0"))
        self.assertEqual(self.client.status(-7),
                         (grpc.StatusCode.INVALID_ARGUMENT, "user_id must be a positive integer, got -7"))

    def test_health(self):
        serving = health.HealthCheckResponse.SERVING
        self.assertEqual(self.client.check(health.HealthCheckRequest(service="")).status, serving)
        self.assertEqual(self.client.check(health.HealthCheckRequest(service="userservice.v1.UserService")).status,
                         serving)
        with self.assertRaises(grpc.RpcError) as refused:
            self.client.check(health.HealthCheckRequest(service="nope"))
        self.assertEqual(refused.exception.code(), grpc.StatusCode.NOT_FOUND)

    def test_reflection_lists_and_describes_the_service(self):
        answers = list(self.client.reflect(iter([
            reflection.ServerReflectionRequest(list_services=""),
            reflection.ServerReflectionRequest(file_containing_symbol="userservice.v1.UserService"),
            reflection.ServerReflectionRequest(file_containing_symbol="no.such.Symbol"),
        ]), timeout=5))
        self.assertEqual([s.name for s in answers[0].list_services_response.service],
                         ["grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection",
                          "userservice.v1.UserService"])
        self.assertEqual(answers[1].file_descriptor_response.file_descriptor_proto[0],
                         users.DESCRIPTOR.serialized_pb)
        self.assertEqual(answers[2].error_response.error_code, grpc.StatusCode.NOT_FOUND.value[0])

    def test_sigterm_stops_every_worker_and_exits_0(self):
        peer = support.Peer(support.CPYTHON, "grpc_server.py", "--host", "127.0.0.1", "--port", "0", "--workers", "2")
        workers = peer.children()
        self.assertEqual(len(workers), 2)
        started = time.monotonic()
        self.assertEqual(peer.stop(), 0)
        self.assertLess(time.monotonic() - started, 5)
        self.assertFalse([pid for pid in workers if support.pid_alive(pid)])


class FromRedis(unittest.TestCase):
    def test_statuses_from_the_stored_json(self):
        redis = support.Redis()
        redis.seed(5)
        redis.command("SET", "user:6", '{"id":"6"}')
        redis.command("SET", "user:7", "[7]")
        redis.command("SET", "user:8", "{nope")
        redis.command("SET", "user:9", '{"id":9,"name":null,"extra":[1]}')
        peer = support.Peer(support.CPYTHON, "grpc_server.py", "--host", "127.0.0.1", "--port", "0", "--workers", "1",
                            "--redis", redis.url)
        client = Client(peer.port)
        try:
            self.assertEqual(client.status(3), (grpc.StatusCode.OK, users.User(
                id=3, name="user3", email="user3@example.com")))
            self.assertEqual(client.status(9), (grpc.StatusCode.OK, users.User(id=9)))
            self.assertEqual(client.status(10), (grpc.StatusCode.NOT_FOUND, "user 10 not found"))
            self.assertEqual(client.status(6),
                             (grpc.StatusCode.INTERNAL, 'stored user 6 is unreadable: "id" is not an integer'))
            self.assertEqual(client.status(7), (grpc.StatusCode.INTERNAL, "stored user 7 is unreadable: not a JSON object"))
            self.assertEqual(client.status(8), (grpc.StatusCode.INTERNAL, "stored user 8 is unreadable: malformed JSON"))
            redis.close()
            code, details = client.status(3)
            self.assertEqual(code, grpc.StatusCode.UNAVAILABLE)
            self.assertTrue(details.startswith("user store unavailable: "), details)
        finally:
            client.channel.close()
            peer.stop()
            redis.close()


if __name__ == "__main__":
    unittest.main()
