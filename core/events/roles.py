"""Reading who did what to whom off the dependency parse, and how the event is reported.

Every function here takes spaCy tokens and follows dependency arcs; the words that steer them
(speech verbs, modality and background cues) come from data/cues.csv.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..lang.en import cues

if TYPE_CHECKING:
    from .triggers import Candidate

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
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
# Children that are not part of an actor's name: places, times, clauses, asides.
LOCATIVE_PREPS = {
    "in",
    "near",
    "at",
    "on",
    "during",
    "after",
    "before",
    "since",
    "across",
    "outside",
    "inside",
    "around",
    "amid",
    "under",
    "throughout",
}


def counted_by(noun: Token) -> Token:
    """The counter an event noun is counted by ("a series of protests", "a total of 14
    explosions" -> "series", "total"; words of kind `collection`), else the noun itself."""
    while (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in cues("collection")
        and noun.head.head is not noun.head
    ):
        noun = noun.head.head
    return noun


def is_passive(verb: Token) -> bool:
    """Whether `verb` is passive; "were stopped and detained by X": the second one too."""
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        return True  # "one of the women was raped": the participle read as an adjective
    if verb.tag_ in ("VBN", "VBD") and any(c.dep_ == "agent" for c in verb.children):
        # "a body was found, killed by gunmen": a participle with its "by" (which the tagger
        # may take for a past tense: "were taken out and tortured to death by X")
        return True
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and verb.head is not verb
        and not any(c.dep_ in (*SUBJECT_DEPS, "dobj") for c in verb.children)
        and any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.head.children)
    )


def is_gerund_subject(token: Token) -> bool:
    """Whether `token` is an -ing form standing as a subject, a noun whatever its tag:
    "fighting took place", "Shelling by the army killed five"."""
    return token.tag_ == "VBG" and token.dep_ in ("nsubj", "csubj")


def child(token: Token, *deps: str) -> Token | None:
    """The first child of `token` with one of `deps`."""
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None


def prep_object(token: Token, preps: set[str] | frozenset[str]) -> Token | None:
    """The object of the first preposition child of `token` whose word is in `preps`."""
    for c in token.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            obj = child(c, "pobj", "pcomp")
            # "on Saturday" is a time, not a target.
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return obj
    return None


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


# Key of the per-Doc memo of phrase bounds in `Doc.user_data`.
PHRASE_MEMO = "newsevents.phrases"


def phrase(token: Token, keep_conj: bool = True, keep_places: bool = False) -> Span:
    """The noun phrase headed by `token`, without clauses, places and asides hung on it.

    "militant camps in Libya's eastern city of Derna" gives "militant camps" (with
    `keep_places`, the places hung on the head stay); "Egypt and the UAE" stays whole when
    `keep_conj`; "a bus carrying Coptic Christians" keeps its participle.
    """
    doc = token.doc
    # Remembered per Doc (ints only): the engine asks for the same phrases again and again.
    memo: dict[tuple[int, bool, bool], tuple[int, int]] = doc.user_data.setdefault(PHRASE_MEMO, {})
    key = (token.i, keep_conj, keep_places)
    if key not in memo:
        memo[key] = _phrase_bounds(token, keep_conj, keep_places)
    start, end = memo[key]
    return doc[start:end]


def _phrase_bounds(token: Token, keep_conj: bool, keep_places: bool) -> tuple[int, int]:
    """Start and end of `phrase(token, keep_conj, keep_places)`."""
    doc = token.doc
    keep = {token.i}
    stack = [token]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ in ("relcl", "appos", "advcl", "punct") or (
                c.dep_ == "case" and tok is token
            ):
                continue
            if c.dep_ in ("cc", "conj") and not (keep_conj and tok is token):
                continue
            if (
                c.dep_ == "prep"
                and c.lower_ in LOCATIVE_PREPS
                and not (keep_places and tok is token)
            ):
                continue
            if c.dep_ == "acl" and c.tag_ != "VBG":
                continue
            keep.add(c.i)
            stack.append(c)
    start, end = min(keep), max(keep) + 1
    # Trim dangling punctuation and conjunctions at the edges.
    while end - start > 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while end - start > 1 and (
        doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"
    ):
        start += 1
    # A phrase never runs across a line break (a headline into the body).
    for i in range(token.i, end):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            end = i + 1 if not doc[i].is_space else i
            break
    return start, end


def conjuncts(token: Token) -> list[Token]:
    """`token` and the nouns coordinated with it ("Egypt and the UAE").

    A list the parser hung on the first name as an apposition ("Mordor, the Shire, Arnor and
    Bree") is one coordination when all its members are proper names; two misreadings of a
    coordination are mended too (see below).
    """
    found = [token, *[c for c in token.conjuncts if c.i > token.i]]
    for c in token.children:
        if c.dep_ != "appos" or c.i < token.i or c.pos_ != "PROPN" or token.pos_ != "PROPN":
            continue
        listed = [c, *[x for x in c.conjuncts if x.i > c.i]]
        if len(listed) > 1 and all(x.pos_ == "PROPN" for x in listed):
            # "President Vladimir Putin and ...": with no comma between, the apposition
            # names the same one; only the names coordinated with it are others.
            doc = token.doc
            same = not any(t.text == "," for t in doc[token.i + 1 : c.left_edge.i])
            found += [x for x in listed[1 if same else 0 :] if x not in found]
    doc = token.doc
    for c in token.children:
        # "Arnor and the evil awful Gondor": a name hung on the first member as an apposition
        # right after a coordinated common noun is that member's head (the tagger took
        # "awful" for a noun).
        prev = doc[c.i - 1] if c.i > 0 else None
        if (
            c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and prev is not None
            and prev.i != token.i
            and prev.pos_ == "NOUN"
            and prev in found
        ):
            found[found.index(prev)] = c
    if token.dep_ == "nsubj" and any(c.dep_ == "cc" for c in token.children):
        # "Lions, tigers, and Gondor welcomed": the parser gave the verb a second subject.
        found += [
            c for c in token.head.children if c.dep_ == "nsubj" and c.i > token.i and c not in found
        ]
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


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a main verb the parser left without one: "On 3 May, in Lagos (Lagos
    state), traders protested" hangs "traders" on the place before it. The noun phrase that
    ends right before the verb, attached to a place name, is its subject (the doer, or for a
    passive verb the one it was done to)."""
    root = verb.sent.root
    if (
        verb.dep_ == "acl"
        and verb.head.ent_type_ in ("DATE", "TIME")
        and root.pos_ == "NOUN"
        and root.i < verb.i
    ):
        return root  # "relatives of a man found on 13 January protested": a past tense
    # A finite verb the parser hung under the opening place's preposition ("in Toluca de
    # Lerdo, Mexico, 100 employees ... protested", read as "in ... protesting") is the main one.
    misplaced = verb.dep_ == "pcomp" and root.pos_ == "ADP"
    if (verb.dep_ != "ROOT" and not misplaced) or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    if any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and not misread_subject(c)
        for c in verb.children
    ):
        return None
    k = verb.i - 1
    skipped = ("advmod", "aux", "auxpass", "neg")  # "traders reportedly protested"
    while k >= verb.sent.start and verb.doc[k].head.i == verb.i and verb.doc[k].dep_ in skipped:
        k -= 1
    while k >= verb.sent.start and verb.doc[k].text in (",", ")"):
        k -= 1  # "people, including members of a union (UGTG), gathered"
    if k < verb.sent.start or verb.doc[k].is_punct:
        return None
    tok = verb.doc[k]
    while tok.head.i != tok.i and tok.head.i < verb.i:
        if _hung_doer(tok):
            return tok
        tok = tok.head
    # "in San Pedro Sula, Cortes, health workers and staff at the X Hospital protested": the
    # walk up from the last word climbs through the hospital's phrase, which the parser hung
    # on the place; the doers are the first noun after the place's comma.
    comma = k
    while comma > verb.sent.start and verb.doc[comma].text != ",":
        comma -= 1
    if comma == verb.sent.start:
        return None
    for tok in verb.doc[comma + 1 : k + 1]:
        if tok.head.i < comma and _hung_doer(tok):
            return tok
    return None


def _hung_doer(tok: Token) -> bool:
    """Whether `tok` is a noun the parser hung on a place name or a comma before it."""
    head = tok.head
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME")
        and tok.doc[tok.i - 1].text != "("  # "a union (UGTG)": an acronym, not the doers
        and (
            (
                tok.dep_ in ("conj", "appos", "npadvmod")
                and (head.ent_type_ in ("GPE", "LOC", "FAC") or head.pos_ == "PROPN")
            )
            # "in Santa Cruz (Santa Cruz), 100 workers ... staged": hung on the comma
            or (tok.dep_ in ("prep", "dep", "appos", "npadvmod") and head.is_punct)
        )
    )


def misread_subject(token: Token) -> bool:
    """Whether the parser took a date or the place of a lost "in" for a subject: "Around 14
    May 2022, in Tlaquepaque, Jalisco, a man was killed" has "May" and "Tlaquepaque" as the
    subjects of "killed"."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.ent_type_ in ("GPE", "LOC", "FAC")
        and before is not None
        and before.dep_ == "prep"
        and not any(c.dep_ == "pobj" for c in before.children)
    )


def passive_patient(verb: Token) -> Token | None:
    """The one a passive `verb` was done to when the parser took a date or a place for its
    subject: "Around 2 February, in Cacaloc, Puebla, a man was killed" (the man); None when
    its subject is no misreading."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not any(misread_subject(c) for c in subjects):
        return None
    return next((c for c in subjects if not misread_subject(c)), None) or stranded_subject(verb)
