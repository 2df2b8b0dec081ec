"""Where an event is placed (core/geo/scene.py): the place in the trigger's phrases, places
relative to another, journeys, the doer or topic that is no scene, unknown names placed at a
wider known place; end-to-end over `Geocoder.article_context` and `locate`."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.core.geo.geocoder import Geocoder

from .conftest import _locate


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country"),
    [
        (
            "Jets carried out airstrikes on militant camps in Libya's eastern city of Derna.",
            "airstrike",
            "Darnah",
            "LBY",
        ),
        ("Militants attacked a checkpoint in Derna on Monday.", "attack", "Darnah", "LBY"),
        ("Clashes erupted in the Syrian city of Homs on Tuesday.", "erupt", "Homs", "SYR"),
        ("Fighters attacked the town of Kadugli in South Kordofan.", "attack", "Kadugli", "SDN"),
        # a name before a site noun names the site; the town of the phrase is the place
        (
            "Students held a protest in Colombo square in Sanremo on Friday.",
            "protest",
            "Sanremo",
            "ITA",
        ),
        # a name of hyphenated parts is one name, not its last part ("Pire")
        (
            "Nurses demonstrated in Fontaine-au-Pire on Friday.",
            "demonstrate",
            "Fontaine-au-Pire",
            "FRA",
        ),
    ],
)
def test_scene_city_in_locative_phrase(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.country, loc.precision, loc.relative) == (name, country, "place", None)
    assert loc.start_char is not None and text[loc.start_char :].startswith(loc.text)


@pytest.mark.parametrize(
    ("text", "lemma", "name", "relative", "precision"),
    [
        (
            "Security forces attacked protesters south of Cairo on Friday.",
            "attack",
            "Cairo",
            "south of",
            "place",
        ),
        (
            "Police clashed with protesters 30 km north of Cairo.",
            "clash",
            "Cairo",
            "30 km north of",
            "place",
        ),
        ("Rebels shelled a village near Aleppo on Sunday.", "shell", "Aleppo", "near", "place"),
        ("Troops raided a camp near Jenin in the West Bank.", "raid", "Janīn", "near", "place"),
        (
            "Rebels shelled villages near the border with Chad.",
            "shell",
            "Chad",
            "near the border with",
            "country",
        ),
    ],
)
def test_scene_relative_place_keeps_anchor(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, relative: str, precision: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.relative, loc.precision) == (name, relative, precision)
    assert loc.start_char is not None and text[loc.start_char :].startswith(loc.text)


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country"),
    [
        ("Protesters marched in Egypt on Friday.", "march", "Egypt", "EGY"),
        ("Soldiers clashed with rebels in Sudan last week.", "clash", "Sudan", "SDN"),
    ],
)
def test_scene_country_only_precision(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.country, loc.precision, loc.admin1) == (name, country, "country", None)
    assert loc.start_char == text.index(name)


def test_scene_actor_country_is_not_a_place(nlp: Language, geo: Geocoder) -> None:
    loc, _ = _locate(nlp, geo, "Egypt launched airstrikes on Wednesday.", "launch")
    assert loc is None
    text = "Egypt launched airstrikes on militant camps in Libya's eastern city of Derna."
    loc, _ = _locate(nlp, geo, text, "launch")
    assert loc is not None and (loc.name, loc.country) == ("Darnah", "LBY")


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("U.S. sanctions angered traders on Monday.", "anger"),
        ("Egypt launched airstrikes on Wednesday.", "launch"),
    ],
)
def test_scene_actor_like_country_is_no_scene(
    nlp: Language, geo: Geocoder, text: str, lemma: str
) -> None:
    loc, ctx = _locate(nlp, geo, text, lemma)
    assert loc is None and ctx.main is None


@pytest.mark.parametrize(
    ("text", "lemma", "name"),
    [
        # The parse may hang the place on another word; the sentence's place still counts.
        ("On 3 March 2020, unidentified gunmen killed 2 civilians in Chella.", "kill", "Chella"),
        # A town the gazetteer lacks is named itself, placed at the known place after it.
        (
            "Turkish forces shelled positions in Menagh town in Aleppo countryside.",
            "shell",
            "Menagh",
        ),
        # A name spelt otherwise than the gazetteer spells a town of the province named with it.
        ("Artillery shelled houses in Luparevo, Mykolaiv region.", "shell", "Lupareve"),
        ("Guns fired at Kamianske, Zaporizhia, overnight.", "fire", "Kamyanske"),
        # a name in the trigger's phrase, spelt otherwise, in the province after it
        (
            "Troops fired mortars in the area of Velyka Komyshuvakha, Kharkiv.",
            "fire",
            "Velykokomyshuvaska",
        ),
        # a district spelt otherwise ("Al-Mejar Al-Kabir")
        (
            "Gunmen shot a policeman in Mejar Al-Kabi district, Maysan province.",
            "shoot",
            "Al-Mejar Al-Kabir",
        ),
    ],
)
def test_scene_sentence_place_found_despite_parse_or_spelling(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.name == name and loc.start_char is not None


@pytest.mark.parametrize(
    ("text", "lemma", "name", "container", "country", "precision", "relative"),
    [
        (
            "A car bomb went off in al-Midan neighbourhood in central Damascus on Monday.",
            "go",
            "al-Midan",
            "Damascus",
            "SYR",
            "place",
            "in central Damascus",
        ),
        (
            "Masked men stormed Hamra Street in Beirut.",
            "storm",
            "Hamra Street",
            "Beirut",
            "LBN",
            "place",
            "in Beirut",
        ),
        (
            "Rockets landed near the T-4 Military Airport in Homs province.",
            "land",
            "T-4 Military Airport",
            "Homs province",
            "SYR",
            "region",
            "in Homs province",
        ),
        (
            "Students gathered in Azadi Square in Tehran on Friday.",
            "gather",
            "Azadi Square",
            "Tehran",
            "IRN",
            "place",
            "in Tehran",
        ),
        (
            "Soldiers opened fire at the Qala checkpoint, 20 km south of Herat.",
            "open",
            "Qala",
            "Herat",
            "AFG",
            "place",
            "20 km south of Herat",
        ),
        (
            "Gunmen killed three farmers in Qasr Zubayr village near Mosul.",
            "kill",
            "Qasr Zubayr",
            "Mosul",
            "IRQ",
            "place",
            "near Mosul",
        ),
    ],
)
def test_scene_unknown_place_named_at_known_container(
    nlp: Language,
    geo: Geocoder,
    text: str,
    lemma: str,
    name: str,
    container: str,
    country: str,
    precision: str,
    relative: str,
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.text, loc.geonameid) == (name, name, None)
    assert (loc.country, loc.precision, loc.relative) == (country, precision, relative)
    assert loc.start_char == text.index(name)
    # The coordinates are the container's, never made up.
    known = geo.candidates(container)[0]
    assert (loc.latitude, loc.longitude) == (known.latitude, known.longitude)


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country", "precision"),
    [
        # The dateline is the container, one level coarser as for any article-wide place.
        (
            "DAMASCUS (Reuters) - Rebels entered the village of Shurifah on Sunday.",
            "enter",
            "Shurifah",
            "SYR",
            "region",
        ),
        # The sentence's known place contains it.
        (
            "In Raqqa province, jets bombed the Ayyash Hospital on Sunday.",
            "bomb",
            "Ayyash Hospital",
            "SYR",
            "region",
        ),
    ],
)
def test_scene_unknown_place_takes_wider_known_place(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str, precision: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.country, loc.precision, loc.geonameid) == (
        name,
        country,
        precision,
        None,
    )
    assert loc.start_char == text.index(name) and loc.latitude is not None


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country"),
    [
        (
            "Rebels attacked the Zarqa Power Plant near Tal Ghazal.",
            "attack",
            "Zarqa Power Plant",
            None,
        ),
        (
            "Herders clashed in Paloch County of Western Lakes State.",
            "clash",
            "Paloch County",
            None,
        ),
        # A demonym that is no actor's gives the country, but still no coordinates.
        ("Troops entered the Syrian village of Shurifah.", "enter", "Shurifah", "SYR"),
        # A country that acts is no evidence of where the village is.
        (
            "Egypt launched airstrikes on the village of Kufra Jadida.",
            "airstrike",
            "Kufra Jadida",
            None,
        ),
        # The place hung on the object ("people in ...") is still the event's.
        ("Raiders killed five people in Paloch County.", "kill", "Paloch County", None),
    ],
)
def test_scene_unknown_place_without_container_has_no_coordinates(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str | None
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.country, loc.geonameid) == (name, country, None)
    assert (loc.latitude, loc.longitude, loc.admin1) == (None, None, None)
    assert loc.start_char == text.index(name)


def test_scene_country_before_a_site_is_a_party_not_the_scene(nlp: Language, geo: Geocoder) -> None:
    # "the U.S. embassy" is in another country: the event gets no place rather than the U.S.
    loc, _ = _locate(nlp, geo, "Protesters stormed the U.S. embassy on Monday.", "storm")
    assert loc is None or loc.country != "USA"


def test_scene_the_doer_of_a_passive_is_no_place(nlp: Language) -> None:
    doc = nlp("The militia, which is backed by Cairo, shelled the port.")
    geocoder = Geocoder.default()
    backed = next(t for t in doc if t.text == "backed")
    place = geocoder.locate(backed, geocoder.article_context(doc))
    assert place is None or place.name != "Cairo"


@pytest.mark.parametrize(
    ("text", "lemma", "name"),
    [
        # where a march or convoy goes is its scene, not where it set out from
        ("Bikers marched from Echillais to La Rochelle on Monday.", "march", "La Rochelle"),
        ("On Monday, farmers marched from Rochefort to Saintes.", "march", "Saintes"),
        # with no other place named, the place it came from stands
        ("On Monday, hundreds of farmers marched from Rochefort.", "march", "Rochefort"),
    ],
)
def test_scene_a_journey_happens_where_it_goes(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.name == name


def test_scene_site_named_like_a_town_elsewhere_is_in_the_town_after_it(
    nlp: Language, geo: Geocoder
) -> None:
    text = "Students rallied at Centennial Park in downtown Lander (Wyoming) on Friday."
    loc, _ = _locate(nlp, geo, text, "rally")
    assert loc is not None and (loc.name, loc.admin1) == ("Centennial Park", "Wyoming")


@pytest.mark.parametrize(
    ("text", "lemma", "name"),
    [
        (
            "On Monday, nurses demonstrated by observing a minute of silence at the hospital of "
            "Metz to denounce the state of public hospitals in France.",
            "demonstrate",
            "Metz",
        ),
    ],
)
def test_scene_place_of_the_doing_an_event_was_done_by(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and (loc.name, loc.precision) == (name, "place")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a country under what is denounced places that thing, not the denouncing
        (
            "On Monday, Sudanese students rallied outside the embassy in Seoul. They condemned "
            "the military coup in Sudan.",
            "KOR",
        ),
        # a town there is still where it happened
        ("On Monday, students condemned the killing of a classmate in Kandy.", "LKA"),
    ],
)
def test_scene_country_of_what_is_denounced_is_no_scene(
    nlp: Language, geo: Geocoder, text: str, country: str
) -> None:
    found, _ = _locate(nlp, geo, text, "condemn")
    assert found is not None and found.country == country
