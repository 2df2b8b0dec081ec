"""Finding place names in the parse: entity spans, whole names, names the tagger cut or joined."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc, Span, Token

from .demonyms import country_of_demonym
from .lookup import Gazetteer
from .qualifiers import after_name_comma, bracket_qualified, ends_bracket_list, qualified_town
from .records import fold
from .tokens import (
    before_site,
    code_word,
    in_place_slot,
    locative_slot,
    non_place_entity_ids,
    separates,
    site_of,
    upper_initial,
    upper_initial_id,
)
from .vocab import (
    ELIDED,
    GEO_STOPWORDS,
    MISLABELED,
    NAME_JOINERS,
    NAME_PARTICLES,
    PLACE_LABELS,
    REGION_SUFFIXES,
    RUN_ON_PARTICLES,
)


def place_spans(gaz: Gazetteer, doc: Doc) -> list[Span]:
    """Spans that may name a place: place entities, and names the tagger got wrong.

    The small model tags many villages as people or organisations ("in Chella") or not at
    all; such a name counts when it sits where a place goes (after "in", before "village",
    inside the parentheses after a place) and the gazetteer knows it.
    """
    out: list[Span] = []
    taken: set[int] = set()
    _entity_places(gaz, doc, out, taken)
    _untagged_places(gaz, doc, out, taken)
    out.sort(key=lambda s: s.start)
    return _joined(gaz, out)


def _entity_places(gaz: Gazetteer, doc: Doc, out: list[Span], taken: set[int]) -> None:
    """Add to `out` the entities that name places, whole (their tokens to `taken`)."""
    parts = (part for whole in doc.ents for part in _ent_parts(_extended(whole)))
    for ent in (piece for part in parts for piece in _joined_names(gaz, part)):
        ent = _whole_name(gaz, ent)
        if ent.start in taken:
            continue  # the rest of a name taken whole before ("Tomas" + "Romero Pereira")
        if (
            ent.end < len(doc)
            and doc[ent.end].lower_ in ("'s", "’s")
            and gaz.known(doc[ent.start : ent.end + 1].text)
        ):
            ent = Span(doc, ent.start, ent.end + 1, label=ent.label_)  # "St. John's"
        if country_of_demonym(ent.text) or fold(ent.text) in GEO_STOPWORDS:
            continue
        whole = _hyphenated_name(ent)
        if whole is not None:
            # "Fontaine-au-Pire" is no "Pire": the whole name, when the gazetteer knows it.
            if whole.start in taken or not gaz.known(whole.text):
                continue
            ent = whole
        if ent.label_ in PLACE_LABELS or (
            ent.label_ in MISLABELED and any(rule(gaz, ent) for rule in MISLABELED_PLACE_RULES)
        ):
            out.append(ent)
            taken.update(range(ent.start, ent.end))


def _big_place_in_place_slot(gaz: Gazetteer, ent: Span) -> bool:
    """ "fighting in Kharkiv": a big place in a place's slot."""
    return in_place_slot(ent) and gaz.big_place(ent.text)


def _known_in_locative_slot(gaz: Gazetteer, ent: Span) -> bool:
    """ "clashes erupted in Chella": a known name in a locative slot."""
    return locative_slot(ent) and gaz.known(ent.text)


def _province_after_comma(gaz: Gazetteer, ent: Span) -> bool:
    """ "Zolote, Luhansk": a province after a place name and a comma."""
    return after_name_comma(ent) and gaz.region_name(ent.text)


def _known_ending_bracket_list(gaz: Gazetteer, ent: Span) -> bool:
    """ "(Kale, Sagaing)": a known name ending a bracketed list of names."""
    return ends_bracket_list(ent) and gaz.known(ent.text)


def _known_before_brackets(gaz: Gazetteer, ent: Span) -> bool:
    """ "Tripoli (Lebanon)": a known name qualified by a province or country in brackets."""
    return bracket_qualified(gaz, ent) and gaz.known(ent.text)


def _known_after_site_of(gaz: Gazetteer, ent: Span) -> bool:
    """ "the beach of Durban": a known name after a site noun and "of"."""
    return site_of(ent) and gaz.known(ent.text)


def _big_place_before_site(gaz: Gazetteer, ent: Span) -> bool:
    """ "the Kyiv airport": a big place before a site noun."""
    return before_site(ent) and gaz.big_place(ent.text)


# When a name the tagger calls a person, body or people is a place anyway ("struck Kyiv" with
# Kyiv tagged a person): any rule that applies makes it one.
MISLABELED_PLACE_RULES: tuple[Callable[[Gazetteer, Span], bool], ...] = (
    _big_place_in_place_slot,
    _known_in_locative_slot,
    _province_after_comma,
    _known_ending_bracket_list,
    _known_before_brackets,
    _known_after_site_of,
    _big_place_before_site,
    qualified_town,  # "Waya (Kwande, Benue)": a town with a reading in its qualifier's country
)

# When a proper noun outside any entity is a place: any rule that applies makes it one.
UNTAGGED_PLACE_RULES: tuple[Callable[[Gazetteer, Span], bool], ...] = (
    _known_in_locative_slot,
    _province_after_comma,
    _known_before_brackets,
    qualified_town,
)


def _name_starts(doc: Doc) -> list[int]:
    """The tokens that may start an untagged place name: capitalised proper nouns, and nouns
    not opening a sentence ("in central Heraklion"), outside the entities that are no place.
    Read from the Doc's arrays, so the other words make no Token objects."""
    cols = doc.to_array(["ORTH", "POS", "ENT_TYPE", "SENT_START"])
    # The tagger calls some place names nouns ("in central Heraklion").
    maybe = (cols[:, 1] == PROPN) | ((cols[:, 1] == NOUN) & (cols[:, 3] != 1))
    maybe &= ~np.isin(cols[:, 2], non_place_entity_ids())  # "Roe v. Wade" is a law
    strings = doc.vocab.strings
    at = np.flatnonzero(maybe)
    return [
        k
        for k, orth in zip(at.tolist(), cols[at, 0].tolist(), strict=True)
        if upper_initial_id(orth, strings)
    ]


def _name_end(doc: Doc, i: int, taken: set[int], pos_of: list[int]) -> int:
    """The last token of the untagged name starting at `i`: its proper nouns, the particles
    between them ("Deir ez Zor") and the hyphens the tokenizer split ("Nord-Kivu")."""
    j = i
    while j + 1 < len(doc) and j + 1 not in taken:
        if pos_of[j + 1] == PROPN:
            j += 1
            continue
        nxt = doc[j + 1]
        if (
            nxt.lower_ in NAME_PARTICLES
            and nxt.text.islower()
            and j + 2 < len(doc)
            and j + 2 not in taken
            and doc[j + 2].pos_ == "PROPN"
            and doc[j + 2].text[:1].isupper()
        ):
            j += 2  # "Deir ez Zor"
        elif (
            nxt.text == "-"
            and not doc[j].whitespace_
            and j + 2 < len(doc)
            and doc[j + 2].pos_ == "PROPN"
        ):
            j += 2  # "Nord-Kivu", split by the tokenizer
        else:
            break
    return j


def _untagged_places(gaz: Gazetteer, doc: Doc, out: list[Span], taken: set[int]) -> None:
    """Add to `out` the proper nouns outside any entity that stand in a place slot."""
    pos_of = doc.to_array("POS").tolist()  # symbol ids: small ints, cheap to list
    i = 0
    for start in _name_starts(doc):
        if start < i or start in taken:
            continue
        i = start
        j = _name_end(doc, i, taken, pos_of)
        span = Span(doc, i, j + 1, label="GPE")
        whole = _hyphenated_name(span)
        if whole is not None:
            span = whole if gaz.known(whole.text) and whole.start not in taken else span
            j = max(j, whole.end - 1)
            if span is not whole:
                i = j + 1
                continue
        if (
            fold(span.text) in GEO_STOPWORDS
            and span.end < len(doc)
            and doc[span.end].lower_ in REGION_SUFFIXES
            and span.end not in taken
            and gaz.region_name(doc[span.start : span.end + 1].text)
        ):
            span = Span(doc, span.start, span.end + 1, label="GPE")  # "Unity state"
            j = span.end - 1
        if fold(span.text) not in GEO_STOPWORDS and any(
            rule(gaz, span) for rule in UNTAGGED_PLACE_RULES
        ):
            out.append(span)
        i = j + 1


def _joined_names(gaz: Gazetteer, ent: Span) -> list[Span]:
    """The names in an entity the tagger ran across "in" or "and" ("the City Hall in
    Malmo", "Lamballe and Saint-Brieuc"), unless the gazetteer knows the whole ("Trinidad
    and Tobago")."""
    doc = ent.doc
    cuts = [t.i for t in ent[1:-1] if t.lower_ in ("in", "and")]
    if not cuts or gaz.known(ent.text):
        return [ent]
    out: list[Span] = []
    start = ent.start
    for k in [*cuts, ent.end]:
        s = start + (doc[start].lower_ == "the")
        if k > s and upper_initial(doc[s].text):
            out.append(Span(doc, s, k, label=ent.label_))
        start = k + 1
    return out


def _joined(gaz: Gazetteer, spans: list[Span]) -> list[Span]:
    """Adjacent names the tagger split that together name a known place: "Baja" +
    "California", unless each is known and the pair is not."""
    out: list[Span] = []
    for span in spans:
        doc = span.doc
        start = span.start - 2
        if (
            start >= 0
            and doc[span.start - 1].lower_ in NAME_JOINERS
            and doc[start].text[:1].isupper()
        ):
            while (
                start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()
            ):
                start -= 1
            whole = Span(doc, start, span.end, label=span.label_)
            if gaz.known(whole.text):
                # "Port of Spain", "Newfoundland and Labrador": a name the tagger cut.
                while out and out[-1].end > start:
                    out.pop()
                span = whole
        prev = out[-1] if out else None
        if prev is not None and span.start < prev.end:
            continue  # inside a name already taken further ("San Cristobal de las Casas")
        if prev is not None and prev.end == span.start:
            doc = span.doc
            joined = Span(doc, prev.start, span.end, label=prev.label_)
            if gaz.known(joined.text):
                out[-1] = joined
                continue
        out.append(_name_run_on(gaz, span))
    return out


def _whole_name(gaz: Gazetteer, ent: Span) -> Span:
    """`ent` with the capitalised proper nouns around it, when the gazetteer knows that
    longer name: the tagger cuts towns named after people ("General" + "Roca", "Tomas" +
    "Romero Pereira")."""
    doc = ent.doc

    def name_word(k: int) -> bool:
        """Whether token `k` may be part of a person-named place ("General" + "Roca")."""
        tok = doc[k]
        return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ != "DATE"

    start, end = ent.start, ent.end
    while start > 0 and ent.start - start < 3 and name_word(start - 1):
        start -= 1
    while end < len(doc) and end - ent.end < 3 and name_word(end):
        end += 1
    if (start, end) == (ent.start, ent.end):
        return ent
    whole = Span(doc, start, end, label="GPE")
    return whole if gaz.known(whole.text) else ent


def _name_run_on(gaz: Gazetteer, span: Span) -> Span:
    """`span` with the rest of its name after lower-case particles, when the gazetteer
    knows the longer name: "Cruzeiro" + "do Oeste", "San Cristobal de" + "las Casas"."""
    doc = span.doc

    def particle(tok: Token) -> bool:
        """Whether `tok` is a lower-case particle inside a name."""
        # "do", "las", and elided ones written on the next word: "d'Agua", "d’Oeste"
        return (tok.text.islower() and tok.lower_ in RUN_ON_PARTICLES) or bool(
            ELIDED.match(tok.text)
        )

    k = span.end
    while k < len(doc) and particle(doc[k]):
        k += 1
    if k == span.end and doc[span.end - 1].lower_ not in RUN_ON_PARTICLES:
        return span
    end = k
    while end < len(doc) and end - span.start <= 8:
        tok = doc[end]
        if not ((tok.pos_ == "PROPN" and tok.text[:1].isupper()) or particle(tok)):
            break
        end += 1
    while end > k and (end - span.start > 8 or particle(doc[end - 1])):
        end -= 1
    # the longest run the gazetteer knows ("Olho" + "d'Agua das Flores")
    for stop in range(end, k, -1):
        longer = Span(doc, span.start, stop, label=span.label_)
        if not particle(doc[stop - 1]) and gaz.known(longer.text):
            return longer
    return span


def _hyphenated_name(ent: Span) -> Span | None:
    """The compound name of three or more parts joined by hyphens that `ent` is only a part
    of ("Pire" in "Fontaine-au-Pire", "Priest" in "Saint-Priest-en-Jarez"); None otherwise."""
    doc = ent.doc

    def glued(k: int) -> bool:
        """Whether `doc[k]` is a hyphen with no space on either side."""
        return (
            0 < k < len(doc) - 1
            and doc[k].text == "-"
            and not doc[k - 1].whitespace_
            and not doc[k].whitespace_
        )

    start, end = ent.start, ent.end
    while start >= 2 and glued(start - 1) and doc[start - 2].is_alpha:
        start -= 2
    while end + 1 < len(doc) and glued(end) and doc[end + 1].is_alpha:
        end += 2
    if (start, end) == (ent.start, ent.end):
        return None
    whole = Span(doc, start, end, label=ent.label_)
    if sum(1 for t in whole if t.text == "-") < 2:
        return None  # "Kyiv-based", "Russia-Ukraine": a name with a word, as before
    return whole


def _extended(ent: Span) -> Span:
    """The entity with the rest of a name the tagger cut at a particle ("Deir" + "ez Zor")."""
    doc = ent.doc
    end = ent.end
    while (
        end + 1 < len(doc)
        and doc[end].lower_ in NAME_PARTICLES
        and doc[end].text.islower()
        and doc[end].ent_iob_ == "O"
        and doc[end + 1].pos_ == "PROPN"
        and doc[end + 1].text[:1].isupper()
        # the rest may be tagged as a name of its own ("Shakhta" + "imeni" + "Gagarina"), not
        # after "y", which joins two names
        and (
            doc[end + 1].ent_iob_ == "O"
            or (doc[end + 1].ent_iob_ == "B" and doc[end].lower_ != "y")
        )
    ):
        end += 2
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ == "O":
            end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _ent_parts(ent: Span) -> Iterator[Span]:
    """The names an entity holds: the small model joins "Luparevo, Mykolaiv" or "Tumbes
    (Tumbes" into one entity; each part between commas, brackets and spaced dashes is a name."""
    doc = ent.doc
    start = ent.start
    for k in range(ent.start, ent.end + 1):
        if k == ent.end or separates(doc, k):
            s, e = start, k
            # "PD5 Kandahar": a code before the name (a police district) is no part of it
            while s < e and (doc[s].lower_ in ("the", "and") or code_word(doc[s].text)):
                s += 1
            while e > s and doc[e - 1].lower_ in ("'s", "’s", "and"):
                e -= 1
            if e > s:
                yield ent if (s, e) == (ent.start, ent.end) else Span(doc, s, e, label=ent.label_)
            start = k + 1
