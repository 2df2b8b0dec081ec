"""The article's context (core/geo/context.py, with the second readings of readings.py): the
head of the text a dateline is read in, the dateline, the one country the article points to,
its main place, the country a name's shape points to and namesakes read in the light of the
whole article."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.core.geo.context import doc_head
from newsevents.core.geo.geocoder import Geocoder

from .conftest import _locate


@pytest.mark.parametrize(
    "text",
    ["", "Cairo", "BEIRUT (Reuters) - Israeli jets struck the city. " * 30, "a  b\n\nc " * 150],
)
@pytest.mark.parametrize("chars", [0, 1, 7, 600])
def test_geo_doc_head_is_the_start_of_the_text(nlp: Language, text: str, chars: int) -> None:

    doc = nlp(text)
    assert doc_head(doc, chars) == doc.text[:chars]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Gunmen attacked a market in Tripoli, Lebanon, on Sunday.", "LBN"),
        ("Gunmen attacked a market in Tripoli on Sunday. Libya's government condemned it.", "LBY"),
        ("Gunmen attacked a market in Tripoli. The Lebanese army sealed off the area.", "LBN"),
        ("Gunmen attacked a market in Tripoli on Sunday.", "LBY"),  # no context: the bigger one
    ],
)
def test_context_tripoli_follows_the_article(
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
def test_context_dateline_places_the_article(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, ctx = _locate(nlp, geo, text, lemma)
    assert ctx.dateline is not None
    assert (ctx.dateline.name, ctx.dateline.country) == (name, country)
    assert loc is not None
    # Taken from the dateline, not the sentence: no offset and a coarser precision.
    assert (loc.name, loc.country, loc.precision, loc.start_char) == (name, country, "region", None)


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
def test_context_sentence_without_place_falls_back(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, precision: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None
    assert (loc.name, loc.precision, loc.start_char) == (name, precision, None)


def test_context_dateline_without_dash(nlp: Language, geo: Geocoder) -> None:
    text = "Missiles launched\n\nSEOUL North Korea fired two missiles on Sunday, officials said."
    loc, ctx = _locate(nlp, geo, text, "fire")
    assert ctx.dateline is not None and (ctx.dateline.name, ctx.dateline.country) == (
        "Seoul",
        "KOR",
    )
    assert loc is not None and loc.start_char is None


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
def test_context_small_town_abroad_is_a_local_site(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str, latitude: float
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and (loc.name, loc.country) == (name, country)
    assert loc.latitude is not None and abs(loc.latitude - latitude) < 0.3


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
def test_context_place_read_from_its_context(
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
def test_context_evidenced_or_big_town_keeps_its_reading(
    nlp: Language, geo: Geocoder, text: str, lemma: str, name: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and (loc.name, loc.country, loc.precision) == (name, country, "place")


def test_context_township_abroad_gives_way_to_the_article_country(
    nlp: Language, geo: Geocoder
) -> None:
    # "Machar" is also a township of Ontario; in a report on South Sudan it is no place there.
    assert any(c.country == "CAN" for c in geo.candidates("Machar"))
    text = "On Monday, South Sudanese soldiers fought rebels at Machar near Bor, South Sudan."
    loc, _ = _locate(nlp, geo, text, "fight")
    assert loc is not None and loc.country == "SSD"


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        # close spellings of other towns are no match ("Bannur" for "Banandur")
        ("Leaders held a march in Banandur village (Ramanagara district, Karnataka).", "hold"),
        ("Students staged a protest in Sindri town (Dhanbad, Jharkhand).", "protest"),
    ],
)
def test_context_name_spelt_nearly_like_another_town_stays_unknown(
    nlp: Language, geo: Geocoder, text: str, lemma: str
) -> None:
    loc, _ = _locate(nlp, geo, text, lemma)
    assert loc is not None and loc.geonameid is None


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
def test_context_bare_town_of_a_qualifying_press_is_a_namesake(
    nlp: Language, geo: Geocoder, text: str, country: str
) -> None:
    loc, _ = _locate(nlp, geo, text, "protest" if "protest" in text else "demonstrate")
    assert loc is not None and loc.country == country


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
def test_context_no_place_named_gives_the_one_country_pointed_to(
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
def test_context_unknown_name_takes_the_country_its_shape_points_to(
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
def test_context_unknown_name_shape_never_overrules_the_article(
    nlp: Language, geo: Geocoder, text: str
) -> None:
    loc, _ = _locate(nlp, geo, text, "gather")
    assert loc is None or loc.country != "DEU" and loc.country in ("KEN", None)
