"""A draft event from one trigger candidate: its doer and target, how it is reported, its date,
place and toll, read from the parse.

`Drafter.draft` walks `RULES`, an ordered tuple of small rules: each decides one thing about the
`Reading` of a candidate (who the doer is, whether the target is really one, which date), and a
later rule may overrule an earlier one, so the order is the precedence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Token

from ..actors import ActorCode
from ..dates import EventDate, event_date, lead_date
from ..geo import SITE_NOUNS, Geocoder, Location
from ..lang.en import cues, words
from ..syntax import (
    counted_by,
    is_gerund_subject,
    is_passive,
    misread_subject,
    passive_patient,
    phrase,
    prep_object,
    stranded_subject,
)
from .casualties import Casualties, casualties
from .clauses import (
    CLAUSE_TARGETS,
    action_text,
    cause_of,
    clause_event,
    clause_target,
    counted,
    merge_counts,
    refine_by_context,
    says_protest,
    since_phrase,
    span_text,
)
from .coreference import Coreference
from .merge import NEEDS_TARGET, Draft
from .roles import (
    TARGET_PREPS,
    Report,
    noun_source,
    noun_target,
    object_of,
    prep_objects,
    recipients,
    report_of,
    subject_of,
)
from .state import ArticleState
from .triggers import Candidate, TriggerFinder, marked_roles

SENTENCE_ENDS = (".", "!", "?", '"', "'", "\u201d", "\u2019", ":", ";", ")")
# Sectors of the state and its peers, whose gatherings are meetings.
OFFICIAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "IGO"}
# Types whose mention with a date of its own is news that it happened, doer named or not.
DATED_NEWS = {"PROTEST", "ASSAULT", "COERCE"}
# Types whose object is what was hit, even a thing ("attacked a convoy on the road").
THING_TYPES = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"}
# Sectors of doers a headline's past participle ("Journalists detained") names as victims.
VICTIM_SECTORS = (None, "CVL", "MED", "EDU", "REL")


@dataclass
class Reading:
    """A candidate being read into a draft: what the rules have decided about it so far."""

    cand: Candidate
    offset: int
    state: ArticleState
    # Indexes of all event words of the piece, to tell nested mentions.
    events: set[int]
    drafter: Drafter
    report: Report
    # "fighting took place between X and Y": a gerund subject is read as the noun it is.
    gerund: bool
    src: Token | None = None
    tgt: Token | None = None
    # False when the source's conjuncts are its target ("Egypt and Jordan agreed").
    src_conj: bool = True
    src_text: str | None = None
    src_code: ActorCode | None = None
    tgt_text: str | None = None
    tgt_code: ActorCode | None = None
    speaker_text: str | None = None
    anaphoric: bool = False
    occurred: bool = False
    pointer: bool = False
    toll: bool = False
    frame: bool = False
    when: EventDate | None = None
    place: Location | None = None
    counts: Casualties | None = None
    # Set by a rule that finds the candidate is no event after all.
    dropped: bool = False
    # The rules that changed a field of the event, in order: "rule_name (target, date)".
    trail: list[str] = field(default_factory=list)

    @property
    def token(self) -> Token:
        return self.cand.token

    @property
    def carrier(self) -> Token:
        return self.cand.carrier

    @property
    def verbal(self) -> bool:
        """Whether the event word is read as a verb (a gerund subject is read as a noun)."""
        return self.token.pos_ == "VERB" and not self.gerund

    @property
    def nominal(self) -> bool:
        """Whether the event word is a noun, or a gerund read as one."""
        return self.token.pos_ == "NOUN" or self.gerund

    @property
    def in_headline(self) -> bool:
        return self.token.idx + self.offset < self.state.headline_end

    def no_actor(self, token: Token) -> bool:
        """Whether the phrase at `token` names no actor."""
        return self.drafter.coref.is_no_actor(token)

    def background(self, reason: str) -> None:
        """Mark the event as background, for `reason`."""
        self.report.background = True
        self.report.reasons = (*self.report.reasons, reason)


Rule = Callable[[Reading], None]


@dataclass
class TracedDraft(Draft):
    """A draft that also names the rules that decided its fields (for `--explain`)."""

    decided_by: tuple[str, ...] = field(default=(), compare=False)


@cache
def casualty_verbs() -> frozenset[str]:
    """Verbs of a toll: those that name whom it hit, and those of dying ("killed four", "died")."""
    return words("toll_verbs") | words("death_verbs")


def _fields(r: Reading) -> dict[str, Any]:
    """The fields of the event a rule may decide, as comparable values."""
    cand, counts = r.cand, r.counts
    tally = (None, None, None) if counts is None else (counts.dead, counts.injured, counts.arrested)
    return {
        "type": (cand.event_type, cand.mode, cand.cameo_code),
        "source": (None if r.src is None else r.src.i, r.src_text, r.src_code),
        "target": (None if r.tgt is None else r.tgt.i, r.tgt_text, r.tgt_code),
        "modality": r.report.modality,
        "background": r.report.background,
        "date": r.when,
        "place": r.place,
        "toll": (r.toll, *tally),
    }


def _traced(r: Reading, rule: Rule) -> None:
    """Apply `rule`, noting its name in `r.trail` when it changed a field of the event."""
    before = _fields(r)
    rule(r)
    after = _fields(r)
    changed = [name for name, value in before.items() if after[name] != value]
    if changed:
        r.trail.append(f"{rule.__name__} ({', '.join(changed)})")


# -- who did it to whom: the verb's own roles --------------------------------------------------


def subject_and_object_of_verb(r: Reading) -> None:
    """A verb's subject acts on its object: "police arrested 40 protesters"."""
    if r.verbal:
        r.src = subject_of(r.token)
        r.tgt = object_of(r.token, r.cand.event_type, r.cand.particle)


def stranded_subject_is_doer(r: Reading) -> None:
    """A doer the parser hung elsewhere stands in for a missing or dated subject: "On Monday,
    in Lagos, police arrested ..."."""
    src = r.src
    if r.verbal and (src is None or src.ent_type_ in ("DATE", "TIME")):
        if not is_passive(r.token):
            r.src = stranded_subject(r.token) or src


def misread_object_is_passive_patient(r: Reading) -> None:
    """An object that is really the subject of a passive gives way to the patient: "a man
    was shot by police" misparsed."""
    if r.verbal and r.tgt is not None and misread_subject(r.tgt):
        r.tgt = passive_patient(r.token)


def stranded_subject_of_passive_is_victim(r: Reading) -> None:
    """A passive verb's stranded subject is its victim: "in Tlaxco, Tlaxcala, an officer was
    shot"."""
    if r.verbal and r.tgt is None and is_passive(r.token):
        r.tgt = stranded_subject(r.token)


def counted_subject_of_toll_verb_is_victim(r: Reading) -> None:
    """A counted subject of a toll verb with no object is the victims: headline "Four killed in
    Baghdad riots"."""
    if r.verbal and r.src is not None and counted(r.src) and r.tgt is None:
        if r.token.lemma_ in casualty_verbs():
            r.src, r.tgt = None, r.src


def user_pattern_marks_roles(r: Reading) -> None:
    """A user verb pattern may say where the source and target stand: "+ * (FROM $)"."""
    if r.verbal:
        marked = marked_roles(r.token, r.cand.particle)
        r.src, r.tgt = marked.get("source", r.src), marked.get("target", r.tgt)


# -- who did it to whom: an event noun's roles -------------------------------------------------


def subject_of_carrier_is_doer(r: Reading) -> None:
    """The subject of a light or joining verb does its noun: "teachers staged a strike"."""
    if not r.verbal and r.cand.role in ("light", "join"):
        src = subject_of(r.carrier)
        r.src = src if src is not None else stranded_subject(r.carrier)


def counted_subject_of_toll_carrier_is_no_doer(r: Reading) -> None:
    """A counted subject of a toll verb is its victims: "Four killed in Baghdad riots": the four
    are victims, not rioters."""
    src = r.src
    if not r.verbal and src is not None and r.carrier.lemma_ in casualty_verbs():
        if counted(src):
            r.src = None


def doer_named_by_noun(r: Reading) -> None:
    """An event noun names its own doer: "an attack by gunmen", "the army's offensive"."""
    if not r.verbal:
        r.src = r.src or noun_source(r.token, r.cand.event_type)


def target_named_by_noun(r: Reading) -> None:
    """An event noun names its target, else its carrier does: "strikes on Kharkiv", "clashes
    erupted with police"."""
    if r.verbal:
        return
    cand = r.cand
    r.tgt = noun_target(r.token, cand.event_type, cand.particle)
    if r.tgt is None and cand.role == "subject":
        r.tgt = object_of(r.carrier, cand.event_type, None)
    elif r.tgt is None and r.carrier is not r.token:
        r.tgt = prep_object(r.carrier, TARGET_PREPS - {"to"})


# -- who did it to whom: fix-ups of both ---------------------------------------------------------


def one_side_of_between_acts_on_the_other(r: Reading) -> None:
    """With no one named, the sides of "between" are the doers: "fighting broke out between the
    army and rebels"."""
    token = r.token
    if r.src is not None or r.tgt is not None or not r.nominal:
        return
    between = prep_object(token, {"between"})
    if between is None and token.dep_ == "nsubj":
        between = prep_object(token.head, {"between"})
    for verb in (c for c in token.children if c.dep_ == "acl" and between is None):
        between = prep_object(verb, {"between"})  # "a clash occurred between X and Y"
    if between is not None:
        r.src = between


def clause_names_target(r: Reading) -> None:
    """The one threatened or asked is named in the clause that says what: "threatened to cut
    power to Armenia", "demanded that Korea give up X"."""
    if r.tgt is None and r.token.pos_ == "VERB" and r.cand.event_type in CLAUSE_TARGETS:
        r.tgt = clause_target(r.token, r.cand.event_type)


def target_event_hands_over_its_doer(r: Reading) -> None:
    """The one condemned is the attacker: "condemned an attack by Osgiliath soldiers"."""
    tgt = r.tgt
    if tgt is None or tgt.i not in r.events or tgt.i == r.token.i:
        return
    doer = noun_source(tgt) if tgt.pos_ == "NOUN" else None
    if (
        doer is not None
        and doer.pos_ != "PRON"  # "postponed their meeting" is about the doers
        and r.cand.event_type not in ("ASSAULT", "COERCE")
    ):
        r.tgt = doer


def source_event_hands_over_its_doer(r: Reading) -> None:
    """An event is no doer; its own doer is: "another assault targeting a post"."""
    src = r.src
    if src is not None and src.pos_ == "NOUN" and src.i in r.events and src.i != r.token.i:
        r.src = noun_source(src)


def doer_is_no_target(r: Reading) -> None:
    """The doer is not also the target: "X and Y met" read twice over."""
    if r.tgt is not None and r.src is not None and r.tgt.i == r.src.i:
        r.tgt = None


def running_toll_is_background(r: Reading) -> None:
    """A toll by a running thing is a running total: "Israel's war has killed 53,000"."""
    src = r.src
    if src is not None and src.lemma_.lower() in cues("running"):
        if r.token.lemma_ in casualty_verbs():
            r.background(f"running toll of '{src.text}'")


def event_is_not_its_own_target(r: Reading) -> None:
    """The event word is not its own target: "the killing" read as whom it hit."""
    if r.tgt is not None and r.tgt.i == r.token.i:
        r.tgt = None


def _is_cause(r: Reading) -> bool:
    token = r.token
    return (
        token.pos_ == "NOUN"
        and token.dep_ in ("pobj", "dobj")
        and cause_of(token, r.drafter.finder)
    )


def cause_of_protest_is_background(r: Reading) -> None:
    """What a gathering is about is its cause, told before, no news of this report nor the
    gathering's place: "gathered to protest against the invasion of Ukraine"."""
    if _is_cause(r):
        r.background(f"what '{r.token.head.head.text}' is about")


def start_of_span_is_background(r: Reading) -> None:
    """Where a span starts is history: "died since the beginning of the invasion"."""
    if r.token.pos_ == "NOUN" and not _is_cause(r) and since_phrase(r.token):
        r.background("start of a span ('since')")


def mode_from_doer_and_instrument(r: Reading) -> None:
    """The doer and the instrument refine the mode: "gunmen" shoot, "used jets to"."""
    refine_by_context(r.drafter.finder, r.cand, r.src)


def kind_of_event_is_no_target(r: Reading) -> None:
    """A compound that names no actor is a kind of event, not whom it hit: "mass killings",
    "border attack"."""
    tgt = r.tgt
    if tgt is not None and tgt.dep_ == "compound" and tgt.head is r.token and r.no_actor(tgt):
        r.tgt = None


def target_is_actor_inside_its_phrase(r: Reading) -> None:
    """A target that names no actor hands over to the actor of its phrase: "ties with Iran"."""
    if r.tgt is not None:
        r.tgt = r.drafter.coref.actor_inside(r.tgt)


def participle_doer_is_no_target(r: Reading) -> None:
    """The participle's own doer is no target: "towns ..., killed by gunmen"."""
    doer_is_no_target(r)


def thing_given_goes_to_its_recipient(r: Reading) -> None:
    """The thing names no one, the one it goes to does: "contributed a million dollars to
    Australia", "signed a protocol with Dagolath"."""
    tgt, src = r.tgt, r.src
    if tgt is None or r.token.pos_ != "VERB" or tgt.dep_ != "dobj":
        return
    if r.cand.event_type in THING_TYPES or not r.no_actor(tgt):
        return
    for other in recipients(r.token):
        inner = r.drafter.coref.actor_inside(other)
        if other.i != (src.i if src is not None else -1) and not r.no_actor(inner):
            r.tgt = inner
            return


def what_protesters_hold_is_no_target(r: Reading) -> None:
    """What protesters held is no one they protest against; the object of "against" may be:
    "held a press conference with banners", "held placards"."""
    tgt = r.tgt
    if tgt is None or r.cand.event_type != "PROTEST" or r.token.pos_ != "VERB":
        return
    if tgt.dep_ == "dobj" and tgt.lemma_.lower() not in SITE_NOUNS and r.no_actor(tgt):
        against = prep_object(r.token, {"against"})
        r.tgt = against if against is not None and not r.no_actor(against) else None


def actor_of_a_phrase_is_the_other_side(r: Reading) -> None:
    """With no object, the first actor named in the verb's phrases is the other side (such an
    event is dropped without one): "acted with Libya", "appealed for peace in Ithilen"."""
    if r.tgt is not None or r.token.pos_ != "VERB" or r.cand.event_type not in NEEDS_TARGET:
        return
    src = r.src
    for other in prep_objects(r.token):
        if (src is None or other.i != src.i) and not r.no_actor(other):
            code = r.drafter.coref.actors.code_span(phrase(other, keep_conj=False))
            if code is not None and code.country:
                r.tgt = other
                return


def coordinated_doers_act_on_each_other(r: Reading) -> None:
    """Each side acts on the other: "Egypt and Jordan agreed", "police and protesters clashed",
    "X and Y postponed their meeting"."""
    src, tgt = r.src, r.tgt
    if (
        src is not None
        # "workers and students protested": protesters side with each other
        and r.cand.event_type != "PROTEST"
        and (tgt is None or r.drafter.coref.about_each_other(tgt, r.cand.event_type))
    ):
        later = [c for c in src.conjuncts if c.i > src.i]
        if later:
            r.tgt, r.src_conj = later[0], False


def code_the_actors(r: Reading) -> None:
    """The source and target phrases coded, pronouns resolved: "it" -> the speaker's group."""
    coref, speaker = r.drafter.coref, r.report.speaker
    r.src_text, r.src_code = coref.actor(r.src, speaker, r.state, keep_conj=r.src_conj)
    r.tgt_text, r.tgt_code = coref.actor(r.tgt, speaker, r.state)


def bare_event_noun_read_by_carrier_and_doer(r: Reading) -> None:
    """What a bare event noun means by the verb that carries it and by who does it
    (data/modifiers.csv): "teachers went on strike", "held a two-hour strike"."""
    cand = r.cand
    if cand.particle is not None:
        return
    if r.carrier is not r.token:
        r.drafter.finder.refine(cand, "carrier", r.carrier.lemma_.lower())
    if r.src_code is not None and r.src_code.sector:
        r.drafter.finder.refine(cand, "sector", r.src_code.sector)


def headline_participle_names_victims(r: Reading) -> None:
    """Headlines drop "was": "Bus attacked", "Journalists detained" name the victims."""
    if (
        r.in_headline
        and r.token.tag_ in ("VBN", "VBD")
        and r.tgt is None
        and r.cand.event_type in ("ASSAULT", "COERCE")
        and (r.src_code is None or r.src_code.sector in VICTIM_SECTORS)
    ):
        r.src_text, r.src_code, r.tgt_text, r.tgt_code = None, None, r.src_text, r.src_code


def gathering_of_officials_is_a_meeting(r: Reading) -> None:
    """A gathering of officials is a meeting, not a protest: "senior diplomats gathered in
    Istanbul"."""
    cand, code = r.cand, r.src_code
    if cand.event_type == "PROTEST" and cand.lemma in cues("assembly") and code is not None:
        if code.sector in OFFICIAL_SECTORS and not says_protest(r.drafter.finder, r.token):
            r.dropped = True


def speaker_named(r: Reading) -> None:
    """Reported speech is attributed to its speaker: "police said gunmen attacked"."""
    if r.report.speaker is not None:
        s_text, s_code = r.drafter.coref.actor(r.report.speaker, None, r.state)
        r.speaker_text = s_code.name if s_code else s_text


# -- how the mention stands to other mentions --------------------------------------------------


def noun_points_at_an_event_told_elsewhere(r: Reading) -> None:
    """A noun with no doer that points at an event told elsewhere in the article: "the raids",
    "after an attack on X", "condemned an attack"."""
    token = r.token
    if token.pos_ != "NOUN" or r.src is not None:
        return
    r.anaphoric = (
        any(c.dep_ == "det" and c.lower_ in words("anaphoric_determiners") for c in token.children)
        or (token.dep_ == "pobj" and token.head.lower_ in words("referring_prepositions"))
        or (token.dep_ == "dobj" and token.head.i in r.events)
    )


def report_that_it_happened(r: Reading) -> None:
    """A report that an event happened is news even when it names no one: "Fighting broke
    out", "there were two clashes", "monitors observed 14 explosions"."""
    token = r.token
    if not r.nominal:
        return
    counted_word = counted_by(token)  # "a total of 14 explosions" -> "total"
    r.occurred = (
        (token.dep_ in ("nsubj", "csubj") and token.head.lemma_.lower() in cues("occur"))
        # "a clash occurred between X and Y" parsed as a noun with a participle
        or any(c.dep_ == "acl" and c.lemma_.lower() in cues("occur") for c in token.children)
        or (token.dep_ == "attr" and any(c.dep_ == "expl" for c in token.head.children))
        # "monitors observed 14 explosions", "a shooting was reported": seen to happen
        or (
            counted_word.dep_ in ("dobj", "nsubjpass")
            and counted_word.head.lemma_.lower() in cues("witness")
        )
        # "(applicants) staged a demonstration": a light verb says its event took place,
        # even where the parse loses who did it
        or (r.cand.role == "light" and token.dep_ == "dobj" and r.carrier.tag_ == "VBD")
    )


def event_named_as_what_another_is_about(r: Reading) -> None:
    """An event named as what another event is about, or a definite event noun told before:
    "criticised the Egyptian raids", "its fighters carried out the attack"."""
    token = r.token
    r.pointer = token.pos_ == "NOUN" and (
        (token.dep_ == "dobj" and token.head.i in r.events)
        or any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)
    )


def toll_without_doer_joins_its_attack(r: Reading) -> None:
    """A toll without a doer belongs to the attack told elsewhere: "Four people were
    wounded"."""
    r.toll = (
        r.token.pos_ == "VERB"
        and r.src is None
        and r.cand.event_type == "ASSAULT"
        and r.token.lemma_.lower() in casualty_verbs()
    )


def attack_framing_a_killing(r: Reading) -> None:
    """The attack is the frame of the killing, one event told twice in one sentence: "X killed
    40 soldiers in an attack on a base". (Where the verb names no doer, "40 were killed in an
    attack by X", the attack is the event and the toll joins it.)"""
    token = r.token
    r.frame = (
        token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and token.head.lower_ in ("in", "during")
        and token.head.head.i in r.events
        and subject_of(token.head.head) is not None
    )


# -- when ----------------------------------------------------------------------------------------


def date_of_the_event_word(r: Reading) -> None:
    """The date said with the event word or its carrier: "police detained 40 on Tuesday"."""
    published = r.state.published
    r.when = event_date(r.token, published)
    if r.when is None and r.carrier is not r.token:
        r.when = event_date(r.carrier, published)


def dated_material_event_happened(r: Reading) -> None:
    """A material event dated in its own sentence happened, even where the parse loses who took
    part: "On 12 May, in X, workers blocked the road in a demonstration"."""
    when, report, published = r.when, r.report, r.state.published
    if r.occurred or when is None or when.background:
        return
    # (a day after publication is to come: "a march on 20 May")
    if when.date and published and when.date > published.isoformat():
        return
    r.occurred = (
        r.cand.event_type in DATED_NEWS
        and report.modality == "asserted"
        and not report.background
        and not r.pointer
        and not r.anaphoric
        and clause_event(r.token, r.state.event_types) in DATED_NEWS | {None}
    )


def _conj_head(token: Token) -> Token:
    """The first of the coordinated clauses `token` heads or is in."""
    clause = token
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    return clause


def relative_clause_shares_its_nouns_time(r: Reading) -> None:
    """The clause shares its noun's time: "the 2011 uprising that toppled Gaddafi"."""
    clause = _conj_head(r.token)
    if r.when is None and clause.dep_ in ("relcl", "acl"):
        r.when = event_date(clause.head, r.state.published)


def hours_after_is_the_main_clauses_day(r: Reading) -> None:
    """The same day as its main clause: "strikes on Friday, hours after gunmen attacked"."""
    clause = _conj_head(r.token)
    if r.when is None and clause.dep_ == "advcl":
        if any(c.lemma_.lower() in words("moment_nouns") for c in clause.children):
            r.when = event_date(clause.head, r.state.published)


def _hangs_on_its_clause(clause: Token) -> bool:
    """Whether `clause` is a participle, infinitive or conjunct that happens with its head."""
    if clause.head is clause:
        return False
    if clause.dep_ in ("xcomp", "conj"):
        return True
    return clause.dep_ == "advcl" and not any(c.dep_ == "mark" for c in clause.children)


def participle_happens_with_its_clause(r: Reading) -> None:
    """A participle or infinitive happens when the clause it hangs on does: "On 3 May, police
    detained ..., accusing them of ..."."""
    clause, steps = _conj_head(r.token), 0
    while r.when is None and steps < 3 and _hangs_on_its_clause(clause):
        clause, steps = clause.head, steps + 1
        r.when = event_date(clause, r.state.published)


def paragraphs_opening_day(r: Reading) -> None:
    """The paragraph's opening day: "On 3 May, gunmen attacked a bus. Two were killed."."""
    if r.when is None:
        r.when = lead_date(r.token, r.state.published)


# -- where, how old, how many ------------------------------------------------------------------


def place_said_with_the_event(r: Reading) -> None:
    """The place said with the event word or its carrier: "clashes in Lagos"."""
    geo, geocoder = r.state.geo, r.drafter.geocoder
    if geo is None:
        return
    r.place = geocoder.locate(r.token, geo)
    if r.place is None and r.carrier is not r.token:
        r.place = geocoder.locate(r.carrier, geo)


def date_long_before_is_background(r: Reading) -> None:
    """An event dated long before publication is history: "in 2011, protesters toppled ..."."""
    if r.when is not None and r.when.background:
        r.background(f"date '{r.when.text}' long before publication")


def counts_of_word_and_carrier(r: Reading) -> None:
    """The dead, injured, arrested and crowd size told with the event: "killed 12 people"."""
    r.counts = casualties(r.token)
    if r.carrier is not r.token:
        r.counts = merge_counts(r.counts, casualties(r.carrier))


# The rules in the order they apply: a later rule may overrule an earlier one.
RULES: tuple[Rule, ...] = (
    subject_and_object_of_verb,
    stranded_subject_is_doer,
    misread_object_is_passive_patient,
    stranded_subject_of_passive_is_victim,
    counted_subject_of_toll_verb_is_victim,
    user_pattern_marks_roles,
    subject_of_carrier_is_doer,
    counted_subject_of_toll_carrier_is_no_doer,
    doer_named_by_noun,
    target_named_by_noun,
    one_side_of_between_acts_on_the_other,
    clause_names_target,
    target_event_hands_over_its_doer,
    source_event_hands_over_its_doer,
    doer_is_no_target,
    running_toll_is_background,
    event_is_not_its_own_target,
    cause_of_protest_is_background,
    start_of_span_is_background,
    mode_from_doer_and_instrument,
    kind_of_event_is_no_target,
    target_is_actor_inside_its_phrase,
    participle_doer_is_no_target,
    thing_given_goes_to_its_recipient,
    what_protesters_hold_is_no_target,
    actor_of_a_phrase_is_the_other_side,
    coordinated_doers_act_on_each_other,
    code_the_actors,
    bare_event_noun_read_by_carrier_and_doer,
    headline_participle_names_victims,
    gathering_of_officials_is_a_meeting,
    speaker_named,
    noun_points_at_an_event_told_elsewhere,
    report_that_it_happened,
    event_named_as_what_another_is_about,
    toll_without_doer_joins_its_attack,
    attack_framing_a_killing,
    date_of_the_event_word,
    dated_material_event_happened,
    relative_clause_shares_its_nouns_time,
    hours_after_is_the_main_clauses_day,
    participle_happens_with_its_clause,
    paragraphs_opening_day,
    place_said_with_the_event,
    date_long_before_is_background,
    counts_of_word_and_carrier,
)


class Drafter:
    """Reads candidates into drafts with one trigger finder, geocoder and actor coder."""

    def __init__(self, finder: TriggerFinder, geocoder: Geocoder, coref: Coreference) -> None:
        self.finder = finder
        self.geocoder = geocoder
        self.coref = coref

    def draft(
        self,
        cand: Candidate,
        offset: int,
        state: ArticleState,
        events: set[int],
        trace: bool = False,
    ) -> Draft | None:
        """Read the roles and circumstances of one candidate into a draft event, walking
        `RULES`; None when a rule finds it is no event.

        Args:
            events: indexes of all event words of the piece, to tell nested mentions.
            trace: make a `TracedDraft`, naming the rules that decided its fields.
        """
        reading = Reading(
            cand=cand,
            offset=offset,
            state=state,
            events=events,
            drafter=self,
            report=report_of(cand, state.headline_end - offset),
            gerund=is_gerund_subject(cand.token),
        )
        for rule in RULES:
            if trace:
                _traced(reading, rule)
            else:
                rule(reading)
            if reading.dropped:
                return None
        if trace:
            return TracedDraft(**_draft_fields(reading), decided_by=tuple(reading.trail))
        return Draft(**_draft_fields(reading))


def _draft_fields(r: Reading) -> dict[str, Any]:
    """The fields of the draft of a reading the rules are done with."""
    token, offset = r.token, r.offset
    sent = token.sent
    sent_text = span_text(sent, r.state.article.text, offset)
    return dict(
        cand=r.cand,
        report=r.report,
        offset=offset,
        sentence=sent_text.strip(),
        sent_start=offset + sent.start_char + (len(sent_text) - len(sent_text.lstrip())),
        position=offset + token.idx,
        in_headline=r.in_headline,
        source_text=r.src_text,
        source=r.src_code,
        target_text=r.tgt_text,
        target=r.tgt_code,
        source_token=r.src,
        target_token=r.tgt,
        action_text=action_text(r.cand),
        attributed_to=r.speaker_text,
        anaphoric=r.anaphoric,
        toll=r.toll,
        occurred=r.occurred,
        # A headline (or a subtitle or caption: a line with no full stop) sums up the
        # body: its mentions join the body's events where they fit.
        loose=r.anaphoric
        or r.pointer
        or r.toll
        or r.frame
        or r.in_headline
        or not sent_text.rstrip().endswith(SENTENCE_ENDS),
        frame_of=offset + token.head.head.idx if r.frame else None,
        when=r.when,
        place=r.place,
        counts=r.counts,
    )
