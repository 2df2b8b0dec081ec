"""The settings of an extraction run: those that change its output, and how many workers to use.

The settings that change the events are what a resumed run compares (`OutputSettings.key`): an
article converted with other settings is converted again. The number of workers never changes
the output, so it is not among them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .resume import settings_key

if TYPE_CHECKING:
    from .actors import ActorDictionary
    from .api import Result
    from .article import Article
    from .errors import InputError
    from .ontology import Trigger


@dataclass(frozen=True)
class OutputSettings:
    """Options that change the events of a run (model, confidence, dictionaries, modalities)."""

    model: str | None = None
    min_confidence: float = 0.0
    published: date | None = None
    """Publication date of articles that give none."""
    actor_files: Sequence[Path] | None = None
    verb_files: Sequence[Path] | None = None
    only_user_dictionaries: bool = False
    """The dictionary files replace the built-in ones of their kind instead of extending them."""
    include_unreal: bool = False
    """Also negated, future, hypothetical and conditional events."""

    @property
    def builtin_actors(self) -> bool:
        """Whether the built-in actor dictionary is used under the --actors files."""
        return not self.only_user_dictionaries

    @property
    def builtin_verbs(self) -> bool:
        """Whether the built-in verb lexicon is used: verb files replace it only when given."""
        return not (self.only_user_dictionaries and self.verb_files)

    def key(self) -> str:
        """These settings as one stable string, stored with each article of a resumable run."""
        return settings_key(
            model=self.model,
            min_confidence=self.min_confidence,
            date=self.published,
            actors=self.actor_files,
            verbs=self.verb_files,
            all_modalities=self.include_unreal,
            # only when given, so that databases written before the option are not redone
            **({"only_user_dictionaries": True} if self.only_user_dictionaries else {}),
        )


def workers_for(inputs: Sequence[str], workers: int | None) -> int:
    """Worker processes for a run: as given, else 1 for one file or stdin, else 0 (one per core).

    >>> workers_for(["-"], None)
    1
    """
    if workers is not None:
        return workers
    if len(inputs) == 1 and (inputs[0] == "-" or Path(inputs[0]).is_file()):
        return 1  # one file or stdin: starting a pool of processes would cost more than it saves
    return 0


def extract_with(
    articles: Iterable[Article | InputError],
    settings: OutputSettings,
    *,
    actors: ActorDictionary | None,
    verbs: list[Trigger],
    workers: int,
) -> Iterator[Result]:
    """Extract events from `articles` with these settings (see `api.extract_many`)."""
    from . import api  # looked up at call time: tests stand a fake engine in for it

    return api.extract_many(
        articles,
        model=settings.model,
        actors=actors,
        verbs=verbs,
        builtin_verbs=settings.builtin_verbs,
        min_confidence=settings.min_confidence,
        include_unreal=settings.include_unreal,
        workers=workers,
    )
