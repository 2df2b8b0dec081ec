"""The parse helpers of the draft rules (core/events/clauses.py): the verbatim action words of an
event, one small article per construction."""

from __future__ import annotations

import pytest

from ..extracted import one as _one


@pytest.mark.parametrize(
    ("text", "action_text", "target_text"),
    [
        # the "On" of a date is no particle of the verb
        ("On Monday, rebels fired on a bus near Garissa.", "fired on", "a bus"),
        ("On 4 March, soldiers fired rockets at rebel positions.", "fired", "rebel positions"),
        ("On 4 March, soldiers fired grenade launchers at a camp.", "fired", "a camp"),
    ],
)
def test_clauses_action_is_the_verb_and_its_particle(
    text: str, action_text: str, target_text: str
) -> None:
    event = _one(text, "ASSAULT")
    assert (event.action_text.split()[0], event.target_text) == (
        action_text.split()[0],
        target_text,
    )
    assert not event.action_text.startswith("On")


@pytest.mark.parametrize(
    ("text", "event_type", "action_text"),
    [
        ("On Monday, soldiers set houses on fire in Kani village.", "ASSAULT", "set"),
        ("On Monday, rival gangs exchanged fire in Soweto.", "ASSAULT", "exchanged fire"),
        (
            "On Monday, a shoot-out between police and robbers took place in Soweto.",
            "ASSAULT",
            "shoot-out",
        ),
        (
            "On Monday, activists took out a protest rally in Hyderabad.",
            "PROTEST",
            "took out a protest rally",
        ),
        ("On Monday, farmers blocked traffic near Nakuru.", "PROTEST", "blocked traffic"),
        ("On Monday, a bomb went off in a market in Maiduguri.", "ASSAULT", "bomb"),
        ("On Monday, unidentified men robbed a shop in Goma.", "COERCE", "robbed"),
        ("On Monday, rioters smashed the windows of the town hall.", "ASSAULT", "smashed"),
        (
            "On Monday, Maoist cadres set ablaze two road construction machines at Kiamunda"
            " village.",
            "ASSAULT",
            "set",
        ),
        (
            "On Monday, police fired tear gas canisters at the protesters in Nairobi.",
            "ASSAULT",
            "fired tear gas canisters",
        ),
        ("On Monday, a trader was taken away by gunmen near Dawei.", "ASSAULT", "was taken away"),
        # a light verb carries the event noun
        (
            "On Monday, gang members initiated an armed confrontation with police in Cali.",
            "ASSAULT",
            "initiated an armed confrontation",
        ),
        (
            "On Monday, the governor declared a dusk-to-dawn curfew in Garissa.",
            "COERCE",
            "declared a dusk-to-dawn curfew",
        ),
        ("On Monday, the police extended a curfew in Garissa.", "COERCE", "extended a curfew"),
        # a strike of set length, or by workers, is a labour strike, not an air strike
        (
            "On Monday, teachers carried out a 48-hour strike in Neuquen.",
            "PROTEST",
            "carried out a 48-hour strike",
        ),
        (
            "On Monday, nurses began an indefinite strike in Lagos.",
            "PROTEST",
            "began an indefinite strike",
        ),
        # a blocked way in is a protest
        (
            "On Monday, fans blocked the main roundabout in Sfax.",
            "PROTEST",
            "blocked the main roundabout",
        ),
        # banners and placards make a gathering a protest, even one called a press conference
        (
            "On Monday, nurses held a press conference with banners in front of the city hall.",
            "PROTEST",
            "held",
        ),
        ("On Monday, residents held placards outside the town hall in Ghent.", "PROTEST", "held"),
        ("On Monday, soldiers sealed off an editor's house in Hpa-an.", "COERCE", "sealed off"),
        ("On Monday, militiamen rustled cattle from a farm near Gusau.", "COERCE", "rustled"),
        ("On Monday, rebels took over the village of Kaheku.", "COERCE", "took over"),
        ("On Monday, army bulldozers bulldozed three homes near Hebron.", "ASSAULT", "bulldozed"),
        ("On Monday, soldiers repelled a rebel attack near Mopti.", "ASSAULT", "repelled"),
    ],
)
def test_clauses_plain_news_phrasings_are_events(
    text: str, event_type: str, action_text: str
) -> None:
    assert _one(text, event_type).action_text == action_text
