// Package pushmsg encodes the contract's push message: exactly Size bytes of ASCII JSON
// {"seq":N,"ts":T,"pad":"xx…"}, ts in epoch microseconds, the pad filling the rest (as push-service does).
package pushmsg

import "strconv"

// Size is the length of every message.
const Size = 100

// Encode returns the message for seq and tsMicros, both non-negative.
func Encode(seq, tsMicros int64) []byte {
	message := make([]byte, 0, Size)
	message = append(message, `{"seq":`...)
	message = strconv.AppendInt(message, seq, 10)
	message = append(message, `,"ts":`...)
	message = strconv.AppendInt(message, tsMicros, 10)
	message = append(message, `,"pad":"`...)
	for len(message) < Size-2 {
		message = append(message, 'x')
	}
	return append(message, `"}`...)
}
