"""Dates as intervals with a precision: span, written-date grammar, times of day, working days."""
