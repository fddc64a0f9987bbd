"""The leak check: no part of a real name from the glossary may remain in a published output.

Text outputs are scanned line by line; xlsx and docx are zip archives of XML and are scanned
member by member with the markup stripped. Images cannot be scanned and are listed as such.
"""

from __future__ import annotations

import html
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from chronology.text import namefold

if TYPE_CHECKING:
    from chronology.privacy.pseudonyms import Glossary

TEXT_SUFFIXES = {".json", ".csv", ".md", ".html", ".svg", ".txt"}
ZIP_SUFFIXES = {".xlsx", ".docx"}
_TAG = re.compile(r"<[^>]+>")
# Where a text run ends a word: a paragraph, cell or string ends, a tab or a break. Other
# tags go without a space, so a name split over two runs ("Wal" + "sh") is read whole.
_BREAK = re.compile(r"</(?:\w+:)?(?:p|tc|tr|si|c|is|row)>|<(?:\w+:)?(?:tab|br|cr)\b[^>]*>")
# attribute values can hold names too (a comment's author, a link's target, alt text)
_ATTRIBUTE = re.compile(
    r"(?:\s(?:\w+:)?(?:author|initials|title|descr|name|Target)"
    r"|<(?:\w+:)?(?:alias|tag)\s+(?:\w+:)?val)"
    r"""=(?:"([^"]*)"|'([^']*)')"""
)


def _markup_out(xml: str) -> str:
    """The text of an XML part, attribute values included, each on its own."""
    values = " ".join(a or b for a, b in _ATTRIBUTE.findall(xml))
    return _TAG.sub("", _BREAK.sub(" ", xml)) + " " + values


@dataclass(frozen=True, slots=True)
class Leak:
    file: str
    location: str
    name: str
    context: str

    def __str__(self) -> str:
        return f"{self.file} ({self.location}): '{self.name}' in …{self.context}…"


def _pattern(parts: list[str]) -> re.Pattern[str] | None:
    """Every part between letter boundaries (``namefold``): in handles and e-mails too."""
    return namefold.pattern(parts)


# Letters that Python's case-insensitive matching takes for ASCII ones (dotted capital I,
# dotless i, long s, Kelvin sign; found by trying every code point): a text holding one is
# always searched in full.
_FOLDS_TO_ASCII = tuple(c.encode() for c in ("\u0130", "\u0131", "\u017f", "\u212a", "\u00df"))


def _may_hold(data: bytes, parts: list[str]) -> bool:
    """False only where no name part can be in ``data`` (UTF-8): a quick screen (each part
    as a substring, both lower-cased byte by byte) before the exact whole-word,
    case-insensitive search, which alone took ten seconds over a 220 MB chronology.json.
    Done on the bytes as read: decoding them first took half the time of the screen."""
    if not all(part.isascii() for part in parts):
        return True
    if not data.isascii():
        if any(_holds(data, c) for c in _FOLDS_TO_ASCII):
            return True
        # a soft hyphen, zero-width space or full-width letter may hide a name from a
        # byte search: screen the text as the search will see it
        data = namefold.normalised(data.decode("utf-8", errors="replace")).encode()
    if b"&" in data and b"&#" in data:  # a numeric reference may spell a letter (no named
        # one spells an ASCII letter): screen the text the references give
        data = html.unescape(data.decode("utf-8", errors="replace")).encode()
    lowered = data.lower()
    return any(part.lower().encode() in lowered for part in parts)


def _holds(data: bytes, sequence: bytes) -> bool:
    """``sequence in data``, first asking about its last byte alone: a single byte is found
    many times faster than a sequence, and in most texts a fold's last byte never occurs."""
    return sequence[-1:] in data and sequence in data


def _lines(path: Path, parts: list[str], suffix: str) -> Iterator[tuple[str, str]]:
    """Each line (or XML member) of ``path`` that may hold a name part, unescaped; read as
    a file of type ``suffix`` (a staged copy's own name ends in .tmp)."""
    if suffix in TEXT_SUFFIXES:
        data = path.read_bytes()
        if not _may_hold(data, parts):
            return
        text = data.decode("utf-8-sig", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            yield f"line {number}", namefold.normalised(html.unescape(line))
    elif suffix in ZIP_SUFFIXES:
        with zipfile.ZipFile(path) as archive:
            for member in sorted(archive.namelist()):
                if member.endswith((".xml", ".rels")):
                    data = archive.read(member)
                    if _may_hold(data, parts):
                        xml = data.decode("utf-8", errors="replace")
                        yield member, namefold.normalised(html.unescape(_markup_out(xml)))


def scan(paths: list[Path], glossary: Glossary) -> tuple[list[Leak], list[Path]]:
    """Every remaining name part in ``paths``, and the files that could not be scanned."""
    parts = glossary.name_parts()
    pattern = _pattern(parts)
    ordered = sorted(paths)
    unscanned = [p for p in ordered if p.suffix.lower() not in TEXT_SUFFIXES | ZIP_SUFFIXES]
    if pattern is None:
        return [], unscanned
    scanned = [p for p in ordered if p not in unscanned]
    found = [leak for path in scanned for leak in _leaks_in(path, path, parts, pattern)]
    return found, unscanned


def scan_staged(
    staged: Sequence[tuple[Path, Path]], glossary: Glossary
) -> tuple[list[Leak], list[Path]]:
    """``scan`` of outputs not yet in place: each (temporary, target) pair is read from the
    temporary file and reported, and judged by its type, under the target's name."""
    parts = glossary.name_parts()
    pattern = _pattern(parts)
    ordered = sorted(staged, key=lambda pair: pair[1])
    kinds = TEXT_SUFFIXES | ZIP_SUFFIXES
    unscanned = [target for _t, target in ordered if target.suffix.lower() not in kinds]
    if pattern is None:
        return [], unscanned
    found = [
        leak
        for temporary, target in ordered
        if target.suffix.lower() in kinds
        for leak in _leaks_in(temporary, target, parts, pattern)
    ]
    return found, unscanned


def _leaks_in(path: Path, shown: Path, parts: list[str], pattern: re.Pattern[str]) -> list[Leak]:
    """The name parts in ``path``, a file of ``shown``'s type reported as ``shown``."""
    leaks = []
    for location, line in _lines(path, parts, shown.suffix.lower()):
        for match in pattern.finditer(line):
            context = " ".join(line[max(0, match.start() - 30) : match.end() + 30].split())
            leaks.append(Leak(shown.name, location, match.group(0), context))
    return leaks


def outputs_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
