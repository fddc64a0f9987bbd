"""Typed exceptions and located notices.

The library raises these; only ``cli.py`` turns them into messages and exit codes.
Every message says where the problem is (file, sheet, row) and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chronology.model.codes import RejectedCode, WarningCode


def locate(file: str | None, sheet: str | None = None, row: int | None = None) -> str:
    """Render a location the way a person would look it up: ``file, sheet 'X', row 12``."""
    parts = [file] if file else []
    if sheet:
        parts.append(f"sheet '{sheet}'")
    if row is not None:
        parts.append(f"row {row}")
    return ", ".join(parts)


class ChronologyError(Exception):
    """Base of every error the library raises on purpose."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        if hint:
            self.hint = hint

    def __str__(self) -> str:
        if not self.hint:
            return self.message
        return f"{self.message.rstrip('.')}. {self.hint}"


class InputError(ChronologyError):
    """A problem with one input file, located as precisely as we know."""

    def __init__(
        self,
        message: str,
        *,
        file: str,
        sheet: str | None = None,
        row: int | None = None,
        hint: str = "",
    ) -> None:
        super().__init__(message, hint=hint)
        self.file = file
        self.sheet = sheet
        self.row = row

    def __str__(self) -> str:
        # one line whatever the message quotes (a parser's message may hold a newline)
        message = " ".join(super().__str__().splitlines())
        return f"{locate(self.file, self.sheet, self.row)}: {message}"


class UnsupportedFormatError(InputError):
    hint = "Save it as .xlsx, .xls, .ods, .csv or .docx and try again."


class CorruptFileError(InputError):
    hint = "Open it in Excel or LibreOffice, check it displays, and save a fresh copy."


class EncodingError(InputError):
    hint = (
        "Open it in Excel and save it again as 'CSV UTF-8 (Comma delimited)', "
        "or fix the characters on that line."
    )


class EncryptedFileError(InputError):
    hint = (
        "Ask the agency for an unprotected copy, "
        "or open it with the password and save it without one."
    )


class EmptyFileError(InputError):
    hint = "Ask the agency to resend the chronology; this file holds no rows."


class NoDateColumnError(InputError):
    hint = "Rename the date column to 'Date' (or map it in review.toml under [[agencies]] columns)."


class UnreadableFileError(InputError):
    hint = "Check the path and that you have permission to read it."


class TooLargeError(InputError):
    """A file that would unpack to far more than it holds: a zip bomb or a stray far cell."""

    hint = (
        "Open it in Excel or LibreOffice, delete any rows and columns after the data "
        "(Ctrl+End shows the last cell), save a fresh copy, or split it into smaller files."
    )


class UnsafeXmlError(InputError):
    """XML that declares entities (a DTD): genuine Office files never do."""

    hint = (
        "This is not a file Excel, LibreOffice or Word wrote; ask the agency to open it, "
        "save a fresh copy and resend it."
    )


class ManyInputsError(ChronologyError):
    """Several input files that cannot be read: each reported, located, in one run."""

    def __init__(self, errors: list[InputError]) -> None:
        listed = "\n  ".join(str(e) for e in errors)
        super().__init__(f"{len(errors)} input files cannot be read:\n  {listed}")
        self.errors = errors

    def __str__(self) -> str:
        return self.message


class ReviewFileError(ChronologyError):
    """A problem in review.toml, located by line."""

    def __init__(self, message: str, *, file: str, line: int | None = None, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.file = file
        self.line = line

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.line else self.file
        return f"{where}: {super().__str__()}"


class ChronologyFileError(ChronologyError):
    """A saved chronology.json that cannot be used (wrong schema, bad JSON)."""


class OutputError(ChronologyError):
    """An output that cannot be written."""


@dataclass(frozen=True, slots=True)
class Notice:
    """A located warning about the data: reported, never fatal. ``code`` is its stable
    name (``chronology.model.codes``; None only when read from a file written before
    codes existed); ``message`` says it to a person."""

    file: str
    sheet: str | None
    row: int | None
    message: str
    code: WarningCode | None = field(kw_only=True)

    def __str__(self) -> str:
        return f"{locate(self.file, self.sheet, self.row)}: {self.message}"


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input row that is not an event (a footer, a repeated heading), kept with its text."""

    file: str
    sheet: str | None
    row: int
    reason: str
    text: str
    code: RejectedCode | None = field(kw_only=True)


class NameLeakError(ChronologyError):
    """Real names remain in outputs meant for publication."""

    hint = "Add the missing names (or their other spellings) to [pseudonyms] in review.toml."
