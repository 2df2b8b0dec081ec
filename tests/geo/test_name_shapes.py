"""The country a place name's letters point to, and the build of the table behind it."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsevents.core.geo.build_name_shapes import build
from newsevents.core.geo.name_shapes import NameShapes, name_shapes, pieces
from newsevents.core.geo.records import fold


def test_name_shapes_pieces_mark_ends_and_spaces() -> None:
    assert pieces("bad ko") == [
        "^ba", "bad", "ad_", "d_k", "_ko", "ko$",
        "^bad", "bad_", "ad_k", "d_ko", "_ko$",
    ]  # fmt: skip


@pytest.mark.parametrize("key", ["", "ab", "12"])
def test_name_shapes_too_short_a_name_has_no_pieces(key: str) -> None:
    assert pieces(key) == []
    assert name_shapes().country([key]) is None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Oberwiesenhausen", "DEU"),
        ("Chrzanowice Male", "POL"),
        ("Kudagamawatta", "LKA"),
        ("Ashaghi Gasimkendli", "AZE"),
        ("Saint-Martin-du-Bocage", "FRA"),
        ("Villanueva del Arroyo", "ESP"),
    ],
)
def test_name_shapes_country_of_a_shaped_name(name: str, country: str) -> None:
    guess = name_shapes().country([fold(name)])
    assert guess is not None
    assert guess[0] == country and guess[1] > 0.99


def test_name_shapes_a_shapeless_name_is_no_certainty() -> None:
    guess = name_shapes().country(["qwerty"])
    assert guess is not None and guess[1] < 0.99


def test_name_shapes_build_counts_pieces_of_towns_by_country(tmp_path: Path) -> None:
    rows = [
        "# a made-up gazetteer",
        "1\tXland\t\tXAA\t1.0\t1.0\t9000000\tn",
        "2\tMiddleshire\tMiddleshire\tXAA\t1.0\t1.0\t0\ta",
        "3\tBrookton\tMiddleshire\tXAA\t1.0\t1.0\t5000\tc",
        "4\tAshton\tMiddleshire\tXAA\t1.0\t1.0\t5000\tc",
        "5\tKovalivka\tZ\tXBB\t1.0\t1.0\t5000\tc",
        "6\tPetrivka\tZ\tXBB\t1.0\t1.0\t5000\tt",
        "%%",
        "brookton\t2",
    ]
    source = tmp_path / "gazetteer.tsv.gz"
    source.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode("utf-8")))
    out = build(source, tmp_path / "shapes.tsv.gz")
    lines = gzip.decompress(out.read_bytes()).decode("utf-8").splitlines()
    # countries and provinces are not counted; pieces seen once in all are left out
    assert "@XAA\t2\t26" in lines and "@XBB\t2\t32" in lines
    assert "ton$\tXAA:2" in lines and "vka$\tXBB:2" in lines
    assert not any(line.startswith("^mid") or line.startswith("^bro\t") for line in lines)
    model = NameShapes(out)
    guess = model.country(["ostrivka"])
    assert guess is not None and guess[0] == "XBB"
