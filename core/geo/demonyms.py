"""Demonyms ("Libyan", "Egyptians") and the countries they point to.

Demonyms help decide which country a place is in; they are never places themselves. The table
is `core/lang/en/demonyms.csv` (`word,list,country`: the demonym, the list name "demonyms", the
ISO alpha-3 code of its country).
"""

from __future__ import annotations

from ..datafiles import read_rows
from ..lang.en import LANG_DIR

DEMONYMS_FILE = LANG_DIR / "demonyms.csv"


def _read_demonyms() -> dict[str, str]:
    """Lower-case demonym -> ISO alpha-3 country, from `DEMONYMS_FILE`."""
    rows = read_rows(DEMONYMS_FILE, required=("word", "list", "country"))
    return {row["word"].lower(): row["country"] for row in rows}


DEMONYMS: dict[str, str] = _read_demonyms()


def country_of_demonym(word: str) -> str | None:
    """ISO alpha-3 country of a demonym ("Libyan", "Egyptians"), or None."""
    key = word.strip().lower()
    if key in DEMONYMS:
        return DEMONYMS[key]
    if key.endswith("s") and key[:-1] in DEMONYMS:
        return DEMONYMS[key[:-1]]
    return None
