"""The English words and patterns the geocoder reads place names by.

The word lists live in `core/lang/en/places.csv` (each with a comment on what it is for), read
here once under the names the geo modules use. What stays in code is not a plain word list: tag
and label sets of the parser, punctuation, prefixes tried in order, and patterns.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from ..lang.en import words

# -- word lists of core/lang/en/places.csv ----------------------------------------------------

GEO_STOPWORDS: frozenset[str] = frozenset(STOP_WORDS) | words("geo_stopwords")
LOC_PREPS = words("place_prepositions")
RELATIVE_PREPS = words("relative_prepositions")
# Prepositions after which a capitalised name with no place noun reads as a place ("at
# Reshimbagh"); "on" and "over" also take days and topics ("on Eid", "over Brexit").
NAME_PREPS = LOC_PREPS - words("place_or_topic_prepositions")
DIRECTIONS = words("direction_words")
DISTANCE_UNITS = words("distance_units")
CITY_NOUNS = words("city_nouns")
REGION_SUFFIXES = words("region_suffixes")
PLACE_NOUNS = CITY_NOUNS | REGION_SUFFIXES | words("place_nouns")
SITE_NOUNS = words("site_nouns")
PERSONAL_NOUNS = words("personal_site_nouns")
NAME_NOUNS = PLACE_NOUNS | SITE_NOUNS
SHORE_NOUNS = words("shore_nouns")
NOT_PLACE_WORDS = words("not_place_words")
ACTOR_WORDS = words("coded_actor_words")
# Two lists of settlement nouns (see the note in places.csv): the one `names_a_unit` was
# written for, not read today, and the one `unit_qualifier` and, today, `names_a_unit` read.
UNIT_NAME_SETTLEMENT_NOUNS = words("unit_name_settlement_nouns")
QUALIFIER_SETTLEMENT_NOUNS = words("qualifier_settlement_nouns")
TOWN_PARTS = words("town_part_nouns")
PART_PREFIXES = words("town_part_prefixes")
PART_NOUNS = TOWN_PARTS | words("town_part_site_nouns")
NAME_PREFIXES = words("name_article_prefixes")
SMALL_NOUNS = words("small_place_nouns")
SMALL_PREFIXES = words("small_place_prefixes")
TOWN_NOUNS = words("town_unit_nouns")
UNIT_NOUNS = words("unit_nouns")
UNIT_KINDS = words("unit_kind_words")
UNIT_AFTER = REGION_SUFFIXES | CITY_NOUNS | words("unit_after_nouns")
NAME_PARTICLES = words("name_particles")
NAME_JOINERS = words("name_joiners")
RUN_ON_PARTICLES = NAME_PARTICLES | NAME_JOINERS | words("run_on_particles")
STREET_NOUNS = words("street_nouns")
JOURNEY_VERBS = words("journey_verbs")
ADMIN_NOUNS = words("admin_nouns")
LOCATED_WORDS = words("located_words")
SHOW_NOUNS = words("show_nouns")

# -- labels and dependencies of the parser ----------------------------------------------------

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small English model sometimes tags a well-known city as a person or organisation
# ("struck Kyiv"); such names count only in a place slot and only when the place is big.
MISLABELED = frozenset({"PERSON", "ORG", "NORP"})
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "csubj"})
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
# Labels the tagger gives village names it does not know ("in Lacarry" as an organisation).
BODY_LABELS = frozenset({"ORG", "PRODUCT", "NORP", "PERSON"})

# -- punctuation ------------------------------------------------------------------------------

# Dashes: with a space on each side one joins a city and its district ("Seoul City - Jung") or
# ends a dateline ("BEIRUT (Reuters) - ").
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
SEPARATORS = frozenset({",", "(", ")", ";", "[", "]", "/"})

# -- prefixes, tried in order -----------------------------------------------------------------

ARTICLE_PREFIXES = ("al ", "el ", "ad ", "ar ", "as ", "ash ", "an ", "at ", "az ")
SHORE_PREFIXES = ("coast of ", "shore of ", "shores of ", "outskirts of ")
# A part of a place named by its side ("Northern Nicosia", "south Tampa"), when the whole name
# is no place of its own ("North Carolina" and "West Bank" are found before this is tried).
SIDE_PREFIXES = tuple(
    f"{side}{end} " for side in ("north", "south", "east", "west") for end in ("", "ern")
) + ("central ", "downtown ", "greater ")

# -- patterns ---------------------------------------------------------------------------------

# Lower-case article prefixes written onto a name with a hyphen ("al-Tijara", "el-Fasher").
ARTICLE_HYPHEN = re.compile(r"^(?:al|el|ad|ar|as|ash|an|at|az)-")
# An elided particle written on the word after it: "d'Agua", "d’Oeste", "l'Est".
ELIDED = re.compile(r"^[dl]['’]\w")
# A coder's note in brackets after a place: "(coded as Kitchanga)", "(coded to district level)".
CODED = re.compile(r"^\s*(?:coded|geo-?coded)\s+(?:(?:as|to)\s+)?(.+?)\s*$", re.IGNORECASE)
# A coder's note of where an event is placed, anywhere in the text: "[coded to Warsaw]",
# "Zangon Kataf LGA (Kaduna), coded to Zonkwa", "(coded as Namtu town)". The name runs to the
# next bracket, comma or full stop (`_coded_places` cuts it at its first lower-case word); the
# names after commas qualify it ("coded to Merida, Merida").
CODED_ANYWHERE = re.compile(
    r"\b(?:geo-?)?coded\s+(?:as|to)\s+(?:the\s+)?(?P<name>[A-Z][^,.;:()\[\]]*)"
    r"(?P<quals>(?:,\s*[A-Z][^,.;:()\[\]]*)*)",
    re.IGNORECASE,
)
# Words before "coded" that make the coded place another event's ("fatalities coded to X").
CODED_OTHER = re.compile(r"\b(?:fatalities|casualties|deaths|death toll)\s*$", re.IGNORECASE)
# Words a coder writes before the coded name ("coded to provincial capital Mosul city",
# "coded as hq Harnai", "coded to district headquarters of Lodhran").
CODED_LEAD = re.compile(
    r"^(?:(?:provincial|district|regional|territorial|zonal|county)\s+)?"
    r"(?:capital|hq|headquarters?|seat|admin(?:istrative)?\s+cent(?:er|re))\s+(?:of\s+)?",
    re.IGNORECASE,
)
