"""Coding phrases: dictionary phrases, head-noun agents, possessives, pronouns."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.core.actors.dictionary import ActorDictionary

from .helpers import code, triple


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Egypt recalled its envoy.", ("Egypt", "EGY", None)),
        ("The United States imposed new tariffs.", ("United States", "USA", None)),
        ("Britain summoned the diplomat.", ("United Kingdom", "GBR", None)),
        ("Moscow rejected the offer.", ("Russia", "RUS", "GOV")),
        ("Kyiv asked for more help.", ("Ukraine", "UKR", "GOV")),
    ],
)
def test_actors_countries_and_capitals(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Egyptian police detained four students.", ("Egypt police", "EGY", "COP")),
        ("Israeli troops entered the village.", ("Israel troops", "ISR", "MIL")),
        ("Chinese warplanes circled the island.", ("China warplanes", "CHN", "MIL")),
        ("Libyan militiamen seized the depot.", ("Libya militiamen", "LBY", "MIL")),
        ("The Turkish air force bombed the ridge.", ("Turkey air force", "TUR", "MIL")),
        ("The Egyptian army spokesman denied it.", ("Egypt army spokesman", "EGY", "MIL")),
        ("Kenyan protesters blocked the road.", ("Kenya protesters", "KEN", "OPP")),
        ("The Egyptians celebrated the win.", ("Egypt", "EGY", None)),
    ],
)
def test_actors_demonym_and_agent(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The UN Security Council met on Friday.", ("UN Security Council", "IGO", "IGO")),
        ("NATO moved jets east.", ("NATO", "IGO", "MIL")),
        ("UN peacekeepers guarded the camp.", ("UN peacekeepers", "IGO", "MIL")),
        ("The African Union suspended the member.", ("African Union", "IGO", "IGO")),
        ("The ICC issued a warrant.", ("International Criminal Court", "IGO", "JUD")),
        ("Amnesty International criticised the verdict.", ("Amnesty International", "NGO", "NGO")),
    ],
)
def test_actors_igos_and_ngos(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hamas gunmen fired at the post.", ("Hamas", "PSE", "REB")),
        ("Al-Qaeda militants ambushed the patrol.", ("al-Qaeda", "IMG", "REB")),
        ("The Islamic State group claimed the blast.", ("Islamic State", "IMG", "REB")),
        ("Houthi rebels targeted a tanker.", ("Houthis", "YEM", "REB")),
        ("The Rapid Support Forces shelled the market.", ("Rapid Support Forces", "SDN", "REB")),
        ("Boko Haram fighters raided the town.", ("Boko Haram", "NGA", "REB")),
        # national unions and parties carry their country
        ("The CGT called a strike at the port.", ("CGT", "FRA", "LAB")),
        ("The KCTU staged a rally.", ("Korean Confederation of Trade Unions", "KOR", "LAB")),
        ("The SPD criticised the budget.", ("SPD", "DEU", "PTY")),
    ],
)
def test_actors_groups_unions_and_parties(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Khalifa Haftar visited the front.", ("Khalifa Haftar", "LBY", "MIL")),
        (
            "Egyptian President Abdel Fattah al-Sisi opened the bridge.",
            ("Abdel Fattah al-Sisi", "EGY", "GOV"),
        ),
        ("Putin signed the decree.", ("Vladimir Putin", "RUS", "GOV")),
        ("Xi Jinping hosted the summit.", ("Xi Jinping", "CHN", "GOV")),
        ("Zelenskyy thanked the donors.", ("Volodymyr Zelensky", "UKR", "GOV")),
    ],
)
def test_actors_leaders(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Libya's Khalifa Haftar rejected the deal.", ("Khalifa Haftar", "LBY", "MIL")),
        ("Russia's foreign minister flew home.", ("Russia foreign minister", "RUS", "GOV")),
        (
            "The air force loyal to Libya's Khalifa Haftar bombed the runway.",
            ("Khalifa Haftar", "LBY", "MIL"),
        ),
        ("Putin's spokesman dismissed the report.", ("Vladimir Putin", "RUS", "GOV")),
    ],
)
def test_actors_possessives(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. sent aid.",
        "The US sent aid.",
        "U.S. officials sent aid.",
        "US officials sent aid.",
        "American officials sent aid.",
        "Washington sent aid.",
    ],
)
def test_actors_us_variants(nlp: Language, sentence: str) -> None:
    result = code(nlp, sentence)
    assert result is not None and result.country == "USA"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Unidentified gunmen killed a farmer.", ("Unidentified gunmen", None, "UAF")),
        ("Hundreds of protesters marched downtown.", ("protesters", None, "OPP")),
        ("Three masked gunmen stormed the shop.", ("masked gunmen", None, "UAF")),
        ("John Smith spoke to reporters.", ("John Smith", None, None)),
        # Kin of police or soldiers are civilians, not police or soldiers.
        (
            "Relatives of police officers gathered downtown.",
            ("Relatives of police officers", None, "CVL"),
        ),
        (
            "Family members of soldiers marched downtown.",
            ("Family members of soldiers", None, "CVL"),
        ),
        ("The wives of soldiers marched downtown.", ("wives of soldiers", None, "CVL")),
    ],
)
def test_actors_agents_without_country(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize("sentence", ["He denied the report.", "They left early."])
def test_actors_pronouns_give_none(nlp: Language, sentence: str) -> None:
    assert code(nlp, sentence) is None


def test_actors_keeps_verbatim_text(nlp: Language) -> None:
    result = code(nlp, "The Egyptian police detained him.")
    assert result is not None and result.text == "The Egyptian police"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Fridays for Future activists", "Fridays", True),
        ("Uganda's almost five years", "years", False),  # the owner is named, not the years
        ("three masked gunmen", "gunmen", False),  # an agent noun, no dictionary name
    ],
)
def test_actors_names_actor_covers_the_word(
    nlp: Language, text: str, word: str, expected: bool
) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert ActorDictionary.default().names_actor(doc[:], token) is expected
