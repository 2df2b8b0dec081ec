"""Reading who did what to whom off the dependency parse, and how the event is reported.

Every function here takes spaCy tokens and follows dependency arcs; the words that steer them
(speech verbs, modality and background cues) come from data/cues.csv.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lang.en import cues
from ..syntax import (
    PASSIVE_SUBJECT_DEPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    child,
    is_passive,
    prep_object,
)
from .candidate import Candidate

PERSONAL_PRONOUNS = {"it", "they", "he", "she", "we", "them", "its", "their", "i", "us", "him"}
# Prepositions that introduce the target of an event noun or an intransitive event verb.
TARGET_PREPS = {
    "on",
    "against",
    "at",
    "upon",
    "into",
    "targeting",
    "over",
    "toward",
    "towards",
    "to",
    "about",
}
CONSULT_PREPS = {"with"}
# Prepositions whose objects are never the other side of an event: times, causes, agents.
NOT_ACTOR_PREPS = frozenset(
    {"by", "after", "before", "since", "during", "until", "despite", "because", "like", "as"}
)
# Prepositions that say where something happened when they hang on the event's verb.
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "around", "throughout"})
# Prepositions that name whom a thing is given, signed or sent to, most telling first.
RECIPIENT_PREPS = ("with", "to", "against", "toward", "towards", "upon", "into", "from")


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The doer of `verb`: its subject, the `by` agent of a passive, or a governing verb's subject.

    Participles and infinitives without a subject inherit one ("used jets to target X",
    ", killing 29"), conjoined verbs share one, and a relative pronoun stands for its noun.
    """
    if depth > 6:
        return None
    if is_passive(verb):
        agent = prep_object(verb, {"by"})
        for other in (c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"):
            # "were tortured and killed by the Taliban": the "by" of the last serves both
            agent = agent or prep_object(other, {"by"})
        if agent is not None:
            return agent
        if verb.dep_ in ("acl",):
            return None
    else:
        subj = child(verb, *SUBJECT_DEPS)
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return subj
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and verb.head is not verb:
        if verb.dep_ == "advcl" and child(verb, "mark") is not None:
            return None  # "after gunmen attacked": its own clause with its own subject
        head = verb.head
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            head = head.head  # "joined the jets in striking X": the joiner strikes
            accused = child(head, "dobj")
            if verb.head.lower_ in ("of", "for") and accused is not None:
                # "accused Egypt of taking part": Egypt took part; "condemned Russia for
                # pounding X", "arrested him for attacking X": the one named did it.
                return accused
        # "is about to restore", "was ready to strike": climb to the verb that has the subject.
        while head.pos_ not in ("VERB", "AUX") and head.head is not head and depth < 6:
            if child(head, *SUBJECT_DEPS) is not None:
                break
            head, depth = head.head, depth + 1
        if head.pos_ in ("VERB", "AUX", "ADJ", "ADP", "ADV"):
            return subject_of(head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and not is_passive(verb) and child(verb, "agent") is None:
        return verb.head  # "students protesting against X"; a misparsed "activists protested"
    if (
        verb.dep_ == "conj"
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not is_passive(verb)
    ):
        return verb.head  # "On 3 May, inmates ... rioted": the parser made the doers the root
    return None


# Verbs that tell a toll, whose object another verb joined to them also hit.
TOLL_LEMMAS = frozenset({"kill", "wound", "injure", "hurt", "maim"})


def object_of(verb: Token, event_type: str, particle: str | None) -> Token | None:
    """The one acted on by `verb`: direct object, passive subject, or a prepositional object."""
    if is_passive(verb):
        subj = child(verb, *PASSIVE_SUBJECT_DEPS)
        if subj is None and verb.dep_ == "conj":
            subj = child(verb.head, *PASSIVE_SUBJECT_DEPS)  # "were stopped and detained"
        if subj is None and verb.dep_ == "xcomp":
            subj = child(verb.head, *PASSIVE_SUBJECT_DEPS)  # "was reported to be killed"
        if subj is None and verb.dep_ == "acomp":
            subj = child(verb.head, "nsubj")  # "the woman was raped" read as an adjective
        if subj is not None and subj.lemma_.lower() in cues("weapon"):
            # "shots were fired at police": whom they were fired at, when the verb says
            aimed = prep_object(verb, TARGET_PREPS)
            if aimed is not None:
                return aimed
        if subj is not None:
            if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return subj
        if verb.dep_ == "acl":
            return verb.head  # "a bus attacked by gunmen"
    obj = child(verb, "dobj")
    # "opened fire", "exchanged fire": the fire names no one hit
    own_word = obj is not None and obj.lemma_.lower() == "fire" and particle == "fire"
    if obj is not None and obj.lemma_.lower() not in cues("weapon") and not own_word:
        return obj
    preps: set[str] = set(TARGET_PREPS)
    if event_type in ("CONSULT", "COOPERATE", "AGREE", "ASSAULT"):
        preps |= CONSULT_PREPS  # "met with X", "clashed with X"
    if particle and " " not in particle:
        preps.add(particle)
    aimed = prep_object(verb, preps)
    if aimed is None and obj is not None:
        aimed = prep_object(obj, preps)  # "fired shells at the town", "opened fire on a bus"
        if aimed is None and not own_word:
            aimed = obj
    if aimed is None and (obj is None or own_word):
        # "shot and killed a trader": the toll verb joined to it names whom it hit
        toll = next(
            (
                c
                for c in verb.children
                if c.dep_ == "conj"
                and c.lemma_.lower() in TOLL_LEMMAS
                and child(c, "nsubj") is None
            ),
            None,
        )
        aimed = child(toll, "dobj") if toll is not None else None
    return aimed


def recipients(verb: Token) -> list[Token]:
    """Objects of the verb's "with", "to", "against" ... phrases, in that order of preference.

    When what a verb acts on is a thing ("contributed a million dollars to Australia",
    "signed a protocol with Dagolath"), the one the thing goes to is the target.
    """
    found: list[tuple[int, Token]] = []
    for c in verb.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in RECIPIENT_PREPS:
            obj = child(c, "pobj")
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                found.append((RECIPIENT_PREPS.index(c.lower_), obj))
    return [obj for _, obj in sorted(found, key=lambda pair: pair[0])]


def prep_objects(verb: Token) -> list[Token]:
    """Objects of the verb's prepositional phrases in text order, each followed by the objects
    of the phrases hung on it: "left for Minas Tirith", "appealed for peace in Ithilen".

    Times ("on Saturday"), the agent of a passive and clause-linking prepositions are left out.
    """
    found: list[Token] = []
    for c in verb.children:
        if c.dep_ not in ("prep", "dative") or c.lower_ in NOT_ACTOR_PREPS:
            continue
        if c.lower_ in PLACE_PREPS:
            continue  # "met in Lima" says where, not with whom
        for obj in c.children:
            if obj.dep_ != "pobj" or obj.ent_type_ in ("DATE", "TIME"):
                continue
            found.append(obj)
            for inner in obj.children:
                if inner.dep_ == "prep" and inner.lower_ not in NOT_ACTOR_PREPS:
                    found += [o for o in inner.children if o.dep_ == "pobj"]
    return found


def noun_source(noun: Token, event_type: str | None = None) -> Token | None:
    """The doer named inside an event noun phrase: "Egypt's strikes", "strikes by Egypt"."""
    by = prep_object(noun, {"by"})
    if by is not None:
        return by
    poss = child(noun, "poss")
    if poss is not None and poss.ent_type_ not in ("DATE", "TIME"):
        return poss
    for c in noun.children:
        if event_type == "PROTEST" and c.ent_type_ in ("GPE", "LOC", "FAC"):
            continue  # "the Sao Paulo demonstration" happened there; no one is named
        # "Egyptian air strikes", "IS strikes", "Israeli raids"
        if c.dep_ in ("amod", "compound", "nmod") and (
            c.ent_type_ in ("NORP", "GPE", "ORG")
            or (c.pos_ == "PROPN" and c.ent_type_ not in ("DATE", "TIME"))
        ):
            return c  # ("Thursday's strike" names a day, not a doer)
    return None


def noun_target(noun: Token, event_type: str, particle: str | None = None) -> Token | None:
    """The one an event noun is aimed at: "strikes on X", "an attack against Y", "talks with Z".

    In a headline's "Church attack" or "market bombing" the compound names the target, unless
    it is the word that makes the event what it is (`particle`: "air" strike, "car" bomb).
    """
    preps: set[str] = set(TARGET_PREPS) - {"to"}
    if event_type in ("CONSULT", "COOPERATE", "AGREE"):
        preps |= CONSULT_PREPS
    found = prep_object(noun, preps)
    if found is None:
        # The parser often hangs "on the port" on the agent of "strikes by the coalition".
        agent = prep_object(noun, {"by"})
        if agent is not None:
            found = prep_object(agent, preps)
    if found is None:
        # "an assault targeting a post", "strikes aimed at depots": the participle names it.
        for c in noun.children:
            if c.dep_ == "acl" and c.lemma_.lower() in cues("aim"):
                found = child(c, "dobj") or prep_object(c, {"at", "against", "on"})
                if found is not None:
                    return found
    if found is None and event_type == "ASSAULT":
        for c in noun.children:
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() != particle:
                return c
    return found


@dataclass
class Report:
    """How an event is reported: modality, background, who says so."""

    modality: str = "asserted"
    background: bool = False
    speaker: Token | None = None
    reasons: tuple[str, ...] = ()


def _clause_chain(token: Token) -> list[Token]:
    """`token` and the heads above it up to the sentence root."""
    chain = [token]
    while chain[-1].head is not chain[-1] and len(chain) < 12:
        chain.append(chain[-1].head)
    return chain


def _month(token: Token) -> bool:
    """True for "May" inside a sentence, a month the parser may take for a modal verb ("since
    7 May blocked the road")."""
    return token.text == "May" and token.i > token.sent.start


def report_of(cand: Candidate, headline_end: int) -> Report:
    """Modality, background and attribution of a candidate, read from cue words around it."""
    report = Report()
    reasons: list[str] = []
    anchors = [cand.token] if cand.carrier is cand.token else [cand.token, cand.carrier]
    verb = cand.carrier
    for anchor in anchors:
        for c in anchor.children:
            word = c.lower_
            if c.dep_ == "neg" or (c.dep_ == "det" and word == "no"):
                report.modality = "negated"
                reasons.append(f"negation '{c.text}'")
            elif c.dep_ == "aux" and word in cues("future"):
                report.modality = "future"
                reasons.append(f"future '{c.text}'")
            elif c.dep_ == "aux" and word in cues("hypothetical") and not _month(c):
                report.modality = "hypothetical"
                reasons.append(f"hypothetical '{c.text}'")
            elif c.dep_ == "advmod" and word in cues("habitual"):
                report.background = True
                reasons.append(f"habitual '{c.text}'")
            elif c.dep_ == "prep" and word == "since":
                report.background = True
                reasons.append("cumulative 'since'")
            elif (
                c.dep_ == "npadvmod"
                and c.lemma_.lower() == "time"
                and any(
                    q.lower_ in ("many", "several", "numerous", "countless", "multiple")
                    for q in c.children
                )
            ):
                report.background = True  # "bombed the city many times"
                reasons.append(f"habitual '{c.text}'")
            elif (
                c.dep_ == "prep"
                and word in ("over", "for", "throughout")
                and any(o.dep_ == "pobj" and o.lemma_.lower() in cues("span") for o in c.children)
            ):
                report.background = True  # "over the past several years"
                reasons.append(f"cumulative '{c.text} ...'")
    chain = _clause_chain(verb)
    for lower, upper in zip(chain, chain[1:], strict=False):
        ulemma = upper.lemma_.lower()
        if lower.dep_ == "xcomp" and ulemma in cues("future"):
            report.modality = "future"
            reasons.append(f"future '{upper.text}'")
        if lower.dep_ in ("dobj", "nsubjpass") and ulemma in cues("plan"):
            report.modality = "future"  # "planned a march", "a rally is scheduled for May"
            reasons.append(f"planned '{upper.text}'")
        if (
            lower.dep_ == "pobj"
            and upper.lower_ == "for"
            and upper.head.lemma_.lower() in cues("appeal")
        ):
            report.modality = "future"  # "called for a new rally": asked for, not held
            reasons.append(f"asked for ('{upper.head.text} for')")
        if lower.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "prep") and ulemma in cues("claim"):
            report.modality = "claimed"
            reasons.append(f"claim '{upper.text}'")
        if lower.dep_ == "xcomp" and ulemma == "threaten":
            report.modality = "future"
            reasons.append("threatened")
        if lower.dep_ == "xcomp" and any(c.dep_ == "neg" for c in upper.children):
            # "won't try to clash", "did not manage to reach": the negation reaches the verb.
            report.modality = "negated"
            reasons.append(f"negation of '{upper.text}'")
        if lower.dep_ in ("advcl",) and any(
            m.dep_ == "mark" and m.lower_ in cues("condition") for m in lower.children
        ):
            report.modality = "conditional"
            reasons.append("conditional clause")
        if (
            lower.dep_ == "pobj"
            and upper.dep_ == "prep"
            and upper.head.lemma_.lower() in cues("cumulative")
        ):
            report.background = True
            reasons.append(f"cumulative '{upper.head.text}'")
        if (
            report.speaker is None
            and lower.dep_ in ("ccomp", "parataxis")
            and ulemma in cues("speech")
        ):
            report.speaker = child(upper, *SUBJECT_DEPS)
    if report.speaker is None:
        # "according to the ministry"
        for anchor in (verb, verb.sent.root):
            acc = prep_object(anchor, {"according"})
            if acc is None:
                for c in anchor.children:
                    if c.dep_ == "prep" and c.lower_ == "according":
                        acc = prep_object(c, {"to"})
            if acc is not None:
                report.speaker = acc
                break
    # Present simple in the body tells of what happens habitually, not of a news event; so
    # does what it governs ("Islamists accuse X of taking part in strikes").
    governing = [verb] + [
        upper
        for lower, upper in zip(chain, chain[1:], strict=False)
        if lower.dep_ in ("pcomp", "prep", "xcomp")
    ][:2]
    for clause in governing:
        if (
            clause.tag_ in ("VBP", "VBZ")
            and clause.idx >= headline_end
            and clause.lemma_.lower() not in cues("speech")
            and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
            and clause.dep_ not in ("ccomp", "parataxis")
        ):
            report.background = True
            reasons.append(f"present simple '{clause.text}' (habitual)")
            break
    report.reasons = tuple(reasons)
    return report


# Verbs of "X claimed (responsibility for) the attack", "accepted/admitted/took responsibility".
CLAIM_VERBS = ("claim", "accept", "admit", "take")


def claim_of_responsibility(
    token: Token, events: set[int] | frozenset[int] = frozenset()
) -> Token | None:
    """For "X claimed responsibility for the attack" or "X claims attack", the noun claimed.

    Args:
        events: indexes of the event words of the sentence; a bare "claims X" needs X among them.
    """
    if token.lemma_.lower() not in CLAIM_VERBS:
        return None
    obj = child(token, "dobj")
    if obj is None:
        return None
    if obj.lemma_.lower() in ("responsibility", "credit"):
        return prep_object(obj, {"for"}) or prep_object(token, {"for"})
    if token.lemma_.lower() == "claim" and obj.i in events:
        return obj
    return None
