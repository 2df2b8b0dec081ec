"""Options shared by extract, show and evaluate: --date, inputs or stdin, --output folder."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from newsevents.cli import options
from newsevents.cli.failures import UsageProblem


def test_options_date() -> None:
    assert options.parse_date_option(None) is None
    assert options.parse_date_option(" 2024-05-04 ") == date(2024, 5, 4)
    with pytest.raises(UsageProblem, match="--date 'May 3' is not a valid date; use YYYY-MM-DD"):
        options.parse_date_option("May 3")


def test_options_inputs_or_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    assert options.inputs_or_stdin(["a.txt"], "no INPUT given", "x") == ["a.txt"]
    monkeypatch.setattr(options, "_stdin_is_terminal", lambda: False)
    assert options.inputs_or_stdin([], "no INPUT given", "x") == ["-"]
    monkeypatch.setattr(options, "_stdin_is_terminal", lambda: True)
    with pytest.raises(UsageProblem, match="no INPUT given and nothing piped in"):
        options.inputs_or_stdin([], "no INPUT given", "x")


def test_options_output_folder(tmp_path: Path) -> None:
    options.check_output_folder(None)
    options.check_output_folder(tmp_path / "out.csv")
    with pytest.raises(UsageProblem, match="does not exist; create it first"):
        options.check_output_folder(tmp_path / "no" / "out.csv")


def test_options_output_folder_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_access = os.access
    folder = os.path.realpath(tmp_path)
    # as root chmod cannot make a folder read-only: say so for this one folder
    monkeypatch.setattr(
        os, "access", lambda path, mode: str(path) != folder and real_access(path, mode)
    )
    with pytest.raises(UsageProblem) as found:
        options.check_output_folder(tmp_path / "out.csv")
    assert str(found.value) == (
        f"cannot write '{tmp_path / 'out.csv'}': folder '{folder}' is read-only; make it "
        "writable or give --output in another folder"
    )
    options.check_output_folder(Path("/dev/null"))  # written through, its folder is not written


def test_options_no_dictionary_files() -> None:
    assert options.load_actors([]) is None
    assert options.load_verb_files([]) == []
