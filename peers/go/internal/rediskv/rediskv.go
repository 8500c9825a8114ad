// Package rediskv reads keys from Redis through one shared redigo pool, with a time limit per lookup and
// errors whose text is the contract's 503 reason.
package rediskv

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"time"

	"github.com/gomodule/redigo/redis"
)

// Store looks keys up in one Redis.
type Store struct {
	pool    *redis.Pool
	timeout time.Duration
}

// Open checks the URL (redis://[:password@]host[:port][/db] or rediss://…) and prepares a pool of at most
// size connections; nothing is dialled until the first lookup, so a process starts while Redis is down.
func Open(rawURL string, size int, timeout time.Duration) (*Store, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "redis" && u.Scheme != "rediss") || u.Opaque != "" {
		return nil, errors.New("want redis://[:password@]host[:port][/db] or rediss://…")
	}
	pool := &redis.Pool{
		Dial: func() (redis.Conn, error) {
			return redis.DialURL(rawURL, redis.DialConnectTimeout(timeout),
				redis.DialReadTimeout(timeout), redis.DialWriteTimeout(timeout))
		},
		// As many idle as active: under a steady load no connection is closed only to be dialled again.
		MaxIdle:   size,
		MaxActive: size,
		// Wait for a free connection (bounded by the lookup's context) rather than fail at once.
		Wait:        true,
		IdleTimeout: 5 * time.Minute,
		TestOnBorrow: func(c redis.Conn, idleSince time.Time) error {
			// A connection idle for long may have been dropped by a Redis restart: check it first.
			if time.Since(idleSince) < time.Minute {
				return nil
			}
			_, err := c.Do("PING")
			return err
		},
	}
	return &Store{pool: pool, timeout: timeout}, nil
}

// Get returns the value of key; found is false when the key is absent. Waiting for a connection and the
// round trip each take at most the store's timeout.
func (s *Store) Get(ctx context.Context, key string) (value []byte, found bool, err error) {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	conn, err := s.pool.GetContext(ctx)
	if err != nil {
		return nil, false, s.unavailable(err)
	}
	defer conn.Close()
	value, err = redis.Bytes(conn.Do("GET", key))
	if errors.Is(err, redis.ErrNil) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, s.unavailable(err)
	}
	return value, true, nil
}

// Close closes the idle connections.
func (s *Store) Close() error {
	return s.pool.Close()
}

// unavailable says why a lookup failed; an error reply (such as WRONGTYPE) counts as Redis failing.
func (s *Store) unavailable(err error) error {
	var netErr net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()) {
		return fmt.Errorf("redis timed out after %d ms", s.timeout.Milliseconds())
	}
	return fmt.Errorf("redis unavailable: %v", err)
}
