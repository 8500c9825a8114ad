package fib

import "testing"

func TestKnownValues(t *testing.T) {
	for n, want := range map[int]int64{0: 0, 1: 1, 2: 1, 10: 55, 35: 9227465} {
		if got := Of(n); got != want {
			t.Errorf("Of(%d) = %d, want %d", n, got, want)
		}
	}
}
