// Command showdown-http is the Go peer of ping-, fib- and data-service: Gin in release mode serving
// /ping, /fib/:n, /data/:id, /user/:id and /health on one port.
package main

import (
	"net/http"
	"net/url"
	"os"
	"time"

	"example.com/showdown/internal/fib"
	"example.com/showdown/internal/peer"
	"example.com/showdown/internal/rediskv"
)

const name = "showdown-http"

func main() {
	flags := peer.NewFlags(name)
	address := flags.Address(8080)
	redisURL := flags.String("redis", "REDIS_URL", peer.DefaultRedis, "Redis of /data (cache:{id}) and /user (user:{id})")
	upstreamURL := flags.String("upstream", "UPSTREAM_URL", "http://127.0.0.1:8090", "base URL of /data's API: GET <url>/items/{id}")
	maxN := flags.Int("max-n", "MAX_N", 40, "largest n of /fib/{n} (at most 92)")
	upstreamPool := flags.Int("upstream-pool-size", "UPSTREAM_POOL_SIZE", 128, "idle keep-alive connections kept to the upstream")
	redisPool := flags.Int("redis-pool-size", "REDIS_POOL_SIZE", 128, "Redis connections, at most")
	upstreamTimeout := flags.Duration("upstream-timeout", "UPSTREAM_TIMEOUT", time.Second, "longest upstream exchange before 502")
	redisTimeout := flags.Duration("redis-timeout", "REDIS_TIMEOUT", time.Second, "longest wait for a Redis connection, and for its reply, before 503")
	grace := flags.Duration("shutdown-grace", "SHUTDOWN_GRACE", 4*time.Second, "on SIGTERM, how long open requests may finish")
	if rest := flags.Parse(os.Args[1:]); len(rest) > 0 {
		flags.Fail("unexpected argument %q", rest[0])
	}
	if *maxN < 0 || *maxN > fib.MaxN {
		flags.Fail("--max-n must be in 0..%d, got %d", fib.MaxN, *maxN)
	}
	flags.AtLeast("upstream-pool-size", *upstreamPool, 1)
	flags.AtLeast("redis-pool-size", *redisPool, 1)
	flags.Positive("upstream-timeout", *upstreamTimeout)
	flags.Positive("redis-timeout", *redisTimeout)
	flags.Positive("shutdown-grace", *grace)
	if u, err := url.Parse(*upstreamURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		flags.Fail("--upstream %q: want http://host[:port][/path] or https://…", *upstreamURL)
	}
	store, err := rediskv.Open(*redisURL, *redisPool, *redisTimeout)
	if err != nil {
		flags.Fail("--redis: %v", err)
	}
	defer store.Close()

	router := newRouter(*maxN, newUpstream(*upstreamURL, *upstreamPool, *upstreamTimeout), store)
	server := &http.Server{
		Handler: router,
		// Bounds a client that opens a connection and never finishes its headers.
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	peer.ServeHTTP(name, address, server, *grace)
}
