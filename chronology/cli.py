"""The command line: a thin layer that turns library errors into located messages.

Each command lives in ``chronology/commands/``; this module only registers them and owns the
error boundary: a ``ChronologyError`` becomes a one-line message and exit code 2, and a
traceback is shown only with ``--debug``.
"""

from __future__ import annotations

import functools
import gc
import os
import signal
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from chronology import __version__
from chronology.commands import analyse, diff, facts, init, lag, merge, names, report
from chronology.model.errors import ChronologyError

F = TypeVar("F", bound=Callable[..., Any])
_state = {"debug": False}

app = typer.Typer(
    name="chronology",
    help="Merge agency chronologies into the integrated chronology of a statutory review.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    # help texts name review.toml tables like [analysis]: print them, do not parse them as markup
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"chronology {__version__}")
        raise typer.Exit


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[  # noqa: ARG001 - handled eagerly by _version
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    _state["debug"] = debug
    # folders made for outputs (--out and any parent) are never group- or world-writable,
    # even under umask 000: a chronology's outputs hold special-category personal data
    os.umask(os.umask(0) | 0o022)


_REPORT = (
    "This is a bug in chronology, not a problem with your files. Run again with --debug to see "
    "the details (they may quote your data: check before sharing them)."
)


def _where(exc: BaseException) -> str:
    """The kind of failure and where it happened, without its message: a message may quote
    the input (a decoding error carries the bytes it failed on), and this may be shared."""
    frames = traceback.extract_tb(exc.__traceback__)
    place = f" at {Path(frames[-1].filename).name} line {frames[-1].lineno}" if frames else ""
    return type(exc).__name__ + place


class Terminated(BaseException):
    """SIGTERM, raised where the run is, so that every ``finally`` (temporary files) runs."""


def _terminate(_signal: int, _frame: object) -> None:
    raise Terminated


def _stopped(code: int, how: str) -> typer.Exit:
    typer.echo(f"{how}: stopped; no output was changed.", err=True)
    return typer.Exit(code)


def _environment(exc: OSError) -> str:
    """An operating-system refusal on a named path (a read-only folder, a name too long, a
    file where a folder should be): the user's to fix, not a bug."""
    from chronology.loaders.agency import readable  # noqa: PLC0415 - only on this error

    shown = readable(os.fsdecode(exc.filename))
    return f"error: cannot use {shown}: {exc.strerror or exc}. Check the path and its permissions."


def guarded(command: F) -> F:
    """The error boundary: library errors become messages; bugs say how to report them.
    Ctrl-C and SIGTERM end with 130 and 143, as shells expect, and no traceback."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ChronologyError as exc:
            if _state["debug"]:
                raise
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except KeyboardInterrupt:
            raise _stopped(130, "interrupted") from None
        except Terminated:
            raise _stopped(143, "terminated") from None
        except OSError as exc:
            if _state["debug"] or exc.filename is None:
                raise
            typer.echo(_environment(exc), err=True)
            raise typer.Exit(2) from None
        except Exception as exc:
            if _state["debug"]:
                raise
            typer.echo(f"internal error: {_where(exc)}. {_REPORT}", err=True)
            raise typer.Exit(1) from None

    return run  # type: ignore[return-value]


app.command("merge")(guarded(merge.merge_command))
app.command("report")(guarded(report.report_command))
app.command("facts")(guarded(facts.facts_command))
app.command("init")(guarded(init.init_command))
app.command("check-names")(guarded(names.check_names_command))
app.command("anonymise")(guarded(names.anonymise_command))
app.command("personalise")(guarded(names.personalise_command))
app.command("analyse")(guarded(analyse.analyse_command))
app.command("lag")(guarded(lag.lag_command))
app.command("diff")(guarded(diff.diff_command))


def main() -> None:
    """The console entry point. A run builds many long-lived objects and almost no reference
    cycles, so the cyclic collector is kept off: it would only rescan them, again and again
    (about 40 % of a 100,000-row merge). Reference counting still frees everything. SIGTERM
    is raised where the run is, so every ``finally`` (temporary files) runs."""
    gc.disable()
    signal.signal(signal.SIGTERM, _terminate)
    app()
