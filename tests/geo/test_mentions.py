"""Finding place names in the parse (core/geo/mentions.py): names the tagger got wrong,
lowercase words, non-places, organisations and coders' notes ("coded to X"); end-to-end over
`Geocoder.article_context` and `locate`."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.core.geo.geocoder import Geocoder

from .conftest import _locate


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country"),
    [
        # one entity over two names: each is read
        (
            "Activists demonstrated in front of the City Hall in Malmo.",
            "demonstrate",
            "Malmö",
            "SWE",
        ),
        (
            "Drivers slowed traffic on the road between Lamballe and Saint-Brieuc.",
            "slow",
            None,
            "FRA",
        ),
        ("Protesters marched in Trinidad and Tobago.", "march", "Trinidad and Tobago", "TTO"),
        # a city the tagger calls an organisation before a site noun is the site's city
        ("Families protested in front of the Diyarbakir D-type prison.", "protest", None, "TUR"),
        # a name the tagger cut at its particles, whole when the gazetteer knows it
        (
            "In San Cristobal de las Casas, Chiapas, 300 women marched.",
            "march",
            "San Cristóbal de las Casas",
            "MEX",
        ),
        (
            "In Cruzeiro do Oeste (Parana), a man was shot by gunmen.",
            "shoot",
            "Cruzeiro do Oeste",
            "BRA",
        ),
        # an elided particle written on the next word ("d'Agua")
        (
            "In Olho d'Agua das Flores (Alagoas), a man was shot by gunmen.",
            "shoot",
            "Olho d'Água das Flores",
            "BRA",
        ),
        # a site named like a town is a site of the place it is in
        (
            "People gathered outside the San Carlo theater in Napoli on Monday.",
            "gather",
            "Naples",
            "ITA",
        ),
        # the ends of a journey are places, even when the tagger names no entity
        ("Bikers marched from Echillais to La Rochelle on Monday.", "march", None, "FRA"),
        # a lost "in" before "As Sweida countryside"
        ("Dozens of people blocked a road in As Sweida countryside.", "block", None, "SYR"),
        # a demonym on the doers is no "Turkish town of": the countryside is Syria's
        (
            "On Monday, Turkish forces shelled Zzyzx town in Al Hasakeh countryside.",
            "shell",
            None,
            "SYR",
        ),
        # the article prefix of "As-Sanamayn" read as a preposition: the town, not Daraa
        (
            "On Monday, a landmine exploded in As-Sanamayn town in Dara countryside.",
            "explode",
            "Aş Şanamayn",
            "SYR",
        ),
    ],
)
def test_mentions_names_the_tagger_got_wrong(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str | None, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.country == country
    assert name is None or loc.name == name


def test_mentions_coded_to_no_place_reads_the_next_brackets(nlp: Language, geo: Geocoder) -> None:
    text = (
        "On Monday, jets carried out an air raid on Hays (coded to district level) (Al Hudaydah)."
    )
    loc, _ = _locate(nlp, geo, text, "raid")
    assert loc is not None and (loc.name, loc.country) == ("Hays", "YEM")


@pytest.mark.parametrize(
    "text",
    [
        "Armed men looted shops in Kitalima village (coded as Rutshuru).",
        "Armed men looted shops in Kitalima village (coded Rutshuru).",
    ],
)
def test_mentions_coded_as_names_the_place(nlp: Language, geo: Geocoder, text: str) -> None:
    loc, _ = _locate(nlp, geo, text, "loot")
    assert loc is not None and (loc.name, loc.country) == ("Rutshuru", "COD")


@pytest.mark.parametrize(
    "text",
    ["Storms battered the west coast on Monday.", "Protesters marched along the west coast."],
)
def test_mentions_lowercase_words_are_not_places(nlp: Language, geo: Geocoder, text: str) -> None:
    doc = nlp(text)
    ctx = geo.article_context(doc)
    assert all(loc is None or loc.precision == "country" for loc in ctx.by_token.values())
    assert ctx.main is None


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Police arrested protesters at John Smith's house.", "arrest"),  # a person
        ("Thousands protested in January.", "protest"),  # a date
        ("Police detained two men on Facebook Live.", "detain"),  # not a place slot
        ("Rebels attacked the village near the river.", "attack"),  # common nouns
        ("Jets struck positions of Hezbollah overnight.", "strike"),  # an organisation
    ],
)
def test_mentions_non_places_are_not_named(
    nlp: Language, geo: Geocoder, text: str, lemma: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is None


@pytest.mark.parametrize(
    ("text", "lemma", "name"),
    [
        # Known places still win when no unknown name stands in the phrase.
        ("Israeli jets struck Hamas positions in Gaza.", "strike", "Gaza"),
        ("Jets bombed a Hamas base in Gaza City.", "bomb", "Gaza"),
        # The unknown name after the known one is the wider unit, not the scene.
        ("Herders clashed in Yirol County of Eastern Lakes State.", "clash", "Yirol"),
        ("Militants attacked a checkpoint in Derna on Monday.", "attack", "Darnah"),
    ],
)
def test_mentions_known_place_kept_beside_organisations(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.name == name and loc.geonameid is not None


def test_mentions_province_named_like_a_common_word(nlp: Language, geo: Geocoder) -> None:
    # "Unity" alone is an ordinary word; "Unity state" is a province.
    loc, ctx = _locate(
        nlp, geo, "Gunmen attacked cattle keepers in Unity state on Sunday.", "attack"
    )
    assert loc is not None and (loc.country, loc.precision) == ("SSD", "region")
    assert "Unity state" in {span.text for span in ctx.spans.values()}


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country"),
    [
        # a coder's note anywhere in the text places the note's events
        (
            "On Monday, rebels attacked Nangarhar province [coded to Jalalabad].",
            "attack",
            "Jalālābād",
            "AFG",
        ),
        (
            "On Monday, gunmen attacked Zzyzx, Qwyx LGA (Kaduna), coded as Zaria.",
            "attack",
            "Zaria",
            "NGA",
        ),
        (
            "On Monday, in Urcos municipality (coded to Urcos city) (Cusco), residents marched.",
            "march",
            "Urcos",
            "PER",
        ),
        # the province of the place named before it picks among namesakes
        (
            "In Guerrero town, Chihuahua (coded to capital Vicente Guerrero), troops burned crops.",
            "burn",
            "Ciudad Guerrero",
            "MEX",
        ),
        # the note's name runs to its first lower-case word
        (
            "On Monday, jets struck a camp [location coded to Jalalabad with GP3].",
            "strike",
            "Jalālābād",
            "AFG",
        ),
        # words a coder writes before the name
        (
            "On Monday, two clans exchanged fire in Zzyzx area (coded as hq Harnai) (Balochistan).",
            "exchange",
            "Harnai",
            "PAK",
        ),
        # a country the sentence also names is no namesake reading of the coded place
        (
            "On Monday, pupils marched from Zaria to Kano [coded to Kano] to condemn the war in "
            "Ukraine.",
            "march",
            "Kano",
            "NGA",
        ),
    ],
)
def test_mentions_coded_to_names_the_place(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and (loc.name, loc.country) == (name, country)


@pytest.mark.parametrize(
    "text",
    [
        # a coded actor, not a place
        "On Monday, militants (coded as Kashmir Rebels) fired at troops in Srinagar.",
        # another event's coding
        "On Monday, rebels shelled Avdiivka (fatalities coded to Kharkiv event).",
    ],
)
def test_mentions_coded_actors_and_other_events_place_nothing(
    nlp: Language, geo: Geocoder, text: str
) -> None:
    doc = nlp(text)
    assert geo.article_context(doc).coded == []


def test_mentions_town_named_as_an_adjective_of_city_places_the_site(
    nlp: Language, geo: Geocoder
) -> None:
    text = "Teachers rallied outside the Labour Office building in Bukan city (West Azerbaijan)."
    loc, _ = _locate(nlp, geo, text, "rally")
    assert loc is not None and loc.precision == "place" and loc.country == "IRN"
    assert loc.latitude is not None and round(loc.latitude, 1) == 36.5


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a square's name is no town when the sentence names the town it is in
        ("On Monday, in La Plata, people called by unions gathered in Moreno square against "
         "violence.", "La Plata"),
        # without one it still stands for its namesake
        ("On Monday, thousands gathered in Moreno square against violence.", "Moreno"),
        # a building is often named after its town
        ("On Monday, nurses protested outside the Mersin City hospital in Toroslar, Mersin.",
         "Mersin"),
    ],
)  # fmt: skip
def test_mentions_name_of_a_square_is_no_town(
    nlp: Language, geo: Geocoder, text: str, name: str
) -> None:
    found, _ = _locate(nlp, geo, text, "protest" if "protested" in text else "gather")
    assert found is not None and found.name == name
