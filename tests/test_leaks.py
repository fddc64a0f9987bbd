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
