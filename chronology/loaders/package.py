"""Checks on a zip-based file (xlsx, xlsm, ods, docx) before any reader unpacks it.

The zip's central directory declares every part's unpacked size, so a zip bomb can be refused
before a byte is inflated. Each XML part's opening is checked for a DTD: Office never writes
one, and entity declarations are how "billion laughs" expansion attacks start.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from chronology.model.errors import (
    CorruptFileError,
    EncryptedFileError,
    TooLargeError,
    UnsafeXmlError,
)

EXTENSIONS = (".xlsx", ".xlsm", ".ods", ".docx")
MEBIBYTE = 1 << 20
MAX_UNPACKED = 500 * MEBIBYTE  # the whole package, as declared
MAX_RATIO = 500  # unpacked / packed, judged for parts bigger than RATIO_FLOOR
RATIO_FLOOR = 16 * MEBIBYTE
MAX_PARTS = 10_000
PROLOG_BYTES = 64 * 1024  # a real XML part starts its root element well within this
_XML_PARTS = (".xml", ".rels", ".vml")
_BOMB_HINT = (
    "Ask the agency for a fresh copy saved from Excel, LibreOffice or Word; "
    "if it is a genuinely huge export, ask for it in smaller files."
)
_ROOT = re.compile(rb"<[A-Za-z_]")
_NOT_ROOT = re.compile(rb"<!--.*?-->|<\?.*?\?>", re.DOTALL)
# the ways a zip can be broken: truncated, damaged deflate data, or an unsupported method
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError)


def check_package(path: Path, display: str) -> None:
    """Refuse a package that is damaged, encrypted, too large when unpacked, or declares XML
    entities; say which and where."""
    with open_package(path, display) as archive:
        parts = archive.infolist()
        _check_sizes(parts, display)
        _check_encryption(parts, display)
        for part in parts:
            if part.filename.lower().endswith(_XML_PARTS):
                _check_prolog(archive, part, display)


@contextmanager
def open_package(path: Path, display: str) -> Iterator[zipfile.ZipFile]:
    """The zip, with damage reported as a located ``CorruptFileError``."""
    try:
        with zipfile.ZipFile(path) as archive:
            yield archive
    except ZIP_ERRORS as exc:
        raise CorruptFileError(
            f"the file is damaged or incomplete (truncated?): {exc}", file=display
        ) from exc


def _check_sizes(parts: list[zipfile.ZipInfo], display: str) -> None:
    if len(parts) > MAX_PARTS:
        raise TooLargeError(
            f"the file holds {len(parts):,} parts (limit {MAX_PARTS:,})", file=display
        )
    total = sum(p.file_size for p in parts)
    if total > MAX_UNPACKED:
        raise TooLargeError(
            f"the file would unpack to {total / MEBIBYTE:,.0f} MB, over the "
            f"{MAX_UNPACKED // MEBIBYTE} MB limit (a 'zip bomb', or too big to read safely)",
            file=display,
            hint=_BOMB_HINT,
        )
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise TooLargeError(
                f"part {part.filename} would unpack {ratio:,.0f} times over, to "
                f"{part.file_size / MEBIBYTE:,.0f} MB (limit {MAX_RATIO} times): "
                "a 'zip bomb', not a real workbook or document",
                file=display,
                hint=_BOMB_HINT,
            )


def _check_encryption(parts: list[zipfile.ZipInfo], display: str) -> None:
    if any(p.flag_bits & 0x1 for p in parts):
        raise EncryptedFileError("the file is a password-protected (encrypted) zip", file=display)


def _check_prolog(archive: zipfile.ZipFile, part: zipfile.ZipInfo, display: str) -> None:
    with archive.open(part) as stream:
        head = stream.read(PROLOG_BYTES)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise UnsafeXmlError(
            f"part {part.filename} declares XML entities (a DTD), as XML expansion attacks "
            "('billion laughs') do; it was not read",
            file=display,
        )
    if len(head) >= PROLOG_BYTES and not _ROOT.search(_NOT_ROOT.sub(b"", head)):
        raise UnsafeXmlError(
            f"part {part.filename} has no XML content in its first "
            f"{PROLOG_BYTES // 1024} KB; it was not read",
            file=display,
        )
