package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The test binary runs main when this variable is set, so the command is tested as a process.
func TestMain(m *testing.M) {
	if os.Getenv("SHOWDOWN_UV_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func run(t *testing.T, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "SHOWDOWN_UV_MAIN=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		status = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), status
}

func TestOneContractLinePerRepeat(t *testing.T) {
	file := filepath.Join(t.TempDir(), "logs.ndjson")
	os.WriteFile(file, []byte("{\"user_id\":1}\n{\"user_id\":\"1\"}\n\n{\"a\":1}\n"), 0o644)
	stdout, stderr, status := run(t, "--repeat", "2", "uv", file)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if status != 0 || stderr != "" || len(lines) != 2 {
		t.Fatalf("status %d, stderr %q, stdout %q", status, stderr, stdout)
	}
	want := `{"lines":3,"uv":1,"errors":1,"first_errors":[{"line":4,"reason":"no top-level user_id"}],"elapsed_ms":`
	var fields map[string]json.Number
	json.Unmarshal([]byte(lines[0]), &fields)
	if !strings.HasPrefix(lines[0], want) || fields["elapsed_ms"] == "" {
		t.Fatalf("got %s", lines[0])
	}
}

func TestBadArgumentsAndUnreadableFiles(t *testing.T) {
	for _, args := range [][]string{{}, {"uv"}, {"count", "x"}, {"uv", "a", "b"}, {"uv", "x", "--repeat", "0"}, {"uv", "x", "--max-line", "1t"}} {
		if _, stderr, status := run(t, args...); status != 2 || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: status %d, stderr %q", args, status, stderr)
		}
	}
	if _, stderr, status := run(t, "uv", filepath.Join(t.TempDir(), "absent")); status != 1 || !strings.Contains(stderr, "no such file") {
		t.Errorf("absent file: status %d, stderr %q", status, stderr)
	}
}
