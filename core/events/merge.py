"""One event, one row: fold the mentions of an event across headline, lede and body."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from ..actors import ActorCode
from ..dates import EventDate
from ..geo import Location
from ..lang.en import words
from .candidate import Candidate
from .casualties import Casualties
from .roles import Report

# Sectors of crowds: protesters, civilians, students, workers, or none named.
CROWD_SECTORS = {None, "OPP", "CVL", "EDU", "LAB", "REF", "REL"}
# Affinity two mentions with their own doers need to be told as one event.
FIRM_MATCH = 1.5
# The state's armed forces, told now as troops, now as police or security forces.
STATE_FORCES = {"MIL", "COP"}
# Armed groups: unidentified attackers (UAF) may be named later as a rebel group's men (REB).
ARMED_NONSTATE = {"UAF", "REB"}
# How many characters of an ISO date each precision fixes.
DATE_WIDTH = {"day": 10, "month": 7, "year": 4}


@dataclass
class Draft:
    """An event mention with everything read about it, before merging."""

    cand: Candidate
    report: Report
    offset: int
    sentence: str
    sent_start: int
    position: int
    in_headline: bool
    source_text: str | None
    source: ActorCode | None
    target_text: str | None
    target: ActorCode | None
    action_text: str
    attributed_to: str | None
    anaphoric: bool
    when: EventDate | None
    place: Location | None
    counts: Casualties | None
    loose: bool = False
    toll: bool = False
    occurred: bool = False
    # Position of the event this mention is the frame of ("killed 40 in an attack on X").
    frame_of: int | None = None
    claimed_by: str | None = None
    mentions: int = 1
    source_token: Token | None = None
    target_token: Token | None = None
    members: list[Draft] = field(default_factory=list)
    # The body's first news event: likely the report's main event (see `merge_drafts`).
    lede: bool = False

    def richness(self) -> float:
        """How much this mention says: the richest one is the row's evidence."""
        score = self.cand.weight
        score += 1.0 if self.source else (0.3 if self.source_text else 0.0)
        score += 0.7 if self.target else (0.4 if self.target_text else 0.0)
        score += 0.4 if self.place else 0.0
        score += 0.3 if self.when and self.when.date else 0.0
        score += 0.3 if self.counts and self.counts.text else 0.0
        score -= 0.5 if self.in_headline else 0.0
        score -= 0.5 if self.anaphoric else 0.0
        # Of two mentions that say as much, the fuller sentence is better evidence.
        score += min(len(self.sentence), 300) / 1000
        return score

    def confidence(self) -> float:
        """How sure the evidence is, in [0, 1]."""
        score = self.cand.weight * 0.7
        if self.source is not None and (self.source.country or self.source.sector):
            score += 0.2
        elif self.source_text:
            score += 0.08
        else:
            score -= 0.1
        if self.target_text:
            score += 0.07
        if self.report.modality != "asserted":
            score -= 0.2
        score += min(0.1, 0.04 * (self.mentions - 1))
        score += LEDE_BONUS if self.lede else 0.0
        return round(max(0.01, min(0.99, score)), 3)


@lru_cache(maxsize=4096)
def _words(text: str | None) -> frozenset[str]:
    """Content words of a phrase, cut to four letters so that "Copts" meets "Coptic"."""
    if not text:
        return frozenset()
    stop = words("merge_stopwords")
    return frozenset(w[:4] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in stop)


def _keys(code: ActorCode | None) -> set[str]:
    if code is None:
        return set()
    keys = {n.strip().lower() for n in code.name.split(";") if n.strip()}
    if code.country:
        keys |= {c for c in code.country.split(";") if c}
    return keys


def _said(place: Location | None) -> bool:
    """Whether the place was written in the event's sentence (not the article's fallback)."""
    return place is not None and place.start_char is not None


def _same_place(a: Location, b: Location) -> bool | None:
    """True for one place, False for two places, None when they may be one (a named spot in a
    known town: "Tahrir Square in Cairo" and "in Cairo")."""
    if a.geonameid is not None and b.geonameid is not None:
        if a.precision == "place" and b.precision == "place":
            return a.geonameid == b.geonameid
        return None if a.geonameid != b.geonameid else True
    if a.geonameid is None and b.geonameid is None:
        # Both are spots the gazetteer does not know: their names tell.
        return a.name.lower() == b.name.lower()
    return None


def _source_fit(kept: Draft, new: Draft) -> float | None:
    """How well the doers of two mentions agree; None when they are different doers."""
    a, b = kept.source, new.source
    if kept.cand.event_type == "PROTEST" and _crowd(a) and _crowd(b):
        # "protesters", "3 million Brazilians", "they": the crowds of one protest wave.
        if a and b and a.country and b.country and a.country != b.country:
            return None
        return FIRM_MATCH
    if a is not None and b is not None:
        if a.country and b.country:
            if not set(a.country.split(";")) & set(b.country.split(";")):
                return None
            return 1.0
        if _keys(a) & _keys(b):
            return 1.0
        if a.sector and a.sector == b.sector:
            return 1.0  # "police" and "Kenyan police"
        if {a.sector, b.sector} <= ARMED_NONSTATE and "UAF" in (a.sector, b.sector):
            return 0.5  # "gunmen" later named as a group's "fighters"
        if {a.sector, b.sector} <= STATE_FORCES and not (a.country and b.country):
            return 0.5  # "its troops" and "Indian security forces"
        if _words(kept.source_text) & _words(new.source_text):
            return 0.5
        return None
    if kept.source_text and new.source_text:
        return 0.5 if _words(kept.source_text) & _words(new.source_text) else None
    return 0.0


def _actorish(code: ActorCode | None) -> bool:
    """Whether a coded actor is someone: a country, a sector, or a named person or group."""
    return code is not None and bool(code.country or code.sector or _named(code))


def _crowd(code: ActorCode | None) -> bool:
    """Whether a doer is a crowd of people rather than a named organisation or force."""
    return code is None or (code.sector in CROWD_SECTORS and not _named(code))


def _named(code: ActorCode) -> bool:
    return bool(code.name) and code.name[:1].isupper() and code.sector is None and not code.country


def _affinity(kept: Draft, new: Draft) -> float | None:
    """How well `new` fits as a mention of `kept`; None when the two cannot be one event."""
    if kept.cand.event_type != new.cand.event_type:
        return None
    if kept.report.background != new.report.background:
        return None
    if kept.sent_start == new.sent_start and not new.loose:
        return None  # two events in one sentence are two events
    score = 0.0
    src = _source_fit(kept, new)
    if src is None:
        return None
    score += src
    if _words(kept.target_text) & _words(new.target_text):
        score += 1.0
    # A loose mention ("the raids", "four were wounded") takes its place and date from its
    # own clause; they say nothing against the event it belongs to.
    loose = kept.loose or new.loose
    kp, np_ = kept.place, new.place
    if _said(kp) and _said(np_) and kp and np_:
        same = _same_place(kp, np_)
        if same is False and not loose:
            return None
        if same or kp.country == np_.country:
            score += 0.5
    kd, nd = kept.when, new.when
    if kd and nd and kd.date and nd.date:
        # Compare at the coarser of the two precisions: "February 2015" is not "26 May 2017".
        width = min(DATE_WIDTH.get(kd.precision or "", 0), DATE_WIDTH.get(nd.precision or "", 0))
        if width and kd.date[:width] == nd.date[:width]:
            score += 0.5 if width == 10 else 0.0
        elif width and not loose:
            return None
    return score


def _best(clusters: list[list[Draft]], draft: Draft) -> tuple[float, int] | None:
    """The cluster `draft` fits best, by affinity and then nearness in the text."""
    best: tuple[float, float, int] | None = None
    for n, cluster in enumerate(clusters):
        if cluster[0].cand.event_type != draft.cand.event_type:
            continue  # a cluster holds one type (see `_affinity`): no need to score it
        scores = [_affinity(kept, draft) for kept in cluster]
        if not scores or any(s is None for s in scores):
            continue
        score = max(s for s in scores if s is not None)
        distance = min(abs(kept.position - draft.position) for kept in cluster)
        if best is None or (score, -distance) > (best[0], best[1]):
            best = (score, -distance, n)
    return None if best is None else (best[0], best[2])


# Confidence added to the body's first news event (see `merge_drafts`).
LEDE_BONUS = 0.15
# Types whose reports name what they are about: without a target they say too little.
NEEDS_TARGET = {
    "REQUEST",
    "THREATEN",
    "ACCUSE",
    "SUPPORT",
    "REJECT",
    "AGREE",
    "CONSULT",
    "COOPERATE",
    "AID",
    "CONCEDE",
}


def _framed(clusters: list[list[Draft]], draft: Draft) -> int | None:
    """The cluster of the event `draft` is the frame of, when it is of the same type."""
    if draft.frame_of is None:
        return None
    for n, cluster in enumerate(clusters):
        if any(
            d.position == draft.frame_of and d.cand.event_type == draft.cand.event_type
            for d in cluster
        ):
            return n
    return None


# Modalities of a mention that did not happen (yet): it lends its lead no time, place or toll.
UNREAL = frozenset({"future", "negated", "hypothetical", "conditional"})


def _firm_clusters(ordered: list[Draft]) -> list[list[Draft]]:
    """The events of the mentions with their own doer, each a list of its mentions.

    The same doer is not enough: one army strikes many times. Something else (the target, the
    place, the day) must tie two firm mentions together.
    """
    clusters: list[list[Draft]] = []
    for draft in (d for d in ordered if not d.loose):
        best = _best(clusters, draft)
        if best is not None and best[0] >= FIRM_MATCH:
            clusters[best[1]].append(draft)
        else:
            clusters.append([draft])
    return clusters


# A rule placing a loose mention: (clusters, how many are firm, draft) -> whether it placed it.
LooseRule = Callable[[list[list[Draft]], int, Draft], bool]


def _joins_its_frame(clusters: list[list[Draft]], firm: int, draft: Draft) -> bool:
    """In "killed 40 in an attack on X": the mention joins the event it is the frame of."""
    framed = _framed(clusters[:firm], draft)
    if framed is None:
        return False
    clusters[framed].append(draft)
    return True


def _joins_best_fit(clusters: list[list[Draft]], firm: int, draft: Draft) -> bool:
    """In "the raids", "four were wounded": a bare pointer, a toll or a headline joins the
    event it fits best; a mention that names its own actors ("the killing of 21 workers")
    needs something in common."""
    best = _best(clusters[:firm], draft)
    bare = not (draft.source_text or draft.target_text)
    if best is not None and (bare or draft.toll or draft.in_headline or best[0] >= 0.5):
        clusters[best[1]].append(draft)
        return True
    return False


def _stands_alone(clusters: list[list[Draft]], firm: int, draft: Draft) -> bool:
    """In "the killing of 21 workers" with no event to join: a mention that says something of
    its own is an event of its own."""
    if draft.source_text or draft.target_text or draft.occurred:
        clusters.append([draft])
        return True
    return False


# Where a loose mention goes, first rule that places it wins; one none places is dropped.
LOOSE_RULES: tuple[LooseRule, ...] = (_joins_its_frame, _joins_best_fit, _stands_alone)


def _lends_nothing(lead: Draft, other: Draft) -> bool:
    """In "the raids", or "called for a new rally on Tuesday" beside the rally held: a mention
    whose time, place and toll are not the lead's to take."""
    # A toll ("four were wounded", "the attack killed 12") adds its count.
    told = other.toll or other.cand.role == "subject"
    if other.loose and other.source is None and not told:
        return True  # its time and place are those of the clause that points at it
    # "called for a new rally on Tuesday": not when the rally held was
    return lead.report.modality == "asserted" and other.report.modality in UNREAL


def _lead(cluster: list[Draft]) -> Draft:
    """The richest mention of an event, with what its other mentions add to it."""
    # A negated mention leads no other ("gathered ... for not joining the boycott": the
    # gathering happened, the boycott did not).
    lead = max(cluster, key=lambda d: (d.report.modality != "negated", d.richness(), -d.position))
    lead.mentions = len(cluster)
    # The other mentions only: a lead listing itself would be a reference cycle.
    lead.members = sorted((d for d in cluster if d is not lead), key=lambda d: d.position)
    for other in sorted(cluster, key=lambda d: d.position):
        if other.claimed_by and not lead.claimed_by:
            lead.claimed_by = other.claimed_by
        if _lends_nothing(lead, other):
            continue
        if lead.counts is None or lead.counts.dead is None:
            if other.counts is not None and other.counts.dead is not None:
                lead.counts = other.counts
        if lead.when is None or lead.when.date is None:
            if other.when is not None and other.when.date is not None:
                lead.when = other.when
        if not _said(lead.place) and _said(other.place):
            lead.place = other.place
    return lead


def _says_nothing(lead: Draft) -> bool:
    """In "the raids" alone: an event with no doer, no target and nothing that happened."""
    return not (lead.source_text or lead.target_text or lead.occurred)


def _lacks_target(lead: Draft) -> bool:
    """In "they demanded": a report of a type that names what it is about, without it."""
    return lead.cand.event_type in NEEDS_TARGET and not lead.target_text


def _between_no_one(lead: Draft) -> bool:
    """In "the request can be rejected", "many welcomed the change": a statement between no one
    we can name is no political event."""
    return lead.cand.event_type in NEEDS_TARGET and not (
        _actorish(lead.source) or _actorish(lead.target)
    )


# Why an event's lead is no row, in order.
NO_ROW_RULES: tuple[Callable[[Draft], bool], ...] = (_says_nothing, _lacks_target, _between_no_one)


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """Fold mentions of the same event into one draft each, in order of first mention.

    Mentions with their own doer join an earlier event of the same type when their actors
    agree and something else ties them (shared target words, place, date). Then loose
    mentions (a bare "the raids", a claimed "attack", "four were wounded") are placed by
    LOOSE_RULES: they join the event of their type they fit best, nearest first; one with
    nothing to join and nothing to say of its own is dropped. An event whose lead one of
    NO_ROW_RULES refuses is no row.
    """
    ordered = sorted(drafts, key=lambda d: d.position)
    clusters = _firm_clusters(ordered)
    firm = len(clusters)
    for draft in (d for d in ordered if d.loose):
        for rule in LOOSE_RULES:
            if rule(clusters, firm, draft):
                break
    leads = [_lead(cluster) for cluster in clusters]
    merged = [lead for lead in leads if not any(rule(lead) for rule in NO_ROW_RULES)]
    merged.sort(key=lambda d: d.position)
    # News tells its main event first: the body's first news event is likelier the report's
    # subject than a later side event ("a rally in Moscow against the invasion of Ukraine").
    lede = next((d for d in merged if not d.in_headline and not d.report.background), None)
    if lede is not None:
        lede.lede = True
    return merged
