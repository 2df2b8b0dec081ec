"""Sentence starts at line breaks and after a dateline, as a spaCy component before the parser.

A headline or caption has no full stop, and a dateline ("BEIRUT (Reuters) - ") is no part of the
sentence after it: both would otherwise be read into the sentence that follows.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..geo import DASHES

PARAGRAPHS = "newsevents_paragraphs"


def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at every line and after a dateline ("BEIRUT (Reuters) - ").

    A headline or caption has no full stop, and a dateline is no part of the sentence after it.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
    line_starts = [0] + [t.i for t in doc[1:] if t.is_sent_start]
    for start in line_starts:
        dash = dateline_end(doc, start)
        if dash is not None and dash + 1 < len(doc):
            doc[dash + 1].is_sent_start = True
    return doc


def dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the dash that closes a dateline opening the line at `start`, if there is one.

    "BEIRUT (Reuters) -", "KINSHASA/NEW YORK -", "Tehran, Iran –": capitalised place words,
    commas, slashes and an agency in parentheses, then a dash, within the first dozen tokens.
    """
    in_parens = False
    capitals = 0
    for token in doc[start : start + 12]:
        if token.text in DASHES:
            # A dash standing free ("CAIRO - "), not one inside a name ("Al-Qaeda").
            free = token.i > start and doc[token.i - 1].whitespace_ and token.whitespace_
            return token.i if capitals and free else None
        if token.text == "(":
            in_parens = True
        elif token.text == ")":
            in_parens = False
        elif token.is_alpha and len(token.text) >= 2 and (token.is_upper or token.is_title):
            if token.tag_ not in ("NNP", "NNPS") and not token.is_upper:  # (tags: POS comes later)
                return None  # "The ministry said - ..." is a sentence, not a dateline
            capitals += 1
        elif not (in_parens or token.is_punct or token.is_digit or token.is_space):
            return None
    return None
