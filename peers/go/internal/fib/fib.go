// Package fib is the fib scenario's work: the naive recursion of article A.
package fib

// MaxN is the largest n whose fib fits in an int64.
const MaxN = 92

// Of returns fib(n) by naive recursion, deliberately exponential: it is the CPU-bound load.
func Of(n int) int64 {
	if n <= 1 {
		return int64(n)
	}
	return Of(n-1) + Of(n-2)
}
