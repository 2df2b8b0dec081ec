"""A date for every news row (core/events/undated.py); plain rows, no spaCy model needed."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.core.events.undated import date_every_news_row, lede_day, retold_day
from newsevents.core.record import Event

PUBLISHED = date(2024, 5, 4)


def row(start: int, kind: str = "ASSAULT", day: str | None = None, **kw: object) -> Event:
    """A news row at char `start`, dated `day` (a written day) or undated."""
    precision = "day" if day else None
    return Event(event_type=kind, char_start=start, event_date=day, date_precision=precision, **kw)


def test_undated_retold_day_needs_same_type_doer_and_place() -> None:
    lede = row(0, day="2024-05-03", source_name="Gunmen", location_name="Hilltop")
    retelling = row(200, source_name="Gunmen", location_name="Hilltop")
    assert retold_day(retelling, [lede, retelling]) == "2024-05-03"
    for other in (
        row(200, "PROTEST", source_name="Gunmen", location_name="Hilltop"),
        row(200, source_name="Police", location_name="Hilltop"),
        row(200, source_name="Gunmen", location_name="Riverton"),
        row(200, source_name="Gunmen"),
    ):
        assert retold_day(other, [lede, other]) is None


def test_undated_retold_day_two_days_is_none() -> None:
    kw = {"source_name": "Gunmen", "location_name": "Hilltop"}
    rows = [row(0, day="2024-05-03", **kw), row(90, day="2024-05-01", **kw), row(200, **kw)]
    assert retold_day(rows[2], rows) is None


def test_undated_lede_day_is_the_day_of_the_ledes_first_news_row() -> None:
    rows = [row(40, "CONSULT", day="2024-05-02"), row(80, day="2024-05-03")]
    assert lede_day(rows, lede_end=100) == "2024-05-02"
    assert lede_day(rows, lede_end=30) is None
    # the main event has no day: a later row's day may be another occasion ("a rally on Tuesday")
    assert lede_day([row(0), *rows], lede_end=100) is None
    # a background row's day and a month are no lede day
    old = row(10, day="2019-01-01", background=True)
    month = Event(event_type="ASSAULT", char_start=20, event_date="2024-05-01",
                  date_precision="month")  # fmt: skip
    assert lede_day([old, month], lede_end=100) is None


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the row retells the lede's attack: its day, said "retold"
        (
            [row(0, day="2024-05-03", source_name="Gunmen", location_name="Hilltop"),
             row(300, source_name="Gunmen", location_name="Hilltop")],
            ("2024-05-03", "retold"),
        ),
        # another event of the story: the day the lede gives the main event
        ([row(0, day="2024-05-03"), row(300, "CONSULT")], ("2024-05-03", "lede")),
        # no day in the lede: the publication date
        ([row(0), row(300, "CONSULT", day="2024-05-01")], ("2024-05-04", "published")),
    ],
)  # fmt: skip
def test_undated_news_row_gets_a_day(rows: list[Event], expected: tuple[str, str]) -> None:
    dated = date_every_news_row(rows, PUBLISHED, lede_end=100)
    undated = dated[1] if rows[1].event_date is None else dated[0]
    assert (undated.event_date, undated.date_precision) == expected
    # rows with a day of their own keep it
    assert all(d == r for d, r in zip(dated, rows, strict=True) if r.event_date)


def test_undated_background_rows_and_undated_articles_stay_empty() -> None:
    old = row(300, background=True)
    assert date_every_news_row([old], PUBLISHED, lede_end=100)[0].event_date is None
    assert date_every_news_row([row(300)], None, lede_end=100)[0].event_date is None
    # a written week keeps its own precision
    week = Event(event_type="ASSAULT", event_date="2024-04-29", date_precision="week")
    assert date_every_news_row([week], PUBLISHED, lede_end=100) == [week]
