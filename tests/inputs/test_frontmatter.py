"""Plain-text articles: front matter, title, offsets, empty texts."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.core.article import Article
from newsevents.core.errors import (
    EmptyInputError,
)
from newsevents.core.inputs.frontmatter import parse_article

from .samples import BODY


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


NOT_CLOSED = "a.txt: line 1: front matter '---' is never closed; "
NOT_KEY = "is not 'key: value'; ignored (write it as key: value, or below the closing '---')"


@pytest.mark.parametrize(
    ("raw", "title", "published", "text", "warnings"),
    [
        (
            "---\nnot front matter, just a rule\n---\n" + BODY,
            "Farmers marched in Nakuru",
            None,
            BODY,
            [f"a.txt: line 2: front matter line 'not front matter, just a rule' {NOT_KEY}"],
        ),
        (
            "---\ntitle: Farmers march\nBreaking news\ndate: 2024-05-04\n---\n" + BODY,
            "Farmers march",
            date(2024, 5, 4),
            BODY,
            [f"a.txt: line 3: front matter line 'Breaking news' {NOT_KEY}"],
        ),
        (
            "---\ntitle: Never closed\ndate: 2024-05-04\n" + BODY,
            "Never closed",
            date(2024, 5, 4),
            BODY,
            [
                NOT_CLOSED + "read lines 2-3 as front matter and the rest as the text "
                "(add a '---' line after the front matter)"
            ],
        ),
        (
            "---\ndate: 2024-05-04\n\n" + BODY,
            "Farmers marched in Nakuru",
            date(2024, 5, 4),
            "\n" + BODY,
            [
                NOT_CLOSED + "read line 2 as front matter and the rest as the text "
                "(add a '---' line after the front matter)"
            ],
        ),
        (
            "---\n" + BODY,
            "Farmers marched in Nakuru",
            None,
            BODY,
            [
                "a.txt: line 1: front matter '---' is never closed and holds no 'key: value' "
                "line; read the rest as the text "
                "(delete the '---' line, or close the front matter)"
            ],
        ),
    ],
    ids=["not-key-value", "one-bad-line", "never-closed", "never-closed-blank", "only-a-rule"],
)
def test_reader_parse_article_malformed_front_matter_is_read_with_warnings(
    raw: str, title: str, published: date | None, text: str, warnings: list[str]
) -> None:
    article = parse_article(raw, "a.txt")
    assert (article.title, article.published) == (title, published)
    assert article.text.lstrip("\n") == text.lstrip("\n")
    assert article.warnings == warnings


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
