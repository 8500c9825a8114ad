package main

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	userservicev1 "example.com/showdown/userservice/v1"
)

// userService answers GetUser; every outcome that is not a user is a status the contract names.
type userService struct {
	userservicev1.UnimplementedUserServiceServer
	users userStore
}

func (s *userService) GetUser(ctx context.Context, request *userservicev1.GetUserRequest) (*userservicev1.User, error) {
	id := request.GetUserId()
	if id <= 0 {
		return nil, status.Errorf(codes.InvalidArgument, "user_id must be a positive integer, got %d", id)
	}
	found, err := s.users.find(ctx, id)
	if err != nil {
		return nil, err
	}
	if found == nil {
		return nil, status.Errorf(codes.NotFound, "user %d not found", id)
	}
	return found, nil
}
