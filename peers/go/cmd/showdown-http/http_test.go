package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"example.com/showdown/internal/rediskv"
	"example.com/showdown/internal/redistest"
)

// apiStub is the upstream: GET /items/{id} answers by id (fixed JSON, 500, non-JSON, a stall).
func apiStub(t *testing.T) *httptest.Server {
	stub := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch id := strings.TrimPrefix(r.URL.Path, "/items/"); id {
		case "500":
			w.WriteHeader(http.StatusInternalServerError)
		case "666":
			w.Write([]byte(`not json`))
		case "777":
			time.Sleep(700 * time.Millisecond)
			w.Write([]byte(`{}`))
		default:
			w.Write([]byte(`{"id":` + id + `,"title":"item ` + id + `"}`))
		}
	}))
	t.Cleanup(stub.Close)
	return stub
}

type answer struct {
	status      int
	contentType string
	body        string
}

func get(t *testing.T, base, path string, method ...string) answer {
	t.Helper()
	verb := http.MethodGet
	if len(method) > 0 {
		verb = method[0]
	}
	request, _ := http.NewRequest(verb, base+path, nil)
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		t.Fatal(err)
	}
	defer response.Body.Close()
	body, _ := io.ReadAll(response.Body)
	return answer{response.StatusCode, response.Header.Get("Content-Type"), string(body)}
}

// service runs the router on a loopback port over redisURL and the stub upstream.
func service(t *testing.T, redisURL, upstreamURL string) string {
	t.Helper()
	store, err := rediskv.Open(redisURL, 8, 300*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	server := httptest.NewServer(newRouter(40, newUpstream(upstreamURL, 8, 300*time.Millisecond), store))
	t.Cleanup(server.Close)
	return server.URL
}

func expect(t *testing.T, base string, cases map[string]answer) {
	t.Helper()
	for path, want := range cases {
		if want.contentType == "" {
			want.contentType = "application/json"
		}
		if got := get(t, base, path); got != want {
			t.Errorf("GET %s = %+v, want %+v", path, got, want)
		}
	}
}

func TestPingFibHealthAndUnknownRoutes(t *testing.T) {
	base := service(t, "redis://127.0.0.1:1", "http://127.0.0.1:1")
	refused := answer{status: 400, body: `{"error":"n must be an integer in 0..40"}`}
	notFound := answer{status: 404, body: `{"error":"not found"}`}
	expect(t, base, map[string]answer{
		"/ping":    {status: 200, body: `{"message":"pong"}`},
		"/health":  {status: 200, body: `{"status":"UP"}`},
		"/fib/35":  {status: 200, body: `{"result":9227465}`},
		"/fib/0":   {status: 200, body: `{"result":0}`},
		"/fib/40":  {status: 200, body: `{"result":102334155}`},
		"/fib/41":  refused,
		"/fib/-1":  refused,
		"/fib/+5":  refused,
		"/fib/1e1": refused,
		"/fib/abc": refused,
		"/fib/":    notFound,
		"/nope":    notFound,
		"/ping/":   notFound,
	})
	if got := get(t, base, "/ping", http.MethodPost); got != (answer{405, "application/json", `{"error":"method not allowed"}`}) {
		t.Errorf("POST /ping = %+v", got)
	}
}

func TestDataJoinsUpstreamAndCache(t *testing.T) {
	redis := redistest.Start(t)
	redis.Set(t, "cache:1", "cached-1")
	redis.Do(t, "LPUSH", "cache:9", "a list")
	base := service(t, redis.URL, apiStub(t).URL)
	badID := answer{status: 400, body: `{"error":"id must be an integer in 1..9223372036854775807"}`}
	expect(t, base, map[string]answer{
		"/data/1":                   {status: 200, body: `{"api":{"id":1,"title":"item 1"},"cache":"cached-1"}`},
		"/data/2":                   {status: 200, body: `{"api":{"id":2,"title":"item 2"},"cache":null}`},
		"/data/0":                   badID,
		"/data/":                    badID,
		"/data/x1":                  badID,
		"/data/9223372036854775808": badID,
		"/data/500":                 {status: 502, body: `{"error":"upstream answered 500"}`},
		"/data/666":                 {status: 502, body: `{"error":"upstream answered a body that is not JSON"}`},
		"/data/777":                 {status: 502, body: `{"error":"upstream timed out after 300 ms"}`},
	})
	if got := get(t, base, "/data/9"); got.status != 503 || !strings.HasPrefix(got.body, `{"error":"redis unavailable: WRONGTYPE`) {
		t.Errorf("a Redis error reply: %+v", got)
	}
}

func TestDataWithEitherDependencyDown(t *testing.T) {
	redis := redistest.Start(t)
	down := "127.0.0.1:" + strconv.Itoa(redistest.FreePort(t))
	upstreamDown := service(t, redis.URL, "http://"+down)
	if got := get(t, upstreamDown, "/data/1"); got.status != 502 || !strings.Contains(got.body, "upstream unavailable: ") {
		t.Errorf("upstream down: %+v", got)
	}
	redisDown := service(t, "redis://"+down, apiStub(t).URL)
	if got := get(t, redisDown, "/data/1"); got.status != 503 || !strings.Contains(got.body, "redis unavailable: ") {
		t.Errorf("redis down: %+v", got)
	}
}

func TestUserIsTheStoredJSON(t *testing.T) {
	redis := redistest.Start(t)
	seeded := `{"id":7,"name":"user7","email":"user7@example.com"}`
	redis.Set(t, "user:7", seeded)
	redis.Set(t, "user:8", "garbage")
	base := service(t, redis.URL, "http://127.0.0.1:1")
	expect(t, base, map[string]answer{
		"/user/7": {status: 200, body: seeded},
		"/user/6": {status: 404, body: `{"error":"not found"}`},
		"/user/8": {status: 500, body: `{"error":"internal error"}`},
		"/user/":  {status: 400, body: `{"error":"id must be an integer in 1..9223372036854775807"}`},
	})
	redis.Stop()
	if got := get(t, base, "/user/7"); got.status != 503 || !strings.HasPrefix(got.body, `{"error":"redis unavailable: `) {
		t.Errorf("redis down: %+v", got)
	}
}
