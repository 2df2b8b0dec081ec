"""What the words around a name say of it: capitals, a place's slot, an actor's slot, dashes."""

from __future__ import annotations

from functools import cache

import numpy as np
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from ..arrays import string_ids
from .vocab import (
    ACTOR_DEPS,
    DASHES,
    DIRECTIONS,
    JOURNEY_VERBS,
    LOC_PREPS,
    NAME_NOUNS,
    NAME_PREFIXES,
    PLACE_LABELS,
    PLACE_NOUNS,
    SEPARATORS,
    SHORE_NOUNS,
    SITE_NOUNS,
    UNIT_AFTER,
)


# Lower-case particles inside place names ("Deir ez Zor", "Concordia do Para", "Castilla y Leon").
@cache
def non_place_entity_ids() -> np.ndarray:
    """String ids of the entity labels a place name never has."""
    ids = string_ids(("LAW", "DATE", "TIME", "MONEY", "PERCENT"))
    return np.array(sorted(ids), dtype=np.uint64)


_UPPER_INITIAL: dict[int, bool] = {}


def upper_initial_id(orth: int, strings: StringStore) -> bool:
    """Whether the word with string id `orth` starts with a capital (remembered per id)."""
    known = _UPPER_INITIAL.get(orth)
    if known is None:
        known = _UPPER_INITIAL[orth] = strings[orth][:1].isupper()
    return known


def names_a_site(ent: Span) -> int:
    """1 when the name only names a site: "Colombo square in Sanremo", "Mill Creek park in
    Kansas City" (a town named in the same phrase is the place); else 0."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return int(after is not None and after.text.islower() and after.lower_ in SITE_NOUNS)


def separates(doc: Doc, k: int) -> bool:
    """True when token `k` splits a name list: a comma or bracket, or a dash between spaces
    ("Seoul City - Jung"); a hyphen inside a name ("Nord-Kivu") does not."""
    return doc[k].text in SEPARATORS or free_dash(doc, k)


def free_dash(doc: Doc, k: int) -> bool:
    """True when token `k` is a dash with a space on each side ("Seoul City - Jung")."""
    tok = doc[k]
    return tok.text in DASHES and k > 0 and bool(doc[k - 1].whitespace_) and bool(tok.whitespace_)


def code_word(text: str) -> bool:
    """True for a word of letters and digits, like a unit code ("PD5", "A12")."""
    return text.isalnum() and any(c.isdigit() for c in text) and any(c.isalpha() for c in text)


def upper_initial(text: str) -> bool:
    """True when the first letter (after any opening quote, as in "‘Uqayrib") is a capital."""
    return text.lstrip("‘’'`ʿʾ\"“")[:1].isupper()


def is_capitalised(text: str) -> bool:
    """True when a name is written as a proper name (its first letter, after "the", upper)."""
    words = [w for w in text.split() if w.lower() not in ("the", "al", "el")]
    return bool(words) and words[0][:1].isupper()


def actor_like(ent: Span) -> bool:
    """True for a name used as an actor: "Egypt launched", "Libya's army", "U.S. sanctions"."""
    root = ent.root
    if _qualifies_place(ent):
        return False  # "in Bakirkoy town, Istanbul to protest": misparsed as a subject
    k = ent.start - 1
    if k >= 1 and ent.doc[k].lower_ in NAME_PREFIXES:
        k -= 1  # "in As Sweida countryside", the entity without its "As"
    prep = ent.doc[k] if k >= 0 else None
    if (
        prep is not None
        and prep.lower_ in ("in", "at", "near")
        and not any(c.dep_ == "pobj" for c in prep.children)
    ):
        return False  # "in Nanchital, Veracruz, members marched": the parse lost the "in"
    if root.dep_ in ACTOR_DEPS:
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True  # "backed by Cairo": the doer of a passive
    head = root.head
    if head.pos_ == "PROPN" and head.dep_ == "pobj" and head.head.lower_ in LOC_PREPS:
        return False  # "in Caracas - Libertador": one place name compounded with another
    after = ent.end
    if root.dep_ == "compound" and after + 1 < len(ent.doc) and ent.doc[after].text in DASHES:
        return False  # "(Incheon - Namdong)": a city and its district, whatever the parse
    # A name modifying a noun that is not a place ("U.S. sanctions", "Iran talks") is an actor.
    # A name the tagger did not call a place, before a site noun, is the site's town ("the
    # Diyarbakir prison"); a country or city entity there may be a party ("the U.S. embassy").
    site = head.lower_ in SITE_NOUNS and ent.label_ not in PLACE_LABELS
    return root.dep_ in ("compound", "amod", "nmod") and (
        head.lower_ not in PLACE_NOUNS and not site and head.i > root.i
    )


def party_mention(ent: Span) -> bool:
    """True for a country named as a party rather than a scene: "Russia said", "Russia's
    army", "the war against Ukraine", "talks with Iran"."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in ("against", "with", "by", "for"):
        return True
    return actor_like(ent)


def _qualifies_place(ent: Span) -> bool:
    """True for a name right after "(" or ", " that follows a place in a locative phrase:
    "in Bakirkoy town, Istanbul", "in Jenin city (Jenin, West Bank)"."""
    doc = ent.doc
    k = ent.start - 1
    if k < 1 or doc[k].text not in (",", "("):
        return False
    prev = doc[k - 1]
    if not (prev.lower_ in PLACE_NOUNS or prev.ent_type_ in PLACE_LABELS):
        return False
    tok = prev
    for _ in range(4):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in LOC_PREPS
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def locative_slot(ent: Span) -> bool:
    """True when a name sits where only a place goes (unlike a direct object, which may be anyone).

    "in Chella", "in Kalma village", "near Betmanove, Donetsk", "(Myaung, Sagaing)".
    """
    root = ent.root
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].text in ("(", ",") and after_place_word(ent):
        return True
    if ent.end < len(doc) and doc[ent.end].lower_ in UNIT_AFTER:
        return True  # "Mykolaiv region", "Budinguya village": the noun says what the name is
    tok = root
    # "in Caracas - Libertador": a name compounded with the proper name in the slot.
    while tok.dep_ in ("compound", "nmod") and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
        tok = tok.head
    if tok.dep_ in ("compound", "appos", "conj") and tok.head.lower_ in PLACE_NOUNS:
        tok = tok.head
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj":
        prep = tok.head
        if (
            prep.lower_ in LOC_PREPS
            or prep.lower_ in ("of", "from", "to")
            and (prep.head.lower_ in PLACE_NOUNS or prep.head.lower_ in DIRECTIONS)
            # "marched from Echillais to La Rochelle": the ends of a journey are places
            or prep.lower_ in ("from", "to")
            and prep.head.lemma_.lower() in JOURNEY_VERBS
        ):
            return True
    return False


def after_place_word(ent: Span) -> bool:
    """True when the "(" or "," before `ent` follows a place-like word (a name, "village")."""
    doc = ent.doc
    k = ent.start - 1
    # "the Syrian Arab Army (SAA)": an acronym in brackets names what came before, not a place.
    acronym = ent.text.isupper() and len(ent.text) <= 6
    if doc[k].text == "(" and k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
        return not acronym  # "the Jeonju Branch Office (Jeonju)": a site, then its town
    while k > 0 and doc[k].text in ("(", ","):
        k -= 1
    # Walk back over earlier comma parts of the same parentheses.
    for _ in range(8):
        tok = doc[k]
        if tok.lower_ in PLACE_NOUNS or tok.ent_type_ in PLACE_LABELS:
            return True
        if tok.text == ")":
            # "village (coded as Kamango) (Beni, Nord-Kivu)": back over the earlier brackets.
            opening = next((t.i for t in reversed(doc[max(k - 30, 0) : k]) if t.text == "("), None)
            if opening is None or opening == 0:
                return False
            k = opening - 1
            continue
        if tok.text == "(":
            if k > 0 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
                return not acronym  # "Sindian (Sindian, Bignona)": units named after a name
            k -= 1
            continue
        if not (tok.text[:1].isupper() or tok.text == ","):
            return False
        k -= 1
        if k < 0:
            return False
    return False


def before_site(ent: Span) -> bool:
    """True for a name compounded with a site noun a few words on: "the Diyarbakir D-type
    prison", "Kabul airport" (the tagger often calls such a city a person)."""
    root = ent.root
    return root.dep_ in ("compound", "nmod") and any(
        t.lower_ in SITE_NOUNS for t in ent.doc[ent.end : ent.end + 4]
    )


def site_of(ent: Span) -> bool:
    """True for a name after "the <place or site noun> of": "the beach of Knokke-Heist", "the
    prison of Draguignan" (the tagger often calls such a town an organisation or a person)."""
    doc = ent.doc
    return (
        ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lower_ in NAME_NOUNS | SHORE_NOUNS
    )


def in_place_slot(ent: Span) -> bool:
    """True when a name sits where a place goes: after a locative preposition or as an object."""
    root = ent.root
    return root.dep_ == "dobj" or (root.dep_ == "pobj" and root.head.lower_ in LOC_PREPS)
