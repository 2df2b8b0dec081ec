"""The extractor version: what a stored result was made with, so stale results can be redone."""

from __future__ import annotations

import hashlib
from functools import cache

from .datafiles import DATA_DIR


@cache
def extractor_version() -> str:
    """`newsevents.__version__` plus a hash of the data files and word lists: `0.1.0+3f2a9c1d0b7e`.

    Any change to the data (a new trigger, actor or place) changes it, without a release.
    """
    from newsevents import __version__

    from .lang.en import LANG_DIR

    digest = hashlib.sha256()
    files = [p for p in DATA_DIR.iterdir() if p.is_file()]
    files += list(LANG_DIR.glob("*.csv"))
    for path in sorted(files, key=lambda p: (p.name, str(p))):
        if not path.name.startswith((".", "__")):
            digest.update(path.name.encode("utf-8") + b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return f"{__version__}+{digest.hexdigest()[:12]}"
