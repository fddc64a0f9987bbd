"""One event per occurrence: candidate pairs, the rules that accept them, groups, events."""
