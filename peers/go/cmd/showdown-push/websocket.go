package main

import (
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// maxClientFrame is the largest frame a client may send; a larger one closes the connection (1009).
const maxClientFrame = 64 << 10

type pushEndpoint struct {
	hub         *hub
	slowTimeout time.Duration
	upgrader    websocket.Upgrader
}

func newPushEndpoint(h *hub, slowTimeout time.Duration) *pushEndpoint {
	return &pushEndpoint{
		hub:         h,
		slowTimeout: slowTimeout,
		upgrader: websocket.Upgrader{
			// Small own read buffer instead of the HTTP server's 4 KiB, and write buffers only while a
			// write needs one (pushes go out as prepared frames without any): 10,000 idle connections
			// then cost little more than their goroutines.
			ReadBufferSize:  512,
			WriteBufferPool: &sync.Pool{},
			Error: func(w http.ResponseWriter, _ *http.Request, status int, reason error) {
				writeError(w, status, reason.Error())
			},
		},
	}
}

// ServeHTTP upgrades and returns, as gorilla's chat example does: the HTTP server's request, buffers and
// goroutine are let go, and the connection lives on in one goroutine that writes and one that reads.
func (p *pushEndpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sub := p.hub.join()
	if sub == nil {
		writeError(w, http.StatusServiceUnavailable, "too many connections")
		return
	}
	conn, err := p.upgrader.Upgrade(w, r, nil)
	if err != nil {
		p.hub.leave(sub)
		return // the upgrader has answered with the reason
	}
	conn.SetReadLimit(maxClientFrame)
	gone := make(chan struct{})
	go readUntilClosed(conn, gone)
	go p.push(conn, sub, gone)
}

// push writes the subscriber's ticks until the client goes, a write fails, or the hub closes.
func (p *pushEndpoint) push(conn *websocket.Conn, sub *subscriber, gone <-chan struct{}) {
	defer func() {
		conn.Close()
		p.hub.leave(sub) // after the close: the hub is empty only once every connection is closed
	}()
	for {
		select {
		case t := <-sub.ticks:
			conn.SetWriteDeadline(time.Now().Add(p.slowTimeout))
			if err := conn.WritePreparedMessage(t.frame); err != nil {
				return
			}
		case <-gone:
			return
		case <-p.hub.quit:
			conn.WriteControl(websocket.CloseMessage,
				websocket.FormatCloseMessage(websocket.CloseGoingAway, ""), time.Now().Add(time.Second))
			return
		}
	}
}

// readUntilClosed reads the client's frames and drops them; gorilla answers pings and echoes a close on
// the way. It closes gone when the connection ends.
func readUntilClosed(conn *websocket.Conn, gone chan<- struct{}) {
	defer close(gone)
	for {
		if _, _, err := conn.NextReader(); err != nil {
			return
		}
	}
}
