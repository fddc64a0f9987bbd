"""Where each key of a TOML text is written: the line of every table header, key and array
element, by its TOML path, so a mistake found after parsing is reported on its own line.

``tomllib`` gives values without positions and ``tomlkit`` keeps the text but no line numbers,
so this is a small scanner over text that ``tomllib`` has already accepted: it follows table
headers (``[a.b]``, ``[[a]]``, counting the tables of each array), dotted and quoted keys,
strings of all four kinds, arrays and inline tables, and skips comments. A path is a tuple of
keys and 0-based indexes, ``("agencies", 1, "columns", "Date")``; ``path_text`` writes it for a
person, counting from 1: ``agencies[2].columns.Date``.
"""

from __future__ import annotations

import contextlib
import json
import re
import tomllib

TomlPath = tuple[str | int, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SPACE = " \t"
_SCALAR_END = ",]}#\r\n"


def path_text(path: TomlPath) -> str:
    """``agencies[2].columns."Date of\\nContact"``: indexes from 1, keys quoted when needed."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            key = part if _BARE.fullmatch(part) else json.dumps(part, ensure_ascii=False)
            text += f".{key}" if text else key
    return text


def key_lines(text: str) -> dict[TomlPath, int]:
    """Line (from 1) of every header, key and array element of valid TOML ``text``; a path
    first written implicitly (``a`` of ``[a.b]``) gets the line of that first mention."""
    scanner = _Scanner(text)
    # a locator never hides the error being located: on a surprise, keep what was found
    with contextlib.suppress(IndexError, ValueError, tomllib.TOMLDecodeError):
        scanner.document()
    return scanner.lines


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[TomlPath, int] = {}
        self.arrays: dict[TomlPath, int] = {}  # [[path]] tables seen so far

    # ------------------------------------------------------------ characters
    def at(self, token: str) -> bool:
        return self.text.startswith(token, self.pos)

    def advance(self, count: int = 1) -> None:
        self.line += self.text.count("\n", self.pos, self.pos + count)
        self.pos += count

    def skip(self, *, newlines: bool) -> None:
        """Spaces and comments, and line breaks too when ``newlines``."""
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char in _SPACE or (newlines and char in "\r\n"):
                self.advance()
            elif char == "#":
                end = self.text.find("\n", self.pos)
                self.advance((len(self.text) if end < 0 else end) - self.pos)
            else:
                return

    def note(self, path: TomlPath, line: int) -> None:
        for length in range(1, len(path) + 1):
            self.lines.setdefault(path[:length], line)

    # ------------------------------------------------------------ statements
    def document(self) -> None:
        table: TomlPath = ()
        while True:
            self.skip(newlines=True)
            if self.pos >= len(self.text):
                return
            start = self.pos
            if self.at("["):
                table = self.header()
            else:
                self.pair(table)
                self.skip(newlines=False)
            if self.pos == start:  # never loop on text the scanner does not follow
                self.advance()

    def header(self) -> TomlPath:
        line, array = self.line, self.at("[[")
        self.advance(2 if array else 1)
        keys = self.key()
        self.advance(2 if array else 1)
        path: TomlPath = ()
        for number, key in enumerate(keys, start=1):
            path = (*path, key)
            if array and number == len(keys):
                index = self.arrays.get(path, 0)
                self.arrays[path] = index + 1
                path = (*path, index)
            elif path in self.arrays:  # [a.b] after [[a]] belongs to a's latest table
                path = (*path, self.arrays[path] - 1)
        self.note(path, line)
        return path

    def pair(self, table: TomlPath) -> None:
        line = self.line
        path = (*table, *self.key())
        self.skip(newlines=False)
        self.advance()  # =
        self.skip(newlines=False)
        self.note(path, line)
        self.value(path)

    def key(self) -> list[str]:
        keys = []
        while True:
            self.skip(newlines=False)
            start = self.pos
            if self.at('"') or self.at("'"):
                self.string()
                keys.append(tomllib.loads(f"k = {self.text[start : self.pos]}")["k"])
            else:
                found = _BARE.match(self.text, self.pos)
                if not found:
                    raise ValueError("no key here")
                self.advance(found.end() - start)
                keys.append(found.group())
            self.skip(newlines=False)
            if not self.at("."):
                return keys
            self.advance()

    # ------------------------------------------------------------ values
    def value(self, path: TomlPath) -> None:
        if self.at("{"):
            self.inline_table(path)
        elif self.at("["):
            self.array(path)
        elif self.at('"') or self.at("'"):
            self.string()
        else:
            while self.pos < len(self.text) and self.text[self.pos] not in _SCALAR_END:
                self.advance()

    def inline_table(self, path: TomlPath) -> None:
        self.advance()  # {
        while True:
            self.skip(newlines=True)
            if self.at("}"):
                self.advance()
                return
            self.pair(path)
            self.skip(newlines=True)
            if self.at(","):
                self.advance()

    def array(self, path: TomlPath) -> None:
        self.advance()  # [
        index = 0
        while True:
            self.skip(newlines=True)
            if self.at("]"):
                self.advance()
                return
            self.note((*path, index), self.line)
            self.value((*path, index))
            self.skip(newlines=True)
            if self.at(","):
                self.advance()
            index += 1

    def string(self) -> None:
        quote = self.text[self.pos]
        if self.at(quote * 3):
            self.advance(3)
            end = self._closing(quote * 3, escapes=quote == '"')
            while self.text.startswith(quote, end + 3):  # up to two quotes end the content
                end += 1
            self.advance(end + 3 - self.pos)
        else:
            self.advance()
            self.advance(self._closing(quote, escapes=quote == '"') + 1 - self.pos)

    def _closing(self, delimiter: str, *, escapes: bool) -> int:
        at = self.pos
        while True:
            found = self.text.index(delimiter, at)
            if not escapes or _backslashes_before(self.text, found) % 2 == 0:
                return found
            at = found + 1


def _backslashes_before(text: str, index: int) -> int:
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count
