"""What an input is called in messages and how large one article may be."""

from __future__ import annotations

from ..errors import InputError

STDIN = "-"
"""The INPUT name (and `Article.path`) of standard input."""

MAX_ARTICLE_BYTES = 1_000_000
"""Larger inputs are refused: no news article is this long, and spaCy's default limit is 1M."""

MAX_HTML_BYTES = 10_000_000
"""Larger HTML pages are refused: pages carry scripts and markup, so the limit is higher."""

MAX_JSON_BYTES = 500_000_000
"""A JSON document (not JSON Lines, which is streamed) is parsed whole, so it is capped."""


class TooLargeInputError(InputError):
    """The input is larger than MAX_ARTICLE_BYTES: not one news article."""


def display_name(path: str) -> str:
    """How messages name an input: as the rows' `article` column does (`-` or `-#2` for stdin)."""
    return path


def too_large(path: str, size: int, max_bytes: int) -> TooLargeInputError:
    """The error for an input of `size` bytes over the limit `max_bytes`."""
    return TooLargeInputError(
        path,
        f"too large for one article ({size:,} bytes; the limit is {max_bytes:,})",
        "split it into one file per article",
    )
