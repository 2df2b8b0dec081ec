"""The name index's lookups and the actor dictionary a geocoder codes bodies with."""

from __future__ import annotations

from pathlib import Path

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
