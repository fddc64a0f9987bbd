"""The leak check's quick screen never hides a name the full search would find."""

from __future__ import annotations

import html
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from chronology.privacy import leaks
from chronology.privacy.pseudonyms import Glossary

GLOSSARY = Glossary({"Kayleigh Dunmore": "the victim", "Mason Dunmore": "Child 2"})
PARTS = GLOSSARY.name_parts()
_ALPHABET = st.sampled_from(
    [
        *"kaylehgiusdnmorKAYLEIGH -'\n&;#",
        "\u0130",
        "\u0131",
        "\u017f",
        "\u212a",
        "é",
        "&amp;",
        "&#75;",
        "&#x6b;",
        "&#",
        "\u2019",
    ]  # fmt: skip  (letters of the names, folds, references that spell letters)
)


@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_the_screen_lets_through_every_text_the_full_search_flags(text: str) -> None:
    pattern = leaks._pattern(PARTS)
    assert pattern is not None
    if pattern.search(html.unescape(text)):  # as the full search sees the text
        assert leaks._may_hold(text.encode(), PARTS)


def test_a_name_spelled_with_character_references_is_found(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("<p>Seen by &#75;ayleigh &amp; &#x4D;ason.</p>\n", encoding="utf-8")
    found, _unscanned = leaks.scan([out], GLOSSARY)
    assert [leak.name for leak in found] == ["Kayleigh", "Mason"]


def test_a_name_spelled_with_a_kelvin_sign_is_still_found(tmp_path: Path) -> None:
    out = tmp_path / "facts.md"
    out.write_text("Seen by \u212aAYLEIGH at home.\n", encoding="utf-8")
    found, _unscanned = leaks.scan([out], GLOSSARY)
    assert [leak.name for leak in found] == ["KAYLEIGH"]  # reported as normalised (NFKC)


def test_a_large_file_without_names_is_passed_and_one_name_in_it_is_found(
    tmp_path: Path,
) -> None:
    out = tmp_path / "chronology.json"
    lines = [f'  "text": "Home visit number {n}, all well."' for n in range(20_000)]
    out.write_text("\n".join(lines), encoding="utf-8")
    assert leaks.scan([out], GLOSSARY) == ([], [])
    lines[12_345] = '  "text": "Home visit: mason&#39;s bike in the hall."'
    out.write_text("\n".join(lines), encoding="utf-8")
    (leak,), _ = leaks.scan([out], GLOSSARY)
    assert (leak.location, leak.name) == ("line 12346", "mason")
    assert re.search("bike", leak.context)


def test_a_failed_leak_check_leaves_the_previous_clean_outputs_in_place(tmp_path: Path) -> None:
    """The check runs on the staged files: nothing leaky replaces anything, nothing is left."""
    from typer.testing import CliRunner

    from chronology.cli import app

    samples = Path(__file__).resolve().parents[1] / "samples"
    inputs = [str(p) for p in sorted((samples / "imrs").iterdir())]
    out = tmp_path / "out"
    clean = CliRunner().invoke(
        app, ["merge", *inputs, "-r", str(samples / "review.toml"), "-o", str(out), "--anonymise"]
    )
    assert clean.exit_code == 0, clean.output
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    leaky = tmp_path / "review.toml"  # a "name" that the file names in provenance keep
    text = (samples / "review.toml").read_text(encoding="utf-8")
    leaky.write_text(text.replace("[pseudonyms]", '[pseudonyms]\n"Kingsmere" = "the town"'))
    result = CliRunner().invoke(
        app, ["merge", *inputs, "-r", str(leaky), "-o", str(out), "--anonymise"]
    )
    assert result.exit_code == 2, result.output
    assert "real-name leak" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
