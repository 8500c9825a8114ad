"""uv.py as a process on hostile files; the expected answers are logparse-service's own (`java -jar
logparse-service.jar uv FILE` on the same bytes)."""
import json
import os
import subprocess
import tempfile
import unittest

import support

CONTRACT_RULES = (
    b'{"user_id":"u1"}\n{"user_id":"u\\u0031"}\n\n{"user_id":42}\n{"user_id":"42"}\n   \t\n{"user_id":-0}\n'
    b'{"user_id":"0"}\n{"user_id":4.2}\n{"user_id":1e3}\n{"user_id":null}\n{"user_id":true}\n'
    b'{"user_id":"a","user_id":"b"}\n{"user_id":"c","user_id":null}\n{"ctx":{"user_id":"nested"}}\n[1,2]\n'
    b'{"user_id":"x"\n{"user_id":"x",}\n{"user_id":NaN}\n'
)
CONTRACT_RULES_ANSWER = {"lines": 17, "uv": 4, "errors": 10, "first_errors": [
    {"line": 9, "reason": "user_id is not a string or an integer"},
    {"line": 10, "reason": "user_id is not a string or an integer"},
    {"line": 11, "reason": "user_id is not a string or an integer"},
    {"line": 12, "reason": "user_id is not a string or an integer"},
    {"line": 14, "reason": "user_id is not a string or an integer"},
    {"line": 15, "reason": "no top-level user_id"},
    {"line": 16, "reason": "not a JSON object"},
    {"line": 17, "reason": "truncated JSON"},
    {"line": 18, "reason": "invalid JSON"},
    {"line": 19, "reason": "invalid JSON"}]}
STRICTNESS = (
    b'{"user_id":"y","v":NaN}\n{"user_id":"y","v":"NaN is fine in a string"}\n{"user_id":"z","n":01}\n'
    b'{"user_id":"\xff"}\n{"user_id":"\xc0\xaf"}\n{"user_id":"e\xcc\x81"}\r\n{"a":[[[1]]],"user_id":"deep"}\n'
    b'{"user_id":"\\ud83d"}\n{"user_id":"\xed\xa0\xbd"}\n{"user_id":"t","x":"\x01"}\n{"user_id":"last"}'
)
STRICTNESS_ANSWER = {"lines": 11, "uv": 5, "errors": 6, "first_errors": [
    {"line": 1, "reason": "invalid JSON"}, {"line": 3, "reason": "invalid JSON"},
    {"line": 4, "reason": "invalid UTF-8"}, {"line": 5, "reason": "invalid UTF-8"},
    {"line": 9, "reason": "invalid UTF-8"}, {"line": 10, "reason": "invalid JSON"}]}
# ujson takes NaN, leading zeros, encoded surrogates and raw control characters (article B's parser as is).
CONTRACT_RULES_UJSON_ANSWER = {**CONTRACT_RULES_ANSWER, "first_errors": CONTRACT_RULES_ANSWER["first_errors"][:-1] + [
    {"line": 19, "reason": "user_id is not a string or an integer"}]}
STRICTNESS_UJSON_ANSWER = {"lines": 11, "uv": 7, "errors": 2, "first_errors": [
    {"line": 4, "reason": "invalid UTF-8"}, {"line": 5, "reason": "invalid UTF-8"}]}


def run_uv(interpreter, content, *flags):
    with tempfile.NamedTemporaryFile(suffix=".ndjson") as log:
        log.write(content)
        log.flush()
        return subprocess.run([interpreter, os.path.join(support.PEERS, "uv.py"), "uv", log.name, *flags],
                              capture_output=True, text=True, timeout=120)


def answers(result):
    parsed = [json.loads(line) for line in result.stdout.splitlines()]
    for answer in parsed:
        assert isinstance(answer.pop("elapsed_ms"), float), answer
    return parsed


class Counting:
    interpreter = None
    flags = ()
    contract_rules_answer = CONTRACT_RULES_ANSWER
    strictness_answer = STRICTNESS_ANSWER

    def test_contract_rules(self):
        self.assertEqual(answers(run_uv(self.interpreter, CONTRACT_RULES, *self.flags)), [self.contract_rules_answer])

    def test_strict_json_and_utf8(self):
        self.assertEqual(answers(run_uv(self.interpreter, STRICTNESS, *self.flags)), [self.strictness_answer])

    def test_repeat_prints_one_line_per_run(self):
        result = run_uv(self.interpreter, CONTRACT_RULES, "--repeat", "3", *self.flags)
        self.assertEqual(answers(result), [self.contract_rules_answer] * 3)
        self.assertRegex(result.stdout.splitlines()[0], r',"elapsed_ms":\d+\.\d{3}}$')


class CPythonJson(Counting, unittest.TestCase):
    interpreter = support.CPYTHON
    flags = ("--json", "json")


class CPythonUjson(Counting, unittest.TestCase):
    interpreter = support.CPYTHON
    flags = ("--json", "ujson")
    contract_rules_answer = CONTRACT_RULES_UJSON_ANSWER
    strictness_answer = STRICTNESS_UJSON_ANSWER


@unittest.skipUnless(support.PYPY, "pypy3 is not installed")
class PypyJson(Counting, unittest.TestCase):
    interpreter = support.PYPY


class ExitStatus(unittest.TestCase):
    def test_unreadable_file_is_1_and_bad_flags_are_2(self):
        missing = subprocess.run([support.CPYTHON, os.path.join(support.PEERS, "uv.py"), "uv", "/nonexistent"],
                                 capture_output=True, text=True)
        self.assertEqual((missing.returncode, missing.stdout), (1, ""))
        bad = run_uv(support.CPYTHON, b"", "--repeat", "0")
        self.assertEqual(bad.returncode, 2)
        self.assertEqual(len(bad.stderr.splitlines()), 1)


@unittest.skipUnless(os.environ.get("STANDARD_LOGS"), "STANDARD_LOGS=<gen --lines 100000 --seed 42 file> not set")
class StandardFile(unittest.TestCase):
    def test_the_standard_answer(self):
        with open(os.environ["STANDARD_LOGS"], "rb") as log:
            content = log.read()
        for interpreter, flags in ((support.CPYTHON, ("--json", "ujson")), (support.CPYTHON, ("--json", "json")),
                                   (support.PYPY, ())):
            if interpreter:
                answer = answers(run_uv(interpreter, content, *flags))[0]
                self.assertEqual((answer["lines"], answer["uv"], answer["errors"]), (100000, 20265, 91), interpreter)


if __name__ == "__main__":
    unittest.main()
