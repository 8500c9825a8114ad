package uv

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The contract's rules, line by line: the user a line counts for, or its reason. Each verdict here is
// also logparse-service's, except where noted.
func TestOneLine(t *testing.T) {
	users := map[string]string{
		`{"user_id":"u1"}`:                           "u1",
		`{"user_id":"u\u0031"}`:                      "u1",
		`{"user\u005fid":"esc"}`:                     "esc",
		`{"user_id":42}`:                             "42",
		`{"user_id":"42"}`:                           "42",
		`{"user_id":-0}`:                             "0",
		`{"user_id":-5}`:                             "-5",
		`{"user_id":123456789012345678901234567890}`: "123456789012345678901234567890",
		`{"user_id":"a","user_id":"b"}`:              "b",
		`{"user_id":"\ud83d\ude00"}`:                 "😀",
		`{"user_id":"ü"}`:                            "ü",
		`{"user_id":"\u00fc"}`:                       "ü",
		` {"ctx":{"user_id":"nested"},"user_id":"top"} ` + "\r":                              "top",
		`{"a":` + strings.Repeat("[", 999) + strings.Repeat("]", 999) + `,"user_id":"deep"}`: "deep",
	}
	for line, want := range users {
		if got, reason := userOf([]byte(line)); got != want || reason != "" {
			t.Errorf("%.60s: %q %q, want user %q", line, got, reason, want)
		}
	}
	reasons := map[string]string{
		`[1,2]`:                    "not a JSON object",
		`[1,`:                      "not a JSON object",
		`null`:                     "not a JSON object",
		`xyz`:                      "not a JSON object",
		`{"user_id":"u1",}`:        "invalid JSON",
		`{"user_id":"x"} trailing`: "invalid JSON",
		`{"user_id":"x"}{"a":1}`:   "invalid JSON",
		`{"user_id":01}`:           "invalid JSON",
		"{\"user_id\":\"\x01\"}":   "invalid JSON",
		`{"user_id":"bad\q"}`:      "invalid JSON",
		`{"user_id":NaN}`:          "invalid JSON",
		`{'user_id':'x'}`:          "invalid JSON",
		`{"user_id":"u1"`:          "truncated JSON",
		`{"a":1}`:                  "no top-level user_id",
		`{"ctx":{"user_id":"x"},"m":[{"user_id":1}]}`: "no top-level user_id",
		`{"user_id":null}`:                            "user_id is not a string or an integer",
		`{"user_id":1.5}`:                             "user_id is not a string or an integer",
		`{"user_id":1e3}`:                             "user_id is not a string or an integer",
		`{"user_id":true}`:                            "user_id is not a string or an integer",
		`{"user_id":{"x":1}}`:                         "user_id is not a string or an integer",
		`{"user_id":["x"]}`:                           "user_id is not a string or an integer",
		`{"user_id":"a","user_id":null}`:              "user_id is not a string or an integer",
		"{\"user_id\":\"\xff\"}":                      "invalid UTF-8",
		"{\"user_id\":\"\xc0\xaf\"}":                  "invalid UTF-8",
		"{\"user_id\":\"\xed\xa0\x80\"}":              "invalid UTF-8",
		`{"a":` + strings.Repeat("[", 1000) + strings.Repeat("]", 1000) + `,"user_id":"deep"}`: "nesting deeper than 1000",
	}
	for line, want := range reasons {
		if got, reason := userOf([]byte(line)); reason != want {
			t.Errorf("%.60s: %q %q, want reason %q", line, got, reason, want)
		}
	}
}

// Where encoding/json decides otherwise than the Java service (README.md, "What differs").
func TestKnownDifferencesFromTheJavaService(t *testing.T) {
	// Keys match case-insensitively: the Java service finds no top-level user_id here.
	if got, _ := userOf([]byte(`{"USER_ID":"caps"}`)); got != "caps" {
		t.Errorf("USER_ID: %q", got)
	}
	// Lone escaped surrogates decode to U+FFFD: the Java service keeps three users apart.
	for _, line := range []string{`{"user_id":"\ud800"}`, `{"user_id":"\udc00"}`, `{"user_id":"` + "\ufffd" + `"}`} {
		if got, _ := userOf([]byte(line)); got != "\ufffd" {
			t.Errorf("%s: %q", line, got)
		}
	}
}

func TestLinesAreNumberedAsAnEditorShowsThem(t *testing.T) {
	long := `{"user_id":"long","pad":"` + strings.Repeat("x", 100<<10) + `"}`
	tooLong := `{"user_id":"too long","pad":"` + strings.Repeat("x", 2<<20) + `"}`
	input := strings.Join([]string{`{"user_id":"a"}`, "", "  \t\r", `{"a":1}`, long, tooLong, `{"user_id":"b"}` + "\r", `[`}, "\n")
	got, err := Count(strings.NewReader(input), 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	want := Result{Lines: 6, UV: 3, Errors: 3, FirstErrors: []LineError{
		{4, "no top-level user_id"}, {6, "line longer than the limit"}, {8, "not a JSON object"}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

func TestAtMostTenErrorsAreListed(t *testing.T) {
	got, _ := Count(strings.NewReader(strings.Repeat("{}\n", 25)+`{"user_id":1}`), 1<<20)
	if got.Lines != 26 || got.Errors != 25 || got.UV != 1 || len(got.FirstErrors) != 10 || got.FirstErrors[9].Line != 10 {
		t.Fatalf("%+v", got)
	}
	if empty, _ := Count(strings.NewReader(""), 1<<20); empty.FirstErrors == nil || empty.Lines != 0 {
		t.Fatalf("an empty input: %+v", empty)
	}
}

// The contract's standard file, written by logparse-service's own generator when its jar has been built
// (./mvnw -q -pl logparse-service -am package -DskipTests): lines 100000, uv 20265, errors 91.
func TestTheStandardFile(t *testing.T) {
	// build.sh tests through a GOPATH of links: find the repository from the real directory.
	here, _ := filepath.EvalSymlinks(".")
	jar := filepath.Join(here, "../../../../logparse-service/target/logparse-service.jar")
	java, err := exec.LookPath("java")
	if _, statErr := os.Stat(jar); statErr != nil || err != nil {
		t.Skip("needs java and " + jar)
	}
	file := filepath.Join(t.TempDir(), "std.ndjson")
	if out, err := exec.Command(java, "-jar", jar, "gen", "--lines", "100000", "--seed", "42", "--out", file).CombinedOutput(); err != nil {
		t.Fatalf("gen: %v %s", err, out)
	}
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := Count(f, 1<<20)
	if err != nil || got.Lines != 100000 || got.UV != 20265 || got.Errors != 91 {
		t.Fatalf("%+v %v", got, err)
	}
}
