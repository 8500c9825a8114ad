package main

import (
	"errors"
	"log"
	"net"
	"time"
)

var tooManyLine = []byte(`{"error":"too many connections"}` + "\n")

// serveTCP accepts until the listener is closed; each connection gets a goroutine that writes its ticks
// and one that reads (and drops) what the client sends, to notice when it goes.
func serveTCP(listener net.Listener, h *hub, slowTimeout time.Duration) {
	for {
		conn, err := listener.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			// Out of file descriptors, say: back off briefly instead of spinning.
			log.Printf("tcp accept: %v", err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		go tcpConnection(conn, h, slowTimeout)
	}
}

func tcpConnection(conn net.Conn, h *hub, slowTimeout time.Duration) {
	sub := h.join()
	if sub == nil {
		conn.SetWriteDeadline(time.Now().Add(time.Second))
		conn.Write(tooManyLine)
		conn.Close()
		return
	}
	defer func() {
		conn.Close()
		h.leave(sub)
	}()
	gone := make(chan struct{})
	go discardUntilClosed(conn, gone)
	for {
		select {
		case t := <-sub.ticks:
			// A client that stops reading fills its socket buffer; past slowTimeout it is cut off.
			conn.SetWriteDeadline(time.Now().Add(slowTimeout))
			if _, err := conn.Write(t.line); err != nil {
				return
			}
		case <-gone:
			return
		case <-h.quit:
			return
		}
	}
}

// discardUntilClosed reads and drops the client's bytes through a small buffer (10,000 connections each
// hold one), then closes gone.
func discardUntilClosed(conn net.Conn, gone chan<- struct{}) {
	defer close(gone)
	buf := make([]byte, 256)
	for {
		if _, err := conn.Read(buf); err != nil {
			return
		}
	}
}
