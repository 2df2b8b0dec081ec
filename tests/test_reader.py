"""Reading articles: front matter, decoding, bad inputs, folders, stdin."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from newsevents.core.article import Article
from newsevents.core.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputNotFoundError,
    NoMatchingFilesError,
    UnreadableInputError,
)
from newsevents.core.inputs import reader
from newsevents.core.inputs.reader import (
    TooLargeInputError,
    iter_inputs,
    parse_article,
    read_article,
    read_stream,
)

WriteArticle = Callable[..., Path]
BODY = "Farmers marched in Nakuru\n\nNAKURU - Farmers marched through the town on Monday.\n"


# -- parse_article --------------------------------------------------------------------------


def test_reader_parse_article_front_matter() -> None:
    raw = (
        "---\ntitle: Farmers march\ndate: 2024-05-04\nurl: https://example.org/a\n"
        "source: Test Wire\nid: tw-1\n---\n" + BODY
    )
    article = parse_article(raw, "a.txt")
    assert article == Article(
        text=BODY,
        path="a.txt",
        title="Farmers march",
        published=date(2024, 5, 4),
        url="https://example.org/a",
        source="Test Wire",
        article_id="tw-1",
        warnings=[],
    )


def test_reader_parse_article_offsets_index_text_after_front_matter() -> None:
    raw = "---\ndate: 2024-05-04\n---\n\n\n" + BODY
    article = parse_article(raw, "a.txt")
    assert article.text == BODY
    start = article.text.index("marched")
    assert article.text[start : start + 7] == "marched"


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        (BODY, "Farmers marched in Nakuru"),
        ("\n\n   Headline with spaces  \nbody\n", "Headline with spaces"),
        ("---\ndate: 2024-05-04\n---\nFirst line\nsecond\n", "First line"),
        ("---\ntitle: 'Quoted title'\n---\nFirst line\n", "Quoted title"),
    ],
)
def test_reader_parse_article_title(raw: str, title: str) -> None:
    assert parse_article(raw, "a.txt").title == title


@pytest.mark.parametrize(
    "raw",
    [
        "---\nnot front matter, just a rule\n---\n" + BODY,  # a line that is not key: value
        "---\ntitle: never closed\n" + BODY,  # no closing fence
    ],
)
def test_reader_parse_article_without_valid_front_matter_keeps_text(raw: str) -> None:
    article = parse_article(raw, "a.txt")
    assert article.text == raw
    assert article.published is None


def test_reader_parse_article_crlf_front_matter() -> None:
    raw = "---\r\ndate: 2024-05-04\r\n---\r\nHeadline\r\nBody text.\r\n"
    article = parse_article(raw, "a.txt")
    assert article.text == "Headline\r\nBody text.\r\n"
    assert article.published == date(2024, 5, 4)
    assert article.title == "Headline"


@pytest.mark.parametrize(
    ("front", "warning"),
    [
        (
            "date: 4 May 2024\n",
            "a.txt: front matter date '4 May 2024' is not a YYYY-MM-DD date; ignored",
        ),
        (
            "author: Someone\n",
            "a.txt: unknown front matter key 'author' ignored "
            "(known: title, date, url, source, id)",
        ),
    ],
)
def test_reader_parse_article_front_matter_warnings(front: str, warning: str) -> None:
    article = parse_article(f"---\n{front}---\n{BODY}", "a.txt")
    assert article.warnings == [warning]
    assert article.published is None


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", "the input is empty"),
        (" \n\t\n", "the input holds only whitespace"),
        ("---\ntitle: Only metadata\n---\n\n", "no article text after the front matter"),
    ],
)
def test_reader_parse_article_empty(raw: str, problem: str) -> None:
    with pytest.raises(EmptyInputError) as info:
        parse_article(raw, "a.txt")
    assert info.value.path == "a.txt"
    assert info.value.problem == problem


# -- read_article: decoding ------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        BODY.encode("utf-8"),
        b"\xef\xbb\xbf" + BODY.encode("utf-8"),
        BODY.encode("utf-16"),  # with BOM, native order
        b"\xfe\xff" + BODY.encode("utf-16-be"),
        b"\xff\xfe" + BODY.encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16", "utf16-be-bom", "utf16-le-bom"],
)
def test_reader_read_article_decodes_silently(write_article: WriteArticle, data: bytes) -> None:
    article = read_article(write_article("a.txt", data=data))
    assert article.text == BODY
    assert article.warnings == []


def test_reader_read_article_non_utf8_warns(write_article: WriteArticle) -> None:
    path = write_article("a.txt", data="Caf\xe9 owners marched.\n".encode("cp1252"))
    article = read_article(path)
    assert article.text == "Caf\xe9 owners marched.\n"
    assert article.warnings == [
        f"{path}: not valid UTF-8 (byte 3); read as Windows-1252, check accented characters "
        "or save the file as UTF-8"
    ]


def test_reader_read_article_default_date(write_article: WriteArticle) -> None:
    plain = write_article("plain.txt", BODY)
    dated = write_article("dated.txt", BODY, date="2020-01-02")
    assert read_article(plain, date(2024, 5, 4)).published == date(2024, 5, 4)
    assert read_article(dated, date(2024, 5, 4)).published == date(2020, 1, 2)
    assert read_article(plain).published is None


# -- read_article: bad inputs ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "error", "problem", "hint"),
    [
        (b"", EmptyInputError, "the input is empty", "give an article text, or leave it out"),
        (
            b"  \n\n ",
            EmptyInputError,
            "the input holds only whitespace",
            "give an article text, or leave this input out",
        ),
        (
            b"text\x00with NUL",
            BinaryInputError,
            "a binary file (it contains NUL bytes), not text",
            "give a plain-text article",
        ),
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
            BinaryInputError,
            "a PDF document, not text",
            "convert it to plain text first (e.g. pdftotext)",
        ),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            BinaryInputError,
            "a PNG image, not text",
            "give a plain-text article",
        ),
        (
            b"\xff\xd8\xff\xe0\x00\x10JFIF",
            BinaryInputError,
            "a JPEG image, not text",
            "give a plain-text article",
        ),
        (b"GIF89a\x01\x00", BinaryInputError, "a GIF image, not text", "give a plain-text article"),
    ],
    ids=["empty", "whitespace", "nul", "pdf", "png", "jpeg", "gif"],
)
def test_reader_read_article_bad_input(
    write_article: WriteArticle,
    data: bytes,
    error: type[InputError],
    problem: str,
    hint: str,
) -> None:
    path = write_article("bad.txt", data=data)
    with pytest.raises(error) as info:
        read_article(path)
    assert (info.value.path, info.value.problem, info.value.hint) == (str(path), problem, hint)
    assert str(info.value) == f"{path}: {problem}; {hint}"


def test_reader_read_article_too_large(write_article: WriteArticle) -> None:
    path = write_article("big.txt", data=b"word " * 30)
    with pytest.raises(TooLargeInputError) as info:
        read_article(path, max_bytes=100)
    assert str(info.value) == (
        f"{path}: too large for one article (150 bytes; the limit is 100); "
        "split it into one file per article"
    )


def test_reader_read_article_missing(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError) as info:
        read_article(tmp_path / "nope.txt")
    assert str(info.value) == f"{tmp_path / 'nope.txt'}: no such file or folder; check the path"


@pytest.mark.parametrize(
    ("raised", "problem", "hint"),
    [
        (
            PermissionError(13, "Permission denied"),
            "permission denied",
            "check the file's permissions",
        ),
        (
            FileNotFoundError(2, "No such file or directory"),
            "the file vanished while being read",
            "check that nothing else moves it",
        ),
        (OSError(5, "Input/output error"), "input/output error", "check the file and try again"),
    ],
    ids=["permission", "vanished", "io-error"],
)
def test_reader_read_article_unreadable(
    write_article: WriteArticle,
    monkeypatch: pytest.MonkeyPatch,
    raised: OSError,
    problem: str,
    hint: str,
) -> None:
    # We run as root, where chmod 000 does not stop reading: simulate the failing open().
    path = write_article("locked.txt", BODY)

    def failing_open(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(reader, "open", failing_open, raising=False)
    with pytest.raises(UnreadableInputError) as info:
        read_article(path)
    assert str(info.value) == f"{path}: {problem}; {hint}"


# -- read_stream ------------------------------------------------------------------------------


def test_reader_read_stream_stdin() -> None:
    article = read_stream(io.BytesIO(BODY.encode()), date(2024, 5, 4))
    assert (article.path, article.text, article.published) == ("-", BODY, date(2024, 5, 4))


def test_reader_read_stream_empty_names_stdin() -> None:
    with pytest.raises(EmptyInputError) as info:
        read_stream(io.BytesIO(b""))
    assert info.value.path == "-"


# -- iter_inputs ------------------------------------------------------------------------------


def _names(items: list[Article | InputError]) -> list[str]:
    return [item.path for item in items]


def test_reader_iter_inputs_folder_recursive_sorted_hidden_skipped(
    tmp_path: Path, write_article: WriteArticle
) -> None:
    for name in [
        "b.txt",
        "a.txt",
        "sub/c.txt",
        "sub/deeper/d.txt",
        "notes.md",
        ".hidden.txt",
        ".git/e.txt",
        "A2.txt",
    ]:
        write_article(name, BODY)
    items = list(iter_inputs([str(tmp_path)]))
    assert _names(items) == [
        str(tmp_path / name)
        for name in ["A2.txt", "a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.txt"]
    ]
    assert all(isinstance(item, Article) for item in items)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("*.md", ["notes.md"]), ("*", ["a.txt", "notes.md"]), ("a.*", ["a.txt"])],
)
def test_reader_iter_inputs_glob(
    tmp_path: Path, write_article: WriteArticle, pattern: str, expected: list[str]
) -> None:
    write_article("a.txt", BODY)
    write_article("notes.md", BODY)
    items = list(iter_inputs([str(tmp_path)], glob=pattern))
    assert _names(items) == [str(tmp_path / name) for name in expected]


def test_reader_iter_inputs_named_file_ignores_glob(write_article: WriteArticle) -> None:
    path = write_article("notes.md", BODY)
    assert _names(list(iter_inputs([str(path)]))) == [str(path)]


def test_reader_iter_inputs_bad_inputs_do_not_stop(
    tmp_path: Path, write_article: WriteArticle
) -> None:
    good = write_article("good.txt", BODY)
    empty = write_article("empty.txt", "")
    (tmp_path / "nothing").mkdir()
    items = list(
        iter_inputs(
            [str(tmp_path / "missing.txt"), str(empty), str(tmp_path / "nothing"), str(good)]
        )
    )
    assert [type(item) for item in items] == [
        InputNotFoundError,
        EmptyInputError,
        NoMatchingFilesError,
        Article,
    ]
    assert str(items[2]) == (
        f"{tmp_path / 'nothing'}: no files match '*.txt' in this folder; "
        "pick other files with --glob, e.g. --glob '*.md'"
    )


def test_reader_iter_inputs_symlink_loop(tmp_path: Path, write_article: WriteArticle) -> None:
    write_article("sub/a.txt", BODY)
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    items = list(iter_inputs([str(tmp_path)]))
    assert _names(items) == [str(tmp_path / "sub" / "a.txt")]


def test_reader_iter_inputs_stdin_and_date(write_article: WriteArticle) -> None:
    path = write_article("a.txt", BODY)
    items = list(
        iter_inputs(["-", str(path)], default_date=date(2024, 5, 4), stdin=io.BytesIO(b"Hi.\n"))
    )
    assert [(item.path, item.published) for item in items if isinstance(item, Article)] == [
        ("-", date(2024, 5, 4)),
        (str(path), date(2024, 5, 4)),
    ]


def test_reader_iter_inputs_streams(tmp_path: Path, write_article: WriteArticle) -> None:
    write_article("a.txt", BODY)
    stream = iter_inputs([str(tmp_path), str(tmp_path / "missing")])
    first = next(stream)  # nothing after the first item has been looked at yet
    assert isinstance(first, Article)
    assert isinstance(next(stream), InputNotFoundError)
