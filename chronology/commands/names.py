"""Name commands: the leak check on its own, and the anonymise/personalise round trip."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from chronology.commands.common import console
from chronology.model.errors import ChronologyError
from chronology.privacy import leaks
from chronology.privacy.safety import write_text, write_with

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

    paths = leaks.outputs_in(folder) if folder.is_dir() else [folder]
    pipeline.leak_check(paths, glossary)
    _found, unscanned = leaks.scan(paths, glossary)
    console.print(f"No real names found in {len(paths) - len(unscanned)} files.")
    for path in unscanned:
        console.print(f"Not scanned (not text): {path.name}: check it by eye.")


def _convert(source: Path, target: Path, change: Any) -> None:
    suffix = source.suffix.lower()
    if suffix == ".docx":
        import docx

        document = docx.Document(str(source))
        for paragraph in _paragraphs(document):
            replaced = change(paragraph.text)
            if replaced != paragraph.text:
                for run in paragraph.runs[1:]:
                    run.text = ""
                paragraph.runs[0].text = replaced
        write_with(target, lambda p: document.save(str(p)))
    elif suffix in leaks.TEXT_SUFFIXES:
        write_text(target, change(source.read_text(encoding="utf-8-sig")))
    else:
        raise ChronologyError(
            f"{source}: cannot convert {suffix} files",
            hint="Use .md, .txt, .csv, .json, .html or .docx.",
        )


def _paragraphs(document: Any) -> list[Any]:
    found = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    return [p for p in found if p.runs]


InArg = Annotated[Path, typer.Argument(help="A document: .md, .txt, .csv, .json, .html or .docx.")]
OutArg = Annotated[Path, typer.Argument(help="Where to write the converted copy.")]


def anonymise_command(source: InArg, target: OutArg, review_file: ReviewOpt = None) -> None:
    """Replace real names with designations in any document (e.g. the author's draft)."""
    glossary = _glossary(review_file)
    _convert(source, target, glossary.anonymise)
    from chronology import pipeline

    pipeline.leak_check([target], glossary)
    console.print(f"Wrote {target}; no real names remain.")


def personalise_command(source: InArg, target: OutArg, review_file: ReviewOpt = None) -> None:
    """Put real names back in place of designations, for the panel's private copy."""
    _convert(source, target, _glossary(review_file).personalise)
    console.print(f"Wrote {target} (PRIVATE: it contains real names).")
