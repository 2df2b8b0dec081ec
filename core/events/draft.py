"""A draft event from one trigger candidate: its doer and target, how it is reported, its date,
place and toll, read from the parse."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..dates import event_date, lead_date
from ..geo import SITE_NOUNS, Geocoder
from .casualties import Casualties, casualties
from .coreference import Coreference
from .merge import NEEDS_TARGET, Draft
from .roles import (
    TARGET_PREPS,
    Report,
    counted_by,
    cues,
    is_gerund_subject,
    is_passive,
    misread_subject,
    noun_source,
    noun_target,
    object_of,
    passive_patient,
    phrase,
    prep_object,
    prep_objects,
    recipients,
    report_of,
    stranded_subject,
    subject_of,
)
from .state import ArticleState
from .triggers import PATTERN_MARK, Candidate, TriggerFinder, marked_roles, particle_children

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


class Drafter:
    """Reads candidates into drafts with one trigger finder, geocoder and actor coder."""

    def __init__(self, finder: TriggerFinder, geocoder: Geocoder, coref: Coreference) -> None:
        self.finder = finder
        self.geocoder = geocoder
        self.coref = coref

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
            and self.coref.is_no_actor(tgt)
        ):
            tgt = None  # "mass killings", "border attack": a kind of event, not whom it hit
        tgt = self.coref.actor_inside(tgt) if tgt is not None else None
        if tgt is not None and src is not None and tgt.i == src.i:
            tgt = None  # "towns ..., killed by gunmen": the participle's own doer is no target
        if (
            tgt is not None
            and token.pos_ == "VERB"
            and tgt.dep_ == "dobj"
            and cand.event_type not in THING_TYPES
            and self.coref.is_no_actor(tgt)
        ):
            # "contributed a million dollars to Australia", "signed a protocol with Dagolath":
            # the thing names no one, the one it goes to does.
            for other in recipients(token):
                inner = self.coref.actor_inside(other)
                if other.i != (src.i if src is not None else -1) and not self.coref.is_no_actor(
                    inner
                ):
                    tgt = inner
                    break
        if (
            tgt is not None
            and cand.event_type == "PROTEST"
            and token.pos_ == "VERB"
            and tgt.dep_ == "dobj"
            and tgt.lemma_.lower() not in SITE_NOUNS
            and self.coref.is_no_actor(tgt)
        ):
            # "held a press conference with banners", "held placards": what the protesters
            # held is no one they protest against; the object of "against" may be.
            against = prep_object(token, {"against"})
            tgt = against if against is not None and not self.coref.is_no_actor(against) else None
        if tgt is None and token.pos_ == "VERB" and cand.event_type in NEEDS_TARGET:
            # "acted with Libya", "departed from Libya", "appealed for peace in Ithilen": with
            # no object, the first actor named in the verb's phrases is the other side (such
            # an event is dropped without one).
            for other in prep_objects(token):
                if (src is None or other.i != src.i) and not self.coref.is_no_actor(other):
                    code = self.coref.actors.code_span(phrase(other, keep_conj=False))
                    if code is not None and code.country:
                        tgt = other
                        break
        src_conj = True
        if (
            src is not None
            # "workers and students protested": protesters side with each other
            and cand.event_type != "PROTEST"
            and (tgt is None or self.coref.about_each_other(tgt, cand.event_type))
        ):
            # "Egypt and Jordan agreed", "police and protesters clashed", "X and Y renewed
            # ties", "X and Y postponed their meeting": each side acts on the other.
            later = [c for c in src.conjuncts if c.i > src.i]
            if later:
                tgt, src_conj = later[0], False
        src_text, src_code = self.coref.actor(src, report.speaker, state, keep_conj=src_conj)
        tgt_text, tgt_code = self.coref.actor(tgt, report.speaker, state)
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
            s_text, s_code = self.coref.actor(report.speaker, None, state)
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
