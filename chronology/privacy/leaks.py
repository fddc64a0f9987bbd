"""The leak check: no part of a real name from the glossary may remain in a published output.

Text outputs are scanned line by line; xlsx and docx are zip archives of XML and are scanned
member by member with the markup stripped. Images cannot be scanned and are listed as such.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chronology.privacy.pseudonyms import Glossary

TEXT_SUFFIXES = {".json", ".csv", ".md", ".html", ".svg", ".txt"}
ZIP_SUFFIXES = {".xlsx", ".docx"}
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True, slots=True)
class Leak:
    file: str
    location: str
    name: str
    context: str

    def __str__(self) -> str:
        return f"{self.file} ({self.location}): '{self.name}' in …{self.context}…"


def _pattern(parts: list[str]) -> re.Pattern[str] | None:
    if not parts:
        return None
    return re.compile(
        r"(?<![\w])(" + "|".join(re.escape(p) for p in parts) + r")(?![\w])", re.IGNORECASE
    )


# Letters that Python's case-insensitive matching takes for ASCII ones (dotted capital I,
# dotless i, long s, Kelvin sign; found by trying every code point): a text holding one is
# always searched in full.
_FOLDS_TO_ASCII = tuple(c.encode() for c in ("\u0130", "\u0131", "\u017f", "\u212a"))


def _may_hold(data: bytes, parts: list[str]) -> bool:
    """False only where no name part can be in ``data`` (UTF-8): a quick screen (each part
    as a substring, both lower-cased byte by byte) before the exact whole-word,
    case-insensitive search, which alone took ten seconds over a 220 MB chronology.json.
    Done on the bytes as read: decoding them first took half the time of the screen."""
    if not all(part.isascii() for part in parts):
        return True
    if not data.isascii() and any(_holds(data, c) for c in _FOLDS_TO_ASCII):
        return True
    if b"&" in data and b"&#" in data:  # a numeric reference may spell a letter (no named
        # one spells an ASCII letter): screen the text the references give
        data = html.unescape(data.decode("utf-8", errors="replace")).encode()
    lowered = data.lower()
    return any(part.lower().encode() in lowered for part in parts)


def _holds(data: bytes, sequence: bytes) -> bool:
    """``sequence in data``, first asking about its last byte alone: a single byte is found
    many times faster than a sequence, and in most texts a fold's last byte never occurs."""
    return sequence[-1:] in data and sequence in data


def _lines(path: Path, parts: list[str]) -> Iterator[tuple[str, str]]:
    """Each line (or XML member) of ``path`` that may hold a name part, unescaped."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        data = path.read_bytes()
        if not _may_hold(data, parts):
            return
        text = data.decode("utf-8-sig", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            yield f"line {number}", html.unescape(line)
    elif suffix in ZIP_SUFFIXES:
        with zipfile.ZipFile(path) as archive:
            for member in sorted(archive.namelist()):
                if member.endswith(".xml"):
                    data = archive.read(member)
                    if _may_hold(data, parts):
                        xml = data.decode("utf-8", errors="replace")
                        yield member, html.unescape(_TAG.sub(" ", xml))


def scan(paths: list[Path], glossary: Glossary) -> tuple[list[Leak], list[Path]]:
    """Every remaining name part in ``paths``, and the files that could not be scanned."""
    parts = glossary.name_parts()
    pattern = _pattern(parts)
    ordered = sorted(paths)
    unscanned = [p for p in ordered if p.suffix.lower() not in TEXT_SUFFIXES | ZIP_SUFFIXES]
    if pattern is None:
        return [], unscanned
    scanned = [p for p in ordered if p not in unscanned]
    found = [leak for path in scanned for leak in _leaks_in(path, parts, pattern)]
    return found, unscanned


def _leaks_in(path: Path, parts: list[str], pattern: re.Pattern[str]) -> list[Leak]:
    leaks = []
    for location, line in _lines(path, parts):
        for match in pattern.finditer(line):
            context = " ".join(line[max(0, match.start() - 30) : match.end() + 30].split())
            leaks.append(Leak(path.name, location, match.group(0), context))
    return leaks


def outputs_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
