"""`newsevents codes`: the event ontology (PLOVER, CAMEO, PLOVER-to-ACLED) as a table or CSV."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable
from enum import Enum
from typing import Annotated, TextIO

import click
import typer

from ..exitcodes import ExitCode
from ..terminal import print_wide


class Scheme(str, Enum):
    """The code tables `newsevents codes` can show."""

    plover = "plover"
    cameo = "cameo"
    acled = "acled"


class CodesFormat(str, Enum):
    """Output formats of `newsevents codes`."""

    table = "table"
    csv = "csv"


Rows = tuple[list[str], list[list[str]]]


def _plover() -> Rows:
    from newsevents.core.ontology import plover_rows

    header = ["event_type", "mode", "description"]
    return header, [[r.event_type, r.mode or "", r.description] for r in plover_rows()]


def _cameo() -> Rows:
    from newsevents.core.ontology import QUAD_CLASS_NAMES, all_cameo

    header = ["code", "label", "quad_class", "quad_class_name", "goldstein", "plover_type"]
    header.append("plover_mode")
    rows = [
        [
            c.code,
            c.label,
            str(c.quad_class),
            QUAD_CLASS_NAMES.get(c.quad_class, ""),
            f"{c.goldstein:g}",
            c.plover_type,
            c.plover_mode or "",
        ]
        for c in all_cameo()
    ]
    return header, rows


def _acled() -> Rows:
    from newsevents.core.ontology import acled_rules

    def alternatives(values: frozenset[str] | tuple[str, ...]) -> str:
        return "|".join(sorted(values))

    header = ["line", "event_type", "mode", "source_sector", "target_sector", "cameo_prefix"]
    header += ["acled_event_type", "acled_sub_event_type"]
    rows = [
        [
            str(r.line),
            r.event_type or "",
            alternatives(r.modes),
            alternatives(r.source_sectors),
            alternatives(r.target_sectors),
            alternatives(r.cameo_prefixes),
            r.acled_event_type or "",
            r.acled_sub_event_type or "",
        ]
        for r in acled_rules()
    ]
    return header, rows


TABLES: dict[Scheme, tuple[Callable[[], Rows], str]] = {
    Scheme.plover: (_plover, "PLOVER event types and modes"),
    Scheme.cameo: (_cameo, "CAMEO event codes"),
    Scheme.acled: (_acled, "PLOVER to ACLED rules (first match wins; empty cells match anything)"),
}


def codes(
    scheme: Scheme, *, format: CodesFormat, match: str | None, stdout: TextIO | None = None
) -> ExitCode:
    """Write one code table to stdout; return the exit code."""
    from rich.table import Table
    from rich.text import Text

    stream = stdout if stdout is not None else sys.stdout
    build, title = TABLES[scheme]
    header, rows = build()
    if match:
        needle = match.casefold()
        rows = [row for row in rows if any(needle in cell.casefold() for cell in row)]
    if format is CodesFormat.csv:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
        return ExitCode.OK
    if not rows:
        click.echo(f"no {scheme.value} rows match '{match}'", err=True)
        return ExitCode.OK
    table = Table(title=f"{title} ({len(rows)})", header_style="bold", title_justify="left")
    for name in header:
        table.add_column(name.replace("_", " "), overflow="fold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # Text: brackets are not markup
    print_wide(table, stream)
    return ExitCode.OK


def codes_command(
    scheme: Annotated[
        Scheme, typer.Argument(help="Which code table to show.", show_default=True)
    ] = Scheme.plover,
    format: Annotated[
        CodesFormat,
        typer.Option("--format", "-f", help="table for reading, csv for other programs."),
    ] = CodesFormat.table,
    match: Annotated[
        str | None,
        typer.Option(
            "--match",
            "-m",
            help="Only rows with a cell containing TEXT (any case).",
            metavar="TEXT",
        ),
    ] = None,
) -> None:
    """Show the event ontology: PLOVER types and modes, CAMEO codes, or the ACLED rules.

    The tables are the data files the coder itself uses (newsevents.core.data), so they are
    what the event_type, event_mode, cameo_code and acled_* columns of the rows can hold.

    Examples:

        newsevents codes cameo --match protest

        newsevents codes acled --format csv
    """
    raise typer.Exit(codes(scheme, format=format, match=match))
