"""Build the bad inputs that are binary-crafted or large; the small text cases sit in files/.

    python tests/bad_inputs/make_bad_inputs.py OUT_DIR       # the generated cases, into OUT_DIR
    python tests/bad_inputs/make_bad_inputs.py --encrypted   # rebuild files/encrypted.xlsx

Workbooks are written part by part with ``zipfile`` so that each case holds exactly the XML
it is about (a formula with no cached value, an error cell, a DTD, a far-away cell). Every
file is deterministic: fixed zip timestamps, no random data.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from chronology.loaders.cells import column_letter

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
STAMP = (2020, 1, 1, 0, 0, 0)
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
ROWS = [
    ("Date", "Details", "Outcome"),
    ("01/02/2010", "Home visit, mother and child seen", "No further action"),
    ("03/02/2010", "Strategy discussion with police", "Section 47 enquiry"),
    ("10/02/2010", "Initial child protection conference", "Child protection plan"),
]
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
        for n in range(1, 10)
    )
    + "]>\n"
)


# ---------------------------------------------------------------- a minimal workbook by hand


def text_cell(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'


def rows_xml(rows: Sequence[Sequence[str]], extra: dict[int, str] | None = None) -> str:
    """Inline-string rows; ``extra`` appends raw cell XML to the given 1-based row."""
    out = []
    for number, row in enumerate(rows, start=1):
        cells = "".join(text_cell(f"{column_letter(i)}{number}", v) for i, v in enumerate(row))
        out.append(f'<row r="{number}">{cells}{(extra or {}).get(number, "")}</row>')
    return "".join(out)


def sheet_xml(data: str, dimension: str = "", tail: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<worksheet xmlns="{NS}" xmlns:r="{REL}">{dim}<sheetData>{data}</sheetData>{tail}'
        "</worksheet>"
    )


def package(sheets: dict[str, str], shared: str | None = None, date1904: bool = False) -> bytes:
    """An xlsx holding ``sheets`` (name → worksheet XML) and optional sharedStrings XML."""
    names = list(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(names) + 1)
    )
    if shared is not None:
        overrides += (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
            'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}">'
            + ('<workbookPr date1904="1"/>' if date1904 else "")
            + "<sheets>"
            + "".join(
                f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
                for i, n in enumerate(names, start=1)
            )
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{REL}/worksheet" '
                f'Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(names) + 1)
            )
            + (
                f'<Relationship Id="rId{len(names) + 1}" Type="{REL}/sharedStrings" '
                'Target="sharedStrings.xml"/>'
                if shared is not None
                else ""
            )
            + "</Relationships>"
        ),
    }
    for i, name in enumerate(names, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheets[name]
    if shared is not None:
        parts["xl/sharedStrings.xml"] = shared
    return zip_bytes({k: v.encode() for k, v in parts.items()})


def zip_bytes(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def good_xlsx(rows: Sequence[Sequence[str]] = ROWS) -> bytes:
    return package({"Chronology": sheet_xml(rows_xml(rows))})


# ---------------------------------------------------------------- the cases


def corrupt_zip() -> bytes:
    """A zip signature, then bytes that are no zip at all (deterministic, not random)."""
    return b"PK\x03\x04" + bytes((i * 37 + 11) % 256 for i in range(4000))


def truncated_xlsx() -> bytes:
    rows = [*ROWS, *[(f"{d:02d}/03/2010", f"Entry {d}", "") for d in range(1, 29)]]
    data = good_xlsx(rows)
    return data[: len(data) * 2 // 3]


def corrupt_member() -> bytes:
    """The central directory is intact, but the sheet's compressed bytes are damaged."""
    data = bytearray(good_xlsx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 4, start + info.compress_size - 4, 7):
        data[offset] ^= 0x5A
    return bytes(data)


def malformed_xml() -> bytes:
    broken = sheet_xml(rows_xml(ROWS)).replace("</sheetData>", '<row r="9"><c r="A9">')
    return package({"Chronology": broken})


def formulas() -> bytes:
    extra = {
        2: '<c r="D2"><f>1+1</f><v>2</v></c>',
        3: '<c r="D3" t="str"><f>B3&amp;" (copied)"</f><v>Strategy discussion with police'
        " (copied)</v></c>",
        4: '<c r="D4"><f>D2*10</f></c>',  # never calculated: no cached value
    }
    rows = [(*ROWS[0], "Working"), *ROWS[1:]]
    return package({"Chronology": sheet_xml(rows_xml(rows, extra))})


def error_values() -> bytes:
    extra = {
        2: '<c r="D2" t="e"><f>#REF!+1</f><v>#REF!</v></c>',
        3: '<c r="D3" t="e"><v>#N/A</v></c>',
    }
    rows = [(*ROWS[0], "Working"), *ROWS[1:]]
    return package({"Chronology": sheet_xml(rows_xml(rows, extra))})


def huge_dimension() -> bytes:
    """The sheet claims A1:XFD1048576 but holds twelve cells."""
    return package({"Chronology": sheet_xml(rows_xml(ROWS), dimension="A1:XFD1048576")})


def stray_far_cell() -> bytes:
    """One real cell at the far corner: a reader that makes a dense grid needs 17 billion cells."""
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t> </t></is></c></row>'
    return package({"Chronology": sheet_xml(rows_xml(ROWS) + far, dimension="A1:XFD1048576")})


def zip_bomb(total_mb: int = 600) -> bytes:
    """A real bomb: under a megabyte that inflates to ``total_mb`` MB, blanks inside the sheet
    itself (whitespace between rows is valid XML, so a reader that trusts it must inflate it)."""
    sheet = sheet_xml(rows_xml(ROWS)).encode()
    head, rest = sheet.split(b"<sheetData>")
    parts = {k: v for k, v in _parts_of(good_xlsx()).items() if "worksheets" not in k}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in parts.items():
            archive.writestr(zipfile.ZipInfo(name, STAMP), data, zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", STAMP)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as stream:
            stream.write(head + b"<sheetData>")
            chunk = b" " * (1 << 20)
            for _ in range(total_mb):
                stream.write(chunk)
            stream.write(rest)
    return buffer.getvalue()


def _parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i.filename) for i in archive.infolist()}


def laughs_xlsx() -> bytes:
    shared = f'{LAUGHS}<sst xmlns="{NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    sheet = sheet_xml(rows_xml(ROWS, {2: '<c r="D2" t="s"><v>0</v></c>'}))
    return package({"Chronology": sheet}, shared=shared)


def laughs_docx() -> bytes:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table.rows[0].cells, ["Date", "Details"], strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "01/02/2010"
    table.rows[1].cells[1].text = "LAUGHS"
    buffer = io.BytesIO()
    document.save(buffer)
    parts = _parts_of(buffer.getvalue())
    xml = parts["word/document.xml"].decode()
    body = xml[xml.index("?>") + 2 :].replace("LAUGHS", "&lol9;")
    parts["word/document.xml"] = (LAUGHS + body).encode()
    return zip_bytes(parts)


def merged_header() -> bytes:
    """``Date`` merged down into the first data row, ``Details`` merged across two columns."""
    rows = [
        ("Date", "Details", "", "Outcome"),
        ("", "Home visit", "child seen", "NFA"),
        *[(d, t, "", o) for d, t, o in ROWS[2:]],
    ]
    merges = '<mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B1:C1"/></mergeCells>'
    return package({"Chronology": sheet_xml(rows_xml(rows), tail=merges)})


ODS_CELL = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'


def stray_far_cell_ods() -> bytes:
    """The same in OpenDocument: a million repeated empty rows, then one cell far right."""
    return ods_package(
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
        'table:number-columns-repeated="1024"/></table:table-row><table:table-row>'
        '<table:table-cell table:number-columns-repeated="16000"/>'
        + ODS_CELL.format(" ")
        + "</table:table-row>"
    )


def repeated_rows_ods(rows: int, columns: int) -> bytes:
    """One filled row written once and repeated: a few bytes for ``rows x columns`` cells."""
    cell = ODS_CELL.replace(
        "<table:table-cell ", f'<table:table-cell table:number-columns-repeated="{columns}" '
    )
    return ods_package(
        f'<table:table-row table:number-rows-repeated="{rows}">'
        + ODS_CELL.format("01/03/2010")
        + cell.format("Same entry")
        + "</table:table-row>"
    )


def ods_package(extra_rows: str) -> bytes:
    """An OpenDocument spreadsheet: the corpus rows, then ``extra_rows`` (table XML)."""
    office = "urn:oasis:names:tc:opendocument:xmlns"
    rows = "".join(
        "<table:table-row>"
        + "".join(ODS_CELL.format(escape(v)) for v in row)
        + "</table:table-row>"
        for row in ROWS
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        f'xmlns:office="{office}:office:1.0" xmlns:table="{office}:table:1.0" '
        f'xmlns:text="{office}:text:1.0" office:version="1.2"><office:body>'
        f'<office:spreadsheet><table:table table:name="Chronology">{rows}{extra_rows}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="'
        f'{office}:manifest:1.0" manifest:version="1.2"><manifest:file-entry '
        'manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
        'spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" '
        'manifest:media-type="text/xml"/></manifest:manifest>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        mimetype = b"application/vnd.oasis.opendocument.spreadsheet"
        archive.writestr(zipfile.ZipInfo("mimetype", STAMP), mimetype, zipfile.ZIP_STORED)
        for name, text in (("META-INF/manifest.xml", manifest), ("content.xml", content)):
            archive.writestr(zipfile.ZipInfo(name, STAMP), text.encode(), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def header_only_xlsx() -> bytes:
    return package({"Chronology": sheet_xml(rows_xml(ROWS[:1]))})


def empty_workbook() -> bytes:
    return package({"Sheet1": sheet_xml("")})


def date1904() -> bytes:
    """A Mac workbook: date cells and a bare serial number both count from 1 January 1904."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"date_1904": True, "in_memory": True})
    book.set_properties({"created": dt.datetime(2020, 1, 1)})
    sheet = book.add_worksheet("Chronology")
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["Date", "Details"])
    sheet.write_datetime(1, 0, dt.datetime(2010, 2, 1), day)
    sheet.write_string(1, 1, "Date cell in a 1904 workbook")
    sheet.write_number(2, 0, (dt.date(2010, 2, 3) - dt.date(1904, 1, 1)).days)
    sheet.write_string(2, 1, "Bare serial number in a 1904 workbook")
    book.close()
    return buffer.getvalue()


def encrypted_xlsx() -> bytes:
    """Office 'Encrypt with password' (agile encryption): an OLE container, not a zip."""
    import msoffcrypto.format.ooxml

    plain = io.BytesIO(good_xlsx())
    out = io.BytesIO()
    msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("Kingsmere", out)
    return out.getvalue()


# ---------------------------------------------------------------- Word tables read from the XML

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS_NS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _wp(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def _wr(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _wtc(*paragraphs: str, props: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{''.join(paragraphs)}</w:tc>"


def _wtr(*cells: str, props: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{props}</w:trPr>' if props else ''}{''.join(cells)}</w:tr>"


def _wtbl(*rows: str) -> str:
    grid = '<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="4000"/><w:gridCol w:w="3000"/>'
    return f"<w:tbl><w:tblPr/>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def _sdt(content: str, props: str = "") -> str:
    return f"<w:sdt><w:sdtPr>{props}</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>"


def docx_package(body: str) -> bytes:
    """A minimal Word package whose document body is ``body`` (WordprocessingML)."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" '
        f'xmlns:mc="{MC_NS}" xmlns:wps="{WPS_NS}" xmlns:v="urn:schemas-microsoft-com:vml">'
        f"<w:body>{body}</w:body></w:document>"
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.'
            'org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/document.xml": document,
    }
    return zip_bytes({k: v.encode() for k, v in parts.items()})


def word_hidden_text() -> bytes:
    """Every place Word keeps visible table text that a paragraph-runs reader misses: a table
    in a content control, a date picker, a tracked insertion (and a deletion, not shown), a
    field's result (not its code), a smart tag, a hyperlink, a nested table, a row in a
    content control, a cell merged down, a row shifted by gridBefore, and a table carried on
    inside a text box (whose fallback copy must not be read twice)."""
    header = _wtr(*(_wtc(_wp(_wr(h))) for h in ROWS[0]))
    date_picker = _sdt(_wr("01/02/2010"), '<w:date><w:dateFormat w:val="dd/MM/yyyy"/></w:date>')
    details = _wp(
        _wr("Home visit, "),
        f'<w:ins w:id="1" w:author="A">{_wr("mother seen")}</w:ins>',
        f'<w:del w:id="2" w:author="A"><w:r><w:delText>struck out</w:delText></w:r></w:del>',
        f'<w:hyperlink w:anchor="x">{_wr(" (record 7)")}</w:hyperlink>',
    )
    outcome = _wp(
        '<w:fldSimple w:instr=" DOCPROPERTY Outcome ">', _wr("Referred"), "</w:fldSimple>",
        '<w:smartTag w:element="place">', _wr(" to Kingsmere"), "</w:smartTag>",
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>', _wr(" hub"),
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    )  # fmt: skip
    nested = _wtbl(_wtr(_wtc(_wp(_wr("Nested note")))))
    rows = [
        header,
        _wtr(_wtc(_wp(date_picker)), _wtc(details), _wtc(outcome)),
        _sdt(_wtr(_wtc(_wp(_wr("03/02/2010"))), _wtc(_wp(_wr("Strategy")), nested), _wtc())),
        _wtr(
            _wtc(_wp(_wr("10/02/2010")), props='<w:vMerge w:val="restart"/>'),
            _wtc(_wp(_wr("Conference"))),
            _wtc(_wp(_wr("Plan made"))),
        ),
        _wtr(_wtc(_wp(), props="<w:vMerge/>"), _wtc(_wp(_wr("Minutes sent"))), _wtc()),
        _wtr(
            _wtc(_wp(_wr("Shifted entry"))),
            _wtc(_wp(_wr("Shifted outcome"))),
            props='<w:gridBefore w:val="1"/>',
        ),
    ]
    boxed = _wtbl(
        _wtr(*(_wtc(_wp(_wr(h))) for h in ("Date", "Event", "Action"))),
        _wtr(_wtc(_wp(_wr("12/02/2010"))), _wtc(_wp(_wr("Text box entry"))), _wtc()),
    )
    text_box = _wp(
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><wps:txbx><w:txbxContent>"
        f"{boxed}</w:txbxContent></wps:txbx></mc:Choice><mc:Fallback><v:textbox>"
        f"<w:txbxContent>{boxed}</w:txbxContent></v:textbox></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    return docx_package(_sdt(_wtbl(*rows)) + text_box)


def continuation_sheet() -> bytes:
    """The chronology runs on to a second sheet that does not repeat the header row."""
    more = [("14/02/2010", "Core group meeting", "Plan reviewed"), ("20/02/2010", "Visit", "")]
    return package(
        {"Chronology": sheet_xml(rows_xml(ROWS)), "Continued": sheet_xml(rows_xml(more))}
    )


def far_cell_written(ref: str, equals: str = "=") -> bytes:
    """A far cell whose reference is written in a way XML allows and calamine reads."""
    row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    far = (
        f'<row r{equals}"{row}"><c r{equals}"{ref}" t="inlineStr"><is><t>x</t></is></c></row>'
    )
    return package({"Chronology": sheet_xml(rows_xml(ROWS) + far)})


def unnumbered_cells() -> bytes:
    """Rows and cells with no reference sit after the ones before: a million empty rows and
    one row of 16,384 cells reach as far as any stray cell, in a few kilobytes."""
    wide = "<row>" + "<c/>" * 16_383 + '<c t="inlineStr"><is><t>x</t></is></c></row>'
    return package({"Chronology": sheet_xml(rows_xml(ROWS) + "<row/>" * 1_048_000 + wide)})


def leap_day_xlsx() -> bytes:
    """A date cell holding serial 60, Excel's 29/02/1900 (calamine reads 28/02/1900)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"created": dt.datetime(2020, 1, 1)})
    sheet = book.add_worksheet("Chronology")
    day = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["Date", "Details"])
    for row, (serial, text) in enumerate([(59, "Day 59"), (60, "Day 60"), (61, "Day 61")], 1):
        sheet.write_number(row, 0, serial, day)
        sheet.write_string(row, 1, text)
    book.close()
    return buffer.getvalue()


GENERATED: dict[str, Callable[[], bytes]] = {
    "xlsx_renamed.csv": good_xlsx,
    "corrupt_zip.xlsx": corrupt_zip,
    "truncated.xlsx": truncated_xlsx,
    "corrupt_member.xlsx": corrupt_member,
    "malformed_xml.xlsx": malformed_xml,
    "formulas.xlsx": formulas,
    "error_values.xlsx": error_values,
    "huge_dimension.xlsx": huge_dimension,
    "stray_far_cell.xlsx": stray_far_cell,
    "stray_far_cell.ods": stray_far_cell_ods,
    "zip_bomb.xlsx": zip_bomb,
    "ratio_bomb.xlsx": lambda: zip_bomb(40),
    "billion_laughs.xlsx": laughs_xlsx,
    "billion_laughs.docx": laughs_docx,
    "merged_header.xlsx": merged_header,
    "header_only.xlsx": header_only_xlsx,
    "empty_workbook.xlsx": empty_workbook,
    "date1904.xlsx": date1904,
    # an encrypted workbook given the old .xls name: calamine finds no Workbook stream
    "word_hidden_text.docx": word_hidden_text,
    "continuation_sheet.xlsx": continuation_sheet,
    "far_cell_lower_case.xlsx": lambda: far_cell_written("xfd1048576"),
    "far_cell_spaced.xlsx": lambda: far_cell_written("XFD1048576", " = "),
    "unnumbered_cells.xlsx": unnumbered_cells,
    "repeated_rows.ods": lambda: repeated_rows_ods(1_000_000, 1),
    "repeated_cells.ods": lambda: repeated_rows_ods(1_000, 16_000),
    "leap_day.xlsx": leap_day_xlsx,
    "encrypted_named.xls": lambda: (FILES / "encrypted.xlsx").read_bytes(),
}


def build(out: Path) -> list[Path]:
    """Write every generated case (and the directory case) into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in GENERATED.items():
        target = out / name
        target.write_bytes(make())
        written.append(target)
    folder = out / "a_directory.xlsx"
    folder.mkdir(exist_ok=True)
    unreadable = out / "unreadable.csv"
    unreadable.write_bytes(b"Date,Details\n01/02/2010,Home visit\n")
    specials = [out / "named_pipe.csv", out / "endless_device.csv"]
    for path in specials:
        path.unlink(missing_ok=True)
    os.mkfifo(specials[0])
    specials[1].symlink_to("/dev/zero")
    return [*written, folder, unreadable, *specials]


def main(argv: Sequence[str]) -> None:
    if argv == ["--encrypted"]:
        (FILES / "encrypted.xlsx").write_bytes(encrypted_xlsx())
        return
    if len(argv) != 1:
        raise SystemExit(__doc__)
    for path in build(Path(argv[0])):
        print(path)


if __name__ == "__main__":
    main(sys.argv[1:])
