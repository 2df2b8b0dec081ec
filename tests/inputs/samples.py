"""Shared by the input tests: a small article text, an HTML page and a scraped JSON record."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

WriteArticle = Callable[..., Path]
BODY = "Farmers marched in Nakuru\n\nNAKURU - Farmers marched through the town on Monday.\n"

PARAGRAPH = (
    "NAKURU - Hundreds of farmers marched through the centre of Nakuru on Monday to demand "
    "higher maize prices, the county police commander told reporters at the scene."
)
PAGE = f"""<!DOCTYPE html><html><head><title>Farmers march in Nakuru | Test Wire</title>
<meta property="og:title" content="Farmers march in Nakuru">
<meta property="article:published_time" content="2024-05-04T08:00:00Z">
<link rel="canonical" href="https://example.org/nakuru"></head>
<body><nav><a href="/">Home</a> <a href="/world">World news</a></nav>
<article><h1>Farmers march in Nakuru</h1><p>{PARAGRAPH}</p>
<p>The farmers walked from the grain market to the county offices, where they handed a
petition to officials and then went home peacefully in the afternoon.</p></article>
<footer>Copyright Test Wire. Subscribe to our newsletter for more stories.</footer>
</body></html>"""
RECORD = {
    "title": "Farmers march in Nakuru",
    "maintext": "NAKURU - Farmers marched on Monday.",
    "date_publish": "2024-05-04 10:20:00",
    "url": "https://example.org/a",
    "source_domain": "example.org",
    "id": 7,
}


def json_line(record: object) -> str:
    """One JSON Lines line of `record`."""
    return json.dumps(record) + "\n"
