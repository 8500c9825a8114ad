package main

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"example.com/showdown/internal/digits"
	"example.com/showdown/internal/fib"
	"example.com/showdown/internal/rediskv"
)

var (
	pong = []byte(`{"message":"pong"}`)
	up   = []byte(`{"status":"UP"}`)
)

// newRouter is the Gin engine as deployed for a benchmark: release mode, a recovery that answers the
// contract's 500, no per-request logger, and JSON 404/405 for what no route takes.
func newRouter(maxN int, api *upstream, store *rediskv.Store) *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	r.Use(gin.CustomRecovery(func(c *gin.Context, err any) {
		// CustomRecovery has already logged the panic and its stack on stderr; the client gets neither.
		writeError(c, http.StatusInternalServerError, "internal error")
		c.Abort()
	}))
	r.HandleMethodNotAllowed = true
	// /ping/ is not /ping: a 404 as in the Java services, not a redirect.
	r.RedirectTrailingSlash = false
	r.NoRoute(func(c *gin.Context) { writeError(c, http.StatusNotFound, "not found") })
	r.NoMethod(func(c *gin.Context) { writeError(c, http.StatusMethodNotAllowed, "method not allowed") })

	r.GET("/ping", func(c *gin.Context) { c.Data(http.StatusOK, jsonType, pong) })
	r.GET("/health", func(c *gin.Context) { c.Data(http.StatusOK, jsonType, up) })
	r.GET("/fib/:n", fibHandler(maxN))
	data := &dataHandler{api: api, store: store}
	r.GET("/data/:id", data.handle)
	user := &userHandler{store: store}
	r.GET("/user/:id", user.handle)
	// An empty id is a bad id (400), not an unknown route.
	r.GET("/data/", badID)
	r.GET("/user/", badID)
	return r
}

func fibHandler(maxN int) gin.HandlerFunc {
	refusal := "n must be an integer in 0.." + strconv.Itoa(maxN)
	return func(c *gin.Context) {
		n, ok := digits.Parse(c.Param("n"), int64(maxN))
		if !ok {
			writeError(c, http.StatusBadRequest, refusal)
			return
		}
		writeJSON(c, http.StatusOK, struct {
			Result int64 `json:"result"`
		}{fib.Of(int(n))})
	}
}

// jsonType is the contract's Content-Type (Gin's c.JSON would add "; charset=utf-8").
const jsonType = "application/json"

var idRule = "id must be an integer in 1.." + strconv.FormatInt(1<<63-1, 10)

// itemID is the {id} of /data and /user, or false after answering 400.
func itemID(c *gin.Context) (int64, bool) {
	id, ok := digits.Parse(c.Param("id"), 1<<63-1)
	if !ok || id == 0 {
		badID(c)
		return 0, false
	}
	return id, true
}

func badID(c *gin.Context) {
	writeError(c, http.StatusBadRequest, idRule)
}

func writeJSON(c *gin.Context, status int, body any) {
	encoded, err := json.Marshal(body)
	if err != nil {
		panic(err) // a body that cannot be encoded is a bug: the recovery answers 500
	}
	c.Data(status, jsonType, encoded)
}

func writeError(c *gin.Context, status int, reason string) {
	writeJSON(c, status, struct {
		Error string `json:"error"`
	}{reason})
}
