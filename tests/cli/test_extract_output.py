"""`newsevents extract --output`: formats from the extension, atomic files, never over an input.

Split from test_extract.py (same helpers, the fake engine of conftest); stdout and stderr are
checked separately.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsevents.cli.exitcodes import ExitCode
from newsevents.core.api import Result
from newsevents.core.record import FIELDS

from .test_extract import MARCH, WriteArticle, invoke, summary


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test in its tmp folder, so messages name short relative paths."""
    monkeypatch.chdir(tmp_path)


@pytest.mark.usefixtures("fake_engine")
@pytest.mark.parametrize(
    ("name", "parse"),
    [
        ("out.json", lambda text: json.loads(text)),
        ("out.jsonl", lambda text: [json.loads(line) for line in text.splitlines()]),
        ("out.ndjson", lambda text: [json.loads(line) for line in text.splitlines()]),
        ("out.csv", lambda text: list(csv.DictReader(io.StringIO(text, newline="")))),
    ],
)
def test_cli_output_format_from_extension(
    runner: CliRunner,
    write_article: WriteArticle,
    tmp_path: Path,
    name: str,
    parse: Callable[[str], list[dict[str, Any]]],
) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "--output", name)
    assert result.exit_code == ExitCode.OK
    assert result.stdout == ""
    assert result.stderr == summary(1, 2, 0)
    records = parse((tmp_path / name).read_text(encoding="utf-8"))
    assert [r["event_id"] for r in records] == ["a.txt#1", "a.txt#2"]
    assert sorted(os.listdir(tmp_path)) == ["a.txt", name]  # no temporary file left


@pytest.mark.usefixtures("fake_engine")
def test_cli_output_format_option_wins(
    runner: CliRunner, write_article: WriteArticle, tmp_path: Path
) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "-o", "events.txt", "--format", "csv")
    assert result.exit_code == ExitCode.OK
    assert (tmp_path / "events.txt").read_text().startswith(",".join(FIELDS))


def test_cli_output_unknown_extension(runner: CliRunner, write_article: WriteArticle) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "-o", "events.txt")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "error: cannot tell the format of 'events.txt' from its extension; name it with one of "
        ".json .jsonl .ndjson .csv .sqlite .sqlite3 .db or give --format\n"
    )


def test_cli_output_folder_missing(runner: CliRunner, write_article: WriteArticle) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "-o", os.path.join("nowhere", "out.json"))
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        f"error: cannot write '{os.path.join('nowhere', 'out.json')}': folder 'nowhere' does not "
        "exist; create it first\n"
    )


@pytest.mark.usefixtures("fake_engine")
@pytest.mark.parametrize(
    ("args", "output", "example"),
    [
        (["a.txt", "-o", "a.txt", "--format", "jsonl"], "a.txt", "-o events.jsonl"),
        (["a.txt", "-o", "./a.txt", "-f", "csv"], "a.txt", "-o events.csv"),
        (["b.txt", "a.txt", "-o", "ABSOLUTE", "-f", "json"], "a.txt", "-o events.json"),
    ],
    ids=["same-name", "other-spelling", "absolute-path"],
)
def test_cli_output_never_replaces_an_input(
    runner: CliRunner,
    write_article: WriteArticle,
    tmp_path: Path,
    args: list[str],
    output: str,
    example: str,
) -> None:
    write_article("a.txt", MARCH)
    write_article("b.txt", MARCH)
    args = [str(tmp_path / output) if a == "ABSOLUTE" else a for a in args]
    result = invoke(runner, *args)
    assert (result.exit_code, result.stdout) == (ExitCode.USAGE, "")
    shown = args[args.index("-o") + 1]
    assert result.stderr == (
        f"error: --output '{Path(shown)}' is also an input: writing would replace it; "
        f"write to another file, e.g. {example}\n"
    )
    assert (tmp_path / output).read_text(encoding="utf-8") == MARCH
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]


@pytest.mark.usefixtures("fake_engine")
@pytest.mark.parametrize("existed", [True, False])
def test_cli_output_says_when_it_replaces(
    runner: CliRunner, write_article: WriteArticle, tmp_path: Path, existed: bool
) -> None:
    write_article("a.txt", MARCH)
    if existed:
        (tmp_path / "out.jsonl").write_text("old\n", encoding="utf-8")
    result = invoke(runner, "a.txt", "-o", "out.jsonl")
    assert (result.exit_code, result.stdout) == (ExitCode.OK, "")
    note = "wrote out.jsonl (replaced the file that was there)\n" if existed else ""
    assert result.stderr == note + summary(1, 2, 0)
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.usefixtures("fake_engine")
def test_cli_output_full_disk_is_a_clear_error(
    runner: CliRunner, write_article: WriteArticle
) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "-f", "jsonl", "-o", "/dev/full")
    assert (result.exit_code, result.stdout) == (ExitCode.INPUT_FAILED, "")
    assert result.stderr == (
        "error: cannot write '/dev/full': the disk is full; free some space or write to "
        "another disk\n"
    )
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.usefixtures("fake_engine")
def test_cli_output_read_only_folder_refused_before_work(
    runner: CliRunner,
    write_article: WriteArticle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    write_article("a.txt", MARCH)
    (tmp_path / "ro").mkdir()
    folder = os.path.realpath(tmp_path / "ro")
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda path, mode: str(path) != folder and real_access(path, mode)
    )
    result = invoke(runner, "a.txt", "-o", "ro/out.jsonl")
    assert (result.exit_code, result.stdout) == (ExitCode.USAGE, "")
    assert result.stderr == (
        f"error: cannot write 'ro/out.jsonl': folder '{folder}' is read-only; make it writable "
        "or give --output in another folder\n"
    )


def test_cli_output_atomic_on_crash(
    runner: CliRunner, write_article: WriteArticle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_article("a.txt", MARCH)
    write_article("b.txt", MARCH)
    (tmp_path / "out.jsonl").write_text("old\n")

    def crashing(articles: Any, **options: Any) -> Iterator[Result]:
        for item in articles:
            yield Result(path=item.path, article=item, events=[])
            raise RuntimeError("engine bug")

    monkeypatch.setattr("newsevents.core.api.extract_many", crashing)
    result = invoke(runner, "a.txt", "b.txt", "-o", "out.jsonl")
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert result.stderr == (
        "error: unexpected RuntimeError: engine bug; rerun with --debug for the traceback "
        "and report it\n"
    )
    assert (tmp_path / "out.jsonl").read_text() == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt", "out.jsonl"]
