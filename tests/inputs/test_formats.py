"""Input formats: sniffing, `--input-format`, default globs, stdin in every format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli.exitcodes import ExitCode
from newsevents.cli.main import app
from newsevents.core.article import Article
from newsevents.core.errors import NoMatchingFilesError
from newsevents.core.inputs.formats import sniff_format
from newsevents.core.inputs.walk import iter_inputs

from .samples import PAGE, RECORD, json_line


@pytest.mark.parametrize(
    ("head", "reader"),
    [
        (b"<!DOCTYPE html>", "html"),
        (b"\xef\xbb\xbf  \n<html>", "html"),
        (b'{"title": 1}', "jsonl"),
        (b"\n [", "jsonl"),
        (b"Farmers marched", "text"),
        (b"", "text"),
    ],
)
def test_reader_formats_sniff(head: bytes, reader: str) -> None:
    assert sniff_format(head) == reader


@pytest.mark.parametrize(
    ("data", "input_format", "kind"),
    [
        (PAGE.encode(), "auto", "html"),
        (json.dumps(RECORD).encode(), "auto", "json"),
        (b"[Reuters] Farmers marched.\n", "auto", "text"),
        (b"<Farmers> marched.\n", "text", "text"),
    ],
    ids=["html", "json", "bracket-text", "forced-text"],
)
def test_reader_formats_stdin(data: bytes, input_format: str, kind: str) -> None:
    items = list(iter_inputs(["-"], stdin=io.BytesIO(data), input_format=input_format))
    assert len(items) == 1 and isinstance(items[0], Article)
    article = items[0]
    if kind == "html":
        assert article.title == "Farmers march in Nakuru" and article.path == "-"
    elif kind == "json":
        assert article.article_id == "7"
    else:
        assert article.text == data.decode()


def test_reader_formats_folder_default_glob_takes_only_txt(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Farmers marched.\n", encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json_line(RECORD), encoding="utf-8")
    names = lambda items: [Path(i.path).name for i in items]  # noqa: E731
    assert names(iter_inputs([str(tmp_path)])) == ["a.txt"]
    assert names(iter_inputs([str(tmp_path)], glob="*.*")) == ["a.txt", "b.html", "c.jsonl"]
    assert names(iter_inputs([str(tmp_path)], input_format="html")) == ["b.html"]
    assert names(iter_inputs([str(tmp_path)], input_format="jsonl")) == ["c.jsonl"]


def test_reader_formats_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown input format 'xml'; use one of auto"):
        list(iter_inputs(["-"], input_format="xml"))


def test_reader_formats_no_matching_names_pattern(tmp_path: Path) -> None:
    items = list(iter_inputs([str(tmp_path)], input_format="html"))
    assert isinstance(items[0], NoMatchingFilesError)
    assert items[0].problem == "no files match '*.htm*' in this folder"


@pytest.mark.usefixtures("fake_engine")
def test_reader_formats_cli_stdin_input_format(tmp_path: Path) -> None:
    data = json_line({**RECORD, "maintext": "They marched."})
    result = CliRunner().invoke(
        app, ["extract", "--input-format", "jsonl", "-f", "jsonl"], input=data
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == ["-"]
