"""Options several commands share: inputs or stdin, --date, --actors, --verbs, --output.

Each is read here once, so `extract`, `show` and `evaluate` word their problems alike. The core
is imported inside functions, so `newsevents --help` stays light.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from .failures import UsageProblem

if TYPE_CHECKING:
    from newsevents.core import ActorDictionary
    from newsevents.core.ontology import Trigger


class InputFormat(str, Enum):
    """`--input-format` choices (the same as the reader's INPUT_FORMATS)."""

    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


def _stdin_is_terminal() -> bool:
    return sys.stdin is None or sys.stdin.isatty()


def parse_date_option(value: str | None) -> date | None:
    """`--date` as a date; UsageProblem with the fix when it is not YYYY-MM-DD."""
    if value is None:
        return None
    from newsevents.core.inputs import parse_date

    try:
        return parse_date(value)
    except ValueError:
        raise UsageProblem(
            f"--date '{value}' is not a valid date; use YYYY-MM-DD, e.g. --date 2024-05-04"
        ) from None


def inputs_or_stdin(inputs: list[str], missing: str, example: str) -> list[str]:
    """The inputs, or stdin ("-") when none are given and text is piped in.

    Raises:
        UsageProblem: no input and a terminal on stdin; `missing` and `example` word it.
    """
    if inputs:
        return inputs
    if _stdin_is_terminal():
        raise UsageProblem(f"{missing} and nothing piped in; give files or folders, e.g. {example}")
    return ["-"]


def check_output_folder(output: Path | None) -> None:
    """Raise UsageProblem when --output names a file in a folder that is missing or read-only."""
    if output is None:
        return
    if not output.parent.is_dir():
        raise UsageProblem(
            f"cannot write '{output}': folder '{output.parent}' does not exist; create it first"
        )
    target = Path(os.path.realpath(output))
    if target.exists() and not target.is_file():
        return  # a device or FIFO is written through, its folder is not written
    if not os.access(target.parent, os.W_OK):
        # checked now: otherwise the whole batch would run before the write fails
        raise UsageProblem(
            f"cannot write '{output}': folder '{target.parent}' is read-only; make it writable "
            "or give --output in another folder"
        )


def check_output_not_input(output: Path | None, inputs: list[str], example: str) -> None:
    """Raise UsageProblem when --output names one of the input files (it would be replaced)."""
    if output is None or not output.exists():
        return
    for name in inputs:
        if name == "-":
            continue
        try:
            same = os.path.samefile(name, output)
        except OSError:  # missing or unreadable: reported when it is read
            continue
        if same:
            raise UsageProblem(
                f"--output '{output}' is also an input: writing would replace it; "
                f"write to another file, e.g. {example}"
            )


def load_actors(files: list[Path], builtin: bool = True) -> ActorDictionary | None:
    """The built-in actor dictionary plus each --actors file (the files alone when `builtin`
    is false), or None when none is given.

    Raises:
        DictionaryError: a file is missing or malformed (its message says how to fix it).
    """
    if not files:
        return None
    from newsevents.core import ActorDictionary

    return ActorDictionary.from_files(*files, builtin=builtin)


def load_verb_files(files: list[Path]) -> list[Trigger]:
    """Trigger entries of each --verbs file, later files over earlier ones.

    Raises:
        DictionaryError: a file is missing or malformed.
    """
    from newsevents.core import load_verbs

    entries: list[Trigger] = []
    for file in files:
        entries.extend(load_verbs(file))
    return entries
