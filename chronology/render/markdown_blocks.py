"""The Markdown the Facts template writes, read back as blocks for the Word draft.

``facts.docx`` is built from the very text ``facts.md`` holds, so an author's template
(``chronology facts --template``) changes both alike. Read here is the Markdown subset a
template writes: headings (``#``, ``##``…), numbered paragraphs (``60. text``, with later
blocks and ``- `` bullets indented beneath), bullets, whole-line ``*emphasis*`` and plain
paragraphs; backslash escapes (``facts_md.md``) are undone, so agency text reads as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_NUMBERED = re.compile(r"^(\d+)\.\s+(.*)$")
_BULLET = re.compile(r"^[-*+]\s+(.*)$")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~0-9])")  # a backslash before punctuation or a digit
_EMPHASIS = re.compile(r"^\*(?!\s)(.*?)(?<![\s\\])\*$")


@dataclass(slots=True)
class Block:
    """One paragraph of the draft: a heading (``level``), a numbered paragraph (``number``,
    its ``blocks`` of lines, its bullet ``items``), a bullet, or text (maybe ``italic``)."""

    kind: str  # heading | numbered | bullet | text
    blocks: list[list[str]] = field(default_factory=list)
    level: int = 0
    number: int = 0
    italic: bool = False
    items: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(" ".join(lines) for lines in self.blocks)


def unescape(text: str) -> str:
    """Markdown's backslash escapes undone: ``\\*`` is ``*``, ``\\\\`` a backslash."""
    return _ESCAPE.sub(r"\1", text)


def parse(markdown: str) -> list[Block]:
    """The blocks of ``markdown``, in order."""
    return list(_blocks(markdown.splitlines()))


def _chunks(lines: list[str]) -> Iterator[list[str]]:
    """Runs of lines between blank lines, a numbered paragraph with its indented lines kept
    together (blank lines inside it separate its blocks)."""
    chunk: list[str] = []
    for line in lines:
        if not line.strip():
            if chunk:
                chunk.append("")
            continue
        if chunk and not line[0].isspace():
            yield _trimmed(chunk)
            chunk = []
        chunk.append(line)
    if chunk:
        yield _trimmed(chunk)


def _trimmed(chunk: list[str]) -> list[str]:
    while chunk and not chunk[-1]:
        chunk.pop()
    return chunk


def _blocks(lines: list[str]) -> Iterator[Block]:
    for chunk in _chunks(lines):
        first = chunk[0]
        if heading := _HEADING.match(first):
            yield Block("heading", [[unescape(heading.group(2))]], level=len(heading.group(1)))
            yield from _blocks(chunk[1:])
        elif numbered := _NUMBERED.match(first):
            yield _numbered(int(numbered.group(1)), [numbered.group(2), *chunk[1:]])
        elif bullet := _BULLET.match(first):
            yield Block("bullet", [[unescape(bullet.group(1))]])
            yield from _blocks(chunk[1:])
        else:
            yield _text(chunk)


def _numbered(number: int, lines: list[str]) -> Block:
    block = Block("numbered", number=number)
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        if bullet := _BULLET.match(stripped):
            block.items.append(unescape(bullet.group(1)))
        elif not stripped:
            if current:
                block.blocks.append(current)
            current = []
        else:
            current.append(unescape(stripped))
    if current:
        block.blocks.append(current)
    return block


def _text(chunk: list[str]) -> Block:
    lines = [line.strip() for line in chunk if line.strip()]
    joined = " ".join(lines)
    if emphasis := _EMPHASIS.match(joined):
        return Block("text", [[unescape(emphasis.group(1))]], italic=True)
    return Block("text", [[unescape(line) for line in lines]])
