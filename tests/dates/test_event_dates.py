"""Event dates: date words attached to a trigger, resolved against publication."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsevents.core.dates.event_dates import EventDate, event_date, lead_date, read_expression

SATURDAY = date(2017, 5, 27)


def _trigger(doc: Doc, lemma: str) -> Token:
    """The first token of `doc` with `lemma`: the event trigger under test."""
    return next(t for t in doc if t.lemma_ == lemma)


def _date(nlp: Language, sentence: str, lemma: str, published: date | None) -> EventDate | None:
    return event_date(_trigger(nlp(sentence), lemma), published)


@pytest.mark.parametrize(
    ("sentence", "lemma", "iso", "text", "precision"),
    [
        ("Rebels attacked the town on Friday.", "attack", "2017-05-26", "Friday", "day"),
        ("Rebels attacked the town on Saturday.", "attack", "2017-05-27", "Saturday", "day"),
        ("Rebels attacked the town on Sunday.", "attack", "2017-05-21", "Sunday", "day"),
    ],
)
def test_dates_weekday_prefers_past(
    nlp: Language, sentence: str, lemma: str, iso: str, text: str, precision: str
) -> None:
    assert _date(nlp, sentence, lemma, SATURDAY) == EventDate(iso, text, precision, False)


@pytest.mark.parametrize(
    ("sentence", "lemma", "iso", "text", "precision"),
    [
        ("Police arrested 15 protesters yesterday.", "arrest", "2017-05-26", "yesterday", "day"),
        (
            "Four people were killed in the attack on Sunday night.",
            "attack",
            "2017-05-21",
            "Sunday night",
            "day",
        ),
        (
            "Police arrested 15 protesters on Tuesday morning.",
            "arrest",
            "2017-05-23",
            "Tuesday morning",
            "day",
        ),
        (
            "A soldier was shot dead in the town last week.",
            "shoot",
            "2017-05-15",
            "last week",
            "week",
        ),
        (
            "Some 5,000 people rallied in the capital earlier this month.",
            "rally",
            "2017-05-01",
            "earlier this month",
            "month",
        ),
        (
            "Rebels attacked the town three days ago.",
            "attack",
            "2017-05-24",
            "three days ago",
            "day",
        ),
    ],
)
def test_dates_relative_expressions(
    nlp: Language, sentence: str, lemma: str, iso: str, text: str, precision: str
) -> None:
    assert _date(nlp, sentence, lemma, SATURDAY) == EventDate(iso, text, precision, False)


@pytest.mark.parametrize(
    ("sentence", "iso", "text", "precision", "background"),
    [
        ("Rebels attacked the town on May 26.", "2017-05-26", "May 26", "day", False),
        ("Rebels attacked the town on 26 May 2017.", "2017-05-26", "26 May 2017", "day", False),
        # Weeks before publication: told as history.
        ("Rebels attacked the town on 3 March.", "2017-03-03", "3 March", "day", True),
        # A day later in the year than publication is last year's (prefer the past).
        ("Rebels attacked the town on June 5.", "2016-06-05", "June 5", "day", True),
        (
            "Rebels attacked the town on Friday, May 26.",
            "2017-05-26",
            "Friday, May 26",
            "day",
            False,
        ),
    ],
)
def test_dates_explicit_dates(
    nlp: Language, sentence: str, iso: str, text: str, precision: str, background: bool
) -> None:
    got = _date(nlp, sentence, "attack", SATURDAY)
    assert got == EventDate(iso, text, precision, background)


@pytest.mark.parametrize(
    ("sentence", "published", "iso"),
    [
        # A written day with no year is the latest such day on or before publication.
        ("Rebels attacked the town on December 30.", date(2018, 1, 2), "2017-12-30"),
        ("Rebels attacked the town on May 27.", SATURDAY, "2017-05-27"),
        # No 29 February in 2017: the leap year before it.
        ("Rebels attacked the town on 29 February.", SATURDAY, "2016-02-29"),
        # No such day at all: no date rather than a guess.
        ("Rebels attacked the town on 31 April 2017.", SATURDAY, None),
    ],
)
def test_dates_written_day_year_from_publication(
    nlp: Language, sentence: str, published: date, iso: str | None
) -> None:
    got = _date(nlp, sentence, "attack", published)
    assert got is not None and got.date == iso


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels attacked the town on Friday.", EventDate(None, "Friday", "day", False)),
        ("Rebels attacked the town last week.", EventDate(None, "last week", "week", False)),
        ("Rebels attacked the town on 3 March.", EventDate(None, "3 March", "day", False)),
        (
            "Rebels attacked the town on 26 May 2017.",
            EventDate("2017-05-26", "26 May 2017", "day", False),
        ),
    ],
)
def test_dates_without_publication(nlp: Language, sentence: str, expected: EventDate) -> None:
    assert _date(nlp, sentence, "attack", None) == expected


@pytest.mark.parametrize(
    ("sentence", "lemma"),
    [
        ("Troops have fought the rebels for three days.", "fight"),
        ("A 20-year-old man was arrested near the border.", "arrest"),
        ("Rebels attacked the town.", "attack"),
    ],
)
def test_dates_durations_and_ages_are_no_dates(nlp: Language, sentence: str, lemma: str) -> None:
    assert _date(nlp, sentence, lemma, SATURDAY) is None


def test_dates_light_verb_date_dates_its_noun(nlp: Language) -> None:
    got = _date(nlp, "Egypt launched strikes on Derna on Friday.", "strike", SATURDAY)
    assert got is not None and (got.date, got.text) == ("2017-05-26", "Friday")


def test_dates_year_in_event_noun_is_background(nlp: Language) -> None:
    sentence = "Protesters marked the anniversary of the 2011 uprising on Friday."
    assert _date(nlp, sentence, "uprising", SATURDAY) == EventDate(
        "2011-01-01", "2011", "year", True
    )
    # The year dates the uprising only; the march of the protesters is Friday's.
    assert _date(nlp, sentence, "mark", SATURDAY) == EventDate("2017-05-26", "Friday", "day", False)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels seized the town in 2014.", EventDate("2014-01-01", "2014", "year", True)),
        (
            "Rebels seized the town in March 2014.",
            EventDate("2014-03-01", "March 2014", "month", True),
        ),
        ("Rebels seized the town in 2017.", EventDate("2017-01-01", "2017", "year", False)),
    ],
)
def test_dates_past_year_is_background(nlp: Language, sentence: str, expected: EventDate) -> None:
    assert _date(nlp, sentence, "seize", SATURDAY) == expected


def test_dates_last_month_across_new_year(nlp: Language) -> None:
    got = _date(nlp, "Rebels seized the town in December.", "seize", date(2017, 1, 5))
    assert got == EventDate("2016-12-01", "December", "month", False)


def test_dates_each_clause_keeps_its_own_date(nlp: Language) -> None:
    sentence = (
        "Gunmen attacked a checkpoint on Thursday and police arrested 15 suspects on Saturday."
    )
    attack = _date(nlp, sentence, "attack", SATURDAY)
    arrest = _date(nlp, sentence, "arrest", SATURDAY)
    assert attack is not None and attack.date == "2017-05-25"
    assert arrest is not None and arrest.date == "2017-05-27"


def test_dates_reporting_date_is_used_when_only_date(nlp: Language) -> None:
    # Decision: the date of the statement is the event's when the sentence has no other.
    got = _date(nlp, "The army said on Saturday it took part in strikes.", "strike", SATURDAY)
    assert got is not None and (got.date, got.text) == ("2017-05-27", "Saturday")


def test_dates_not_carried_across_after_clause(nlp: Language) -> None:
    sentence = "Egypt launched strikes on Friday after gunmen attacked a bus."
    assert _date(nlp, sentence, "attack", SATURDAY) is None
    launch = _date(nlp, sentence, "launch", SATURDAY)
    assert launch is not None and launch.date == "2017-05-26"


def test_dates_next_weekday_is_future(nlp: Language) -> None:
    got = _date(nlp, "Rebels will attack the town next Friday.", "attack", SATURDAY)
    assert got is not None and got.date == "2017-06-02"


@pytest.mark.parametrize(
    ("text", "lemma", "iso"),
    [
        # The paragraph opens with a written day; the next sentence gives none.
        (
            "On 3 May 2017, gunmen attacked a bus near the market. Two passengers were killed.",
            "kill",
            "2017-05-03",
        ),
        ("On May 20, rebels stormed the town. Several houses were burned.", "burn", "2017-05-20"),
        # A sentence with a date of its own keeps it (event_date reads it; lead_date stays out).
        (
            "On 3 May 2017, gunmen attacked a bus. Police arrested two men on Friday.",
            "arrest",
            None,
        ),
        # Two written days in the paragraph: which one is unclear.
        (
            "On 3 May 2017, gunmen attacked a bus. On 5 May 2017, police raided a farm. "
            "Three men were arrested.",
            "arrest",
            None,
        ),
        # A relative opening day is not carried over.
        ("Rebels stormed the town on Friday. Several houses were burned.", "burn", None),
    ],
)
def test_dates_lead_date_of_the_paragraph(
    nlp: Language, text: str, lemma: str, iso: str | None
) -> None:
    got = lead_date(_trigger(nlp(text), lemma), SATURDAY)
    assert (got.date if got else None) == iso


def test_dates_lead_date_stops_at_a_paragraph_break(nlp: Language) -> None:
    text = "On 3 May 2017, gunmen attacked a bus.\n\nSeveral houses were burned."
    assert lead_date(_trigger(nlp(text), "burn"), SATURDAY) is None


@pytest.mark.parametrize(
    ("sentence", "lemma", "iso"),
    [
        # Written days the entity recogniser may miss still date the event.
        ("Around 20 March 2017 (week of), rebels attacked a base.", "attack", "2017-03-20"),
        ("Rebels attacked a base on March 20, 2017, officials said.", "attack", "2017-03-20"),
        # The recogniser may keep the day out of its entity: "Around 22" + "April 2017".
        ("Around 22 April 2017 (as reported), rebels clashed with troops.", "clash", "2017-04-22"),
        ("Around 3 May 2017, the army clashed with rebels.", "clash", "2017-05-03"),
    ],
)
def test_dates_written_days_are_read(nlp: Language, sentence: str, lemma: str, iso: str) -> None:
    got = _date(nlp, sentence, lemma, SATURDAY)
    assert got is not None and got.date == iso


CALENDAR_ENDS = [date(1, 1, 1), date(1, 1, 3), date(9999, 12, 31), date(9999, 12, 27)]
PHRASES = [
    "Friday",
    "next Saturday",
    "yesterday",
    "tomorrow",
    "last week",
    "next week",
    "last month",
    "next month",
    "last year",
    "next year",
    "three days ago",
    "two years ago",
    "a decade ago",
    "May 26",
    "May",
    "in May",
    "February 29",
    "December 31",
    "March 2014",
    "26/05/2017",
]


@pytest.mark.parametrize("published", CALENDAR_ENDS, ids=str)
@pytest.mark.parametrize("phrase", PHRASES)
def test_dates_calendar_ends_resolve_or_stay_empty(phrase: str, published: date) -> None:
    reading = read_expression(phrase, published)
    assert reading is None or reading.day is None or date.min <= reading.day <= date.max


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "Police arrested protesters on Friday.",
            date(1, 1, 1),
            EventDate(None, "Friday", "day", False),
        ),
        (
            "Police arrested protesters on Friday.",
            date(9999, 12, 31),
            EventDate("9999-12-31", "Friday", "day", False),
        ),
        (
            "Police will arrest protesters next Saturday.",
            date(9999, 12, 31),
            EventDate(None, "next Saturday", "day", False),
        ),
        (
            "Farmers marched in December.",
            date(9999, 12, 31),
            EventDate("9999-12-01", "December", "month", False),
        ),
    ],
)
def test_dates_calendar_ends_in_sentences(
    nlp: Language, sentence: str, published: date, expected: EventDate
) -> None:
    lemma = next(t.lemma_ for t in nlp(sentence) if t.pos_ == "VERB")
    assert _date(nlp, sentence, lemma, published) == expected
