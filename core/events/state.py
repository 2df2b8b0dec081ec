"""What the extractor knows of an article while it reads it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Token

from ..actors import ActorCode
from ..article import Article
from ..geo import GeoContext


@dataclass
class ArticleState:
    """What the extractor knows of an article while it reads it."""

    article: Article
    published: date | None
    headline_end: int
    text_hash: str
    # Where the lede (the body's first sentences) ends: its main event dates undated news rows.
    lede_end: int = 0
    subjects: list[Token] = field(default_factory=list)
    # Codes of subjects, by (id of their Doc, token index).
    coded: dict[tuple[int, int], ActorCode | None] = field(default_factory=dict)
    aliases: dict[str, ActorCode] = field(default_factory=dict)
    # `Engine._actor` answers by (Doc id, token, speaker, keep_conj, resolve): events of a
    # sentence share their actors, and everything they depend on is known before drafting.
    actors: dict[tuple[int, int, int, bool, bool], tuple[str | None, ActorCode | None]] = field(
        default_factory=dict
    )
    geo: GeoContext | None = None
    # Event type of each event word of the piece being read (token index -> type).
    event_types: dict[int, str] = field(default_factory=dict)
