"""Editable rule data (kinds, agency types, timescales, risk indicators) shipped as TOML."""
