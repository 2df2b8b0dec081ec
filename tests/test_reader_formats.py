"""Reading HTML pages and JSON / JSON Lines of scraped articles; `--input-format`."""

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
from newsevents.core.errors import EmptyInputError, InputError, NoMatchingFilesError
from newsevents.core.inputs.reader import (
    JsonInputError,
    iter_inputs,
    read_article,
    read_stream,
    sniff_format,
)

PARAGRAPH = (
    "NAKURU - Hundreds of farmers marched through the centre of Nakuru on Monday to demand "
    "higher maize prices, the county police commander told reporters at the scene."
)
PAGE = f"""<!DOCTYPE html><html><head><title>Farmers march in Nakuru | Test Wire</title>
<meta property="og:title" content="Farmers march in Nakuru">
<meta property="article:published_time" content="2024-05-04T08:00:00Z">
<link rel="canonical" href="https://example.org/nakuru"></head>
<body><nav><a href="/">Home</a> <a href="/world">World news</a></nav>
<article><h1>Farmers march in Nakuru</h1><p>{PARAGRAPH}</p>
<p>The farmers walked from the grain market to the county offices, where they handed a
petition to officials and then went home peacefully in the afternoon.</p></article>
<footer>Copyright Test Wire. Subscribe to our newsletter for more stories.</footer>
</body></html>"""
RECORD = {
    "title": "Farmers march in Nakuru",
    "maintext": "NAKURU - Farmers marched on Monday.",
    "date_publish": "2024-05-04 10:20:00",
    "url": "https://example.org/a",
    "source_domain": "example.org",
    "id": 7,
}


def _line(record: object) -> str:
    return json.dumps(record) + "\n"


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


def test_reader_formats_html_main_text_title_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.text.startswith(f"Farmers march in Nakuru\n\n{PARAGRAPH}\n\nThe farmers")
    assert "Subscribe" not in article.text and "World news" not in article.text
    assert (article.title, article.published, article.url) == (
        "Farmers march in Nakuru",
        date(2024, 5, 4),
        "https://example.org/nakuru",
    )


def test_reader_formats_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>Sign in</title></head><body></body></html>", "utf-8")
    with pytest.raises(EmptyInputError) as info:
        read_article(path)
    assert info.value.problem == "no article text found in the HTML page"


@pytest.mark.parametrize(
    ("name", "content", "paths"),
    [
        ("one.json", json.dumps(RECORD), ["one.json"]),
        ("list.json", json.dumps([RECORD, RECORD]), ["list.json#1", "list.json#2"]),
        ("lines.jsonl", _line(RECORD) + "\n" + _line(RECORD), ["lines.jsonl#1", "lines.jsonl#2"]),
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
        _line(RECORD) + _line({"title": "no text"}) + "not json\n" + _line([1]) + _line(RECORD),
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
    (tmp_path / "c.jsonl").write_text(_line(RECORD), encoding="utf-8")
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
def test_reader_formats_cli_jsonl_rows_and_failures(tmp_path: Path) -> None:
    path = tmp_path / "scraped.jsonl"
    marched = {**RECORD, "maintext": "Farmers marched on Monday."}
    path.write_text(_line(marched) + _line({"title": "empty"}), encoding="utf-8")
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


@pytest.mark.usefixtures("fake_engine")
def test_reader_formats_cli_stdin_input_format(tmp_path: Path) -> None:
    data = _line({**RECORD, "maintext": "They marched."})
    result = CliRunner().invoke(
        app, ["extract", "--input-format", "jsonl", "-f", "jsonl"], input=data
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == ["-"]


def test_reader_formats_errors_name_stdin_records() -> None:
    data = b'{"title": "x"}\n{"title": "y"}\n'
    items = list(iter_inputs(["-"], stdin=io.BytesIO(data)))
    assert isinstance(items[0], InputError)
    from newsevents.core.inputs.reader import display_name

    assert display_name(items[0].path) == "<stdin>#1"
