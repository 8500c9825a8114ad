//go:build debian_grpc

// Debian 12 packages grpc-go 1.33 with github.com/golang/protobuf 1.3.5, older than the API v2 messages
// protoc-gen-go 1.28 generates: that proto package cannot marshal them (it panics), and its registry, which
// the 1.33 reflection service reads, never hears of their files. build.sh compiles this bridge in for the
// Debian build only (-tags debian_grpc); with the module versions of go.mod neither gap exists.

package main

import (
	"bytes"
	"compress/gzip"
	"fmt"

	protov1 "github.com/golang/protobuf/proto"
	"google.golang.org/grpc/encoding"
	protov2 "google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protodesc"

	userservicev1 "example.com/showdown/userservice/v1"
)

func init() {
	encoding.RegisterCodec(bridgeCodec{})
	registerForReflection()
}

// bridgeCodec replaces grpc's "proto" codec: API v2 messages (ours) go through google.golang.org/protobuf,
// the older ones of grpc itself (health, reflection) through github.com/golang/protobuf as before.
type bridgeCodec struct{}

func (bridgeCodec) Name() string { return "proto" }

func (bridgeCodec) Marshal(v interface{}) ([]byte, error) {
	switch m := v.(type) {
	case protov2.Message:
		return protov2.Marshal(m)
	case protov1.Message:
		return protov1.Marshal(m)
	}
	return nil, fmt.Errorf("cannot marshal %T: not a protobuf message", v)
}

func (bridgeCodec) Unmarshal(data []byte, v interface{}) error {
	switch m := v.(type) {
	case protov2.Message:
		return protov2.Unmarshal(data, m)
	case protov1.Message:
		return protov1.Unmarshal(data, m)
	}
	return fmt.Errorf("cannot unmarshal into %T: not a protobuf message", v)
}

// registerForReflection gives the old registry the gzipped descriptor of user.proto, the form in which
// old generated code registered its files, so reflection can describe UserService.
func registerForReflection() {
	file := userservicev1.File_userservice_v1_user_proto
	raw, err := protov2.Marshal(protodesc.ToFileDescriptorProto(file))
	if err != nil {
		panic(err)
	}
	var zipped bytes.Buffer
	w := gzip.NewWriter(&zipped)
	w.Write(raw)
	w.Close()
	protov1.RegisterFile(file.Path(), zipped.Bytes())
}
