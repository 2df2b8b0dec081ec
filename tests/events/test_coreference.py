"""Who the actors are (core/events/coreference.py): pronouns and short names resolved against
the article's earlier subjects, acronyms it defines, one small article per construction."""

from __future__ import annotations

import pytest

from ..extracted import events as _events
from ..extracted import one as _one


def test_coreference_a_group_tagged_as_a_date_is_still_a_doer() -> None:
    # The tagger reads "Fridays" as a date; the dictionary knows the movement.
    event = _one("Fridays for Future activists marched in Eldoret on Monday.", "PROTEST")
    assert event.source_name == "Fridays for Future"


def test_coreference_pronoun_resolves_to_the_speaker() -> None:
    text = "Egypt's army said it destroyed three militant camps in Sinai on Friday."
    event = _one(text, "ASSAULT")
    assert event.source_text == "it"
    assert event.source_country == "EGY"


def test_coreference_acronym_defined_in_parentheses_resolves() -> None:
    text = (
        "The Government of National Accord (GNA) condemned the strikes on Misrata.\n\n"
        "The GNA also accused Russia of sending mercenaries."
    )
    accusation = [e for e in _events(text) if e.cameo_code and e.cameo_code.startswith("112")]
    assert accusation and accusation[0].source_country == "LBY"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # the claimer, not the "according to" source, is who "it" stands for
        (
            "An armed group has claimed it killed 40 soldiers at a base, according to a monitor.",
            "REB",
        ),
        ("The rebels claimed that they shot down a helicopter, the army said.", "REB"),
    ],
)
def test_coreference_pronoun_under_a_claim_is_the_claimer(text: str, sector: str) -> None:
    event = _one("Base attacked\n\n" + text, "ASSAULT")
    assert event.source_sector == sector


def test_coreference_us_in_capitals_is_a_country_not_a_pronoun() -> None:
    text = "Talks\n\nA spokesman said that the US fully supports the Kenyan mission in Haiti."
    event = _one(text, "SUPPORT")
    assert (event.source_name, event.source_country) == ("United States", "USA")


def test_coreference_counted_short_name_is_not_the_latest_group() -> None:
    text = (
        "Talks in Juba\n\nResidents of Juba fled the fighting on Friday. "
        "The two men held talks with the mediators in the capital on Saturday."
    )
    talks = _one(text, "CONSULT")
    assert (talks.source_name, talks.source_country) == ("men", None)


@pytest.mark.parametrize("short", ["The two ministers", "The ministers", "The two sides"])
def test_coreference_counted_or_plural_short_name_is_the_earlier_pair(short: str) -> None:
    text = (
        "Ministers meet\n\nThe foreign ministers of Kenya and Ghana met in Nairobi on Monday. "
        f"{short} signed a trade agreement on Tuesday."
    )
    signed = _one(text, "SUPPORT")
    assert signed.source_country == "KEN;GHA"


def test_coreference_many_plural_short_names_do_not_nest() -> None:
    # Each "the officials" looks back at earlier subjects without resolving theirs again.
    body = " ".join(f"The officials condemned attack number {n} on Monday." for n in range(1200))
    events = _events("Officials condemn attacks\n\n" + body)
    assert events and all(e.event_type == "ACCUSE" for e in events)
