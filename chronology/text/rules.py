"""The packaged rules files (``chronology/rules/*.toml``), read once each."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def _text(name: str) -> str:
    return files("chronology.rules").joinpath(name).read_text(encoding="utf-8")


def load_rules(name: str) -> dict[str, Any]:
    """A packaged rules file, e.g. ``load_rules("kinds.toml")`` (a fresh copy each call)."""
    return tomllib.loads(_text(name))
