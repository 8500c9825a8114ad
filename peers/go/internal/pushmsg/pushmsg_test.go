package pushmsg

import (
	"encoding/json"
	"strings"
	"testing"
)

// The bytes push-service's PushMessage.encode gives for the same seq and ts.
func TestSameBytesAsTheJavaService(t *testing.T) {
	cases := []struct {
		seq, ts int64
		want    string
	}{
		{42, 1732412345678901, `{"seq":42,"ts":1732412345678901,"pad":"` + strings.Repeat("x", 59) + `"}`},
		{1, 0, `{"seq":1,"ts":0,"pad":"` + strings.Repeat("x", 75) + `"}`},
	}
	for _, c := range cases {
		if got := string(Encode(c.seq, c.ts)); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

func TestEveryMessageIsSizeBytesOfJSON(t *testing.T) {
	for _, c := range []struct{ seq, ts int64 }{{1, 0}, {0, 1732412345678901}, {999999999, 9999999999999999}} {
		message := Encode(c.seq, c.ts)
		var fields struct {
			Seq, Ts int64
			Pad     string
		}
		if err := json.Unmarshal(message, &fields); err != nil || len(message) != Size {
			t.Fatalf("%s: %d bytes, %v", message, len(message), err)
		}
		if fields.Seq != c.seq || fields.Ts != c.ts || strings.Trim(fields.Pad, "x") != "" {
			t.Fatalf("%s does not carry seq %d ts %d", message, c.seq, c.ts)
		}
	}
}
