package digits

import (
	"math"
	"testing"
)

func TestPlainDigitsWithinTheBound(t *testing.T) {
	for text, want := range map[string]int64{"0": 0, "7": 7, "35": 35, "040": 40, "40": 40} {
		if got, ok := Parse(text, 40); !ok || got != want {
			t.Errorf("Parse(%q, 40) = %d, %v; want %d", text, got, ok, want)
		}
	}
	if got, ok := Parse("9223372036854775807", math.MaxInt64); !ok || got != math.MaxInt64 {
		t.Errorf("the largest long: %d, %v", got, ok)
	}
}

func TestAnythingElseIsRefused(t *testing.T) {
	refused := []string{"", "41", "-1", "+1", " 1", "1 ", "1e3", "0x10", "1_0", "３", "1.0",
		"9223372036854775808", "99999999999999999999", "00000000000000000001"}
	for _, text := range refused {
		if got, ok := Parse(text, 40); ok {
			t.Errorf("Parse(%q, 40) = %d, want refused", text, got)
		}
	}
	if _, ok := Parse("9223372036854775808", math.MaxInt64); ok {
		t.Error("2^63 must not wrap")
	}
}
