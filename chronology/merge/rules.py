"""The rules that accept two agencies' records as one occurrence, and the reason shown.

A candidate pair is accepted only on corroborated evidence: near-identical accounts on one
day, or each record naming the other's agency, or one naming the other and both recording
the same kind of two-ended contact. The rules work on columns of candidate pairs, because
the same-day search brings hundreds of thousands of them at 200,000 rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from chronology.merge.thresholds import thresholds
from chronology.merge.units import Links, Unit

# Kinds of contact that have two ends, each recorded by one agency.
CONTACT_KINDS = frozenset({"phone_call", "referral", "death", "incident", "correspondence"})
# The bars, from the one table every rule and the screen read (rules/merge.toml).
TEXT_ALONE = thresholds().text_alone
TEXT_CORROBORATED = thresholds().text_corroborated
TEXT_APART = thresholds().text_apart
TEXT_CONTACT = thresholds().text_contact
TEXT_ONE_NAMED = thresholds().text_one_named
MINUTES_APART = thresholds().minutes_apart

_RULES = (
    "{when}, near-identical accounts (text {text}%)",
    "{when}, each record names the other agency (text {text}%)",
    "{when}, both record a {kind}; one names the other (text {text}%)",
    "{when}, one names the other agency, closely matching accounts (text {text}%)",
)
_WHEN = ("same day", "next day", "within the vague date")

Ints = npt.NDArray[np.int64]
Flags = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Pairs:
    """Candidate pairs as columns, with the facts the rules read. ``a`` and ``b`` are unit
    indexes, ``a`` < ``b``; ``kind`` is the kind of contact both record (a position in
    ``kinds``), or -1 when their kinds differ or are not known."""

    a: Ints
    b: Ints
    gap: Ints  # days between the two dates, 0 when they overlap
    exact: Flags  # both dated to a single day
    named: Ints  # how many of the two name the other's kind of agency (0, 1 or 2)
    kind: Ints
    far: Flags  # both timed, and hours apart
    kinds: tuple[str, ...]

    def subset(self, keep: Flags) -> Pairs:
        return Pairs(
            self.a[keep], self.b[keep], self.gap[keep], self.exact[keep], self.named[keep],
            self.kind[keep], self.far[keep], self.kinds,
        )  # fmt: skip

    def accepted(self, text: Ints) -> Flags:
        """Which pairs the rules accept, given each pair's text score."""
        return self._rule(text) >= 0

    def judged(self, text: Ints) -> Links:
        """The accepted pairs as links, each with its score and the reason it was accepted."""
        rule = self._rule(text)
        keep = rule >= 0
        if not keep.any():
            return Links.of([])
        rule, text = rule[keep], text[keep]
        gap, exact, named, kind = (
            self.gap[keep],
            self.exact[keep],
            self.named[keep],
            self.kind[keep],
        )
        when = np.where(exact, np.minimum(gap, 1), 2)
        same_day = gap == 0
        # Scores and reasons each come from few combinations: each worked out once, in
        # Python, so that the numbers are rounded exactly as ``round`` rounds them.
        facts = np.stack([named, kind >= 0, same_day, text], axis=1)
        combos, score_of = np.unique(facts, axis=0, return_inverse=True)
        scores = np.array([_score(*row) for row in combos.tolist()], dtype=np.float64)
        wording = np.stack([rule, when, np.where(rule == 2, kind, -1), text], axis=1)
        reasons, meaning = np.unique(wording, axis=0, return_inverse=True)
        return Links(
            self.a[keep],
            self.b[keep],
            scores[score_of.reshape(-1)],
            meaning.reshape(-1).astype(np.int64),
            [(self._reason(*row), False) for row in reasons.tolist()],
        )

    def _rule(self, text: Ints) -> Ints:
        """Which rule accepts each pair (an index into ``_RULES``), or -1."""
        same_day = self.gap == 0
        same_kind = self.kind >= 0
        # (the last, for kind -1, is no kind of contact)
        contact = np.array([k in CONTACT_KINDS for k in self.kinds] + [False], dtype=np.bool_)
        two_ended = contact[self.kind]
        corroborated = np.where(
            self.exact,
            np.where(
                same_day, same_kind | (text >= TEXT_CORROBORATED), same_kind & (text >= TEXT_APART)
            ),
            same_kind | (text >= TEXT_APART),
        )
        one = self.named == 1
        rule = np.select(
            [
                self.exact & same_day & (text >= TEXT_ALONE),
                (self.named == 2) & corroborated,
                one & same_day & two_ended & (text >= TEXT_CONTACT),
                one & self.exact & same_day & (text >= TEXT_ONE_NAMED),
            ],
            [0, 1, 2, 3],
            -1,
        )
        return np.where(self.far & (self.named < 2), -1, rule)

    def _reason(self, rule: int, when: int, kind: int, text: int) -> str:
        label = self.kinds[kind].replace("_", " ") if kind >= 0 else ""
        return _RULES[rule].format(when=_WHEN[when], kind=label, text=text)


def _score(named: int, same_kind: int, same_day: int, text: int) -> float:
    return round(0.5 * named / 2 + 0.3 * text / 100 + 0.1 * same_kind + 0.1 * same_day, 3)


def pairs_of(found: Sequence[tuple[Unit, Unit]]) -> Pairs:
    """Candidate pairs given as units (the few that are not found as columns)."""
    kinds = tuple(sorted({u.kind for pair in found for u in pair if u.kind}))
    code = {kind: n for n, kind in enumerate(kinds)}
    rows = [
        (
            min(a.index, b.index),
            max(a.index, b.index),
            max(0, max(a.start, b.start) - min(a.end, b.end)),
            a.exact and b.exact,
            _directions(a, b),
            code[a.kind] if a.kind is not None and a.kind == b.kind else -1,
            a.minutes is not None
            and b.minutes is not None
            and abs(a.minutes - b.minutes) > MINUTES_APART,
        )
        for a, b in found
    ]
    columns = list(zip(*rows, strict=True)) if rows else [()] * 7
    ints = [np.array(columns[n], dtype=np.int64) for n in (0, 1, 2, 4, 5)]
    flags = [np.array(columns[n], dtype=np.bool_) for n in (3, 6)]
    return Pairs(ints[0], ints[1], ints[2], flags[0], ints[3], ints[4], flags[1], kinds)


def _directions(a: Unit, b: Unit) -> int:
    """How many of the two records name the other's kind of agency (0, 1 or 2)."""
    return int(bool(b.agency_type and b.agency_type in a.mentions)) + int(
        bool(a.agency_type and a.agency_type in b.mentions)
    )
