"""Qualifier words around a place name (core/geo/qualifiers.py): commas, brackets, dashes, unit
nouns and settlement nouns, and the provinces and namesakes read through them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.core.geo.geocoder import Geocoder
from newsevents.core.geo.qualifiers import names_a_unit

from .conftest import _locate


@pytest.mark.parametrize(
    ("text", "name", "unit"),
    [
        ("Troops raided Dawbon township on Monday.", "Dawbon", True),
        ("Troops raided Kani district on Monday.", "Kani", True),
        # a stretch of land or a part of a town is no admin unit
        ("Troops raided the Kani area on Monday.", "Kani", False),
        ("Troops raided the Kani locality on Monday.", "Kani", False),
        ("Troops raided the Kani sector on Monday.", "Kani", False),
        ("Troops raided Kani village on Monday.", "Kani", False),
    ],
)
def test_qualifiers_names_a_unit(nlp: Language, text: str, name: str, unit: bool) -> None:
    doc = nlp(text)
    start = next(t.i for t in doc if t.text == name)
    assert names_a_unit(doc[start : start + 1]) is unit


def test_qualifiers_province_read_as_a_town_abroad_vetoes_no_town(
    nlp: Language, geo: Geocoder
) -> None:
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
def test_qualifiers_unit_before_its_province_is_the_place(
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
def test_qualifiers_town_read_with_the_place_named_beside_it(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.precision) == (name, "place")


def test_qualifiers_region_precision(nlp: Language, geo: Geocoder) -> None:
    loc, _ = _locate(nlp, geo, "Rebels attacked army posts in Idlib province.", "attack")
    assert loc is not None
    assert (loc.name, loc.country, loc.precision) == ("Idlib", "SYR", "region")


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
def test_qualifiers_qualifier_picks_country(
    nlp: Language, geo: Geocoder, text: str, lemma: str, country: str, precision: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.country, loc.precision) == (country, precision)
    assert loc.start_char is not None


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
def test_qualifiers_country_the_wording_gives(
    nlp: Language, geo: Geocoder, text: str, lemma: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.country == country


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
def test_qualifiers_qualifier_reads_in_the_place_country(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and (loc.name, loc.country) == (name, country)


def test_qualifiers_a_list_of_countries_qualifies_nothing(nlp: Language, geo: Geocoder) -> None:
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
def test_qualifiers_unit_named_like_its_province_is_its_town(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    town = geo.resolve(name, None, want_kind="c" if "Region" not in name else "a")
    assert town is not None
    assert (loc.name, loc.latitude, loc.longitude) == (town.name, town.latitude, town.longitude)


def test_qualifiers_township_of_a_village_stands_in_for_it(nlp: Language, geo: Geocoder) -> None:
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


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, between Zzyzx and Qwyx villages (Hpruso township, Loikaw district, Kayah "
        "state), rebels ambushed soldiers.",
        "On Monday, rebels ambushed soldiers near Zzyzx (Hpruso township, Loikaw district, "
        "Kayah state).",
    ],
)
def test_qualifiers_finest_unit_of_a_list_is_the_place(
    nlp: Language, geo: Geocoder, text: str
) -> None:
    # Township before district before province, wherever the parse hangs the brackets.
    township = geo.resolve("Hpruso township")
    assert township is not None and township.township
    loc, _ = _locate(nlp, geo, text, "ambush")
    assert loc is not None
    assert (loc.latitude, loc.longitude) == (township.latitude, township.longitude)


def test_qualifiers_village_of_the_province_in_brackets_not_a_namesake_of_another(
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


def test_qualifiers_comma_city_names_its_province_among_namesakes(
    nlp: Language, geo: Geocoder
) -> None:
    # "Zaporizhia" reads only as the city; its province picks among the Uspenivkas.
    text = "Artillery shelled farms and houses in Uspenivka, Zaporizhia region."
    loc, _ = _locate(nlp, geo, text, "shell")
    assert loc is not None and (loc.name, loc.admin1) == ("Uspenivka", "Zaporizhzhia Oblast")


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
def test_qualifiers_unit_after_a_town_qualifies_it(
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
def test_qualifiers_widest_unit_of_a_list_places_the_event(
    nlp: Language, geo: Geocoder, text: str, lemma: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.country == country


def test_qualifiers_name_before_a_big_city_unknown_there_is_a_part_of_it(
    nlp: Language, geo: Geocoder
) -> None:
    # the only Sampaloc known is a town of another province: this one is a district of Manila
    loc, _ = _locate(nlp, geo, "Gunmen wounded a customs officer in Sampaloc, Manila.", "wound")
    assert loc is not None and (loc.admin1, loc.country) == ("Metro Manila", "PHL")


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
def test_qualifiers_town_next_to_the_province_named_is_that_town(
    nlp: Language, geo: Geocoder, text: str, name: str, admin1: str
) -> None:
    doc = nlp(text)
    ctx = geo.article_context(doc)
    trigger = next(t for t in doc if t.pos_ == "VERB" and t.dep_ == "ROOT")
    loc = geo.locate(trigger, ctx)
    assert loc is not None and (loc.name, loc.admin1) == (name, admin1)
