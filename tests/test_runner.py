"""Batch conversion: worker processes, SQLite output and resume, Ctrl-C, closed pipes, vanishing
files. The determinism test runs the real engine; the subprocess tests run the installed
`newsevents` command on folders of small generated articles.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsevents.cli.commands import extract as extract_module
from newsevents.cli.exitcodes import ExitCode
from newsevents.cli.main import app
from newsevents.core import runner as parallel
from newsevents.core.api import extract_many
from newsevents.core.article import Article
from newsevents.core.record import FIELDS
from newsevents.core.version import extractor_version

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
MARCH = "Farmers marched in Nakuru\n\nNAKURU - Farmers marched on Monday.\n"  # two fake events


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _script() -> str:
    script = Path(sys.executable).parent / "newsevents"
    found = str(script) if script.exists() else shutil.which("newsevents")
    assert found, "the newsevents console script is not installed (pip install -e .)"
    return found


def _many(folder: Path, count: int) -> Path:
    """A folder of `count` small generated articles."""
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:05d}.txt").write_text(
            f"Police detain {n + 2} protesters in Lagos\n\nLAGOS - Police arrested {n + 2} "
            f"protesters in Lagos on Tuesday, the ministry said.\n",
            encoding="utf-8",
        )
    return folder


def _db_rows(path: Path, query: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as db:
        return list(db.execute(query))


# -- workers -----------------------------------------------------------------------------------


def test_batch_workers_output_identical() -> None:
    one = subprocess.run(
        [_script(), "extract", str(SAMPLES), str(SAMPLES), "-f", "csv", "-j", "1"],
        capture_output=True,
        timeout=600,
    )
    two = subprocess.run(
        [_script(), "extract", str(SAMPLES), str(SAMPLES), "-f", "csv", "-j", "2"],
        capture_output=True,
        timeout=600,
    )
    assert one.returncode == two.returncode == ExitCode.OK, two.stderr
    assert one.stdout.count(b"\n") > 10
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr


def test_batch_library_workers_identical_with_read_errors() -> None:
    from newsevents.core.errors import EmptyInputError
    from newsevents.core.inputs import iter_inputs

    items: list[Any] = list(iter_inputs([str(SAMPLES)]))
    items.insert(3, EmptyInputError("gone.txt", "the input is empty", "give a text"))
    runs = [
        [
            (r.path, [e.to_dict() for e in r.events], str(r.error))
            for r in extract_many(items, workers=w, batch_size=4)
        ]
        for w in (1, 2)
    ]
    assert runs[0] == runs[1]
    assert runs[0][3] == ("gone.txt", [], "gone.txt: the input is empty; give a text")


def test_batch_worker_crash_fails_one_article(monkeypatch: pytest.MonkeyPatch) -> None:
    real = parallel.run_chunk

    def crashing(engine: Any, chunk: list[Article], settings: Any) -> Any:
        if any("CRASH" in a.text for a in chunk):
            if len(chunk) == 1:
                os._exit(3)  # the worker process dies, as on a segfault
            raise RuntimeError("bad batch")
        return real(engine, chunk, settings)

    monkeypatch.setattr(parallel, "run_chunk", crashing)
    texts = [MARCH, MARCH, "CRASH here\n\nCRASH.\n", MARCH, MARCH]
    articles = [Article(text=t, path=f"{n}.txt") for n, t in enumerate(texts)]
    results = list(extract_many(articles, workers=2, batch_size=2))
    assert [r.path for r in results] == [a.path for a in articles]
    assert [r.ok for r in results] == [True, True, False, True, True]
    assert "worker process died" in str(results[2].error)


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_bug_keeps_its_traceback(monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    def buggy(engine: Any, chunk: list[Article], settings: Any) -> Any:
        raise RuntimeError("engine bug")

    monkeypatch.setattr(parallel, "run_chunk", buggy)
    [result] = extract_many([Article(text=MARCH, path="a.txt")], workers=workers)
    assert str(result.error) == (
        "extraction failed (RuntimeError: engine bug); rerun with --debug, and report it"
    )
    details = getattr(result.error, "details", "")
    assert details.startswith("Traceback (most recent call last):")
    assert details.rstrip().endswith("RuntimeError: engine bug")


@pytest.mark.parametrize("debug", [True, False])
def test_batch_debug_prints_article_traceback(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, debug: bool
) -> None:
    def buggy(engine: Any, chunk: list[Article], settings: Any) -> Any:
        raise RuntimeError("engine bug")

    monkeypatch.setattr(parallel, "run_chunk", buggy)
    (tmp_path / "a.txt").write_text(MARCH, encoding="utf-8")
    args = ["extract", "a.txt", "-j", "1", "-f", "jsonl"] + (["--debug"] if debug else [])
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout) == (ExitCode.INPUT_FAILED, "")
    assert result.stderr.startswith("Traceback (most recent call last):") is debug
    assert ("in buggy\n" in result.stderr) is debug
    assert result.stderr.endswith(
        "RuntimeError: engine bug\n"
        * debug
        + "error: a.txt: extraction failed (RuntimeError: engine bug); rerun with --debug, "
        "and report it\n1 article, 0 events, 1 failed\n"
    )


def test_batch_stdout_full_disk_is_a_clear_error() -> None:
    Path("a.txt").write_text(MARCH)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [_script(), "extract", "a.txt", "-f", "jsonl"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
        )
    assert done.returncode == ExitCode.INPUT_FAILED
    assert done.stderr == (
        "error: cannot write stdout: the disk is full; free some space or write to another disk\n"
    )


def test_batch_fifo_with_no_writer_fails_alone_and_promptly() -> None:
    Path("a.txt").write_text(MARCH)
    os.mkfifo("pipe")
    done = subprocess.run(
        [_script(), "extract", "pipe", "a.txt", "-f", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,  # before the fix: blocked in open() for ever
    )
    assert done.returncode == ExitCode.INPUT_FAILED
    assert [json.loads(line)["article"] for line in done.stdout.splitlines()][:1] == ["a.txt"]
    assert done.stderr.startswith(
        "error: pipe: the input is empty; give an article text, or leave it out\n2 articles, "
    )


# -- SQLite ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("fake_engine")
def test_batch_sqlite_tables_and_resume(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(MARCH)
    (folder / "empty.txt").write_text("")

    first = runner.invoke(app, ["extract", "in", "-o", "ev.sqlite"])
    assert first.exit_code == ExitCode.INPUT_FAILED
    assert first.stdout == ""
    assert first.stderr.endswith("4 articles, 6 events, 1 failed, 0 skipped\n")
    rows = _db_rows(
        tmp_path / "ev.sqlite",
        "SELECT path, status, events, extractor_version FROM articles ORDER BY path",
    )
    assert [r[:3] for r in rows] == [
        ("in/a.txt", "ok", 2),
        ("in/b.txt", "ok", 2),
        ("in/c.txt", "ok", 2),
        ("in/empty.txt", "failed", 0),
    ]
    assert {r[3] for r in rows} == {extractor_version()}
    columns = [r[1] for r in _db_rows(tmp_path / "ev.sqlite", "PRAGMA table_info(events)")]
    assert columns == list(FIELDS)
    indexes = {r[1] for r in _db_rows(tmp_path / "ev.sqlite", "PRAGMA index_list(events)")}
    assert {"events_article", "events_event_date", "events_event_type"} <= indexes

    again = runner.invoke(app, ["extract", "in", "-o", "ev.sqlite"])
    assert again.stderr.endswith("4 articles, 0 events, 1 failed, 3 skipped\n")

    (folder / "b.txt").write_text(MARCH + "Nurses marched too.\n")
    changed = runner.invoke(app, ["extract", "in", "-o", "ev.sqlite"])
    assert changed.stderr.endswith("4 articles, 3 events, 1 failed, 2 skipped\n")
    assert _db_rows(tmp_path / "ev.sqlite", "SELECT count(*) FROM events") == [(7,)]

    forced = runner.invoke(app, ["extract", "in", "-o", "ev.sqlite", "--force"])
    assert forced.stderr.endswith("4 articles, 7 events, 1 failed, 0 skipped\n")
    assert _db_rows(tmp_path / "ev.sqlite", "SELECT count(*) FROM events") == [(7,)]


@pytest.mark.usefixtures("fake_engine")
def test_batch_sqlite_resume_same_folder_typed_two_ways(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(MARCH)
    first = runner.invoke(app, ["extract", "in", "-o", "ev.sqlite"])
    assert first.stderr.endswith("2 articles, 4 events, 0 failed, 0 skipped\n")

    again = runner.invoke(app, ["extract", str(folder), "-o", "ev.sqlite"])
    assert again.stderr.endswith("2 articles, 0 events, 0 failed, 2 skipped\n")

    (folder / "b.txt").write_text(MARCH + "Nurses marched too.\n")
    changed = runner.invoke(app, ["extract", str(folder), "-o", "ev.sqlite"])
    assert changed.stderr.endswith("2 articles, 3 events, 0 failed, 1 skipped\n")
    assert _db_rows(tmp_path / "ev.sqlite", "SELECT path FROM articles ORDER BY path") == [
        (str(folder / "b.txt"),),
        ("in/a.txt",),
    ]
    assert _db_rows(tmp_path / "ev.sqlite", "SELECT article, count(*) FROM events GROUP BY 1") == [
        (str(folder / "b.txt"), 3),
        ("in/a.txt", 2),
    ]


def test_batch_sqlite_needs_output(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MARCH)
    result = runner.invoke(app, ["extract", "a.txt", "-f", "sqlite"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert "give --output FILE.sqlite" in result.stderr


def test_batch_sqlite_not_a_database(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MARCH)
    (tmp_path / "ev.db").write_text("not a database, a note\n" * 100)
    result = runner.invoke(app, ["extract", "a.txt", "-o", "ev.db"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.startswith("error: ev.db: cannot use it as a SQLite database")


# -- faults ------------------------------------------------------------------------------------


@pytest.mark.parametrize("output", ["out.json", "out.csv", "out.sqlite", "-"])
def test_batch_sigint_leaves_valid_output(tmp_path: Path, output: str) -> None:
    folder = _many(tmp_path / "many", 1500)
    args = [_script(), "extract", str(folder), "-j", "2"]
    args += ["-f", "json"] if output == "-" else ["-o", output]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Wait until articles are being converted (the first rows are out), then press Ctrl-C.
    deadline = time.monotonic() + 120
    target = tmp_path / output
    while time.monotonic() < deadline and process.poll() is None:
        if output == "out.sqlite" and target.exists():
            with sqlite3.connect(target) as db:
                try:
                    if db.execute("SELECT count(*) FROM articles").fetchone()[0] > 20:
                        break
                except sqlite3.OperationalError:
                    pass
        elif output != "out.sqlite" and any(tmp_path.glob(f".{output}.*.tmp")):
            if any(p.stat().st_size > 2000 for p in tmp_path.glob(f".{output}.*.tmp")):
                break
        elif output == "-":
            time.sleep(8)
            break
        time.sleep(0.1)
    assert process.poll() is None, "the run ended before it could be interrupted"
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == ExitCode.INTERRUPTED, stderr
    assert b"output so far is valid" in stderr
    assert b"Traceback" not in stderr
    if output == "out.sqlite":
        done = _db_rows(target, "SELECT count(*) FROM articles")[0][0]
        assert 0 < done < 400
        assert _db_rows(target, "PRAGMA integrity_check") == [("ok",)]
    elif output == "out.csv":
        rows = list(csv.reader(io.StringIO(target.read_text(), newline="")))
        assert rows[0] == list(FIELDS) and len(rows) > 1
        assert all(len(row) == len(FIELDS) for row in rows)
    else:
        text = stdout.decode() if output == "-" else target.read_text()
        assert isinstance(json.loads(text), list)
    assert not list(tmp_path.glob(".out.*.tmp"))
    children = subprocess.run(
        ["pgrep", "-P", str(process.pid)], capture_output=True, text=True
    ).stdout
    assert children == ""


def test_batch_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    folder = _many(tmp_path / "many", 200)
    process = subprocess.Popen(
        [_script(), "extract", str(folder), "-j", "2", "-f", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # like `| head -n 1`
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == ExitCode.OK
    assert json.loads(first)["article"].endswith(".txt")
    assert stderr == ""


@pytest.mark.usefixtures("fake_engine")
def test_batch_vanished_file_is_skipped(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fake_extract_many: Callable[..., Iterator[Any]],
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(MARCH)

    def deleting(articles: Any, **options: Any) -> Iterator[Any]:
        # The folder is listed; b.txt goes away before it is read.
        def items() -> Iterator[Any]:
            for n, item in enumerate(articles):
                if n == 0:
                    (folder / "b.txt").unlink()
                yield item

        return fake_extract_many(items(), **options)

    monkeypatch.setattr("newsevents.core.api.extract_many", deleting)
    result = runner.invoke(app, ["extract", "in", "-f", "jsonl"])
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == [
        "in/a.txt",
        "in/a.txt",
        "in/c.txt",
        "in/c.txt",
    ]
    assert "error: in/b.txt:" in result.stderr
    assert result.stderr.endswith("3 articles, 4 events, 1 failed\n")


def test_batch_bad_workers_is_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(MARCH)
    with pytest.raises(extract_module.UsageProblem, match="--workers 0"):
        extract_module.extract(["a.txt"], workers=0)
