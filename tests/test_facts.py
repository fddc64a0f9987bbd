"""The draft Facts section: its structure, Markdown (template) and Word outputs, the command."""

from __future__ import annotations

import io
import os
import re
from dataclasses import replace
from pathlib import Path

import docx
import docx.document
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from typer.testing import CliRunner

from chronology.cli import app
from chronology.dates.span import DateSpan
from chronology.facts import draft as facts_module
from chronology.facts.draft import Facts, build
from chronology.merge.groups import merge
from chronology.model.codec import read_chronology
from chronology.model.schema import Chronology, Source
from chronology.render import facts_docx, facts_md
from chronology.render import json as json_writer
from chronology.stages.episodes import assign_episodes
from tests.conftest import SAMPLES, source

POLICE = "Kingsmere Police"
CSC = "Kingsmere Children's Social Care"
HV = "Kingsmere Health Visiting"
GP = "Kingsmere GP Practice"
NURSERY = "Kingsmere Children's Centre Nursery"
SETTINGS = {"review": {"first_paragraph": 60, "title": "Domestic Homicide Review – Adult Z"}}
LONG = "Home visit. " + " ".join(f"Observation {n} recorded in full." for n in range(150))

runner = CliRunner()
# The smallest PNG (one white pixel): the Word tests' stand-in for the timeline picture.
_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d7"
    "63f8ffff3f0005fe02fedccc59e70000000049454e44ae426082"
)


def sources() -> list[Source]:
    made = [
        source(GP, "10/03/2009", "Depression review. R TM red and bulging.", action="Review 4/52."),
        source(CSC, "Aug 2010", "Referral logged."),
        source(
            POLICE,
            "09/08/2010",
            "Assault reported; DASH completed, medium risk.",
            time="15:12",
            action="Crime recorded. Rang duty social worker (EDT).",
        ),
        source(POLICE, "09/08/2010", "Second DASH reviewed by PPU.", time="16:40"),
        source(
            POLICE,
            "09/08/2010",
            "Officers spoke to the *insufficient evidence* team.",
            time="19:35",
        ),
        source(CSC, "14/09/2010", LONG),
        source(CSC, "20/10/2010", "Case closed by TM."),
        source(GP, "10/05/2011", "Chest infection."),
        source(CSC, "mid-January 2012", "Child concern notification from police; DASH attached."),
        source(POLICE, "14/01/2012", "Assault reported by 999 call."),
        source(CSC, "18/01/2012", "Referral received from police PPU."),
        source(POLICE, "01/05/2012", "Strategy discussion with CSC; S47 enquiry agreed"),
        source(
            CSC, "23/05/2012", "Strategy discussion held with police. Section 47 to be undertaken."
        ),
        source(CSC, "25/05/2012", "S47 visit: children seen at home."),
        source(CSC, "14/06/2012", "Initial child protection conference held. CP plan agreed."),
        source(HV, "14/06/2012", "Attended ICPC - children made subject of CP plans"),
        source(NURSERY, "14/06/2012", "Manager attended the initial child protection conference"),
        replace(
            source(CSC, "", "SW emailed TM requesting a strategy discussion."),
            date=DateSpan.unknown("31/04/2012"),
        ),
    ]
    return [replace(s, row=i + 2) for i, s in enumerate(made)]


def chronology(settings: dict[str, object] | None = None) -> Chronology:
    made = Chronology(events=merge(sources()))
    assign_episodes(made, SETTINGS if settings is None else settings)
    return made


@pytest.fixture
def draft() -> Facts:
    return build(chronology())


@pytest.fixture
def markdown(draft: Facts) -> str:
    return facts_md.render(draft)


def paragraph_with(draft: Facts, needle: str) -> str:
    (found,) = [p.text for p in draft.paragraphs if needle in p.text]
    return found


def test_a_date_conflict_is_stated_plainly(markdown: str) -> None:
    assert (
        "Kingsmere Police recorded this strategy discussion on 1 May 2012; "
        "Kingsmere Children's Social Care recorded it on 23 May 2012."
    ) in markdown
    assert "Between 1 and 23 May 2012, two agencies recorded one strategy discussion" in markdown


def test_a_quiet_period_is_stated(markdown: str) -> None:
    assert "There were no recorded agency contacts between October 2010 and May 2011." in markdown
    assert "There were no recorded agency contacts between March 2009 and August 2010." in markdown


def test_paragraphs_are_numbered_consecutively_from_first_paragraph(
    draft: Facts, markdown: str
) -> None:
    numbers = [p.number for p in draft.paragraphs]
    assert numbers == list(range(60, 60 + len(numbers)))
    in_markdown = [int(n) for n in re.findall(r"^(\d+)\. ", markdown, flags=re.MULTILINE)]
    assert in_markdown == numbers
    assert build(chronology({})).paragraphs[0].number == 1


def test_the_structure_has_intro_parts_in_order_and_a_summary(draft: Facts) -> None:
    assert draft.heading == "The Facts"
    assert [part.title for part in draft.parts] == [
        "Key information prior to August 2010",
        "The first key episode: August to October 2010",
        "Between the first and second key episodes: May 2011",
        "The second key episode: January 2012",
        "The third key episode: May to June 2012",
        "Entries without a date",
        "Summary",
    ]
    (intro,) = draft.intro
    assert intro.text.startswith(
        "This section draws on the integrated chronology for the Domestic Homicide Review – "
        "Adult Z, which brings together the chronologies of five agencies:"
    )
    assert "They hold 18 entries, describing 15 separate events between 10 March 2009" in intro.text


def test_paragraphs_open_with_the_date_at_its_real_precision(draft: Facts) -> None:
    assert "In August 2010, Kingsmere Children's Social Care recorded: Referral logged." in [
        p.text for p in draft.paragraphs
    ]
    assert paragraph_with(draft, "Child concern notification").startswith(
        "In mid-January 2012, Kingsmere Children's Social Care recorded:"
    )
    assert paragraph_with(draft, "Assault reported by 999").startswith(
        "On 14 January 2012, Kingsmere Police recorded:"
    )
    assert paragraph_with(draft, "requesting a strategy").startswith(
        "On a date recorded as “31/04/2012”, Kingsmere Children's Social Care recorded:"
    )


def test_same_day_entries_of_one_agency_are_one_paragraph_with_their_times(draft: Facts) -> None:
    text = paragraph_with(draft, "Second DASH reviewed")
    assert text.startswith("On 9 August 2010, Kingsmere Police recorded:\n")
    assert "\nAt 15:12: Assault reported" in text
    assert "\nAt 16:40: Second DASH reviewed by Public Protection Unit (PPU)." in text
    assert "\nAt 19:35: Officers spoke" in text


def test_a_multi_agency_meeting_is_told_once_naming_every_agency(
    draft: Facts, markdown: str
) -> None:
    text = paragraph_with(draft, "Manager attended")
    assert text.startswith(
        "On 14 June 2012, Kingsmere Children's Centre Nursery, Kingsmere Children's Social Care "
        "and Kingsmere Health Visiting each recorded this initial child protection conference."
    )
    for agency in (NURSERY, CSC, HV):
        assert f"\n{agency} recorded: " in text
    assert markdown.count("Manager attended the initial child protection conference") == 1


def test_abbreviations_are_expanded_on_first_use_only(draft: Facts) -> None:
    first = paragraph_with(draft, "Second DASH")
    assert (
        "Domestic Abuse, Stalking and Honour Based Violence risk checklist (DASH) completed"
        in first
    )
    assert "Second DASH reviewed by Public Protection Unit (PPU)." in first
    # written out by the agency already: left as it is
    assert "Rang duty social worker (EDT)." in first
    # the same letters in a GP's record are not a team manager
    assert "R TM red" in paragraph_with(draft, "Depression review")
    assert "Case closed by team manager (TM)." in paragraph_with(draft, "Case closed")
    later = paragraph_with(draft, "Child concern notification")
    assert "DASH attached" in later
    assert "Stalking" not in later


def test_agency_text_is_never_dropped_or_shortened(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(facts_module, "terms", lambda _review: {})  # text must appear verbatim
    draft = build(chronology())
    told = "\n".join(p.text for p in draft.paragraphs)
    for made in sources():
        assert made.text in told
        if made.action:
            assert f"Outcome: {made.action}" in told
    assert LONG in told


def test_markdown_shows_agency_text_literally(markdown: str) -> None:
    assert r"Officers spoke to the \*insufficient evidence\* team." in markdown
    assert "\n## The first key episode: August to October 2010\n" in markdown
    assert markdown.startswith("# The Facts\n")


def test_the_summary_lists_agencies_with_counts_and_first_and_last_contacts(draft: Facts) -> None:
    summary = draft.parts[-1]
    lead = summary.paragraphs[0]
    assert lead.text == (
        "During the whole period, from 10 March 2009 to 14 June 2012, there were recorded "
        "contacts with five agencies:"
    )
    assert "Kingsmere Police: 5 recorded contacts, from 9 August 2010 to 1 May 2012." in lead.items
    assert "Kingsmere Health Visiting: 1 recorded contact, on 14 June 2012." in lead.items
    assert summary.paragraphs[1].text.startswith(
        "The integrated chronology shows three key episodes: August to October 2010, "
        "January 2012 and May to June 2012."
    )


def test_a_user_template_replaces_the_packaged_one(tmp_path: Path, draft: Facts) -> None:
    mine = tmp_path / "mine.md.j2"
    mine.write_text(
        "{{ facts.heading }} for {{ facts.review_title }}\n"
        "{% for part in facts.parts %}"
        "* {{ part.title }}: {{ part.paragraphs | length }}\n"
        "{% endfor %}",
        encoding="utf-8",
    )
    text = facts_md.render(draft, mine)
    assert text.startswith("The Facts for Domestic Homicide Review – Adult Z\n")
    assert "* The first key episode: August to October 2010: " in text
    broken = tmp_path / "broken.md.j2"
    broken.write_text("fine\n{% for part in facts.parts %}\n", encoding="utf-8")
    with pytest.raises(facts_md.TemplateError, match=r"broken\.md\.j2 line \d"):
        facts_md.render(draft, broken)


def _word(draft: Facts, **options: object) -> docx.document.Document:
    markdown = facts_md.render(draft)
    data = facts_docx.document_bytes(markdown, "The Facts", **options)  # type: ignore[arg-type]
    return docx.Document(io.BytesIO(data))


def _numbers(document: docx.document.Document) -> list[tuple[str, str]]:
    """Each paragraph Word numbers: the list's start and the paragraph's text."""
    numbering = document.part.numbering_part.element
    starts = {}
    for num in numbering.findall(qn("w:num")):
        abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
        found = numbering.xpath(f'w:abstractNum[@w:abstractNumId="{abstract}"]//w:start/@w:val')
        starts[num.get(qn("w:numId"))] = found[0] if found else "1"
    numbered = []
    for para in document.paragraphs:
        ids = para._p.xpath("w:pPr/w:numPr/w:numId/@w:val")
        if ids:
            numbered.append((starts[ids[0]], para.text))
    return numbered


def test_the_word_draft_has_real_headings_and_word_numbering(draft: Facts) -> None:
    document = _word(draft)
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]
    assert headings == [("Heading 1", "The Facts")] + [("Heading 2", p.title) for p in draft.parts]
    numbered = _numbers(document)
    assert len(numbered) == len(draft.paragraphs)
    assert {start for start, _ in numbered} == {"60"}  # one list, from first_paragraph
    assert numbered[0][1].startswith("This section draws on")  # no typed number
    assert not any(re.match(r"\d+\.\t", text) for _, text in numbered)
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert bullets == draft.parts[-1].paragraphs[0].items
    assert document.core_properties.revision == 1
    again = facts_docx.document_bytes(facts_md.render(build(chronology())), "The Facts")
    assert again == facts_docx.document_bytes(facts_md.render(draft), "The Facts")


def test_the_word_draft_is_a4_british_with_the_timeline_landscape(draft: Facts) -> None:
    document = _word(draft, timeline_png=_PNG)
    first, timeline, rest = document.sections
    assert (first.page_width.mm, first.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    assert timeline.orientation == WD_ORIENT.LANDSCAPE
    assert timeline.page_width > timeline.page_height
    assert (rest.page_width.mm, rest.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    languages = document.styles.element.xpath("w:docDefaults//w:lang/@w:val")
    assert languages == ["en-GB"]


def test_the_word_draft_takes_a_reference_documents_styles(tmp_path: Path, draft: Facts) -> None:
    reference = docx.Document()
    reference.styles["Heading 2"].font.size = Pt(21)
    reference.add_paragraph("Text of the reference document, not to be copied.")
    reference.sections[0].left_margin = Cm(4)
    reference.save(str(tmp_path / "house.docx"))
    document = _word(draft, reference=tmp_path / "house.docx")
    assert document.styles["Heading 2"].font.size == Pt(21)
    assert document.sections[-1].left_margin.cm == pytest.approx(4, abs=0.01)
    assert not any("reference document" in p.text for p in document.paragraphs)
    assert _numbers(document)[0][0] == "60"
    (tmp_path / "not.docx").write_bytes(b"a Word 97 .doc, renamed")
    with pytest.raises(facts_docx.ReferenceDocxError, match=r"not\.docx: not a Word document"):
        _word(draft, reference=tmp_path / "not.docx")


def test_a_template_shapes_the_word_draft_too(tmp_path: Path) -> None:
    made = chronology()
    mine = tmp_path / "mine.md.j2"
    mine.write_text(
        "# Chronology of {{ facts.review_title | md }}\n\n"
        "{% for p in facts.paragraphs[:2] %}{{ numbered(p) }}\n\n{% endfor %}"
        "*Edited by the panel*\n\n- a \\*starred\\* point\n",
        encoding="utf-8",
    )
    facts_md.write(made, tmp_path, mine)
    facts_docx.write(made, tmp_path, mine)
    document = docx.Document(str(tmp_path / "facts.docx"))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "Chronology of Domestic Homicide Review – Adult Z"
    assert len(_numbers(document)) == 2
    at = texts.index("Edited by the panel")
    assert texts[at + 1] == "a *starred* point"
    italic = next(p for p in document.paragraphs if p.text == "Edited by the panel")
    assert italic.runs[0].italic


def test_writers_write_private_files(tmp_path: Path) -> None:
    made = chronology()
    written = facts_md.write(made, tmp_path) + facts_docx.write(made, tmp_path)
    assert [p.name for p in written] == ["facts.md", "facts.docx"]
    assert all((p.stat().st_mode & 0o777) == 0o600 for p in written)


def test_the_facts_command_rerenders_from_a_saved_chronology(tmp_path: Path) -> None:
    made = chronology()
    merged = tmp_path / "merged"
    json_writer.write(made, merged)
    facts_md.write(made, merged)
    facts_docx.write(made, merged)
    result = runner.invoke(
        app, ["facts", str(merged / "chronology.json"), "--out", str(tmp_path / "again")]
    )
    assert result.exit_code == 0, result.output
    for name in ("facts.md", "facts.docx"):
        assert (tmp_path / "again" / name).read_bytes() == (merged / name).read_bytes()
    mine = tmp_path / "mine.md.j2"
    mine.write_text("{{ facts.paragraphs | length }} paragraphs\n", encoding="utf-8")
    result = runner.invoke(app, ["facts", str(merged / "chronology.json"), "-t", str(mine)])
    assert result.exit_code == 0, result.output
    assert (merged / "facts.md").read_text(
        encoding="utf-8"
    ) == f"{len(build(made).paragraphs)} paragraphs\n"
    missing = runner.invoke(app, ["facts", str(tmp_path / "nope.json")])
    assert missing.exit_code == 2
    assert "file not found" in missing.output


def test_a_chronology_saved_without_episodes_still_renders(tmp_path: Path) -> None:
    """The facts command finds the episodes of a chronology saved before they existed."""
    from chronology.cli import app

    made = Chronology(events=merge(sources()))
    json_writer.write(made, tmp_path)
    result = CliRunner().invoke(app, ["facts", str(tmp_path / "chronology.json")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "facts.md").read_text(encoding="utf-8")
    assert "The first key episode: August to October 2010" in text
    assert "\n1. " in text  # numbered from 1


# ---------------------------------------------------------------- the samples (golden)
GOLDEN = SAMPLES / "expected" / "facts.md"


@pytest.mark.skipif(not (SAMPLES / "review.toml").exists(), reason="samples not built yet")
def test_the_samples_facts_draft_matches_the_golden_file() -> None:
    """Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_facts.py``."""
    from chronology import pipeline
    from chronology.review.read import load_review

    review = load_review(SAMPLES / "review.toml")
    loaded = pipeline.load_all(sorted((SAMPLES / "imrs").iterdir()), pipeline.spec_from(review))
    text = facts_md.render(build(pipeline.integrate(loaded, review)))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(text, encoding="utf-8")
    assert GOLDEN.exists(), "no golden file yet: run with UPDATE_GOLDEN=1"
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_the_review_files_glossary_adds_and_withdraws_abbreviations() -> None:
    glossary = {
        "PPU": "",  # the review's readers know it: leave it as written
        "S47": "a child protection enquiry under section 47",
        "SW": {"expansion": "social worker", "agencies": ["childrens_social_care"]},
    }
    made = build(chronology({**SETTINGS, "glossary": glossary}))
    assert "Second DASH reviewed by PPU." in paragraph_with(made, "Second DASH")
    first = paragraph_with(made, "enquiry agreed")
    assert "a child protection enquiry under section 47 (S47) enquiry agreed" in first
    assert "recorded: S47 visit" in paragraph_with(made, "visit: children seen")  # once only
    assert "Social worker (SW) emailed" in paragraph_with(made, "emailed")


def test_the_glossary_travels_in_the_saved_chronology(tmp_path: Path) -> None:
    made = chronology({**SETTINGS, "glossary": {"PPU": ""}})
    json_writer.write(made, tmp_path)
    again = build(read_chronology(tmp_path / "chronology.json"))
    assert "Second DASH reviewed by PPU." in paragraph_with(again, "Second DASH")


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("S47 = 47", "[glossary] 'S47' is not a full form"),
        ('S47 = { full = "x" }', "[glossary] 'S47' is not a full form"),
        ('S47 = { expansion = "x", agencies = ["fire"] }', "unknown agency type 'fire'"),
    ],
)
def test_a_bad_glossary_entry_is_a_located_error(tmp_path: Path, entry: str, message: str) -> None:
    review = tmp_path / "review.toml"
    review.write_text(f'[review]\ntitle = "T"\n\n[glossary]\n{entry}\n', encoding="utf-8")
    result = runner.invoke(app, ["merge", str(SAMPLES / "imrs" / "*.csv"), "-r", str(review)])
    assert result.exit_code == 2
    assert message in result.output
    assert "review.toml line 5" in result.output


@pytest.mark.parametrize("style", [None, "Normal", "List Bullet", "Heading 1", "Caption"])
@pytest.mark.parametrize("text", ["", "Home visit", "  padded\\tand\\ttabbed ", "line\\nbreak"])
def test_paragraphs_added_directly_are_those_python_docx_adds(style: str | None, text: str) -> None:
    """facts.docx adds its paragraphs without python-docx's per-paragraph searches (which
    made a long draft take minutes): the document must be the same."""
    from docx import Document

    from chronology.render.facts_docx import _Body

    theirs, ours = Document(), Document()
    for _ in range(2):
        theirs.add_paragraph(text, style=style)
        _Body(ours).paragraph(text, style=style)
    assert ours.element.body.xml == theirs.element.body.xml


def test_numbered_paragraphs_keep_their_lines_and_blocks() -> None:
    from chronology.render.facts_docx import _Body

    document = docx.Document()
    body = _Body(document)
    body.numbered(60, [["Police attended.", "  padded  "], ["tab\tinside"], ["£450 – “final”"]])
    body.numbered(61, [["Second."]])
    first, second = document.paragraphs
    assert first.text == "Police attended.\n  padded  \n\ntab\tinside\n\n£450 – “final”"
    assert second.text == "Second."
    assert first._p.pPr.xml == second._p.pPr.xml  # one layout, one list


@pytest.mark.parametrize(
    ("before", "after", "sentence"),
    [
        ("Aug 2010", "May 2011", "between August 2010 and May 2011."),
        ("Oct 2010", "Dec 2010", "between October and December 2010."),
        ("1990s", "c. 2002", "between 1999 and c. 2002."),  # from a range's end…
        ("2003 or 2004", "2019/20", "between 2004 and April 2019."),  # …to the next one's start
        ("Second half of 2006", "Q3 2011", "between the second half of 2006 and Q3 2011."),
    ],
)
def test_a_quiet_period_is_told_between_the_ends_of_its_neighbours(
    before: str, after: str, sentence: str
) -> None:
    from chronology.dates.span import parse_date
    from chronology.facts.text import quiet_sentence

    told = quiet_sentence(parse_date(before), parse_date(after))
    assert told == f"There were no recorded agency contacts {sentence}"
