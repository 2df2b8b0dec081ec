"""HTML pages: the main text, title, date, URL and site, extracted with trafilatura.

Boilerplate (menus, comments, tables, images) is dropped; the text is "title\n\nbody". Only
the page's own publication date is taken.
"""

from __future__ import annotations

import logging
from typing import Any

from ..article import Article
from ..errors import EmptyInputError, InputError
from .scraped import scraped_date, title_and_body


class MissingReaderError(InputError):
    """Reading this input needs an optional package that is not installed."""


# A library never prints: keep the HTML extractors' log records away from the last-resort handler.
for _logger in ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer"):
    logging.getLogger(_logger).addHandler(logging.NullHandler())


def parse_html(data: bytes, path: str) -> Article:
    """Extract the main text, title, date, URL and site of an HTML page with trafilatura."""
    try:
        import trafilatura
    except ImportError:
        raise MissingReaderError(
            path,
            "reading HTML needs the trafilatura package, which is not installed",
            "pip install trafilatura lxml_html_clean, or save the article as text",
        ) from None
    document = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        # Only the page's own publication date: a date guessed from the text could be an event's.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if isinstance(document, dict):  # older trafilatura versions return a dict
        meta: dict[str, Any] = document
    else:
        meta = {} if document is None else document.as_dict()
    title = (meta.get("title") or "").strip() or None
    lines = [line.strip() for line in (meta.get("text") or "").splitlines() if line.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    if not lines:
        raise EmptyInputError(
            path,
            "no article text found in the HTML page",
            "check that it is an article page (not an index or a login page), "
            "or save its text as .txt",
        )
    warnings: list[str] = []
    published = scraped_date(meta.get("date"), path, "page date", warnings)
    return Article(
        text=title_and_body(title, "\n\n".join(lines)),
        path=path,
        title=title or lines[0],
        published=published,
        url=meta.get("url") or None,
        source=meta.get("sitename") or meta.get("hostname") or None,
        warnings=warnings,
    )
