"""Casualty, arrest and crowd counts of one event (newsevents.core.events.casualties)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsevents.core.events.casualties import Casualties, casualties, parse_number


def _trigger(doc: Doc, lemma: str) -> Token:
    """The first token of `doc` with `lemma`: the event trigger under test."""
    return next(t for t in doc if t.lemma_ == lemma)


def _read(nlp: Language, sentence: str, lemma: str) -> Casualties:
    return casualties(_trigger(nlp(sentence), lemma))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29", 29),
        ("twenty-nine", 29),
        ("Twenty-nine", 29),
        ("two", 2),
        ("1,200", 1200),
        ("more than 100", 100),
        ("at least 29", 29),
        ("some 5,000", 5000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("two hundred and fifty", 250),
        ("1.5 million", 1_500_000),
        ("29 people", 29),
        ("no fewer than 20", 20),
        ("no one", 0),
        ("hundreds", None),
        ("dozens", None),
        ("thousands of", None),
        ("a", None),
        ("people", None),
        ("", None),
    ],
)
def test_casualties_parse_number(text: str, expected: int | None) -> None:
    assert parse_number(text) == expected


def test_casualties_participle_killing_at_least(nlp: Language) -> None:
    got = _read(nlp, "Gunmen attacked a bus near the town, killing at least 29 people.", "attack")
    assert (got.dead, got.injured, got.text) == (29, None, "killing at least 29 people")


def test_casualties_killed_and_wounded_headline(nlp: Language) -> None:
    got = _read(nlp, "Four killed and 20 wounded in clashes.", "kill")
    assert (got.dead, got.injured) == (4, 20)
    assert got.text == "Four killed and 20 wounded"


def test_casualties_event_noun_owns_its_verb_counts(nlp: Language) -> None:
    got = _read(nlp, "Four killed and 20 wounded in clashes.", "clash")
    assert (got.dead, got.injured) == (4, 20)


def test_casualties_singular_shot_dead(nlp: Language) -> None:
    got = _read(nlp, "A soldier was shot dead at a checkpoint.", "shoot")
    assert got.dead == 1
    assert got.text == "A soldier was shot dead"


def test_casualties_vague_count_keeps_text(nlp: Language) -> None:
    got = _read(nlp, "The clashes left dozens dead.", "clash")
    assert got.dead is None
    assert got.text == "dozens dead"


def test_casualties_headline_dead_in_attack(nlp: Language) -> None:
    got = _read(nlp, "At least 29 dead in bus attack", "attack")
    assert (got.dead, got.text) == (29, "At least 29 dead")


def test_casualties_more_than_is_lower_bound(nlp: Language) -> None:
    got = _read(nlp, "More than 100 people were killed in the fighting.", "fighting")
    assert got.dead == 100


def test_casualties_death_toll_rose(nlp: Language) -> None:
    got = _read(nlp, "The death toll from the bombing rose to 12.", "bombing")
    assert got.dead == 12
    assert got.text is not None and "toll" in got.text


def test_casualties_passive_injured(nlp: Language) -> None:
    got = _read(nlp, "Three people were injured in the blast.", "blast")
    assert (got.dead, got.injured) == (None, 3)


def test_casualties_arrested_count(nlp: Language) -> None:
    got = _read(nlp, "Police arrested 15 protesters outside parliament.", "arrest")
    assert (got.arrested, got.size, got.dead) == (15, None, None)


def test_casualties_detained_dozens(nlp: Language) -> None:
    got = _read(nlp, "Police detained dozens of students.", "detain")
    assert got.arrested is None
    assert got.text == "detained dozens of students"


def test_casualties_crowd_vague_size(nlp: Language) -> None:
    got = _read(nlp, "Thousands of protesters marched through the city.", "march")
    assert got.size is None
    assert got.text is not None and got.text.startswith("Thousands of protesters")


def test_casualties_crowd_size(nlp: Language) -> None:
    got = _read(nlp, "Some 5,000 people rallied in the capital.", "rally")
    assert got.size == 5000


def test_casualties_killed_two_policemen(nlp: Language) -> None:
    got = _read(nlp, "The gunmen killed two policemen.", "kill")
    assert got.dead == 2


def test_casualties_conjoined_victims_add_up(nlp: Language) -> None:
    got = _read(nlp, "The gunmen killed two policemen and a civilian.", "kill")
    assert got.dead == 3


def test_casualties_relative_clause_killed_and_wounded(nlp: Language) -> None:
    got = _read(nlp, "An explosion that killed 7 and wounded 11 hit the market.", "explosion")
    assert (got.dead, got.injured) == (7, 11)
    assert got.text == "killed 7 and wounded 11"


def test_casualties_event_noun_subject(nlp: Language) -> None:
    got = _read(nlp, "The attack killed 29 people.", "attack")
    assert got.dead == 29


@pytest.mark.parametrize(("lemma", "dead"), [("attack", 29), ("launch", None)])
def test_casualties_belong_to_their_own_clause(nlp: Language, lemma: str, dead: int | None) -> None:
    sentence = "Egypt launched strikes hours after gunmen attacked a bus, killing 29 people."
    assert _read(nlp, sentence, lemma).dead == dead


def test_casualties_light_verb_noun_excludes_other_clause(nlp: Language) -> None:
    sentence = "Egypt launched strikes hours after gunmen attacked a bus, killing 29 people."
    got = _read(nlp, sentence, "strike")
    assert (got.dead, got.text) == (None, None)


@pytest.mark.parametrize(
    ("sentence", "claimed"),
    [
        ("The militants claimed to have killed 50 soldiers.", True),
        ("The army said it killed 50 militants.", True),
        ("Hospital officials said 50 people were killed.", False),
    ],
)
def test_casualties_claimed_counts(nlp: Language, sentence: str, claimed: bool) -> None:
    got = _read(nlp, sentence, "kill")
    assert (got.dead, got.claimed) == (50, claimed)


def test_casualties_no_one_killed_is_zero(nlp: Language) -> None:
    got = _read(nlp, "No one was killed in the attack.", "attack")
    assert (got.dead, got.text) == (0, "No one was killed")


def test_casualties_participles_killing_and_wounding(nlp: Language) -> None:
    sentence = "Militants attacked a checkpoint, killing five soldiers and wounding three."
    got = _read(nlp, sentence, "attack")
    assert (got.dead, got.injured) == (5, 3)


def test_casualties_threat_is_no_count(nlp: Language) -> None:
    got = _read(nlp, "The rebels threatened to kill 100 hostages.", "threaten")
    assert (got.dead, got.text) == (None, None)


def test_casualties_none_stated(nlp: Language) -> None:
    got = _read(nlp, "Troops shelled rebel positions near the border.", "shell")
    assert got == Casualties()
