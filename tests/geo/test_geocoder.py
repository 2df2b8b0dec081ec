"""Offline geocoding: gazetteer lookups and placing events, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.core.geo.geocoder import Geocoder
from newsevents.core.geo.records import GeoContext, Location


def _locate(
    nlp: Language, geo: Geocoder, text: str, lemma: str
) -> tuple[Location | None, GeoContext]:
    """Parse `text` and place the event of the first token whose lemma is `lemma`."""
    doc = nlp(text)
    ctx = geo.article_context(doc)
    trigger = next(t for t in doc if t.lemma_.lower() == lemma)
    return geo.locate(trigger, ctx), ctx


def test_geo_province_read_as_a_town_abroad_vetoes_no_town(nlp: Language, geo: Geocoder) -> None:
    text = (
        "On Monday, demonstrators gathered outside the office of a Florida state senator in "
        "Coral Gables (Florida)."
    )
    loc, _ = _locate(nlp, geo, text, "gather")
    assert loc is not None and (loc.name, loc.country, loc.precision) == (
        "Coral Gables",
        "USA",
        "place",
    )


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
def test_geo_city_in_locative_phrase(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.country, loc.precision, loc.relative) == (name, country, "place", None)
    assert loc.start_char is not None and text[loc.start_char :].startswith(loc.text)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Gunmen attacked a market in Tripoli, Lebanon, on Sunday.", "LBN"),
        ("Gunmen attacked a market in Tripoli on Sunday. Libya's government condemned it.", "LBY"),
        ("Gunmen attacked a market in Tripoli. The Lebanese army sealed off the area.", "LBN"),
        ("Gunmen attacked a market in Tripoli on Sunday.", "LBY"),  # no context: the bigger one
    ],
)
def test_geo_tripoli_follows_the_article(
    nlp: Language, geo: Geocoder, text: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, "attack")
    assert loc is not None
    assert (loc.name, loc.country) == ("Tripoli", country)


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country"),
    [
        (
            "BEIRUT (Reuters) - Gunmen attacked a bank on Tuesday, officials said.",
            "attack",
            "Beirut",
            "LBN",
        ),
        (
            "CAIRO, May 26 (AP) — Protesters marched through the streets on Friday.",
            "march",
            "Cairo",
            "EGY",
        ),
        ("TRIPOLI, Lebanon (AP) — Gunmen attacked a bank on Tuesday.", "attack", "Tripoli", "LBN"),
    ],
)
def test_geo_dateline_places_the_article(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, ctx = _locate(nlp, geo, text, lemma)
    assert ctx.dateline is not None
    assert (ctx.dateline.name, ctx.dateline.country) == (name, country)
    assert loc is not None
    # Taken from the dateline, not the sentence: no offset and a coarser precision.
    assert (loc.name, loc.country, loc.precision, loc.start_char) == (name, country, "region", None)


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
def test_geo_relative_place_keeps_anchor(
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
def test_geo_country_only_precision(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.country, loc.precision, loc.admin1) == (name, country, "country", None)
    assert loc.start_char == text.index(name)


@pytest.mark.parametrize(
    ("text", "lemma", "name", "precision"),
    [
        # A unit named before "district of Y" or "district, Y" is the finer place; Y only
        # qualifies it, even where Y also names a city.
        (
            "Gendarmes defused a bomb in the Cemisgezek district of Tunceli.",
            "defuse",
            "Çemişgezek",
            "region",
        ),
        (
            "A militant was killed in Pul-e-Hisar district, Baghlan.",
            "kill",
            "Pul-e Ḩişār",
            "region",
        ),
        (
            "Jets struck a camp in Zzyzx area in Al Amadiya district of Duhok.",
            "strike",
            "Zzyzx",
            "region",
        ),
        # ... but a part of a town is no unit: the town it is in is read as usual.
        ("Men beat a driver in the Zzyzx locality of Bhilwara town.", "beat", "Bhilwara", "place"),
    ],
)
def test_geo_unit_before_its_province_is_the_place(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, precision: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.precision) == (name, precision)


@pytest.mark.parametrize(
    ("text", "lemma", "name"),
    [
        # After a city and a dash, a district of that city, not a namesake town far away.
        ("Soldiers shelled positions in Donetsk - Kyivskyi.", "shell", "Donetsk"),
        ("In Bogota - San Cristobal, police beat two women.", "beat", "Bogotá"),
        # ... and an area, quarter or neighbourhood of the town named after it.
        ("Residents gathered in the Casale area of Brindisi to protest.", "gather", "Brindisi"),
        # "in Reno (Nevada)" parsed with Reno as a modifier of Nevada: still Reno.
        (
            "Some 125 people gathered for a pro-Ukraine demonstration in Reno (Nevada) to show"
            " support for Ukraine.",
            "gather",
            "Reno",
        ),
        # A town named after a person, cut by the tagger: the whole name the gazetteer knows.
        ("In General Roca (Rio Negro), teachers staged a protest.", "protest", "General Roca"),
        (
            "In Tomas Romero Pereira (Itapua), parents blocked a school.",
            "block",
            "Tomás Romero Pereira",
        ),
        # "in Jenin city", parsed with the town as a modifier of "city": still the scene
        (
            "On 3 May, protesters held a protest called by the local forces inside the picket"
            " tent at Zzyzx Square in Jenin city (Jenin, West Bank), demanding Israel to hand"
            " over the bodies of men who were buried in cemeteries in Israel.",
            "hold",
            "Janīn",
        ),
        # "the Coast of X", a name of its own in coders' notes: at X
        ("Soldiers shot down a drone near the Coast of Odesa.", "shoot", "Odesa"),
        # A district of a province is no part of a town: the district is read as usual.
        ("Residents protested in Akcakale district of Sanliurfa.", "protest", "Akçakale"),
    ],
)
def test_geo_town_read_with_the_place_named_beside_it(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.precision) == (name, "place")


def test_geo_region_precision(nlp: Language, geo: Geocoder) -> None:
    loc, _ = _locate(nlp, geo, "Rebels attacked army posts in Idlib province.", "attack")
    assert loc is not None
    assert (loc.name, loc.country, loc.precision) == ("Idlib", "SYR", "region")


@pytest.mark.parametrize(
    ("text", "lemma", "name", "precision"),
    [
        (
            "Militants attacked a checkpoint in Derna. They also burned two trucks.",
            "burn",
            "Darnah",
            "region",
        ),
        (
            "Protesters gathered in Egypt. Police later arrested ten people.",
            "arrest",
            "Egypt",
            "country",
        ),
        # Only the country the main place is in: the main place says more.
        (
            "Protesters gathered on a square in Basra on Monday. They demanded lower prices,"
            " citing inflation in Iraq.",
            "demand",
            "Basrah",
            "region",
        ),
        # A place of what the event is about is not where the event is.
        (
            "Students rallied in Varna on Monday. They also protested against the war in Ukraine.",
            "protest",
            "Varna",
            "region",
        ),
        (
            "Students rallied in Varna on Monday. They demanded an end to the fighting in Donbas.",
            "demand",
            "Varna",
            "region",
        ),
        (
            "Students rallied in Varna on Monday. They marched amid fears of a war in Ukraine.",
            "march",
            "Varna",
            "region",
        ),
        (
            "Students rallied in Varna on Monday. They said the parties threaten the stance on"
            " issues like the war in Ukraine.",
            "threaten",
            "Varna",
            "region",
        ),
    ],
)
def test_geo_sentence_without_place_falls_back(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, precision: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.precision, loc.start_char) == (name, precision, None)


def test_geo_actor_country_is_not_a_place(nlp: Language, geo: Geocoder) -> None:
    loc, _ = _locate(nlp, geo, "Egypt launched airstrikes on Wednesday.", "launch")
    assert loc is None
    text = "Egypt launched airstrikes on militant camps in Libya's eastern city of Derna."
    loc, _ = _locate(nlp, geo, text, "launch")
    assert loc is not None and (loc.name, loc.country) == ("Darnah", "LBY")


def test_geo_no_place_anywhere_gives_none(nlp: Language, geo: Geocoder) -> None:
    loc, ctx = _locate(nlp, geo, "Police arrested ten people on Friday.", "arrest")
    assert loc is None and ctx.main is None


@pytest.mark.parametrize(
    ("text", "lemma", "country", "precision"),
    [
        # A village the gazetteer lacks: the region in parentheses stands in for it.
        (
            "Gunmen killed two farmers in Zzyzxbury village (Sagaing region).",
            "kill",
            "MMR",
            "region",
        ),
        # Name and qualifier read together: the country where both exist.
        ("Fishermen blocked a bridge in Villa Florida (Misiones).", "block", "PRY", "place"),
        # A village after a comma takes its country from the province named with it.
        ("Artillery hit houses in Kalinovo, Luhansk.", "hit", "UKR", "region"),
        # The qualifier read in the country where both names have a reading: not the
        # Bahamas' San Salvador district but El Salvador's department.
        (
            "On 8 April, in Nejapa, San Salvador, police clashed with a gang.",
            "clash",
            "SLV",
            "region",
        ),
        # ... also after a place noun ("Kartal town, Istanbul": not Gaziantep's Kartal).
        ("Doctors protested in Kartal town, Istanbul on Monday.", "protest", "TUR", "region"),
        # ... and when the only one known is in another province of that country.
        ("Artillery shelled Semenivka, Donetsk on Monday.", "shell", "UKR", "region"),
        # A way to a site is still the scene ("to" is a way, not a topic, after a verb).
        ("Students marched to the office of the mayor in Toronto.", "march", "CAN", "place"),
        # ... also after a place noun ("community, Mykolaiv" names the province).
        ("Artillery shelled Zzyzxivka territorial community, Mykolaiv.", "shell", "UKR", "region"),
        # A province in brackets whose country has no town of the name: a place of it (here
        # "Scarborough Village", Toronto), not the namesake in a country with a county of the
        # province's name.
        ("Students marched in Scarborough (Ontario) on Monday.", "march", "CAN", "place"),
        ("Students marched in Zzyzxborough (Ontario) on Monday.", "march", "CAN", "region"),
        # Both readings agree with the province's country vote; the one in the province named
        # wins over an exact namesake in a county of that name abroad (Massachusetts).
        ("Students marched in Sudbury (Ontario) on Monday.", "march", "CAN", "place"),
        # A district after its city and a dash is in the city's country, or the city stands in.
        ("Women protested in Belgrade - Stari Grad on Monday.", "protest", "SRB", "place"),
        (
            "On 1 May, workers marched from the art center (Incheon - Namdong) to the city hall.",
            "march",
            "KOR",
            "region",
        ),
        # "X town in Y": X is read in Y's country; a namesake abroad gives way to Y.
        ("Women held a demonstration in Kelly town in Idleb on Monday.", "hold", "SYR", "region"),
        # Brackets whose names agree on a country the town has no reading in: a village there.
        ("Soldiers attacked militants in Koflande (Mangodara, Comoe).", "attack", "BFA", "region"),
        # "in" lost by the parse, the town hung on the subject: still the scene, not a party.
        (
            "On 19 April, in Nanchital, Veracruz, members of a women's group marched.",
            "march",
            "MEX",
            "place",
        ),
        # "the beach of X": the tagger calls the town an organisation; it is still the place.
        ("Activists protested on the beach of Knokke-Heist.", "protest", "BEL", "place"),
        # Bracket parts that are units in different countries (Beni is a Bolivian department
        # but a Congolese town): the one country where every part has a reading.
        ("Rebels killed a driver in Zzyzxkalo village (Beni, Nord-Kivu).", "kill", "COD", "region"),
        # A village after a comma and a county: the county stands in, not its whole country.
        (
            "On 3 March, farmers held banners in Zzyzx Urban, Changhua to protest against a dam.",
            "protest",
            "TWN",
            "region",
        ),
    ],
)
def test_geo_qualifier_picks_country(
    nlp: Language, geo: Geocoder, text: str, lemma: str, country: str, precision: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.country, loc.precision) == (country, precision)
    assert loc.start_char is not None


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
def test_geo_names_the_tagger_got_wrong(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str | None, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.country == country
    assert name is None or loc.name == name


def test_geo_coded_to_no_place_reads_the_next_brackets(nlp: Language, geo: Geocoder) -> None:
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
def test_geo_coded_as_names_the_place(nlp: Language, geo: Geocoder, text: str) -> None:
    loc, _ = _locate(nlp, geo, text, "loot")
    assert loc is not None and (loc.name, loc.country) == ("Rutshuru", "COD")


@pytest.mark.parametrize(
    "text",
    ["Storms battered the west coast on Monday.", "Protesters marched along the west coast."],
)
def test_geo_lowercase_words_are_not_places(nlp: Language, geo: Geocoder, text: str) -> None:
    doc = nlp(text)
    ctx = geo.article_context(doc)
    assert all(loc is None or loc.precision == "country" for loc in ctx.by_token.values())
    assert ctx.main is None


def test_geo_dateline_without_dash(nlp: Language, geo: Geocoder) -> None:
    text = "Missiles launched\n\nSEOUL North Korea fired two missiles on Sunday, officials said."
    loc, ctx = _locate(nlp, geo, text, "fire")
    assert ctx.dateline is not None and (ctx.dateline.name, ctx.dateline.country) == (
        "Seoul",
        "KOR",
    )
    assert loc is not None and loc.start_char is None


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("U.S. sanctions angered traders on Monday.", "anger"),
        ("Egypt launched airstrikes on Wednesday.", "launch"),
    ],
)
def test_geo_actor_like_country_is_no_scene(
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
def test_geo_sentence_place_found_despite_parse_or_spelling(
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
def test_geo_unknown_place_named_at_known_container(
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
def test_geo_unknown_place_takes_wider_known_place(
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
def test_geo_unknown_place_without_container_has_no_coordinates(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str | None
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.country, loc.geonameid) == (name, country, None)
    assert (loc.latitude, loc.longitude, loc.admin1) == (None, None, None)
    assert loc.start_char == text.index(name)


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
def test_geo_non_places_are_not_named(nlp: Language, geo: Geocoder, text: str, lemma: str) -> None:
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
def test_geo_known_place_kept_beside_organisations(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.name == name and loc.geonameid is not None


def test_geo_country_before_a_site_is_a_party_not_the_scene(nlp: Language, geo: Geocoder) -> None:
    # "the U.S. embassy" is in another country: the event gets no place rather than the U.S.
    loc, _ = _locate(nlp, geo, "Protesters stormed the U.S. embassy on Monday.", "storm")
    assert loc is None or loc.country != "USA"


def test_geo_the_doer_of_a_passive_is_no_place(nlp: Language) -> None:
    doc = nlp("The militia, which is backed by Cairo, shelled the port.")
    geocoder = Geocoder.default()
    backed = next(t for t in doc if t.text == "backed")
    place = geocoder.locate(backed, geocoder.article_context(doc))
    assert place is None or place.name != "Cairo"


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country", "latitude"),
    [
        # "North Beach" is a town in Australia; here it is a site of Durban.
        (
            "Fishermen demonstrated at North Beach in Durban (KwaZulu-Natal) against drilling.",
            "demonstrate",
            "North Beach",
            "ZAF",
            -29.86,
        ),
        # "colonia Bella Vista" is a part of a Mexican town, not Bella Vista in the Dominican
        # Republic, however big that one is.
        (
            "In Cadereyta Jimenez, Nuevo Leon, gunmen opened fire on a man in Colonia Bella Vista.",
            "open",
            "Cadereyta Jiménez",
            "MEX",
            25.59,
        ),
    ],
)
def test_geo_small_town_abroad_is_a_local_site(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str, latitude: float
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and (loc.name, loc.country) == (name, country)
    assert loc.latitude is not None and abs(loc.latitude - latitude) < 0.3


@pytest.mark.parametrize(
    ("text", "lemma", "country"),
    [
        # Names inside the brackets after a place are its units, in the same country.
        ("Soldiers detained a farmer in Muse town (Muse township, Shan State).", "detain", "MMR"),
        # A qualifier named after a Nigerian state is not the country Niger.
        ("Gunmen kidnapped ten travellers near Mariga (Niger State) on Monday.", "kidnap", "NGA"),
        # Keles is known only as a small Turkish town; the article names an Uzbek region.
        (
            "Farmers protested on Monday near the town of Keles in Tashkent region.",
            "protest",
            "UZB",
        ),
        # Leer is a German town and a South Sudanese one; the brackets name a state of the latter.
        ("Militiamen burned huts in Leer county (Unity state) on Sunday.", "burn", "SSD"),
        # A Japanese city of 100,000, but called a township next to units of Myanmar.
        (
            "Soldiers raided Kani township (Monywa district, Sagaing region) on Friday.",
            "raid",
            "MMR",
        ),
        # Called a village, a town abroad of over 100,000 is a namesake too.
        ("Artillery shelled Saida village in Raqqa governorate on Tuesday.", "shell", "SYR"),
        # No Sole in Burkina Faso: a town the gazetteer lacks there, not a namesake abroad.
        ("Gunmen attacked the Burkina town of Sole on Monday.", "attack", "BFA"),
        ("Rebels shelled the Burkina village of Tchanga on Monday.", "shell", "BFA"),
        # Each name before the widest unit is in its country: no Russian "Sole", no Kenyan
        # "Mambasa" (an old spelling of Mombasa).
        ("Rebels attacked Sole, Mambasa, Ituri on Monday.", "attack", "COD"),
        ("Rebels attacked Beya, Irumu, Ituri on Monday.", "attack", "COD"),
        # A union of one country is a sign of where its members act: France's Brest.
        ("At the call of the CGT, dockers gathered in Brest on Monday.", "gather", "FRA"),
        # The rest of a name after "imeni" is the name, not a town abroad called "Shakhta".
        ("Mortars hit houses in Shakhta imeni Gagarina, Donetsk, overnight.", "hit", "UKR"),
        # A village named twice is one place: its first, qualified mention says where.
        (
            "In Kin village, Madaya township (Pyinoolwin district, Mandalay region), soldiers "
            "arrested a monk who had fled to Kin village.",
            "arrest",
            "MMR",
        ),
        # The article's place is where things happen, not the country oil comes from.
        (
            "Activists blocked a tanker in Gdansk carrying oil from Russia. The activists were "
            "protesting against fuel imports from Russia.",
            "protest",
            "POL",
        ),
    ],
)
def test_geo_country_the_wording_gives(
    nlp: Language, geo: Geocoder, text: str, lemma: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.country == country


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country"),
    [
        # The tagger joins "Town, Province" or "Town (Province" into one entity, or misses one.
        ("Artillery shelled Sloviansk, Donetsk region overnight.", "shell", "Slovyansk", "UKR"),
        ("Teachers marched through Norwich to demand higher pay.", "march", "Norwich", "GBR"),
        ("Dockers went on strike in Port of Spain on Monday.", "strike", "Port of Spain", "TTO"),
        (
            "Militants fired rockets at Deir ez Zor countryside on Friday.",
            "fire",
            "Deir ez-Zor",
            "SYR",
        ),
        # A qualifier named like the place says nothing; the province says which Galle.
        (
            "Nurses protested outside the hospital in Galle (Galle, Southern) over unpaid wages.",
            "protest",
            "Galle",
            "LKA",
        ),
        # A province in brackets is read as a province, not as a town abroad.
        (
            "Students gathered in Melbourne (Victoria) to protest against fees.",
            "gather",
            "Melbourne",
            "AUS",
        ),
        # Local-language province names from our alias table.
        (
            "Police dispersed a protest in Cadiz (Andalucia) with batons.",
            "disperse",
            "Cadiz",
            "ESP",
        ),
        # A country named as a party ("the war against Ukraine") weighs less than population.
        (
            "Activists gathered in Poznan to denounce the war against Ukraine.",
            "gather",
            "Poznań",
            "POL",
        ),
        # "San Salvador" is also a district of the Bahamas; after Soyapango it is El Salvador's.
        (
            "Police arrested five men in Soyapango, San Salvador, on Friday.",
            "arrest",
            "Soyapango",
            "SLV",
        ),
        ("Protesters rallied in Paris, Texas, on Sunday.", "rally", "Paris", "USA"),
        # A unit named with its unit noun after a named town is the unit the town is in.
        ("Artillery shelled Basira town in Deir ez Zor countryside.", "shell", "Basira", "SYR"),
        # A place the parse hangs on a verb joined to the trigger by "and".
        (
            "Forty migrants were stopped off the coast of Bodrum and detained by the coast guard.",
            "detain",
            "Bodrum",
            "TUR",
        ),
        # "Zaporizhia" after a comma is the province (an ACLED spelling in our aliases).
        (
            "Soldiers came to Vasylivka, Zaporizhia and stole cattle.",
            "steal",
            "Vasylivka",
            "UKR",
        ),
        # A unit code before a name ("PD5", police district 5) is no part of the name.
        (
            "Gunmen killed a guard in the village of Haji Aziz of PD5 Kandahar city.",
            "kill",
            "Haji Aziz",
            "AFG",
        ),
        # Examples of sites are sites ("bridges like the overpass in X").
        (
            "Hundreds gathered on bridges like the Elm Street overpass in Davenport (Iowa).",
            "gather",
            "Davenport",
            "USA",
        ),
        # A name read as a town abroad, right before "in" a town, is a site of that town.
        ("A crowd rallied outside Holyrood in Edinburgh on Friday.", "rally", "Edinburgh", "GBR"),
        # "X located in Y": a namesake of X far from Y is not what is meant
        (
            "Workers protested in Gaviao located in Vila Nova de Famalicao on Monday.",
            "protest",
            "Vila Nova de Famalicão",
            "PRT",
        ),
        # The passive subject of an attack is its target and, a place, its scene.
        ("Buhas, Donetsk, was shelled with artillery overnight.", "shell", "Buhas", "UKR"),
        # A way into a site is at the site, and the site's name places it.
        ("Guards blocked the entrance of Draguignan prison.", "block", "Draguignan", "FRA"),
        # A part of the town just named is in that town, not a namesake town far away.
        (
            "In Axochiapan, Morelos, gunmen shot a driver dead in Colonia Progreso.",
            "shoot",
            "Axochiapan",
            "MEX",
        ),
        (
            "In Joao Pessoa (Paraiba), gunmen wounded a man in the Jaguaribe neighborhood.",
            "wound",
            "João Pessoa",
            "BRA",
        ),
        # A site's name that starts with its town's name places it there.
        (
            "Crowds gathered at the Pietermaritzburg High Court (KwaZulu-Natal) on Monday.",
            "gather",
            "Pietermaritzburg",
            "ZAF",
        ),
        # Persian names joined by "e" are one name.
        (
            "Teachers protested in Shahr e Kord city (Chaharmahal and Bakhtiari).",
            "protest",
            "Shahr-e Kord",
            "IRN",
        ),
    ],
)
def test_geo_place_read_from_its_context(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and (loc.name, loc.country) == (name, country)


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country"),
    [
        # A big city needs no evidence of its country, whatever units the article names.
        (
            "Workers protested in Houston on Monday, a week after floods hit Sagaing region.",
            "protest",
            "Houston",
            "USA",
        ),
        (
            "Diplomats met in New York on Monday to discuss the crisis in Rakhine state.",
            "meet",
            "New York City",
            "USA",
        ),
        ("Gunmen attacked a convoy near Tripoli, Lebanon, on Monday.", "attack", "Tripoli", "LBN"),
        ("Police dispersed a rally in Kano (Kano state) on Saturday.", "disperse", "Kano", "NGA"),
    ],
)
def test_geo_evidenced_or_big_town_keeps_its_reading(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and (loc.name, loc.country, loc.precision) == (name, country, "place")


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country"),
    [
        # Bolivar is a state of Venezuela and a department of Colombia: the one where the town
        # named before it is the bigger one.
        (
            "Teachers marched in Ciudad Bolivar, Bolivar on Monday.",
            "march",
            "Ciudad Bolívar",
            "VEN",
        ),
        # "Kongo-Central" is no "Kongo Province" (a small town "Kongo" elsewhere).
        (
            "Women demonstrated in front of the town hall of Boma (Kongo-Central).",
            "demonstrate",
            "Boma",
            "COD",
        ),
    ],
)
def test_geo_qualifier_reads_in_the_place_country(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and (loc.name, loc.country) == (name, country)


def test_geo_province_named_like_a_common_word(nlp: Language, geo: Geocoder) -> None:
    # "Unity" alone is an ordinary word; "Unity state" is a province.
    loc, ctx = _locate(
        nlp, geo, "Gunmen attacked cattle keepers in Unity state on Sunday.", "attack"
    )
    assert loc is not None and (loc.country, loc.precision) == ("SSD", "region")
    assert "Unity state" in {span.text for span in ctx.spans.values()}


def test_geo_a_list_of_countries_qualifies_nothing(nlp: Language, geo: Geocoder) -> None:
    doc = nlp("Police detained migrants from Guatemala, Honduras, Colombia, Cuba and Nicaragua.")
    ctx = geo.article_context(doc)
    assert {loc.country for loc in ctx.by_token.values() if loc is not None} >= {"COL", "GTM"}


@pytest.mark.parametrize(
    ("text", "lemma", "name"),
    [
        # A unit named like the province after it is the province's town, not the province.
        ("Militants burned houses in Zzyzxogou village (Mopti, Mopti).", "burn", "Mopti"),
        ("Gunmen killed a trader near Zzyzxogou (Isiolo, Isiolo).", "kill", "Isiolo"),
        # A province alone still stands for the village.
        ("Militants burned houses in Zzyzxogou village (Mopti).", "burn", "Mopti Region"),
    ],
)
def test_geo_unit_named_like_its_province_is_its_town(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    town = geo.resolve(name, None, want_kind="c" if "Region" not in name else "a")
    assert town is not None
    assert (loc.name, loc.latitude, loc.longitude) == (town.name, town.latitude, town.longitude)


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
def test_geo_a_journey_happens_where_it_goes(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.name == name


def test_geo_township_of_a_village_stands_in_for_it(nlp: Language, geo: Geocoder) -> None:
    # Myanmar's townships come from the boundaries table: a village the gazetteer lacks is
    # placed at its township, not at the wider district.
    mingin = geo.resolve("Mingin township")
    assert mingin is not None and mingin.township
    for text in (
        "On Monday, soldiers burned houses in Zzyzx village (Mingin township, Kale district).",
        "On Monday, soldiers burned houses in Zzyzx village, Mingin township (Kale district).",
        "On Monday, soldiers burned houses in Mingin township (Kale district, Sagaing region).",
    ):
        loc, _ = _locate(nlp, geo, text, "burn")
        assert loc is not None
        assert (loc.latitude, loc.longitude, loc.precision) == (
            mingin.latitude,
            mingin.longitude,
            "region",
        ), text


def test_geo_township_abroad_gives_way_to_the_article_country(nlp: Language, geo: Geocoder) -> None:
    # "Machar" is also a township of Ontario; in a report on South Sudan it is no place there.
    assert any(c.country == "CAN" for c in geo.candidates("Machar"))
    text = "On Monday, South Sudanese soldiers fought rebels at Machar near Bor, South Sudan."
    loc, _ = _locate(nlp, geo, text, "fight")
    assert loc is not None and loc.country == "SSD"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, between Zzyzx and Qwyx villages (Hpruso township, Loikaw district, Kayah "
        "state), rebels ambushed soldiers.",
        "On Monday, rebels ambushed soldiers near Zzyzx (Hpruso township, Loikaw district, "
        "Kayah state).",
    ],
)
def test_geo_finest_unit_of_a_list_is_the_place(nlp: Language, geo: Geocoder, text: str) -> None:
    # Township before district before province, wherever the parse hangs the brackets.
    township = geo.resolve("Hpruso township")
    assert township is not None and township.township
    loc, _ = _locate(nlp, geo, text, "ambush")
    assert loc is not None
    assert (loc.latitude, loc.longitude) == (township.latitude, township.longitude)


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
def test_geo_coded_to_names_the_place(
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
def test_geo_coded_actors_and_other_events_place_nothing(
    nlp: Language, geo: Geocoder, text: str
) -> None:
    doc = nlp(text)
    assert geo.article_context(doc).coded == []


def test_geo_village_of_the_province_in_brackets_not_a_namesake_of_another(
    nlp: Language, geo: Geocoder
) -> None:
    # The gazetteer's only Thar Yar Kone is in Mandalay Region; the brackets say Sagaing.
    assert {c.admin1 for c in geo.candidates("Thar Yar Kone")} == {"Mandalay Region"}
    text = (
        "On Monday, soldiers shot a farmer in Thar Yar Kone village (Kale township, Sagaing "
        "region)."
    )
    loc, _ = _locate(nlp, geo, text, "shoot")
    assert loc is not None and (loc.country, loc.admin1) == ("MMR", "Sagaing Region")


def test_geo_comma_city_names_its_province_among_namesakes(nlp: Language, geo: Geocoder) -> None:
    # "Zaporizhia" reads only as the city; its province picks among the Uspenivkas.
    text = "Artillery shelled farms and houses in Uspenivka, Zaporizhia region."
    loc, _ = _locate(nlp, geo, text, "shell")
    assert loc is not None and (loc.name, loc.admin1) == ("Uspenivka", "Zaporizhzhia Oblast")


def test_geo_town_named_as_an_adjective_of_city_places_the_site(
    nlp: Language, geo: Geocoder
) -> None:
    text = "Teachers rallied outside the Labour Office building in Bukan city (West Azerbaijan)."
    loc, _ = _locate(nlp, geo, text, "rally")
    assert loc is not None and loc.precision == "place" and loc.country == "IRN"
    assert loc.latitude is not None and round(loc.latitude, 1) == 36.5


def test_geo_site_named_like_a_town_elsewhere_is_in_the_town_after_it(
    nlp: Language, geo: Geocoder
) -> None:
    text = "Students rallied at Centennial Park in downtown Lander (Wyoming) on Friday."
    loc, _ = _locate(nlp, geo, text, "rally")
    assert loc is not None and (loc.name, loc.admin1) == ("Centennial Park", "Wyoming")


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        # close spellings of other towns are no match ("Bannur" for "Banandur")
        ("Leaders held a march in Banandur village (Ramanagara district, Karnataka).", "hold"),
        ("Students staged a protest in Sindri town (Dhanbad, Jharkhand).", "protest"),
    ],
)
def test_geo_name_spelt_nearly_like_another_town_stays_unknown(
    nlp: Language, geo: Geocoder, text: str, lemma: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.geonameid is None


@pytest.mark.parametrize(
    ("text", "lemma", "country", "admin1"),
    [
        # the unit after "town in" qualifies the town: not Saida of Algeria
        ("Artillery hit farms around Saida town in Ar Raqqa countryside.", "hit", "SYR", "Raqqa"),
        ("Jets bombed Saida village in Ar Raqqa countryside on Monday.", "bomb", "SYR", "Raqqa"),
        # a unit named in several countries is no qualifier by itself: the town decides
        (
            "In Soyapango municipality, San Salvador, gunmen killed two men on Monday.",
            "kill",
            "SLV",
            None,
        ),
    ],
)
def test_geo_unit_after_a_town_qualifies_it(
    nlp: Language, geo: Geocoder, text: str, lemma: str, country: str, admin1: str | None
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.country == country
    assert admin1 is None or loc.admin1 == admin1


@pytest.mark.parametrize(
    ("text", "lemma", "country"),
    [
        # the last name of a bracket list is the widest unit, whatever its tag
        (
            "Bereaved families picketed in front of Hanseong Steel Pohang Plant (Jukdo-ri, "
            "Daesong-myeon, Nam-gu, Pohang).",
            "picket",
            "KOR",
        ),
        # a part named like the place says nothing of its country: Tapoa does (not Mali's
        # Tambaga, a unit of that name)
        ("Militants burned a school in the town of Tambaga (Tambaga, Tapoa).", "burn", "BFA"),
        # a unit noun of the country's own ("upazila") before the brackets of its province
        (
            "Gunmen looted a shop in Barabkunda union, Sitakunda upazila (Chittagong).",
            "loot",
            "BGD",
        ),
    ],
)
def test_geo_widest_unit_of_a_list_places_the_event(
    nlp: Language, geo: Geocoder, text: str, lemma: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.country == country


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a town of a country whose press names it with its state is likelier a namesake
        ("On Monday, farmers demonstrated in Laval.", "FRA"),
        ("On Monday, workers protested in Lancaster.", "GBR"),
        # unless the state, the country or a dateline city the press names bare says so
        ("On Monday, workers protested in Lancaster, California.", "USA"),
        ("On Monday, American workers protested in Lancaster.", "USA"),
        ("On Monday, workers protested in Houston.", "USA"),
    ],
)
def test_geo_bare_town_of_a_qualifying_press_is_a_namesake(
    nlp: Language, geo: Geocoder, text: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, "protest" if "protest" in text else "demonstrate")
    assert loc is not None and loc.country == country


def test_geo_name_before_a_big_city_unknown_there_is_a_part_of_it(
    nlp: Language, geo: Geocoder
) -> None:
    # the only Sampaloc known is a town of another province: this one is a district of Manila
    loc, _ = _locate(nlp, geo, "Gunmen wounded a customs officer in Sampaloc, Manila.", "wound")
    assert loc is not None and (loc.admin1, loc.country) == ("Metro Manila", "PHL")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # no place named: the one country the article points to, at country precision
        ("On Monday, militants attacked an Iraqi army position, wounding a soldier.", "IRQ"),
        # a union of one country says where its members act
        (
            "On Monday, forty employees of a bus maker demonstrated in Zzyzxdorf at the call "
            "of IG Metall.",
            "DEU",
        ),
        # two countries as strongly: no guess
        ("On Monday, militants attacked Iraqi and Syrian army positions.", None),
    ],
)
def test_geo_no_place_named_gives_the_one_country_pointed_to(
    nlp: Language, geo: Geocoder, text: str, country: str | None
) -> None:
    loc, _ = _locate(nlp, geo, text, "attack" if "attack" in text else "demonstrate")
    if country is None:
        assert loc is None
    else:
        assert loc is not None and (loc.country, loc.precision) == (country, "country")
        assert loc.start_char is None


@pytest.mark.parametrize(
    ("text", "lemma", "name", "country"),
    [
        # a village the gazetteer lacks, in an article naming no country: its shape tells
        (
            "On Monday, residents of Oberwiesenhausen gathered for a rally against a new road.",
            "gather",
            "Oberwiesenhausen",
            "DEU",
        ),
        ("On Monday, people staged a protest in Kudagamawatta demanding fuel.", "protest",
         "Kudagamawatta", "LKA"),
        (
            "On Monday, a mine wounded a farmer in the Ashaghi Gasimkendli village.",
            "wound",
            "Ashaghi Gasimkendli",
            "AZE",
        ),
    ],
)  # fmt: skip
def test_geo_unknown_name_takes_the_country_its_shape_points_to(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.country, loc.precision) == (name, country, "country")
    assert loc.latitude is None and loc.geonameid is None


@pytest.mark.parametrize(
    "text",
    [
        # the article places things in Kenya only: a German-looking name is no German place
        "On Monday, residents of Oberwiesenhausen gathered for a rally. Police in Kisumu said "
        "the rally was peaceful.",
        # a shape that makes no country certain
        "On Monday, residents of Qwerty gathered for a rally against a new road.",
    ],
)
def test_geo_unknown_name_shape_never_overrules_the_article(
    nlp: Language, geo: Geocoder, text: str
) -> None:
    loc, _ = _locate(nlp, geo, text, "gather")
    assert loc is None or loc.country != "DEU" and loc.country in ("KEN", None)


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
def test_geo_place_of_the_doing_an_event_was_done_by(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and (loc.name, loc.precision) == (name, "place")


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        # a town next to the province its brackets name is that town (GeoNames keeps
        # Fochville in North West, the news in Gauteng)
        ("On Monday, residents staged a protest in Fochville (Gauteng) over power cuts.",
         "Fochville", "North West"),
        ("On Monday, a mob attacked a man outside Acornhoek (Ehlanzeni, Mpumalanga).",
         "Acornhoek", "Limpopo"),
        # a town of a province carved out of the one named (Kazakhstan's regions of 2022)
        ("On Monday, teachers staged a protest in Ayagoz (East Kazakhstan) over pay.",
         "Ayagoz", "Abai Region"),
        # a unit of the province named is not a town of the name next door
        ("On Monday, soldiers detained a student in Dawbon township (Yangon-East district, "
         "Yangon region).", "Yangon", "Yangon"),
    ],
)  # fmt: skip
def test_geo_town_next_to_the_province_named_is_that_town(
    nlp: Language, geo: Geocoder, text: str, name: str, admin1: str
) -> None:
    doc = nlp(text)
    ctx = geo.article_context(doc)
    trigger = next(t for t in doc if t.pos_ == "VERB" and t.dep_ == "ROOT")
    loc = geo.locate(trigger, ctx)
    assert loc is not None and (loc.name, loc.admin1) == (name, admin1)


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
def test_geo_country_of_what_is_denounced_is_no_scene(
    nlp: Language, geo: Geocoder, text: str, country: str
) -> None:
    found, _ = _locate(nlp, geo, text, "condemn")
    assert found is not None and found.country == country


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
def test_geo_name_of_a_square_is_no_town(
    nlp: Language, geo: Geocoder, text: str, name: str
) -> None:
    found, _ = _locate(nlp, geo, text, "protest" if "protested" in text else "gather")
    assert found is not None and found.name == name
