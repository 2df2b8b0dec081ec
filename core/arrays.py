"""Token lookups read from a Doc's attribute arrays, which make no Token objects.

A pass over a long article that builds a Token per word costs more than the rule it feeds;
these read the Doc's integer columns instead (string ids for LOWER, LEMMA and DEP; symbol ids
for POS).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from typing import cast

import numpy as np
from spacy.tokens import Doc


def string_ids(words: Iterable[str], any_case: bool = False) -> frozenset[int]:
    """The string-store ids of `words` (also Title and UPPER case with `any_case`)."""
    from spacy.strings import get_string_id

    forms = {f for w in words for f in ((w, w.title(), w.upper()) if any_case else (w,))}
    return frozenset(get_string_id(f) for f in forms)


def positions(doc: Doc, attrs: Sequence[str], wanted: Collection[int]) -> list[int]:
    """Indexes of the tokens of `doc` whose value of any of `attrs` is in `wanted`."""
    keys = _sorted_ids(wanted if isinstance(wanted, frozenset) else frozenset(wanted))
    if not len(keys) or not len(doc):
        return []
    values = doc.to_array(attrs[0] if len(attrs) == 1 else list(attrs))
    # Each value's place in the sorted ids: a hit where the id found there is the value.
    found = np.searchsorted(keys, values)
    found[found == len(keys)] = 0
    hits = keys[found] == values
    if hits.ndim > 1:
        hits = hits.any(axis=1)
    return cast(list[int], np.flatnonzero(hits).tolist())


@lru_cache(maxsize=64)
def _sorted_ids(wanted: frozenset[int]) -> np.ndarray:
    """The ids as a sorted array (the same few sets are asked for on every Doc)."""
    return np.sort(np.fromiter(wanted, dtype=np.uint64, count=len(wanted)))
