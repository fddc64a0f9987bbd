"""Safe outputs: atomic, private to the user, and inert when opened in a spreadsheet."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

from chronology.model.errors import OutputError

# OWASP CSV injection: a cell starting with one of these may be run as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
PRIVATE = 0o600
# (temporary, target) pairs finished inside ``all_or_nothing``, waiting to be renamed together
_pending: ContextVar[list[tuple[Path, Path]] | None] = ContextVar("pending", default=None)


def inert(text: str) -> str:
    """Text that a spreadsheet will show and never evaluate (for csv cells)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


_FORMULA_FIRSTS = frozenset(_FORMULA_STARTS)  # each is one character


def inert_row(cells: list[str]) -> list[str]:
    """``inert`` for every cell of a row; the row itself where no cell needs it (most
    rows: one set lookup per cell, no new list)."""
    for cell in cells:
        if cell[:1] in _FORMULA_FIRSTS:
            return [inert(cell) for cell in cells]
    return cells


def output_folder(folder: Path) -> None:
    """Make the output folder (and its parents); a file in its place, or a folder that
    cannot be made, is a located error, not a crash."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            f"{folder} is a file, not a folder",
            hint="Give --out a folder (it is created if missing), e.g. --out out/.",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocked = next((p for p in folder.parents if p.exists() and not p.is_dir()), None)
        what = f"{blocked} is a file, not a folder" if blocked else exc.strerror or str(exc)
        raise OutputError(
            f"cannot make the folder {folder}: {what}", hint="Give --out another folder."
        ) from exc


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it into place only on success,
    so an interrupted run leaves the previous output intact. Files are created 0600
    because chronologies hold special-category personal data."""
    output_folder(target.parent)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    os.close(handle)
    temporary = Path(name)
    pending = _pending.get()
    try:
        temporary.chmod(PRIVATE)
        yield temporary
        temporary.chmod(PRIVATE)
        if pending is None:
            temporary.replace(target)
        else:
            pending.append((temporary, target))
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        if pending is None or (temporary, target) not in pending:
            temporary.unlink(missing_ok=True)


@contextlib.contextmanager
def all_or_nothing() -> Iterator[list[tuple[Path, Path]]]:
    """Hold back every file finished inside the block and put them all in place at its end,
    so a run that fails part-way (a full disk, a writer error, a failed leak check of the
    staged files) leaves the previous set of outputs exactly as it was, rather than some
    files new and some old. Yields the (temporary, target) pairs finished so far."""
    with held() as pending:
        yield pending
    try:
        for temporary, target in pending:
            temporary.replace(target)
    except OSError as exc:
        raise OutputError(f"cannot put the outputs in place: {exc.strerror or exc}") from exc
    finally:
        _discard(pending)


@contextlib.contextmanager
def held() -> Iterator[list[tuple[Path, Path]]]:
    """Collect the (temporary, target) pairs of files finished inside the block, without
    putting them in place; on failure, remove them. A worker process writes this way and
    hands the pairs to its parent's ``all_or_nothing`` (see ``adopt``)."""
    pending: list[tuple[Path, Path]] = []
    token = _pending.set(pending)
    try:
        yield pending
    except BaseException:
        _discard(pending)
        raise
    finally:
        _pending.reset(token)


def adopt(finished: list[tuple[Path, Path]]) -> None:
    """Take files finished by a worker into the enclosing ``all_or_nothing``."""
    pending = _pending.get()
    if pending is None:
        for temporary, target in finished:
            temporary.replace(target)
    else:
        pending.extend(finished)


def staged(target: Path) -> Path | None:
    """The file finished for ``target`` earlier in the enclosing ``all_or_nothing`` block and
    not yet in place, if any: a later writer of the same run may read it rather than make
    the same bytes again (the Word draft embeds the timeline picture)."""
    for temporary, finished in reversed(_pending.get() or []):
        if finished == target:
            return temporary
    return None


def _discard(pending: list[tuple[Path, Path]]) -> None:
    for temporary, _target in pending:
        temporary.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as temporary:
        temporary.write_bytes(data)


def write_text(target: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes(target, text.encode(encoding))


def write_with(target: Path, writer: Callable[[Path], None]) -> None:
    """For libraries that write to a path themselves (xlsxwriter, python-docx)."""
    with atomic_path(target) as temporary:
        writer(temporary)
