"""Who: the actor dictionary and the coding of names to country and sector.

Modules: `entries` (rows, codes and row checks), `dictionary` (the store and its lookups),
`coder` (a noun phrase -> ActorCode), and one reader per dictionary format: `read_csv`,
`read_yaml`, `read_petrarch`.
"""

from __future__ import annotations

from .coder import ACTOR_MEMO
from .dictionary import ActorDictionary
from .entries import (
    CONTAINER_KINDS,
    NONSTATE_CODES,
    RELIGION_CODES,
    SECTOR_CODES,
    ActorCode,
)

__all__ = [
    "ACTOR_MEMO",
    "CONTAINER_KINDS",
    "NONSTATE_CODES",
    "RELIGION_CODES",
    "SECTOR_CODES",
    "ActorCode",
    "ActorDictionary",
]
