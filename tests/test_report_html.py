"""The offline HTML report and the timeline images, without a browser (see test_report_browser)."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import defusedxml.minidom
import pytest
from typer.testing import CliRunner

from chronology import render
from chronology.cli import app
from chronology.merge.groups import merge
from chronology.model.codec import dumps
from chronology.model.schema import Chronology
from chronology.render import html, html_findings, timeline
from chronology.render.colours import agency_colours
from tests.conftest import source

POLICE = "Northbridge Police"
CSC = "Northbridge Children's Social Care"
GP = "Northbridge GP"
PLANTED = "<script>window.pwned = 1</script>"


def sample_chronology() -> Chronology:
    events = merge(
        [
            source(
                POLICE, "09/08/2010", "Domestic incident at the family home; DASH high risk.", row=3
            ),
            source(CSC, "Aug 2010", f"Referral from police {PLANTED} about the children", row=4),
            source(GP, "10/08/2010", "Seen with bruising to her arm.", row=5),
            source(POLICE, "01/05/2012", "Strategy discussion held with CSC.", row=9),
            source(CSC, "23/05/2012", "Strategy discussion held with police.", row=12),
            source(CSC, "14/06/2012", "Initial child protection conference held.", row=20),
            source(GP, "14/06/2012", "Attended the initial child protection conference.", row=8),
            source(
                POLICE, "2003", "Perpetrator arrested for assault on a previous partner.", row=2
            ),
            source(GP, "", "Undated note on the file.", row=30),
        ]
    )
    for event in events:
        if event.date.start and event.date.start.year == 2003:
            event.flags.append("out_of_scope")
        if event.date.start and event.date.start.year == 2010:
            event.episode = "ep1"
    events[1].sources[0].subject = "Child 1; </script><script>window.pwned = 2</script>"
    return Chronology(
        events=events,
        meta={"title": "DHR <b>Adult A</b>", "period": {"start": "2008-04-01", "end": "2012-08-07"}},  # noqa: E501
        episodes=[
            {"id": "ep1", "title": "The first key episode: August 2010", "kind": "key",
             "start": "2010-08-01",
             "end": "2010-08-31", "events": [e.id for e in events if e.episode == "ep1"]},
        ],
    )  # fmt: skip


@pytest.fixture(scope="module")
def chronology() -> Chronology:
    return sample_chronology()


@pytest.fixture(scope="module")
def page(chronology: Chronology) -> str:
    return html.render(chronology)


def by_text(chronology: Chronology, words: str) -> str:
    return next(e.id for e in chronology.events if words in e.text)


def test_agency_text_is_escaped_everywhere(page: str) -> None:
    assert PLANTED not in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "DHR &lt;b&gt;Adult A&lt;/b&gt;" in page
    # the filter data escapes < > & so nothing in it can close its script element
    data = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)
    assert data is not None
    assert "<" not in data.group(1)
    assert "\\u003cscript\\u003ewindow.pwned = 2" in data.group(1)
    assert page.count("<script") == 2  # the data block and the report's own script


def test_no_external_urls(page: str) -> None:
    urls = set(re.findall(r"[a-z]+://[^\s\"'<>)]*", page, re.IGNORECASE))
    assert urls <= {"http://www.w3.org/2000/svg"}  # a namespace name in the script, not a fetch
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!#)""", page)
    assert "@import" not in page
    assert "url(" not in page.replace("url(#scope-hatch)", "").replace("url(#plot-clip)", "")


def test_content_security_policy_allows_only_the_reports_script(page: str) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    assert "default-src 'none'" in policy.group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy.group(1)


def test_header_has_title_period_agencies_in_the_excel_colours(page: str) -> None:
    assert "1 April 2008 to 7 August 2012" in page
    for agency, fill in agency_colours([POLICE, CSC, GP]).items():
        escaped = agency.replace("'", "&#39;")
        assert re.search(rf"background:{fill};[^>]*></span>{re.escape(escaped)}<", page)


def test_filter_data_matches_the_table(chronology: Chronology, page: str) -> None:
    data = json.loads(
        re.search(r'id="report-data">(.*?)</script>', page, re.S).group(1)  # type: ignore[union-attr]
    )
    assert [row["id"] for row in data["events"]] == [e.id for e in chronology.events]
    assert data["agencies"] == sorted([CSC, GP, POLICE])
    assert page.count('<div class="ev') == len(chronology.events)
    conflict = by_text(chronology, "Strategy discussion")
    row = next(r for r in data["events"] if r["id"] == conflict)
    assert [data["flags"][i] for i in row["f"]] == ["multi_agency", "date_conflict"]
    assert "Child 1" in data["subjects"]


def test_rows_expand_to_each_account_with_provenance(chronology: Chronology, page: str) -> None:
    conflict = by_text(chronology, "Strategy discussion")
    accounts = page.split(f'id="{conflict}-accounts"')[1].split('<div class="ev', 1)[0]
    assert "Strategy discussion held with CSC." in accounts
    assert "Strategy discussion held with police." in accounts
    assert "01/05/2012" in accounts
    assert "23/05/2012" in accounts
    provenance = (
        'Source: <span class="file">Northbridge Police.xlsx</span>, sheet '
        '<span class="sheet">Sheet1</span>, row <span class="row-number">9</span>'
    )
    assert provenance in accounts


def test_timeline_geometry(chronology: Chronology) -> None:
    layout = timeline.layout(chronology)
    assert [lane.agency for lane in layout.lanes] == sorted([CSC, GP, POLICE])
    referral = by_text(chronology, "Referral")
    (bar,) = [m for m in layout.marks if m.event == referral]
    assert not bar.point
    assert bar.d1 - bar.d0 == 31  # August 2010, every day of it
    conflict = by_text(chronology, "Strategy discussion")
    marks = [m for m in layout.marks if m.event == conflict]
    assert len(marks) == 2
    assert all(m.conflict and m.point for m in marks)
    assert marks[0].d0 != marks[1].d0  # each agency's own date
    assert [link.conflict for link in layout.links if link.event == conflict] == [True]
    conference = by_text(chronology, "child protection conference")
    police = next(m for m in marks if m.agency == POLICE)  # 1 May 2012; the conference 14 June
    assert [m.d0 for m in layout.marks if m.event == conference] == [police.d0 + 44] * 2
    assert layout.undated == 1
    assert [b.title for b in layout.episodes] == ["The first key episode: August 2010"]
    assert len(layout.out_of_scope) == 2  # before and after the review period
    assert layout.period is not None


def test_ticks_stay_few_at_every_zoom(chronology: Chronology) -> None:
    origin = timeline.layout(chronology).origin
    for days in (5, 40, 200, 800, 3650, 20000):
        found = timeline.ticks(origin, 0, days)
        assert 1 <= len(found) <= 13, days


def test_svg_is_valid_xml_with_a_lane_per_agency(chronology: Chronology) -> None:
    svg = timeline.svg_text(chronology)
    document = defusedxml.minidom.parseString(svg.encode())
    groups = [g for g in document.getElementsByTagName("g") if g.getAttribute("class") == "lane"]
    assert [g.getAttribute("data-agency") for g in groups] == sorted([CSC, GP, POLICE])
    assert "href" not in svg  # links only make sense inside the report


def test_png_is_deterministic_and_carries_no_metadata(chronology: Chronology) -> None:
    first = timeline.png_bytes(chronology)
    assert first.startswith(b"\x89PNG\r\n\x1a\n")
    assert first == timeline.png_bytes(sample_chronology())
    assert b"tEXt" not in first
    assert b"matplotlib" not in first.lower()


def test_report_is_deterministic(page: str) -> None:
    assert html.render(sample_chronology()) == page


def test_outputs_are_private_and_registered(tmp_path: Path, chronology: Chronology) -> None:
    assert render.FORMATS["html"] == "html"
    assert render.FORMATS["timeline"] == "timeline"
    written = render.writer("html")(chronology, tmp_path) + render.writer("timeline")(
        chronology, tmp_path
    )
    assert [p.name for p in written] == ["report.html", "timeline.svg", "timeline.png"]
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_empty_chronology_renders() -> None:
    page = html.render(Chronology(events=[]))
    assert "The chronology has no events." in page
    assert timeline.png_bytes(Chronology(events=[])).startswith(b"\x89PNG")


# the shapes chronology.analysis writes: records with a kind, events, sources and a detail
FINDINGS: dict[str, list[dict[str, object]]] = {
    "discrepancies": [
        {
            "kind": "date_conflict",
            "events": ["E0004"],
            "agencies": [CSC, POLICE],
            "accounts": [{"agency": POLICE, "date": "1 May 2012", "sources": ["p.xlsx:S:9"]}],
            "days": 22,
            "working_days": 15,
            "detail": "Police dated this 1 May 2012 and CSC 23 May 2012: 22 days apart.",
        }
    ],
    "lag": [
        {
            "kind": "recording_lag",
            "agency": GP,
            "count": 3,
            "median_days": 2.0,
            "max_days": 40,
            "over_threshold": 1,
            "events": ["E0002"],
            "detail": "GP: 3 entries, median lag 2 days, longest 40 days.",
            "entries": [
                {"kind": "late_recording", "events": ["E0002"], "agency": GP, "days": 40,
                 "date": "2010-08-10", "recorded_on": "2010-09-19", "detail": "Recorded late."},
            ],
        }
    ],
    "timescales": [
        {
            "kind": "timescale",
            "title": "Strategy discussion to ICPC <late>",
            "status": "missed",
            "start": {"event": "E0004", "date": "1 May 2012"},
            "end": {"event": "E0006", "date": "14 June 2012"},
            "working_days": 29,
            "limit": 15,
            "unit": "working_days",
            "events": ["E0004", "E0006"],
            "detail": "The ICPC came 29 working days after.",
        }
    ],
    "indicators": [
        {
            "kind": "indicator",
            "indicator": "weapon",
            "label": "Weapon (knife, gun)",
            "agencies": [POLICE],
            "first": {POLICE: {"agency": POLICE, "event": "E0003", "date": "9 August 2010"}},
            "single_agency": True,
            "events": ["E0003"],
            "hits": [{"agency": POLICE, "event": "E0003", "excerpt": "had a knife"}],
            "detail": "Only the police recorded a weapon.",
        }
    ],
}  # fmt: skip


def test_findings_sections_render_when_present(chronology: Chronology) -> None:
    enriched = sample_chronology()
    enriched.discrepancies = FINDINGS["discrepancies"]
    enriched.analysis = {k: FINDINGS[k] for k in ("lag", "timescales", "indicators")}
    page = html.render(enriched)
    for key, title in html_findings.SECTIONS:
        assert f'id="findings-{key}"' in page
        assert title.replace("'", "&#39;") in page
    assert "Police dated this 1 May 2012 and CSC 23 May 2012: 22 days apart." in page
    assert '<a href="#E0004" class="event-link">E0004</a>' in page
    assert "Strategy discussion to ICPC &lt;late&gt;" in page
    assert '<td class="marked">missed</td>' in page
    assert "Entries recorded late" in page
    assert "When each agency first recorded each indicator" in page
    assert "Weapon (knife, gun) (one agency only)" in page
    assert '9 August 2010 <a href="#E0003"' in page
    assert "had a knife" not in page  # every hit stays in chronology.json
    assert "findings-" not in html.render(chronology).split("<main>")[1]


def test_findings_tolerate_odd_shapes() -> None:
    assert html_findings.tables_for([], "x")[0].rows == []
    assert html_findings.tables_for("text", "x")[0].rows[0][0].text == "text"
    (table,) = html_findings.tables_for({"a": {"b": 1}, "c": {"d": None}}, "")
    assert table.columns == ["", "B", "D"]
    assert html_findings.cell(["E0001", "E0002"]).events == ["E0001", "E0002"]


runner = CliRunner()


def test_report_command_rerenders_from_json(tmp_path: Path, chronology: Chronology) -> None:
    saved = tmp_path / "chronology.json"
    saved.write_text(dumps(chronology), encoding="utf-8")
    result = runner.invoke(app, ["report", str(saved), "--out", str(tmp_path / "r"), "-q"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == [
        "report.html", "timeline.png", "timeline.svg",
    ]  # fmt: skip
    assert (tmp_path / "r" / "report.html").read_text(encoding="utf-8") == html.render(chronology)


def test_report_command_anonymises(tmp_path: Path, chronology: Chronology) -> None:
    named = sample_chronology()
    named.events[0].sources[0].text = "Jade WALSH arrested Lee PARKER"
    saved = tmp_path / "chronology.json"
    saved.write_text(dumps(named), encoding="utf-8")
    review = tmp_path / "review.toml"
    review.write_text(
        '[pseudonyms]\n"Jade WALSH" = "the victim"\n"Lee PARKER" = "the perpetrator"\n'
        '"Jade" = "the victim"\n"WALSH" = "the victim"\n"Lee" = "the perpetrator"\n'
        '"PARKER" = "the perpetrator"\n',
        encoding="utf-8",
    )
    args = [
        "report",
        str(saved),
        "--out",
        str(tmp_path / "a"),
        "--anonymise",
        "--review",
        str(review),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    page = (tmp_path / "a" / "report.html").read_text(encoding="utf-8")
    assert "WALSH" not in page
    assert "PARKER" not in page
    assert "The victim arrested the perpetrator" in page


def test_outside_a_shared_block_a_changed_chronology_is_drawn_afresh() -> None:
    chronology = sample_chronology()
    before = timeline.svg_text(chronology)
    chronology.events = chronology.events[:1]
    assert timeline.svg_text(chronology) != before


def test_the_word_draft_embeds_the_picture_the_timeline_drew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written in one run, the picture is drawn once, and both files hold the same one."""
    import zipfile

    from chronology.render import timeline_png

    chronology = sample_chronology()
    drawn: list[int] = []
    real = timeline_png.draw
    monkeypatch.setattr(timeline_png, "draw", lambda t: (drawn.append(1), real(t))[1])
    render.write_all(chronology, chronology, tmp_path, ["docx", "timeline"])
    assert len(drawn) == 1
    with zipfile.ZipFile(tmp_path / "facts.docx") as docx:
        media = [n for n in docx.namelist() if n.startswith("word/media/")]
        assert [docx.read(n) for n in media] == [(tmp_path / "timeline.png").read_bytes()]
    render.write_all(chronology, chronology, tmp_path / "alone", ["docx"])
    assert len(drawn) == 2  # without the timeline, the draft draws its own
