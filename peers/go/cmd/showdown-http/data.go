package main

import (
	"encoding/json"
	"net/http"
	"strconv"
	"sync"

	"github.com/gin-gonic/gin"

	"example.com/showdown/internal/rediskv"
)

// dataHandler is GET /data/:id: the upstream item and Redis cache:{id}, fetched at once by two goroutines
// joined with a WaitGroup (article A's shape).
type dataHandler struct {
	api   *upstream
	store *rediskv.Store
}

type dataBody struct {
	API   json.RawMessage `json:"api"`
	Cache *string         `json:"cache"`
}

func (h *dataHandler) handle(c *gin.Context) {
	id, ok := itemID(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	var (
		wg      sync.WaitGroup
		failure firstFailure
		body    dataBody
	)
	wg.Add(2)
	go func() {
		defer wg.Done()
		api, err := h.api.item(ctx, id)
		if err != nil {
			failure.record(http.StatusBadGateway, err)
			return
		}
		body.API = api
	}()
	go func() {
		defer wg.Done()
		value, found, err := h.store.Get(ctx, "cache:"+strconv.FormatInt(id, 10))
		if err != nil {
			failure.record(http.StatusServiceUnavailable, err)
			return
		}
		if found {
			cache := string(value)
			body.Cache = &cache
		}
	}()
	wg.Wait()
	if failure.status != 0 {
		writeError(c, failure.status, failure.reason)
		return
	}
	writeJSON(c, http.StatusOK, body)
}

// firstFailure keeps the failure of whichever leg failed first: the contract lets it decide the answer.
type firstFailure struct {
	once   sync.Once
	status int
	reason string
}

func (f *firstFailure) record(status int, err error) {
	f.once.Do(func() { f.status, f.reason = status, err.Error() })
}
