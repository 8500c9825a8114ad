package main

import (
	"context"
	"io"
	"net"
	"strconv"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	reflectionpb "google.golang.org/grpc/reflection/grpc_reflection_v1alpha"
	"google.golang.org/grpc/status"

	"example.com/showdown/internal/rediskv"
	"example.com/showdown/internal/redistest"
	userservicev1 "example.com/showdown/userservice/v1"
)

// serve runs the server over users on a loopback port and returns a connection to it.
func serve(t *testing.T, users userStore) *grpc.ClientConn {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	server, _ := newServer(users)
	go server.Serve(listener)
	t.Cleanup(server.Stop)
	conn, err := grpc.Dial(listener.Addr().String(), grpc.WithInsecure())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func call(t *testing.T, conn *grpc.ClientConn, id int64) (*userservicev1.User, codes.Code) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	u, err := userservicev1.NewUserServiceClient(conn).GetUser(ctx, &userservicev1.GetUserRequest{UserId: id})
	return u, status.Code(err)
}

func TestGeneratedUsersInMemory(t *testing.T) {
	conn := serve(t, newMemoryStore(generatedUsers))
	for _, id := range []int64{1, 42, 10_000} {
		u, code := call(t, conn, id)
		name := "user" + strconv.FormatInt(id, 10)
		if code != codes.OK || u.Id != id || u.Name != name || u.Email != name+"@example.com" {
			t.Fatalf("user %d: %v %v", id, u, code)
		}
	}
	for id, want := range map[int64]codes.Code{0: codes.InvalidArgument, -1: codes.InvalidArgument, 10_001: codes.NotFound} {
		if _, code := call(t, conn, id); code != want {
			t.Errorf("user %d: %v, want %v", id, code, want)
		}
	}
}

func TestUsersFromRedis(t *testing.T) {
	redis := redistest.Start(t)
	redis.Set(t, "user:7", `{"id":7,"name":"user7","email":"user7@example.com"}`)
	redis.Set(t, "user:8", `garbage`)
	kv, err := rediskv.Open(redis.URL, 4, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	conn := serve(t, redisStore{kv})
	if u, code := call(t, conn, 7); code != codes.OK || u.Name != "user7" || u.Email != "user7@example.com" {
		t.Fatalf("user 7: %v %v", u, code)
	}
	if _, code := call(t, conn, 9); code != codes.NotFound {
		t.Errorf("absent user: %v", code)
	}
	if _, code := call(t, conn, 8); code != codes.Internal {
		t.Errorf("unreadable user: %v", code)
	}
	redis.Stop()
	if _, code := call(t, conn, 7); code != codes.Unavailable {
		t.Errorf("redis down: %v", code)
	}
}

func TestHealthAndReflection(t *testing.T) {
	conn := serve(t, newMemoryStore(1))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, service := range []string{"", serviceName} {
		answer, err := healthpb.NewHealthClient(conn).Check(ctx, &healthpb.HealthCheckRequest{Service: service})
		if err != nil || answer.Status != healthpb.HealthCheckResponse_SERVING {
			t.Fatalf("health of %q: %v %v", service, answer, err)
		}
	}
	stream, err := reflectionpb.NewServerReflectionClient(conn).ServerReflectionInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ask := func(request *reflectionpb.ServerReflectionRequest) *reflectionpb.ServerReflectionResponse {
		if err := stream.Send(request); err != nil {
			t.Fatal(err)
		}
		answer, err := stream.Recv()
		if err != nil && err != io.EOF {
			t.Fatal(err)
		}
		return answer
	}
	services := ask(&reflectionpb.ServerReflectionRequest{
		MessageRequest: &reflectionpb.ServerReflectionRequest_ListServices{}}).GetListServicesResponse()
	listed := map[string]bool{}
	for _, s := range services.GetService() {
		listed[s.Name] = true
	}
	if !listed[serviceName] || !listed["grpc.health.v1.Health"] {
		t.Fatalf("listed services: %v", services)
	}
	file := ask(&reflectionpb.ServerReflectionRequest{
		MessageRequest: &reflectionpb.ServerReflectionRequest_FileContainingSymbol{FileContainingSymbol: serviceName}})
	if descriptors := file.GetFileDescriptorResponse().GetFileDescriptorProto(); len(descriptors) == 0 {
		t.Fatalf("no descriptor of %s: %v", serviceName, file.GetErrorResponse())
	}
}
