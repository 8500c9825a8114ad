// Package redistest runs a real redis-server for tests, on a free loopback port.
package redistest

import (
	"net"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/gomodule/redigo/redis"
)

// Server is a redis-server child process.
type Server struct {
	URL  string
	cmd  *exec.Cmd
	addr string
}

// Start runs redis-server for the test (stopped at its end); the test is skipped when none is installed.
func Start(t testing.TB) *Server {
	t.Helper()
	path, err := exec.LookPath("redis-server")
	if err != nil {
		t.Skip("redis-server is not installed (apt-get install redis-server)")
	}
	port := FreePort(t)
	cmd := exec.Command(path, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &Server{URL: "redis://127.0.0.1:" + strconv.Itoa(port), cmd: cmd, addr: "127.0.0.1:" + strconv.Itoa(port)}
	t.Cleanup(s.Stop)
	deadline := time.Now().Add(10 * time.Second)
	for {
		conn, err := redis.Dial("tcp", s.addr)
		if err == nil {
			_, err = conn.Do("PING")
			conn.Close()
			if err == nil {
				return s
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("redis-server did not answer on %s: %v", s.addr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Set stores key = value.
func (s *Server) Set(t testing.TB, key, value string) {
	t.Helper()
	s.Do(t, "SET", key, value)
}

// Do runs one command on a fresh connection.
func (s *Server) Do(t testing.TB, command string, args ...interface{}) {
	t.Helper()
	conn, err := redis.Dial("tcp", s.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Do(command, args...); err != nil {
		t.Fatal(err)
	}
}

// Stop kills the server and waits for it to go.
func (s *Server) Stop() {
	if s.cmd.ProcessState == nil {
		s.cmd.Process.Kill()
		s.cmd.Wait()
	}
}

// FreePort returns a loopback port nothing listens on (for a child to bind, or for a refused connection).
func FreePort(t testing.TB) int {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer listener.Close()
	return listener.Addr().(*net.TCPAddr).Port
}
