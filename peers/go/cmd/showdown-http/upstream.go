package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// maxItemBody is the largest upstream body /data passes on; a larger one is a 502.
const maxItemBody = 1 << 20

// upstream is /data's external API, reached through one shared client whose keep-alive pool is sized for
// the benchmark's concurrency (http.DefaultTransport keeps only 2 idle connections per host).
type upstream struct {
	base    string
	client  *http.Client
	timeout time.Duration
}

func newUpstream(base string, poolSize int, timeout time.Duration) *upstream {
	transport := &http.Transport{
		// The upstream is named by --upstream: no proxy from the environment in between.
		Proxy:                 nil,
		DialContext:           (&net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:          poolSize,
		MaxIdleConnsPerHost:   poolSize,
		IdleConnTimeout:       90 * time.Second,
		ResponseHeaderTimeout: timeout,
		// The body is passed on as sent: no gzip asked for, none to inflate.
		DisableCompression: true,
	}
	return &upstream{base: strings.TrimRight(base, "/"), client: &http.Client{Transport: transport}, timeout: timeout}
}

// item returns the body of GET {base}/items/{id} when it is 200 and one JSON value of at most 1 MiB; any
// other outcome is an error whose text is the 502 reason.
func (u *upstream) item(ctx context.Context, id int64) (json.RawMessage, error) {
	ctx, cancel := context.WithTimeout(ctx, u.timeout)
	defer cancel()
	request, err := http.NewRequestWithContext(ctx, http.MethodGet, u.base+"/items/"+strconv.FormatInt(id, 10), nil)
	if err != nil {
		return nil, u.failed(err)
	}
	response, err := u.client.Do(request)
	if err != nil {
		return nil, u.failed(err)
	}
	defer response.Body.Close()
	if response.StatusCode != http.StatusOK {
		// Read a short body to its end so that the connection goes back to the pool.
		io.Copy(io.Discard, io.LimitReader(response.Body, 4<<10))
		return nil, fmt.Errorf("upstream answered %d", response.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(response.Body, maxItemBody+1))
	if err != nil {
		return nil, u.failed(err)
	}
	if len(body) > maxItemBody {
		return nil, fmt.Errorf("upstream body larger than %d bytes", maxItemBody)
	}
	if !json.Valid(body) {
		return nil, errors.New("upstream answered a body that is not JSON")
	}
	return body, nil
}

func (u *upstream) failed(err error) error {
	var netErr net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &netErr) && netErr.Timeout()) {
		return fmt.Errorf("upstream timed out after %d ms", u.timeout.Milliseconds())
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err // the cause, without the URL repeated
	}
	return fmt.Errorf("upstream unavailable: %v", err)
}
