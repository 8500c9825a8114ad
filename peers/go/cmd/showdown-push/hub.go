package main

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"example.com/showdown/internal/pushmsg"
)

// tick is one push, encoded once for every connection: the TCP line and the WebSocket frame.
type tick struct {
	line  []byte
	frame *websocket.PreparedMessage
}

func newTick(seq, tsMicros int64) *tick {
	message := pushmsg.Encode(seq, tsMicros)
	frame, err := websocket.NewPreparedMessage(websocket.TextMessage, message)
	if err != nil {
		panic(err) // only a compression failure can make this fail, and compression is off
	}
	return &tick{line: append(message, '\n'), frame: frame}
}

// subscriber is one connection's queue of ticks, drained by that connection's own goroutine.
type subscriber struct {
	ticks chan *tick
}

// hub fans every tick out to the subscribers without waiting on any: a queue that is full drops the tick.
type hub struct {
	mu      sync.Mutex
	subs    map[*subscriber]struct{}
	max     int
	queue   int
	dropped atomic.Int64
	// quit is closed at shutdown: every connection says goodbye and closes.
	quit chan struct{}
	// empty is closed once, after quit, the last subscriber has left.
	empty   chan struct{}
	closing bool
}

func newHub(maxConnections, queue int) *hub {
	return &hub{subs: make(map[*subscriber]struct{}), max: maxConnections, queue: queue,
		quit: make(chan struct{}), empty: make(chan struct{})}
}

// join adds a subscriber, or returns nil when --max-connections are open already or the hub is closing.
func (h *hub) join() *subscriber {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.subs) >= h.max || h.closing {
		return nil
	}
	s := &subscriber{ticks: make(chan *tick, h.queue)}
	h.subs[s] = struct{}{}
	return s
}

// leave is called once the subscriber's connection is closed.
func (h *hub) leave(s *subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, s)
	if h.closing && len(h.subs) == 0 {
		close(h.empty)
	}
}

// close tells every connection to close and returns a channel closed once they all have.
func (h *hub) close() <-chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closing = true
	close(h.quit)
	if len(h.subs) == 0 {
		close(h.empty)
	}
	return h.empty
}

func (h *hub) publish(t *tick) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.subs {
		select {
		case s.ticks <- t:
		default:
			h.dropped.Add(1)
		}
	}
}

// run publishes a tick every interval until stop is closed; ts is taken when the tick starts, before it
// is encoded or fanned out, so a listener's latency includes both.
func (h *hub) run(interval time.Duration, stop <-chan struct{}) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for seq := int64(1); ; seq++ {
		select {
		case <-stop:
			return
		case <-ticker.C:
			h.publish(newTick(seq, time.Now().UnixMicro()))
		}
	}
}
