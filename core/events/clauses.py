"""Parse helpers the draft rules read: what clause an event word hangs in, what a protest is
about, the counts of a noun and its carrier, the verbatim action words."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..lang.en import cues, words
from ..syntax import prep_object
from .casualties import Casualties
from .roles import object_of
from .triggers import PATTERN_MARK, Candidate, TriggerFinder, particle_children

# Types a protest word or what it asks for may have when it names a protest's cause.
PROTEST_TYPES = {"PROTEST", "ACCUSE", "REQUEST", "THREATEN"}


def says_protest(finder: TriggerFinder, verb: Token) -> bool:
    """Whether a gathering verb's own phrases call it a protest: "guards gathered in a
    demonstration", "officers gathered to protest"."""
    for child in verb.children:
        words = [child] if child.dep_ in ("xcomp", "advcl", "dobj") else []
        if child.dep_ == "prep":
            words = [c for c in child.children if c.dep_ == "pobj"]
        for word in words:
            entry = finder.entry_for(word)
            if entry is not None and entry.event_type == "PROTEST":
                return True
    return False


def refine_by_context(finder: TriggerFinder, cand: Candidate, src: Token | None) -> None:
    """Refine the mode from the doer ("gunmen" shoot) and the instrument ("used jets to")."""
    if src is not None:
        # The tagger leaves some plurals unlemmatised ("Gunmen" as a proper noun).
        if not finder.refine(cand, "subject", src.lemma_.lower()):
            finder.refine(cand, "subject", src.lower_)
    verb = cand.carrier
    if verb.dep_ in ("xcomp", "advcl") and verb.head.lemma_.lower() == "use":
        tool = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if tool is not None:
            finder.refine(cand, "instrument", tool.lemma_.lower())
    # "attacked the convoy with mines", "targeted the checkpoint with an RPG"
    tool = prep_object(verb, {"with"})
    if tool is not None and cand.event_type == "ASSAULT":
        finder.refine(cand, "instrument", tool.lemma_.lower())


def clause_event(token: Token, event_types: dict[int, str]) -> str | None:
    """The event type of the verb whose clause `token` is in, None when it is no event: "called
    for a new rally" is a request, whatever the rally's date."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return None if verb.i == token.i else event_types.get(verb.i)


def since_phrase(token: Token) -> bool:
    """True for a noun inside a "since" phrase: "since the beginning of the invasion"."""
    tok = token
    for _ in range(6):
        if tok.dep_ == "pobj" and tok.head.lower_ == "since":
            return True
        if tok.dep_ not in ("pobj", "prep", "conj", "appos"):
            return False
        tok = tok.head
    return False


def cause_of(token: Token, finder: TriggerFinder) -> bool:
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
    if prep.lower_ in words("protest_topic_prepositions"):
        about = finder.entry_for(head)
        return about is not None and about.event_type in PROTEST_TYPES
    return prep.lower_ in words("cause_prepositions") and head.lemma_.lower() in cues("cause")


def span_text(span: Span, text: str, offset: int) -> str:
    """`span.text`, cut from the article's text (the Doc parsed `text` from `offset` on)
    rather than joined token by token."""
    start = offset + span.start_char
    cut = text[start : offset + span.end_char]
    if span.start < span.end and not cut.startswith(span.doc[span.start].text):
        return span.text  # a Doc that was not parsed from this text
    return cut


def counted(noun: Token) -> bool:
    """Whether a noun phrase counts people: "four", "200 soldiers" (killed), "dozens"."""
    return (
        noun.like_num
        or noun.lemma_.lower() in words("count_nouns")
        or any(c.dep_ == "nummod" for c in noun.children)
    )


# Types whose verbs take a clause saying what is threatened, asked or agreed.
CLAUSE_TARGETS = {"THREATEN", "REQUEST", "AGREE", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE"}


def clause_target(verb: Token, event_type: str) -> Token | None:
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


def merge_counts(first: Casualties, second: Casualties) -> Casualties:
    """Counts of a noun event and of the verb carrying it, the noun's first."""
    return Casualties(
        dead=first.dead if first.dead is not None else second.dead,
        injured=first.injured if first.injured is not None else second.injured,
        arrested=first.arrested if first.arrested is not None else second.arrested,
        size=first.size if first.size is not None else second.size,
        text=first.text or second.text,
        claimed=first.claimed or second.claimed,
    )


def action_text(cand: Candidate) -> str:
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
