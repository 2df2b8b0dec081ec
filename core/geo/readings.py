"""Second readings of a place name given the whole article: units of one country, namesakes
abroad, sites of a town, names spelt otherwise.
"""

from __future__ import annotations

from spacy.tokens import Span

from .lookup import Gazetteer
from .params import BIG_CITY
from .qualifiers import Parens, place_after_noun, small_unit_named
from .records import GeoContext, Location, stand_in
from .tokens import after_place_word
from .vocab import PLACE_NOUNS, SITE_NOUNS, TOWN_NOUNS, UNIT_NOUNS


def widest_of_lists(gaz: Gazetteer, ents: list[Span]) -> dict[int, Location]:
    """For each name of a comma list of places that ends in a unit of one country only
    ("Bandaka, Mambasa, Ituri"), that unit (keyed by the name's start)."""
    doc = ents[0].doc if ents else None
    out: dict[int, Location] = {}
    run: list[Span] = []
    for ent in [*ents, None]:
        if (
            ent is not None
            and doc is not None
            and run
            and ent.start == run[-1].end + 1
            and doc[run[-1].end].text == ","
        ):
            run.append(ent)
            continue
        if len(run) > 1:
            countries = gaz.unit_countries(run[-1].text, units_only=True)
            unit = (
                gaz.resolve(run[-1].text, None, hint_country=next(iter(countries)), want_kind="a")
                if len(countries) == 1
                else None
            )
            # A list of countries ("Guatemala, Honduras, Cuba") qualifies nothing.
            if unit is not None and unit.country in countries and unit.precision == "region":
                for named in run[:-1]:
                    out[named.start] = unit
        run = [ent] if ent is not None else []
    return out


def count_units(
    gaz: Gazetteer,
    ents: list[Span],
    first: dict[int, Location | None],
    parens: dict[int, Parens],
    ctx: GeoContext,
) -> None:
    """Count in `ctx.units` the countries of the admin units the article names in one
    country only: the brackets after a place ("(Kani township, Sagaing region)"), a name
    before a unit noun ("Tashkent region"), a province right after a place ("Zolote,
    Luhansk")."""
    doc = ents[0].doc if ents else None
    ends = {ent.end for ent in ents}
    seen: set[tuple[int, int]] = set()
    for ent in ents:
        _coded, quals, inside = parens[ent.start]
        if quals and inside is not None and inside not in seen:
            seen.add(inside)
            if len({q.country for q in quals}) == 1 and quals[-1].country:
                ctx.units[quals[-1].country] += 1
            continue
        loc = first[ent.start]
        unit_noun = doc is not None and ent.end < len(doc) and doc[ent.end].lower_ in UNIT_NOUNS
        # A province read alone counts only as a qualifier: "Zolote, Luhansk", not the
        # "Sud" of a list of trade unions.
        qualifier = (
            doc is not None
            and ent.start >= 2
            and doc[ent.start - 1].text in (",", "(")
            and (ent.start - 1 in ends or after_place_word(ent))
        )
        if not (unit_noun or (qualifier and loc is not None and loc.precision == "region")):
            continue
        if unit_noun and doc is not None and doc[ent.end].lower_ in TOWN_NOUNS:
            continue  # "Keles town": a town's name, which many countries share
        countries = gaz.unit_countries(ent.text, units_only=True)
        if len(countries) == 1:
            ctx.units[next(iter(countries))] += 1


def unevidenced(gaz: Gazetteer, loc: Location, ent: Span, ctx: GeoContext) -> bool:
    """True when a small town reading lies in a country the article shows no sign of
    (no mention, unit, dateline or actor) while it names units of another country."""
    iso = loc.country
    if (loc.precision != "place" and not loc.township) or not iso:
        return False
    if ctx.countries.get(iso) or ctx.units.get(iso) or ctx.actor_countries.get(iso):
        return False
    if ctx.named.get(iso, 0) > 0:
        return False  # another name of the article reads as a place there
    if ctx.dateline is not None and ctx.dateline.country == iso:
        return False
    if not any(n > 0 for c, n in ctx.units.items() if c != iso):
        return False
    # A big city abroad keeps its reading, unless the wording makes it a village or a unit
    # ("Saida village", "Kani township"): then it is a namesake.
    if small_unit_named(ent):
        return True
    if gaz.city_of(ent.text, BIG_CITY):
        return False
    # "New York", also the name of a state there, is no namesake either; "Colonia" (an old
    # name of Cologne) may be.
    entries, _ = gaz.lookup(ent.text)
    return not any(p.iso3 == iso and p.kind in "an" and flag != "~" for p, flag in entries)


def evidenced_reading(
    gaz: Gazetteer, ent: Span, ctx: GeoContext, quals: list[Location]
) -> Location | None:
    """For a name vetoed by `unevidenced`: its reading in the country the article's units
    point to, else the unit in brackets after it standing in for it, else nothing (then
    `locate` names it as a place the gazetteer lacks, inside a known place around it)."""
    iso = max(ctx.units.items(), key=lambda kv: (kv[1] + ctx.countries.get(kv[0], 0), kv[0]))[0]
    loc = gaz.resolve(ent.text, ctx, hint_country=iso, start=ent.start_char)
    if loc is not None and loc.country == iso:
        return loc
    for q in quals:
        if q.country == iso:
            return stand_in(q, ent)
    return None


def site_town(
    gaz: Gazetteer, ent: Span, quals: list[Location], hint_c: str | None, ctx: GeoContext
) -> Location | None:
    """The town a site's name starts with ("the Pietermaritzburg High Court"), when it is in
    the country the name's qualifiers or wording give, or else one the article names
    ("the Kamal Adwan Hospital" is no site of a town Kamal abroad)."""
    if len(ent) < 2 or ent[-1].lower_ not in SITE_NOUNS:
        return None
    end = ent.end - 1
    while end > ent.start and not ent.doc[end - 1].text[:1].isupper():
        end -= 1
    country = quals[0].country if quals else hint_c
    for k in range(end - 1, ent.start, -1):  # the longest name first, but not all of it
        name = ent.doc[ent.start : k]
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
            continue
        town = gaz.resolve(name.text, None, hint_country=hint_c)
        if town is not None and town.precision == "place":
            iso = town.country or ""
            evidenced = ctx.countries.get(iso) or ctx.named.get(iso) or ctx.units.get(iso)
            return town if town.country == country or (country is None and evidenced) else None
    return None


def spelled_near(
    gaz: Gazetteer,
    ent: Span,
    quals: list[Location],
    comma: Location | None,
    first: dict[int, Location | None],
) -> Location | None:
    """`spelled_in` the unit its wording names: in brackets, after a comma, or after its
    unit noun and "in" ("Tawileh town in Al Hasakeh countryside")."""
    within = place_after_noun(ent, first, PLACE_NOUNS)
    for wider in (*quals[:1], comma, within):
        if wider is not None and wider.precision != "country":
            found = gaz.spelled_in(ent.text, wider)
            if found is not None:
                return found
    return None


def foreign_site(gaz: Gazetteer, loc: Location, ent: Span, ctx: GeoContext) -> bool:
    """True when a town reading lies in a country the article does not otherwise name
    while its other place names agree on another country, and the name has no reading
    there: a site or village the gazetteer lacks, named like a small town abroad."""
    small = loc.precision == "place" or loc.township
    if not small or not loc.country or ctx.countries.get(loc.country):
        return False
    if ctx.named.get(loc.country, 0) - 1 > 0 or ctx.actor_countries.get(loc.country):
        return False  # another name of the article points there too
    top, votes = max(ctx.named.items(), key=lambda kv: (kv[1], kv[0]), default=("", 0))
    if votes < 2 or top == loc.country:
        return False
    entries, _ = gaz.lookup(ent.text)
    if any(p.iso3 == top for p, _ in entries):
        return False
    return not gaz.big_place(ent.text)


def stray_country(iso: str | None, ctx: GeoContext) -> bool:
    """True when the article gives no sign of country `iso` (no mention, unit, dateline,
    actor or other place) but signs of another: a township there is a namesake."""
    if not iso:
        return False
    signs = (ctx.countries, ctx.units, ctx.actor_countries)
    if any(s.get(iso) for s in signs) or ctx.named.get(iso, 0) > 1:
        return False
    if ctx.dateline is not None and ctx.dateline.country == iso:
        return False
    return any(n > 0 for s in (*signs, ctx.named) for c, n in s.items() if c != iso)
