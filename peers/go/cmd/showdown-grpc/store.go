package main

import (
	"context"
	"strconv"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"example.com/showdown/internal/rediskv"
	"example.com/showdown/internal/user"
	userservicev1 "example.com/showdown/userservice/v1"
)

// userStore finds a user by id (id > 0): nil when there is none, an error that is already a gRPC status
// when the store fails.
type userStore interface {
	find(ctx context.Context, id int64) (*userservicev1.User, error)
}

// memoryStore holds users 1..count, built once: a lookup is a slice read. The messages are shared by every
// call, which only reads them.
type memoryStore []*userservicev1.User

func newMemoryStore(count int) memoryStore {
	users := make(memoryStore, count+1)
	for id := 1; id <= count; id++ {
		users[id] = message(user.Generated(int64(id)))
	}
	return users
}

func (m memoryStore) find(_ context.Context, id int64) (*userservicev1.User, error) {
	if id >= int64(len(m)) {
		return nil, nil
	}
	return m[id], nil
}

// redisStore reads the JSON the bench stores at user:{id}.
type redisStore struct {
	kv *rediskv.Store
}

func (r redisStore) find(ctx context.Context, id int64) (*userservicev1.User, error) {
	stored, found, err := r.kv.Get(ctx, "user:"+strconv.FormatInt(id, 10))
	if err != nil {
		return nil, status.Errorf(codes.Unavailable, "user store unavailable: %v", err)
	}
	if !found {
		return nil, nil
	}
	u, err := user.Parse(stored)
	if err != nil {
		return nil, status.Errorf(codes.Internal, "stored user %d is unreadable: %v", id, err)
	}
	return message(u), nil
}

func message(u user.User) *userservicev1.User {
	return &userservicev1.User{Id: u.ID, Name: u.Name, Email: u.Email}
}
