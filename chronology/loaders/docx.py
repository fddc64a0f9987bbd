"""Word chronologies: every table in the document, as Chronolator and most IMR templates use.

The document's XML is read directly, because a reader of the visible paragraphs only (as
python-docx's ``cell.text`` is) drops text that Word shows: runs inside content controls
(date pickers included), tracked insertions, field results, smart tags, hyperlinks and nested
tables; rows wrapped in a content control; tables inside content controls or text boxes; and
cells shifted by ``gridBefore``. What Word does not show is left out: deleted tracked text,
field codes, and the fallback copy of a text box.

A table that carries on after a page break with its header row repeated is read as one table.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from chronology.loaders import package
from chronology.loaders.headings import normalise_heading
from chronology.loaders.table import RawTable
from chronology.model.errors import CorruptFileError

EXTENSIONS = (".docx",)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MAIN = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
TBL, TR, TC, P, T = _W + "tbl", _W + "tr", _W + "tc", _W + "p", _W + "t"
# what Word does not show: deleted or moved-away text, field codes, properties, fallbacks
_HIDDEN = frozenset(
    [_MC_FALLBACK]
    + [
        _W + name
        for name in (
            "del", "moveFrom", "delText", "instrText", "delInstrText", "rPr", "pPr",
            "tcPr", "trPr", "tblPr", "tblGrid", "sdtPr", "sdtEndPr",
        )
    ]
)  # fmt: skip
_CHARACTERS = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}


def read_tables(path: Path, display: str) -> Iterator[RawTable]:
    package.check_package(path, display)
    body = _main_document(path, display)
    current: RawTable | None = None
    for number, table in enumerate(_tables(body), start=1):
        rows = _rows(table)
        if not rows:
            continue
        if current is not None and _same_header(current.rows[0], rows[0]):
            start = current.row_numbers[-1] + 1
            current.rows.extend(rows)
            current.row_numbers.extend(range(start, start + len(rows)))
            continue
        if current is not None:
            yield current
        current = RawTable(display, f"Table {number}", rows, list(range(1, len(rows) + 1)))
    if current is not None:
        yield current


def _main_document(path: Path, display: str) -> etree._Element:
    """The main document part, found through the package relationships, parsed safely."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        with package.open_package(path, display) as archive:
            rels = etree.fromstring(archive.read("_rels/.rels"), parser)
            targets = [r.get("Target", "") for r in rels.iter(_PKG_REL) if r.get("Type") == MAIN]
            name = posixpath.normpath(targets[0].lstrip("/")) if targets else "word/document.xml"
            return etree.fromstring(archive.read(name), parser)
    except (KeyError, etree.XMLSyntaxError, *package.ZIP_ERRORS) as exc:
        raise CorruptFileError(f"cannot read the Word document ({exc})", file=display) from exc


def _tables(root: etree._Element) -> Iterator[etree._Element]:
    """Every table in document order, wherever it sits (body, content control, text box),
    except a table nested in a cell, whose text is part of that cell's text."""
    for table in root.iter(TBL):
        if not any(a.tag in (TC, _MC_FALLBACK) for a in table.iterancestors()):
            yield table


def _wrapped(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with ``tag``, looking through content controls, custom XML and the like
    (rows and cells can be wrapped in them) but not into another table."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag not in _HIDDEN and child.tag not in (TBL, TR, TC, P):
            yield from _wrapped(child, tag)


def _rows(table: etree._Element) -> list[list[object]]:
    """Cell texts on the table's grid: ``gridBefore`` slots and a cell's extra ``gridSpan``
    columns are blank; a cell merged down repeats the text of the cell it continues."""
    rows: list[list[object]] = []
    above: dict[int, str] = {}
    for row in _wrapped(table, TR):
        texts: list[object] = [""] * _grid_value(row.find(f"{_W}trPr/{_W}gridBefore"))
        for cell in _wrapped(row, TC):
            column = len(texts)
            merge = cell.find(f"{_W}tcPr/{_W}vMerge")
            continues = merge is not None and merge.get(_W + "val", "continue") != "restart"
            text = above.get(column, "") if continues else cell_text(cell)
            above[column] = text
            texts.append(text)
            texts.extend([""] * (_grid_value(cell.find(f"{_W}tcPr/{_W}gridSpan")) - 1))
        rows.append(texts)
    return rows


def _grid_value(element: etree._Element | None) -> int:
    """A grid count from Word's XML, 0 when absent; a nonsense value counts as 1 so that a
    damaged file cannot ask for a billion columns."""
    if element is None:
        return 0
    value = element.get(_W + "val", "")
    return int(value) if value.isdigit() and int(value) <= 64 else 1


def cell_text(element: etree._Element) -> str:
    """The text Word shows in ``element``: its paragraphs, one a line."""
    paragraphs: list[list[str]] = []
    _collect(element, [], paragraphs)
    return "\n".join("".join(p) for p in paragraphs)


def _collect(element: etree._Element, paragraph: list[str], paragraphs: list[list[str]]) -> None:
    for child in element:
        tag = child.tag
        if tag in _HIDDEN or not isinstance(tag, str):
            continue
        if tag == P:
            inner: list[str] = []
            paragraphs.append(inner)
            _collect(child, inner, paragraphs)
        elif tag == T:
            paragraph.append(child.text or "")
        elif tag in _CHARACTERS:
            paragraph.append(_CHARACTERS[tag])
        else:
            _collect(child, paragraph, paragraphs)


def _same_header(first: list[object], second: list[object]) -> bool:
    return [normalise_heading(c) for c in first] == [normalise_heading(c) for c in second]
