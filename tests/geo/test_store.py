"""The gazetteer's on-disk SQLite store: where it is built, when it is rebuilt, how it is read."""

from __future__ import annotations

import gzip
import os
import sqlite3
import tempfile
import time
from pathlib import Path

import pytest

from newsevents.core.geo import store as geo
from newsevents.core.geo.geocoder import Geocoder
from newsevents.core.geo.store import (
    GAZETTEER,
    MemoryIndex,
    SqliteIndex,
    build_store,
    ensure_store,
    open_store,
    source_digest,
    store_dirs,
    store_matches,
    store_name,
)

# A few records in the gazetteer format: countries first, then places; keys sorted.
RECORDS = [
    "2215636\tLibya\t\tLBY\t27.000\t17.000\t6500000\tn",
    "272103\tLebanon\t\tLBN\t33.900\t35.900\t4000000\tn",
    "2210247\tTripoli\tTarabulus\tLBY\t32.885\t13.180\t1200000\tc",
    "266826\tTripoli\tNorth\tLBN\t34.436\t35.850\t230000\tc",
    "87205\tDarnah\tDarnah\tLBY\t32.767\t22.637\t150000\tc",
    "0\tZzyzx\t\t\t\t\t0\ta",
]
KEYS = [
    "darnah\t4",
    "derna\t!4",
    "lebanon\t1",
    "libya\t0",
    "police\t~3",  # a stopword that is only an alternate name: never a place
    "tarabulus\t~2",
    "tripoli\t2,3",
    "zzyzx\t5",
]


def _write_gazetteer(path: Path, records: list[str] = RECORDS, keys: list[str] = KEYS) -> Path:
    text = "\n".join(["# test gazetteer", *records, "%%", *keys]) + "\n"
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    return path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder (NEWSEVENTS_CACHE) and temp folder for one test."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(folder))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    return folder


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return _write_gazetteer(tmp_path / "gazetteer.tsv.gz")


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.suffix == ".tmp"]


def test_store_built_once_in_the_cache_folder(cache: Path, source: Path) -> None:
    geocoder = Geocoder(source)
    assert geocoder.store == cache / store_name(source_digest(source))
    assert isinstance(geocoder._index, SqliteIndex)
    assert _leftovers(cache) == []
    best = geocoder.candidates("Derna")[0]
    assert (best.name, best.country, best.geonameid, best.latitude) == (
        "Darnah",
        "LBY",
        87205,
        32.767,
    )
    assert [c.country for c in geocoder.candidates("Tripoli")] == ["LBY", "LBN"]
    assert geocoder.candidates("Police") == []
    assert geocoder.candidates("Atlantis") == []
    lebanon = geocoder.country("LBN")
    assert lebanon is not None and lebanon.name == "Lebanon" and lebanon.precision == "country"
    assert geocoder.country("XXX") is None
    # An empty admin1 or coordinate reads back as None, as from the gazetteer file.
    nowhere = geocoder.candidates("Zzyzx")[0]
    assert (nowhere.admin1, nowhere.latitude, nowhere.geonameid) == (None, None, None)

    # A second geocoder reuses the file as it is.
    stat = geocoder.store.stat()
    again = Geocoder(source)
    assert again.store == geocoder.store
    assert (again.store.stat().st_ino, again.store.stat().st_mtime_ns) == (
        stat.st_ino,
        stat.st_mtime_ns,
    )


def test_store_rebuilt_when_the_gazetteer_changes(cache: Path, source: Path) -> None:
    old = Geocoder(source)
    assert old.candidates("Derna")[0].name == "Darnah"
    records = [r.replace("Darnah\tDarnah", "Derna\tDarnah") for r in RECORDS]
    _write_gazetteer(source, records)
    new = Geocoder(source)
    assert new.store is not None and old.store is not None
    assert new.store != old.store and old.store.exists()
    assert new.candidates("Derna")[0].name == "Derna"
    assert old.candidates("Darnah")[0].name == "Darnah"  # the old file is left as it was


def test_store_version_is_part_of_the_name(
    cache: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = source_digest(source)
    monkeypatch.setattr(geo, "STORE_VERSION", geo.STORE_VERSION + 1)
    assert source_digest(source) != before


def test_store_is_opened_read_only(cache: Path, source: Path) -> None:
    geocoder = Geocoder(source)
    assert isinstance(geocoder._index, SqliteIndex)
    conn = geocoder._index._connection()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM names")
    assert geocoder.store is not None
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        open_store(geocoder.store).execute("CREATE TABLE t (x)")


def test_broken_store_is_rebuilt(cache: Path, source: Path) -> None:
    path = cache / store_name(source_digest(source))
    cache.mkdir()
    path.write_bytes(b"not a database " * 1000)
    assert Geocoder(source).candidates("Derna")[0].name == "Darnah"
    assert store_matches(path, source_digest(source))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_store_works_after_fork(cache: Path, source: Path) -> None:
    geocoder = Geocoder(source)
    assert geocoder.candidates("Derna")[0].name == "Darnah"  # the parent's connection is open
    assert isinstance(geocoder._index, SqliteIndex)
    parent_conn = geocoder._index._conn
    pid = os.fork()
    if pid == 0:  # the child: look up names not cached yet, report by exit status, never return
        status = 1
        try:
            ok = [c.country for c in geocoder.candidates("Tripoli")] == ["LBY", "LBN"]
            ok = ok and geocoder.candidates("Tarabulus")[0].name == "Tripoli"
            ok = ok and geocoder._index._conn is not parent_conn
            status = 0 if ok else 2
        finally:
            os._exit(status)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    # The parent's own connection still serves it.
    assert geocoder.candidates("Lebanon")[0].country == "LBN"
    assert geocoder._index._conn is parent_conn


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_concurrent_builds_leave_one_whole_store(tmp_path: Path, source: Path) -> None:
    out = tmp_path / "shared" / "store.sqlite"
    children = []
    for _ in range(3):
        pid = os.fork()
        if pid == 0:
            status = 1
            try:
                build_store(source, out)
                status = 0
            finally:
                os._exit(status)
        children.append(pid)
    for pid in children:
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert store_matches(out, source_digest(source))
    assert _leftovers(out.parent) == []


def test_unwritable_cache_falls_back_to_temp_folder(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a-file").write_text("in the way\n")
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path / "a-file" / "cache"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    geocoder = Geocoder(source)
    assert geocoder.store is not None
    assert geocoder.store.parent == store_dirs()[-1]
    assert geocoder.store.parent.parent == tmp_path / "tmp"
    assert geocoder.candidates("Derna")[0].name == "Darnah"


def test_temp_folder_open_to_others_is_not_used(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a-file").write_text("in the way\n")
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path / "a-file" / "cache"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    shared = store_dirs()[-1]
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)  # anyone could have planted a store here
    assert ensure_store(source) is None


def test_no_writable_folder_falls_back_to_memory(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a-file").write_text("in the way\n")
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path / "a-file" / "cache"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "a-file" / "tmp"))
    geocoder = Geocoder(source)
    assert geocoder.store is None and isinstance(geocoder._index, MemoryIndex)
    assert [c.country for c in geocoder.candidates("Tripoli")] == ["LBY", "LBN"]
    assert geocoder.candidates("Derna")[0].name == "Darnah"
    assert geocoder.candidates("Police") == []
    libya = geocoder.country("LBY")
    assert libya is not None and libya.name == "Libya"


def test_store_dirs_follow_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path / "own"))
    assert store_dirs()[0] == tmp_path / "own"
    monkeypatch.delenv("NEWSEVENTS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert store_dirs()[0] == tmp_path / "xdg" / "newsevents"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert store_dirs()[0] == tmp_path / "home" / ".cache" / "newsevents"
    assert store_dirs()[-1].parent == tmp_path / "tmp"


def test_store_of_the_real_gazetteer_matches_the_file(cache: Path) -> None:
    """Built in seconds, and every sampled name gives what the gazetteer file itself gives."""
    start = time.perf_counter()
    path = build_store(GAZETTEER, cache / "real.sqlite")
    assert time.perf_counter() - start < 20  # ~1.5 s on a laptop; generous for slow machines
    memory, store = MemoryIndex(GAZETTEER), SqliteIndex(path)
    keys = sorted(memory._keys)
    sample = keys[::97] + ["derna", "tripoli", "gaza", "us", "police", "kyiv", "west bank"]
    for key in sample:
        assert store.entries(key) == memory.entries(key), key
    assert store.countries() == memory.countries()
    assert store.entries("no such place anywhere") == ()
    for iso3, admin1 in [("LBY", "Darnah"), ("SYR", "Hasakah"), ("UKR", "Luhansk Oblast")]:
        assert sorted(store.in_region(iso3, admin1)) == sorted(memory.in_region(iso3, admin1))
        assert store.in_region(iso3, admin1)
    assert store.in_region("LBY", "no such province") == []


def test_default_geocoder_uses_a_store() -> None:
    geocoder = Geocoder.default()
    assert geocoder.store is not None
    assert geocoder.store.name == store_name(source_digest(GAZETTEER))


def test_stale_stores_are_pruned_when_a_new_one_is_built(cache: Path, source: Path) -> None:
    cache.mkdir(parents=True)
    month_ago = time.time() - 40 * 86400
    stale = [cache / "gazetteer-0123456789abcdef0123.sqlite", cache / ".gazetteer-crashed.tmp"]
    recent = cache / "gazetteer-fedcba9876543210fedc.sqlite"
    other = cache / "notes.txt"  # not ours
    for path in [*stale, recent, other]:
        path.write_bytes(b"x")
    for path in [*stale, other]:
        os.utime(path, (month_ago, month_ago))
    geocoder = Geocoder(source)
    assert geocoder.store is not None and geocoder.store.exists()
    assert [p.exists() for p in stale] == [False, False]
    assert recent.exists() and other.exists()  # another install may still use a recent one
