"""Output writers: one module per format, the registry, atomic --output files."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import threading
from pathlib import Path

import pytest

from newsevents.cli.writers import (
    EXTENSIONS,
    WRITERS,
    atomic_output,
    format_for_path,
    writer_for,
)
from newsevents.cli.writers.csv import cell, safe_cell
from newsevents.core.record import FIELDS, TABLE_FIELDS, Event


def _event(n: int, **changes: object) -> Event:
    event = Event(
        article="a.txt",
        event_id=f"a.txt#{n}",
        event_type="PROTEST",
        action_text="marched",
        sentence='Farmers marched, "loudly", in Nakuru.',
        confidence=0.75,
    )
    for key, value in changes.items():
        setattr(event, key, value)
    return event


ARTICLES: list[list[Event]] = [[_event(1), _event(2, dead=3)], [], [_event(3, background=True)]]


def _write(format: str, articles: list[list[Event]]) -> str:
    stream = io.StringIO()
    writer = writer_for(format, stream)
    try:
        for events in articles:
            writer.write(events)
    finally:
        writer.close()
    return stream.getvalue()


def test_writers_registry_has_every_format() -> None:
    assert list(WRITERS) == ["table", "json", "jsonl", "csv", "sqlite"]
    assert set(EXTENSIONS.values()) <= set(WRITERS)


@pytest.mark.parametrize(
    ("name", "format"),
    [
        ("out.json", "json"),
        ("out.jsonl", "jsonl"),
        ("out.ndjson", "jsonl"),
        ("OUT.CSV", "csv"),
        ("out.txt", None),
        ("out", None),
    ],
)
def test_writers_format_for_path(name: str, format: str | None) -> None:
    assert format_for_path(name) == format


@pytest.mark.parametrize("articles", [ARTICLES, [], [[]]], ids=["events", "none", "no-events"])
def test_writers_json_is_one_valid_array(articles: list[list[Event]]) -> None:
    text = _write("json", articles)
    expected = [event.to_dict() for events in articles for event in events]
    assert json.loads(text) == expected
    if not expected:
        assert text == "[]\n"


def test_writers_json_valid_when_cut_short() -> None:
    stream = io.StringIO()
    writer = writer_for("json", stream)
    with pytest.raises(KeyboardInterrupt):
        try:
            writer.write(ARTICLES[0])
            raise KeyboardInterrupt
        finally:
            writer.close()
    assert len(json.loads(stream.getvalue())) == 2


def test_writers_json_close_twice() -> None:
    stream = io.StringIO()
    writer = writer_for("json", stream)
    writer.close()
    writer.close()
    assert stream.getvalue() == "[]\n"


def test_writers_jsonl_one_object_per_line() -> None:
    lines = _write("jsonl", ARTICLES).splitlines()
    assert [json.loads(line) for line in lines] == [
        event.to_dict() for events in ARTICLES for event in events
    ]
    assert list(json.loads(lines[0])) == list(FIELDS)


def test_writers_jsonl_flushes_per_article() -> None:
    class Counting(io.StringIO):
        flushes = 0

        def flush(self) -> None:
            self.flushes += 1

    stream = Counting()
    writer = writer_for("jsonl", stream)
    for events in ARTICLES:
        writer.write(events)
    assert stream.flushes == len(ARTICLES)


@pytest.mark.parametrize("articles", [ARTICLES, []], ids=["events", "none"])
def test_writers_csv_header_is_fields(articles: list[list[Event]]) -> None:
    text = _write("csv", articles)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(FIELDS)
    assert len(rows) == 1 + sum(len(events) for events in articles)


def test_writers_csv_rfc4180_values() -> None:
    text = _write("csv", ARTICLES)
    assert text.endswith("\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows[0]["sentence"] == 'Farmers marched, "loudly", in Nakuru.'
    assert '"Farmers marched, ""loudly"", in Nakuru."' in text
    assert rows[0]["dead"] == ""  # None
    assert rows[1]["dead"] == "3"
    assert rows[0]["background"] == "false"
    assert rows[2]["background"] == "true"
    assert rows[0]["confidence"] == "0.75"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, ""), (True, "true"), (False, "false"), (["a", "b"], "a;b"), (3, "3"), ("x", "x")],
)
def test_writers_csv_cell(value: object, expected: str) -> None:
    assert cell(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+7 dead", "'+7 dead"),
        ("-- breaking", "'-- breaking"),
        ("@user said", "'@user said"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        (["=a", "b"], "'=a;b"),
        ("a=b", "a=b"),
        (-1.5, "-1.5"),
        (-3, "-3"),
        (None, ""),
        (False, "false"),
    ],
)
def test_writers_csv_safe_cell(value: object, expected: str) -> None:
    assert safe_cell(value) == expected


@pytest.mark.parametrize(
    ("safe", "sentence", "longitude"),
    [(True, "'=HYPERLINK(1) marched", "-1.5"), (False, "=HYPERLINK(1) marched", "-1.5")],
)
def test_writers_csv_safe_only_text(safe: bool, sentence: str, longitude: str) -> None:
    stream = io.StringIO()
    writer = writer_for("csv", stream, csv_safe=safe)
    writer.write([_event(1, sentence="=HYPERLINK(1) marched", longitude=-1.5)])
    writer.close()
    row = next(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))
    assert (row["sentence"], row["longitude"]) == (sentence, longitude)


def test_writers_table_shows_table_fields() -> None:
    text = _write("table", ARTICLES)
    for name in TABLE_FIELDS:
        assert name.replace("_", " ") in text
    assert "PROTEST" in text
    assert "0.75" in text


def test_writers_table_empty(capsys: pytest.CaptureFixture[str]) -> None:
    assert _write("table", []) == ""
    assert capsys.readouterr().err == "No events found.\n"


def test_writers_table_empty_note() -> None:
    notes: list[str] = []
    stream = io.StringIO()
    writer = writer_for("table", stream, note=notes.append)
    writer.close()
    assert (stream.getvalue(), notes) == ("", ["No events found."])


@pytest.mark.parametrize("several", [False, True])
def test_writers_table_strips_control_characters(several: bool) -> None:
    hostile = "\x1b]0;owned\x07\x1b[2Jst\x1b[31mru\x9b1mck\x07\x00"
    events = [[_event(1, action_text=hostile, article="a\x1b[2J.txt")]]
    text = _write("table", events + ([[_event(2)]] if several else []))
    assert "struck" in text
    assert re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text) == []


def test_writers_table_does_not_read_markup() -> None:
    text = _write("table", [[_event(1, action_text="[bold]struck[/bold]")]])
    assert "[bold]struck[/bold]" in text


# -- atomic --output ------------------------------------------------------------------------


def test_writers_atomic_output_replaces_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with atomic_output(target) as stream:
        stream.write("new\n")
        assert target.read_text() == "old\n"  # not visible until done
    assert target.read_text() == "new\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_writers_atomic_output_removed_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    with pytest.raises(RuntimeError), atomic_output(target) as stream:
        stream.write("half")
        raise RuntimeError("boom")
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]


def test_writers_atomic_output_kept_on_interrupt(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    with pytest.raises(KeyboardInterrupt), atomic_output(target) as stream:
        writer = writer_for("json", stream)
        try:
            writer.write(ARTICLES[0])
            raise KeyboardInterrupt
        finally:
            writer.close()
    assert len(json.loads(target.read_text())) == 2
    assert os.listdir(tmp_path) == ["out.json"]


def test_writers_atomic_output_new_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    with atomic_output(target) as stream:
        stream.write("x\n")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_writers_atomic_output_follows_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    with atomic_output(link) as stream:
        stream.write("new\n")
    assert link.is_symlink()
    assert real.read_text() == "new\n"
    assert sorted(os.listdir(tmp_path)) == ["link.jsonl", "real.jsonl"]


def test_writers_atomic_output_writes_through_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    with atomic_output(fifo) as stream:
        stream.write("row\n")
    reader.join(timeout=10)
    assert got == ["row\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert os.listdir(tmp_path) == ["pipe"]


def test_writers_atomic_output_writes_through_dev_null() -> None:
    with atomic_output("/dev/null") as stream:
        stream.write("row\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
