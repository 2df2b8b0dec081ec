"""Who the actors are: actor phrases coded, pronouns and short names ("the group") resolved
against the article's earlier subjects, acronyms it defines remembered."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Token

from ..actors import ActorCode, ActorDictionary
from ..arrays import positions, string_ids
from ..lang.en import cues, words
from ..syntax import conjuncts, phrase
from .casualties import parse_number
from .roles import PERSONAL_PRONOUNS
from .state import ArticleState

# Types where two coordinated doers with no one else named act on each other.
MUTUAL = {"CONSULT", "COOPERATE", "AGREE", "SUPPORT", "AID", "CONCEDE"}


@cache
def _subject_dep_ids() -> frozenset[int]:
    """String ids of the dependency labels of subjects and appositions."""
    return string_ids(("nsubj", "nsubjpass", "appos"))


class Coreference:
    """Codes the actors of an article's event mentions with one actor dictionary."""

    def __init__(self, actors: ActorDictionary) -> None:
        self.actors = actors

    def remember_actors(self, doc: Doc, state: ArticleState) -> None:
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

    def actor(
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
        if token.lower_ in words("relative_pronouns"):
            # "Savchenko, whose release was demanded": the noun the relative clause is about.
            clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
            if clause is None or clause.head.lower_ in words("relative_pronouns"):
                return None, None
            return self.actor(clause.head, speaker, state, keep_conj, resolve)
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

    def is_no_actor(self, token: Token) -> bool:
        """Whether the phrase at `token` names no actor ("their meeting", "diplomatic ties")."""
        if token.pos_ == "PRON":
            return False
        code = self.actors.code_span(phrase(token, keep_conj=False))
        return code is None or not (code.country or code.sector)

    def about_each_other(self, target: Token, event_type: str) -> bool:
        """Whether a target names no one else: "their meeting", or "ties" in a cooperation."""
        if not self.is_no_actor(target):
            return False
        if any(c.dep_ == "poss" and c.lower_ in ("their", "its") for c in target.children):
            return True
        return event_type in MUTUAL

    def actor_inside(self, token: Token) -> Token:
        """The actor a target phrase is about: "ties with Iran and Iraq" -> Iran (and Iraq).

        A head that names no actor hands over to the object of its "with", "between", "to",
        "of", "by" (the list `inner_prepositions`), when that one does.
        """
        if token.pos_ not in ("NOUN",):
            return token
        # Only the head and its own modifiers: "ties with Iran" itself names no one.
        left = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("compound", "amod", "poss")])
        own = self.actors.code_span(token.doc[left : token.i + 1])
        if own is not None and (own.country or own.sector):
            return token
        # "memos sent by Bree", "aid sent from Russia": the phrases of a participle count too.
        preps = [
            c
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in words("inner_prepositions")
        ] + [
            p
            for c in token.children
            if c.dep_ == "acl" and c.tag_ == "VBN"
            for p in c.children
            if p.dep_ in ("agent", "prep") and p.lower_ in ("by", "from")
        ]
        for prep in preps:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                inner = self.actor_inside(obj)
                if not self.is_no_actor(inner):
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
            return self.actor(teller, None, state)[1]
        if speaker is not None and speaker.i != token.i and speaker.pos_ != "PRON":
            return self.actor(speaker, None, state)[1]
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
            _text, joint = self.actor(subject, None, state, resolve=False)
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
    if pronoun in words("person_pronouns"):
        return person or (not plural and not group and antecedent.pos_ == "NOUN")
    if pronoun in words("plural_pronouns"):
        return plural or group
    return not person and not plural  # it, its, we
