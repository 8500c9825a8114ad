package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"example.com/showdown/internal/pushmsg"
)

type node struct {
	hub     *hub
	wsURL   string
	tcpAddr string
	http    *httptest.Server
}

// start runs a push node on loopback ports, ticking every interval until the test ends.
func start(t *testing.T, maxConnections int, interval time.Duration) *node {
	t.Helper()
	h := newHub(maxConnections, 8)
	server := httptest.NewServer(newMux(h, time.Second))
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	go h.run(interval, stop)
	go serveTCP(listener, h, time.Second)
	t.Cleanup(func() {
		close(stop)
		listener.Close()
		server.Close()
	})
	return &node{hub: h, wsURL: "ws" + strings.TrimPrefix(server.URL, "http") + "/push", tcpAddr: listener.Addr().String(), http: server}
}

func (n *node) connections() int {
	n.hub.mu.Lock()
	defer n.hub.mu.Unlock()
	return len(n.hub.subs)
}

// waitFor polls until the node holds want connections, for at most 5 s.
func (n *node) waitFor(t *testing.T, want int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); n.connections() != want; {
		if time.Now().After(deadline) {
			t.Fatalf("%d connections, want %d", n.connections(), want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func seqOf(t *testing.T, message []byte) int64 {
	t.Helper()
	var fields struct{ Seq, Ts int64 }
	if len(message) != pushmsg.Size || json.Unmarshal(message, &fields) != nil || fields.Ts <= 0 {
		t.Fatalf("not a push message: %q", message)
	}
	return fields.Seq
}

func TestTCPGetsEveryTickAsALine(t *testing.T) {
	n := start(t, 10, 20*time.Millisecond)
	conn, err := net.Dial("tcp", n.tcpAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Write([]byte("ignored input\n"))
	lines := bufio.NewReader(conn)
	var last int64
	for i := 0; i < 3; i++ {
		line, err := lines.ReadBytes('\n')
		if err != nil {
			t.Fatal(err)
		}
		seq := seqOf(t, line[:len(line)-1])
		if last != 0 && seq != last+1 {
			t.Fatalf("seq %d after %d", seq, last)
		}
		last = seq
	}
	conn.Close()
	n.waitFor(t, 0)
}

func TestWebSocketGetsEveryTickAsOneTextFrame(t *testing.T) {
	n := start(t, 10, 20*time.Millisecond)
	conn, _, err := websocket.DefaultDialer.Dial(n.wsURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	pong := make(chan string, 1)
	conn.SetPongHandler(func(data string) error { pong <- data; return nil })
	conn.WriteControl(websocket.PingMessage, []byte("are you there"), time.Now().Add(time.Second))
	conn.WriteMessage(websocket.TextMessage, []byte("ignored input"))
	var last int64
	for i := 0; i < 3; i++ {
		kind, message, err := conn.ReadMessage()
		if err != nil || kind != websocket.TextMessage {
			t.Fatalf("frame %d: %v %v", kind, message, err)
		}
		seq := seqOf(t, message)
		if last != 0 && seq != last+1 {
			t.Fatalf("seq %d after %d", seq, last)
		}
		last = seq
	}
	if got := <-pong; got != "are you there" {
		t.Fatalf("pong %q", got)
	}
	conn.WriteMessage(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseNormalClosure, ""))
	n.waitFor(t, 0)
}

// On the wire a push is one final, unmasked text frame: 0x81, length 100, the message.
func TestWebSocketFrameBytes(t *testing.T) {
	n := start(t, 10, 20*time.Millisecond)
	conn, err := net.Dial("tcp", strings.TrimPrefix(n.http.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Write([]byte("GET /push HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"))
	in := bufio.NewReader(conn)
	for {
		line, err := in.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if line == "\r\n" {
			break
		}
	}
	frame := make([]byte, 2+pushmsg.Size)
	if _, err := io.ReadFull(in, frame); err != nil {
		t.Fatal(err)
	}
	if frame[0] != 0x81 || frame[1] != pushmsg.Size {
		t.Fatalf("frame header % x", frame[:2])
	}
	seqOf(t, frame[2:])
}

func TestBeyondMaxConnectionsBothProtocolsAreRefused(t *testing.T) {
	n := start(t, 1, time.Hour)
	held, err := net.Dial("tcp", n.tcpAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	n.waitFor(t, 1)
	refused, err := net.Dial("tcp", n.tcpAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer refused.Close()
	if answer, _ := io.ReadAll(refused); string(answer) != "{\"error\":\"too many connections\"}\n" {
		t.Fatalf("tcp refusal: %q", answer)
	}
	_, response, err := websocket.DefaultDialer.Dial(n.wsURL, nil)
	if err == nil || response.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("websocket beyond the limit: %v %v", response, err)
	}
	if body, _ := io.ReadAll(response.Body); string(body) != `{"error":"too many connections"}` {
		t.Fatalf("websocket refusal: %q", body)
	}
}

func TestShutdownSaysGoingAway(t *testing.T) {
	n := start(t, 10, time.Hour)
	ws, _, err := websocket.DefaultDialer.Dial(n.wsURL, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	tcp, err := net.Dial("tcp", n.tcpAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer tcp.Close()
	n.waitFor(t, 2)
	select {
	case <-n.hub.close():
	case <-time.After(5 * time.Second):
		t.Fatal("connections still open after close")
	}
	if _, _, err := ws.ReadMessage(); !websocket.IsCloseError(err, websocket.CloseGoingAway) {
		t.Fatalf("websocket: %v, want close 1001", err)
	}
	if _, err := tcp.Read(make([]byte, 1)); err != io.EOF {
		t.Fatalf("tcp: %v, want EOF", err)
	}
}

func TestHTTPPortAnswersJSON(t *testing.T) {
	n := start(t, 10, time.Hour)
	cases := []struct {
		method, path string
		status       int
		body         string
	}{
		{http.MethodGet, "/health", 200, `{"status":"UP"}`},
		{http.MethodGet, "/nope", 404, `{"error":"not found"}`},
		{http.MethodPost, "/push", 405, `{"error":"method not allowed"}`},
		{http.MethodGet, "/push", 400, `{"error":"websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header"}`},
	}
	for _, c := range cases {
		request, _ := http.NewRequest(c.method, n.http.URL+c.path, nil)
		response, err := http.DefaultClient.Do(request)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(response.Body)
		response.Body.Close()
		if response.StatusCode != c.status || string(body) != c.body || response.Header.Get("Content-Type") != "application/json" {
			t.Errorf("%s %s: %d %s %q", c.method, c.path, response.StatusCode, body, response.Header.Get("Content-Type"))
		}
	}
	n.waitFor(t, 0)
}
