"""Evidence from what records are, not from how alike their words are.

Police, clinical and social-care accounts of one occurrence share a third of their words or
less, so wording alone misses most of them. What they share is its facets (``text.facets``):

- one one-off event on one day: two agencies' records of a death that day are one death; an
  incident, the crew's conveyance and the emergency department's arrival are one emergency
  when they share some rare words;
- the two ends of one contact: a referral, notification or concern *sent* by one agency and
  *received* by the agency it names, the same day or a few days later (longer when the
  receiver cites the day it was sent: "letter dated 12/04/21");
- the same rare words on one day (``merge.wording``): "Lapwing Court", "paracetamol".

Every link keeps its evidence in its reason and its score. Thresholds: ``merge.thresholds``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import cache

from chronology.merge.meetings import NOT_HELD
from chronology.merge.thresholds import thresholds
from chronology.merge.units import Link, Links, Unit
from chronology.merge.wording import Wording, expansions
from chronology.text.classify import agency_type_scores, mentioned_types
from chronology.text.rules import load_rules

# how many words after "from" name where a record came from
FROM_WORDS = 3
# how the reason of a link between a contact's two ends begins (the event reads it)
ENDS_REASON = "sent and received"


@cache
def _families() -> dict[str, str]:
    """One-off kind → its family: kinds one occurrence may be recorded as by different
    agencies (the police's incident, the crew's conveyance, the hospital's death)."""
    kinds = load_rules("kinds.toml")["kinds"]
    return {n: str(spec.get("family", n)) for n, spec in kinds.items() if spec.get("one_off")}


@cache
def _recorders() -> dict[str, str]:
    """Agency type → the one-off kind its every record on that day may be (an ED's)."""
    kinds = load_rules("kinds.toml")["kinds"]
    return {t: n for n, spec in kinds.items() for t in spec.get("recorded_by", [])}


def _what(unit: Unit) -> str | None:
    """A record's one-off kind: its own, or the one its agency records every day."""
    if unit.facets.what in _families():
        return unit.facets.what
    if unit.facets.what is None or unit.facets.what not in _meetings():
        return _recorders().get(unit.agency_type or "")
    return None


@cache
def _meetings() -> frozenset[str]:
    kinds = load_rules("kinds.toml")["kinds"]
    return frozenset(n for n, spec in kinds.items() if spec.get("meeting"))


@cache
def _alone() -> frozenset[str]:
    """One-off kinds whose kind and day alone make two records one occurrence."""
    kinds = load_rules("kinds.toml")["kinds"]
    return frozenset(n for n, spec in kinds.items() if spec.get("alone"))


def facet_links(units: Sequence[Unit], wording: Wording | None = None) -> Links:
    """Every link the facets support, as one ``Links``."""
    if wording is None:
        wording = Wording([u.text for u in units], expansions())
    found = [*_one_off_links(units, wording), *_ends_links(units, wording)]
    found += _rare_same_day_links(units, wording)
    return Links.of(found)


def _same_day(units: Sequence[Unit], *, first: bool = False) -> dict[int, list[Unit]]:
    """Records by their day; with ``first``, by the exact first day of a range too."""
    by_day: dict[int, list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.exact or (first and unit.first_day >= 0):
            by_day[unit.start].append(unit)
    return by_day


def _pairs_by_day(units: Sequence[Unit]) -> Iterator[tuple[Unit, Unit]]:
    """Every pair of two agencies' records that begin on one day (``a.index < b.index``):
    a one-off event happens on the first day of an admission that runs to its discharge."""
    for day in sorted(by_day := _same_day(units, first=True)):
        members = sorted(by_day[day], key=lambda u: u.index)
        for n, a in enumerate(members):
            for b in members[n + 1 :]:
                if a.agency != b.agency:
                    yield a, b


def _one_off_links(units: Sequence[Unit], wording: Wording) -> list[Link]:
    """Two agencies' records of one one-off event on one day: the same kind (a death, a
    birth, an arrest) on its own, or one family (an incident and a conveyance) with some
    rare words in common."""
    bars, families = thresholds(), _families()
    one_off = [u for u in units if _what(u) and u.facets.status not in NOT_HELD]
    found = []
    for a, b in _pairs_by_day(one_off):
        what_a, what_b = _what(a) or "", _what(b) or ""
        own = a.facets.what == what_a and b.facets.what == what_b
        text = wording.score(a.index, b.index)
        if own and what_a == what_b and what_a in _alone():
            label = what_a.replace("_", " ")
            reason = f"same day, both record a {label} (one-off; text {text}%)"
            found.append(Link(a.index, b.index, bars.scores["one_off_same"], reason))
        elif families[what_a] == families[what_b] and text >= bars.text_one_off:
            # one family: an incident, the crew's conveyance, the ED's arrival
            reason = (
                f"same day, one {families[what_a]} recorded as "
                f"{what_a.replace('_', ' ')} and {what_b.replace('_', ' ')} (text {text}%)"
            )
            # below the rules that see both agencies named: a relayed account of an incident
            # (the police's call to social care) shares the incident's words too
            score = round(bars.scores["one_off_family"] + 0.3 * text / 100, 3)
            found.append(Link(a.index, b.index, score, reason))
    return found


def _names(unit: Unit, other: Unit) -> bool:
    return bool(other.agency_type and other.agency_type in unit.mentions)


def _from_sender(receiver: Unit, sender: Unit, text: int) -> bool:
    """The receiving end says it came from the sender's kind of agency: the agency named
    right after "from" ("call from HV Brennan"), else any it names. A sender of unknown type
    may still be the one when it names the receiver's type and more words are shared."""
    if sender.agency_type is None:
        return _names(sender, receiver) and text >= thresholds().text_ends_untyped
    named = _named_after_from(receiver.text)
    if named:
        return sender.agency_type in named
    return _names(receiver, sender)


def _named_after_from(text: str) -> frozenset[str]:
    """The agency types named in the few words after "from" in a normalised text: by the
    words agencies' records use of one ("HV"), or by the names agencies go by ("district
    nursing")."""
    words = text.split()
    found: set[str] = set()
    for n, word in enumerate(words):
        if word == "from":
            after = " ".join(words[n + 1 : n + 1 + FROM_WORDS])
            found |= mentioned_types(after) | set(agency_type_scores(after))
    return frozenset(found)


def _ends_links(units: Sequence[Unit], wording: Wording) -> list[Link]:
    """The sending and the receiving end of one contact: each is the other's best match."""
    bars = thresholds()
    senders = [u for u in units if u.exact and u.facets.direction == "to"]
    receivers = [u for u in units if u.exact and u.facets.direction == "from"]
    by_day: dict[int, list[Unit]] = defaultdict(list)
    for sender in senders:
        by_day[sender.start].append(sender)
    options: list[tuple[tuple[int, int, int], Unit, Unit, bool, int]] = []
    for receiver in receivers:
        for gap in range(bars.days_ends_cited + 1):
            for sender in by_day.get(receiver.start - gap, []):
                if sender.agency == receiver.agency:
                    continue
                cited = sender.start in receiver.facets.cited
                if gap > bars.days_ends and not cited:
                    continue
                text = wording.score(sender.index, receiver.index)
                if (cited or _from_sender(receiver, sender, text)) and text >= bars.text_ends:
                    options.append(((-int(cited), -text, gap), sender, receiver, cited, text))
    options.sort(key=lambda o: (o[0], o[1].index, o[2].index))
    taken: set[tuple[int, str]] = set()
    found = []
    for _rank, sender, receiver, cited, text in options:
        # each end takes its best match of the other agency once
        if (sender.index, receiver.agency) in taken or (receiver.index, sender.agency) in taken:
            continue
        taken |= {(sender.index, receiver.agency), (receiver.index, sender.agency)}
        days = receiver.start - sender.start
        when = "same day" if days == 0 else f"{days} day{'s' if days > 1 else ''} later"
        why = "cites the day it was sent" if cited else "names the sender's agency"
        reason = f"{ENDS_REASON} ({when}); the record {why} (text {text}%)"
        score = bars.scores["ends_cited" if cited else "ends"]
        low, high = sorted((sender.index, receiver.index))
        found.append(Link(low, high, score, reason))
    return found


def _rare_same_day_links(units: Sequence[Unit], wording: Wording) -> list[Link]:
    """Two agencies' same-day accounts that share enough of the review's rare words; pairs
    found through an index of rare words by day, so a crowded day costs its shared words."""
    bar = thresholds().text_rare_same_day
    score = thresholds().scores["rare_same_day"]
    found = []
    for day_units in _same_day(units).values():
        by_word: dict[str, list[int]] = defaultdict(list)
        for unit in day_units:
            for word in wording.rare_tokens(unit.index):
                by_word[word].append(unit.index)
        agency = {u.index: u.agency for u in day_units}
        pairs = {
            (a, b)
            for members in by_word.values()
            for n, a in enumerate(sorted(members))
            for b in sorted(members)[n + 1 :]
            if agency[a] != agency[b]
        }
        for a, b in sorted(pairs):
            if (text := wording.score(a, b)) >= bar:
                reason = f"same day, the same rare words (text {text}%, weighted by rarity)"
                found.append(Link(a, b, score, reason))
    return found
