"""Token lookups read from a Doc's attribute arrays, which make no Token objects.

A pass over a long article that builds a Token per word costs more than the rule it feeds;
these read the Doc's integer columns instead (string ids for LOWER, LEMMA and DEP; symbol ids
for POS).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from spacy.tokens import Doc


def string_ids(words: Iterable[str], any_case: bool = False) -> frozenset[int]:
    """The string-store ids of `words` (also Title and UPPER case with `any_case`)."""
    from spacy.strings import get_string_id

    forms = {f for w in words for f in ((w, w.title(), w.upper()) if any_case else (w,))}
    return frozenset(get_string_id(f) for f in forms)


def positions(doc: Doc, attrs: Sequence[str], wanted: Collection[int]) -> list[int]:
    """Indexes of the tokens of `doc` whose value of any of `attrs` is in `wanted`."""
    keys = frozenset(wanted)
    if len(attrs) == 1:
        column = doc.to_array(attrs[0]).tolist()
        return [i for i, value in enumerate(column) if value in keys]
    rows = doc.to_array(list(attrs)).tolist()
    return [i for i, row in enumerate(rows) if not keys.isdisjoint(row)]
