"""``facts.docx``: the draft Facts section as a Word document, from the same structure as
``facts.md``.

Real Word headings (Heading 1 for the section, Heading 2 per part, so the navigation pane and
a table of contents work) and numbered paragraphs: each number is written as text ("60.")
with a hanging indent, so it survives copying into the report and continues from
``first_paragraph``. The file is deterministic: fixed document properties, and the zip is
rewritten with fixed timestamps, so the same chronology gives the same bytes.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml.etree import SubElement

from chronology.facts.draft import Facts, Paragraph, build
from chronology.model.schema import Chronology
from chronology.privacy.safety import staged, write_bytes
from chronology.render import timeline

FILENAME = "facts.docx"
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
HANG = Cm(1.25)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Elements made directly (lxml, through python-docx's element classes): a run, its text, a
# tab and a line break, as python-docx's ``add_run`` and ``add_break`` make them.
_RUN, _TEXT, _TAB, _BREAK = (qn(f"w:{tag}") for tag in ("r", "t", "tab", "br"))
_SPACE = qn("xml:space")


def _properties(document: Any, facts: Facts) -> None:
    core = document.core_properties
    core.author = "chronology"
    core.last_modified_by = "chronology"
    core.title = f"{facts.heading} – {facts.review_title}" if facts.review_title else facts.heading
    core.comments = "Draft generated from the integrated chronology."
    core.created = core.modified = core.last_printed = FIXED_TIME
    core.revision = 1


def _xml_safe(text: str) -> str:
    """Word cannot hold control characters: a vertical tab (Excel's line break) becomes a
    line break, any other one a space."""
    return _CONTROL.sub(lambda m: "\n" if m.group(0) in "\x0b\x0c" else " ", text)


class _Body:
    """Adds paragraphs to the end of a document in constant time. python-docx's own
    ``add_paragraph`` looks for the section properties among every paragraph already
    there, and looks each style up by name among every style: a draft of thousands of
    paragraphs (a large review) took minutes. The XML is the same."""

    def __init__(self, document: Any) -> None:
        self.document = document
        self._end = document.element.body.sectPr  # the document's last element
        self._styles: dict[str, str | None] = {}
        self._numbered_layout: Any = None  # the first numbered paragraph's, to copy

    def paragraph(self, text: str = "", style: str | None = None) -> DocxParagraph:
        element, para = self._new()
        if text:
            para.add_run(text)
        if style is not None:
            element.style = self._style_id(style)  # (as python-docx: the default, no id)
        return para

    def numbered(self, number: int, lines: Sequence[Sequence[str]]) -> None:
        """A numbered paragraph: the number, a tab, then each block's lines (a line break
        between lines, a blank line between blocks), under a hanging indent. The layout is
        made once and copied; a run of plain text is built directly (python-docx reads
        each run a character at a time, to find tabs and breaks in it)."""
        element, para = self._new()
        if self._numbered_layout is None:
            layout = para.paragraph_format
            layout.left_indent = HANG
            layout.first_line_indent = -HANG
            layout.tab_stops.add_tab_stop(HANG)
            layout.space_after = Pt(8)
            self._numbered_layout = copy.deepcopy(element.pPr)
        else:
            element.append(copy.deepcopy(self._numbered_layout))
        number_run = SubElement(element, _RUN)
        SubElement(number_run, _TEXT).text = f"{number}."
        SubElement(number_run, _TAB)
        for index, block in enumerate(lines):
            if index:
                SubElement(SubElement(element, _RUN), _BREAK)
                SubElement(SubElement(element, _RUN), _BREAK)
            for count, line in enumerate(block):
                if count:
                    SubElement(SubElement(element, _RUN), _BREAK)
                _plain_run(element, para, line)

    def _new(self) -> tuple[Any, DocxParagraph]:
        element = OxmlElement("w:p")
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self.document.element.body.append(element)
        return element, DocxParagraph(element, self.document)

    def _style_id(self, name: str) -> str | None:
        """The style's id; None for the default style (Word leaves it unnamed)."""
        if name not in self._styles:
            style = self.document.styles[name]
            default = self.document.styles.default(style.type)
            self._styles[name] = None if style == default else style.style_id
        return self._styles[name]


def _plain_run(element: Any, para: DocxParagraph, text: str) -> None:
    """``para.add_run(text)``, with the XML built directly where the text holds no tab or
    line break: one run, one text element (kept padded where it is)."""
    if "\t" in text or "\r" in text or "\n" in text:
        para.add_run(text)
        return
    run = SubElement(element, _RUN)
    if text:
        piece = SubElement(run, _TEXT)
        piece.text = text
        if len(text.strip()) < len(text):
            piece.set(_SPACE, "preserve")


def _numbered(body: _Body, paragraph: Paragraph) -> None:
    blocks = [_xml_safe(block).split("\n") for block in paragraph.blocks]
    body.numbered(paragraph.number, blocks)
    for item in paragraph.items:
        bullet = body.paragraph(_xml_safe(item), style="List Bullet")
        bullet.paragraph_format.left_indent = HANG + Cm(0.63)


def document_bytes(facts: Facts, timeline_png: bytes | None = None) -> bytes:
    """The Word document for ``facts``, byte-for-byte the same for the same input; the
    timeline picture, when given, follows the introduction."""
    document = Document()
    body = _Body(document)
    _properties(document, facts)
    body.paragraph(facts.heading, style="Heading 1")
    for paragraph in facts.intro:
        _numbered(body, paragraph)
    if timeline_png:
        document.add_picture(io.BytesIO(timeline_png), width=Cm(16.5))
        body.paragraph("Timeline of agency contacts (from the integrated chronology).", "Caption")
    for part in facts.parts:
        body.paragraph(part.title, style="Heading 2")
        for paragraph in part.paragraphs:
            _numbered(body, paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same archive with fixed member timestamps (python-docx stamps the current time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(member.filename))
    return out.getvalue()


def write(chronology: Chronology, out: Path) -> list[Path]:
    target = out / FILENAME
    dated = any(event.date.start is not None for event in chronology.events)
    picture = _picture(chronology, out) if dated else None
    write_bytes(target, document_bytes(build(chronology), picture))
    return [target]


def _picture(chronology: Chronology, out: Path) -> bytes:
    """The timeline picture: the one this run has just drawn for timeline.png (drawing it
    is the slowest part of a small merge), or drawn now."""
    drawn = staged(out / timeline.PNG_NAME)
    return drawn.read_bytes() if drawn is not None else timeline.png_bytes(chronology)
