"""Why each event was coded so: the evidence behind the rows, for `newsevents show`.

`explain(article)` runs the same extractor as `extract` and returns, per event, the character
spans of its trigger, actors, place, date and casualty words, the lexicon entry that fired, the
dependency paths from the trigger to each actor, the rules that set modality and background,
the draft rules that decided its fields, and the gazetteer candidates considered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .actors import ActorDictionary
from .article import Article
from .events.draft import TracedDraft
from .events.merge import Draft
from .ontology import Trigger
from .pipeline.engine import Engine
from .record import Event
from .results import REAL
from .runner import chunks
from .syntax import phrase


@dataclass
class Explanation:
    """One event with its evidence; all offsets are characters of `article.text`."""

    event: Event
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    rule: str = ""
    paths: dict[str, str] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    # The draft rules that decided its fields: "target_is_actor_inside_its_phrase (target)".
    decided_by: list[str] = field(default_factory=list)


def dependency_path(start: Token, end: Token) -> str:
    """The arcs from `start` to `end`: "launched --dobj--> strikes --prep--> on --pobj--> camps".

    Up-going arcs are written "<--dep--", down-going ones "--dep-->".
    """
    up = [start, *start.ancestors]
    down = [end, *end.ancestors]
    common = next((t for t in up if t in down), None)
    if common is None:
        return f"{start.text} ... {end.text}"
    parts = [start.text]
    for tok in up[: up.index(common)]:
        parts.append(f"<--{tok.dep_}--")
        parts.append(tok.head.text)
    for tok in reversed(down[: down.index(common)]):
        parts.append(f"--{tok.dep_}-->")
        parts.append(tok.text)
    return " ".join(parts)


def _span_of(span: Span, offset: int) -> tuple[int, int]:
    return offset + span.start_char, offset + span.end_char


def _find(sentence_start: int, sentence: str, words: str | None) -> list[tuple[int, int]]:
    """Where `words` stand in the evidence sentence, as article offsets."""
    if not words:
        return []
    at = sentence.find(words)
    return [] if at < 0 else [(sentence_start + at, sentence_start + at + len(words))]


def _explanation(engine: Engine, draft: Draft, event: Event) -> Explanation:
    cand, offset = draft.cand, draft.offset
    spans: dict[str, list[tuple[int, int]]] = {
        "trigger": [_span_of(cand.token.doc[cand.token.i : cand.token.i + 1], offset)]
    }
    paths: dict[str, str] = {}
    for role, token in (("source", draft.source_token), ("target", draft.target_token)):
        if token is None:
            continue
        spans[role] = [_span_of(phrase(token), offset)]
        paths[role] = dependency_path(cand.carrier if role == "source" else cand.token, token)
    place = draft.place
    if place is not None and place.start_char is not None:
        spans["place"] = [(place.start_char + offset, place.start_char + offset + len(place.text))]
    if draft.when is not None:
        spans["date"] = _find(draft.sent_start, draft.sentence, draft.when.text)
    if draft.counts is not None:
        spans["casualties"] = _find(draft.sent_start, draft.sentence, draft.counts.text)
    places: list[str] = []
    if place is not None:
        how = "said in the sentence" if place.start_char is not None else "the article's place"
        places.append(
            f"{place.name}, {place.country or '?'} ({place.precision}) picked: {how}"
            + (f", {place.relative}" if place.relative else "")
        )
        for other in engine.geocoder.candidates(place.text)[:5]:
            if other.geonameid != place.geonameid:
                places.append(f"{other.name}, {other.country or '?'} ({other.precision})")
    rule = cand.rule
    if cand.carrier is not cand.token:
        rule += f"; carried by '{cand.carrier.text}' ({cand.role})"
    reasons = list(draft.report.reasons)
    if draft.attributed_to:
        reasons.append(f"attributed to {draft.attributed_to} (reported speech)")
    if draft.claimed_by:
        reasons.append(f"claimed by {draft.claimed_by}")
    return Explanation(
        event=event,
        spans={k: v for k, v in spans.items() if v},
        rule=rule,
        paths=paths,
        reasons=reasons,
        places=places,
        mentions=[
            (m.sent_start, m.sent_start + len(m.sentence))
            for m in sorted([draft, *draft.members], key=lambda m: m.position)
        ],
        decided_by=list(draft.decided_by) if isinstance(draft, TracedDraft) else [],
    )


def explain(
    article: Article,
    *,
    model: str | None = None,
    actors: ActorDictionary | None = None,
    verbs: Sequence[Trigger] = (),
    include_unreal: bool = False,
) -> list[Explanation]:
    """The events of one article, each with the evidence and rules behind it."""
    engine = Engine.get(model=model, actors=actors, verbs=verbs)
    docs = [(offset, engine.nlp(piece)) for offset, piece in chunks(article.text)]
    state, drafts = engine.article_drafts(article, docs, trace=True)
    found = []
    events = engine.dated([engine.to_event(draft, state) for draft in drafts], state)
    for draft, event in zip(drafts, events, strict=True):
        if include_unreal or event.modality in REAL:
            found.append(_explanation(engine, draft, event))
    return found
