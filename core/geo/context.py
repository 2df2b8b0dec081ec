"""The article's context: its dateline, the places it names and what they say of each other."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from .demonyms import country_of_demonym
from .lookup import Gazetteer, _carved_from, _same_name
from .mentions import _place_spans
from .params import BIG_CITY, DATELINE_CHARS, DISTRICT_KM, METROPOLIS, NEIGHBOUR_KM
from .qualifiers import (
    _after_name_comma,
    _comma_qualifier,
    _core_name,
    _country_of_qualified,
    _dash_anchor,
    _local_hints,
    _names_a_unit,
    _parenthesis,
    _place_after_in,
    _place_after_noun,
    _town_part_named,
    _unit_qualifier,
    _unit_readings,
)
from .readings import (
    _count_units,
    _evidenced_reading,
    _foreign_site,
    _site_town,
    _spelled_near,
    _stray,
    _unevidenced,
    _widest_of_lists,
)
from .records import RANK, GeoContext, Location, _far_apart, _stand_in, fold
from .tokens import _actor_like, _after_place_word, _capitalised, _locative_slot, _party_mention
from .vocab import (
    ACTOR_DEPS,
    ACTOR_WORDS,
    CODED_ANYWHERE,
    CODED_LEAD,
    CODED_OTHER,
    GEO_STOPWORDS,
    LOCATED_WORDS,
    NAME_PARTICLES,
    NOT_PLACE_WORDS,
    PLACE_NOUNS,
    SHOW_NOUNS,
    SITE_NOUNS,
    TOWN_PARTS,
)

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


def _doc_head(doc: Doc, chars: int) -> str:
    """`doc.text[:chars]` without joining the whole Doc's text (which costs a Token a word)."""
    import numpy
    from spacy.attrs import IDX

    end = int(numpy.searchsorted(doc.to_array(IDX), chars))
    return doc[:end].text_with_ws[:chars]


# -- the article -------------------------------------------------------------------


def article_context(gaz: Gazetteer, doc: Doc) -> GeoContext:
    """Countries, regions and places the article mentions, its dateline and main place."""
    ctx = GeoContext()
    ctx.dateline, ctx.dateline_end = _dateline(gaz, doc)
    if ctx.dateline is not None and ctx.dateline.country:
        ctx.countries[ctx.dateline.country] += 1
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
    ents = _place_spans(gaz, doc)
    # Pass 1: names that are unambiguous countries or regions give the article's countries.
    first: dict[int, Location | None] = {}
    for ent in ents:
        loc = gaz.resolve(ent.text, None, start=ent.start_char)
        if loc is not None and loc.precision != "country" and not _capitalised(ent.text):
            loc = None  # "the west coast": only a country may be written in lower case
        first[ent.start] = loc
        if loc is not None and loc.precision == "country":
            if _party_mention(ent):
                # "the war against Ukraine", "Russia said": a party, weaker evidence.
                ctx.actor_countries[loc.country or ""] += 1
            else:
                ctx.countries[loc.country or ""] += 1
        elif loc is not None and loc.precision == "region":
            ctx.regions[loc.admin1 or loc.name] += 1
        if loc is not None and loc.country:
            ctx.named[loc.country] += 1
    by_end = {ent.end: ent for ent in ents}
    for ent in ents:
        # "Mejicanos, San Salvador": the qualifier is read in the country both names share.
        loc = first[ent.start]
        before = by_end.get(ent.start - 1)
        iso = _country_of_qualified(gaz, ent, before) if loc is not None else None
        if loc is not None and iso is not None:
            again = gaz.resolve(
                ent.text, None, hint_country=iso, want_kind="a", start=ent.start_char
            )
            if again is not None and again.country == iso:
                first[ent.start] = again
    # Pass 2: every place again, now weighed by those countries and by local hints.
    located: list[Location] = []
    ends = {ent.end for ent in ents}
    parens = {ent.start: _parenthesis(gaz, ent) for ent in ents}
    _count_units(gaz, ents, first, parens, ctx)
    widest = _widest_of_lists(gaz, ents)
    units = _unit_readings(gaz, ents, by_end)
    bracket: tuple[int, int, str] | None = None
    # The votes of each name, all its mentions together ("Kin village" ... "in Kin").
    votes: dict[str, Counter[str]] = {}
    for ent in ents:
        if (read := first[ent.start]) is not None and read.country:
            votes.setdefault(_core_name(ent), Counter())[read.country] += 1
    town: Location | None = None  # the last town named, which a part of a town is in
    for ent in ents:
        pre = first[ent.start]
        loc = pre
        own_votes = votes.get(_core_name(ent), Counter())
        ctx.named.subtract(own_votes)  # the other names' vote, not this name's
        comma = _comma_qualifier(gaz, ent, first)
        hint_c, hint_r, want = _local_hints(gaz, ent, first, comma)
        if (
            ent.start >= 1
            and doc[ent.start - 1].text == ","
            and (ent.start - 1 in ends or _after_name_comma(ent))
        ):
            want = want or "a"  # "Kalinovo, Luhansk": the name after the comma is a province
        elif ent.start >= 1 and doc[ent.start - 1].text == "(" and _after_place_word(ent):
            want = want or "a"  # "Melbourne (Victoria)": a province in the brackets
        if bracket is not None and bracket[0] <= ent.start < bracket[1] and loc is not None:
            # A name inside the brackets of an earlier place: a unit of the country the
            # brackets agree on ("Muse (Muse township, Shan state)" is not Muse, USA).
            if loc.country != bracket[2]:
                loc = pre = gaz.resolve(ent.text, None, hint_country=bracket[2])
                if loc is not None and loc.country != bracket[2]:
                    loc = pre = None
        if _unit_qualifier(ent, ends):
            ctx.qualifiers.add(ent.start)
        coded, quals, inside = parens[ent.start]
        if not quals and pre is not None and ent.start in units:
            # "Saida town in Ar Raqqa countryside": the unit after a known name qualifies
            # it as brackets would (not Saida of Algeria); an unknown one `locate` names
            quals = [units[ent.start]]
        if quals and inside is not None and coded is None:
            ctx.qualifiers.update(e.start for e in ents if inside[0] <= e.start < inside[1])
        for q in reversed(quals):  # "(Myaung, Sagaing)": the widest unit is named last
            if q.precision == "country":
                hint_c = q.country
            else:
                hint_r, hint_c = q.admin1 or q.name, q.country
        if coded is not None:
            # ACLED's "(coded as Kitchanga)": the named place stands in for this one.
            loc = replace(coded, text=ent.text, start_char=ent.start_char)
        elif pre is not None and pre.precision != "country":
            loc = gaz.resolve(
                ent.text,
                ctx,
                hint_country=hint_c,
                hint_region=hint_r,
                want_kind=want,
                start=ent.start_char,
            )
            if loc is not None and comma is not None and loc.country != comma.country:
                # "Kalinovo, Luhansk" where the only Kalinovo known is in another country.
                loc = gaz.spelled_in(ent.text, comma) or _stand_in(comma, ent)
            elif (
                loc is not None
                and comma is not None
                and comma.precision == "region"
                and comma.admin1
                and loc.precision == "place"
                and loc.admin1
                and not _same_name(comma.admin1, loc.admin1)
                and not _same_name(comma.name, loc.admin1)
                and not gaz.city_of(ent.text, BIG_CITY)
            ):
                # "Zzyzxove, Luhansk region" where the only one known is in another province:
                # a village the gazetteer lacks in the province named, not the namesake.
                loc = gaz.spelled_in(ent.text, comma) or _stand_in(comma, ent)
            elif (
                loc is not None
                and comma is not None
                and comma.precision == "place"
                and loc.precision == "place"
                and loc.admin1
                and comma.admin1
                and not _same_name(comma.admin1, loc.admin1)
                and _far_apart(loc, comma, DISTRICT_KM)
                and not gaz.city_of(ent.text, BIG_CITY)
                and gaz.city_of(comma.text, BIG_CITY)
            ):
                # "Sampaloc, Manila": a district or village of the big city named after it
                # that the gazetteer lacks, not a namesake town of another province.
                loc = gaz.spelled_in(ent.text, comma) or _stand_in(comma, ent)
            if (
                loc is not None
                and quals
                and loc.country != quals[0].country
                and not gaz.city_of(ent.text, METROPOLIS)
            ):
                # No reading in the country its qualifiers name: a village the gazetteer
                # lacks, named like a town elsewhere ("Islamabad e Gharb (Kermanshah)").
                loc = gaz.spelled_in(ent.text, quals[0]) or _stand_in(quals[0], ent)
            elif (
                loc is not None
                and quals
                and quals[-1].precision == "region"
                and quals[-1].admin1 == quals[-1].name  # a province
                and loc.precision == "place"
                and loc.admin1
                and not _same_name(quals[-1].name, loc.admin1)
                and not _carved_from(loc.admin1, quals[-1].name)
                and not gaz.city_of(ent.text, BIG_CITY)
                # a town next to the unit named is that town, its province in the
                # gazetteer outdated or its border drawn otherwise ("Fochville (Gauteng)",
                # which GeoNames keeps in North West)
                and (_far_apart(loc, quals[0], NEIGHBOUR_KM) or _names_a_unit(ent))
            ):
                # No reading in the province its brackets name: a village of it the
                # gazetteer lacks, not a namesake of another province ("Thar Yar Kone
                # village (Kale township, Sagaing region)" is not Mandalay's).
                loc = gaz.spelled_in(ent.text, quals[0]) or _stand_in(quals[0], ent)
            if (
                loc is not None
                and hint_c
                and loc.country != hint_c
                and not gaz.city_of(ent.text, METROPOLIS)
                and (country := gaz.country(hint_c)) is not None
            ):
                # "the Burkina town of Sole": none in the country its wording names, so a
                # town the gazetteer lacks there, not a namesake abroad.
                loc = _stand_in(country, ent)
        elif pre is None and (site := _site_town(gaz, ent, quals, hint_c, ctx)) is not None:
            # "the Pietermaritzburg High Court", "Draguignan prison": a site of its town
            loc = replace(site, text=ent.text, start_char=ent.start_char)
        elif pre is None and (spelled := _spelled_near(gaz, ent, quals, comma, first)):
            # "Velykomykhailivka, Dnipropetrovsk", "Tuz Khurma city, Salah Al Din": a town
            # of the province named with it, spelt otherwise in the gazetteer
            loc = spelled
        elif pre is None and (quals or hint_r):
            # A village the gazetteer lacks: the district or province named with it.
            # "Hemei Urban, Changhua": the unit after the comma itself (Changhua county),
            # not the province that unit is in (for a county of Taiwan, all of Taiwan).
            unit = comma if comma is not None and comma.precision != "country" else None
            wider = (
                quals[0]
                if quals
                else unit or gaz.resolve(hint_r or "", None, hint_country=hint_c, want_kind="a")
            )
            if wider is not None:
                loc = _stand_in(wider, ent)
        anchor = _dash_anchor(ent, by_end, first)
        dashed = anchor is not None  # a dash joins only a city and one of its districts
        if anchor is None and loc is not None:  # (one the gazetteer lacks: `locate` names it)
            within = _place_after_noun(ent, first, PLACE_NOUNS) or _place_after_in(ent, first)
            anchor = within if within is not None and within.precision != "country" else None
        if (
            anchor is not None
            and (loc is None or (loc.country != anchor.country and loc.precision != "country"))
            and not gaz.city_of(ent.text, BIG_CITY)
        ):
            # "Belgrade - Stari Grad", "Incheon - Namdong": a district written after its city
            # and a dash is in that city's country, else the city stands in for it; so is
            # "Kelly town in Idleb" (not Kelly, USA).
            again = gaz.resolve(ent.text, None, hint_country=anchor.country)
            ok = again is not None and again.country == anchor.country
            loc = again if ok else _stand_in(anchor, ent)
        if (
            anchor is not None
            and loc is not None
            and anchor.precision == "place"
            and loc.precision == "place"
            and _far_apart(loc, anchor, DISTRICT_KM)
            and (
                dashed
                or (
                    ent.end < len(doc)
                    and doc[ent.end].lower_ in TOWN_PARTS | LOCATED_WORDS
                    and not gaz.city_of(ent.text, BIG_CITY)
                )
            )
        ):
            # "Donetsk - Kyivskyi", "Bogota - San Cristobal": a district of the city named
            # with it, not a namesake town far away; the city is where it is.
            loc = replace(anchor, text=ent.text, start_char=ent.start_char)
        part = _town_part_named(ent)
        if (
            anchor is None
            and part
            and town is not None
            and loc is not None
            and loc.precision == "place"
            and _far_apart(loc, town, DISTRICT_KM)
            and not gaz.city_of(ent.text, BIG_CITY)
        ):
            # "in Axochiapan, Morelos, ... in Colonia Progreso", "the Inga neighborhood": a
            # part of the town just named, not a namesake town far away.
            loc = replace(town, text=ent.text, start_char=ent.start_char)
        elif not part and loc is not None and loc.precision == "place":
            town = loc
        if loc is not None and coded is None and _unevidenced(gaz, loc, ent, ctx):
            # "Keles in Zangiata district of Tashkent region": not the small Keles of a
            # country the article gives no sign of, but a village of the one it names.
            loc = _evidenced_reading(gaz, ent, ctx, quals)
        unit = widest.get(ent.start)
        if (
            loc is not None
            and unit is not None
            and loc.country != unit.country
            and loc.precision != "country"
        ):
            # "Bandaka, Mambasa, Ituri": the names before the widest unit are in its
            # country; one with no reading there is a place the gazetteer lacks in it.
            again = gaz.resolve(ent.text, ctx, hint_country=unit.country)
            loc = again if again is not None and again.country == unit.country else None
            loc = loc or _stand_in(unit, ent)
        ctx.named.update(own_votes)
        if loc is not None and _foreign_site(gaz, loc, ent, ctx):
            loc = None  # "at North Beach in Durban": a site of Durban, not Australia's
        elif (
            loc is not None
            and loc.township
            and loc.country != hint_c  # "Nejapa, San Salvador": its words name the country
            and _stray(loc.country, ctx)
        ):
            loc = None  # "Machar" in a report on South Sudan: no township of Canada
        elif (
            loc is not None
            and loc.precision == "place"
            and _place_after_noun(ent, first, SITE_NOUNS | SHOW_NOUNS) is not None
            and not gaz.big_place(ent.text)
        ):
            loc = None  # "the San Carlo theater in Napoli": a site, not the town San Carlo
        unit_country = quals[-1].country if quals else None
        if inside is not None and unit_country and loc is not None and loc.country == unit_country:
            bracket = (*inside, unit_country)  # the brackets' names are in this country
        ctx.by_token[ent.start] = loc
        for tok in ent:
            ctx.spans[tok.i] = ent
        if loc is not None:
            ctx.places[loc.name] += 1
            # A subject or owner ("Egypt launched", "Libya's army") is an actor, not a scene.
            if not _actor_like(ent):
                located.append(loc)
                if _locative_slot(ent):
                    ctx.sited[loc.name] += 1
                if loc.country:
                    ctx.scenes[loc.country] += 1
    ctx.coded = _coded_places(gaz, doc, ctx)
    ctx.main = ctx.dateline or _main_place(ctx, located)
    return ctx


def _dateline(gaz: Gazetteer, doc: Doc) -> tuple[Location | None, int]:
    """The place of a dateline ("BEIRUT (Reuters) -") in the first lines, and where it ends."""
    head = _doc_head(doc, DATELINE_CHARS)
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
        if not name or not _capitalised(name) or fold(name) in GEO_STOPWORDS:
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
        if loc is not None and loc.precision != "country" and not _stray(loc.country, ctx):
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
