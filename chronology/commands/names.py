"""Name commands: the leak check on its own, and the anonymise/personalise round trip."""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from chronology.commands.common import console
from chronology.model.errors import ChronologyError

if TYPE_CHECKING:
    from chronology.privacy.pseudonyms import Glossary

ReviewOpt = Annotated[
    Path | None,
    typer.Option(
        "--review", "-r", help="The review file with [pseudonyms] (default: ./review.toml)."
    ),
]


def _glossary(review_file: Path | None) -> Glossary:
    from chronology import pipeline
    from chronology.review.read import find_review

    return pipeline.glossary_for(find_review(review_file))


def check_names_command(
    folder: Annotated[Path, typer.Argument(help="An output folder, or one output file.")],
    review_file: ReviewOpt = None,
) -> None:
    """Scan outputs for any remaining part of a real name from the glossary."""
    glossary = _glossary(review_file)
    from chronology import pipeline
    from chronology.privacy import leaks

    paths = leaks.outputs_in(folder) if folder.is_dir() else [folder]
    pipeline.leak_check(paths, glossary)
    _found, unscanned = leaks.scan(paths, glossary)
    console.print(f"No real names found in {len(paths) - len(unscanned)} files.")
    for path in unscanned:
        console.print(f"Not scanned (not text): {path.name}: check it by eye.")


def _converted(source: Path, change: Any) -> bytes:
    from lxml import etree

    from chronology.privacy import docx_names, leaks

    suffix = source.suffix.lower()
    try:
        if suffix == ".docx":
            return docx_names.convert(source.read_bytes(), change)
        if suffix in leaks.TEXT_SUFFIXES:
            return str(change(source.read_text(encoding="utf-8-sig"))).encode("utf-8")
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise ChronologyError(f"{source}: cannot read it ({exc})") from exc
    raise ChronologyError(
        f"{source}: cannot convert {suffix} files",
        hint="Use .md, .txt, .csv, .json, .html or .docx.",
    )


def _staged(target: Path, data: bytes, check: Callable[[Path], None] | None = None) -> None:
    """Write ``data`` under its own name in a private folder beside ``target``, ``check`` it
    there, and only then put it in place: a copy that fails the check is never written."""
    from chronology.privacy.safety import write_bytes

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".chronology-stage-", dir=target.parent) as folder:
        staged = Path(folder) / target.name
        write_bytes(staged, data)
        if check is not None:
            check(staged)
        staged.replace(target)


InArg = Annotated[Path, typer.Argument(help="A document: .md, .txt, .csv, .json, .html or .docx.")]
OutArg = Annotated[Path, typer.Argument(help="Where to write the converted copy.")]


def anonymise_command(source: InArg, target: OutArg, review_file: ReviewOpt = None) -> None:
    """Replace real names with designations in any document (e.g. the author's draft)."""
    glossary = _glossary(review_file)
    from chronology import pipeline

    data = _converted(source, glossary.anonymise)
    _staged(target, data, lambda staged: pipeline.leak_check([staged], glossary))
    console.print(f"Wrote {target}; no real names remain.")


def personalise_command(source: InArg, target: OutArg, review_file: ReviewOpt = None) -> None:
    """Put real names back in place of designations, for the panel's private copy."""
    _staged(target, _converted(source, _glossary(review_file).personalise))
    console.print(f"Wrote {target} (PRIVATE: it contains real names).")
