"""Decoding the bytes of an input: byte-order marks, binary files, UTF-8 or a legacy codec."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import BinaryInputError, EmptyInputError
from .source import display_name

# (magic bytes, what the file is); checked before anything is decoded.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


Decoded = tuple[str, list[str]]  # (text, warnings)


def decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decode the bytes of one input; return (text, warnings).

    UTF-8, UTF-8 with BOM and UTF-16/32 with BOM decode silently; anything else that is not
    valid UTF-8 decodes as Windows-1252 (falling back to Latin-1) with a warning.

    Raises:
        EmptyInputError: no bytes at all.
        BinaryInputError: a PDF, PNG, JPEG or GIF file, or NUL bytes in a text without a BOM.
    """
    if not data:
        raise EmptyInputError(path, "the input is empty", "give an article text, or leave it out")
    for step in _DECODERS:
        decoded = step(data, path)
        if decoded is not None:
            return decoded
    return _utf8_or_legacy(data, path)


def _with_bom(data: bytes, path: str) -> Decoded | None:
    """A byte-order mark names the codec: b"\\xff\\xfe..." is UTF-16 (broken text warns)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), []
            except UnicodeDecodeError:
                name = display_name(path)
                warning = f"{name}: broken {codec.upper()} text; unreadable characters replaced"
                return data.decode(codec, errors="replace"), [warning]
    return None


def _refuse_binary(data: bytes, path: str) -> Decoded | None:
    """A PDF, an image or NUL bytes is no text: b"%PDF-1.7" raises BinaryInputError."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            hint = (
                "convert it to plain text first (e.g. pdftotext)"
                if kind == "a PDF document"
                else "give a plain-text article"
            )
            raise BinaryInputError(path, f"{kind}, not text", hint)
    if b"\x00" in data:
        raise BinaryInputError(
            path, "a binary file (it contains NUL bytes), not text", "give a plain-text article"
        )
    return None


def _utf8_or_legacy(data: bytes, path: str) -> Decoded:
    """UTF-8 decodes silently; anything else is Windows-1252 (else Latin-1), with a warning:
    b"Caf\\xe9" is "Café" read as Windows-1252."""
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as err:
        where = err.start
    try:
        text, codec = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, codec = data.decode("latin-1"), "Latin-1"
    warning = (
        f"{display_name(path)}: not valid UTF-8 (byte {where}); read as {codec}, check accented "
        "characters or save the file as UTF-8"
    )
    return text, [warning]


# How the bytes of an input become text, in order of precedence; bytes none of them take
# are UTF-8 or else a legacy 8-bit text (`_utf8_or_legacy`).
_DECODERS: tuple[Callable[[bytes, str], Decoded | None], ...] = (_with_bom, _refuse_binary)
