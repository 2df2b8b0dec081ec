"""Shared fixtures: one spaCy model for the whole session."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from newsevents.core.api import Result
from newsevents.core.article import Article
from newsevents.core.errors import InputError
from newsevents.core.model import load_model
from newsevents.core.record import Event

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default English pipeline, loaded once."""
    return load_model()


# -- command-line fixtures (tests/test_cli.py, tests/test_reader.py) ---------------------------


@pytest.fixture
def runner() -> CliRunner:
    """A Click/Typer runner; click >= 8.2 keeps `result.stdout` and `result.stderr` apart."""
    return CliRunner()


@pytest.fixture
def write_article(tmp_path: Path) -> Callable[..., Path]:
    """Write a small test article under tmp_path: `write_article("a.txt", "text", date=...)`.

    Keyword arguments become front matter lines; `data=b"..."` writes raw bytes instead.
    """

    def write(name: str, text: str = "", *, data: bytes | None = None, **front: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is not None:
            path.write_bytes(data)
            return path
        if front:
            lines = "".join(f"{key}: {value}\n" for key, value in front.items())
            text = f"---\n{lines}---\n{text}"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def _fake_extract_many(
    articles: Iterable[Article | InputError], **options: Any
) -> Iterator[Result]:
    """A stand-in engine: one PROTEST event per line containing "marched"."""
    min_confidence = options.get("min_confidence", 0.0)
    for item in articles:
        if isinstance(item, InputError):
            yield Result(path=item.path, article=None, error=item)
            continue
        events: list[Event] = []
        offset = 0
        for line in item.text.splitlines(keepends=True):
            start = line.find("marched")
            if start >= 0:
                n = len(events) + 1
                events.append(
                    Event(
                        article=item.path,
                        article_title=item.title,
                        published=item.published.isoformat() if item.published else None,
                        article_url=item.url,
                        article_id=item.article_id,
                        event_id=f"{item.path}#{n}",
                        event_type="PROTEST",
                        action_text="marched",
                        sentence=line.strip(),
                        char_start=offset + start,
                        char_end=offset + start + len("marched"),
                        confidence=0.9,
                    )
                )
            offset += len(line)
        kept = [e for e in events if e.confidence >= min_confidence]
        yield Result(path=item.path, article=item, events=kept)


@pytest.fixture
def fake_extract_many() -> Callable[..., Iterator[Result]]:
    """The stand-in engine itself, for tests that wrap it."""
    return _fake_extract_many


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replace the engine behind `extract_many` with a fast, exact stand-in."""
    import newsevents.core.api as api

    monkeypatch.setattr(api, "extract_many", _fake_extract_many)
