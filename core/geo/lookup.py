"""Looking names up in the gazetteer and scoring their readings: `Gazetteer` holds the index."""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from difflib import SequenceMatcher
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

from ..actors import CONTAINER_KINDS, NONSTATE_CODES, ActorDictionary
from ..datafiles import data_rows
from .params import (
    BARE_NAME_PENALTY,
    BIG_CITY,
    CACHED_NAMES,
    KIND_BONUS,
    REGION_WEIGHT,
    SAME_UNIT_RATIO,
    SIDED_CITY,
    SPELLING_RATIO,
)
from .records import PRECISION_OF_KIND, Entries, GeoContext, Location, Place, fold
from .store import GAZETTEER, MemoryIndex, NameIndex, SqliteIndex, ensure_store
from .vocab import (
    ARTICLE_PREFIXES,
    GEO_STOPWORDS,
    NAME_PREFIXES,
    REGION_SUFFIXES,
    SHORE_PREFIXES,
    SIDE_PREFIXES,
    SMALL_NOUNS,
    UNIT_KINDS,
    UNIT_NOUNS,
)

# Sectors of bodies whose members act in their own country: unions and parties.
_CIVIC_SECTORS = frozenset({"LAB", "PTY"})


_T = TypeVar("_T")


class Gazetteer:
    """Name lookups and scoring over the compiled gazetteer."""

    def __init__(self, path: Path = GAZETTEER, actors: ActorDictionary | None = None) -> None:
        """Open the gazetteer at `path` through its store (built on first use), else load it.

        Args:
            path: the gazetteer file.
            actors: the dictionary that codes the bodies an article names ("the CGT") to their
                country; None: the built-in `ActorDictionary.default()`, opened on first use.
        """
        self.path = path
        self._actors = actors
        self.store = ensure_store(path)  # None: no folder could hold it, parsed into memory
        self._index: NameIndex = (
            MemoryIndex(path) if self.store is None else SqliteIndex(self.store)
        )
        # Per instance, not a decorated method, so the cache dies with its geocoder.
        self._cached_entries = lru_cache(maxsize=CACHED_NAMES)(self._fetch_entries)
        self._countries: dict[str, Place] | None = None
        # (skeleton, iso3, admin1) -> the town spelt like it there (`spelled_in`)
        self._cached_spelling = lru_cache(maxsize=CACHED_NAMES)(self._fetch_spelling)
        # (iso3, admin1) -> the population of the province's biggest town (`_dominant_region`)
        self._cached_largest = lru_cache(maxsize=CACHED_NAMES)(self._fetch_largest_town)

    def body_country(self, name: str) -> tuple[str, bool] | None:
        """The country of a party, union, body or person of the actor dictionary, and
        whether it is a union or party (whose members act at home, unlike an armed group's)."""
        actors = self._actors if self._actors is not None else ActorDictionary.default()
        entry = actors.lookup(name)
        if (
            entry is None
            or not entry.country
            or entry.kind in CONTAINER_KINDS
            or entry.country in NONSTATE_CODES
        ):
            return None
        return entry.country, entry.sector in _CIVIC_SECTORS

    # -- lookups -----------------------------------------------------------------------

    def _from_index(self, ask: Callable[[NameIndex], _T]) -> _T:
        """Ask the index, falling back to the gazetteer parsed into memory if the store fails."""
        try:
            return ask(self._index)
        except sqlite3.Error:
            if isinstance(self._index, MemoryIndex):
                raise
            # The store became unreadable (say a cache cleaner deleted it before a forked
            # worker opened it): the gazetteer itself gives the same answers.
            self._index, self.store = MemoryIndex(self.path), None
            return ask(self._index)

    def _fetch_entries(self, key: str) -> Entries:
        """The entries of a folded key, from the index (cached per instance)."""
        return self._from_index(lambda index: index.entries(key))

    def _entries(self, key: str) -> list[tuple[Place, str]]:
        """(place, how the key names it: "!" alias, "" own name, "~" alternate) for a key."""
        found = self._cached_entries(key)
        if not found or (key in GEO_STOPWORDS and found[0][1] != "!"):
            return []
        if " " in key and all(w in GEO_STOPWORDS for w in key.split()):
            # "Middle East", "North West": a town so named (Middle East, Maryland) is rarely
            # the one meant; regions and countries ("Central African Republic") still are.
            return [e for e in found if e[1] == "!" or e[0].kind != "c"]
        return list(found)  # a copy: callers sort it

    def lookup(self, name: str) -> tuple[list[tuple[Place, str]], str | None]:
        """Entries for a written name, trying looser forms; also a kind the wording asks for."""
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        entries = self._entries(key)
        if entries:
            return entries, None
        words = key.split()
        for looser in LOOSER_FORMS:
            found = looser(self, key, words)
            if found is not None:
                return found
        return [], None

    def location(self, place: Place, text: str, start: int | None) -> Location:
        """The `Location` of a gazetteer place as the article wrote it (`text`, at `start`)."""
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
        if len(words) > 1 and words[-1] in UNIT_NOUNS:
            words = words[:-1]
        best: Place | None = None
        for place, _how in self._entries(" ".join(words)):
            if (
                place.kind == "c"
                and place.iso3 == loc.country
                and place.lat is not None
                and (loc.admin1 is None or names_alike(place.admin1, loc.admin1))
                and (best is None or place.population > best.population)
            ):
                best = place
        if best is None:
            return loc
        return replace(loc, latitude=best.lat, longitude=best.lon)

    def candidates(self, name: str) -> list[Location]:
        """Every place `name` may mean, most likely first when nothing else is known."""
        entries, kind = self.lookup(name)
        entries.sort(key=lambda e: -self.score(e[0], e[1], None, kind))
        return [self.location(p, name, None) for p, _ in entries]

    def country(self, iso3: str) -> Location | None:
        """The country record of an ISO alpha-3 code (its centre point, precision "country")."""
        if self._countries is None:
            table: dict[str, Place] = {}
            for rec in self._from_index(lambda index: index.countries()):
                table.setdefault(rec.iso3, rec)  # the first record of a code, as a scan would
            self._countries = table
        place = self._countries.get(iso3)
        return None if place is None else self.location(place, place.name, None)

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
        return None if best is None else self.location(best[0], name, start)

    def _best_entry(
        self,
        name: str,
        ctx: GeoContext | None,
        hint_country: str | None = None,
        hint_region: str | None = None,
        want_kind: str | None = None,
    ) -> tuple[Place, str] | None:
        """The most likely entry for `name` given the article and the hints of its wording."""
        entries, kind = self.lookup(name)
        if not entries:
            return None
        want_kind = want_kind or kind
        # Words next to the name ("Tripoli, Lebanon") outrank anything the article says elsewhere.
        if hint_country:
            entries = [e for e in entries if e[0].iso3 == hint_country] or entries
        if hint_region:
            entries = [e for e in entries if e[0].admin1 == hint_region] or entries
        best = max(entries, key=lambda e: self.score(e[0], e[1], ctx, want_kind))
        if best[0].kind == "c" and want_kind != "c" and not hint_country:
            best = self._dominant_region(entries, best[0], ctx) or best
        return best

    def _dominant_region(
        self, entries: list[tuple[Place, str]], town: Place, ctx: GeoContext | None
    ) -> tuple[Place, str] | None:
        """A province named like `town` that far outweighs it, where the article gives no sign
        of the town's country and the town is not in it: "Florida" is the US state, not the
        Cuban town of 60,000; "Indiana" the state, not the town in Pennsylvania. The gazetteer
        has no population for provinces: their biggest town stands for their weight."""
        if ctx is not None and _signs_of(town.iso3, ctx):
            return None
        floor = max(REGION_WEIGHT * town.population, BIG_CITY)
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
    def score(place: Place, flag: str, ctx: GeoContext | None, want_kind: str | None) -> float:
        """How likely this reading of a name is; population only decides what context cannot."""
        score = math.log10(place.population + 10)
        # A place's own name beats another place's alternate one ("Islamabad" is also an old
        # name of Chattogram, a bigger city).
        score += {"!": 2.0, "": 1.5, "~": 0.0}[flag]
        score += KIND_BONUS[place.kind]
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
                score -= BARE_NAME_PENALTY  # "protested in Toledo": Spain's, not Ohio's
            if place.kind == "t" and not (
                ctx.countries.get(place.iso3)
                or ctx.units.get(place.iso3)
                or ctx.named.get(place.iso3)
                or ctx.actor_countries.get(place.iso3)
            ):
                score -= 3.0  # a township of a country the article gives no sign of
        return score

    def spelled_in(self, name: str, wider: Location) -> Location | None:
        """The town of `wider`'s province whose name is spelt like `name`, for names written
        in another transliteration than the gazetteer's ("Velykomykhailivka" for
        "Velykomykhaylivka", "Leuterhausen" for "Leutershausen"); None when none is close."""
        if not wider.country or not wider.admin1:
            return None
        want = _skeleton(name)
        if len(want) < 5:
            return None  # short names match too much by chance
        found = self._cached_spelling(want, wider.country, wider.admin1)
        return None if found is None else self.location(found, name, None)

    def _fetch_spelling(self, want: str, iso3: str, admin1: str) -> Place | None:
        """The town or district of a province whose name's skeleton is closest to `want`."""
        best: tuple[float, Place] | None = None
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
            if ratio >= SPELLING_RATIO and (best is None or ratio > best[0]):
                best = (ratio, place)
        return None if best is None else best[1]

    def known(self, name: str) -> bool:
        """Whether the gazetteer knows `name` in any form `lookup` tries."""
        entries, _ = self.lookup(name)
        return bool(entries)

    def unit_countries(self, name: str, units_only: bool = False) -> set[str]:
        """Countries a qualifier may be in: those of its province readings, else (unless
        `units_only`) of any."""
        entries, _ = self.lookup(name)
        units = {p.iso3 for p, flag in entries if p.kind in "adtn" and flag != "~"}
        return units if units or units_only else {p.iso3 for p, _ in entries}

    def region_name(self, name: str) -> bool:
        """True when `name` is the name of a country or province (not only of a town)."""
        entries, _ = self.lookup(name)
        return any(p.kind in ("a", "n") and flag != "~" for p, flag in entries)

    def city_of(self, name: str, population: int) -> bool:
        """True when `name` is the own name of a city of at least `population`."""
        entries, _ = self.lookup(name)
        return any(
            p.kind == "c" and flag != "~" and p.population >= population for p, flag in entries
        )

    def big_place(self, name: str) -> bool:
        """True when `name` is a country, a region or a city of 100,000 or more."""
        entries, _ = self.lookup(name)
        return any(p.kind not in "ct" or p.population >= BIG_CITY for p, _ in entries)


@cache
def _bare_cities() -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The countries of data/bare_cities.csv and the (folded name, country) of its cities."""
    rows = data_rows("bare_cities.csv")
    return frozenset(r["country"] for r in rows), frozenset(
        (fold(r["name"]), r["country"]) for r in rows
    )


def _bare_namesake(place: Place) -> bool:
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


def names_alike(a: str, b: str) -> bool:
    """Whether two spellings name the same unit ("Shabwa" and "Shabwah", "Sagaing" and
    "Sagaing Region")."""
    return same_unit(a, b) or SequenceMatcher(None, fold(a), fold(b)).ratio() >= SAME_UNIT_RATIO


@cache
def _region_splits() -> frozenset[tuple[str, str]]:
    """(region, the region it was carved from) pairs of data/region_splits.csv, folded."""
    return frozenset(
        (fold(r["region"]), fold(r["part_of"])) for r in data_rows("region_splits.csv")
    )


def carved_from(admin1: str, name: str) -> bool:
    """Whether the province `admin1` was carved out of the one named `name` ("Abai Region"
    out of "East Kazakhstan"), so that the news may still name its towns with that one."""
    a = fold(admin1)
    return any(region == a and names_alike(name, old) for region, old in _region_splits())


def same_unit(name: str, admin1: str) -> bool:
    """Whether a bracketed unit name is the province `admin1` ("Sagaing" for "Sagaing
    Region", "Ontario" for "Ontario")."""
    a, n = fold(admin1), fold(name)
    return bool(a) and (n == a or a.startswith(n + " ") or n.startswith(a + " "))


def _skeleton(name: str) -> str:
    """The letters of a name without its unit noun and article ("Al-Malikeyyeh town" ->
    "malikeyyeh"), for comparing spellings."""
    words = without_unit_noun(fold(name).replace("-", " ").split())
    if len(words) > 1 and words[0] in NAME_PREFIXES:
        words = words[1:]
    return re.sub(r"[^a-z]", "", "".join(words))


def without_unit_noun(words: list[str]) -> list[str]:
    """Folded words of a name without the unit nouns it ends in ("kin village" -> "kin")."""
    while len(words) > 1 and words[-1] in SMALL_NOUNS:
        words = words[:-1]
    return words


# -- looser forms of a written name ---------------------------------------------------------

# Entries for a name, and the kind of place its wording asks for.
Found = tuple[list[tuple[Place, str]], str | None]


def _without_region_suffix(gaz: Gazetteer, key: str, words: list[str]) -> Found | None:
    """ "Sagaing region", "Dara governorate": the name without its suffix, read as a province."""
    if len(words) > 1 and words[-1] in REGION_SUFFIXES:
        entries = gaz._entries(" ".join(words[:-1]))
        if entries:
            return entries, "a"
    return None


def _without_town_noun(gaz: Gazetteer, key: str, words: list[str]) -> Found | None:
    """ "Jenin city", "Kalma village": the name without its noun, read as a town."""
    if len(words) > 1 and words[-1] in ("city", "town", "village"):
        entries = gaz._entries(" ".join(words[:-1]))
        if entries:
            return entries, "c"
    return None


def _without_unit_noun_and_kind(gaz: Gazetteer, key: str, words: list[str]) -> Found | None:
    """ "Tecamachalco municipality", "Kwande LGA": the town or the unit named after it;
    "Badigad rural municipality", "Dharan sub-metropolitan city" alike."""
    if len(words) > 1 and words[-1] in UNIT_NOUNS:
        stem = words[:-1]
        while len(stem) > 1 and stem[-1] in UNIT_KINDS:
            stem = stem[:-1]
        entries = gaz._entries(" ".join(stem))
        if entries:
            return entries, None
    return None


def _without_article(gaz: Gazetteer, key: str, words: list[str]) -> Found | None:
    """ "al Bab", "ash Shifa": the name without its Arabic article (whether or not known)."""
    for prefix in ARTICLE_PREFIXES:
        if key.startswith(prefix):
            return gaz._entries(key[len(prefix) :]), None
    return None


def _shore_of(gaz: Gazetteer, key: str, words: list[str]) -> Found | None:
    """ "the Coast of Odesa" (a name of its own in ACLED's notes): Odesa's shore."""
    for prefix in SHORE_PREFIXES:
        if key.startswith(prefix):
            return gaz.lookup(key[len(prefix) :])
    return None


def _side_of_a_city(gaz: Gazetteer, key: str, words: list[str]) -> Found | None:
    """ "Northern Nicosia", "south Tampa": a side of a city; not of a region, whose sides are
    names of their own ("South West Shewa", "Western Lakes" of South Sudan), nor of a small
    town ("West Rand" is a district of Gauteng, not Rand of Virginia)."""
    for prefix in SIDE_PREFIXES:
        rest = key[len(prefix) :]
        if key.startswith(prefix) and not rest.startswith(SIDE_PREFIXES):
            entries = gaz._entries(rest)
            towns = [e for e in entries if e[0].kind == "c" and e[0].population >= SIDED_CITY]
            lands = {e[0].iso3 for e in towns}
            if towns and all(e[0].iso3 in lands for e in entries if e[0].kind != "c"):
                return towns, "c"
    return None


# The looser forms of a name the gazetteer does not know as written, tried in this order: the
# first that gives an answer decides.
LOOSER_FORMS: tuple[Callable[[Gazetteer, str, list[str]], Found | None], ...] = (
    _without_region_suffix,
    _without_town_noun,
    _without_unit_noun_and_kind,
    _without_article,
    _shore_of,
    _side_of_a_city,
)
