"""One event word found in a sentence: what the trigger finder hands to the role readers.

A leaf of its own so that `triggers` (which finds candidates) and `roles` (which reads them)
need not import each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token


@dataclass
class Candidate:
    """One event word found in a sentence, before its roles are read.

    `carrier` is the verb that carries a noun event ("launched" in "launched strikes"), or the
    trigger itself; `role` says how: "self", "light" (the carrier's subject did the event),
    "join" (the carrier's subject joined someone's event), "subject" (the noun is the subject
    of the carrier: "strikes on X killed five").
    """

    token: Token
    carrier: Token
    role: str
    lemma: str
    event_type: str
    cameo_code: str
    mode: str | None
    weight: float
    rule: str
    particle: str | None = None
