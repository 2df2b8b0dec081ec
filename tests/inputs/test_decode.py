"""Decoding inputs: byte-order marks, legacy codecs, empty and binary files."""

from __future__ import annotations

import pytest

from newsevents.core.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
)
from newsevents.core.inputs.reader import read_article

from .samples import BODY, WriteArticle


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
