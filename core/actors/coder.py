"""Coding a noun phrase of an article as an actor: canonical name, country and sector.

The dictionary finds the phrases it knows in a span (`Lexicon.matches`) and holds the agent
rules; the coder picks the phrase that names the actor, finds the head noun that gives the
sector, and names the actor (see `code`). `ActorDictionary.code_span` is the way in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from .entries import ARMED_SECTORS, CONTAINER_KINDS, ActorCode, AgentRule, Match

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Key of the per-Doc memo of coded phrases in `Doc.user_data` (strings only: no cycles).
ACTOR_MEMO = "newsevents.actor_codes"
_DEP_LIMIT = 12  # deeper attachments than this are parser noise for an actor phrase


class Lexicon(Protocol):
    """What the coder asks of a dictionary (`ActorDictionary` is one)."""

    @property
    def agent_words(self) -> int:
        """The most words of any agent rule's head ("air force" is 2)."""
        ...

    def agent_rule(self, key: str) -> AgentRule | None:
        """The rule for a normalised head noun or phrase, if there is one."""
        ...

    def matches(self, span: Span) -> list[Match]:
        """The plausible dictionary phrases in `span`."""
        ...


def code_span(actors: Lexicon, span: Span) -> ActorCode | None:
    """Code a noun phrase, remembered per Doc (in `user_data`, under ACTOR_MEMO).

    The engine asks for the same phrase several times (as an actor, for pronouns, for short
    names).
    """
    memo: dict[tuple[int, int, int], ActorCode | None] = span.doc.user_data.setdefault(
        ACTOR_MEMO, {}
    )
    key = (id(actors), span.start, span.end)
    if key not in memo:
        memo[key] = code(actors, span)
    return memo[key]


def names_actor(actors: Lexicon, span: Span, word: Token) -> bool:
    """Whether the dictionary phrase that best names the actor of `span` covers `word`."""
    match = best_match(actors, span)
    return match is not None and match.start <= word.i < match.end


def code(actors: Lexicon, span: Span) -> ActorCode | None:
    """Code a noun phrase; None only for an empty span or a bare pronoun.

    The actor is the dictionary phrase closest to the head in the dependency tree (the
    head itself, then its direct modifiers such as "Egyptian" or "Libya's", then deeper
    ones), longest first. The sector comes from the head noun through the agent rules
    (lemma, also "air force"-style compounds; for "X of Y" with a non-agent X, from Y),
    else from the dictionary row. Naming (`_NAMING_RULES`, then `_named_actor`):
      * a named actor (person, group, body, party, media, NGO) keeps its canonical name:
        "the air force loyal to Libya's Khalifa Haftar" -> Khalifa Haftar, LBY, MIL;
      * a country, demonym, capital, region or IGO with an agent head gives the
        canonical name plus the head words: "Egyptian riot police" -> "Egypt riot
        police", EGY, COP; without an agent head just the canonical name;
      * no dictionary phrase: the phrase up to its head without determiners and numbers
        ("three masked gunmen" -> "masked gunmen"), country None.
    """
    content = [t for t in span if not (t.is_punct or t.is_space or t.pos_ == "DET")]
    if not content:
        return None
    match = best_match(actors, span)
    if match is None and all(t.pos_ == "PRON" for t in content):
        return None
    asked: dict[int, AgentRule | None] = {}
    head = _effective_head(span, actors, match, asked)
    rule = asked[head.i] if head.i in asked else agent_at(actors, span, head, match)
    sector = rule.sector if rule else None
    deferred = rule is not None and rule.defer
    if rule is None or rule.defer:
        modifier = _modifier_agent(actors, span, head, match)
        if modifier is not None:
            sector, deferred = modifier.sector, False
    found = _Found(span, head, match, sector, deferred)
    for naming in _NAMING_RULES:
        named = naming(found)
        if named is not None:
            return named
    return _named_actor(found)


@dataclass(frozen=True)
class _Found:
    """What coding found in a phrase: its head, dictionary phrase, and the head's sector."""

    span: Span
    head: Token
    match: Match | None
    sector: str | None
    deferred: bool  # the sector came from a relational head ("spokesman", "chief")


def _not_in_dictionary(found: _Found) -> ActorCode | None:
    """No dictionary phrase: the phrase names itself ("three masked gunmen" -> "masked gunmen")."""
    if found.match is not None:
        return None
    name = _plain_name(found.span, found.head)
    return ActorCode(name, None, found.sector, found.span.text)


def _head_is_named(found: _Found) -> ActorCode | None:
    """The head is in the dictionary phrase, or no agent gives a sector: "Egyptians" -> Egypt."""
    match = found.match
    if match is None:
        return None
    if not (match.start <= found.head.i < match.end or found.sector is None):
        return None
    entry = match.entry
    return ActorCode(entry.name, entry.country, entry.sector or found.sector, found.span.text)


def _country_with_agent(found: _Found) -> ActorCode | None:
    """A country, demonym, capital, region or IGO with an agent head adds the head words:
    "Egyptian riot police" -> "Egypt riot police", EGY, COP."""
    match = found.match
    if match is None or match.entry.kind not in CONTAINER_KINDS:
        return None
    entry = match.entry
    sector = found.sector
    if found.deferred and entry.sector:
        sector = entry.sector
    words = _head_words(found.span, found.head, match)
    name = f"{entry.name} {words}" if words else entry.name
    return ActorCode(name, entry.country, sector, found.span.text)


def _named_actor(found: _Found) -> ActorCode:
    """A named actor keeps its canonical name: "the air force loyal to Libya's Khalifa Haftar"
    -> Khalifa Haftar, LBY, MIL (an armed actor's own armed sector wins over the head's)."""
    assert found.match is not None  # _not_in_dictionary names phrases without one
    entry = found.match.entry
    sector = found.sector
    if found.deferred or (sector in ARMED_SECTORS and entry.sector in ARMED_SECTORS):
        sector = entry.sector or sector
    return ActorCode(entry.name, entry.country, sector, found.span.text)


# How a coded phrase is named, in order of precedence; a phrase none of them names is a
# named actor (`_named_actor`).
_NAMING_RULES: tuple[Callable[[_Found], ActorCode | None], ...] = (
    _not_in_dictionary,
    _head_is_named,
    _country_with_agent,
)


def best_match(actors: Lexicon, span: Span) -> Match | None:
    """The dictionary phrase in `span` that best names the actor (see `code`)."""
    found = actors.matches(span)
    if not found:
        return None
    root = span.root
    parsed = span.doc.has_annotation("DEP")

    def rank(m: Match) -> tuple[int, int, int, int, int]:
        depth = _depth(span, m, root) if parsed else int(not m.start <= root.i < m.end)
        return (depth, m.start - m.end, -m.entry.priority, int(m.start > root.i), m.start)

    return min(found, key=rank)


# --------------------------------------------------------------------- agent rules


def agent_at(actors: Lexicon, span: Span, head: Token, match: Match | None) -> AgentRule | None:
    """The agent rule for the head: longest phrase ending at it first, then the lemma."""
    doc = span.doc
    lowest = span.start
    if match is not None and match.end <= head.i:
        lowest = match.end  # words of the named actor are not part of the agent phrase
    longest = min(actors.agent_words, head.i - lowest + 1)
    if longest > 1:
        rule = _phrase_rule(actors, doc[head.i - longest + 1 : head.i + 1])
        if rule is not None:
            return rule
    if head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
        return None  # "Julie Bishop", "Ali Baker": a surname is no agent noun
    return word_rule(actors, head)


def _phrase_rule(actors: Lexicon, words: Span) -> AgentRule | None:
    """The rule of the longest phrase of two or more words ending at the last of `words`."""
    longest = len(words)
    lemmas = [t.lemma_.lower() for t in words]
    lowers = [t.lower_ for t in words]
    punct = [t.is_punct for t in words]
    for size in range(longest, 1, -1):
        cut = longest - size
        for key in (
            " ".join(lemmas[cut:]),
            " ".join(lowers[cut:]),
            # "Secretary-General" is three tokens; the rule is "secretary general".
            " ".join(w for w, p in zip(lowers[cut:], punct[cut:], strict=True) if not p),
        ):
            rule = actors.agent_rule(key)
            if rule is not None:
                return rule
    return None


def word_rule(actors: Lexicon, token: Token) -> AgentRule | None:
    """The rule for one word: its lemma, as written, or without a plural "s"."""
    lower = token.lower_
    return (
        actors.agent_rule(token.lemma_.lower())
        or actors.agent_rule(lower)
        # The tagger leaves some plurals unlemmatised ("Christians" as PROPN).
        or (actors.agent_rule(lower[:-1]) if lower.endswith("s") else None)
    )


def _modifier_agent(
    actors: Lexicon, span: Span, head: Token, match: Match | None
) -> AgentRule | None:
    """A non-deferring agent among the head's left modifiers ("army" in "army spokesman")."""
    for child in reversed(list(head.lefts)):
        if not span.start <= child.i < span.end:
            continue
        if match is not None and match.start <= child.i < match.end:
            continue
        if child.dep_ not in ("compound", "amod", "nmod", "nn"):
            continue
        rule = word_rule(actors, child)
        if rule is not None and not rule.defer and rule.sector:
            return rule
    return None


# --------------------------------------------------------------------- span helpers


def _depth(span: Span, match: Match, root: Token) -> int:
    """Dependency steps from the match's own head up to the span root (0 = contains root)."""
    if match.start <= root.i < match.end:
        return 0
    doc = span.doc
    token = doc[match.start]
    for candidate in doc[match.start : match.end]:
        if not match.start <= candidate.head.i < match.end or candidate.head is candidate:
            token = candidate
            break
    steps = 0
    while token.i != root.i and steps < _DEP_LIMIT:
        if token.head is token or not span.start <= token.head.i < span.end:
            return _DEP_LIMIT
        token = token.head
        steps += 1
    return steps


def _effective_head(
    span: Span, actors: Lexicon, match: Match | None, asked: dict[int, AgentRule | None]
) -> Token:
    """The span root, or Y in "hundreds of Y" / "a group of Y" when the root is no agent.

    The agent rules looked up on the way are left in `asked` (by token index) for the caller.
    """
    head = span.root
    for _ in range(3):  # "one of a group of gunmen" at most nests a little
        if match is not None and match.start <= head.i < match.end:
            return head
        rule = asked[head.i] = agent_at(actors, span, head, match)
        if rule is not None and rule.sector:
            return head
        objects = [
            grandchild
            for child in head.rights
            if child.dep_ == "prep" and child.lower_ == "of"
            for grandchild in child.rights
            if grandchild.dep_ == "pobj" and span.start <= grandchild.i < span.end
        ]
        if not objects:
            return head
        head = objects[0]
    return head


def _strip_edges(tokens: Iterable[Token]) -> list[Token]:
    """Drop leading determiners, possessive pronouns, numbers and punctuation."""
    out = list(tokens)
    while out and (
        out[0].pos_ in ("DET", "NUM", "PUNCT", "PART")
        or (out[0].pos_ == "PRON" and out[0].dep_ == "poss")
        or out[0].like_num
    ):
        out.pop(0)
    while out and out[-1].pos_ in ("PUNCT", "PART"):
        out.pop()
    return out


def _join(tokens: Sequence[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _plain_name(span: Span, head: Token) -> str:
    """Name of an actor not in the dictionary: the phrase up to its head, tidied."""
    doc = span.doc
    start = span.start if head.i == span.root.i else max(span.start, head.left_edge.i)
    end = head.i + 1
    # Keep a short "of" complement: "ministry of interior", "people of the valley".
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.right_edge.i - head.i <= 4:
            end = max(end, min(child.right_edge.i + 1, span.end))
    tokens = _strip_edges(doc[start:end])
    if not tokens:
        tokens = _strip_edges(list(span)) or list(span)
    return _join(tokens)


def _head_words(span: Span, head: Token, match: Match) -> str:
    """Words from after the country word (or the phrase start) up to the head."""
    doc = span.doc
    start = match.end if match.end <= head.i else span.start
    tokens = [
        t
        for t in _strip_edges(doc[start : head.i + 1])
        if not (t.dep_ == "case" or t.lower_ in ("'s", "'"))
    ]
    # Common nouns in lower case so that "Residents of Tripoli" names "Libya residents".
    return " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in tokens)
