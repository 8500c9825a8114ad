// Package peer holds what every Showdown Go process shares: flags with environment fallbacks, the listening
// socket and its ready line, and the stop on SIGTERM.
package peer

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// DefaultRedis is the contract's Redis when neither --redis nor REDIS_URL says otherwise.
const DefaultRedis = "redis://127.0.0.1:6379"

// Flags is a flag set whose every flag may also come from an environment variable; a flag on the command
// line wins over the variable, the variable over the default.
type Flags struct {
	name string
	set  *flag.FlagSet
	env  map[string]string
	// envApplied: a second Parse (for flags after a positional argument) must not let the environment
	// override what the first one read from the command line.
	envApplied bool
}

// NewFlags starts the flags of the process called name (the name also prefixes every error line).
func NewFlags(name string) *Flags {
	set := flag.NewFlagSet(name, flag.ContinueOnError)
	set.SetOutput(io.Discard)
	return &Flags{name: name, set: set, env: map[string]string{}}
}

func (f *Flags) String(name, env, value, usage string) *string {
	return f.set.String(name, value, f.note(name, env, usage))
}

func (f *Flags) Int(name, env string, value int, usage string) *int {
	return f.set.Int(name, value, f.note(name, env, usage))
}

func (f *Flags) Duration(name, env string, value time.Duration, usage string) *time.Duration {
	return f.set.Duration(name, value, f.note(name, env, usage))
}

// Size is a byte count given as 1048576, 512k, 64m or 1g.
func (f *Flags) Size(name, env string, value int64, usage string) *int64 {
	s := size(value)
	f.set.Var(&s, name, f.note(name, env, usage))
	return (*int64)(&s)
}

func (f *Flags) note(name, env, usage string) string {
	if env == "" {
		return usage
	}
	f.env[name] = env
	return usage + " (env " + env + ")"
}

// Parse applies the environment (the first time), then args, and returns what is left of args from the first
// positional argument on. A bad value ends the process with status 2 and one line on stderr; -h or --help
// prints the flags and ends it with status 0.
func (f *Flags) Parse(args []string) []string {
	if !f.envApplied {
		f.applyEnv()
		f.envApplied = true
	}
	if err := f.set.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			f.set.SetOutput(os.Stdout)
			fmt.Printf("Usage of %s:\n", f.name)
			f.set.PrintDefaults()
			os.Exit(0)
		}
		f.Fail("%v", err)
	}
	return f.set.Args()
}

func (f *Flags) applyEnv() {
	f.set.VisitAll(func(fl *flag.Flag) {
		env := f.env[fl.Name]
		if value := os.Getenv(env); env != "" && value != "" {
			if err := fl.Value.Set(value); err != nil {
				f.Fail("%s=%q: %v", env, value, err)
			}
		}
	})
}

// Fail ends the process with status 2 and one line on stderr: the rule for every invalid flag value.
func (f *Flags) Fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s: %s\n", f.name, fmt.Sprintf(format, args...))
	os.Exit(2)
}

// Positive fails unless the duration of flag name is above zero.
func (f *Flags) Positive(name string, d time.Duration) {
	if d <= 0 {
		f.Fail("--%s must be above zero, got %v", name, d)
	}
}

// AtLeast fails unless value >= min.
func (f *Flags) AtLeast(name string, value, min int) {
	if value < min {
		f.Fail("--%s must be at least %d, got %d", name, min, value)
	}
}

type size int64

func (s *size) String() string { return strconv.FormatInt(int64(*s), 10) }

func (s *size) Set(text string) error {
	units := map[string]int64{"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
	digits, unit := text, int64(1)
	if n := len(text); n > 0 {
		if u, ok := units[strings.ToLower(text[n-1:])]; ok {
			digits, unit = text[:n-1], u
		}
	}
	value, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || value <= 0 || value > (1<<62)/unit {
		return errors.New("want a positive size such as 1048576, 512k, 64m or 1g")
	}
	*s = size(value * unit)
	return nil
}
