"""The extractor: parse articles with spaCy and turn their event mentions into Event rows.

`Engine` coordinates; the work is done by the modules it drives: factories.py adds the
pipeline's own components to the model; in core/events/, triggers.py finds event words,
coreference.py codes the actors (pronouns and short names resolved), draft.py reads each event
word into a draft by its ordered rules (roles.py, dates, geo and casualties.py fill who, when,
where and how many), merge.py folds mentions of one event into one row, rows.py makes the Event.
The runner (core/runner.py) cuts articles into batches and parses them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from .. import ontology
from ..actors import ACTOR_MEMO, ActorDictionary
from ..arrays import positions, string_ids
from ..article import Article
from ..dates import DATE_MEMO, published_from_dateline
from ..events.coreference import Coreference
from ..events.draft import Drafter
from ..events.merge import Draft, merge_drafts
from ..events.roles import CLAIM_VERBS, claim_of_responsibility, subject_of
from ..events.rows import to_event
from ..events.state import ArticleState
from ..events.triggers import Candidate, TriggerFinder
from ..events.undated import LEDE_SENTENCES, date_every_news_row
from ..geo import Geocoder
from ..model import load_model
from ..record import Event
from .factories import prepare


@cache
def _claim_verb_ids() -> frozenset[int]:
    """String ids of the lemmas of claim verbs, in any case."""
    return string_ids(CLAIM_VERBS, any_case=True)


class Engine:
    """A loaded pipeline plus the data it needs; one per process and model."""

    _instances: dict[tuple[str | None, int, tuple[ontology.Trigger, ...], bool], Engine] = {}

    def __init__(
        self,
        nlp: Language,
        actors: ActorDictionary,
        verbs: Sequence[ontology.Trigger] = (),
        builtin_verbs: bool = True,
    ) -> None:
        self.nlp = prepare(nlp)
        self.actors = actors
        self.finder = TriggerFinder(nlp.vocab, verbs, builtin=builtin_verbs)
        # The shared geocoder codes bodies ("the CGT") with the built-in dictionary; user
        # dictionaries (with or instead of it) get a geocoder that codes them with theirs.
        self.geocoder = Geocoder.default() if actors.is_default() else Geocoder(actors=actors)
        self.coref = Coreference(actors)
        self.drafter = Drafter(self.finder, self.geocoder, self.coref)

    @classmethod
    def get(
        cls,
        model: str | None = None,
        actors: ActorDictionary | None = None,
        verbs: Sequence[ontology.Trigger] = (),
        builtin_verbs: bool = True,
    ) -> Engine:
        """The engine for `model`, `actors` and user `verbs` (with the built-in trigger lexicon
        unless `builtin_verbs` is false), built once per process."""
        key = (model, id(actors), tuple(verbs), builtin_verbs)
        if key not in cls._instances:
            cls._instances[key] = cls(
                load_model(model),
                actors if actors is not None else ActorDictionary.default(),
                verbs,
                builtin_verbs,
            )
        return cls._instances[key]

    # -- one article ------------------------------------------------------------------------

    def article_events(self, article: Article, docs: list[tuple[int, Doc]]) -> list[Event]:
        """The events of one parsed article (its docs are chunks with their char offsets)."""
        state, merged = self.article_drafts(article, docs)
        return self.dated([self.to_event(d, state) for d in merged], state)

    @staticmethod
    def dated(events: list[Event], state: ArticleState) -> list[Event]:
        """The rows with a date for every news row (`date_every_news_row`)."""
        return date_every_news_row(events, state.published, state.lede_end)

    @staticmethod
    def _places_from_context(drafts: list[Draft]) -> None:
        """Give an event whose sentence names no place the place of the nearest earlier event
        that names one (a later one when none came before), among events of the same standing
        (news or background): "Six soldiers were wounded" happened where the lede's clash did,
        which is likelier than the reporter's dateline."""
        for draft in drafts:
            if draft.place is not None and draft.place.start_char is not None:
                continue
            told = [
                d
                for d in drafts
                if d.place is not None
                and d.place.start_char is not None
                and d.report.background == draft.report.background
            ]
            before = [d for d in told if d.position < draft.position]
            pool = before or told
            if pool:
                nearest = min(pool, key=lambda d: abs(d.position - draft.position))
                draft.place = nearest.place

    def article_drafts(
        self, article: Article, docs: list[tuple[int, Doc]], trace: bool = False
    ) -> tuple[ArticleState, list[Draft]]:
        """The merged drafts of one parsed article, with what was learnt of it on the way.

        Args:
            trace: make each draft name the rules that decided its fields (`--explain`).
        """
        text = article.text
        first_line = text.lstrip("\n").split("\n", 1)[0]
        state = ArticleState(
            article=article,
            published=article.published or published_from_dateline(text),
            headline_end=text.find(first_line) + len(first_line) if _is_headline(text) else 0,
            text_hash=hashlib.sha1(text.encode("utf-8")).hexdigest(),
        )
        state.lede_end = lede_end(docs, state.headline_end)
        drafts: list[Draft] = []
        for offset, doc in docs:
            if state.geo is None:
                state.geo = self.geocoder.article_context(doc)
            self.coref.remember_actors(doc, state)
            drafts.extend(self.doc_drafts(doc, offset, state, trace))
        for _offset, doc in docs:
            # The date memo holds spans of the Doc inside the Doc: a reference cycle that would
            # keep every parsed article alive until the garbage collector's rare full pass.
            doc.user_data.pop(DATE_MEMO, None)
            doc.user_data.pop(ACTOR_MEMO, None)
        merged = merge_drafts(drafts)
        self._places_from_context(merged)
        return state, merged

    def doc_drafts(
        self, doc: Doc, offset: int, state: ArticleState, trace: bool = False
    ) -> list[Draft]:
        """Event drafts of one parsed piece of an article."""
        found = self.finder.find(doc)
        events = {cand.token.i for cand in found}
        state.event_types = {cand.token.i: cand.event_type for cand in found}
        claims: dict[int, Token] = {}
        claim_verbs: set[int] = set()
        for i in positions(doc, ["LEMMA"], _claim_verb_ids()):
            token = doc[i]
            claimed = claim_of_responsibility(token, events)
            if claimed is not None:
                claim_verbs.add(token.i)
                subj = subject_of(token)
                if subj is not None:
                    claims[claimed.i] = subj
        drafts = []
        for cand in found:
            if cand.token.i in claim_verbs:
                continue
            draft = self.draft(cand, offset, state, events, trace)
            if draft is None:
                continue
            claimer = claims.get(cand.token.i)
            if claimer is not None:
                c_text, c_code = self.coref.actor(claimer, None, state)
                draft.claimed_by = c_code.name if c_code else c_text
                draft.loose = True
            drafts.append(draft)
        return drafts

    def draft(
        self,
        cand: Candidate,
        offset: int,
        state: ArticleState,
        events: set[int],
        trace: bool = False,
    ) -> Draft | None:
        """Read the roles and circumstances of one candidate into a draft event (`Drafter`)."""
        return self.drafter.draft(cand, offset, state, events, trace)

    def to_event(self, draft: Draft, state: ArticleState) -> Event:
        """The output row of a merged draft."""
        return to_event(draft, state, self.geocoder)


def lede_end(docs: list[tuple[int, Doc]], headline_end: int) -> int:
    """Where the lede ends: the end of the body's LEDE_SENTENCES-th sentence (char offset)."""
    seen = 0
    for offset, doc in docs:
        for sent in doc.sents:
            if offset + sent.start_char < headline_end or not sent.text.strip():
                continue
            seen += 1
            if seen == LEDE_SENTENCES:
                return offset + sent.end_char
    return docs[-1][0] + len(docs[-1][1].text) if docs else 0  # a short article is all lede


def _is_headline(text: str) -> bool:
    """Whether the first line of `text` is a headline: not when it is the whole text and ends
    a sentence ("On 3 May, police detained ... ."), a paragraph of prose with no title."""
    lines = [line for line in text.strip().split("\n") if line.strip()]
    return len(lines) > 1 or not lines or not lines[0].rstrip().endswith((".", "!", "?"))
