"""English word lists the rules read, each list once, as data files a linguist can extend.

Two kinds of file:
- `core/data/cues.csv` (`word,kind`): words that change how an event is reported, read by
  `cues(kind)`.
- `core/lang/en/*.csv` (`word,list`): plain word lists named for what the rules use them for
  (`place_prepositions`, `unit_nouns`, ...), read by `words(list)`. A file's `#` lines say what
  each list is for; a list lives in one file only, so that no two copies can drift apart.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from pathlib import Path

from ...datafiles import data_rows, read_rows
from ...errors import DictionaryError

__all__ = ["LANG_DIR", "cue_words", "cues", "word_lists", "words"]

LANG_DIR = Path(__file__).resolve().parent


@cache
def cue_words() -> dict[str, frozenset[str]]:
    """Cue words of data/cues.csv grouped by kind."""
    groups: dict[str, set[str]] = defaultdict(set)
    for row in data_rows("cues.csv"):
        groups[row["kind"]].add(row["word"])
    return {kind: frozenset(words) for kind, words in groups.items()}


def cues(kind: str) -> frozenset[str]:
    """The cue words of one kind of data/cues.csv (empty when the kind has none)."""
    return cue_words().get(kind, frozenset())


@cache
def word_lists() -> dict[str, frozenset[str]]:
    """Every list of the `*.csv` files in this folder, by name, read once per process.

    Raises:
        DictionaryError: when a list is defined in two files.
    """
    lists: dict[str, set[str]] = defaultdict(set)
    home: dict[str, str] = {}
    for path in sorted(LANG_DIR.glob("*.csv")):
        for row in read_rows(path, required=("word", "list")):
            name = row["list"]
            if home.setdefault(name, path.name) != path.name:
                raise DictionaryError(
                    str(path), f"list {name!r} is already defined in {home[name]}; keep it once"
                )
            lists[name].add(row["word"])
    return {name: frozenset(members) for name, members in lists.items()}


def words(name: str) -> frozenset[str]:
    """The words of the list `name` (`words("unit_nouns")`).

    Raises:
        KeyError: when no file defines the list, so that a misspelt name fails at once.
    """
    return word_lists()[name]
