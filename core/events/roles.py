"""Reading who did what to whom off the dependency parse, and how the event is reported.

Every function here takes spaCy tokens and follows dependency arcs; the words that steer them
(speech verbs, modality and background cues) come from data/cues.csv.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ..lang.en import cues, words
from ..syntax import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    child,
    is_passive,
    prep_object,
)
from .candidate import Candidate

# The word lists of roles live in lang/en/clauses.csv; these three are read by the engine too.
PERSONAL_PRONOUNS = words("personal_pronouns")
TARGET_PREPS = words("target_preps")
CLAIM_VERBS = words("claim_verbs")
# Prepositions that name whom a thing is given, signed or sent to, most telling first (an
# ordered list, so it stays here: its order is the preference).
RECIPIENT_PREPS = ("with", "to", "against", "toward", "towards", "upon", "into", "from")


@dataclass(frozen=True)
class Found:
    """A rule's answer: `token`, or None for "no one" (a rule that does not apply returns None
    instead of a Found, and the next rule is asked)."""

    token: Token | None


# A rule of `subject_of`: (verb, depth) -> Found, or None to ask the next rule.
SubjectRule = Callable[[Token, int], Found | None]


def _passive_agent(verb: Token, depth: int) -> Found | None:
    """In "were tortured and killed by the Taliban": a passive's doer is its "by" agent (the "by" of
    the last of joined participles serves them all); "a bus attacked" by no one named: none."""
    if not is_passive(verb):
        return None
    agent = prep_object(verb, {"by"})
    for other in (c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"):
        agent = agent or prep_object(other, {"by"})
    if agent is not None:
        return Found(agent)
    return Found(None) if verb.dep_ in ("acl",) else None


def _own_subject(verb: Token, depth: int) -> Found | None:
    """In "gunmen attacked": an active verb's own subject; "the men who attacked": the relative
    pronoun stands for its noun."""
    if is_passive(verb):
        return None
    subj = child(verb, *SUBJECT_DEPS)
    if subj is None:
        return None
    if subj.lower_ in words("clause_pronouns") and verb.dep_ == "relcl":
        return Found(verb.head)
    return Found(subj)


def _governed(verb: Token) -> bool:
    """Whether `verb` may take its subject from the verb it hangs on."""
    return verb.dep_ in ("xcomp", "advcl", "conj", "pcomp") and verb.head is not verb


def _clause_of_its_own(verb: Token, depth: int) -> Found | None:
    """In "after gunmen attacked": a subordinate clause has its own subject, none inherited."""
    if _governed(verb) and verb.dep_ == "advcl" and child(verb, "mark") is not None:
        return Found(None)
    return None


def _accused_one(verb: Token, depth: int) -> Found | None:
    """In "accused Egypt of taking part": Egypt took part ("condemned Russia for pounding X",
    "arrested him for attacking X": the one named did it)."""
    if not _governed(verb) or verb.dep_ != "pcomp" or verb.head.dep_ != "prep":
        return None
    accused = child(verb.head.head, "dobj")
    if verb.head.lower_ in ("of", "for") and accused is not None:
        return Found(accused)
    return None


def _governing_subject(verb: Token, depth: int) -> Found | None:
    """In "used jets to target X", ", killing 29": a participle or infinitive shares the subject
    of the verb it hangs on."""
    if not _governed(verb):
        return None
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head  # "joined the jets in striking X": the joiner strikes
    # "is about to restore", "was ready to strike": climb to the verb that has the subject.
    while head.pos_ not in ("VERB", "AUX") and head.head is not head and depth < 6:
        if child(head, *SUBJECT_DEPS) is not None:
            break
        head, depth = head.head, depth + 1
    if head.pos_ in ("VERB", "AUX", "ADJ", "ADP", "ADV"):
        return Found(subject_of(head, depth + 1))
    return None


def _described_noun(verb: Token, depth: int) -> Found | None:
    """In "students protesting against X" (and a misparsed "activists protested"): the noun a
    participle or relative clause describes."""
    if verb.dep_ in ("relcl", "acl") and not is_passive(verb) and child(verb, "agent") is None:
        return Found(verb.head)
    return None


def _doers_read_as_root(verb: Token, depth: int) -> Found | None:
    """In "On 3 May, inmates ... rioted": the parser made the doers the root and the verb their
    conjunct."""
    if (
        verb.dep_ == "conj"
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not is_passive(verb)
    ):
        return Found(verb.head)
    return None


# The rules of `subject_of`, first that answers wins.
SUBJECT_RULES: tuple[SubjectRule, ...] = (
    _passive_agent,
    _own_subject,
    _clause_of_its_own,
    _accused_one,
    _governing_subject,
    _described_noun,
    _doers_read_as_root,
)


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The doer of `verb`: its subject, the `by` agent of a passive, or a governing verb's subject.

    Participles and infinitives without a subject inherit one ("used jets to target X",
    ", killing 29"), conjoined verbs share one, and a relative pronoun stands for its noun.
    The rules are SUBJECT_RULES, in order.
    """
    if depth > 6:
        return None
    for rule in SUBJECT_RULES:
        found = rule(verb, depth)
        if found is not None:
            return found.token
    return None


# A rule of `object_of`: (verb, event type, particle) -> Found, or None to ask the next rule.
ObjectRule = Callable[[Token, str, str | None], Found | None]


def _passive_subject(verb: Token) -> Token | None:
    """The subject of a passive `verb`, or of the verb it is joined to or hangs on."""
    subj = child(verb, *PASSIVE_SUBJECT_DEPS)
    if subj is None and verb.dep_ == "conj":
        subj = child(verb.head, *PASSIVE_SUBJECT_DEPS)  # "were stopped and detained"
    if subj is None and verb.dep_ == "xcomp":
        subj = child(verb.head, *PASSIVE_SUBJECT_DEPS)  # "was reported to be killed"
    if subj is None and verb.dep_ == "acomp":
        subj = child(verb.head, "nsubj")  # "the woman was raped" read as an adjective
    return subj


def _fired_at(verb: Token, event_type: str, particle: str | None) -> Found | None:
    """In "shots were fired at police": when a passive's subject is a weapon, whom it was fired
    at, when the verb says."""
    if not is_passive(verb):
        return None
    subj = _passive_subject(verb)
    if subj is None or subj.lemma_.lower() not in cues("weapon"):
        return None
    aimed = prep_object(verb, TARGET_PREPS)
    return Found(aimed) if aimed is not None else None


def _passive_patient(verb: Token, event_type: str, particle: str | None) -> Found | None:
    """In "a man was killed": a passive's subject ("the men who were detained": the relative
    pronoun's noun); "a bus attacked by gunmen": the noun the participle describes."""
    if not is_passive(verb):
        return None
    subj = _passive_subject(verb)
    if subj is not None:
        if subj.lower_ in words("clause_pronouns") and verb.dep_ == "relcl":
            return Found(verb.head)
        return Found(subj)
    if verb.dep_ == "acl":
        return Found(verb.head)
    return None


def _object_and_fire(verb: Token, particle: str | None) -> tuple[Token | None, bool]:
    """The direct object of `verb`, and whether it is the fire of "opened fire", "exchanged
    fire" (which names no one hit)."""
    obj = child(verb, "dobj")
    own_word = obj is not None and obj.lemma_.lower() == "fire" and particle == "fire"
    return obj, own_word


def _direct_object(verb: Token, event_type: str, particle: str | None) -> Found | None:
    """In "attacked the convoy": the direct object, unless a weapon or the fire of "opened fire"."""
    obj, own_word = _object_and_fire(verb, particle)
    if obj is not None and obj.lemma_.lower() not in cues("weapon") and not own_word:
        return Found(obj)
    return None


def _target_preps(event_type: str, particle: str | None) -> set[str]:
    """The prepositions that lead to the target of an event of `event_type`."""
    preps: set[str] = set(TARGET_PREPS)
    if event_type in ("CONSULT", "COOPERATE", "AGREE", "ASSAULT"):
        preps |= words("consult_preps")  # "met with X", "clashed with X"
    if particle and " " not in particle:
        preps.add(particle)
    return preps


def _aimed_at(verb: Token, event_type: str, particle: str | None) -> Found | None:
    """In "fired at the town", "met with X": the object of the verb's target preposition."""
    aimed = prep_object(verb, _target_preps(event_type, particle))
    return Found(aimed) if aimed is not None else None


def _aimed_through_object(verb: Token, event_type: str, particle: str | None) -> Found | None:
    """In "fired shells at the town", "opened fire on a bus": the target hung on the object; the
    object itself (a weapon: "fired shells") when nothing is."""
    obj, own_word = _object_and_fire(verb, particle)
    if obj is None:
        return None
    aimed = prep_object(obj, _target_preps(event_type, particle))
    if aimed is None and not own_word:
        aimed = obj
    return Found(aimed) if aimed is not None else None


def _hit_by_toll_verb(verb: Token, event_type: str, particle: str | None) -> Found | None:
    """In "shot and killed a trader": the toll verb joined to it names whom it hit."""
    toll = next(
        (
            c
            for c in verb.children
            if c.dep_ == "conj"
            and c.lemma_.lower() in words("toll_verbs")
            and child(c, "nsubj") is None
        ),
        None,
    )
    return Found(child(toll, "dobj") if toll is not None else None)


# The rules of `object_of`, first that answers wins.
OBJECT_RULES: tuple[ObjectRule, ...] = (
    _fired_at,
    _passive_patient,
    _direct_object,
    _aimed_at,
    _aimed_through_object,
    _hit_by_toll_verb,
)


def object_of(verb: Token, event_type: str, particle: str | None) -> Token | None:
    """The one acted on by `verb`: direct object, passive subject, or a prepositional object.

    The rules are OBJECT_RULES, in order.
    """
    for rule in OBJECT_RULES:
        found = rule(verb, event_type, particle)
        if found is not None:
            return found.token
    return None


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
        if c.dep_ not in ("prep", "dative") or c.lower_ in words("not_actor_preps"):
            continue
        if c.lower_ in words("verb_place_preps"):
            continue  # "met in Lima" says where, not with whom
        for obj in c.children:
            if obj.dep_ != "pobj" or obj.ent_type_ in ("DATE", "TIME"):
                continue
            found.append(obj)
            for inner in obj.children:
                if inner.dep_ == "prep" and inner.lower_ not in words("not_actor_preps"):
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
        preps |= words("consult_preps")
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


@dataclass(frozen=True)
class Finding:
    """What one cue says of a report: a modality, or that it is background, and why."""

    reason: str
    modality: str | None = None
    background: bool = False


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


# --- cues on the event word itself: (child of the trigger or its carrier) -> Finding --------


def _negation(c: Token) -> Finding | None:
    """In "did not attack", "no strikes": negated."""
    if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
        return Finding(f"negation '{c.text}'", modality="negated")
    return None


def _future_aux(c: Token) -> Finding | None:
    """In "will attack": future."""
    if c.dep_ == "aux" and c.lower_ in cues("future"):
        return Finding(f"future '{c.text}'", modality="future")
    return None


def _hypothetical_aux(c: Token) -> Finding | None:
    """In "could attack", "might strike": hypothetical (not the month "May")."""
    if c.dep_ == "aux" and c.lower_ in cues("hypothetical") and not _month(c):
        return Finding(f"hypothetical '{c.text}'", modality="hypothetical")
    return None


def _habitual_adverb(c: Token) -> Finding | None:
    """In "regularly attack": habitual, background."""
    if c.dep_ == "advmod" and c.lower_ in cues("habitual"):
        return Finding(f"habitual '{c.text}'", background=True)
    return None


def _since(c: Token) -> Finding | None:
    """In "killed 300 since January": a cumulative count, background."""
    if c.dep_ == "prep" and c.lower_ == "since":
        return Finding("cumulative 'since'", background=True)
    return None


def _many_times(c: Token) -> Finding | None:
    """In "bombed the city many times": habitual, background."""
    if (
        c.dep_ == "npadvmod"
        and c.lemma_.lower() == "time"
        and any(q.lower_ in words("many_quantifiers") for q in c.children)
    ):
        return Finding(f"habitual '{c.text}'", background=True)
    return None


def _over_a_span(c: Token) -> Finding | None:
    """In "over the past several years": cumulative, background."""
    if (
        c.dep_ == "prep"
        and c.lower_ in words("span_preps")
        and any(o.dep_ == "pobj" and o.lemma_.lower() in cues("span") for o in c.children)
    ):
        return Finding(f"cumulative '{c.text} ...'", background=True)
    return None


# The rules read on each child of the event word, first that answers wins.
WORD_RULES: tuple[Callable[[Token], Finding | None], ...] = (
    _negation,
    _future_aux,
    _hypothetical_aux,
    _habitual_adverb,
    _since,
    _many_times,
    _over_a_span,
)


# --- cues on the clauses above: (word, its head) -> Finding ----------------------------------


def _wanted(lower: Token, upper: Token) -> Finding | None:
    """In "is going to attack", "intends to strike": future."""
    if lower.dep_ == "xcomp" and upper.lemma_.lower() in cues("future"):
        return Finding(f"future '{upper.text}'", modality="future")
    return None


def _planned(lower: Token, upper: Token) -> Finding | None:
    """In "planned a march", "a rally is scheduled for May": future."""
    if lower.dep_ in ("dobj", "nsubjpass") and upper.lemma_.lower() in cues("plan"):
        return Finding(f"planned '{upper.text}'", modality="future")
    return None


def _asked_for(lower: Token, upper: Token) -> Finding | None:
    """In "called for a new rally": asked for, not held; future."""
    if (
        lower.dep_ == "pobj"
        and upper.lower_ == "for"
        and upper.head.lemma_.lower() in cues("appeal")
    ):
        return Finding(f"asked for ('{upper.head.text} for')", modality="future")
    return None


def _claimed(lower: Token, upper: Token) -> Finding | None:
    """In "claimed to have shot down a jet": one side's claim."""
    if lower.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "prep") and upper.lemma_.lower() in cues(
        "claim"
    ):
        return Finding(f"claim '{upper.text}'", modality="claimed")
    return None


def _threatened(lower: Token, upper: Token) -> Finding | None:
    """In "threatened to strike": future."""
    if lower.dep_ == "xcomp" and upper.lemma_.lower() == "threaten":
        return Finding("threatened", modality="future")
    return None


def _negated_above(lower: Token, upper: Token) -> Finding | None:
    """In "won't try to clash", "did not manage to reach": the negation reaches the verb."""
    if lower.dep_ == "xcomp" and any(c.dep_ == "neg" for c in upper.children):
        return Finding(f"negation of '{upper.text}'", modality="negated")
    return None


def _conditional(lower: Token, upper: Token) -> Finding | None:
    """In "if they attack": conditional."""
    if lower.dep_ in ("advcl",) and any(
        m.dep_ == "mark" and m.lower_ in cues("condition") for m in lower.children
    ):
        return Finding("conditional clause", modality="conditional")
    return None


def _cumulative(lower: Token, upper: Token) -> Finding | None:
    """In "the toll of the attacks rose to 300": a running total, background."""
    if (
        lower.dep_ == "pobj"
        and upper.dep_ == "prep"
        and upper.head.lemma_.lower() in cues("cumulative")
    ):
        return Finding(f"cumulative '{upper.head.text}'", background=True)
    return None


# The rules read on each step up the clause chain, every one that answers counts, in order.
CLAUSE_RULES: tuple[Callable[[Token, Token], Finding | None], ...] = (
    _wanted,
    _planned,
    _asked_for,
    _claimed,
    _threatened,
    _negated_above,
    _conditional,
    _cumulative,
)


def _said_by(lower: Token, upper: Token) -> Token | None:
    """In "the ministry said gunmen attacked": the subject of the speech verb above."""
    if lower.dep_ in ("ccomp", "parataxis") and upper.lemma_.lower() in cues("speech"):
        return child(upper, *SUBJECT_DEPS)
    return None


def _according_to(verb: Token) -> Token | None:
    """In "according to the ministry": the source named on the verb or the sentence root."""
    for anchor in (verb, verb.sent.root):
        acc = prep_object(anchor, {"according"})
        if acc is None:
            for c in anchor.children:
                if c.dep_ == "prep" and c.lower_ == "according":
                    acc = prep_object(c, {"to"})
        if acc is not None:
            return acc
    return None


def _present_simple(verb: Token, chain: list[Token], headline_end: int) -> Finding | None:
    """In "Islamists accuse X of taking part in strikes": present simple in the body tells of what
    happens habitually, not of a news event; so does what it governs."""
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
            return Finding(f"present simple '{clause.text}' (habitual)", background=True)
    return None


def _note(report: Report, reasons: list[str], finding: Finding | None) -> None:
    """Record `finding` (when there is one) in `report`."""
    if finding is None:
        return
    if finding.modality is not None:
        report.modality = finding.modality
    if finding.background:
        report.background = True
    reasons.append(finding.reason)


def report_of(cand: Candidate, headline_end: int) -> Report:
    """Modality, background and attribution of a candidate, read from cue words around it.

    Each child of the event word (and of its carrier) is read by WORD_RULES, the first that
    answers counts; each step up the clause chain by CLAUSE_RULES, all that answer count, in
    order (a later modality wins). The speaker is the subject of a speech verb above, else
    the source of "according to"; present simple in the body makes the event background.
    """
    report = Report()
    reasons: list[str] = []
    anchors = [cand.token] if cand.carrier is cand.token else [cand.token, cand.carrier]
    verb = cand.carrier
    for anchor in anchors:
        for c in anchor.children:
            _note(report, reasons, next((f for rule in WORD_RULES if (f := rule(c))), None))
    chain = _clause_chain(verb)
    for lower, upper in zip(chain, chain[1:], strict=False):
        for clause_rule in CLAUSE_RULES:
            _note(report, reasons, clause_rule(lower, upper))
        if report.speaker is None:
            report.speaker = _said_by(lower, upper)
    if report.speaker is None:
        report.speaker = _according_to(verb)
    _note(report, reasons, _present_simple(verb, chain, headline_end))
    report.reasons = tuple(reasons)
    return report


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
