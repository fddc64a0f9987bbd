"""Jinja templates for rendered outputs; edit a copy and pass --template to use it."""
