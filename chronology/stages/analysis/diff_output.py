"""The chronology diff as a rich table, Markdown, csv or json.

Word diffs: the table shows removed words struck through in red and added words in green;
Markdown uses ``~~removed~~`` and ``**added**``; csv uses ``[-removed-]`` and ``{+added+}``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from chronology.privacy.safety import inert
from chronology.stages.analysis.common import Finding

FORMATS = ("table", "md", "csv", "json")
CSV_COLUMNS = ("Status", "Changes", "Agency", "Old ref", "New ref", "Old date", "New date",
               "Date change (days)", "Text", "Action")  # fmt: skip


def _marked(ops: Sequence[Sequence[str]], removed: tuple[str, str], added: tuple[str, str]) -> str:
    """Removed and added words between markers, white space kept outside them."""
    pieces = []
    for op, words in ops:
        marks = {"-": removed, "+": added}.get(op)
        if marks is None:
            pieces.append(words)
            continue
        core = words.strip()
        lead = words[: len(words) - len(words.lstrip())]
        pieces.append(f"{lead}{marks[0]}{core}{marks[1]}" if core else words)
    return "".join(pieces)


def _text_of(entry: Finding, field: str, marks: tuple[tuple[str, str], tuple[str, str]]) -> str:
    ops = entry.get(f"{field}_diff") or []
    if ops:
        return _marked(ops, *marks)
    side = entry["new"] or entry["old"]
    return str(side.get(field, ""))


def _date(side: Finding | None) -> str:
    return str(side["date_text"] or side["date"]) if side else ""


def _headline(diff: Finding) -> str:
    c = diff["counts"]
    return (
        f"{diff['old']} → {diff['new']}: {c['added']} added, {c['removed']} removed, "
        f"{c['changed']} changed, {c['moved']} moved, {c['unchanged']} unchanged"
    )


def to_json(diff: Finding) -> str:
    return json.dumps(diff, ensure_ascii=False, indent=1) + "\n"


def to_csv(diff: Finding) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    marks = (("[-", "-]"), ("{+", "+}"))
    for e in diff["entries"]:
        old, new = e["old"], e["new"]
        writer.writerow([
            inert(str(value)) for value in (
                e["status"], " ".join(e["changes"]), e["agency"], old["ref"] if old else "",
                new["ref"] if new else "", _date(old), _date(new),
                "" if e["date_change_days"] is None else e["date_change_days"],
                _text_of(e, "text", marks), _text_of(e, "action", marks),
            )
        ])  # fmt: skip
    return buffer.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>")


def to_markdown(diff: Finding) -> str:
    lines = [f"# Changes: {_md_cell(diff['old'])} → {_md_cell(diff['new'])}", "",
             _md_cell(_headline(diff)), ""]  # fmt: skip
    if not diff["entries"]:
        return "\n".join([*lines, "No differences.", ""])
    lines += ["| Status | Agency | Row | Date | What changed |", "|---|---|---|---|---|"]
    marks = (("~~", "~~"), ("**", "**"))
    for e in diff["entries"]:
        side = e["new"] or e["old"]
        row = f"{e['old']['row']} → {e['new']['row']}" if e["old"] and e["new"] else side["row"]
        date = _date(e["old"]) if not e["new"] else _date(e["new"])
        if "date" in e["changes"]:
            date = f"~~{_date(e['old'])}~~ **{_date(e['new'])}**"
        what = [e["detail"]]
        if e["text_diff"]:
            what.append(_marked(e["text_diff"], *marks))
        elif e["status"] in ("added", "removed"):
            what.append(side["text"])
        cells = [e["status"], e["agency"], str(row), date, "<br>".join(what)]
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    return "\n".join([*lines, ""])


def _rich_diff(ops: Sequence[Sequence[str]]) -> Text:
    text = Text()
    for op, words in ops:
        core = words.lstrip()
        text.append(words[: len(words) - len(core)])
        text.append(core, style={"-": "red strike", "+": "green"}.get(op, ""))
    return text


def to_table(diff: Finding) -> Table:
    table = Table(title=_headline(diff), title_justify="left", show_lines=True)
    for heading in ("Status", "Agency", "Row", "Date", "What changed"):
        table.add_column(heading, overflow="fold")
    colours = {"added": "green", "removed": "red", "changed": "yellow", "moved": "cyan"}
    for e in diff["entries"]:
        side = e["new"] or e["old"]
        row = f"{e['old']['row']} → {e['new']['row']}" if e["old"] and e["new"] else side["row"]
        what = Text(e["detail"])
        if e["text_diff"]:
            what.append("\n")
            what.append_text(_rich_diff(e["text_diff"]))
        elif e["status"] in ("added", "removed"):
            what.append("\n" + side["text"])
        date = Text(_date(e["new"]) if e["new"] else _date(e["old"]))
        if "date" in e["changes"]:
            date = _rich_diff([["-", _date(e["old"])], ["+", " " + _date(e["new"])]])
        table.add_row(
            Text(e["status"], style=colours[e["status"]]), e["agency"], str(row), date, what
        )
    return table
