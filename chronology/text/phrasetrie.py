"""Ordered groups of whole-word phrases, found fast.

Python's ``re`` tries every branch of an alternation at every position, so one alternation of a
hundred phrases is slow over long texts. Here the phrases are folded into a prefix tree first
(``strategy discussion|strategy meeting`` → ``strategy (?:discussion|meeting)``): at most
positions a single character test rules the position out. That pattern only says *where* a
phrase starts; the ordered, grouped alternation is then tried at that one position to say
*which* group matches there, with the usual leftmost-first rule (earlier group, then longer
phrase, wins). The answers are exactly those of the grouped alternation searched on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_BEFORE = r"(?<![\w])"
_AFTER = r"(?![\w])"
Node = dict[str, "Node"]  # character → subtree; the key "" marks the end of a phrase


def _tree(phrases: Sequence[str]) -> Node:
    root: Node = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _emit(node: Node) -> str:
    branches = [re.escape(char) + _emit(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def trie_pattern(phrases: Sequence[str]) -> str:
    """One regular expression matching exactly the given literal phrases."""
    return _emit(_tree(phrases))


def _alternation(phrases: Sequence[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


class PhraseGroups:
    """Find lower-case phrases, as whole words, and say which group each belongs to."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        lowered = [[p.lower() for p in group] for group in groups]
        every = sorted({p for group in lowered for p in group})
        self._where = re.compile(_BEFORE + "(?:" + trie_pattern(every) + ")" + _AFTER)
        named = (f"(?P<g{i}>{_alternation(group)})" for i, group in enumerate(lowered) if group)
        self._which = re.compile("(?:" + "|".join(named) + ")" + _AFTER)

    def first(self, lowered: str) -> int | None:
        """The group of the leftmost phrase in ``lowered`` (already lower-cased)."""
        where = self._where.search(lowered)
        if where is None:
            return None
        return self._group_at(lowered, where.start())[0]

    def every(self, lowered: str) -> set[int]:
        """The groups of all non-overlapping phrases, scanning left to right."""
        return {group for _start, _end, group in self.matches(lowered)}

    def matches(self, lowered: str) -> list[tuple[int, int, int]]:
        """Every non-overlapping phrase, left to right, as (start, end, group)."""
        found: list[tuple[int, int, int]] = []
        position = 0
        while (where := self._where.search(lowered, position)) is not None:
            group, position = self._group_at(lowered, where.start())
            found.append((where.start(), position, group))
        return found

    def _group_at(self, lowered: str, start: int) -> tuple[int, int]:
        which = self._which.match(lowered, start)
        # the prefix tree and the alternation match the same phrases at every position
        assert which is not None  # noqa: S101
        assert which.lastgroup is not None  # noqa: S101
        return int(which.lastgroup[1:]), which.end()
