#!/usr/bin/env bash
# Builds the Go peers into peers/go/bin/: showdown-http, showdown-push, showdown-grpc, showdown-uv.
#
#   bash peers/go/build.sh          build (GOPATH mode against Debian's packaged libraries, the default)
#   bash peers/go/build.sh test     run the Go tests the same way (needs redis-server for some)
#   GO_BUILD_MODE=modules bash peers/go/build.sh   build with Go modules from go.mod (needs a module proxy
#                                   or a filled module cache; records go.sum on the first run)
#
# Exit status 3 with one line "missing: apt-get install ..." on stderr when the toolchain or a library is absent.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$here/bin"
proto_dir="$root/proto/src/main/proto"
proto_file="userservice/v1/user.proto"
mode="${GO_BUILD_MODE:-gopath}"
action="${1:-build}"
debian_gocode=/usr/share/gocode/src

case "$mode" in gopath|modules) ;; *) echo "build.sh: GO_BUILD_MODE must be gopath or modules, got '$mode'" >&2; exit 2 ;; esac
case "$action" in build|test) ;; *) echo "build.sh: unknown action '$action' (want build or test)" >&2; exit 2 ;; esac

missing=()
command -v go >/dev/null || missing+=(golang-go)
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v protoc-gen-go >/dev/null || missing+=(protoc-gen-go)
command -v protoc-gen-go-grpc >/dev/null || missing+=(protoc-gen-go-grpc)
if [[ "$mode" == gopath ]]; then
  # import path under /usr/share/gocode/src -> the Debian package that provides it
  while read -r path package; do
    [[ -d "$debian_gocode/$path" ]] || missing+=("$package")
  done <<'EOF'
github.com/gin-gonic/gin golang-github-gin-gonic-gin-dev
github.com/gomodule/redigo/redis golang-github-gomodule-redigo-dev
github.com/gorilla/websocket golang-github-gorilla-websocket-dev
google.golang.org/grpc golang-google-grpc-dev
google.golang.org/protobuf golang-google-protobuf-dev
github.com/golang/protobuf/proto golang-github-golang-protobuf-1-3-dev
EOF
fi
if ((${#missing[@]})); then
  echo "missing: apt-get install ${missing[*]}" >&2
  exit 3
fi

# The stubs are generated from the shared proto at every build, never committed. They form their own
# module, example.com/showdown/userservice, laid out so that the same directory serves both modes.
gopath="$bin/gopath"
module_dir="$gopath/src/example.com/showdown"
stubs="$module_dir/userservice"
rm -rf "$gopath"
mkdir -p "$stubs"
protoc -I "$proto_dir" --go_out="$module_dir" --go_opt=module=example.com/showdown \
  --go-grpc_out="$module_dir" --go-grpc_opt=module=example.com/showdown "$proto_dir/$proto_file"

commands=(showdown-http showdown-push showdown-grpc showdown-uv)
packages=(internal/digits internal/fib internal/pushmsg internal/user internal/uv internal/peer internal/rediskv)

if [[ "$mode" == gopath ]]; then
  # GOPATH mode: the sources are linked into a GOPATH of their own, beside Debian's /usr/share/gocode.
  ln -s "$here/cmd" "$module_dir/cmd"
  ln -s "$here/internal" "$module_dir/internal"
  export GO111MODULE=off GOPATH="$gopath:/usr/share/gocode" GOFLAGS=
  # debian_grpc: Debian's grpc-go 1.33 needs a bridge to API v2 messages (cmd/showdown-grpc/debian_grpc.go).
  tags=(-tags debian_grpc)
  cd "$module_dir"
  prefix=example.com/showdown/
else
  cat >"$stubs/go.mod" <<EOF
module example.com/showdown/userservice

go 1.21

require (
	google.golang.org/grpc $(awk '$1 == "google.golang.org/grpc" {print $2}' "$here/go.mod")
	google.golang.org/protobuf $(awk '$1 == "google.golang.org/protobuf" {print $2}' "$here/go.mod")
)
EOF
  export GO111MODULE=on GOFLAGS=-mod=mod
  tags=()
  cd "$here"
  prefix=./
fi

if [[ "$action" == test ]]; then
  targets=()
  for p in "${packages[@]}"; do targets+=("$prefix$p"); done
  for c in "${commands[@]}"; do targets+=("${prefix}cmd/$c"); done
  go vet "${tags[@]}" "${targets[@]}"
  exec go test "${tags[@]}" -count=1 "${targets[@]}"
fi

for c in "${commands[@]}"; do
  go build "${tags[@]}" -trimpath -o "$bin/$c" "${prefix}cmd/$c"
done
echo "built ${commands[*]} into ${bin#"$root"/} ($mode mode, $(go version | cut -d' ' -f3))"
