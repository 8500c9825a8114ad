// Package uv counts the unique users of NDJSON access logs by the contract's rules: encoding/json decodes
// each line into a struct holding only its top-level user_id (article B's approach).
package uv

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"unicode/utf8"
)

// maxDepth is how deep a line may nest (Jackson's default, which the Java service keeps); encoding/json
// alone would go to 10000.
const maxDepth = 1000

// maxFirstErrors is how many errors a Result lists with their line numbers.
const maxFirstErrors = 10

// Result is the contract's answer without its timing.
type Result struct {
	Lines       int64       `json:"lines"`
	UV          int64       `json:"uv"`
	Errors      int64       `json:"errors"`
	FirstErrors []LineError `json:"first_errors"`
}

// LineError is a line that could not be counted: its physical number (1-based, blank lines included).
type LineError struct {
	Line   int64  `json:"line"`
	Reason string `json:"reason"`
}

// logLine is all of a line that matters: the raw top-level user_id, kept raw so that an integer id and
// the same digits as a string can be told apart from null, objects or fractions, then made one user.
type logLine struct {
	UserID json.RawMessage `json:"user_id"`
}

// Count reads NDJSON from r to its end; a line longer than maxLine bytes is an error, never held whole.
// The error is only a failure to read r.
func Count(r io.Reader, maxLine int) (Result, error) {
	users := make(map[string]struct{})
	result := Result{FirstErrors: []LineError{}}
	fail := func(number int64, reason string) {
		result.Errors++
		if len(result.FirstErrors) < maxFirstErrors {
			result.FirstErrors = append(result.FirstErrors, LineError{number, reason})
		}
	}
	lines := newLineReader(r, maxLine)
	for number := int64(1); ; number++ {
		line, tooLong, err := lines.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Result{}, err
		}
		if tooLong {
			result.Lines++
			fail(number, "line longer than the limit")
			continue
		}
		if isBlank(line) {
			continue
		}
		result.Lines++
		user, reason := userOf(line)
		if reason != "" {
			fail(number, reason)
			continue
		}
		users[user] = struct{}{}
	}
	result.UV = int64(len(users))
	return result, nil
}

// userOf returns the user a line counts for, or the reason it counts for none.
func userOf(line []byte) (user string, reason string) {
	if !utf8.Valid(line) {
		// encoding/json would silently replace the bad bytes with U+FFFD.
		return "", "invalid UTF-8"
	}
	if line[firstNonBlank(line)] != '{' {
		return "", "not a JSON object"
	}
	if deeperThan(line, maxDepth) {
		return "", "nesting deeper than 1000"
	}
	var entry logLine
	if err := json.Unmarshal(line, &entry); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) && syntax.Error() == "unexpected end of JSON input" {
			return "", "truncated JSON"
		}
		return "", "invalid JSON"
	}
	return userOfID(entry.UserID)
}

// userOfID makes the raw user_id a user: a string by its decoded text (so escapes do not matter), an
// integer by its decimal text (so 42 and "42" are one user, and -0 is 0).
func userOfID(raw json.RawMessage) (user string, reason string) {
	if len(raw) == 0 {
		return "", "no top-level user_id"
	}
	switch raw[0] {
	case '"':
		if bytes.IndexByte(raw, '\\') < 0 {
			return string(raw[1 : len(raw)-1]), ""
		}
		var text string
		if err := json.Unmarshal(raw, &text); err != nil {
			return "", "invalid JSON"
		}
		return text, ""
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if bytes.ContainsAny(raw, ".eE") {
			return "", "user_id is not a string or an integer"
		}
		if string(raw) == "-0" {
			return "0", ""
		}
		return string(raw), ""
	}
	return "", "user_id is not a string or an integer"
}

// deeperThan tells whether objects and arrays nest more than limit deep. Lines with fewer brackets than
// that are answered by one fast count; only the others are walked.
func deeperThan(line []byte, limit int) bool {
	if bytes.Count(line, []byte{'{'})+bytes.Count(line, []byte{'['}) <= limit {
		return false
	}
	depth, inString, escaped := 0, false, false
	for _, b := range line {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case b == '\\':
				escaped = true
			case b == '"':
				inString = false
			}
		case b == '"':
			inString = true
		case b == '{' || b == '[':
			depth++
			if depth > limit {
				return true
			}
		case b == '}' || b == ']':
			depth--
		}
	}
	return false
}

func isBlank(line []byte) bool {
	return firstNonBlank(line) == len(line)
}

// firstNonBlank is the index of the first byte that is not a space, tab or CR (len(line) if none).
func firstNonBlank(line []byte) int {
	for i, b := range line {
		if b != ' ' && b != '\t' && b != '\r' {
			return i
		}
	}
	return len(line)
}

// lineReader cuts a stream at '\n' through one 64 KiB buffer; a line longer than the limit is skipped to
// its end rather than held.
type lineReader struct {
	in      *bufio.Reader
	limit   int
	pending []byte
}

func newLineReader(r io.Reader, limit int) *lineReader {
	return &lineReader{in: bufio.NewReaderSize(r, 64<<10), limit: limit}
}

// next returns the next line without its '\n' (valid until the next call), or tooLong for one over the
// limit, or io.EOF after the last line.
func (l *lineReader) next() (line []byte, tooLong bool, err error) {
	l.pending = l.pending[:0]
	size := 0
	for {
		chunk, err := l.in.ReadSlice('\n')
		if err != nil && err != bufio.ErrBufferFull && err != io.EOF {
			return nil, false, err
		}
		if err == nil {
			chunk = chunk[:len(chunk)-1]
		}
		size += len(chunk)
		switch {
		case size > l.limit:
			l.pending = l.pending[:0]
		case err == bufio.ErrBufferFull || len(l.pending) > 0:
			// The line goes on past the buffer, whose bytes the next read replaces: keep a copy.
			l.pending = append(l.pending, chunk...)
			line = l.pending
		default:
			line = chunk
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case size > l.limit:
			return nil, true, nil
		case err == io.EOF && size == 0:
			return nil, false, io.EOF
		}
		return line, false, nil
	}
}
