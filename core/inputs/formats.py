"""The input formats (`--input-format`), the files a folder walk takes, and sniffing."""

from __future__ import annotations

from pathlib import Path

INPUT_FORMATS: tuple[str, ...] = ("auto", "text", "html", "jsonl")
"""`input_format` values: "jsonl" reads JSON Lines and JSON (one object or a list)."""

DEFAULT_GLOB = "*.txt"
"""Files read in folders when no glob is given (for "auto" and "text")."""

# Folder walks with --input-format html/jsonl and no --glob take these files.
FORMAT_GLOBS: dict[str, str] = {
    "auto": DEFAULT_GLOB,
    "text": DEFAULT_GLOB,
    "html": "*.htm*",
    "jsonl": "*.*json*",
}
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})


def sniff_format(head: bytes) -> str:
    """The reader the first bytes ask for: "html" (`<`), "jsonl" (`{` or `[`), else "text"."""
    first = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if first == b"<":
        return "html"
    if first in (b"{", b"["):
        return "jsonl"
    return "text"


def check_input_format(input_format: str) -> None:
    """Raise ValueError naming the choices when `input_format` is not one of INPUT_FORMATS."""
    if input_format not in INPUT_FORMATS:
        choices = "|".join(INPUT_FORMATS)
        raise ValueError(f"unknown input format '{input_format}'; use one of {choices}")


def format_for(path: str, input_format: str) -> str | None:
    """The reader a file needs: the given format, else by extension; None means sniff it."""
    if input_format != "auto":
        return input_format
    suffix = Path(path).suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _JSON_SUFFIXES:
        return "jsonl"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    return None
