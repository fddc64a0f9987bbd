"""The typed model: sources, events, findings, warnings; their JSON codec; errors."""
