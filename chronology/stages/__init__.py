"""Stages after the merge: scope, key episodes, the analyst checks."""
