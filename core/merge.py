"""One event, one row: fold the mentions of an event across headline, lede and body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .actors import ActorCode
from .casualties import Casualties
from .dates import EventDate
from .geo import Location
from .roles import Report
from .triggers import Candidate

STOPWORDS = {
    "the", "a", "an", "of", "in", "on", "and", "to", "its", "their", "his", "her", "at", "by",
    "for", "with", "from", "as", "that", "this", "these", "those", "some", "s",
}


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
    claimed_by: str | None = None
    claim_only: bool = False
    mentions: int = 1

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
        return round(max(0.01, min(0.99, score)), 3)


def _words(text: str | None) -> set[str]:
    if not text:
        return set()
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS}


def _keys(code: ActorCode | None) -> set[str]:
    if code is None:
        return set()
    keys = {n.strip().lower() for n in code.name.split(";") if n.strip()}
    if code.country:
        keys |= {c for c in code.country.split(";") if c}
    return keys


def _affinity(kept: Draft, new: Draft) -> float | None:
    """How well `new` fits as a mention of `kept`; None when the two cannot be one event."""
    if kept.cand.event_type != new.cand.event_type:
        return None
    if kept.sent_start == new.sent_start and not new.anaphoric:
        return None  # two events in one sentence are two events
    score = 0.0
    ks, ns = _keys(kept.source), _keys(new.source)
    if ks and ns:
        if not ks & ns:
            return None
        score += 2.0
    elif kept.source_text and new.source_text:
        if not _words(kept.source_text) & _words(new.source_text):
            return None
    kt, nt = _words(kept.target_text), _words(new.target_text)
    if kt and nt and kt & nt:
        score += 1.0
    # A mention that points back ("the raids") takes its place and date from the clause that
    # points; they say nothing against the event it points to.
    loose = kept.anaphoric or new.anaphoric
    kp, np_ = kept.place, new.place
    if kp and np_ and kp.precision == "place" and np_.precision == "place":
        if kp.geonameid == np_.geonameid:
            score += 1.0
        elif not loose:
            return None
    kd, nd = kept.when, new.when
    if kd and nd and kd.date and nd.date and kd.precision == "day" and nd.precision == "day":
        if kd.date == nd.date:
            score += 0.5
        elif not loose:
            return None
    if kept.report.background != new.report.background:
        return None
    return score


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """Fold mentions of the same event into one draft each, in order of first mention.

    A mention joins an earlier event of the same type when their actors agree and something
    else ties them (shared target words, place, date); a bare "the raids" or a claim of
    responsibility joins the best-fitting earlier event of its type.
    """
    clusters: list[list[Draft]] = []
    for draft in sorted(drafts, key=lambda d: d.position):
        best: tuple[float, int, int] | None = None
        for n, cluster in enumerate(clusters):
            scores = [_affinity(kept, draft) for kept in cluster]
            if any(s is None for s in scores):
                continue
            score = max(s for s in scores if s is not None)
            # Ties go to the event mentioned last: a pointer points at the nearest.
            latest = max(kept.position for kept in cluster)
            if best is None or (score, latest) > (best[0], best[2]):
                best = (score, n, latest)
        loose = draft.anaphoric or draft.claim_only
        if best is not None and (best[0] >= 1.0 or loose):
            clusters[best[1]].append(draft)
        else:
            clusters.append([draft])
    merged = []
    for cluster in clusters:
        lead = max(cluster, key=lambda d: (d.richness(), -d.position))
        lead.mentions = len(cluster)
        for other in cluster:
            if other.claimed_by and not lead.claimed_by:
                lead.claimed_by = other.claimed_by
            if other.anaphoric:
                continue  # its time and place are those of the clause that points back
            if lead.counts is None or lead.counts.dead is None:
                if other.counts is not None and other.counts.dead is not None:
                    lead.counts = other.counts
            if lead.when is None or lead.when.date is None:
                if other.when is not None and other.when.date is not None:
                    lead.when = other.when
            if lead.place is None and other.place is not None:
                lead.place = other.place
        # A bare anaphoric or claimed mention with nothing to join is no event of its own.
        if len(cluster) == 1 and (lead.anaphoric and not lead.target_text):
            continue
        merged.append(lead)
    merged.sort(key=lambda d: d.position)
    return merged
