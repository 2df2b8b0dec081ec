"""Reading articles: files, folders, stdin, HTML and JSON Lines records."""

from __future__ import annotations

from .reader import (
    TooLargeInputError,
    check_input_format,
    decode,
    display_name,
    iter_inputs,
    parse_article,
    parse_date,
    read_article,
    read_articles,
    read_stream,
    sniff_format,
)
from .reader import (
    _walk as walk,
)

__all__ = [
    "TooLargeInputError",
    "check_input_format",
    "decode",
    "display_name",
    "iter_inputs",
    "parse_article",
    "parse_date",
    "read_article",
    "read_articles",
    "read_stream",
    "sniff_format",
    "walk",
]
