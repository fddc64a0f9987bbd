"""``python -m chronology``: the same as the ``chronology`` command."""

from chronology.cli import main

main()
