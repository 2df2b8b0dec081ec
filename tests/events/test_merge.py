"""One event, one row (core/events/merge.py): mentions of an event folded across headline, lede
and body, one small article per construction."""

from __future__ import annotations

import pytest

from ..extracted import events as _events
from ..extracted import one as _one


def test_merge_headline_and_body_mentions_merge() -> None:
    text = (
        "Police arrest 12 protesters in Nairobi\n\n"
        "Kenyan police arrested 12 protesters in Nairobi on Friday after a march against "
        "tax rises turned violent."
    )
    arrests = [e for e in _events(text) if e.event_type == "COERCE"]
    assert len(arrests) == 1
    assert arrests[0].mentions == 2
    assert arrests[0].source_country == "KEN"
    assert arrests[0].arrested == 12


@pytest.mark.parametrize(
    ("text", "source_text", "dead"),
    [
        ("Rebels killed two soldiers in an attack on an army post near Kaduna.", "Rebels", 2),
        ("Gunmen killed five villagers during a raid on Kaura on Monday.", "Gunmen", 5),
        # no doer on the verb: the attack is the event, the toll joins it
        ("Two soldiers were killed in an attack by rebels on an army post.", "rebels", 2),
    ],
)
def test_merge_killing_in_an_attack_is_one_event(text: str, source_text: str, dead: int) -> None:
    attack = _one("Post attacked\n\nKADUNA - " + text, "ASSAULT")
    assert (attack.source_text, attack.dead) == (source_text, dead)


@pytest.mark.parametrize(
    "toll",
    ["Four passengers were killed.", "Four passengers were killed and two were wounded."],
)
def test_merge_toll_in_a_later_sentence_adds_its_count(toll: str) -> None:
    attack = _one(f"Bus attacked\n\nGunmen attacked a bus near Zaria on Friday. {toll}", "ASSAULT")
    assert attack.dead == 4


def test_merge_first_news_event_is_the_most_confident() -> None:
    text = "Hundreds of people rallied in Tbilisi on Sunday against the invasion of Ukraine."
    events = _events(text)
    assert max(events, key=lambda e: e.confidence).event_type == "PROTEST"


def test_merge_an_event_asked_for_lends_no_date_to_the_one_held() -> None:
    text = (
        "Thousands of protesters gathered outside parliament in Belgrade. Their leader called "
        "for a new rally on Tuesday."
    )
    event = _one(text, "PROTEST")
    # no day of its own, nor from the lede: the publication date, said so
    assert (event.event_date, event.date_text) == (event.published, None)
    assert event.date_precision == "published"
