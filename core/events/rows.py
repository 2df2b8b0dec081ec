"""The output row of a merged draft: codes, labels, place point, event id."""

from __future__ import annotations

import hashlib

from .. import ontology
from ..geo import Geocoder
from ..lang.en import cues
from ..record import Event
from .merge import Draft
from .state import ArticleState


def to_event(draft: Draft, state: ArticleState, geocoder: Geocoder) -> Event:
    """The output row of a merged draft."""
    cand = draft.cand
    art = state.article
    code = ontology.cameo(cand.cameo_code)
    src, tgt = draft.source, draft.target
    acled = ontology.acled_for(
        cand.event_type,
        cand.mode,
        src.sector if src else None,
        tgt.sector if tgt else None,
        cand.cameo_code,
    )
    when, place, counts = draft.when, draft.place, draft.counts
    if place is not None:
        place = geocoder.seat_point(place)
    background = draft.report.background or bool(when and when.background)
    if (
        when is not None
        and when.precision in ("year", "month")
        and any(c.dep_ == "aux" and c.lemma_ == "have" for c in cand.carrier.children)
    ):
        background = True  # "has killed hundreds this year": a running total
    modality = draft.report.modality
    if counts is not None and counts.claimed and modality == "asserted":
        modality = "claimed"
    start = draft.position
    event_id = hashlib.sha1(
        f"{state.text_hash}:{start}:{cand.event_type}:{cand.cameo_code}".encode()
    ).hexdigest()[:16]
    return Event(
        article=art.path,
        article_title=art.title,
        published=state.published.isoformat() if state.published else None,
        article_url=art.url,
        article_id=art.article_id,
        event_id=event_id,
        event_type=cand.event_type,
        event_mode=cand.mode,
        cameo_code=cand.cameo_code,
        cameo_label=code.label if code else None,
        quad_class=code.quad_class if code else None,
        goldstein=code.goldstein if code else None,
        acled_event_type=acled[0],
        acled_sub_event_type=acled[1],
        source_text=draft.source_text,
        source_name=src.name if src else None,
        source_country=src.country if src else None,
        source_sector=src.sector if src else None,
        target_text=draft.target_text,
        target_name=tgt.name if tgt else None,
        target_country=tgt.country if tgt else None,
        target_sector=tgt.sector if tgt else None,
        # "X and Y met": the target is a conjunct of the source (see `draft`); "X met Y".
        mutual=draft.source_token is not None
        and draft.target_token is not None
        and (draft.target_token in draft.source_token.conjuncts or cand.lemma in cues("mutual")),
        action_text=draft.action_text,
        location_name=place.name if place else None,
        location_admin1=place.admin1 if place else None,
        location_country=place.country if place else None,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geonameid=place.geonameid if place else None,
        geo_precision=place.precision if place else None,
        event_date=when.date if when else None,
        date_text=when.text if when else None,
        date_precision=when.precision if when else None,
        dead=counts.dead if counts else None,
        injured=counts.injured if counts else None,
        arrested=counts.arrested if counts else None,
        size=counts.size if counts else None,
        casualty_text=counts.text if counts else None,
        modality=modality,
        background=background,
        attributed_to=draft.attributed_to,
        claimed_by=draft.claimed_by,
        sentence=draft.sentence,
        char_start=draft.sent_start,
        char_end=draft.sent_start + len(draft.sentence),
        mentions=draft.mentions,
        confidence=draft.confidence(),
    )
