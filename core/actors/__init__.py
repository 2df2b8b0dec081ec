"""Who: the actor dictionary and the coding of names to country and sector."""

from __future__ import annotations

from .dictionary import (
    ACTOR_MEMO,
    CONTAINER_KINDS,
    NONSTATE_CODES,
    ActorCode,
    ActorDictionary,
)

__all__ = [
    "ACTOR_MEMO",
    "CONTAINER_KINDS",
    "NONSTATE_CODES",
    "ActorCode",
    "ActorDictionary",
]
