"""HTML pages: main text, title and date; pages without article text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsevents.core.errors import EmptyInputError
from newsevents.core.inputs.reader import read_article

from .samples import PAGE, PARAGRAPH


def test_reader_formats_html_main_text_title_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = read_article(path)
    assert article.text.startswith(f"Farmers march in Nakuru\n\n{PARAGRAPH}\n\nThe farmers")
    assert "Subscribe" not in article.text and "World news" not in article.text
    assert (article.title, article.published, article.url) == (
        "Farmers march in Nakuru",
        date(2024, 5, 4),
        "https://example.org/nakuru",
    )


def test_reader_formats_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>Sign in</title></head><body></body></html>", "utf-8")
    with pytest.raises(EmptyInputError) as info:
        read_article(path)
    assert info.value.problem == "no article text found in the HTML page"
