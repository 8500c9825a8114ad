"""Unique users of an NDJSON log, article B's loop (one json/ujson.loads per line into a dict, its user_id
into a set) with the contract's rules; prints one contract JSON line per run.

    /usr/bin/python3 uv.py uv logs.ndjson                   # ujson, as article B
    /usr/bin/python3 uv.py uv logs.ndjson --json json       # the standard library's json
    /usr/bin/pypy3 uv.py uv logs.ndjson --repeat 10         # json (PyPy's own fast decoder); runs 2.. are warm

Exit status 0 when the file was read (whatever its errors), 1 when it cannot be read, 2 on bad arguments.
"""
import json
import sys
import time

import cli

MAX_FIRST_ERRORS = 10
MAX_LINE_DEFAULT = 1 << 20
BLANK = b" \t\r\n"
MISSING = object()


def refuse_constant(name):
    raise ValueError(f"{name} is not JSON")


# Used only for lines that mention NaN or Infinity: passing parse_constant to every call would leave the
# fast paths (CPython's cached default decoder, PyPy's _pypyjson), which only serve json.loads(text).
_STRICT = json.JSONDecoder(parse_constant=refuse_constant)


def strict_reason(text):
    """Why the standard library, refusing NaN and Infinity, rejects ``text``; None when it takes it."""
    try:
        _STRICT.decode(text)
    except RecursionError:
        return "nesting deeper than 1000"
    except json.JSONDecodeError as e:
        truncated = e.msg.startswith("Unterminated") or e.pos >= len(text.rstrip())
        return "truncated JSON" if truncated else "invalid JSON"
    except ValueError:
        return "invalid JSON"
    return None


def refusal(raw):
    """Why a line that the parser refused is an error, in the contract's words."""
    try:
        text = raw.decode("utf-8")  # strict: no overlong forms, no encoded surrogates
    except UnicodeDecodeError:
        return "invalid UTF-8"
    return strict_reason(text) or "invalid JSON"  # or-branch: ujson refuses numbers past 64 bits


def make_loads(kind):
    """loads(line: bytes) for --json; raises ValueError (or RecursionError) for what it refuses."""
    if kind == "ujson":
        import ujson

        return ujson.loads  # reads the bytes itself and checks their UTF-8

    def strict_loads(raw):
        text = raw.decode("utf-8")
        document = json.loads(text)
        if ("NaN" in text or "Infinity" in text) and strict_reason(text) is not None:
            raise ValueError("NaN or Infinity is not JSON")
        return document

    return strict_loads


class Count:
    def __init__(self):
        self.lines = 0
        self.errors = 0
        self.first_errors = []
        self.users = set()

    def error(self, line_number, reason):
        self.errors += 1
        if len(self.first_errors) < MAX_FIRST_ERRORS:
            self.first_errors.append({"line": line_number, "reason": reason})


def count_file(path, loads, max_line):
    count = Count()
    users = count.users
    with open(path, "rb") as log:
        for number, raw in enumerate(log, 1):
            if len(raw) > max_line:
                count.lines += 1
                count.error(number, "line longer than the limit")
                continue
            try:
                document = loads(raw)
            except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
                if not raw.strip(BLANK):
                    continue  # a blank line is skipped, not counted
                count.lines += 1
                count.error(number, refusal(raw))
                continue
            count.lines += 1
            if type(document) is not dict:
                count.error(number, "not a JSON object")
                continue
            user_id = document.get("user_id", MISSING)
            if type(user_id) is str:
                users.add(user_id)
            elif type(user_id) is int:
                users.add(str(user_id))  # 42 and "42" are one user (and -0 is 0)
            elif user_id is MISSING:
                count.error(number, "no top-level user_id")
            else:
                count.error(number, "user_id is not a string or an integer")
    return count


def report(count, elapsed_ms):
    head = json.dumps({"lines": count.lines, "uv": len(count.users), "errors": count.errors,
                       "first_errors": count.first_errors}, separators=(",", ":"))
    return f'{head[:-1]},"elapsed_ms":{elapsed_ms:.3f}}}'


def options(argv):
    p = cli.parser("uv.py", "unique users of an NDJSON log (contract: logparse)")
    p.add_argument("command", choices=("uv",))
    p.add_argument("file")
    p.add_argument("--repeat", type=cli.positive_int, default=1, help="count K times in this process")
    p.add_argument("--json", choices=("ujson", "json"), default="ujson" if cli.has_module("ujson") else "json",
                   help="the parser (default ujson where installed, as article B)")
    p.add_argument("--max-line", type=cli.positive_int, default=MAX_LINE_DEFAULT,
                   help="longest line in bytes; a longer one is an error")
    args = p.parse_args(argv)
    cli.require_module(p, "--json", args.json)
    return args


def main(argv):
    cli.ensure_pypy_nursery()
    args = options(argv)
    loads = make_loads(args.json)
    for _ in range(args.repeat):
        started = time.perf_counter()
        try:
            count = count_file(args.file, loads, args.max_line)
        except OSError as e:
            print(f"uv.py: cannot read {args.file}: {e.strerror or e}", file=sys.stderr)
            sys.exit(1)
        print(report(count, (time.perf_counter() - started) * 1000), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
