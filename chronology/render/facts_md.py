"""``facts.md``: the draft Facts section as Markdown, through a Jinja template.

The packaged ``templates/facts.md.j2`` is used unless ``template`` names the author's own copy.
Agency text is escaped so that Markdown shows it exactly as written.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import jinja2

from chronology.facts.draft import Facts, Paragraph, build
from chronology.model.errors import ChronologyError
from chronology.model.schema import Chronology
from chronology.privacy.safety import write_text

FILENAME = "facts.md"
TEMPLATE = "facts.md.j2"
_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])(?=\s|$)", re.MULTILINE)


class TemplateError(ChronologyError):
    """A Facts template that cannot be read or rendered."""

    hint = "Start from a copy of templates/facts.md.j2."


def md(text: str) -> str:
    """``text`` as Markdown shows it literally: no emphasis, links, headings or lists."""
    escaped = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def numbered(paragraph: Paragraph) -> str:
    """``60. First block`` with later blocks and bullet items indented beneath it."""
    marker = f"{paragraph.number}. "
    indent = " " * len(marker)
    chunks = []
    for block in paragraph.blocks:
        lines = [md(line) for line in block.split("\n")]
        chunks.append("\n".join(f"{indent}{line}" if line.strip() else "" for line in lines))
    chunks += [f"{indent}- {md(item)}" for item in paragraph.items]
    body = "\n\n".join(chunks)
    return marker + body[len(indent) :]


def _source(template: Path | None) -> tuple[str, str]:
    if template is None:
        return TEMPLATE, files("chronology.templates").joinpath(TEMPLATE).read_text("utf-8")
    try:
        return str(template), template.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{template}: cannot read the template ({exc})") from exc


def render(facts: Facts, template: Path | None = None) -> str:
    name, source = _source(template)
    environment = jinja2.Environment(
        autoescape=False,  # noqa: S701 - Markdown, not HTML: agency text goes through md()
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["md"] = md
    environment.globals["numbered"] = numbered
    try:
        text = environment.from_string(source).render(facts=facts)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"{name} line {exc.lineno}: {exc.message}") from exc
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{name}: {exc}") from exc
    return text.rstrip("\n") + "\n"


def write(chronology: Chronology, out: Path, template: Path | None = None) -> list[Path]:
    target = out / FILENAME
    write_text(target, render(build(chronology), template))
    return [target]
