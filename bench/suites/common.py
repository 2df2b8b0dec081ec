"""What every suite shares: figures and results, running the extractor, picking events."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsevents.core import ActorDictionary, Article, Event
    from newsevents.core.ontology import Trigger


class SuiteMissing(Exception):
    """A suite's files are not in the shared folder: the suite is skipped."""


@dataclass
class Figure:
    """One reported number: `value` is a rate (0-1) or a count; `n` what it was computed over."""

    key: str
    label: str
    value: float | int | None
    n: int | None = None
    rate: bool = True

    def shown(self) -> str:
        """The value as printed."""
        if self.value is None:
            return "-"
        if self.rate:
            return f"{100 * self.value:.1f}%"
        return str(self.value)


@dataclass
class SuiteResult:
    """The figures one suite produced."""

    name: str
    figures: list[Figure] = field(default_factory=list)
    records: int = 0
    errors: int = 0
    seconds: float = 0.0
    headline: str = ""
    reference: list[Figure] = field(default_factory=list)

    def add(self, key: str, label: str, value: float | int | None, n: int | None = None) -> None:
        """Add a rate figure."""
        self.figures.append(Figure(key, label, value, n))

    def count(self, key: str, label: str, value: int) -> None:
        """Add a count figure."""
        self.figures.append(Figure(key, label, value, None, rate=False))


def ratio(num: int, den: int) -> float | None:
    """num/den, None when there is nothing to divide."""
    return num / den if den else None


def f1_of(p: float | None, r: float | None) -> float | None:
    """Harmonic mean; None when either is unknown."""
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def spread(items: Sequence[Any], limit: int) -> list[Any]:
    """At most `limit` items picked evenly across `items` (all of them when limit <= 0)."""
    if limit <= 0 or len(items) <= limit:
        return list(items)
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


# --- running the extractor ---------------------------------------------------------------------


def run_extractor(
    articles: Sequence[Article],
    actors: ActorDictionary | None = None,
    verbs: Sequence[Trigger] = (),
    builtin_verbs: bool = True,
) -> tuple[list[list[Event]], int]:
    """Events of each article (in order) and how many articles failed; with `builtin_verbs`
    false, `verbs` replace the built-in trigger lexicon."""
    from newsevents.core import extract_many

    out: list[list[Event]] = []
    errors = 0
    # Future and hypothetical events count here: PETRARCH codes them, and the suite measures
    # who-did-what-to-whom, not what is news.
    for result in extract_many(
        articles,
        actors=actors,
        verbs=verbs,
        builtin_verbs=builtin_verbs,
        batch_size=32,
        include_unreal=bool(verbs),
    ):
        if result.error is not None:
            errors += 1
        out.append(list(result.events))
    return out, errors


def make_article(text: str, name: str, published: date | None) -> Article:
    """An in-memory article for the extractor."""
    from newsevents.core import Article

    return Article(text=text, path=name, published=published)


def news(events: Iterable[Event]) -> list[Event]:
    """The events that are not background, most confident first."""
    return sorted((e for e in events if not e.background), key=lambda e: -e.confidence)


def best_value(events: Sequence[Event], attr: str) -> Any:
    """The value of `attr` on the most confident event that has one (news events first)."""
    ordered = news(events) + sorted(
        (e for e in events if e.background), key=lambda e: -e.confidence
    )
    for event in ordered:
        value = getattr(event, attr)
        if value not in (None, ""):
            return value
    return None


def written_date(events: Sequence[Event]) -> str | None:
    """The date of the most confident event whose own words give one (news events first); a
    date the extractor inferred (from the lede, a retold event, the publication date) only when
    no event has a written one."""
    from newsevents.core.events.undated import INFERRED

    written = [e for e in events if e.date_precision not in INFERRED]
    return best_value(written, "event_date") or best_value(events, "event_date")


def pick_event(events: Sequence[Event], event_type: str | None = None) -> Event | None:
    """The most confident news event of `event_type` if any, else the most confident one."""
    ranked = news(events) or sorted(events, key=lambda e: -e.confidence)
    if event_type:
        typed = [e for e in ranked if e.event_type == event_type]
        if typed:
            return typed[0]
    return ranked[0] if ranked else None


def _pc(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def gold_and_events(
    gold_dir: Path, corpus: Path, dates: dict[str, date], limit: int
) -> tuple[list[Path], list[list[Event]], int]:
    """The gold files of `gold_dir` whose article is in `corpus`, and the events extracted from
    those articles (read with their publication dates); also how many articles failed.

    Raises:
        SuiteMissing: when no gold file has its article.
    """
    from newsevents.core.inputs import read_article

    pairs = [
        (g, corpus / f"{g.stem}.txt")
        for g in sorted(gold_dir.glob("*.json"))
        if (corpus / f"{g.stem}.txt").exists()
    ]
    pairs = spread(pairs, limit)
    if not pairs:
        raise SuiteMissing(f"no gold file in {gold_dir} has its article in {corpus}")
    articles = [read_article(article, dates.get(g.stem)) for g, article in pairs]
    events, errors = run_extractor(articles)
    return [g for g, _ in pairs], events, errors
