"""INPUTs: folders walked in order, globs, bad inputs, symlink loops, stdin."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

import pytest

from newsevents.core.article import Article
from newsevents.core.errors import (
    EmptyInputError,
    InputError,
    InputNotFoundError,
    NoMatchingFilesError,
)
from newsevents.core.inputs.walk import iter_inputs

from .samples import BODY, WriteArticle


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
