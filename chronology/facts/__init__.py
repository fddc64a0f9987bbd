"""The draft Facts section: its paragraphs, built from the chronology and its episodes."""
