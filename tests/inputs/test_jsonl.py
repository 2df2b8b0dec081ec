"""JSON and JSON Lines of scraped articles: records, bad records, broken documents."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli.exitcodes import ExitCode
from newsevents.cli.main import app
from newsevents.core.article import Article
from newsevents.core.errors import EmptyInputError, InputError
from newsevents.core.inputs.jsonl import JsonInputError
from newsevents.core.inputs.reader import read_stream
from newsevents.core.inputs.walk import iter_inputs

from .samples import RECORD, json_line


@pytest.mark.parametrize(
    ("name", "content", "paths"),
    [
        ("one.json", json.dumps(RECORD), ["one.json"]),
        ("list.json", json.dumps([RECORD, RECORD]), ["list.json#1", "list.json#2"]),
        (
            "lines.jsonl",
            json_line(RECORD) + "\n" + json_line(RECORD),
            ["lines.jsonl#1", "lines.jsonl#2"],
        ),
        ("pretty.json", json.dumps([RECORD], indent=2), ["pretty.json#1"]),
    ],
    ids=["object", "list", "jsonl", "pretty"],
)
def test_reader_formats_json_records(
    tmp_path: Path, name: str, content: str, paths: list[str]
) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    items = list(iter_inputs([str(tmp_path / name)]))
    assert [Path(item.path).name for item in items] == paths
    article = items[0]
    assert isinstance(article, Article)
    assert article.text == "Farmers march in Nakuru\n\nNAKURU - Farmers marched on Monday.\n"
    assert (article.published, article.url, article.source, article.article_id) == (
        date(2024, 5, 4),
        "https://example.org/a",
        "example.org",
        "7",
    )


def test_reader_formats_bad_records_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json_line(RECORD)
        + json_line({"title": "no text"})
        + "not json\n"
        + json_line([1])
        + json_line(RECORD),
        encoding="utf-8",
    )
    items = list(iter_inputs([str(path)]))
    assert [type(item) for item in items] == [
        Article,
        EmptyInputError,
        JsonInputError,
        JsonInputError,
        Article,
    ]
    assert str(items[2]) == (
        f"{path}#3: not valid JSON (line 3, column 1: Expecting value); "
        "fix or remove this line; each line must be one article object"
    )
    assert str(items[3]) == (
        f"{path}#4: a JSON list, not an article object; "
        "give one object per article with 'title' and 'maintext' or 'text'"
    )


def test_reader_formats_broken_json_document(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"title": "x",\n "text": }\n', encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert len(items) == 1 and isinstance(items[0], JsonInputError)
    assert items[0].problem.startswith("not valid JSON (line 2, column 10")


def test_reader_formats_record_body_already_has_title() -> None:
    record = {"title": "Farmers march", "text": "Farmers march\n\nThey marched."}
    stream = io.BytesIO(json.dumps(record).encode())
    assert read_stream(stream).text == "Farmers march\n\nThey marched.\n"


@pytest.mark.usefixtures("fake_engine")
def test_reader_formats_cli_jsonl_rows_and_failures(tmp_path: Path) -> None:
    path = tmp_path / "scraped.jsonl"
    marched = {**RECORD, "maintext": "Farmers marched on Monday."}
    path.write_text(json_line(marched) + json_line({"title": "empty"}), encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == ExitCode.INPUT_FAILED
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["article"], r["article_id"], r["article_url"]) for r in rows] == [
        (f"{path}#1", "7", "https://example.org/a")
    ]
    assert result.stderr == (
        f"error: {path}#2: no article text (no 'maintext' or 'text' field, or it is empty); "
        "add the article text, or leave this record out\n2 articles, 1 event, 1 failed\n"
    )


def test_reader_formats_errors_name_stdin_records() -> None:
    data = b'{"title": "x"}\n{"title": "y"}\n'
    items = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert isinstance(items[0], InputError)
    from newsevents.core.inputs.source import display_name

    assert display_name(items[0].path) == items[0].path == "-#1"
