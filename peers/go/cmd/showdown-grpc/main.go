// Command showdown-grpc is the Go peer of grpc-service: userservice.v1.UserService/GetUser with gRPC health
// and reflection, over 10,000 users in memory or, with --redis, over Redis user:{id}.
package main

import (
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/reflection"

	"example.com/showdown/internal/peer"
	"example.com/showdown/internal/rediskv"
	userservicev1 "example.com/showdown/userservice/v1"
)

const (
	name = "showdown-grpc"
	// serviceName is what grpc health reports on, beside the server as a whole ("").
	serviceName = "userservice.v1.UserService"
	// generatedUsers is how many users the in-memory store holds, as grpc-service's does.
	generatedUsers = 10_000
)

func main() {
	flags := peer.NewFlags(name)
	address := flags.Address(9090)
	redisURL := flags.String("redis", "REDIS_URL", "", "read users from Redis user:{id} at this URL (default: 10,000 generated users in memory)")
	redisPool := flags.Int("redis-pool-size", "REDIS_POOL_SIZE", 128, "Redis connections, at most")
	redisTimeout := flags.Duration("redis-timeout", "REDIS_TIMEOUT", time.Second, "a Redis lookup slower than this answers UNAVAILABLE")
	grace := flags.Duration("shutdown-grace", "SHUTDOWN_GRACE", 4*time.Second, "on SIGTERM, how long open calls may finish")
	if rest := flags.Parse(os.Args[1:]); len(rest) > 0 {
		flags.Fail("unexpected argument %q", rest[0])
	}
	flags.AtLeast("redis-pool-size", *redisPool, 1)
	flags.Positive("redis-timeout", *redisTimeout)
	flags.Positive("shutdown-grace", *grace)

	var users userStore = newMemoryStore(generatedUsers)
	if *redisURL != "" {
		store, err := rediskv.Open(*redisURL, *redisPool, *redisTimeout)
		if err != nil {
			flags.Fail("--redis: %v", err)
		}
		defer store.Close()
		users = redisStore{store}
	}

	server, healthServer := newServer(users)
	listener := address.Listen(name)
	stop := peer.StopSignal()
	failed := make(chan error, 1)
	go func() { failed <- server.Serve(listener) }()
	peer.Ready(name, address, listener)
	select {
	case err := <-failed:
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	case <-stop.Done():
	}
	healthServer.Shutdown()
	stopped := make(chan struct{})
	go func() { server.GracefulStop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(*grace):
		server.Stop()
	}
}

// newServer serves UserService over users, with gRPC health (SERVING for the server and the service) and
// reflection.
func newServer(users userStore) (*grpc.Server, *health.Server) {
	server := grpc.NewServer()
	userservicev1.RegisterUserServiceServer(server, &userService{users: users})
	healthServer := health.NewServer()
	healthServer.SetServingStatus(serviceName, healthpb.HealthCheckResponse_SERVING)
	healthpb.RegisterHealthServer(server, healthServer)
	reflection.Register(server)
	return server, healthServer
}
