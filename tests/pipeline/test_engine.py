"""End-to-end rules of the extractor that core/pipeline/engine.py and the pipeline it drives
decide: claims of responsibility, headlines, datelines, offsets and ids, the trigger lexicon and
repaired parses, one small article per construction."""

from __future__ import annotations

import pytest

from ..extracted import PUBLISHED
from ..extracted import events as _events
from ..extracted import one as _one


def test_engine_claim_of_responsibility_attaches_to_the_attack() -> None:
    text = (
        "Church attack kills four in Lagos\n\n"
        "Gunmen attacked a church in Lagos on Sunday, killing four worshippers.\n\n"
        "The Islamic State group claimed responsibility for the attack on Monday."
    )
    events = _events(text)
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 1
    attack = _one(text, "ASSAULT")
    assert attack.claimed_by == "Islamic State"
    assert attack.dead == 4
    assert attack.mentions >= 2


def test_engine_text_without_events_gives_no_rows() -> None:
    text = "Rare flower blooms in Edinburgh\n\nA giant flower opened at the botanic garden."
    assert _events(text) == []


def test_engine_offsets_index_the_article() -> None:
    text = "Quiet day\n\nRebels attacked a convoy near Goma on Friday."
    event = _one(text, "ASSAULT")
    assert text[event.char_start : event.char_end] == event.sentence
    assert event.event_date == "2024-03-15"


def test_engine_event_ids_are_stable() -> None:
    text = "Rebels attacked a convoy near Goma on Friday."
    assert [e.event_id for e in _events(text)] == [e.event_id for e in _events(text)]


def test_engine_min_confidence_filters() -> None:
    text = "Rebels attacked a convoy near Goma on Friday."
    assert _events(text, min_confidence=1.0) == []


@pytest.mark.parametrize(
    "text",
    [
        "CAIRO, May 26 (Reuters) - Gunmen attacked a bus in Minya on Friday.",
        "Cairo, Egypt \u2013 Gunmen attacked a bus in Minya on Friday.",
    ],
)
def test_engine_a_dateline_is_no_part_of_the_doer(text: str) -> None:
    attack = _one("Bus attacked\n\n" + text, "ASSAULT")
    assert attack.source_text == "Gunmen"


def test_engine_a_hyphen_inside_a_name_is_no_dateline() -> None:
    attack = _one("Ambush\n\nAl-Qaeda militants ambushed a patrol near Gao on Friday.", "ASSAULT")
    assert attack.source_text == "Al-Qaeda militants"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrest 12 protesters in Nairobi", True),
        ("Police arrest 12 protesters\n\nKenyan police arrested 12 protesters on Friday.", True),
        # a one-paragraph report with no title: its sentences are body, not a headline
        ("On 3 March, police arrested 12 protesters in Nairobi.", False),
        ("On 3 March, police arrested 12 protesters. Two were injured!", False),
    ],
)
def test_engine_first_line_is_a_headline_unless_it_is_the_whole_report(
    text: str, expected: bool
) -> None:
    from newsevents.core.pipeline.engine import _is_headline

    assert _is_headline(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, parents formed a human chain around the school in Oruro.",
        "On Monday, students chanted slogans outside the parliament in Tirana.",
        "On Monday, farmers burned effigies of the minister in Patiala.",
        "On Monday, residents banged pots and pans on their balconies in Santiago.",
        "On Monday, residents assembled outside the town hall in Durres.",
        "On Monday, hundreds of people staged a 'March for Peace' in Kingston.",
        # South Asian and Latin American words for kinds of protest
        "On Monday, students staged a dharna in front of the collectorate in Patna.",
        "On Monday, farmers gheraoed the block office in Patna.",
        "On Monday, traders observed a bandh in Kathmandu.",
        "On Monday, opposition activists enforced a hartal in Dhaka.",
        "On Monday, residents held a cacerolazo in Santiago.",
        "On Monday, dock workers downed tools in Mombasa.",
        "On Monday, truckers paralysed traffic on the ring road in Nairobi.",
        "On Monday, supporters thronged the streets of Lilongwe.",
        "On Monday, activists chained themselves to the gates of the ministry in Quito.",
        "On Monday, a vendor immolated himself outside the town hall in Sfax.",
    ],
)
def test_engine_protest_phrasings_are_protests(text: str) -> None:
    assert "PROTEST" in [e.event_type for e in _events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, villagers petitioned the governor in Kisumu over a land dispute.",
        "On Monday, activists submitted a memorandum to the governor in Patna.",
    ],
)
def test_engine_petitions_are_requests(text: str) -> None:
    assert "REQUEST" in [e.event_type for e in _events(text)]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("On Monday, the army launched a clearance operation near Damboa.", "ASSAULT"),
        ("On Monday, troops carried out a counter-terrorism operation in Kidal.", "ASSAULT"),
        ("On Monday, police conducted a search operation in Eastleigh.", "MOBILIZE"),
    ],
)
def test_engine_kinds_of_operation_are_events(text: str, event_type: str) -> None:
    assert event_type in [e.event_type for e in _events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, hundreds rallied in Tartu to express support for the striking teachers.",
        "On Monday, farmers gathered in Mysore to reject the new land law.",
        "On Monday, students marched in Kandy, demanding the release of their leaders.",
    ],
)
def test_engine_what_a_protest_backs_or_rejects_is_its_content(text: str) -> None:
    assert [e.event_type for e in _events(text)] == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "event_type", "source", "target"),
    [
        (
            "On Monday, in Oaxaca, teachers and members of the SNTE blocked roads near the city "
            "hall to demand pay.",
            "PROTEST",
            "teachers and members of the SNTE",
            "roads",
        ),
        ("On Monday, police tear-gassed students in Nairobi.", "ASSAULT", "police", "students"),
        (
            "On Monday, in Dhaka, riders on a motorbike shot dead a trader near a shop.",
            "ASSAULT",
            "riders",
            "a trader",
        ),
    ],
)
def test_engine_events_of_sentences_that_lost_their_verb(
    text: str, event_type: str, source: str, target: str
) -> None:
    event = _one(text, event_type)
    assert (event.source_text, event.target_text) == (source, target)


@pytest.mark.parametrize(
    ("text", "sentence", "expected"),
    [
        # no day in the lede: the publication date, said "published"
        (
            "Protest in Lagos\n\nTraders marched through Lagos against new taxes.\n\n"
            "Police arrested ten traders.",
            "Police arrested",
            (PUBLISHED, "published"),
        ),
        # the lede dates the main event; a later event with no day takes that day
        (
            "Protest in Lagos\n\nTraders marched through Lagos on Thursday against new taxes.\n\n"
            "The governor met their leaders.\n\nPolice arrested ten traders.",
            "Police arrested",
            ("2024-03-14", "lede"),
        ),
    ],
)
def test_engine_every_news_row_has_a_date(
    text: str, sentence: str, expected: tuple[str, str]
) -> None:
    found = [e for e in _events(text) if e.sentence.startswith(sentence)]
    assert found, [e.to_dict() for e in _events(text)]
    assert [(e.event_date, e.date_precision) for e in found] == [expected] * len(found)
    assert all(e.event_date for e in _events(text) if not e.background)
