"""The one Jinja environment the HTML report and the timeline SVG are rendered with:
autoescaping on (all agency text is escaped), undefined names an error, the packaged
templates (``templates/``) as the source."""

from __future__ import annotations

import functools
from importlib.resources import files
from typing import Any

import jinja2

FLAG_LABELS = {
    "multi_agency": "Several agencies",
    "date_conflict": "Date conflict",
    "time_conflict": "Time conflict",
    "duplicate_rows": "Duplicate rows",
    "undated": "Date not known",
    "out_of_scope": "Out of scope",
}


def flag_label(flag: str) -> str:
    return FLAG_LABELS.get(flag, flag.replace("_", " ").capitalize())


@functools.cache
def environment() -> jinja2.Environment:
    loader = jinja2.FunctionLoader(template_source)
    env = jinja2.Environment(
        loader=loader, autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )
    env.policies["json.dumps_kwargs"] = {
        "sort_keys": True,
        "separators": (",", ":"),
        "ensure_ascii": False,  # names stay visible to the leak check
    }
    env.filters["flag_label"] = flag_label
    return env


def template_source(name: str) -> str:
    return files("chronology.templates").joinpath(name).read_text(encoding="utf-8")


def render_template(name: str, **context: Any) -> str:
    return environment().get_template(name).render(**context)
