"""Wire datelines: the publication date read off the top of the body."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.core.dates.dateline import published_from_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CAIRO, May 26, 2017 (Reuters) - Egyptian jets struck camps.", date(2017, 5, 26)),
        ("Headline\n\nWASHINGTON/CAIRO, 26 May 2017 (Reuters) - Jets struck.", date(2017, 5, 26)),
        ("Sept. 3, 2016 /Newswire/ -- A company said.", date(2016, 9, 3)),
        ("CAIRO, May 26 (Reuters) - No year in this one.", None),
        ("BEIRUT (Reuters) - No date at all.", None),
        ("Protesters marched on May 26, 2017 (a Friday) in the city.", None),
    ],
)
def test_dates_published_from_dateline(text: str, expected: date | None) -> None:
    assert published_from_dateline(text) == expected
