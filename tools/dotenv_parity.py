"""Reads the python-dotenv rows of tests/SecretSync.Core.Tests/DotEnv/DotEnvReaderTests.cs with the installed
python-dotenv and says how many read alike. Not part of the test suite (python-dotenv may be absent): run it after
changing the reader or its rows, with python-dotenv installed (Debian: python3-dotenv).

    python3 tools/dotenv_parity.py
"""
import logging
import os
import re
import sys
import tempfile

from dotenv import dotenv_values

# python-dotenv logs a warning per skipped statement; the rows say what is expected.
logging.disable(logging.CRITICAL)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SOURCE = os.path.join(ROOT, "tests", "SecretSync.Core.Tests", "DotEnv", "DotEnvReaderTests.cs")
# The lookup of DotEnvReaderTests.s_environment.
os.environ.update({"X": "xval", "HOST": "h", "EMPTY": ""})
for name in ("MISSING", "A", "KEY", "DEBUG"):
    os.environ.pop(name, None)

ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", '"': '"', "a": "\a", "b": "\b", "f": "\f", "v": "\v", "0": "\0", "'": "'"}
LITERAL = re.compile(r'"((?:\\.|[^"\\])*)"')
# Rows where SecretSync deliberately follows python-dotenv's own parser tests rather than the 1.2.2 release.
KNOWN = {"\ufeffKEY=v": "1.2.2 keeps the BOM in the first key (#640); its parser tests expect it stripped"}


def csharp_string(text):
    """The value of a regular C# string literal's body."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            if text[i + 1] == "u":
                out.append(chr(int(text[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append(ESCAPES[text[i + 1]])
            i += 2
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def rows(source, method):
    """The InlineData arguments of the theory named method."""
    block = source[:source.index(method)]
    block = block[block.rindex("[Theory]"):]
    return [[csharp_string(x) for x in LITERAL.findall(line)] for line in block.splitlines() if "InlineData" in line]


def read(text):
    # A real file, as load_dotenv reads one: universal newlines turn CRLF into LF.
    with tempfile.NamedTemporaryFile("w", delete=False, encoding="utf-8", newline="") as handle:
        handle.write(text)
    try:
        return dict(dotenv_values(handle.name))
    finally:
        os.unlink(handle.name)


def main():
    with open(SOURCE, encoding="utf-8") as handle:
        source = handle.read()
    checks = []
    for row, text, expected in rows(source, "Parse_WithEdgeCaseRow_ShouldGivePythonDotenvValue"):
        checks.append((row, text, lambda got, e=expected: list(got.values()) == [e]))
    for text, key in rows(source, "Parse_WithKey_ShouldGiveKey"):
        checks.append(("key " + key, text, lambda got, k=key: list(got.keys()) == [k]))
    for row, text, expected in rows(source, "Parse_WithKeyWithoutEqualSign_ShouldDeclareItWithoutValueAndGoOn"):
        # "A=1|KEY" lists every statement; python keeps the last of each key, None for a key without '='.
        wanted = {}
        for part in expected.split("|"):
            key, sign, value = part.partition("=")
            wanted[key] = value if sign else None
        checks.append((row, text, lambda got, w=wanted: got == w))
    alike, known = 0, 0
    for row, text, check in checks:
        got = read(text)
        if check(got):
            alike += 1
        elif text in KNOWN:
            known += 1
            print(f"known difference: {row}: {KNOWN[text]}")
        else:
            print(f"differs: {row}: {text!r} -> {got!r}")
    print(f"{alike} of {len(checks)} rows read alike in python-dotenv, {known} known difference(s)")
    return 0 if alike + known == len(checks) else 1


if __name__ == "__main__":
    sys.exit(main())
