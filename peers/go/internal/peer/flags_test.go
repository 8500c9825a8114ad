package peer

import (
	"testing"
	"time"
)

func TestTheCommandLineWinsOverTheEnvironmentWhichWinsOverTheDefault(t *testing.T) {
	t.Setenv("SHOWDOWN_TEST_PORT", "9000")
	t.Setenv("SHOWDOWN_TEST_WAIT", "250ms")
	t.Setenv("SHOWDOWN_TEST_NAME", "")
	flags := NewFlags("test")
	port := flags.Int("port", "SHOWDOWN_TEST_PORT", 8080, "")
	wait := flags.Duration("wait", "SHOWDOWN_TEST_WAIT", time.Second, "")
	name := flags.String("name", "SHOWDOWN_TEST_NAME", "default", "")
	rest := flags.Parse([]string{"--port", "7000", "FILE", "--wait", "2s"})
	if *port != 7000 || *wait != 250*time.Millisecond || *name != "default" || len(rest) != 3 {
		t.Fatalf("port %d wait %v name %q rest %v", *port, *wait, *name, rest)
	}
	// Flags after a positional argument: the environment must not override --port again.
	flags.Parse(rest[1:])
	if *port != 7000 || *wait != 2*time.Second {
		t.Fatalf("after the second parse: port %d wait %v", *port, *wait)
	}
}

func TestSizes(t *testing.T) {
	for text, want := range map[string]int64{"1048576": 1 << 20, "512k": 512 << 10, "64M": 64 << 20, "1g": 1 << 30} {
		var s size
		if err := s.Set(text); err != nil || int64(s) != want {
			t.Errorf("%s: %d %v", text, s, err)
		}
	}
	for _, text := range []string{"", "0", "-1", "1t", "k", "1.5m", "99999999999g"} {
		var s size
		if err := s.Set(text); err == nil {
			t.Errorf("%q accepted as %d", text, s)
		}
	}
}
