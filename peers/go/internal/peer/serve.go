package peer

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

// Address is a --host/--port pair (env HOST, PORT).
type Address struct {
	host *string
	port *int
}

// Address declares --host (default 0.0.0.0) and --port with the process's default port.
func (f *Flags) Address(defaultPort int) Address {
	return Address{
		host: f.String("host", "HOST", "0.0.0.0", "address to bind"),
		port: f.Int("port", "PORT", defaultPort, "port; 0 picks a free one"),
	}
}

// Port declares one more port flag, e.g. --tcp-port, for a second listener on the host of on.
func (f *Flags) Port(on Address, name, env string, value int, usage string) Address {
	return Address{host: on.host, port: f.Int(name, env, value, usage)}
}

// Listen binds the address, or ends the process with status 2 and
// "<name>: cannot start on host:port: reason" on stderr.
func (a Address) Listen(name string) net.Listener {
	where := net.JoinHostPort(*a.host, strconv.Itoa(*a.port))
	if *a.port < 0 || *a.port > 65535 {
		fmt.Fprintf(os.Stderr, "%s: cannot start on %s: the port must be in 0..65535\n", name, where)
		os.Exit(2)
	}
	listener, err := net.Listen("tcp", where)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: cannot start on %s: %v\n", name, where, err)
		os.Exit(2)
	}
	return listener
}

// Where is host:port as the ready line prints it: the host as given, the port as bound.
func (a Address) Where(listener net.Listener) string {
	return net.JoinHostPort(*a.host, strconv.Itoa(listener.Addr().(*net.TCPAddr).Port))
}

// Ready prints the one line the bench waits for: "<name> listening on host:port".
func Ready(name string, a Address, listener net.Listener) {
	// os.Stdout is not buffered: the line is out when Println returns.
	fmt.Println(name + " listening on " + a.Where(listener))
}

// StopSignal is done on SIGTERM (or Ctrl-C).
func StopSignal() context.Context {
	ctx, _ := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	return ctx
}

// ServeHTTP serves server on a, prints the ready line, and on SIGTERM lets open requests finish for up to
// grace before it returns; the caller then exits 0. A server that fails ends the process with status 1.
func ServeHTTP(name string, a Address, server *http.Server, grace time.Duration) {
	listener := a.Listen(name)
	stop := StopSignal()
	failed := make(chan error, 1)
	go func() { failed <- server.Serve(listener) }()
	Ready(name, a, listener)
	select {
	case err := <-failed:
		fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
		os.Exit(1)
	case <-stop.Done():
	}
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := server.Shutdown(ctx); errors.Is(err, context.DeadlineExceeded) {
		server.Close()
	}
}
