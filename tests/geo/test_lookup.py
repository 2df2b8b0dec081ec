"""The name index's lookups and the actor dictionary a geocoder codes bodies with."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.core.actors import ActorDictionary
from newsevents.core.geo import Geocoder


def test_bodies_are_coded_with_the_dictionary_given(tmp_path: Path) -> None:
    # --only-user-dictionaries: a caller's own dictionary, not the built-in one, says which
    # country a union or party belongs to.
    path = tmp_path / "mine.csv"
    path.write_text(
        "pattern,name,country,sector\nzorbo workers union,Zorbo Workers Union,FRA,LAB\n",
        encoding="utf-8",
    )
    geo = Geocoder(actors=ActorDictionary().load_file(path))
    assert geo.body_country("Zorbo Workers Union") == ("FRA", True)
    assert geo.body_country("CGT") is None
    # No dictionary given: the built-in one.
    assert Geocoder.default().body_country("CGT") == ("FRA", True)
    assert Geocoder.default().body_country("Zorbo Workers Union") is None


def test_looser_forms_of_a_name() -> None:
    geo = Geocoder.default()
    assert geo.lookup("Dara governorate")[1] == "a"  # the province, without its suffix
    assert geo.lookup("Jenin city")[1] == "c"  # the town, without its noun
    assert geo.lookup("Atlantis Zzyzx") == ([], None)


def test_geo_default_is_loaded_once(geo: Geocoder) -> None:
    assert Geocoder.default() is geo


@pytest.mark.parametrize(
    ("name", "canonical", "country"),
    [
        ("Derna", "Darnah", "LBY"),
        ("Kiev", "Kyiv", "UKR"),
        ("Gaza", "Gaza", "PSE"),
        ("Sana'a", "Sanaa", "YEM"),
        ("Al-Fashir", "El Fasher", "SDN"),
        ("U.S.", "United States", "USA"),
        ("Britain", "United Kingdom", "GBR"),
        ("KPK", "Khyber Pakhtunkhwa", "PAK"),
        ("Tyr", "Tyre", "LBN"),
        ("Amanat al Asimah", "Sanaa", "YEM"),
        ("Northern Cyprus", "Cyprus", "CYP"),
        ("TRNC", "Cyprus", "CYP"),
        # unit words after a name are dropped
        ("Chintapalle mandal", "Chintapalle", "IND"),
        ("Butwal sub-metropolitan city", "Butwāl", "NPL"),
        ("Narayanganj sadar", "Narayanganj Sadar", "BGD"),
    ],
)
def test_geo_alias_resolves_to_canonical(
    geo: Geocoder, name: str, canonical: str, country: str
) -> None:
    best = geo.candidates(name)[0]
    assert (best.name, best.country, best.text) == (canonical, country, name)


def test_geo_alias_derna_coordinates(geo: Geocoder) -> None:
    best = geo.candidates("Derna")[0]
    assert best.precision == "place"
    assert best.latitude == pytest.approx(32.77, abs=0.02)
    assert best.longitude == pytest.approx(22.64, abs=0.02)
    assert best.geonameid == 87205


@pytest.mark.parametrize(
    ("name", "precision", "country"),
    [
        ("West Bank", "region", "PSE"),
        ("Darfur", "region", "SDN"),
        ("Idlib province", "region", "SYR"),
        ("Balochistan", "region", "PAK"),
        ("Libya", "country", "LBY"),
        ("Egypt", "country", "EGY"),
    ],
)
def test_geo_regions_and_countries_have_centres(
    geo: Geocoder, name: str, precision: str, country: str
) -> None:
    best = geo.candidates(name)[0]
    assert (best.precision, best.country) == (precision, country)
    assert best.latitude is not None and best.longitude is not None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # a province whose towns far outweigh its namesake town abroad or elsewhere
        ("Florida", ("Florida", "USA", "region")),
        ("Indiana", ("Indiana", "USA", "region")),
        # a province's own town named like it is what the name means first
        ("Kirkuk", ("Kirkuk", "IRQ", "place")),
        ("Aleppo", ("Aleppo", "SYR", "place")),
    ],
)
def test_geo_bare_name_of_a_big_province_is_the_province(
    geo: Geocoder, name: str, expected: tuple[str, str, str]
) -> None:
    loc = geo.resolve(name)
    assert loc is not None and (loc.name, loc.country, loc.precision) == expected


@pytest.mark.parametrize(
    "word", ["Police", "Of", "Wednesday", "Friday", "Mercy", "Victory", "Army", "police"]
)
def test_geo_stopwords_never_geocode(geo: Geocoder, word: str) -> None:
    assert geo.candidates(word) == []
    assert geo.resolve(word) is None


@pytest.mark.parametrize(
    ("name", "country", "precision"),
    [
        ("Victoria", "AUS", "region"),  # a key shared by many towns still reaches the state
        ("California", "USA", "region"),
        ("Lombardia", "ITA", "region"),
        ("Tecamachalco municipality", "MEX", "place"),  # the unit noun is dropped
    ],
)
def test_geo_gazetteer_keeps_provinces_and_unit_names(
    geo: Geocoder, name: str, country: str, precision: str
) -> None:
    found = {(c.country, c.precision) for c in geo.candidates(name)}
    assert (country, precision) in found


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Middle East", None),  # not the town of that name in Maryland
        ("Green Zone", "IRQ"),  # Baghdad's, written in place_aliases.csv
        ("Central African Republic", "CAF"),  # all ordinary words, still a country
    ],
)
def test_geo_names_of_ordinary_words(geo: Geocoder, name: str, expected: str | None) -> None:
    loc = geo.resolve(name)
    assert (loc.country if loc is not None else None) == expected


@pytest.mark.parametrize(
    ("name", "latitude", "longitude"),
    [
        # a unit named after a town inside it stands at that town
        ("Kandahar province", 31.61, 65.71),
        ("Kharkiv Oblast", 49.98, 36.26),
        ("Djugu territory", 1.92, 30.50),
        # no town of the unit's name: its own point; a town: itself
        ("Ituri", 1.6, 29.9),
        ("Derna", 32.77, 22.64),
    ],
)
def test_geo_seat_point_places_a_unit_at_its_town(
    geo: Geocoder, name: str, latitude: float, longitude: float
) -> None:
    loc = geo.resolve(name, None)
    assert loc is not None
    seated = geo.seat_point(loc)
    assert seated.latitude is not None and seated.longitude is not None
    assert (round(seated.latitude, 2), round(seated.longitude, 2)) == (latitude, longitude)
    assert (seated.name, seated.precision, seated.geonameid) == (
        loc.name,
        loc.precision,
        loc.geonameid,
    )


@pytest.mark.parametrize(
    ("name", "canonical", "country"),
    [
        # a side of a town is the town
        ("Northern Nicosia", "Nicosia", "CYP"),
        ("south Tampa", "Tampa", "USA"),
        ("Downtown Beirut", "Beirut", "LBN"),
        # the side of a region is a name of its own: no namesake town abroad stands in for it
        ("Western Lakes", None, None),
        ("South West Shewa", None, None),
    ],
)
def test_geo_side_of_a_town_is_the_town(
    geo: Geocoder, name: str, canonical: str | None, country: str | None
) -> None:
    found = geo.candidates(name)
    if canonical is None:
        assert found == []
    else:
        assert (found[0].name, found[0].country, found[0].precision) == (
            canonical,
            country,
            "place",
        )
