"""One light fill per agency, shared by the Excel and HTML outputs.

Every fill carries near-black text at well over the WCAG AA contrast ratio (4.5:1);
``tests/test_colours.py`` checks the ratio for each.
"""

from __future__ import annotations

from collections.abc import Sequence

TEXT = "#1A1A1A"
MULTI_AGENCY = "#E6E6E6"
PALETTE = (
    "#DCEBFA", "#FCE3D0", "#DDF2DC", "#F8DDE8", "#EEE4F7", "#FFF3C4", "#D6F0F0", "#F2E6D9",
    "#E3EBD2", "#FADADD", "#D9E2F3", "#FFE8B3", "#E0F0E8", "#EBD9EF", "#F5EEDC", "#DDE8EE",
)  # fmt: skip


def agency_colours(agencies: Sequence[str]) -> dict[str, str]:
    """Sorted agency names to fills; the palette repeats only beyond 16 agencies."""
    return {agency: PALETTE[i % len(PALETTE)] for i, agency in enumerate(sorted(agencies))}


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
