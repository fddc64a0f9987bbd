#!/usr/bin/env python3
"""Score ``chronology merge`` on the corpus reviews against their designed truth.

    python tests/corpus/score.py [--json] [--review SLUG ...] [--keep DIR]

For each review in tests/corpus/*/truth.json it runs ``chronology merge <imrs> --review
review.toml --out <tmp> --formats json`` and compares chronology.json with the truth. If the
tool aborts on a file, the error is shown and the merge is retried without the file it named
(its rows then count as lost), so one bad file does not hide the rest of the review.

Columns (one table, same for every review, then a total row):
  rows      truth data rows cited by some event's sources / truth rows
  junk      non-event rows (cover-sheet version tables) that became events
  text      share of the truth narrative's word tokens found in that row's source
            text, action, worker, subject and reference (not the raw ``fields`` dump)
  dates     rows whose source start/end equal the designed interval (or an accepted one)
  names     files whose agency name (meta.inputs) is the designed name or an alias
  types     agency types right, "n/a" while chronology.json does not expose a type
  dedupP/R  pairwise precision / recall of "same occurrence" over truth groups
  apart     must-stay-apart pairs folded into one event (violations)
  confl     designed date conflicts found / designed, +false flags
  episodes  designed key episodes matched by a key episode with IoU >= 0.6 / designed
  findings  expected findings that hold / expected
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORD = re.compile(r"[a-z0-9]+")
IOU_BAR = 0.6
# a source's own account of the row; its raw ``fields`` dump is not counted as kept text
ACCOUNT_FIELDS = ("text", "others", "action", "worker", "subject", "reference")


def tokens(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


def norm(name: str) -> str:
    return " ".join(tokens(name.replace("'", "")))


def _merge_args(files: list[Path], folder: Path, out: Path) -> list[str]:
    return [
        "merge",
        *map(str, files),
        "--review",
        str(folder / "review.toml"),
        "--out",
        str(out),
        "--formats",
        "json",
        "--quiet",
    ]


def _in_process(args: list[str]) -> tuple[int, str]:
    """The CLI's typer app run here: the libraries load once for every review."""
    from typer.testing import CliRunner

    from chronology.cli import app

    done = CliRunner().invoke(app, args)
    text = done.output
    if done.exception is not None and not isinstance(done.exception, SystemExit):
        text += f"\n{type(done.exception).__name__}: {done.exception}"
    return done.exit_code, text


def _subprocess(args: list[str]) -> tuple[int, str]:
    cmd = [sys.executable, "-m", "chronology", *args]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=300)
    return done.returncode, done.stderr + done.stdout


def run_merge(
    folder: Path, out: Path, *, in_process: bool = True
) -> tuple[dict | None, list[str], list[str]]:
    """chronology.json for the review (or None), the errors met, the files left out."""
    files = sorted((folder / "imrs").iterdir())
    errors: list[str] = []
    left_out: list[str] = []
    while files:
        code, message = (_in_process if in_process else _subprocess)(
            _merge_args(files, folder, out)
        )
        if code == 0:
            return json.loads((out / "chronology.json").read_text()), errors, left_out
        lines = [line for line in message.strip().splitlines() if line.strip()]
        errors.append(lines[-1][:300] if lines else f"exit {code}")
        named = [f for f in files if f.name in message]
        if not named:
            break
        left_out.append(named[0].name)
        files.remove(named[0])
    return None, errors, left_out


def _pairs(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset((a, b)) for g in groups for i, a in enumerate(g) for b in g[i + 1 :]}


def _union(groups: list[list[str]]) -> list[list[str]]:
    """Overlapping truth groups joined (one row in two groups joins them)."""
    merged: list[set[str]] = []
    for group in groups:
        joined = {*group}
        for other in [m for m in merged if m & joined]:
            joined |= other
            merged.remove(other)
        merged.append(joined)
    return [sorted(m) for m in merged]


def _days(start: str, end: str) -> tuple[int, int]:
    from datetime import date

    return date.fromisoformat(start).toordinal(), date.fromisoformat(end).toordinal()


def iou(a: tuple[str, str], b: tuple[str, str]) -> float:
    (a0, a1), (b0, b1) = _days(*a), _days(*b)
    inter = min(a1, b1) - max(a0, b0) + 1
    union = max(a1, b1) - min(a0, b0) + 1
    return max(inter, 0) / union


def score(truth: dict, chron: dict | None) -> dict:
    """Every measure for one review; counts kept so totals can pool them."""
    out: dict = {"review": truth["review"], "kind": truth["kind"]}
    rows = truth["rows"]
    events = chron["events"] if chron else []
    cited = {s["ref"]: (e, s) for e in events for s in e["sources"]}
    out["rows"] = (sum(r["key"] in cited for r in rows), len(rows))
    out["junk"] = sum(k in cited for k in truth["non_events"])
    found = total = 0
    dates_right = 0
    lost_text: list[str] = []
    wrong_dates: list[list[object]] = []
    for r in rows:
        want = tokens(r["text"])
        got: set[str] = set()
        source = cited.get(r["key"], (None, None))[1]
        if source:
            got = set(tokens(" ".join(str(source.get(f) or "") for f in ACCOUNT_FIELDS)))
            accepted = [[r["start"], r["end"]], *[[a[0], a[1]] for a in r["also"]]]
            right = [source.get("start"), source.get("end")] in accepted
            dates_right += right
            if not right:
                wrong_dates.append(
                    [
                        r["key"],
                        r["date_text"],
                        accepted[0],
                        [source.get("start"), source.get("end")],
                    ]
                )
        hit = sum(w in got for w in want)
        found, total = found + hit, total + len(want)
        if hit < len(want):
            lost_text.append(r["key"])
    out["text"] = (found, total)
    out["dates"] = (dates_right, len(rows))
    out["lost_text_rows"] = lost_text
    out["wrong_dates"] = wrong_dates
    inputs = {i["file"]: i for i in (chron["meta"]["inputs"] if chron else [])}
    names = types = 0
    typed = any("type" in i or "agency_type" in i for i in inputs.values())
    for agency in truth["agencies"]:
        got_input = inputs.get(agency["file"], {})
        wanted = {norm(n) for n in [agency["name"], *agency["aliases"]]}
        names += norm(got_input.get("agency", "")) in wanted
        types += (got_input.get("type") or got_input.get("agency_type")) == agency["type"]
    out["names"] = (names, len(truth["agencies"]))
    out["types_vocabulary"] = _type_vocabulary(truth)
    out["types"] = (types, len(truth["agencies"])) if typed else None
    out["agency_names_seen"] = {f: i.get("agency") for f, i in inputs.items()}
    out.update(_dedup(truth, events))
    out.update(_conflicts(truth, chron))
    out["episodes"] = _episodes(truth, chron)
    out["findings"], out["findings_failed"] = _findings(truth, chron)
    return out


def _type_vocabulary(truth: dict) -> tuple[int, int] | None:
    """While chronology.json has no agency type: how many of the designed (clean) agency
    names the tool's own type table would type right. A proxy, reported in --json only."""
    try:
        from chronology.text.classify import agency_type
    except ImportError:  # an older or newer tool without it
        return None
    right = sum(agency_type(a["name"]) == a["type"] for a in truth["agencies"])
    return right, len(truth["agencies"])


def _dedup(truth: dict, events: list[dict]) -> dict:
    want = _pairs(_union(truth["occurrences"]))
    got = _pairs([[s["ref"] for s in e["sources"]] for e in events])
    apart = [frozenset(p) for p in truth["apart"]]
    return {
        "dedup_tp": len(want & got),
        "dedup_pred": len(got),
        "dedup_true": len(want),
        "apart": (sum(p in got for p in apart), len(apart)),
        "missed_pairs": sorted(sorted(p) for p in want - got),
        "false_pairs": sorted(sorted(p) for p in got - want),
    }


def _conflicts(truth: dict, chron: dict | None) -> dict:
    flagged = [
        set(d["sources"])
        for d in (chron or {}).get("discrepancies", [])
        if d.get("kind") == "date_conflict"
    ]
    designed = [set(p) for p in truth["conflicts"]]
    found = sum(any(p <= f for f in flagged) for p in designed)
    false = sum(not any(p <= f for p in designed) for f in flagged)
    return {"conflicts": (found, len(designed)), "false_conflicts": false}


def _episodes(truth: dict, chron: dict | None) -> tuple[int, int]:
    got = [
        (e["start"], e["end"])
        for e in (chron or {}).get("episodes", [])
        if e.get("kind") != "prior" and e.get("start") and e.get("end")
    ]
    designed = [(e["start"], e["end"]) for e in truth["episodes"]]
    return sum(any(iou(d, g) >= IOU_BAR for g in got) for d in designed), len(designed)


def _findings(truth: dict, chron: dict | None) -> tuple[tuple[int, int], list[str]]:
    failed = [
        json.dumps(finding, ensure_ascii=False)
        for finding in truth["findings"]
        if not (chron and _holds(finding, chron))
    ]
    return (len(truth["findings"]) - len(failed), len(truth["findings"])), failed


def _holds(finding: dict, chron: dict) -> bool:
    kind = finding["kind"]
    by_id = {i["indicator"]: i for i in chron.get("indicators", [])}
    if kind in {"indicator", "not_indicator", "first_known"}:
        entry = by_id.get(finding["indicator"], {})
        hits = {h["source"]: h for h in entry.get("hits", [])}
        if kind == "not_indicator":
            return finding["row"] not in hits
        if kind == "indicator":  # the row is the agency's by construction: no name check
            return finding["row"] in hits
        return any(f["source"] == finding["row"] for f in entry.get("first", {}).values())
    if kind == "timescale":
        return any(
            t["rule"] == finding["rule"] and finding["status"] in {"any", t["status"]}
            for t in chron.get("timescales", [])
        )
    raise ValueError(f"unknown finding kind {kind}")


def review_folders(only: list[str] | None = None) -> list[Path]:
    folders = sorted(p.parent for p in HERE.glob("*/truth.json"))
    return [f for f in folders if not only or f.name in only]


def score_folder(folder: Path, keep: Path | None = None, *, in_process: bool = True) -> dict:
    truth = json.loads((folder / "truth.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        out = keep / folder.name if keep else Path(tmp)
        chron, errors, left_out = run_merge(folder, out, in_process=in_process)
    result = score(truth, chron)
    result["errors"], result["left_out"] = errors, left_out
    return result


def _ratio(pair: tuple[int, int] | None) -> str:
    if pair is None:
        return "n/a"
    got, of = pair
    return f"{100 * got / of:.0f}%" if of else "-"


def _frac(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}"


def total(results: list[dict]) -> dict:
    def add(name: str) -> tuple[int, int]:
        return (sum(r[name][0] for r in results), sum(r[name][1] for r in results))

    out: dict = {"review": "TOTAL", "kind": ""}
    for name in ("rows", "text", "dates", "names", "apart", "conflicts", "episodes", "findings"):
        out[name] = add(name)
    typed = [r["types"] for r in results if r["types"] is not None]
    out["types"] = (sum(t[0] for t in typed), sum(t[1] for t in typed)) if typed else None
    for name in ("junk", "false_conflicts", "dedup_tp", "dedup_pred", "dedup_true"):
        out[name] = sum(r[name] for r in results)
    out["errors"] = [e for r in results for e in r["errors"]]
    out["left_out"] = [f for r in results for f in r["left_out"]]
    return out


COLUMNS = [
    "review",
    "rows",
    "junk",
    "text",
    "dates",
    "names",
    "types",
    "dedupP",
    "dedupR",
    "apart",
    "confl",
    "episodes",
    "findings",
    "note",
]


def table_row(r: dict) -> list[str]:
    precision = (r["dedup_tp"], r["dedup_pred"])
    recall = (r["dedup_tp"], r["dedup_true"])
    note = ""
    if r["left_out"]:
        note = f"aborted; scored without {len(r['left_out'])} file(s): " + r["errors"][0][:90]
    return [
        r["review"],
        _frac(r["rows"]),
        str(r["junk"]),
        _ratio(r["text"]),
        _ratio(r["dates"]),
        _frac(r["names"]),
        _frac(r["types"]) if r["types"] else "n/a",
        _ratio(precision),
        _ratio(recall),
        _frac(r["apart"]),
        f"{_frac(r['conflicts'])} +{r['false_conflicts']}",
        _frac(r["episodes"]),
        _frac(r["findings"]),
        note,
    ]


def render(results: list[dict]) -> str:
    body = [table_row(r) for r in [*results, total(results)]]
    widths = [max(len(x[i]) for x in [COLUMNS, *body]) for i in range(len(COLUMNS) - 1)]
    lines = []
    for values in [COLUMNS, *body]:
        cells = [v.ljust(w) for v, w in zip(values, widths, strict=False)]
        lines.append("  ".join([*cells, values[-1]]).rstrip())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--review", action="append", help="score only this review (repeat)")
    parser.add_argument("--keep", type=Path, help="keep each review's outputs under DIR")
    parser.add_argument(
        "--subprocess",
        action="store_true",
        help="run the installed CLI in a subprocess (default: in this process)",
    )
    args = parser.parse_args(argv)
    results = [
        score_folder(f, args.keep, in_process=not args.subprocess)
        for f in review_folders(args.review)
    ]
    if args.json:
        print(json.dumps({"reviews": results, "total": total(results)}, indent=1))
    else:
        print(render(results))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[1]))
    raise SystemExit(main())
