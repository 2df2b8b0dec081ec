"""The article's context: its dateline, the places it names and what they say of each other.

`article_context` reads the dateline (`read_dateline`, geo's only dateline reader), the
countries its demonyms and bodies point to, then every place name twice: alone (pass 1), then in
the light of the whole article by the rules of `name_rules` (pass 2).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from .demonyms import country_of_demonym
from .lookup import Gazetteer
from .mentions import place_spans
from .name_rules import ArticleNames, read_name
from .params import DATELINE_CHARS
from .qualifiers import (
    core_name,
    country_of_qualified,
    parenthesis,
    unit_readings,
)
from .readings import (
    count_units,
    stray_country,
    widest_of_lists,
)
from .records import RANK, GeoContext, Location, fold
from .tokens import is_capitalised, party_mention
from .vocab import (
    ACTOR_DEPS,
    ACTOR_WORDS,
    CODED_ANYWHERE,
    CODED_LEAD,
    CODED_OTHER,
    GEO_STOPWORDS,
    NAME_PARTICLES,
    NOT_PLACE_WORDS,
    PLACE_NOUNS,
)

# -- the article -------------------------------------------------------------------


def article_context(gaz: Gazetteer, doc: Doc) -> GeoContext:
    """Countries, regions and places the article mentions, its dateline and main place."""
    ctx = GeoContext()
    ctx.dateline, ctx.dateline_end = read_dateline(gaz, doc)
    if ctx.dateline is not None and ctx.dateline.country:
        ctx.countries[ctx.dateline.country] += 1
    _count_named_countries(gaz, doc, ctx)
    ents = place_spans(gaz, doc)
    # Pass 1: names that are unambiguous countries or regions give the article's countries.
    first = _first_readings(gaz, ents, ctx)
    by_end = {ent.end: ent for ent in ents}
    _reread_qualified(gaz, ents, by_end, first)
    # Pass 2: every place again, now weighed by those countries and by local hints.
    parens = {ent.start: parenthesis(gaz, ent) for ent in ents}
    count_units(gaz, ents, first, parens, ctx)
    art = ArticleNames(
        ctx=ctx,
        ents=ents,
        first=first,
        by_end=by_end,
        ends={ent.end for ent in ents},
        parens=parens,
        widest=widest_of_lists(gaz, ents),
        units=unit_readings(gaz, ents, by_end),
        votes=_votes(ents, first),
    )
    for ent in ents:
        read_name(gaz, art, ent)
    ctx.coded = _coded_places(gaz, doc, ctx)
    ctx.main = ctx.dateline or _main_place(ctx, art.located)
    return ctx


def _count_named_countries(gaz: Gazetteer, doc: Doc, ctx: GeoContext) -> None:
    """Count the countries of the demonyms and of the bodies (unions, parties) the article
    names: evidence of where it is, though never places themselves."""
    for ent in doc.ents:
        if ent.label_ in ("NORP", "GPE") and (iso := country_of_demonym(ent.text)):
            # "Libyan" (sometimes tagged GPE) is evidence, not a place; but "Russian forces
            # fired" says who acted more than where, so a demonym on a subject counts less.
            if ent.root.dep_ not in ACTOR_DEPS and ent.root.head.dep_ not in ACTOR_DEPS:
                ctx.countries[iso] += 1
            else:
                ctx.actor_countries[iso] += 1
        elif ent.label_ in ("ORG", "NORP", "PERSON") and (body := gaz.body_country(ent.text)):
            # "at the call of the CGT", "DPK candidates": a union or party of one country
            # is a sign of where its members act, as weak as a demonym on a doer
            ctx.actor_countries[body[0]] += 1
            if body[1]:
                ctx.bodies[body[0]] += 1


def _first_readings(
    gaz: Gazetteer, ents: list[Span], ctx: GeoContext
) -> dict[int, Location | None]:
    """Pass 1: each name read alone (by its start), counting the countries and regions it
    names in `ctx`."""
    first: dict[int, Location | None] = {}
    for ent in ents:
        loc = gaz.resolve(ent.text, None, start=ent.start_char)
        if loc is not None and loc.precision != "country" and not is_capitalised(ent.text):
            loc = None  # "the west coast": only a country may be written in lower case
        first[ent.start] = loc
        if loc is not None and loc.precision == "country":
            if party_mention(ent):
                # "the war against Ukraine", "Russia said": a party, weaker evidence.
                ctx.actor_countries[loc.country or ""] += 1
            else:
                ctx.countries[loc.country or ""] += 1
        elif loc is not None and loc.precision == "region":
            ctx.regions[loc.admin1 or loc.name] += 1
        if loc is not None and loc.country:
            ctx.named[loc.country] += 1
    return first


def _reread_qualified(
    gaz: Gazetteer, ents: list[Span], by_end: dict[int, Span], first: dict[int, Location | None]
) -> None:
    """ "Mejicanos, San Salvador": the qualifier is read in the country both names share."""
    for ent in ents:
        loc = first[ent.start]
        before = by_end.get(ent.start - 1)
        iso = country_of_qualified(gaz, ent, before) if loc is not None else None
        if loc is not None and iso is not None:
            again = gaz.resolve(
                ent.text, None, hint_country=iso, want_kind="a", start=ent.start_char
            )
            if again is not None and again.country == iso:
                first[ent.start] = again


def _votes(ents: list[Span], first: dict[int, Location | None]) -> dict[str, Counter[str]]:
    """The countries each name reads in, all its mentions together ("Kin village" ... "in
    Kin"), by its core name."""
    votes: dict[str, Counter[str]] = {}
    for ent in ents:
        if (read := first[ent.start]) is not None and read.country:
            votes.setdefault(core_name(ent), Counter())[read.country] += 1
    return votes


# -- the dateline ---------------------------------------------------------------------------
# The one place geo reads an article's dateline: `read_dateline`.

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "BEIRUT (Reuters) -", "CAIRO, May 26 (AP) —", "TRIPOLI, Libya, March 3 (AFP) -", "GAZA —".
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'.\- ]{1,40}?)"
    r"(?P<quals>(?:,[ \t]*[A-Z][A-Za-z'.\- ]{1,30}?(?:[ \t]+\d{1,2})?){0,3})"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\)[ \t]*)?(?P<dash>[-—–]{1,2}|:)[ \t]",
    re.MULTILINE,
)
_BARE_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'.\-]{2,}(?:[ \t][A-Z][A-Z'.\-]{2,}){0,2})[ \t]+(?=[A-Z][a-z])",
    re.MULTILINE,
)


def doc_head(doc: Doc, chars: int) -> str:
    """`doc.text[:chars]` without joining the whole Doc's text (which costs a Token a word)."""
    import numpy
    from spacy.attrs import IDX

    end = int(numpy.searchsorted(doc.to_array(IDX), chars))
    return doc[:end].text_with_ws[:chars]


def read_dateline(gaz: Gazetteer, doc: Doc) -> tuple[Location | None, int]:
    """The place of a dateline ("BEIRUT (Reuters) -") in the first lines, and where it ends."""
    head = doc_head(doc, DATELINE_CHARS)
    for m in _DATELINE.finditer(head):
        quals = [q.strip() for q in m.group("quals").split(",") if q.strip()]
        if not m.group("agency") and not quals and len(m.group("place").strip()) < 3:
            continue
        hint_c = hint_r = None
        for q in quals:
            if q[:3].lower() in _MONTHS and re.search(r"\d", q):
                continue  # a date ("May 26"), not a place
            for cand in gaz.candidates(q):
                if cand.precision == "country":
                    hint_c = cand.country
                elif cand.precision == "region":
                    hint_r, hint_c = cand.admin1 or cand.name, cand.country
                break
        place = m.group("place").strip()
        loc = gaz.resolve(place.title(), None, hint_country=hint_c, hint_region=hint_r)
        if loc is not None:
            loc.text = head[m.start("place") : m.start("place") + len(place)]
            return loc, m.end()
    # "SEOUL North Korea fired ...": a capitalised place opening a line, with no dash. Any
    # all-capital word could open a headline, so only a country, region or big city counts.
    for m in _BARE_DATELINE.finditer(head):
        place = m.group("place").strip()
        if fold(place) in GEO_STOPWORDS or not gaz.big_place(place.title()):
            continue
        loc = gaz.resolve(place.title(), None)
        if loc is not None:
            loc.text = place
            return loc, m.end("place")
    return None, -1


def _coded_places(gaz: Gazetteer, doc: Doc, ctx: GeoContext) -> list[tuple[int, Location]]:
    """The places coder's notes in the text name: "[coded to Warsaw]", "coded as JIbia";
    not a coded actor ("coded as Kashmir Rebels") nor a namesake abroad."""
    found: list[tuple[int, Location]] = []
    for m in CODED_ANYWHERE.finditer(doc.text):
        words = CODED_LEAD.sub("", m.group("name")).split()[:6]
        if any(w.lower() in NOT_PLACE_WORDS or w.lower() in ACTOR_WORDS for w in words):
            continue
        if CODED_OTHER.search(doc.text[max(0, m.start() - 30) : m.start()]):
            continue  # "(fatalities coded to Donetsk - Kyivskyi event)": another event's
        # "coded to Merida, Merida": the widest unit after a comma says which country
        quals = [q.strip() for q in m.group("quals").split(",") if q.strip()]
        wider = gaz.resolve(quals[-1], ctx, want_kind="a") if quals else None
        hint = wider.country if wider is not None else None
        # The name runs to its first lower-case word ("Jalalabad with GP3", "Sumy as the
        # exact location is unknown"), keeping a unit noun ("Namtu town"); never shorter
        # ("San Rafael del Pinal" is not San Rafael).
        end = 0
        while end < len(words) and (
            words[end][0].isupper() or words[end].lower() in NAME_PARTICLES
        ):
            end += 1
        if end < len(words) and words[end].lower() in PLACE_NOUNS:
            end += 1
        name = " ".join(words[:end])
        if not name or not is_capitalised(name) or fold(name) in GEO_STOPWORDS:
            continue
        # "in Guerrero, Chihuahua (coded to capital Vicente Guerrero)": the province of
        # the place named just before picks among namesakes
        region = next(
            (
                read.admin1
                for i, read in reversed(ctx.by_token.items())
                if read is not None and read.admin1 and doc[i].idx < m.start()
            ),
            None,
        )
        loc = gaz.resolve(name, ctx, hint_country=hint, hint_region=region, start=m.start("name"))
        if loc is not None and loc.precision != "country" and not stray_country(loc.country, ctx):
            found.append((m.start("name"), loc))
    return found


def _main_place(ctx: GeoContext, located: list[Location]) -> Location | None:
    """The scene of the article most mentioned in a place's slot ("in Gdansk"), then in
    any role (finer wins ties; the first mention stands)."""
    best: Location | None = None
    best_key: tuple[int, int, int] | None = None
    for loc in located:
        key = (ctx.sited[loc.name], ctx.places[loc.name], -RANK[loc.precision])
        if best_key is None or key > best_key:
            best, best_key = loc, key
    return best
