// Command showdown-push is the Go peer of push-service: connections that only listen, WebSocket /push on
// the HTTP port and plain TCP on --tcp-port, each sent one 100-byte message every --interval.
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"syscall"
	"time"

	"example.com/showdown/internal/peer"
)

const name = "showdown-push"

func main() {
	flags := peer.NewFlags(name)
	address := flags.Address(8084)
	tcpAddress := flags.Port(address, "tcp-port", "TCP_PORT", 8085, "plain TCP port; 0 picks a free one")
	interval := flags.Duration("interval", "INTERVAL", 10*time.Second, "time between pushes")
	maxConnections := flags.Int("max-connections", "MAX_CONNECTIONS", 100_000, "open connections (both protocols) beyond which new ones are refused")
	queue := flags.Int("send-queue", "SEND_QUEUE", 8, "pushes one connection may have waiting; more are dropped")
	slowTimeout := flags.Duration("slow-timeout", "SLOW_TIMEOUT", 30*time.Second, "how long one write may wait on a client that does not read before it is closed")
	grace := flags.Duration("shutdown-grace", "SHUTDOWN_GRACE", 3*time.Second, "on SIGTERM, how long connections get to close")
	if rest := flags.Parse(os.Args[1:]); len(rest) > 0 {
		flags.Fail("unexpected argument %q", rest[0])
	}
	flags.Positive("interval", *interval)
	flags.Positive("slow-timeout", *slowTimeout)
	flags.Positive("shutdown-grace", *grace)
	flags.AtLeast("max-connections", *maxConnections, 1)
	flags.AtLeast("send-queue", *queue, 1)
	raiseFileLimit(*maxConnections)

	h := newHub(*maxConnections, *queue)
	server := &http.Server{Handler: newMux(h, *slowTimeout), ReadHeaderTimeout: 10 * time.Second}

	listener := address.Listen(name)
	tcpListener := tcpAddress.Listen(name)
	stopTicks := make(chan struct{})
	go h.run(*interval, stopTicks)
	go server.Serve(listener)
	go serveTCP(tcpListener, h, *slowTimeout)
	peer.Ready(name, address, listener)
	fmt.Printf("%s tcp listening on %s interval=%v max-connections=%d\n", name, tcpAddress.Where(tcpListener), *interval, *maxConnections)

	<-peer.StopSignal().Done()
	close(stopTicks)
	tcpListener.Close()
	server.Close() // closes the listener and idle HTTP connections; upgraded ones are ours to close
	select {
	case <-h.close():
	case <-time.After(*grace):
	}
	if dropped := h.dropped.Load(); dropped > 0 {
		fmt.Fprintf(os.Stderr, "%s: %d pushes dropped on full queues\n", name, dropped)
	}
}

// raiseFileLimit lifts the soft open-file limit to the hard one (each connection is a descriptor) and
// warns when even that is below --max-connections.
func raiseFileLimit(maxConnections int) {
	var limit syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &limit); err != nil {
		return
	}
	limit.Cur = limit.Max
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &limit); err != nil {
		fmt.Fprintf(os.Stderr, "%s: warning: cannot raise the open-file limit: %v\n", name, err)
	}
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &limit); err == nil && limit.Cur < uint64(maxConnections)+64 {
		fmt.Fprintf(os.Stderr, "%s: warning: --max-connections %d is above the open-file limit %d; accepts past it fail\n",
			name, maxConnections, limit.Cur)
	}
}

// newMux is the HTTP port: WebSocket /push and /health, JSON errors for anything else.
func newMux(h *hub, slowTimeout time.Duration) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/push", onlyGet(newPushEndpoint(h, slowTimeout)))
	mux.Handle("/health", onlyGet(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"status":"UP"}`))
	})))
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { writeError(w, http.StatusNotFound, "not found") })
	return mux
}

func onlyGet(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			writeError(w, http.StatusMethodNotAllowed, "method not allowed")
			return
		}
		next.ServeHTTP(w, r)
	})
}

func writeError(w http.ResponseWriter, status int, reason string) {
	body, _ := json.Marshal(struct {
		Error string `json:"error"`
	}{reason})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}
