package user

import (
	"encoding/json"
	"testing"
)

// The bench's RedisSeeder.user(7).
const seeded = `{"id":7,"name":"user7","email":"user7@example.com"}`

func TestEncodingGivesBackTheSeededBytes(t *testing.T) {
	parsed, err := Parse([]byte(seeded))
	if err != nil {
		t.Fatal(err)
	}
	encoded, _ := json.Marshal(parsed)
	if string(encoded) != seeded || parsed != Generated(7) {
		t.Fatalf("got %s (%+v)", encoded, parsed)
	}
}

func TestWhatIsNotAStoredUserIsRefused(t *testing.T) {
	for _, stored := range []string{``, `not json`, `[1]`, `{"name":"x"}`, `{"id":"7"}`, `{"id":1.5}`, `{"id":7`} {
		if u, err := Parse([]byte(stored)); err == nil {
			t.Errorf("Parse(%q) = %+v, want an error", stored, u)
		}
	}
}
