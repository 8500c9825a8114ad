// Package user is the user of the /user and grpc scenarios, as the bench stores it at Redis user:{id}:
// {"id":1,"name":"user1","email":"user1@example.com"}.
package user

import (
	"encoding/json"
	"errors"
	"strconv"
)

// User has its fields in the stored order, so encoding one gives back the stored bytes.
type User struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Generated is user id as the bench seeds it and grpc-service's in-memory store holds it.
func Generated(id int64) User {
	name := "user" + strconv.FormatInt(id, 10)
	return User{ID: id, Name: name, Email: name + "@example.com"}
}

// Parse decodes a stored user: a JSON object with an integer "id"; "name" and "email" are strings or
// absent, other fields are ignored.
func Parse(stored []byte) (User, error) {
	var fields struct {
		ID    *int64 `json:"id"`
		Name  string `json:"name"`
		Email string `json:"email"`
	}
	if err := json.Unmarshal(stored, &fields); err != nil {
		return User{}, err
	}
	if fields.ID == nil {
		return User{}, errors.New(`no "id"`)
	}
	return User{ID: *fields.ID, Name: fields.Name, Email: fields.Email}, nil
}
