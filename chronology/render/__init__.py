"""Output formats. Each module has ``write(chronology, out_dir) -> list[Path]``.

``chronology.json`` is always written; the rest are chosen with ``--formats``.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from chronology.schema import Chronology

Writer = Callable[[Chronology, Path], list[Path]]

# format name → module under chronology.render (imported lazily: keeps --help fast)
FORMATS: dict[str, str] = {
    "json": "json",
    "csv": "csv",
    "xlsx": "xlsx",
}
ALWAYS = ("json",)


def writer(name: str) -> Writer:
    module = import_module(f"chronology.render.{FORMATS[name]}")
    write: Writer = module.write
    return write
