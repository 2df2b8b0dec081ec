"""Running the extractor over many articles in worker processes, streaming and in input order.

Articles are cut into chunks of `batch_size`; each chunk is one task (parsed with `nlp.pipe` in
one go by the engine). The same chunking is used with one worker (in this process, no pool) and
with many, so the parser sees the same batches and the output is identical whatever the count.
At most `2 * workers` chunks are in flight, so memory does not grow with the number of articles.
A worker process that dies on a chunk fails only the article that killed it: the chunk is rerun
one article at a time in a fresh pool to find it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as WaitTimeout
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import TYPE_CHECKING

from .article import Article
from .errors import InputError, NewsEventsError
from .results import REAL, Outcome, Result, Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .pipeline.engine import Engine

# Seconds between checks while waiting on a worker, so Ctrl-C is seen at once.
_POLL = 0.2
# Chunks of an article longer than the parser's max_length stay well under it.
CHUNK_CHARS = 100_000


class ExtractionFailedError(NewsEventsError):
    """The extractor failed on one article (a bug, or a worker process that died on it)."""

    def __init__(self, message: str, details: str | None = None) -> None:
        super().__init__(message)
        self.details = details
        """The traceback of the bug, as text (it was raised in a worker process), or None."""


_worker_settings: Settings | None = None


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _engine(settings: Settings) -> Engine:
    from .pipeline.engine import Engine

    return Engine.get(
        model=settings.model,
        actors=settings.actors,
        verbs=settings.verbs,
        builtin_verbs=settings.builtin_verbs,
    )


def _init_worker(settings: Settings) -> None:
    """Worker start: Ctrl-C is the parent's to handle; build the engine (inherited under fork)."""
    global _worker_settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_settings = settings
    _engine(settings)


def _describe(err: BaseException) -> str:
    return f"extraction failed ({type(err).__name__}: {err}); rerun with --debug, and report it"


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """Split a long text at paragraph breaks into pieces of at most `limit` characters."""
    if len(text) <= limit:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut <= start:
                cut = text.rfind("\n", start, end)
            if cut <= start:
                cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def parse(
    engine: Engine, articles: Sequence[Article], batch_size: int
) -> list[list[tuple[int, Doc]]]:
    """The parsed pieces of each article, with their char offsets, parsed in one `nlp.pipe`."""
    pieces: list[tuple[str, tuple[int, int]]] = []
    for n, article in enumerate(articles):
        for offset, piece in chunks(article.text):
            pieces.append((piece, (n, offset)))
    docs: list[list[tuple[int, Doc]]] = [[] for _ in articles]
    for doc, (n, offset) in engine.nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
        docs[n].append((offset, doc))
    return docs


def run_chunk(engine: Engine, chunk: list[Article], settings: Settings) -> list[Outcome]:
    """Events of each article of `chunk`, parsed together (one `nlp.pipe` batch)."""
    outcomes: list[Outcome] = []
    for article, docs in zip(chunk, parse(engine, chunk, settings.batch_size), strict=True):
        try:
            events = engine.article_events(article, docs)
        except NewsEventsError as err:
            outcomes.append(([], str(err), None))
            continue
        kept = [
            e
            for e in events
            if e.confidence >= settings.min_confidence
            and (settings.include_unreal or e.modality in REAL)
        ]
        outcomes.append((kept, None, None))
    return outcomes


def _safe_chunk(engine: Engine, chunk: list[Article], settings: Settings) -> list[Outcome]:
    """`run_chunk`, where an exception fails its article only, not the chunk."""
    try:
        return run_chunk(engine, chunk, settings)
    except Exception as err:  # noqa: BLE001 - a bug on one article must not stop the batch
        if len(chunk) == 1:
            return [([], _describe(err), "".join(traceback.format_exception(err)))]
    # Something broke the batch: redo the articles one by one to fail only the culprit.
    return [outcome for article in chunk for outcome in _safe_chunk(engine, [article], settings)]


def _work(chunk: list[Article]) -> list[Outcome]:
    """The task a worker process runs: one chunk."""
    assert _worker_settings is not None
    return _safe_chunk(_engine(_worker_settings), chunk, _worker_settings)


def _chunks(
    items: Iterable[Article | InputError], size: int
) -> Iterator[tuple[list[Article | InputError], list[Article]]]:
    """(items, their articles) in chunks of `size` items; read errors stay out of the workers."""
    batch: list[Article | InputError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch, [a for a in batch if isinstance(a, Article)]
            batch = []
    if batch:
        yield batch, [a for a in batch if isinstance(a, Article)]


def _results(items: list[Article | InputError], outcomes: list[Outcome]) -> Iterator[Result]:
    done = iter(outcomes)
    for item in items:
        if isinstance(item, InputError):
            yield Result(path=item.path, article=None, error=item)
            continue
        events, error, details = next(done)
        failure = ExtractionFailedError(error, details) if error is not None else None
        yield Result(path=item.path, article=item, events=events, error=failure)


def extract_chunks(
    items: Iterable[Article | InputError], settings: Settings, workers: int
) -> Iterator[Result]:
    """Results in input order, computed by `workers` processes (this one when 1)."""
    if workers <= 1:
        engine = _engine(settings)
        for batch, articles in _chunks(items, settings.batch_size):
            yield from _results(batch, _safe_chunk(engine, articles, settings))
        return
    yield from _Pool(settings, workers).results(items)


WARM_UP = Article(
    text="Police detain protesters in Lagos\n\nLAGOS - Police arrested 40 protesters and killed "
    "two in Lagos on Tuesday, the Nigerian interior ministry said.\n",
    path="<warm-up>",
    published=date(2024, 5, 7),
)


def _warm_up(settings: Settings) -> None:
    """Load the engine and its lazy data here, before forking, so workers share one copy."""
    engine = _engine(settings)
    _safe_chunk(engine, [WARM_UP], settings)


class _Pool:
    """A process pool fed a bounded number of chunks at a time; rebuilt if a worker dies."""

    def __init__(self, settings: Settings, workers: int) -> None:
        self.settings = settings
        self.workers = workers
        methods = multiprocessing.get_all_start_methods()
        # fork: workers inherit the loaded model and start in milliseconds.
        self.context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        if self.context.get_start_method() == "fork":
            _warm_up(settings)
        self.executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        if self.executor is None:
            # While the pool runs, objects made so far are left alone by the collector, which
            # then never writes to their pages: they stay shared with the forked workers.
            gc.freeze()
            self.executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=self.context,
                initializer=_init_worker,
                initargs=(self.settings,),
            )
            self._quiet_feeder(self.executor)
        return self.executor

    def _quiet_feeder(self, executor: ProcessPoolExecutor) -> None:
        """Keep the task queue's feeder thread from printing a traceback when `_stop` closes
        the queue under a chunk it is still writing (Ctrl-C): that chunk is dropped anyway.

        The thread takes its error handler when it starts, at the first task, so it is set
        here, before any task (CPython's executor keeps the queue in `_call_queue`).
        """
        queue = getattr(executor, "_call_queue", None)
        if queue is None:
            return
        original = queue._on_queue_feeder_error

        def on_error(error: Exception, obj: object) -> None:
            if self.executor is not executor and isinstance(error, OSError):
                return  # this pool was stopped: its pipe is closed
            original(error, obj)

        queue._on_queue_feeder_error = on_error

    def _stop(self) -> None:
        """Stop the workers now: they are killed, not waited for (Ctrl-C must be quick)."""
        executor, self.executor = self.executor, None
        if executor is None:
            return
        gc.unfreeze()
        processes = list(getattr(executor, "_processes", {}).values())
        manager = getattr(executor, "_executor_manager_thread", None)
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=2)
        if manager is not None:
            # Let the executor's manager thread close its wake-up pipe before the executor
            # is collected: CPython 3.11 may otherwise write to it as it closes (gh-105829),
            # printing a traceback over the summary.
            manager.join(timeout=2)

    def _wait(self, future: Future[list[Outcome]]) -> list[Outcome]:
        while True:
            try:
                return future.result(timeout=_POLL)
            except WaitTimeout:
                continue

    def _isolate(self, articles: list[Article]) -> list[Outcome]:
        """Rerun a chunk that was in flight when a worker died, one article per task."""
        outcomes: list[Outcome] = []
        for article in articles:
            try:
                outcomes.extend(self._wait(self._start().submit(_work, [article])))
            except BrokenProcessPool:
                self._stop()
                outcomes.append(
                    (
                        [],
                        "the worker process died on this article (out of memory, or a crash "
                        "in the parser); rerun it alone with --workers 1 to see the cause",
                        None,
                    )
                )
        return outcomes

    def results(self, items: Iterable[Article | InputError]) -> Iterator[Result]:
        """Results in input order; at most 2 chunks per worker are read ahead."""
        pending: deque[tuple[list[Article | InputError], list[Article], Future[list[Outcome]]]]
        pending = deque()
        chunks = _chunks(items, self.settings.batch_size)
        try:
            for batch, articles in chunks:
                pending.append((batch, articles, self._start().submit(_work, articles)))
                while len(pending) >= 2 * self.workers:
                    yield from self._next(pending)
            while pending:
                yield from self._next(pending)
        finally:
            self._stop()

    def _next(
        self,
        pending: deque[tuple[list[Article | InputError], list[Article], Future[list[Outcome]]]],
    ) -> Iterator[Result]:
        batch, articles, future = pending.popleft()
        try:
            outcomes = self._wait(future)
        except BrokenProcessPool:
            # A worker died: this chunk is redone one by one, those behind it resubmitted.
            self._stop()
            outcomes = self._isolate(articles)
            for n, (b, a, _) in enumerate(list(pending)):
                pending[n] = (b, a, self._start().submit(_work, a))
        yield from _results(batch, outcomes)
