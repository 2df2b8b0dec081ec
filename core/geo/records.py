"""The record types of geocoding (a gazetteer place, a located place, the article's evidence)
and the small helpers over them: the lookup key of a name, distances.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Span

PRECISION_OF_KIND = {"c": "place", "a": "region", "d": "region", "t": "region", "n": "country"}
COARSER = {"place": "region", "region": "country", "country": "country"}
RANK = {"place": 0, "region": 1, "country": 2}
_APOSTROPHES = str.maketrans({"’": "", "'": "", "`": "", "ʿ": "", "ʾ": "", "‘": ""})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The lookup key of a name: ASCII-folded, lowercase, punctuation as single spaces.

    Remembered: the same names recur in article after article."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return _NON_ALNUM.sub(" ", text).strip()


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


class Place(NamedTuple):
    """One record of the gazetteer."""

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


Entries = tuple[tuple[Place, str], ...]  # (place, "!" alias | "" own name | "~" alternate)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def far_apart(a: Location, b: Location, km: float) -> bool:
    """Whether two located places are more than `km` apart (False when either has no point)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return False
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) > km


def stand_in(wider: Location, ent: Span) -> Location:
    """A wider unit standing in for an unknown place `ent`: never finer than a region."""
    precision = "region" if wider.precision == "place" else wider.precision
    return replace(wider, text=ent.text, start_char=ent.start_char, precision=precision)
