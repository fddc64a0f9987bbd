"""Names replaced throughout a Word document: every part, every run, every place text hides.

Word splits a paragraph's text into runs wherever formatting, spell-checking or editing
history changes, so "Jade Walsh" may be stored as "Ja" + "de Wal" + "sh". A replacement done
run by run misses it; one done on the paragraph's text and written back over the runs it
spans catches it and keeps every other run's formatting. Every part is done: the body,
headers, footers, footnotes, comments, text boxes, content controls, hyperlinks (and their
targets), field codes, deleted tracked text (still in the file), document properties, and
custom XML (where content controls keep their bound values).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from typing import Protocol

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P = _W + "p"
# the three kinds of text a paragraph holds; each is joined and replaced on its own
_TEXTS = (_W + "t", _W + "delText", _W + "instrText")
# attributes that hold words people wrote (a comment's author, alt text, a control's title)
_WORDY = frozenset({"author", "initials", "title", "descr", "name", "Target"})
_LABELS = frozenset({"alias", "tag"})  # a content control's title and tag, in their w:val


class Replacer(Protocol):
    def __call__(self, text: str) -> str: ...

    def replacements(self, text: str) -> list[tuple[int, int, str]]: ...


def convert(data: bytes, change: Replacer) -> bytes:
    """The package ``data`` with ``change`` applied to all its text."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith((".xml", ".rels")):
                content = _part(info.filename, content, change)
            target.writestr(info, content, info.compress_type)
    return out.getvalue()


def _part(name: str, content: bytes, change: Replacer) -> bytes:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(content, parser)
    if name.startswith("word/") and not name.endswith(".rels"):
        for paragraph in root.iter(_P):
            for tag in _TEXTS:
                _replace_across(list(_own(paragraph, tag)), change)
    else:
        _replace_each(root, change)
    _replace_attributes(root, change)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _own(paragraph: etree._Element, tag: str) -> Iterator[etree._Element]:
    """The paragraph's text elements of ``tag``, not those of a paragraph inside it (a text
    box's), which are that paragraph's own."""
    for element in paragraph.iter(tag):
        if next(element.iterancestors(_P)) is paragraph:
            yield element


def _replace_across(elements: list[etree._Element], change: Replacer) -> None:
    """Replace names in the joined text of ``elements``: a name's designation goes in the
    element where the name starts, and the name's other characters leave the others."""
    texts = [e.text or "" for e in elements]
    joined = "".join(texts)
    found = change.replacements(joined)
    if not found:
        return
    bounds = []
    offset = 0
    for text in texts:
        bounds.append((offset, offset + len(text)))
        offset += len(text)
    for index, (low, high) in enumerate(bounds):
        pieces, at = [], low
        for start, end, designation in found:
            if end <= low or start >= high:
                continue
            pieces.append(joined[at:start] if start > at else "")
            if low <= start < high:
                pieces.append(designation)
            at = max(at, min(end, high))
        pieces.append(joined[at:high])
        new = "".join(pieces)
        if new != texts[index]:
            elements[index].text = new
            elements[index].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _replace_each(root: etree._Element, change: Callable[[str], str]) -> None:
    for element in root.iter():
        if element.text:
            element.text = change(element.text)
        if element.tail:
            element.tail = change(element.tail)


def _replace_attributes(root: etree._Element, change: Callable[[str], str]) -> None:
    for element in root.iter():
        labels = isinstance(element.tag, str) and etree.QName(element).localname in _LABELS
        for attribute, value in element.attrib.items():
            name = etree.QName(attribute).localname
            if name in _WORDY or (labels and name == "val"):
                element.set(attribute, change(value))
