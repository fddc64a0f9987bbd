"""``facts.docx``: the draft Facts section as a Word document, built from the very Markdown
``facts.md`` holds (``markdown_blocks``), so the author's template shapes both alike.

Real Word headings (Heading 1 for the section, Heading 2 per part, so the navigation pane and
a table of contents work) and Word's own paragraph numbering (a numbering definition starting
at ``first_paragraph``; each paragraph refers to it), so the numbers renumber themselves as
the author edits. A4, British English. The timeline picture sits in a landscape section of
its own after the introduction, at a readable size. ``reference`` names a Word document whose
styles and page setup the draft takes (as pandoc's ``--reference-doc``): it is opened, its
body cleared, and the draft written into it. The file is deterministic: fixed document
properties, and the zip is rewritten with fixed timestamps.
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
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, Twips
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml.etree import SubElement

from chronology.facts.draft import build
from chronology.model.errors import ChronologyError
from chronology.model.schema import Chronology
from chronology.privacy.safety import staged, write_bytes
from chronology.render import facts_md, timeline
from chronology.render.markdown_blocks import Block, parse

FILENAME = "facts.docx"
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
HANG = Cm(1.25)
LANGUAGE = "en-GB"
A4 = (Twips(11906), Twips(16838))  # 210 by 297 mm, as Word writes it
TIMELINE_CAPTION = "Timeline of agency contacts (from the integrated chronology)."
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Elements made directly (lxml, through python-docx's element classes): a run, its text, a
# tab and a line break, as python-docx's ``add_run`` and ``add_break`` make them.
_RUN, _TEXT, _TAB, _BREAK = (qn(f"w:{tag}") for tag in ("r", "t", "tab", "br"))
_SPACE = qn("xml:space")


class ReferenceDocxError(ChronologyError):
    """A --reference-docx that is not a Word document python-docx can open."""

    hint = "Give a .docx saved by Word or LibreOffice (File > Save As > Word Document)."


def _properties(document: Any, title: str) -> None:
    core = document.core_properties
    core.author = "chronology"
    core.last_modified_by = "chronology"
    core.title = title
    core.comments = "Draft generated from the integrated chronology."
    core.created = core.modified = core.last_printed = FIXED_TIME
    core.revision = 1


def _xml_safe(text: str) -> str:
    """Word cannot hold control characters: a vertical tab (Excel's line break) becomes a
    line break, any other one a space."""
    return _CONTROL.sub(lambda m: "\n" if m.group(0) in "\x0b\x0c" else " ", text)


def _open(reference: Path | None) -> Any:
    """A new document: python-docx's own, made A4, or the author's reference document with
    its body cleared (its styles, numbering, headers and page setup kept)."""
    if reference is None:
        document = Document()
        section = document.sections[0]
        section.page_width, section.page_height = A4
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(2.5))
        return document
    try:
        document = Document(str(reference))
    except Exception as exc:  # python-docx raises several kinds for a file it cannot read
        raise ReferenceDocxError(f"{reference}: not a Word document ({exc})") from exc
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def _british(document: Any) -> None:
    """The document's default language British English (spelling, dates, hyphenation)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = SubElement(document.styles.element, qn("w:docDefaults"))
        document.styles.element.insert(0, defaults)
    run_default = defaults.find(qn("w:rPrDefault"))
    if run_default is None:
        run_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_default)
    properties = run_default.find(qn("w:rPr"))
    if properties is None:
        properties = SubElement(run_default, qn("w:rPr"))
    language = properties.find(qn("w:lang"))
    if language is None:
        language = SubElement(properties, qn("w:lang"))
    language.set(qn("w:val"), LANGUAGE)


def _numbering(document: Any, start: int) -> str:
    """A decimal list definition starting at ``start`` ("60.", a tab, a hanging indent);
    its id, for the paragraphs' ``numPr``."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(v) for v in numbering.xpath("w:abstractNum/@w:abstractNumId")]
    num_ids = [int(v) for v in numbering.xpath("w:num/@w:numId")]
    abstract_id, num_id = str(max(abstract_ids, default=-1) + 1), str(max(num_ids, default=0) + 1)
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), abstract_id)
    SubElement(abstract, qn("w:multiLevelType")).set(qn("w:val"), "singleLevel")
    level = SubElement(abstract, qn("w:lvl"))
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("start", str(start)), ("numFmt", "decimal"), ("suff", "tab"),
                       ("lvlText", "%1."), ("lvlJc", "left")):  # fmt: skip
        SubElement(level, qn(f"w:{tag}")).set(qn("w:val"), value)
    indent = SubElement(SubElement(level, qn("w:pPr")), qn("w:ind"))
    indent.set(qn("w:left"), str(HANG.twips))
    indent.set(qn("w:hanging"), str(HANG.twips))
    nums = numbering.findall(qn("w:num"))
    if nums:  # every abstractNum comes before the first num
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    num = SubElement(numbering, qn("w:num"))
    num.set(qn("w:numId"), num_id)
    SubElement(num, qn("w:abstractNumId")).set(qn("w:val"), abstract_id)
    return num_id


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
        self.list_id: str | None = None  # the numbering definition, once made

    def paragraph(self, text: str = "", style: str | None = None) -> DocxParagraph:
        element, para = self._new()
        if text:
            para.add_run(text)
        if style is not None:
            element.style = self._style_id(style)  # (as python-docx: the default, no id)
        return para

    def numbered(self, number: int, lines: Sequence[Sequence[str]]) -> None:
        """A numbered paragraph: Word's number (the list starts at the first one's), then
        each block's lines (a line break between lines, a blank line between blocks). The
        layout is made once and copied; a run of plain text is built directly (python-docx
        reads each run a character at a time, to find tabs and breaks in it)."""
        element, para = self._new()
        if self._numbered_layout is None:
            self.list_id = self.list_id or _numbering(self.document, number)
            properties = element.get_or_add_pPr()
            numbered = OxmlElement("w:numPr")
            SubElement(numbered, qn("w:ilvl")).set(qn("w:val"), "0")
            SubElement(numbered, qn("w:numId")).set(qn("w:val"), self.list_id)
            properties.append(numbered)
            para.paragraph_format.space_after = Pt(8)
            self._numbered_layout = copy.deepcopy(element.pPr)
        else:
            element.append(copy.deepcopy(self._numbered_layout))
        for index, block in enumerate(lines):
            if index:
                SubElement(SubElement(element, _RUN), _BREAK)
                SubElement(SubElement(element, _RUN), _BREAK)
            for count, line in enumerate(block):
                if count:
                    SubElement(SubElement(element, _RUN), _BREAK)
                _plain_run(element, para, line)

    def section_break(self, landscape: bool) -> None:
        """End the section here: the paragraph carries the section's properties, a copy of
        the document's own (portrait), or turned landscape for the timeline."""
        element, _para = self._new()
        properties = copy.deepcopy(self._end)
        for child in list(properties):  # headers and footers stay with the last section
            if child.tag in (qn("w:headerReference"), qn("w:footerReference")):
                properties.remove(child)
        if landscape:
            size = properties.find(qn("w:pgSz"))
            width, height = size.get(qn("w:w")), size.get(qn("w:h"))
            size.set(qn("w:w"), max(width, height, key=int))
            size.set(qn("w:h"), min(width, height, key=int))
            size.set(qn("w:orient"), WD_ORIENT.LANDSCAPE.name.lower())
        element.get_or_add_pPr().append(properties)

    def picture(self, png: bytes, landscape: bool) -> None:
        """The picture as wide as the page (landscape: the portrait page turned) allows."""
        section = self.document.sections[-1]
        long_side = max(section.page_width, section.page_height)
        short_side = min(section.page_width, section.page_height)
        page = long_side if landscape else short_side
        width = page - section.left_margin - section.right_margin
        _element, para = self._new()
        para.add_run().add_picture(io.BytesIO(png), width=width)

    def _new(self) -> tuple[Any, DocxParagraph]:
        element = OxmlElement("w:p")
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self.document.element.body.append(element)
        return element, DocxParagraph(element, self.document)

    def _style_id(self, name: str) -> str | None:
        """The style's id; None for the default style (Word leaves it unnamed, and a
        reference document without the style gets its default)."""
        if name not in self._styles:
            try:
                style = self.document.styles[name]
            except KeyError:
                self._styles[name] = None
                return None
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


def _add(body: _Body, block: Block) -> None:
    if block.kind == "heading":
        body.paragraph(_xml_safe(block.text), style=f"Heading {min(block.level, 9)}")
    elif block.kind == "numbered":
        body.numbered(block.number, [[_xml_safe(line) for line in b] for b in block.blocks])
        for item in block.items:
            bullet = body.paragraph(_xml_safe(item), style="List Bullet")
            bullet.paragraph_format.left_indent = HANG + Cm(0.63)
    elif block.kind == "bullet":
        body.paragraph(_xml_safe(block.text), style="List Bullet")
    else:
        para = body.paragraph()
        run = para.add_run(_xml_safe("\n".join(block.blocks[0]) if block.blocks else ""))
        run.italic = block.italic or None


def document_bytes(
    markdown: str, title: str, timeline_png: bytes | None = None, reference: Path | None = None
) -> bytes:
    """The Word document of the draft's Markdown, byte-for-byte the same for the same input;
    the timeline picture, when given, in a landscape section after the introduction (before
    the first part's heading, or at the end)."""
    document = _open(reference)
    _british(document)
    body = _Body(document)
    _properties(document, title)
    blocks = parse(markdown)
    first_part = next(
        (n for n, b in enumerate(blocks) if b.kind == "heading" and b.level > 1), len(blocks)
    )
    for index, block in enumerate(blocks):
        if index == first_part and timeline_png:
            _timeline(body, timeline_png)
        _add(body, block)
    if first_part == len(blocks) and timeline_png:
        _timeline(body, timeline_png)
    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue())


def _timeline(body: _Body, png: bytes) -> None:
    body.section_break(landscape=False)
    body.picture(png, landscape=True)
    body.paragraph(TIMELINE_CAPTION, "Caption")
    body.section_break(landscape=True)


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


def write(
    chronology: Chronology,
    out: Path,
    template: Path | None = None,
    reference: Path | None = None,
) -> list[Path]:
    """``facts.docx`` from the Markdown ``template`` writes (the packaged one by default)."""
    target = out / FILENAME
    facts = build(chronology)
    markdown = facts_md.render(facts, template)
    title = f"{facts.heading} – {facts.review_title}" if facts.review_title else facts.heading
    dated = any(event.date.start is not None for event in chronology.events)
    picture = _picture(chronology, out) if dated else None
    write_bytes(target, document_bytes(markdown, title, picture, reference))
    return [target]


def _picture(chronology: Chronology, out: Path) -> bytes:
    """The timeline picture: the one this run has just drawn for timeline.png (drawing it
    is the slowest part of a small merge), or drawn now."""
    drawn = staged(out / timeline.PNG_NAME)
    return drawn.read_bytes() if drawn is not None else timeline.png_bytes(chronology)
