"""Build one integrated-chronology event from the sources that record one occurrence."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from chronology.dates.span import DateSpan, Precision
from chronology.model.schema import Event, MergeDecision, Source


def event_sort_key(event: Event) -> tuple[object, ...]:
    """Date interval, then time, then sequence, then agency; provenance breaks any tie."""
    first = event.sources[0]
    if len(event.sources) == 1:  # most events: no list to make
        sequences = [] if first.sequence is None else [first.sequence]
    else:
        sequences = [s.sequence for s in event.sources if s.sequence is not None]
    return (
        event.date.sort_key,
        event.time or "",
        min(sequences) if sequences else float("inf"),
        event.agencies[0] if event.agencies else "",
        first.file,
        first.sheet or "",
        first.row,
    )


def build_event(
    sources: Sequence[Source],
    decisions: list[MergeDecision],
    *,
    conflict: bool,
    sent_received: bool = False,
) -> Event:
    """Sources are already in canonical order; the first source leads. ``sent_received``:
    the group is one contact's two ends, whose days differ by nature (a referral is received
    after it is sent): the event takes the day it was sent, and no date conflict."""
    if len(sources) == 1 and not decisions and not conflict:
        return one_record_event(sources[0])
    return _event_of(sources, decisions, conflict=conflict, sent_received=sent_received)


def _event_of(
    sources: Sequence[Source],
    decisions: list[MergeDecision],
    *,
    conflict: bool,
    sent_received: bool = False,
) -> Event:
    agencies = sorted({s.agency for s in sources})
    flags = []
    date = _agreed_date(sources)
    if sent_received:
        flags.append("sent_received")  # two ends of one contact: their days and times differ
        if date is None and not conflict:
            date = sources[0].date  # the sending end: sources are in date order
    if conflict or date is None:
        date = _conflict_span(sources)
        flags.append("date_conflict")
    times = sorted({s.time for s in sources if s.time})
    # (a time conflict is flagged by the discrepancy check, the one judge of it)
    if any("exact duplicate" in d.reason for d in decisions):
        flags.append("duplicate_rows")
    if date.start is None:
        flags.append("undated")
    if times and date.precision == Precision.DAY and date.time != times[0]:
        date = replace(date, time=times[0])  # the span carries the event's own time
    return Event(
        id="",
        date=date,
        agencies=agencies,
        text=attributed_text(sources, "account"),
        sources=list(sources),
        time=times[0] if times else None,
        flags=flags,
        kind=_main_kind(sources),
        merge=decisions,
    )


def one_record_event(source: Source) -> Event:
    """``build_event`` for the commonest event, one agency's one record, made directly."""
    date = source.date
    if source.time and date.precision == Precision.DAY and date.time != source.time:
        date = replace(date, time=source.time)
    return Event(
        id="",
        date=date,
        agencies=[source.agency],
        text=source.account,
        sources=[source],
        time=source.time or None,
        flags=[] if date.start is not None else ["undated"],
        kind=source.kind,
    )


def attributed_text(sources: Sequence[Source], attribute: str) -> str:
    """One agency's text as it is; several agencies' accounts each under its agency's name."""
    return attributed(sources, lambda source: str(getattr(source, attribute)))


def attributed(sources: Sequence[Source], text_of: Callable[[Source], str]) -> str:
    """``text_of`` each source, as ``attributed_text`` joins them."""
    if len(sources) == 1:
        return text_of(sources[0])
    accounts: list[tuple[str, str]] = []
    for source in sources:
        text = text_of(source)
        if text and (source.agency, text) not in accounts:
            accounts.append((source.agency, text))
    if len({source.agency for source in sources}) <= 1:
        return "\n\n".join(text for _, text in accounts)
    return "\n\n".join(f"{agency}: {text}" for agency, text in accounts)


def _agreed_date(sources: Sequence[Source]) -> DateSpan | None:
    """The most precise date when every source's dates overlap; ``None`` when they conflict."""
    if len(sources) == 1:
        return sources[0].date
    known = [s.date for s in sources if s.date.start is not None]
    if not known:
        return sources[0].date
    for i, span in enumerate(known):
        for other in known[i + 1 :]:
            if not span.overlaps(other, tolerance_days=1):
                return None
    return min(known, key=lambda d: (d.end - d.start, d.start, d.text))  # type: ignore[operator]


def _conflict_span(sources: Sequence[Source]) -> DateSpan:
    known = [s for s in sources if s.date.start is not None and s.date.end is not None]
    text = "; ".join(f"{s.date.text} ({s.agency})" for s in known)
    start = min(s.date.start for s in known)  # type: ignore[type-var]
    end = max(s.date.end for s in known)  # type: ignore[type-var]
    return DateSpan(start, end, Precision.RANGE, text)


def _main_kind(sources: Sequence[Source]) -> str | None:
    if len(sources) == 1:
        return sources[0].kind
    kinds = Counter(s.kind for s in sources)
    if "death" in kinds:
        return "death"  # however the other agencies filed it
    kind, count = min(kinds.items(), key=lambda kc: (-kc[1], kc[0] or ""))
    # only a majority names the occurrence: a call that one agency calls a call and the
    # other files under the conference it mentions is just "this contact"
    return kind if count * 2 > len(sources) else None
