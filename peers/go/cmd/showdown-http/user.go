package main

import (
	"log"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"example.com/showdown/internal/rediskv"
	"example.com/showdown/internal/user"
)

// userHandler is GET /user/:id: Redis user:{id} decoded into a struct and encoded again (article B's shape;
// the struct keeps the stored field order, so a seeded user comes back byte for byte).
type userHandler struct {
	store *rediskv.Store
}

func (h *userHandler) handle(c *gin.Context) {
	id, ok := itemID(c)
	if !ok {
		return
	}
	key := "user:" + strconv.FormatInt(id, 10)
	stored, found, err := h.store.Get(c.Request.Context(), key)
	if err != nil {
		writeError(c, http.StatusServiceUnavailable, err.Error())
		return
	}
	if !found {
		writeError(c, http.StatusNotFound, "not found")
		return
	}
	u, err := user.Parse(stored)
	if err != nil {
		log.Printf("%s is not a stored user: %v", key, err)
		writeError(c, http.StatusInternalServerError, "internal error")
		return
	}
	writeJSON(c, http.StatusOK, u)
}
