"""Merge agency chronologies into one integrated chronology for a statutory review."""

__version__ = "0.1.0"
