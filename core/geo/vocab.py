"""The English words and patterns the geocoder reads place names by: prepositions, place,
unit and site nouns, direction words, stop words, name particles, coder's-note patterns.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

# Words that are place names somewhere (a Turkish town "Of", a Polish town "Police") but in
# English news are nearly always ordinary words, even when the tagger calls them GPE.
GEO_STOPWORDS: frozenset[str] = frozenset(STOP_WORDS) | frozenset(
    """
    day week year night morning evening
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow
    january february march april june july august september october november december
    police army navy military troops soldiers forces mercy victory union unity hope liberty
    freedom independence justice peace security defense defence reform progress commerce
    industry congress parliament senate republic government ministry minister president
    state states national federal central capital city town village province region district
    border north south east west northern southern eastern western middle centre center
    media press news reuters associated agence people world earth globe international
    university hospital airport market school church mosque temple station prison camp base
    bank river lake mount mountain valley island islands coast port harbour harbor bay desert
    general colonel captain major sergeant king queen prince princess chief leader council
    court judge law order rally strike attack protest fire water energy power oil gas
    paradise friendship prosperity success enterprise opportunity liberal democrat conservative
    christian islamic muslim jewish arab sunni shia hamas hezbollah taliban
    african american european asian orient oriental western eastern
    """.split()
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small English model sometimes tags a well-known city as a person or organisation
# ("struck Kyiv"); such names count only in a place slot and only when the place is big.
MISLABELED = frozenset({"PERSON", "ORG", "NORP"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "csubj"})
# Prepositions that put an event somewhere ("strikes on X" counts: the target is where it was).
LOC_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "on",
        "inside",
        "outside",
        "across",
        "throughout",
        "around",
        "off",
        "along",
        "within",
        "into",
        "over",
        "between",
        "upon",
        "beyond",
        "nearby",
        "through",
    }
)
# Prepositions whose place is a reference point, not the spot itself.
RELATIVE_PREPS = frozenset({"near", "outside", "off", "beyond", "around", "nearby"})
DIRECTIONS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "outskirts",
        "border",
        "northern",
        "southern",
        "eastern",
        "western",
        "vicinity",
        "edge",
    }
)
DISTANCE_UNITS = frozenset(
    {
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "mile",
        "kilometre",
        "kilometer",
        "metres",
        "meters",
        "km.",
        "mi",
    }
)
CITY_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "capital",
        "port",
        "district",
        "suburb",
        "neighbourhood",
        "neighborhood",
        "camp",
        "hub",
    }
)
REGION_SUFFIXES = frozenset(
    {
        "province",
        "governorate",
        "state",
        "region",
        "oblast",
        "district",
        "county",
        "prefecture",
        "department",
        "territory",
    }
)
# Nouns that follow or govern a place name ("Kalma village", "the town of X", "Sagaing region").
PLACE_NOUNS = (
    CITY_NOUNS
    | REGION_SUFFIXES
    | frozenset(
        {
            "village",
            "villages",
            "area",
            "township",
            "tehsil",
            "municipality",
            "commune",
            "ward",
            "locality",
            "division",
            "neighborhood",
            "county",
            "town",
            "city",
            "governorate",
            "kebele",
            "sector",
            "settlement",
            "outskirts",
            "suburbs",
            "streets",
            "centre",
            "center",
            "vicinity",
            "countryside",
            "direction",
            "districts",
            "areas",
            "towns",
            "cities",
            "community",  # "Kutsurub territorial community" (a Ukrainian hromada)
            "hromada",
            # units of a country's own name ("Sitakunda upazila (Chittagong)")
            "upazila",
            "woreda",
            "lga",
            "raion",
            "rayon",
            "canton",
            "corregimiento",
            "barangay",
            "subdistrict",
            "sub-district",
        }
    )
)
# Nouns of sites smaller than a town, which the gazetteer mostly lacks ("Tishreen Power Plant",
# "Ja'ouneh Street", "the Shifa hospital"): with a capitalised name they mark that name a place.
SITE_NOUNS = frozenset(
    """
    street road avenue highway boulevard lane airport airfield airbase base camp hospital clinic
    plant station checkpoint square hill hills bridge market bazaar mosque church temple shrine
    cathedral school university college prison jail palace stadium hotel embassy consulate
    compound complex oilfield field refinery dam port harbour harbor crossing junction
    roundabout residence building tower headquarters barracks academy mount mountain valley
    island river lake farm quarter mall park factory mine gate court courthouse apartment
    hilltop heights springs farms hills mountains gardens lga lgo
    """.split()
)
# Of those, the ones a person's name may also come before ("the Modi residence"): a PERSON
# entity counts as a place only before the other nouns.
PERSONAL_NOUNS = frozenset({"residence", "home", "house", "office", "farm", "court", "tower"})
NAME_NOUNS = PLACE_NOUNS | SITE_NOUNS
# Stretches of a town's shore: "the beach of X" is in X, but "North Beach" is a name of its own.
SHORE_NOUNS = frozenset({"beach", "beaches", "coast", "shore", "seafront", "waterfront"})
# Words that make a capitalised name an event or a body, not a place ("the Queens Pride
# Parade", "the 17th Reserve Division", "the Republican Guard"), even beside a place noun.
NOT_PLACE_WORDS = frozenset(
    """
    parade festival march rally conference summit games cup championship war operation review
    brigade brigades division regiment battalion corps guard guards forces militia front
    party committee movement ministry
    """.split()
)
# Words of a coded actor ("coded as Kashmir Rebels", "coded as Darfur communal militia").
ACTOR_WORDS = frozenset("rebels rebel militias communal military army police group".split())
# Entity labels that never name a place, whatever stands around them.
NOT_PLACE_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "CARDINAL",
        "ORDINAL",
        "EVENT",
        "LAW",
        "LANGUAGE",
        "WORK_OF_ART",
        "PRODUCT",
    }
)
# Prepositions after which a capitalised name with no place noun reads as a place ("at
# Reshimbagh"); "on" and "over" also take days and topics ("on Eid", "over Brexit").
NAME_PREPS = LOC_PREPS - {"on", "over", "upon", "between"}
CODED = re.compile(r"^\s*(?:coded|geo-?coded)\s+(?:(?:as|to)\s+)?(.+?)\s*$", re.IGNORECASE)
ARTICLE_PREFIXES = ("al ", "el ", "ad ", "ar ", "as ", "ash ", "an ", "at ", "az ")
SHORE_PREFIXES = ("coast of ", "shore of ", "shores of ", "outskirts of ")
# A part of a place named by its side ("Northern Nicosia", "south Tampa"), when the whole name
# is no place of its own ("North Carolina" and "West Bank" are found before this is tried).
SIDE_PREFIXES = tuple(
    f"{side}{end} " for side in ("north", "south", "east", "west") for end in ("", "ern")
) + ("central ", "downtown ", "greater ")
# A coder's note of where an event is placed, anywhere in the text: "[coded to Warsaw]",
# "Zangon Kataf LGA (Kaduna), coded to Zonkwa", "(coded as Namtu town)". The name runs to the
# next bracket, comma or full stop (`_coded_places` cuts it at its first lower-case word); the
# names after commas qualify it ("coded to Merida, Merida").
CODED_ANYWHERE = re.compile(
    r"\b(?:geo-?)?coded\s+(?:as|to)\s+(?:the\s+)?(?P<name>[A-Z][^,.;:()\[\]]*)"
    r"(?P<quals>(?:,\s*[A-Z][^,.;:()\[\]]*)*)",
    re.IGNORECASE,
)
# Lower-case words inside names ("San Rafael del Pinal", "Jabal al Hasnin").
# Words before "coded" that make the coded place another event's ("fatalities coded to X").
CODED_OTHER = re.compile(r"\b(?:fatalities|casualties|deaths|death toll)\s*$", re.IGNORECASE)
# Words a coder writes before the coded name ("coded to provincial capital Mosul city",
# "coded as hq Harnai", "coded to district headquarters of Lodhran").
CODED_LEAD = re.compile(
    r"^(?:(?:provincial|district|regional|territorial|zonal|county)\s+)?"
    r"(?:capital|hq|headquarters?|seat|admin(?:istrative)?\s+cent(?:er|re))\s+(?:of\s+)?",
    re.IGNORECASE,
)


# Unit nouns that name a settlement or a stretch of land rather than an admin unit.
SETTLEMENT_NOUNS = frozenset("village town city area locality zone sector territory".split())


# Labels the tagger gives village names it does not know ("in Lacarry" as an organisation).
BODY_LABELS = frozenset({"ORG", "PRODUCT", "NORP", "PERSON"})


# Nouns of parts of a town: "the Casale area of Brindisi" is in Brindisi, whatever Casale
# elsewhere (not "X town in Dara countryside", where "Dara" names the governorate).
TOWN_PARTS = frozenset("area neighbourhood neighborhood quarter suburb colonia locality".split())
# Words that call a name a part of a town or a site in one ("Colonia Progreso", "the Inga
# neighborhood", "Moreno square").
PART_PREFIXES = frozenset({"colonia", "barrio", "col."})
PART_NOUNS = TOWN_PARTS | frozenset({"square", "park", "street", "avenue", "market"})


# Lower-case article prefixes written onto a name with a hyphen ("al-Tijara", "el-Fasher").
NAME_PREFIXES = frozenset({"al", "el", "ad", "ar", "as", "ash", "an", "at", "az"})
ARTICLE_HYPHEN = re.compile(r"^(?:al|el|ad|ar|as|ash|an|at|az)-")
# Nouns that call a name a village, town or admin unit: not a city known abroad.
SMALL_NOUNS = frozenset(
    """
    village villages town township district county woreda kebele locality commune tehsil lga
    sub-county subcounty municipality canton corregimiento vereda barangay parish ward
    neighborhood neighbourhood hamlet sector farm quarter settlement
    """.split()
)
# Words written before the name of a part of a town ("colonia Bella Vista", "Barrio San Jose").
SMALL_PREFIXES = frozenset({"colonia", "barrio", "fraccionamiento", "vereda", "aldea", "caserio"})
# Unit nouns after a name that make it a town's name, not a unit's ("Keles town").
TOWN_NOUNS = frozenset({"city", "town", "village", "area", "locality", "sector", "zone", "ward"})
# Words naming the kind of unit after a qualifier ("Mergasur district", "Muya LGA").
UNIT_NOUNS = frozenset(
    """
    district districts province state region governorate county township municipality commune
    department prefecture oblast raion rayon lga lgas tehsil mandal taluk taluka sadar
    division sub-county subcounty
    sub-district subdistrict locality area zone ward woreda kebele sector territory city town
    village corregimiento vereda barangay parish canton
    """.split()
)
# Words that say which kind of unit a unit noun is ("rural municipality").
UNIT_KINDS = frozenset("rural urban metropolitan sub-metropolitan sub metropolitan".split())
# Unit nouns after a name that make it a place name whatever its tag ("Deir ez Zor countryside").
UNIT_AFTER = (
    REGION_SUFFIXES
    | CITY_NOUNS
    | frozenset(
        {"village", "town", "city", "countryside", "township", "municipality", "commune", "lga"}
    )
)


NAME_PARTICLES = frozenset(
    "al el ez ed es ad ar as ash an at az de da do dos das del la le les di du y wa bin ibn"
    " imeni e".split()  # "Shakhta imeni Gagarina" (Russian "named after"), "Shahr e Kord"
)
# An elided particle written on the word after it: "d'Agua", "d’Oeste", "l'Est".
ELIDED = re.compile(r"^[dl]['’]\w")
NAME_JOINERS = frozenset({"of", "and", "y", "de", "del", "do", "da", "dos", "das"})
# Lower-case words inside a place name that the tagger may cut it at ("Cruzeiro do Oeste").
RUN_ON_PARTICLES = NAME_PARTICLES | NAME_JOINERS | frozenset({"las", "los", "sur", "sobre"})
SEPARATORS = frozenset({",", "(", ")", ";", "[", "]", "/"})


# Nouns of open public sites, named after people or events more than after towns.
STREET_NOUNS = frozenset("square park street avenue boulevard plaza roundabout lane".split())


# Verbs of going somewhere: the objects of their "from" and "to" are places.
JOURNEY_VERBS = frozenset(
    "march walk drive ride travel move flee head go return come sail fly cycle".split()
)


# Nouns of administrative units, which a wider unit may follow ("Al Amadiya district of
# Duhok"); not parts of a town ("Sanganer locality of Bhilwara town" may be a namesake).
ADMIN_NOUNS = frozenset(
    """
    district province state region governorate county township municipality commune
    department prefecture oblast raion rayon tehsil division sub-district subdistrict woreda
    lga upazila countryside
    """.split()
)
# Nouns of settlements, which the unit they are in may follow ("Tawileh town in Hasakeh
# countryside").
SETTLEMENT_NOUNS = frozenset("town village city hamlet camp".split())


# Dashes: with a space on each side one joins a city and its district ("Seoul City - Jung") or
# ends a dateline ("BEIRUT (Reuters) - ").
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


# Participles that say a name is inside the place after them ("Gaviao located in X").
LOCATED_WORDS = frozenset({"located", "situated"})


# Sites of a town named like other towns ("the San Carlo theater").
SHOW_NOUNS = frozenset({"theater", "theatre", "plaza", "cinema", "arena", "cathedral", "museum"})
