// Command showdown-uv is the Go peer of `logparse-service uv FILE`: it counts the unique top-level user_id
// of an NDJSON file and prints the contract's JSON line, once per --repeat.
//
//	showdown-uv uv FILE [--repeat K] [--max-line SIZE]
//
// Exit status 0 when the file was read (whatever its errors), 1 when it cannot be read, 2 on bad arguments.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"example.com/showdown/internal/peer"
	"example.com/showdown/internal/uv"
)

const name = "showdown-uv"

// answer is the contract's line: the count, then elapsed_ms in milliseconds to the microsecond.
type answer struct {
	uv.Result
	ElapsedMS json.Number `json:"elapsed_ms"`
}

func main() {
	flags := peer.NewFlags(name)
	repeat := flags.Int("repeat", "", 1, "count the file this many times in one process, one line each")
	maxLine := flags.Size("max-line", "", 1<<20, "longest line; a longer one is an error")
	file := parseCommand(flags, os.Args[1:])
	flags.AtLeast("repeat", *repeat, 1)
	if *maxLine > 1<<30 {
		flags.Fail("--max-line must be at most 1g")
	}
	for run := 0; run < *repeat; run++ {
		line, err := countOnce(file, int(*maxLine))
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
			os.Exit(1)
		}
		os.Stdout.Write(line)
	}
}

// parseCommand takes "uv FILE" with the flags before, between or after them, and returns FILE.
func parseCommand(flags *peer.Flags, args []string) string {
	var positional []string
	for rest := flags.Parse(args); len(rest) > 0; rest = flags.Parse(rest[1:]) {
		positional = append(positional, rest[0])
	}
	if len(positional) != 2 || positional[0] != "uv" {
		flags.Fail("usage: %s uv FILE [--repeat K] [--max-line SIZE]", name)
	}
	return positional[1]
}

// countOnce reads and counts the file, timing both, and returns the answer line.
func countOnce(path string, maxLine int) ([]byte, error) {
	start := time.Now()
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	result, err := uv.Count(f, maxLine)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	elapsed := time.Since(start)
	ms := strconv.FormatFloat(float64(elapsed.Microseconds())/1000, 'f', 3, 64)
	line, err := json.Marshal(answer{Result: result, ElapsedMS: json.Number(ms)})
	if err != nil {
		return nil, err
	}
	return append(line, '\n'), nil
}
