"""Pass 2 of `article_context`: each place name read again, by ordered lists of named rules.

Pass 1 read every name alone (`first`). Pass 2 reads each again in the light of the article
(its countries, units and dateline) and of the words around the name (a comma, brackets, a dash,
"the town of"). What it decides is split into rules, each a small function named for what it
decides, with its one example in its docstring. A rule gets the article's names (`ArticleNames`)
and the name being read (`NameReading`); it returns True when it applies, having set
`name.loc`. The lists are walked in order, so their order is the precedence:

- `READING_RULES`: how the name is read (the first rule that applies decides);
- `COMMA_RULES`, `QUALIFIER_RULES`, `COUNTRY_WORDING_RULES`: corrections of a known name's
  reading by what follows it (the first of each list that applies);
- `ANCHOR_RULES`, `EVIDENCE_RULES`: corrections by a place named beside it and by the
  article's evidence (each that applies, in turn);
- `VETO_RULES`: readings dropped (the first that applies).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Span

from .lookup import Gazetteer, carved_from, names_alike
from .params import BIG_CITY, DISTRICT_KM, METROPOLIS, NEIGHBOUR_KM
from .qualifiers import (
    Parens,
    after_name_comma,
    comma_qualifier,
    core_name,
    dash_anchor,
    local_hints,
    names_a_unit,
    place_after_in,
    place_after_noun,
    town_part_named,
    unit_qualifier,
)
from .readings import (
    evidenced_reading,
    foreign_site,
    site_town,
    spelled_near,
    stray_country,
    unevidenced,
)
from .records import GeoContext, Location, far_apart, stand_in
from .tokens import actor_like, after_place_word, locative_slot
from .vocab import LOCATED_WORDS, PLACE_NOUNS, SHOW_NOUNS, SITE_NOUNS, TOWN_PARTS


@dataclass
class ArticleNames:
    """The place names of an article between the two passes, and what pass 2 carries from one
    name to the next."""

    ctx: GeoContext
    ents: list[Span]
    first: dict[int, Location | None]  # pass-1 reading of each name, by its start
    by_end: dict[int, Span]  # the names by their end
    ends: set[int]
    parens: dict[int, Parens]  # what the brackets after each name say, by its start
    widest: dict[int, Location]  # the unit that ends a comma list of names (`widest_of_lists`)
    units: dict[int, Location]  # the unit that qualifies a name (`unit_readings`)
    votes: dict[str, Counter[str]]  # the countries each name (all its mentions) reads in
    # (start, end, country) of the brackets of an earlier place whose names are in that country
    bracket: tuple[int, int, str] | None = None
    town: Location | None = None  # the last town named, which a part of a town is in
    located: list[Location] = field(default_factory=list)  # the scenes, in text order


@dataclass
class NameReading:
    """One place name being read in pass 2, with what its wording says."""

    ent: Span
    pre: Location | None  # its pass-1 reading (or the one in the country of earlier brackets)
    loc: Location | None  # the reading so far
    comma: Location | None  # the unit named after it and a comma (`comma_qualifier`)
    hint_c: str | None  # the country its wording names
    hint_r: str | None  # the province its wording names
    want: str | None  # the kind of place its wording asks for ("a" province, "c" town)
    coded: Location | None = None  # the place of a coder's note in brackets after it
    quals: list[Location] = field(default_factory=list)  # the units in brackets, finest first
    inside: tuple[int, int] | None = None  # the token range inside those brackets
    anchor: Location | None = None  # a place it is written within (after a dash, "in")
    dashed: bool = False  # the anchor is joined to it by a dash
    part: bool = False  # its wording names a part of a town ("colonia", "neighbourhood")


Rule = Callable[[Gazetteer, ArticleNames, NameReading], bool]


def first_rule(rules: tuple[Rule, ...], gaz: Gazetteer, art: ArticleNames, n: NameReading) -> None:
    """Apply the first rule of `rules` that applies (they are in order of precedence)."""
    for rule in rules:
        if rule(gaz, art, n):
            return


def every_rule(rules: tuple[Rule, ...], gaz: Gazetteer, art: ArticleNames, n: NameReading) -> None:
    """Apply each rule of `rules` that applies, in order (each sees the reading so far)."""
    for rule in rules:
        rule(gaz, art, n)


# -- how the name is read ---------------------------------------------------------------------


def _coded_place(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ACLED's "(coded as Kitchanga)": the named place stands in for this one."""
    if n.coded is None:
        return False
    n.loc = replace(n.coded, text=n.ent.text, start_char=n.ent.start_char)
    return True


def _known_name(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """A name read alone as a town or region is read again with the article's evidence and the
    hints of its wording ("Tripoli, Lebanon"), then corrected by what follows it."""
    if n.pre is None or n.pre.precision == "country":
        return False
    n.loc = gaz.resolve(
        n.ent.text,
        art.ctx,
        hint_country=n.hint_c,
        hint_region=n.hint_r,
        want_kind=n.want,
        start=n.ent.start_char,
    )
    first_rule(COMMA_RULES, gaz, art, n)
    first_rule(QUALIFIER_RULES, gaz, art, n)
    first_rule(COUNTRY_WORDING_RULES, gaz, art, n)
    return True


def _site_of_a_town(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "the Pietermaritzburg High Court", "Draguignan prison": a site of its town."""
    if n.pre is not None:
        return False
    site = site_town(gaz, n.ent, n.quals, n.hint_c, art.ctx)
    if site is None:
        return False
    n.loc = replace(site, text=n.ent.text, start_char=n.ent.start_char)
    return True


def _spelt_otherwise_in_its_unit(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "Velykomykhailivka, Dnipropetrovsk", "Tuz Khurma city, Salah Al Din": a town of the
    province named with it, spelt otherwise in the gazetteer."""
    if n.pre is not None:
        return False
    spelled = spelled_near(gaz, n.ent, n.quals, n.comma, art.first)
    if not spelled:
        return False
    n.loc = spelled
    return True


def _village_of_its_unit(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """A village the gazetteer lacks: the district or province named with it ("Hemei Urban,
    Changhua")."""
    if n.pre is not None or not (n.quals or n.hint_r):
        return False
    # "Hemei Urban, Changhua": the unit after the comma itself (Changhua county), not the
    # province that unit is in (for a county of Taiwan, all of Taiwan).
    unit = n.comma if n.comma is not None and n.comma.precision != "country" else None
    wider = (
        n.quals[0]
        if n.quals
        else unit or gaz.resolve(n.hint_r or "", None, hint_country=n.hint_c, want_kind="a")
    )
    if wider is not None:
        n.loc = stand_in(wider, n.ent)
    return True


READING_RULES: tuple[Rule, ...] = (
    _coded_place,
    _known_name,
    _site_of_a_town,
    _spelt_otherwise_in_its_unit,
    _village_of_its_unit,
)

# -- a known name corrected by the unit after its comma ---------------------------------------


def _comma_unit_abroad(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "Kalinovo, Luhansk" where the only Kalinovo known is in another country."""
    loc, comma = n.loc, n.comma
    if loc is None or comma is None or loc.country == comma.country:
        return False
    n.loc = gaz.spelled_in(n.ent.text, comma) or stand_in(comma, n.ent)
    return True


def _comma_province_elsewhere(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "Zzyzxove, Luhansk region" where the only one known is in another province: a village
    the gazetteer lacks in the province named, not the namesake."""
    loc, comma = n.loc, n.comma
    if not (
        loc is not None
        and comma is not None
        and comma.precision == "region"
        and comma.admin1
        and loc.precision == "place"
        and loc.admin1
        and not names_alike(comma.admin1, loc.admin1)
        and not names_alike(comma.name, loc.admin1)
        and not gaz.city_of(n.ent.text, BIG_CITY)
    ):
        return False
    n.loc = gaz.spelled_in(n.ent.text, comma) or stand_in(comma, n.ent)
    return True


def _district_of_comma_city(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "Sampaloc, Manila": a district or village of the big city named after it that the
    gazetteer lacks, not a namesake town of another province."""
    loc, comma = n.loc, n.comma
    if not (
        loc is not None
        and comma is not None
        and comma.precision == "place"
        and loc.precision == "place"
        and loc.admin1
        and comma.admin1
        and not names_alike(comma.admin1, loc.admin1)
        and far_apart(loc, comma, DISTRICT_KM)
        and not gaz.city_of(n.ent.text, BIG_CITY)
        and gaz.city_of(comma.text, BIG_CITY)
    ):
        return False
    n.loc = gaz.spelled_in(n.ent.text, comma) or stand_in(comma, n.ent)
    return True


COMMA_RULES: tuple[Rule, ...] = (
    _comma_unit_abroad,
    _comma_province_elsewhere,
    _district_of_comma_city,
)

# -- a known name corrected by the units in brackets after it ---------------------------------


def _bracket_country_lacks_it(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """No reading in the country its qualifiers name: a village the gazetteer lacks, named like
    a town elsewhere ("Islamabad e Gharb (Kermanshah)")."""
    loc, quals = n.loc, n.quals
    if (
        loc is None
        or not quals
        or loc.country == quals[0].country
        or gaz.city_of(n.ent.text, METROPOLIS)
    ):
        return False
    n.loc = gaz.spelled_in(n.ent.text, quals[0]) or stand_in(quals[0], n.ent)
    return True


def _bracket_province_lacks_it(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """No reading in the province its brackets name: a village of it the gazetteer lacks, not a
    namesake of another province ("Thar Yar Kone village (Kale township, Sagaing region)" is
    not Mandalay's)."""
    loc, quals = n.loc, n.quals
    if not (
        loc is not None
        and quals
        and quals[-1].precision == "region"
        and quals[-1].admin1 == quals[-1].name  # a province
        and loc.precision == "place"
        and loc.admin1
        and not names_alike(quals[-1].name, loc.admin1)
        and not carved_from(loc.admin1, quals[-1].name)
        and not gaz.city_of(n.ent.text, BIG_CITY)
        # a town next to the unit named is that town, its province in the gazetteer outdated
        # or its border drawn otherwise ("Fochville (Gauteng)", which GeoNames keeps in North
        # West)
        and (far_apart(loc, quals[0], NEIGHBOUR_KM) or names_a_unit(n.ent))
    ):
        return False
    n.loc = gaz.spelled_in(n.ent.text, quals[0]) or stand_in(quals[0], n.ent)
    return True


QUALIFIER_RULES: tuple[Rule, ...] = (
    _bracket_country_lacks_it,
    _bracket_province_lacks_it,
)


def _worded_country_lacks_it(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "the Burkina town of Sole": none in the country its wording names, so a town the
    gazetteer lacks there, not a namesake abroad."""
    loc = n.loc
    if (
        loc is None
        or not n.hint_c
        or loc.country == n.hint_c
        or gaz.city_of(n.ent.text, METROPOLIS)
        or (country := gaz.country(n.hint_c)) is None
    ):
        return False
    n.loc = stand_in(country, n.ent)
    return True


COUNTRY_WORDING_RULES: tuple[Rule, ...] = (_worded_country_lacks_it,)

# -- corrections by a place named beside it ---------------------------------------------------


def _in_the_anchors_country(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "Belgrade - Stari Grad", "Incheon - Namdong": a district written after its city and a
    dash is in that city's country, else the city stands in for it; so is "Kelly town in
    Idleb" (not Kelly, USA)."""
    anchor, loc = n.anchor, n.loc
    if (
        anchor is None
        or not (loc is None or (loc.country != anchor.country and loc.precision != "country"))
        or gaz.city_of(n.ent.text, BIG_CITY)
    ):
        return False
    again = gaz.resolve(n.ent.text, None, hint_country=anchor.country)
    ok = again is not None and again.country == anchor.country
    n.loc = again if ok else stand_in(anchor, n.ent)
    return True


def _district_of_the_anchor(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "Donetsk - Kyivskyi", "Bogota - San Cristobal": a district of the city named with it,
    not a namesake town far away; the city is where it is."""
    anchor, loc, ent = n.anchor, n.loc, n.ent
    doc = ent.doc
    if not (
        anchor is not None
        and loc is not None
        and anchor.precision == "place"
        and loc.precision == "place"
        and far_apart(loc, anchor, DISTRICT_KM)
        and (
            n.dashed
            or (
                ent.end < len(doc)
                and doc[ent.end].lower_ in TOWN_PARTS | LOCATED_WORDS
                and not gaz.city_of(ent.text, BIG_CITY)
            )
        )
    ):
        return False
    n.loc = replace(anchor, text=ent.text, start_char=ent.start_char)
    return True


def _part_of_the_last_town(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "in Axochiapan, Morelos, ... in Colonia Progreso", "the Inga neighborhood": a part of the
    town just named, not a namesake town far away."""
    loc, town = n.loc, art.town
    if not (
        n.anchor is None
        and n.part
        and town is not None
        and loc is not None
        and loc.precision == "place"
        and far_apart(loc, town, DISTRICT_KM)
        and not gaz.city_of(n.ent.text, BIG_CITY)
    ):
        return False
    n.loc = replace(town, text=n.ent.text, start_char=n.ent.start_char)
    return True


ANCHOR_RULES: tuple[Rule, ...] = (
    _in_the_anchors_country,
    _district_of_the_anchor,
    _part_of_the_last_town,
)

# -- corrections by the article's evidence ----------------------------------------------------


def _namesake_of_no_named_country(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "Keles in Zangiata district of Tashkent region": not the small Keles of a country the
    article gives no sign of, but a village of the one it names."""
    if n.loc is None or n.coded is not None or not unevidenced(gaz, n.loc, n.ent, art.ctx):
        return False
    n.loc = evidenced_reading(gaz, n.ent, art.ctx, n.quals)
    return True


def _in_the_country_of_its_list(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "Bandaka, Mambasa, Ituri": the names before the widest unit are in its country; one with
    no reading there is a place the gazetteer lacks in it."""
    loc, unit = n.loc, art.widest.get(n.ent.start)
    if loc is None or unit is None or loc.country == unit.country or loc.precision == "country":
        return False
    again = gaz.resolve(n.ent.text, art.ctx, hint_country=unit.country)
    found = again if again is not None and again.country == unit.country else None
    n.loc = found or stand_in(unit, n.ent)
    return True


EVIDENCE_RULES: tuple[Rule, ...] = (
    _namesake_of_no_named_country,
    _in_the_country_of_its_list,
)

# -- readings dropped -------------------------------------------------------------------------


def _site_of_another_country(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "at North Beach in Durban": a site of Durban, not Australia's North Beach."""
    if n.loc is None or not foreign_site(gaz, n.loc, n.ent, art.ctx):
        return False
    n.loc = None
    return True


def _stray_township(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "Machar" in a report on South Sudan: no township of Canada."""
    loc = n.loc
    if not (
        loc is not None
        and loc.township
        and loc.country != n.hint_c  # "Nejapa, San Salvador": its words name the country
        and stray_country(loc.country, art.ctx)
    ):
        return False
    n.loc = None
    return True


def _name_of_a_site(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> bool:
    """ "the San Carlo theater in Napoli": a site, not the town San Carlo."""
    loc = n.loc
    if not (
        loc is not None
        and loc.precision == "place"
        and place_after_noun(n.ent, art.first, SITE_NOUNS | SHOW_NOUNS) is not None
        and not gaz.big_place(n.ent.text)
    ):
        return False
    n.loc = None
    return True


VETO_RULES: tuple[Rule, ...] = (
    _site_of_another_country,
    _stray_township,
    _name_of_a_site,
)

# -- the driver -------------------------------------------------------------------------------


def _wanted_kind(ent: Span, ends: set[int], want: str | None) -> str | None:
    """The kind of place the punctuation before a name asks for, when its words ask none."""
    doc = ent.doc
    if (
        ent.start >= 1
        and doc[ent.start - 1].text == ","
        and (ent.start - 1 in ends or after_name_comma(ent))
    ):
        return want or "a"  # "Kalinovo, Luhansk": the name after the comma is a province
    if ent.start >= 1 and doc[ent.start - 1].text == "(" and after_place_word(ent):
        return want or "a"  # "Melbourne (Victoria)": a province in the brackets
    return want


def _within_earlier_brackets(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> None:
    """A name inside the brackets of an earlier place: a unit of the country the brackets agree
    on ("Muse (Muse township, Shan state)" is not Muse, USA)."""
    bracket = art.bracket
    if bracket is None or not bracket[0] <= n.ent.start < bracket[1] or n.loc is None:
        return
    if n.loc.country != bracket[2]:
        n.loc = n.pre = gaz.resolve(n.ent.text, None, hint_country=bracket[2])
        if n.loc is not None and n.loc.country != bracket[2]:
            n.loc = n.pre = None


def _take_brackets(art: ArticleNames, n: NameReading) -> None:
    """The coded place and units of the brackets after the name, and the hints they give."""
    ent = n.ent
    n.coded, quals, n.inside = art.parens[ent.start]
    if not quals and n.pre is not None and ent.start in art.units:
        # "Saida town in Ar Raqqa countryside": the unit after a known name qualifies it as
        # brackets would (not Saida of Algeria); an unknown one `locate` names
        quals = [art.units[ent.start]]
    n.quals = quals
    if quals and n.inside is not None and n.coded is None:
        inside = n.inside
        art.ctx.qualifiers.update(e.start for e in art.ents if inside[0] <= e.start < inside[1])
    for q in reversed(quals):  # "(Myaung, Sagaing)": the widest unit is named last
        if q.precision == "country":
            n.hint_c = q.country
        else:
            n.hint_r, n.hint_c = q.admin1 or q.name, q.country


def _find_anchor(gaz: Gazetteer, art: ArticleNames, n: NameReading) -> None:
    """The place the name is written within: after a dash ("Belgrade - Stari Grad"), which joins
    only a city and one of its districts, else after its noun and "in" ("Kelly town in
    Idleb"), for a name read (one the gazetteer lacks: `locate` names it)."""
    n.anchor = dash_anchor(n.ent, art.by_end, art.first)
    n.dashed = n.anchor is not None
    if n.anchor is None and n.loc is not None:
        within = place_after_noun(n.ent, art.first, PLACE_NOUNS) or place_after_in(n.ent, art.first)
        n.anchor = within if within is not None and within.precision != "country" else None


def _record(art: ArticleNames, n: NameReading) -> None:
    """Keep the name's reading in the context, and count it as a scene unless it is an actor."""
    ctx, ent, loc = art.ctx, n.ent, n.loc
    unit_country = n.quals[-1].country if n.quals else None
    if n.inside is not None and unit_country and loc is not None and loc.country == unit_country:
        art.bracket = (*n.inside, unit_country)  # the brackets' names are in this country
    ctx.by_token[ent.start] = loc
    for tok in ent:
        ctx.spans[tok.i] = ent
    if loc is None:
        return
    ctx.places[loc.name] += 1
    # A subject or owner ("Egypt launched", "Libya's army") is an actor, not a scene.
    if not actor_like(ent):
        art.located.append(loc)
        if locative_slot(ent):
            ctx.sited[loc.name] += 1
        if loc.country:
            ctx.scenes[loc.country] += 1


def read_name(gaz: Gazetteer, art: ArticleNames, ent: Span) -> None:
    """Read one place name of the article again (pass 2) and record it in the context."""
    ctx = art.ctx
    pre = art.first[ent.start]
    own_votes = art.votes.get(core_name(ent), Counter())
    ctx.named.subtract(own_votes)  # the other names' vote, not this name's
    comma = comma_qualifier(gaz, ent, art.first)
    hint_c, hint_r, want = local_hints(gaz, ent, art.first, comma)
    n = NameReading(ent, pre, pre, comma, hint_c, hint_r, _wanted_kind(ent, art.ends, want))
    _within_earlier_brackets(gaz, art, n)
    if unit_qualifier(ent, art.ends):
        ctx.qualifiers.add(ent.start)
    _take_brackets(art, n)
    first_rule(READING_RULES, gaz, art, n)
    _find_anchor(gaz, art, n)
    n.part = town_part_named(ent)
    every_rule(ANCHOR_RULES, gaz, art, n)
    if not n.part and n.loc is not None and n.loc.precision == "place":
        art.town = n.loc  # (read before the evidence rules, as the next name's town)
    every_rule(EVIDENCE_RULES, gaz, art, n)
    ctx.named.update(own_votes)
    first_rule(VETO_RULES, gaz, art, n)
    _record(art, n)
