"""Per-record results found ahead: served for the very records, for the same key, once."""

from __future__ import annotations

from dataclasses import replace

from chronology.ahead import Handoff
from tests.conftest import source


def test_results_are_served_by_record_identity_for_the_same_key_once() -> None:
    records = [source("Police", "01/02/2020", "a"), source("Police", "01/02/2020", "b", row=3)]
    handoff: Handoff[str] = Handoff("none")
    handoff.remember(records, "rules", {1: "found"})
    found = handoff.taken("rules")
    assert found is not None
    assert [found.get(r) for r in records] == ["none", "found"]  # a missing one: default
    assert found.get(replace(records[1])) is None  # an equal copy was not searched
    assert handoff.taken("rules") is None  # once


def test_results_for_other_rules_are_not_served() -> None:
    records = [source("Police", "01/02/2020", "a")]
    handoff: Handoff[str] = Handoff("none")
    handoff.remember(records, "rules", {0: "found"})
    assert handoff.taken("other rules") is None
    assert handoff.taken("rules") is None  # and dropped
