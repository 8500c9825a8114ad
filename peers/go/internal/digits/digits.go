// Package digits parses the contract's numeric path parameters ({n}, {id}).
package digits

// Parse returns the value of text when it is 1..19 plain ASCII decimal digits worth at most max (no sign,
// blank, underscore or non-ASCII digit, which strconv.Atoi would partly accept), else ok is false.
func Parse(text string, max int64) (value int64, ok bool) {
	if len(text) == 0 || len(text) > 19 {
		return 0, false
	}
	for i := 0; i < len(text); i++ {
		digit := int64(text[i]) - '0'
		if digit < 0 || digit > 9 || value > (max-digit)/10 {
			return 0, false
		}
		value = value*10 + digit
	}
	return value, true
}
