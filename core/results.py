"""What extraction gives back and the settings it runs with, shared by the API, the runner and
the engine; a leaf module: it imports no module of the engine, so none of them import each other
in a circle."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .article import Article
from .errors import NewsEventsError
from .record import Event

if TYPE_CHECKING:
    from .actors import ActorDictionary
    from .ontology import Trigger

__all__ = ["BATCH_SIZE", "REAL", "Outcome", "Result", "Settings"]

# Articles parsed together in one `nlp.pipe` batch (and sent to a worker as one task). The
# parser's working memory grows with the words of a batch (16 news articles of ~550 words:
# +160 MB a process; 8: +75 MB; 4: +25 MB) while its speed is the same from 4 up.
BATCH_SIZE = 4
# Modalities of events reported as happening; the others are kept only on request.
REAL = {"asserted", "claimed"}


@dataclass
class Result:
    """What one article gave: its events, or the error that stopped it."""

    path: str
    article: Article | None
    events: list[Event] = field(default_factory=list)
    error: NewsEventsError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class Settings:
    """What every worker needs to build its engine and filter events."""

    model: str | None
    actors: ActorDictionary | None
    verbs: tuple[Trigger, ...]
    min_confidence: float
    include_unreal: bool
    batch_size: int
    builtin_verbs: bool = True


# One outcome per article of a chunk: its events, or a message why it failed and, for a bug, its
# traceback. Errors travel as text because core exceptions (InputError(path, problem, hint))
# and tracebacks do not survive pickling.
Outcome = tuple[list[Event], str | None, str | None]
