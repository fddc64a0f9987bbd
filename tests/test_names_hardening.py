"""Names however they are typed: the anonymiser and the leak check share one normalisation,
a Word document is anonymised in every part and across runs, and the glossary and the
review file are read whatever Notepad saved."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronology.cli import app
from chronology.model.errors import ReviewFileError
from chronology.privacy import leaks
from chronology.privacy.pseudonyms import Glossary
from chronology.review.read import load_review
from tests.bad_inputs.make_bad_inputs import PKG_REL, REL, W_NS, zip_bytes

GLOSSARY = Glossary(
    {"Jade Walsh": "the victim", "Walsh": "the victim", "Seán O'Brien": "the neighbour"}
)
runner = CliRunner()

SPELLINGS = [
    ("soft hyphen", "Seen: Wal\u00adsh at home", "Seen: the victim at home"),
    ("zero-width space", "Seen: Jade\u200b Walsh", "Seen: the victim"),
    ("word joiner inside", "Seen: Wa\u2060lsh", "Seen: the victim"),
    ("full-width letters", "Seen: \uff37\uff41\uff4c\uff53\uff48 today", "Seen: the victim today"),
    ("curly apostrophe", "Met Seán O\u2019Brien.", "Met the neighbour."),
    ("decomposed accent", "Met Sea\u0301n O'Brien.", "Met the neighbour."),
    ("handle with underscore", "Messaged @jade_walsh85", "Messaged @jade_the victim85"),
    ("joined handle", "Messaged @JadeWalsh", "Messaged @Jadethe victim"),
    ("e-mail", "From walsh.j@example.org", "From the victim.j@example.org"),
    ("Turkish dotted capital I", "WALSH İ", "The victim İ"),
]


@pytest.mark.parametrize(("why", "text", "expected"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_the_anonymiser_finds_a_name_however_it_is_typed(
    why: str, text: str, expected: str
) -> None:
    assert GLOSSARY.anonymise(text) == expected


@pytest.mark.parametrize(("why", "text", "expected"), SPELLINGS, ids=[s[0] for s in SPELLINGS])
def test_the_leak_check_finds_what_the_anonymiser_would_replace(
    why: str, text: str, expected: str, tmp_path: Path
) -> None:
    out = tmp_path / "facts.md"
    out.write_text(text + "\n", encoding="utf-8")
    found, _ = leaks.scan([out], GLOSSARY)
    assert found or expected == text, why


@pytest.mark.parametrize(
    "names",
    [{"İlker Işık": "the father"}, {"ılık": "x"}, {"Strauß": "the lodger"}, {"I": "i"}],
)
def test_turkish_and_german_letters_do_not_crash_either_side(names: dict[str, str]) -> None:
    glossary = Glossary(names)
    for text in ("İLKER IŞIK called", "ilker ışık called", "STRAUSS and Strauß", "I ı İ i"):
        glossary.anonymise(text)
        glossary.personalise(text)


def test_a_turkish_name_is_replaced_in_either_case() -> None:
    glossary = Glossary({"İlker": "the father"})
    assert glossary.anonymise("İlker rang; later ILKER and ilker") == (
        "The father rang; later the father and the father"
    )


@pytest.mark.parametrize("key", ['""', '"  "', '"\u00ad"'])
def test_an_empty_glossary_name_is_refused_with_its_line(tmp_path: Path, key: str) -> None:
    review = tmp_path / "review.toml"
    review.write_text(f'[review]\ntitle = "x"\n\n[pseudonyms]\n{key} = "the child"\n', "utf-8")
    with pytest.raises(ReviewFileError, match="empty name") as caught:
        load_review(review)
    assert caught.value.line == 5


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le"])
def test_a_review_file_saved_by_notepad_is_read(tmp_path: Path, encoding: str) -> None:
    review = tmp_path / "review.toml"
    review.write_bytes('[pseudonyms]\n"Seán Walsh" = "the victim"\n'.encode(encoding))
    assert load_review(review).pseudonyms == {"Seán Walsh": "the victim"}


def test_a_review_file_with_damaged_utf8_is_a_located_error(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    review.write_bytes('[pseudonyms]\n"Seán Zoë" = "x"\n'.encode() + b'"Bad \xff" = "y"\n')
    result = runner.invoke(app, ["check-names", str(tmp_path), "--review", str(review)])
    assert result.exit_code == 2
    assert "line 3" in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- Word documents, every part


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _document() -> bytes:
    """A draft with a name split over runs in each place Word keeps text."""
    split = _run("Ja") + _run("de Wal") + _run("sh")
    body = (
        f"<w:p>{split}{_run(' was seen.')}</w:p>"
        f'<w:p><w:hyperlink r:id="rId9">{_run("Walsh")}</w:hyperlink></w:p>'
        f'<w:sdt><w:sdtPr><w:alias w:val="Walsh"/></w:sdtPr><w:sdtContent><w:p>{_run("Wa")}'
        f"{_run('lsh')}</w:p></w:sdtContent></w:sdt>"
        '<w:p><w:ins w:id="1" w:author="Jade Walsh">' + _run("new") + "</w:ins>"
        '<w:del w:id="2" w:author="A"><w:r><w:delText>Walsh</w:delText></w:r></w:del></w:p>'
        "<w:p><w:r><w:txbxContent><w:p>" + _run("Wal") + _run("sh") + "</w:p></w:txbxContent>"
        "</w:r></w:p>"
    )
    ns = f'xmlns:w="{W_NS}" xmlns:r="{REL}"'
    part = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"/>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{PKG_REL}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
        "</Relationships>",
        "word/document.xml": f"{part}<w:document {ns}><w:body>{body}</w:body></w:document>",
        "word/_rels/document.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{PKG_REL}">'
        f'<Relationship Id="rId9" Type="{REL}/hyperlink" Target="mailto:jade.walsh@example.org" '
        'TargetMode="External"/></Relationships>',
        "word/header1.xml": f"{part}<w:hdr {ns}><w:p>{_run('Walsh')}{_run(' rev')}</w:p></w:hdr>",
        "word/footer1.xml": f"{part}<w:ftr {ns}><w:p>{_run('J. ')}{_run('Walsh')}</w:p></w:ftr>",
        "word/comments.xml": f'{part}<w:comments {ns}><w:comment w:id="0" w:author="Jade Walsh" '
        f'w:initials="JW"><w:p>{_run("Ask Wal")}{_run("sh")}</w:p></w:comment></w:comments>',
        "docProps/core.xml": f'{part}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats'
        '.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>Review of Jade Walsh</dc:title><dc:creator>Walsh</dc:creator>"
        "</cp:coreProperties>",
    }
    return zip_bytes({k: v.encode() for k, v in parts.items()})


def _texts(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return " ".join(archive.read(n).decode() for n in archive.namelist())


def test_a_word_document_is_anonymised_in_every_part_and_across_runs(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    review.write_text(
        '[pseudonyms]\n"Jade Walsh" = "the victim"\n"Walsh" = "the victim"\n"Jade" = "V"\n'
    )
    draft, published = tmp_path / "draft.docx", tmp_path / "PUBLISHED.docx"
    draft.write_bytes(_document())
    result = runner.invoke(app, ["anonymise", str(draft), str(published), "-r", str(review)])
    assert result.exit_code == 0, result.output
    text = _texts(published.read_bytes())
    assert "walsh" not in text.lower()
    assert ">The victim<" in text or ">the victim<" in text
    assert "The victim was seen" in text.replace('</w:t></w:r><w:r><w:t xml:space="preserve">', "")


def test_the_leak_check_finds_a_name_split_over_runs(tmp_path: Path) -> None:
    draft = tmp_path / "draft.docx"
    draft.write_bytes(_document())
    found, _ = leaks.scan([draft], Glossary({"Walsh": "the victim"}))
    places = {leak.location for leak in found}
    assert {"word/header1.xml", "word/footer1.xml", "word/comments.xml"} <= places
    assert {"docProps/core.xml", "word/_rels/document.xml.rels"} <= places


def test_anonymise_refuses_before_writing_when_a_name_would_remain(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    review.write_text('[pseudonyms]\n"Jade Walsh" = "Walsh"\n')  # a designation that leaks
    draft, published = tmp_path / "draft.md", tmp_path / "PUBLISHED.md"
    draft.write_text("Jade Walsh rang.\n")
    published.write_text("the previous clean copy\n")
    result = runner.invoke(app, ["anonymise", str(draft), str(published), "-r", str(review)])
    assert result.exit_code == 2
    assert published.read_text() == "the previous clean copy\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["PUBLISHED.md", "draft.md", "review.toml"]
