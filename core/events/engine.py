"""The extractor: parse articles with spaCy and turn their event mentions into Event rows.

The steps, each in its own module: triggers.py finds event words, roles.py reads who did what
to whom and how it is reported, actors.py codes the actors, geo.py, dates.py and casualties.py
fill where, when and how many, merge.py folds mentions of one event into one row.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import ontology
from ..actors import ACTOR_MEMO, ActorCode, ActorDictionary
from ..api import BATCH_SIZE, Result
from ..arrays import positions, string_ids
from ..article import Article
from ..dates import DATE_MEMO, event_date, lead_date, published_from_dateline
from ..errors import InputError, NewsEventsError
from ..geo import DASHES, SITE_NOUNS, Geocoder, GeoContext
from ..lang.en import cues
from ..model import load_model
from ..pipeline.pipes import remembering
from ..pipeline.repair import REPAIR
from ..record import Event
from ..syntax import (
    conjuncts,
    counted_by,
    is_gerund_subject,
    is_passive,
    misread_subject,
    passive_patient,
    phrase,
    prep_object,
    stranded_subject,
)
from .casualties import Casualties, casualties, parse_number
from .merge import NEEDS_TARGET, Draft, merge_drafts
from .roles import (
    CLAIM_VERBS,
    PERSONAL_PRONOUNS,
    TARGET_PREPS,
    Report,
    claim_of_responsibility,
    noun_source,
    noun_target,
    object_of,
    prep_objects,
    recipients,
    report_of,
    subject_of,
)
from .triggers import PATTERN_MARK, Candidate, TriggerFinder, marked_roles, particle_children

PARAGRAPHS = "newsevents_paragraphs"
# Chunks of an article longer than the parser's max_length stay well under it.
CHUNK_CHARS = 100_000
# Modalities of events reported as happening; the others are kept only on request.
REAL = {"asserted", "claimed"}
# Types where two coordinated doers with no one else named act on each other.
MUTUAL = {"CONSULT", "COOPERATE", "AGREE", "SUPPORT", "AID", "CONCEDE"}
SENTENCE_ENDS = (".", "!", "?", '"', "'", "\u201d", "\u2019", ":", ";", ")")
# Sectors of the state and its peers, whose gatherings are meetings.
OFFICIAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "IGO"}
# Prepositions that lead from a thing to the actors it concerns: "ties with", "talks between".
# "ties with Iran", "an attack by Osgiliath soldiers": a target noun that names no actor
# hands over to the actor of these phrases (see Engine._actor_inside).
INNER_PREPS = {"with", "between", "to", "of", "among", "against", "from", "about", "by"}
TOLL_VERBS = {"kill", "wound", "injure", "hurt", "die", "maim"}
# Types whose mention with a date of its own is news that it happened, doer named or not.
DATED_NEWS = {"PROTEST", "ASSAULT", "COERCE"}
# Types whose object is what was hit, even a thing ("attacked a convoy on the road").
THING_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}
REFERRING_PREPS = {"after", "following", "before", "since", "despite", "over"}
# A protest "against", "over" or "about" an event names its cause (`Engine.draft`).
TOPIC_PREPS = {"against", "over", "about"}
# A cause noun's object ("in support of X", "support for X", "solidarity with X").
CAUSE_PREPS = {"of", "for", "with", "to"}
PROTEST_TYPES = {"PROTEST", "ACCUSE", "REQUEST", "THREATEN"}
ANAPHORIC_DETERMINERS = {"the", "this", "these", "that", "those", "such"}


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at every line and after a dateline ("BEIRUT (Reuters) - ").

    A headline or caption has no full stop, and a dateline is no part of the sentence after it.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
    line_starts = [0] + [t.i for t in doc[1:] if t.is_sent_start]
    for start in line_starts:
        dash = _dateline_end(doc, start)
        if dash is not None and dash + 1 < len(doc):
            doc[dash + 1].is_sent_start = True
    return doc


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the dash that closes a dateline opening the line at `start`, if there is one.

    "BEIRUT (Reuters) -", "KINSHASA/NEW YORK -", "Tehran, Iran –": capitalised place words,
    commas, slashes and an agency in parentheses, then a dash, within the first dozen tokens.
    """
    in_parens = False
    capitals = 0
    for token in doc[start : start + 12]:
        if token.text in DASHES:
            # A dash standing free ("CAIRO - "), not one inside a name ("Al-Qaeda").
            free = token.i > start and doc[token.i - 1].whitespace_ and token.whitespace_
            return token.i if capitals and free else None
        if token.text == "(":
            in_parens = True
        elif token.text == ")":
            in_parens = False
        elif token.is_alpha and len(token.text) >= 2 and (token.is_upper or token.is_title):
            if token.tag_ not in ("NNP", "NNPS") and not token.is_upper:  # (tags: POS comes later)
                return None  # "The ministry said - ..." is a sentence, not a dateline
            capitals += 1
        elif not (in_parens or token.is_punct or token.is_digit or token.is_space):
            return None
    return None


def _with_paragraphs(nlp: Language) -> Language:
    if PARAGRAPHS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


def _with_repairs(nlp: Language) -> Language:
    """The pipeline with `repair.REPAIR` last: it needs the parse, tags and lemmas."""
    if REPAIR not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(REPAIR, last=True)
    return nlp


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


@dataclass
class ArticleState:
    """What the extractor knows of an article while it reads it."""

    article: Article
    published: date | None
    headline_end: int
    text_hash: str
    subjects: list[Token] = field(default_factory=list)
    # Codes of subjects, by (id of their Doc, token index).
    coded: dict[tuple[int, int], ActorCode | None] = field(default_factory=dict)
    aliases: dict[str, ActorCode] = field(default_factory=dict)
    # `Engine._actor` answers by (Doc id, token, speaker, keep_conj, resolve): events of a
    # sentence share their actors, and everything they depend on is known before drafting.
    actors: dict[tuple[int, int, int, bool, bool], tuple[str | None, ActorCode | None]] = field(
        default_factory=dict
    )
    geo: GeoContext | None = None
    # Event type of each event word of the piece being read (token index -> type).
    event_types: dict[int, str] = field(default_factory=dict)


@cache
def _subject_dep_ids() -> frozenset[int]:
    """String ids of the dependency labels of subjects and appositions."""
    return string_ids(("nsubj", "nsubjpass", "appos"))


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
        self.nlp = remembering(_with_repairs(_with_paragraphs(nlp)))
        self.actors = actors
        self.finder = TriggerFinder(nlp.vocab, verbs, builtin=builtin_verbs)
        self.geocoder = Geocoder.default()

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

    # -- streaming ---------------------------------------------------------------------------

    def run(
        self,
        items: Iterable[Article | InputError],
        *,
        min_confidence: float = 0.0,
        include_unreal: bool = False,
        batch_size: int = BATCH_SIZE,
    ) -> Iterator[Result]:
        """Results in input order; articles are parsed in batches with `nlp.pipe`."""
        batch: list[Article | InputError] = []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch, min_confidence, include_unreal, batch_size)
                batch = []
        if batch:
            yield from self._run_batch(batch, min_confidence, include_unreal, batch_size)

    def _run_batch(
        self,
        batch: list[Article | InputError],
        min_confidence: float,
        include_unreal: bool,
        batch_size: int,
    ) -> Iterator[Result]:
        pieces: list[tuple[str, tuple[int, int]]] = []
        for n, item in enumerate(batch):
            if isinstance(item, Article):
                for offset, piece in chunks(item.text):
                    pieces.append((piece, (n, offset)))
        docs: dict[int, list[tuple[int, Doc]]] = {}
        for doc, (n, offset) in self.nlp.pipe(pieces, as_tuples=True, batch_size=batch_size):
            docs.setdefault(n, []).append((offset, doc))
        for n, item in enumerate(batch):
            if isinstance(item, InputError):
                yield Result(path=item.path, article=None, error=item)
                continue
            try:
                events = self.article_events(item, docs.get(n, []))
            except NewsEventsError as err:
                yield Result(path=item.path, article=item, error=err)
                continue
            kept = [
                e
                for e in events
                if e.confidence >= min_confidence and (include_unreal or e.modality in REAL)
            ]
            yield Result(path=item.path, article=item, events=kept)

    # -- one article ------------------------------------------------------------------------

    def article_events(self, article: Article, docs: list[tuple[int, Doc]]) -> list[Event]:
        """The events of one parsed article (its docs are chunks with their char offsets)."""
        state, merged = self.article_drafts(article, docs)
        return [self.to_event(d, state) for d in merged]

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
        self, article: Article, docs: list[tuple[int, Doc]]
    ) -> tuple[ArticleState, list[Draft]]:
        """The merged drafts of one parsed article, with what was learnt of it on the way."""
        text = article.text
        first_line = text.lstrip("\n").split("\n", 1)[0]
        state = ArticleState(
            article=article,
            published=article.published or published_from_dateline(text),
            headline_end=text.find(first_line) + len(first_line) if _is_headline(text) else 0,
            text_hash=hashlib.sha1(text.encode("utf-8")).hexdigest(),
        )
        drafts: list[Draft] = []
        for offset, doc in docs:
            if state.geo is None:
                state.geo = self.geocoder.article_context(doc)
            self._remember_actors(doc, state)
            drafts.extend(self.doc_drafts(doc, offset, state))
        for _offset, doc in docs:
            # The date memo holds spans of the Doc inside the Doc: a reference cycle that would
            # keep every parsed article alive until the garbage collector's rare full pass.
            doc.user_data.pop(DATE_MEMO, None)
            doc.user_data.pop(ACTOR_MEMO, None)
        merged = merge_drafts(drafts)
        self._places_from_context(merged)
        return state, merged

    def _remember_actors(self, doc: Doc, state: ArticleState) -> None:
        """Note the article's subjects in order, and acronyms it defines: "... Accord (GNA)".

        Subjects are coded only when a pronoun or short name asks for them (`_earlier`).
        """
        for i in positions(doc, ["DEP"], _subject_dep_ids()):
            token = doc[i]
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("PROPN", "NOUN"):
                state.subjects.append(token)
            if token.dep_ == "appos" and token.is_upper and len(token.text) >= 2:
                prev = doc[token.i - 1] if token.i > 0 else None
                if prev is not None and prev.text == "(":
                    head = token.head
                    while head.dep_ in ("pobj", "prep", "compound") and head.head is not head:
                        if head.dep_ == "pobj" and head.head.lower_ == "of":
                            head = head.head.head
                        else:
                            break
                    code = self.actors.code_span(phrase(head, keep_conj=False))
                    if code is not None:
                        state.aliases[token.text] = ActorCode(
                            name=code.name,
                            country=code.country,
                            sector=code.sector,
                            text=token.text,
                        )

    def doc_drafts(self, doc: Doc, offset: int, state: ArticleState) -> list[Draft]:
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
            draft = self.draft(cand, offset, state, events)
            if draft is None:
                continue
            claimer = claims.get(cand.token.i)
            if claimer is not None:
                c_text, c_code = self._actor(claimer, None, state)
                draft.claimed_by = c_code.name if c_code else c_text
                draft.loose = True
            drafts.append(draft)
        return drafts

    def _actor(
        self,
        token: Token | None,
        speaker: Token | None,
        state: ArticleState,
        keep_conj: bool = True,
        resolve: bool = True,
    ) -> tuple[str | None, ActorCode | None]:
        """Verbatim text and code of the actor at `token`; pronouns and short names resolved
        (unless `resolve` is false: then a pronoun codes as None).

        Coordinated actors ("Egypt and the UAE") are coded each and joined with ";", unless
        `keep_conj` is false.
        """
        if token is None:
            return None, None
        key = (id(token.doc), token.i, -1 if speaker is None else speaker.i, keep_conj, resolve)
        if key not in state.actors:
            state.actors[key] = self._read_actor(token, speaker, state, keep_conj, resolve)
        return state.actors[key]

    def _read_actor(
        self,
        token: Token,
        speaker: Token | None,
        state: ArticleState,
        keep_conj: bool,
        resolve: bool,
    ) -> tuple[str | None, ActorCode | None]:
        """`_actor`, not remembered."""
        if token.ent_type_ in ("DATE", "TIME") and not self.actors.names_actor(
            phrase(token, keep_conj=False), token
        ):
            # "rallies in March, which gathered ...": a time is no actor; but the tagger also
            # takes "Fridays for Future activists" for one.
            return None, None
        if token.lower_ in ("who", "whom", "whose", "which"):
            # "Savchenko, whose release was demanded": the noun the relative clause is about.
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            if clause is None or clause.head.lower_ in ("who", "whom", "whose", "which"):
                return None, None
            return self._actor(clause.head, speaker, state, keep_conj, resolve)
        # "US" is a country, "us" a pronoun.
        us = token.text == "US"
        if not us and (token.lower_ in PERSONAL_PRONOUNS or token.pos_ == "PRON"):
            if token.lower_ not in PERSONAL_PRONOUNS:
                return None, None  # "what", "something", "all": no actor
            if not resolve:
                return token.text, None
            return token.text, self._resolve_pronoun(token, speaker, state)
        texts: list[str] = []
        codes: list[ActorCode] = []
        for tok in conjuncts(token) if keep_conj else [token]:
            span = phrase(tok, keep_conj=False)
            code = state.aliases.get(tok.text) or self.actors.code_span(span)
            if code is not None and not code.country:
                # "lawmakers in Arnor", "police in Lagos": the place names whose they are.
                placed = self.actors.code_span(phrase(tok, keep_conj=False, keep_places=True))
                if placed is not None and placed.country:
                    code = ActorCode(
                        name=placed.name,
                        country=placed.country,
                        sector=code.sector or placed.sector,
                        text=code.text,
                    )
            if (
                code is not None
                and not code.country
                and tok is not token
                and codes
                and codes[0].country
                and not any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in tok.lefts)
                and any(
                    c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
                    for c in token.lefts
                )
            ):
                # "Danish media and government": a bare noun shares the first one's "Danish".
                code = ActorCode(code.name, codes[0].country, code.sector, code.text)
            if resolve:
                code = self._resolve_short_name(tok, code, state)
            code = self.actors.on_date(code, state.published)  # date-restricted codes
            texts.append(span.text)
            if code is not None:
                codes.append(code)
                codes += self._shared_head(tok, code)
        text = phrase(token, keep_conj=keep_conj).text
        if not codes:
            return text, None
        if len(codes) == 1:
            return text, codes[0]
        return text, ActorCode(
            name="; ".join(dict.fromkeys(c.name for c in codes)),
            country=";".join(dict.fromkeys(c.country for c in codes if c.country)) or None,
            sector=";".join(dict.fromkeys(c.sector for c in codes if c.sector)) or None,
            text=text,
        )

    def _shared_head(self, token: Token, code: ActorCode) -> list[ActorCode]:
        """The other actors of "the ambassadors of Peru, Chile and Bolivia", "lawmakers in
        Peru and Chile": one head noun shared by coordinated countries, one code each."""
        if token.pos_ != "NOUN" or not code.country or not code.sector:
            return []
        found: list[ActorCode] = []
        head = " ".join(
            t.text if t.pos_ == "PROPN" else t.lower_
            for t in [*(c for c in token.lefts if c.dep_ in ("amod", "compound")), token]
        )
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "in", "from"):
                continue
            place = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if place is None:
                continue
            for other in [c for c in place.conjuncts if c.i > place.i]:
                own = self.actors.code_span(phrase(other, keep_conj=False))
                if own is not None and own.country and own.country != code.country:
                    found.append(
                        ActorCode(f"{own.name} {head}", own.country, code.sector, own.text)
                    )
        return found

    def _is_no_actor(self, token: Token) -> bool:
        """Whether the phrase at `token` names no actor ("their meeting", "diplomatic ties")."""
        if token.pos_ == "PRON":
            return False
        code = self.actors.code_span(phrase(token, keep_conj=False))
        return code is None or not (code.country or code.sector)

    def _about_each_other(self, target: Token, event_type: str) -> bool:
        """Whether a target names no one else: "their meeting", or "ties" in a cooperation."""
        if not self._is_no_actor(target):
            return False
        if any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in target.children):
            return True
        return event_type in MUTUAL

    def _actor_inside(self, token: Token) -> Token:
        """The actor a target phrase is about: "ties with Iran and Iraq" -> Iran (and Iraq).

        A head that names no actor hands over to the object of its "with", "between", "to",
        "of", "by" (INNER_PREPS), when that one does.
        """
        if token.pos_ not in ("NOUN",):
            return token
        # Only the head and its own modifiers: "ties with Iran" itself names no one.
        left = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("compound", "amod", "poss")])
        own = self.actors.code_span(token.doc[left : token.i + 1])
        if own is not None and (own.country or own.sector):
            return token
        # "memos sent by Bree", "aid sent from Russia": the phrases of a participle count too.
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in INNER_PREPS] + [
            p
            for c in token.children
            if c.dep_ == "acl" and c.tag_ == "VBN"
            for p in c.children
            if p.dep_ in ("agent", "prep") and p.lower_ in ("by", "from")
        ]
        for prep in preps:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                inner = self._actor_inside(obj)
                if not self._is_no_actor(inner):
                    return inner
        return token

    def _earlier(self, token: Token, state: ArticleState) -> Iterator[tuple[ActorCode, Token]]:
        """The article's coded subjects before `token`, latest first."""
        for subject in reversed(state.subjects):
            if subject.idx >= token.idx or subject.i == token.i or subject.doc is not token.doc:
                continue
            key = (id(subject.doc), subject.i)
            if key not in state.coded:
                code = self.actors.code_span(phrase(subject, keep_conj=False))
                state.coded[key] = (
                    code if code is not None and (code.country or code.sector) else None
                )
            found = state.coded[key]
            if found is not None:
                yield found, subject

    def _resolve_pronoun(
        self, token: Token, speaker: Token | None, state: ArticleState
    ) -> ActorCode | None:
        """The actor a pronoun stands for: the speaker of its clause ("X said it ..."), else the
        latest earlier subject that fits it (a person for "he", a group or state for "it"),
        main-clause subjects first."""
        # "X has claimed it killed 200 soldiers, according to Y": the one who says or claims
        # is the nearest verb of saying's subject, before a source named by "according to".
        teller = _teller(token)
        if teller is not None:
            return self._actor(teller, None, state)[1]
        if speaker is not None and speaker.i != token.i and speaker.pos_ != "PRON":
            return self._actor(speaker, None, state)[1]
        # "... committed by the paramilitary after it overran the city": an actor earlier in
        # the same sentence comes first.
        for tok in reversed(token.doc[token.sent.start : token.i]):
            if tok.dep_ not in ("nsubj", "nsubjpass", "pobj", "dobj", "appos"):
                continue
            if tok.pos_ not in ("NOUN", "PROPN") or not _pronoun_fits(token.lower_, tok):
                continue
            code = self.actors.code_span(phrase(tok, keep_conj=False))
            if code is not None and (code.country or code.sector):
                return code
        first: ActorCode | None = None
        for code, tok in self._earlier(token, state):
            if not _pronoun_fits(token.lower_, tok):
                continue
            if tok.head.dep_ == "ROOT" or tok.head.head is tok.head:
                return code  # main-clause subjects first
            first = first or code
        return first

    def _resolve_short_name(
        self, token: Token, code: ActorCode | None, state: ArticleState
    ) -> ActorCode | None:
        """ "the group", "the ministry": the article's latest actor of that kind."""
        det = next((c for c in token.children if c.dep_ == "det"), None)
        if det is None or det.lower_ != "the" or token.pos_ != "NOUN":
            return code
        if code is not None and code.country:
            return code
        count = next((c for c in token.children if c.dep_ == "nummod"), None)
        if count is not None:
            # "the two ministers": the latest subject that named that many, "the ministers
            # of Indonesia and South Africa"; never the latest single one of them.
            return self._counted_group(token, parse_number(count.text), code, state)
        if any(c.dep_ in ("compound", "amod", "poss") for c in token.children):
            return code
        if code is None or code.sector is None:
            return code  # "the raids" is no actor to resolve
        sector = code.sector
        if token.tag_ == "NNS":
            # "the ministers" after "the ministers of X and Y": the two, not the latest one.
            group = self._counted_group(token, None, code, state)
            if group is not code:
                return group
        for earlier, _tok in self._earlier(token, state):
            if earlier.sector == sector and earlier.country:
                return ActorCode(
                    name=earlier.name,
                    country=earlier.country,
                    sector=earlier.sector or sector,
                    text=token.text,
                )
        return code

    def _counted_group(
        self, token: Token, number: int | None, code: ActorCode | None, state: ArticleState
    ) -> ActorCode | None:
        """The latest earlier subject naming `number` actors (None: two or more), if any;
        else `code`."""
        if number is not None and number < 2:
            return code
        earlier = [s for s in state.subjects if s.doc is token.doc and s.i < token.i]
        for subject in earlier[::-1][:12]:
            _text, joint = self._actor(subject, None, state, resolve=False)
            if joint is None or not joint.country:
                continue
            named = joint.country.count(";") + 1
            if named < 2 or (number is not None and named != number):
                continue
            if code is not None and code.sector and joint.sector:
                if code.sector not in joint.sector.split(";"):
                    continue
            return ActorCode(
                name=joint.name,
                country=joint.country,
                sector=joint.sector or (code.sector if code else None),
                text=token.text,
            )
        return code

    def draft(
        self, cand: Candidate, offset: int, state: ArticleState, events: set[int]
    ) -> Draft | None:
        """Read the roles and circumstances of one candidate into a draft event.

        Args:
            events: indexes of all event words of the piece, to tell nested mentions.
        """
        token, carrier = cand.token, cand.carrier
        report: Report = report_of(cand, state.headline_end - offset)
        # "fighting took place between X and Y": a gerund subject is read as the noun it is.
        gerund = is_gerund_subject(token)
        if token.pos_ == "VERB" and not gerund:
            src = subject_of(token)
            stranded = stranded_subject(token)
            if (src is None or src.ent_type_ in ("DATE", "TIME")) and not is_passive(token):
                src = stranded or src
            tgt = object_of(token, cand.event_type, cand.particle)
            if tgt is not None and misread_subject(tgt):
                tgt = passive_patient(token)
            if tgt is None and is_passive(token):
                tgt = stranded  # "in Tlaxco, Tlaxcala, an officer was shot": the victim
            if src is not None and _counted(src) and tgt is None and token.lemma_ in TOLL_VERBS:
                src, tgt = None, src  # headline "Four killed in Baghdad riots": the victims
            # A user verb pattern may say where the source and target stand ("+ * (FROM $)").
            marked = marked_roles(token, cand.particle)
            src, tgt = marked.get("source", src), marked.get("target", tgt)
        else:
            src = subject_of(carrier) if cand.role in ("light", "join") else None
            if src is None and cand.role in ("light", "join"):
                src = stranded_subject(carrier)
            if src is not None and carrier.lemma_ in TOLL_VERBS and _counted(src):
                src = None  # "Four killed in Baghdad riots": the four are victims, not rioters
            src = src or noun_source(token, cand.event_type)
            tgt = noun_target(token, cand.event_type, cand.particle)
            if tgt is None and cand.role == "subject":
                tgt = object_of(carrier, cand.event_type, None)
            elif tgt is None and carrier is not token:
                tgt = prep_object(carrier, TARGET_PREPS - {"to"})
        if src is None and tgt is None and (token.pos_ == "NOUN" or gerund):
            # "fighting broke out between the army and rebels": one side acts on the other.
            between = prep_object(token, {"between"})
            if between is None and token.dep_ == "nsubj":
                between = prep_object(token.head, {"between"})
            for verb in (c for c in token.children if c.dep_ == "acl" and between is None):
                between = prep_object(verb, {"between"})  # "a clash occurred between X and Y"
            if between is not None:
                src = between
        if tgt is None and token.pos_ == "VERB" and cand.event_type in CLAUSE_TARGETS:
            # "threatened to cut power to Armenia", "demanded that Korea give up X": the one
            # threatened or asked is named in the clause that says what.
            tgt = _clause_target(token, cand.event_type)
        if tgt is not None and tgt.i in events and tgt.i != token.i:
            # "condemned an attack by Osgiliath soldiers": the one condemned is the attacker.
            doer = noun_source(tgt) if tgt.pos_ == "NOUN" else None
            if (
                doer is not None
                and doer.pos_ != "PRON"  # "postponed their meeting" is about the doers
                and cand.event_type not in ("ASSAULT", "COERCE")
            ):
                tgt = doer
        if src is not None and src.pos_ == "NOUN" and src.i in events and src.i != token.i:
            # "another assault targeting a post": an event is no doer; its own doer is.
            src = noun_source(src)
        if tgt is not None and src is not None and tgt.i == src.i:
            tgt = None
        if src is not None and src.lemma_.lower() in cues("running") and token.lemma_ in TOLL_VERBS:
            report.background = True  # "Israel's war has killed 53,000": a running total
            report.reasons = (*report.reasons, f"running toll of '{src.text}'")
        if tgt is not None and tgt.i == token.i:
            tgt = None
        if (
            token.pos_ == "NOUN"
            and token.dep_ in ("pobj", "dobj")
            and _cause_of(token, self.finder)
        ):
            # "gathered to protest against the invasion of Ukraine", "rallied in support of the
            # invasion": what a gathering is about is its cause, told before; it is no news of
            # this report, nor the gathering's place.
            report.background = True
            report.reasons = (*report.reasons, f"what '{token.head.head.text}' is about")
        elif token.pos_ == "NOUN" and _since_phrase(token):
            # "died since the beginning of the invasion": where a span starts is history
            report.background = True
            report.reasons = (*report.reasons, "start of a span ('since')")
        self._refine_by_context(cand, src)
        if (
            tgt is not None
            and tgt.dep_ == "compound"
            and tgt.head is token
            and self._is_no_actor(tgt)
        ):
            tgt = None  # "mass killings", "border attack": a kind of event, not whom it hit
        tgt = self._actor_inside(tgt) if tgt is not None else None
        if tgt is not None and src is not None and tgt.i == src.i:
            tgt = None  # "towns ..., killed by gunmen": the participle's own doer is no target
        if (
            tgt is not None
            and token.pos_ == "VERB"
            and tgt.dep_ == "dobj"
            and cand.event_type not in THING_TYPES
            and self._is_no_actor(tgt)
        ):
            # "contributed a million dollars to Australia", "signed a protocol with Dagolath":
            # the thing names no one, the one it goes to does.
            for other in recipients(token):
                inner = self._actor_inside(other)
                if other.i != (src.i if src is not None else -1) and not self._is_no_actor(inner):
                    tgt = inner
                    break
        if (
            tgt is not None
            and cand.event_type == "PROTEST"
            and token.pos_ == "VERB"
            and tgt.dep_ == "dobj"
            and tgt.lemma_.lower() not in SITE_NOUNS
            and self._is_no_actor(tgt)
        ):
            # "held a press conference with banners", "held placards": what the protesters
            # held is no one they protest against; the object of "against" may be.
            against = prep_object(token, {"against"})
            tgt = against if against is not None and not self._is_no_actor(against) else None
        if tgt is None and token.pos_ == "VERB" and cand.event_type in NEEDS_TARGET:
            # "acted with Libya", "departed from Libya", "appealed for peace in Ithilen": with
            # no object, the first actor named in the verb's phrases is the other side (such
            # an event is dropped without one).
            for other in prep_objects(token):
                if (src is None or other.i != src.i) and not self._is_no_actor(other):
                    code = self.actors.code_span(phrase(other, keep_conj=False))
                    if code is not None and code.country:
                        tgt = other
                        break
        src_conj = True
        if (
            src is not None
            # "workers and students protested": protesters side with each other
            and cand.event_type != "PROTEST"
            and (tgt is None or self._about_each_other(tgt, cand.event_type))
        ):
            # "Egypt and Jordan agreed", "police and protesters clashed", "X and Y renewed
            # ties", "X and Y postponed their meeting": each side acts on the other.
            later = [c for c in src.conjuncts if c.i > src.i]
            if later:
                tgt, src_conj = later[0], False
        src_text, src_code = self._actor(src, report.speaker, state, keep_conj=src_conj)
        tgt_text, tgt_code = self._actor(tgt, report.speaker, state)
        if cand.particle is None:
            # "teachers went on strike", "held a two-hour strike": what a bare event noun means
            # by the verb that carries it and by who does it (data/modifiers.csv)
            if carrier is not token:
                self.finder.refine(cand, "carrier", carrier.lemma_.lower())
            if src_code is not None and src_code.sector:
                self.finder.refine(cand, "sector", src_code.sector)
        if (
            token.idx + offset < state.headline_end
            and token.tag_ in ("VBN", "VBD")
            and tgt is None
            and cand.event_type in ("ASSAULT", "COERCE")
            and (src_code is None or src_code.sector in (None, "CVL", "MED", "EDU", "REL"))
        ):
            # Headlines drop "was": "Bus attacked", "Journalists detained" name the victims.
            src_text, src_code, tgt_text, tgt_code = None, None, src_text, src_code
        if (
            cand.event_type == "PROTEST"
            and cand.lemma in cues("assembly")
            and src_code is not None
            and src_code.sector in OFFICIAL_SECTORS
            and not self._says_protest(token)
        ):
            return None  # "senior diplomats gathered in Istanbul": a meeting, not a protest
        speaker_text = None
        if report.speaker is not None:
            s_text, s_code = self._actor(report.speaker, None, state)
            speaker_text = s_code.name if s_code else s_text
        # "the raids", "after an attack on X", "condemned an attack": a noun that points at an
        # event told elsewhere in the article.
        anaphoric = (
            token.pos_ == "NOUN"
            and src is None
            and (
                any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in token.children)
                or (token.dep_ == "pobj" and token.head.lower_ in REFERRING_PREPS)
                or (token.dep_ == "dobj" and token.head.i in events)
            )
        )
        # "Fighting broke out", "there were two clashes": a report that an event happened,
        # news even when it names no one.
        counted = counted_by(token)  # "a total of 14 explosions" -> "total"
        occurred = (token.pos_ == "NOUN" or gerund) and (
            (token.dep_ in ("nsubj", "csubj") and token.head.lemma_.lower() in cues("occur"))
            # "a clash occurred between X and Y" parsed as a noun with a participle
            or any(c.dep_ == "acl" and c.lemma_.lower() in cues("occur") for c in token.children)
            or (token.dep_ == "attr" and any(c.dep_ == "expl" for c in token.head.children))
            # "monitors observed 14 explosions", "a shooting was reported": seen to happen
            or (
                counted.dep_ in ("dobj", "nsubjpass")
                and counted.head.lemma_.lower() in cues("witness")
            )
            # "(applicants) staged a demonstration": a light verb says its event took place,
            # even where the parse loses who did it
            or (cand.role == "light" and token.dep_ == "dobj" and cand.carrier.tag_ == "VBD")
        )
        # "criticised the Egyptian raids": an event named as what another event is about.
        pointer = token.pos_ == "NOUN" and (
            (token.dep_ == "dobj" and token.head.i in events)
            # "its fighters carried out the attack": a definite event noun was told before
            or any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
        )
        # "Four people were wounded": a toll without a doer belongs to the attack told elsewhere.
        toll = (
            token.pos_ == "VERB"
            and src is None
            and cand.event_type == "ASSAULT"
            and token.lemma_.lower() in TOLL_VERBS
        )
        # "X killed 40 soldiers in an attack on a base": the attack is the frame of the
        # killing, one event told twice in one sentence. (Where the verb names no doer, "40
        # were killed in an attack by X", the attack is the event and the toll joins it.)
        frame = (
            token.pos_ == "NOUN"
            and token.dep_ == "pobj"
            and token.head.lower_ in ("in", "during")
            and token.head.head.i in events
            and subject_of(token.head.head) is not None
        )
        frame_of = offset + token.head.head.idx if frame else None
        when = event_date(token, state.published)
        if when is None and carrier is not token:
            when = event_date(carrier, state.published)
        # "On 12 May, in X, workers blocked the road in a demonstration": a material event
        # dated in its own sentence happened, even where the parse loses who took part.
        occurred = occurred or (
            when is not None
            and not when.background
            # (a day after publication is to come: "a march on 20 May")
            and not (when.date and state.published and when.date > state.published.isoformat())
            and cand.event_type in DATED_NEWS
            and report.modality == "asserted"
            and not report.background
            and not pointer
            and not anaphoric
            and _clause_event(token, state.event_types) in DATED_NEWS | {None}
        )
        clause = token
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head
        if when is None and clause.dep_ in ("relcl", "acl"):
            # "the 2011 uprising that toppled Gaddafi": the clause shares its noun's time.
            when = event_date(clause.head, state.published)
        if (
            when is None
            and clause.dep_ == "advcl"
            and any(c.lemma_.lower() in ("hour", "minute", "moment") for c in clause.children)
        ):
            # "strikes on Friday, hours after gunmen attacked": the same day as its main clause.
            when = event_date(clause.head, state.published)
        steps = 0
        while (
            when is None
            and steps < 3
            and clause.head is not clause
            and (
                clause.dep_ in ("xcomp", "conj")
                or (clause.dep_ == "advcl" and not any(c.dep_ == "mark" for c in clause.children))
            )
        ):
            # "On 3 May, police detained ..., accusing them of ...": a participle or infinitive
            # happens when the clause it hangs on does.
            clause, steps = clause.head, steps + 1
            when = event_date(clause, state.published)
        if when is None:
            # "On 3 May, gunmen attacked a bus. Two were killed.": the paragraph's opening day.
            when = lead_date(token, state.published)
        place = self.geocoder.locate(token, state.geo) if state.geo is not None else None
        if place is None and carrier is not token and state.geo is not None:
            place = self.geocoder.locate(carrier, state.geo)
        if when is not None and when.background:
            report.background = True
            report.reasons = (*report.reasons, f"date '{when.text}' long before publication")
        counts = casualties(token)
        if carrier is not token:
            counts = _merge_counts(counts, casualties(carrier))
        sent = token.sent
        sent_text = _span_text(sent, state.article.text, offset)
        return Draft(
            cand=cand,
            report=report,
            offset=offset,
            sentence=sent_text.strip(),
            sent_start=offset + sent.start_char + (len(sent_text) - len(sent_text.lstrip())),
            position=offset + token.idx,
            in_headline=token.idx + offset < state.headline_end,
            source_text=src_text,
            source=src_code,
            target_text=tgt_text,
            target=tgt_code,
            source_token=src,
            target_token=tgt,
            action_text=_action_text(cand),
            attributed_to=speaker_text,
            anaphoric=anaphoric,
            toll=toll,
            occurred=occurred,
            # A headline (or a subtitle or caption: a line with no full stop) sums up the
            # body: its mentions join the body's events where they fit.
            loose=anaphoric
            or pointer
            or toll
            or frame
            or token.idx + offset < state.headline_end
            or not sent_text.rstrip().endswith(SENTENCE_ENDS),
            frame_of=frame_of,
            when=when,
            place=place,
            counts=counts,
        )

    def _says_protest(self, verb: Token) -> bool:
        """Whether a gathering verb's own phrases call it a protest: "guards gathered in a
        demonstration", "officers gathered to protest"."""
        for child in verb.children:
            words = [child] if child.dep_ in ("xcomp", "advcl", "dobj") else []
            if child.dep_ == "prep":
                words = [c for c in child.children if c.dep_ == "pobj"]
            for word in words:
                entry = self.finder.entry_for(word)
                if entry is not None and entry.event_type == "PROTEST":
                    return True
        return False

    def _refine_by_context(self, cand: Candidate, src: Token | None) -> None:
        """Refine the mode from the doer ("gunmen" shoot) and the instrument ("used jets to")."""
        if src is not None:
            # The tagger leaves some plurals unlemmatised ("Gunmen" as a proper noun).
            if not self.finder.refine(cand, "subject", src.lemma_.lower()):
                self.finder.refine(cand, "subject", src.lower_)
        verb = cand.carrier
        if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() == "use":
            tool = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if tool is not None:
                self.finder.refine(cand, "instrument", tool.lemma_.lower())
        # "attacked the convoy with mines", "targeted the checkpoint with an RPG"
        tool = prep_object(verb, {"with"})
        if tool is not None and cand.event_type == "ASSAULT":
            self.finder.refine(cand, "instrument", tool.lemma_.lower())

    def to_event(self, draft: Draft, state: ArticleState) -> Event:
        """The output row of a merged draft."""
        cand = draft.cand
        art = state.article
        code = ontology.cameo(cand.cameo_code)
        src, tgt = draft.source, draft.target
        acled = ontology.acled_for(
            cand.event_type,
            cand.mode,
            src.sector if src else None,
            tgt.sector if tgt else None,
            cand.cameo_code,
        )
        when, place, counts = draft.when, draft.place, draft.counts
        if place is not None:
            place = self.geocoder.seat_point(place)
        background = draft.report.background or bool(when and when.background)
        if (
            when is not None
            and when.precision in ("year", "month")
            and any(c.dep_ == "aux" and c.lemma_ == "have" for c in cand.carrier.children)
        ):
            background = True  # "has killed hundreds this year": a running total
        modality = draft.report.modality
        if counts is not None and counts.claimed and modality == "asserted":
            modality = "claimed"
        start = draft.position
        event_id = hashlib.sha1(
            f"{state.text_hash}:{start}:{cand.event_type}:{cand.cameo_code}".encode()
        ).hexdigest()[:16]
        return Event(
            article=art.path,
            article_title=art.title,
            published=state.published.isoformat() if state.published else None,
            article_url=art.url,
            article_id=art.article_id,
            event_id=event_id,
            event_type=cand.event_type,
            event_mode=cand.mode,
            cameo_code=cand.cameo_code,
            cameo_label=code.label if code else None,
            quad_class=code.quad_class if code else None,
            goldstein=code.goldstein if code else None,
            acled_event_type=acled[0],
            acled_sub_event_type=acled[1],
            source_text=draft.source_text,
            source_name=src.name if src else None,
            source_country=src.country if src else None,
            source_sector=src.sector if src else None,
            target_text=draft.target_text,
            target_name=tgt.name if tgt else None,
            target_country=tgt.country if tgt else None,
            target_sector=tgt.sector if tgt else None,
            # "X and Y met": the target is a conjunct of the source (see `draft`); "X met Y".
            mutual=draft.source_token is not None
            and draft.target_token is not None
            and (
                draft.target_token in draft.source_token.conjuncts or cand.lemma in cues("mutual")
            ),
            action_text=draft.action_text,
            location_name=place.name if place else None,
            location_admin1=place.admin1 if place else None,
            location_country=place.country if place else None,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            geonameid=place.geonameid if place else None,
            geo_precision=place.precision if place else None,
            event_date=when.date if when else None,
            date_text=when.text if when else None,
            date_precision=when.precision if when else None,
            dead=counts.dead if counts else None,
            injured=counts.injured if counts else None,
            arrested=counts.arrested if counts else None,
            size=counts.size if counts else None,
            casualty_text=counts.text if counts else None,
            modality=modality,
            background=background,
            attributed_to=draft.attributed_to,
            claimed_by=draft.claimed_by,
            sentence=draft.sentence,
            char_start=draft.sent_start,
            char_end=draft.sent_start + len(draft.sentence),
            mentions=draft.mentions,
            confidence=draft.confidence(),
        )


PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
PLURAL_PRONOUNS = {"they", "them", "their"}


def _clause_event(token: Token, event_types: dict[int, str]) -> str | None:
    """The event type of the verb whose clause `token` is in, None when it is no event: "called
    for a new rally" is a request, whatever the rally's date."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return None if verb.i == token.i else event_types.get(verb.i)


def _since_phrase(token: Token) -> bool:
    """True for a noun inside a "since" phrase: "since the beginning of the invasion"."""
    tok = token
    for _ in range(6):
        if tok.dep_ == "pobj" and tok.head.lower_ == "since":
            return True
        if tok.dep_ not in ("pobj", "prep", "conj", "appos"):
            return False
        tok = tok.head
    return False


def _cause_of(token: Token, finder: TriggerFinder) -> bool:
    """Whether event noun `token` is what a protest or rally is about: the object of "against",
    "over" or "about" a protest word, of a cause noun ("in support of", "solidarity with"), or
    of the verb that says what a gathering is for ("rallied to condemn the invasion")."""
    prep, head = token.head, token.head.head
    if token.dep_ == "dobj" and prep.dep_ in ("advcl", "xcomp") and prep.head.pos_ == "VERB":
        # "rallied to condemn the invasion", "gathered to support the offensive": the purpose
        # of a gathering says what it is about.
        rally, purpose = finder.entry_for(prep.head), finder.entry_for(prep)
        return (
            rally is not None
            and rally.event_type == "PROTEST"
            and purpose is not None
            and purpose.event_type in PROTEST_TYPES | {"SUPPORT"}
        )
    if prep.lower_ in TOPIC_PREPS:
        about = finder.entry_for(head)
        return about is not None and about.event_type in PROTEST_TYPES
    return prep.lower_ in CAUSE_PREPS and head.lemma_.lower() in cues("cause")


def _is_headline(text: str) -> bool:
    """Whether the first line of `text` is a headline: not when it is the whole text and ends
    a sentence ("On 3 May, police detained ... ."), a paragraph of prose with no title."""
    lines = [line for line in text.strip().split("\n") if line.strip()]
    return len(lines) > 1 or not lines or not lines[0].rstrip().endswith((".", "!", "?"))


def _span_text(span: Span, text: str, offset: int) -> str:
    """`span.text`, cut from the article's text (the Doc parsed `text` from `offset` on)
    rather than joined token by token."""
    start = offset + span.start_char
    cut = text[start : offset + span.end_char]
    if span.start < span.end and not cut.startswith(span.doc[span.start].text):
        return span.text  # a Doc that was not parsed from this text
    return cut


def _counted(noun: Token) -> bool:
    """Whether a noun phrase counts people: "four", "200 soldiers" (killed), "dozens"."""
    return (
        noun.like_num
        or noun.lemma_.lower() in ("dozen", "hundred", "thousand", "score")
        or any(c.dep_ == "nummod" for c in noun.children)
    )


def _teller(pronoun: Token) -> Token | None:
    """The subject of the nearest verb of saying or claiming above `pronoun`'s own verb."""
    verb = pronoun.head
    for steps, upper in enumerate(verb.ancestors):
        if steps >= 3:
            break
        if upper.lemma_.lower() in cues("speech") | cues("claim"):
            subj = next((c for c in upper.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON" and subj.i != pronoun.i:
                return subj
            return None
    return None


def _pronoun_fits(pronoun: str, antecedent: Token) -> bool:
    """Whether `antecedent` can be what `pronoun` refers to, by person and number."""
    person = antecedent.ent_type_ == "PERSON"
    plural = antecedent.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "conj" for c in antecedent.children
    )
    group = antecedent.ent_type_ in ("ORG", "GPE", "NORP")
    if pronoun in PERSON_PRONOUNS:
        return person or (not plural and not group and antecedent.pos_ == "NOUN")
    if pronoun in PLURAL_PRONOUNS:
        return plural or group
    return not person and not plural  # it, its, we


# Types whose verbs take a clause saying what is threatened, asked or agreed.
CLAUSE_TARGETS = {"THREATEN", "REQUEST", "AGREE", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE"}


def _clause_target(verb: Token, event_type: str) -> Token | None:
    """The one a threat, demand or promise concerns, read from its complement clause."""
    for comp in verb.children:
        if comp.dep_ == "ccomp":
            subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON":
                return subj  # "demanded that Korea forsake ..."
        if comp.dep_ == "xcomp":
            inner = object_of(comp, event_type, None)
            aimed = {"to", "for", "against", "on"}
            found = prep_object(comp, aimed) or (
                prep_object(inner, aimed) if inner is not None else None
            )
            return found or inner
    return None


def _merge_counts(first: Casualties, second: Casualties) -> Casualties:
    """Counts of a noun event and of the verb carrying it, the noun's first."""
    return Casualties(
        dead=first.dead if first.dead is not None else second.dead,
        injured=first.injured if first.injured is not None else second.injured,
        arrested=first.arrested if first.arrested is not None else second.arrested,
        size=first.size if first.size is not None else second.size,
        text=first.text or second.text,
        claimed=first.claimed or second.claimed,
    )


def _action_text(cand: Candidate) -> str:
    """The verbatim words of the action: "launched six air strikes on", "attacked"."""
    token, carrier = cand.token, cand.carrier
    doc = token.doc
    # "strikes on Kharkiv killed five": the verb only tells the toll, not the action.
    heads = (token,) if cand.role == "subject" else (token, carrier)
    words = {tok.i for tok in heads}
    # "opened fire", "called for", "cracked down"; a PETRARCH pattern's words are scattered
    # over the clause ("On 17 May, X fired ... at"): the verb alone tells its action.
    if cand.particle and not cand.particle.startswith(PATTERN_MARK):
        node = token
        for word in cand.particle.split():
            node = next(
                (c for c in particle_children(node) if word in (c.lower_, c.lemma_.lower())), node
            )
            words.add(node.i)
    for tok in heads:
        for c in tok.children:
            if c.dep_ in ("prt", "neg", "aux", "auxpass") or (
                c.dep_ in ("compound", "amod") and tok is token and c.i < token.i
            ):
                words.add(c.i)
    start, end = min(words), max(words) + 1
    text = doc[start:end].text
    return re.sub(r"\s+", " ", text)
