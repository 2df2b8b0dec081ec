"""Shared by the actor tests: code the subject of a sentence, and write a dictionary file."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Span

from newsevents.core.actors.dictionary import ActorDictionary
from newsevents.core.actors.entries import ActorCode


def subject(nlp: Language, text: str) -> Span:
    """The subtree of the sentence's first subject (or the first token when none)."""
    doc = nlp(text)
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass"):
            return doc[token.left_edge.i : token.right_edge.i + 1]
    return doc[0:1]


def code(nlp: Language, text: str, actors: ActorDictionary | None = None) -> ActorCode | None:
    """The code of the sentence's subject, with `actors` or the built-in dictionary."""
    return (actors or ActorDictionary.default()).code_span(subject(nlp, text))


def triple(result: ActorCode | None) -> tuple[str, str | None, str | None] | None:
    """(name, country, sector) of a code, or None."""
    return None if result is None else (result.name, result.country, result.sector)


def write_file(tmp_path: Path, name: str, text: str) -> Path:
    """Write `text` to `tmp_path/name` and return the path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
