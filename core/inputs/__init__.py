"""Reading articles: files, folders, stdin, HTML and JSON Lines records.

Modules, by input kind: `source` (names and size limits), `decode` (bytes to text),
`frontmatter` (plain text and its front matter), `html` (pages via trafilatura), `jsonl`
(JSON and JSON Lines records), `scraped` (what pages and records share), `formats` (choosing
the reader), `reader` (one input, opened and read) and `walk` (INPUTs: files, folders, stdin).
"""

from __future__ import annotations

from .decode import decode
from .formats import check_input_format, sniff_format
from .frontmatter import parse_article, parse_date
from .reader import read_article, read_articles, read_stream
from .source import TooLargeInputError, display_name
from .walk import iter_inputs, walk

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
