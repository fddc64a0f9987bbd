"""Pseudonyms, the leak check, and safe (atomic, private, inert) output files."""
