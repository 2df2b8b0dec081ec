"""The words that qualify a place name: commas, brackets, dashes, unit nouns, "the town of"."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from .demonyms import country_of_demonym
from .lookup import Gazetteer, same_unit, without_unit_noun
from .params import BIG_CITY
from .records import Location, Place, fold
from .tokens import actor_like, free_dash, is_capitalised, separates
from .vocab import (
    ADMIN_NOUNS,
    CITY_NOUNS,
    CODED,
    GEO_STOPWORDS,
    LOCATED_WORDS,
    NAME_PARTICLES,
    NAME_PREFIXES,
    PART_NOUNS,
    PART_PREFIXES,
    PLACE_NOUNS,
    QUALIFIER_SETTLEMENT_NOUNS,
    REGION_SUFFIXES,
    SMALL_NOUNS,
    SMALL_PREFIXES,
    UNIT_NAME_SETTLEMENT_NOUNS,
    UNIT_NOUNS,
)


def comma_qualifier(
    gaz: Gazetteer, ent: Span, first: dict[int, Location | None]
) -> Location | None:
    """The region or country named right after `ent` and a comma, read as a region."""
    doc = ent.doc
    k = ent.end
    if k < len(doc) and doc[k].lower_ in PLACE_NOUNS:
        k += 1  # "Kartal town, Istanbul", "Zzyzx community, Mykolaiv"
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    nxt = first.get(k + 1)
    if nxt is None or nxt.precision == "country":
        return nxt
    wider = nxt if nxt.precision == "region" else gaz.resolve(nxt.text, None, want_kind="a")
    own = {p.iso3 for p, _ in gaz.lookup(ent.text)[0]}
    if wider is None or not own or wider.country in own:
        return wider
    # "Nejapa, San Salvador": not the Bahamas' San Salvador district but the department of
    # the one country where both names have a reading.
    units = [p for p, _ in gaz.lookup(nxt.text)[0] if p.kind in ("a", "d") and p.iso3 in own]
    if len({p.iso3 for p in units}) == 1:
        return gaz.location(units[0], nxt.text, nxt.start_char)
    return wider


def unit_readings(gaz: Gazetteer, ents: list[Span], by_end: dict[int, Span]) -> dict[int, Location]:
    """The unit that qualifies a name, by the start of that name: "Saida town in Ar Raqqa
    countryside", "Al Amadiya district of Duhok" (see `unit_qualifier`), read as a
    province or district. Only a unit of one country counts: "Soyapango municipality, San
    Salvador" is not in the Bahamas."""
    ends = set(by_end)
    found: dict[int, Location] = {}
    for ent in ents:
        named = by_end.get(ent.start - 2)
        if named is None or not unit_qualifier(ent, ends):
            continue
        if len({p.iso3 for p, _ in gaz.lookup(ent.text)[0]}) != 1:
            continue
        loc = gaz.resolve(ent.text, None, want_kind="a", start=ent.start_char)
        if loc is not None:
            found[named.start] = loc
    return found


# What brackets right after a place say: a "coded as X" place, the wider units, and the token
# range inside the brackets.
Parens = tuple[Location | None, list[Location], tuple[int, int] | None]


def parenthesis(gaz: Gazetteer, ent: Span) -> Parens:
    """What parentheses right after a place say: a "coded as X" place, the wider units, and
    the token range inside the brackets.

    "Kalma village (Bay)", "Greiz (Greiz, Thuringen)": each comma part that names a
    region or country qualifies the place, the first is the finest.
    """
    doc = ent.doc
    k = _bracket_open(ent)
    close = None if k is None else _bracket_close(doc, k)
    if k is None or close is None:
        return None, [], None
    m = CODED.match(doc[k + 1 : close].text)
    if m:
        coded = gaz.resolve(m.group(1).strip(), None)
        if coded is not None or close + 1 >= len(doc) or doc[close + 1].text != "(":
            return coded, [], (k + 1, close)
        # "Hays (coded to district level) (Al Hudaydah)": the next brackets name the units
        k = close + 1
        close = _bracket_close(doc, k)
        if close is None:
            return None, [], None
    inner = doc[k + 1 : close].text
    parts = [p.strip() for p in inner.split(",") if p.strip() and is_capitalised(p.strip())]
    names = [_qualifier_name(gaz, part) for part in parts]
    shared = _shared_country(gaz, ent, parts, names)
    return None, _qualifier_readings(gaz, parts, names, shared), (k + 1, close)


def _bracket_open(ent: Span) -> int | None:
    """The opening bracket after a place and its nouns ("Kalma village (Bay)", "Haradh and Abs
    districts (Hajjah)"), or None."""
    doc = ent.doc
    k = ent.end
    while (
        k < len(doc)
        and k < ent.end + 5
        and (doc[k].lower_ in PLACE_NOUNS or doc[k].lower_ == "and" or doc[k].pos_ == "PROPN")
    ):
        k += 1
    if k >= len(doc) or doc[k].text != "(":
        return None
    return k


def _bracket_close(doc: Doc, k: int) -> int | None:
    """The closing bracket of the one opened at `k` (within 30 tokens), or None."""
    return next((t.i for t in doc[k + 1 : k + 30] if t.text == ")"), None)


def _shared_country(
    gaz: Gazetteer, ent: Span, parts: list[str], names: list[str | None]
) -> str | None:
    """The country a place and the qualifiers in brackets after it agree on, or None."""
    # Read name and qualifiers together: "Villa Florida (Misiones)" is in the country where
    # both names exist (Paraguay), not where the province alone is best known (Argentina).
    main_entries, _ = gaz.lookup(ent.text)
    own = fold(ent.text)
    # A part named like the place itself ("Muse (Muse township, Shan state)") says nothing
    # of which country it is in.
    selfnamed = [
        bool(name and fold(part).split()[0] == own.split()[0] and len(own.split()) == 1)
        for name, part in zip(names, parts, strict=True)
    ]
    part_countries = [
        gaz.unit_countries(name) if name and fold(name) != own else set()
        for name, same in zip(names, selfnamed, strict=True)
        if not same
    ]
    shared: str | None = None
    # The country most parts agree on; among those, the name's own reading before an
    # alternate one ("Galle (Galle, Southern)" is Sri Lanka's Galle, not Halle, "Galle").
    best_key: tuple[int, int, int, int] | None = None
    best: Place | None = None
    for place, flag in main_entries:
        agree = sum(place.iso3 in c for c in part_countries)
        # "Sudbury (Ontario)": the reading in the province named (Greater Sudbury, Ontario)
        # before an exact namesake in another country's county named so (Massachusetts).
        in_unit = agree and any(same_unit(name, place.admin1) for name in names if name)
        key = (agree, int(in_unit), int(flag != "~"), place.population)
        if agree and (best_key is None or key > best_key):
            shared, best_key, best = place.iso3, key, place
    own_countries = {p.iso3 for p, _ in main_entries}
    votes = Counter(c for countries in part_countries for c in countries)
    top = max(sorted(votes), key=lambda c: votes[c], default=None)
    if (
        top is not None
        and best_key is not None
        and votes[top] > best_key[0]
        and top not in own_countries
    ):
        # "Koflande (Mangodara, Comoe)": both names are Burkina Faso's, the town's one
        # reading agrees with Comoe alone (Cote d'Ivoire's): a place it lacks in Burkina.
        shared = top
    elif best is not None and best.kind == "c":
        shared = _province_abroad(gaz, best, names, own_countries, shared)
    if shared is None and len(parts) > 1 and not gaz.city_of(ent.text, BIG_CITY):
        # An unknown name, or a small town's abroad: the country its qualifiers share
        # ("Muse (Muse township, Shan State)"); a big city keeps its own.
        # (not a part named like the place: "Beja (Beja Nord, Beja)" is not Portugal's
        # because Portugal has a district named just so)
        others = [n for n, same in zip(names, selfnamed, strict=True) if n and not same]
        shared = _country_qualifiers_share(gaz, others)
    return shared


def _country_qualifiers_share(gaz: Gazetteer, names: list[str]) -> str | None:
    """The one country where every qualifier is a unit, else where each has some reading."""
    units = [gaz.unit_countries(n, units_only=True) for n in names]
    common = set.intersection(*[c for c in units if c] or [set()])
    if len(common) != 1:
        # "Kalembo village (Beni, Nord-Kivu)": Beni is a town in Congo but a unit only
        # in Bolivia; the one country where every part has some reading is the place's.
        readings = [{p.iso3 for p, _ in gaz.lookup(n)[0]} for n in names]
        common = set.intersection(*[c for c in readings if c] or [set()])
    return next(iter(common)) if len(common) == 1 else None


def _qualifier_readings(
    gaz: Gazetteer, parts: list[str], names: list[str | None], shared: str | None
) -> list[Location]:
    """The units the bracket parts name, read in the country they share, finest first."""
    quals: list[Location] = []
    for i, (part, name) in enumerate(zip(parts, names, strict=True)):
        if name is None:
            continue
        # "Leparua (Isiolo, Isiolo)", "(Mopti, Mopti)": a unit named like the province
        # after it is the province's town of that name (its seat), not the province again.
        seat = i + 1 < len(parts) and fold(part) == fold(parts[i + 1])
        loc = gaz.resolve(name, None, hint_country=shared, want_kind="c" if seat else "a")
        if seat and loc is not None and loc.precision != "place":
            continue  # no town of the name: the province itself comes next
        if loc is not None and shared is not None and loc.country != shared:
            continue  # no reading in the country the parts agree on
        if loc is not None:
            loc.text = part
            quals.append(loc)
    return quals


def _province_abroad(
    gaz: Gazetteer, place: Place, names: list[str | None], own: set[str], shared: str | None
) -> str | None:
    """The country of a province in brackets when none of the brackets' names is a province
    of the country `shared` the town was read in.

    "Scarborough (Ontario)": the United States have a Scarborough and an Ontario (a county,
    a town), but Ontario the province is Canada's, where the gazetteer has no Scarborough:
    the name is a place it lacks in Ontario. Only a province of a country with no reading
    of the town's name counts; "Shorkot (Jhang, Punjab)" stays in Pakistan, which has a
    Punjab too.
    """
    readings = [gaz.lookup(name)[0] for name in names if name]
    provinces = [u for entries in readings for u, _flag in entries if u.kind == "a"]
    if any(u.iso3 == place.iso3 for u in provinces):
        return shared
    abroad = [u.iso3 for u in provinces if u.iso3 not in own]
    return abroad[0] if abroad else shared


def country_of_qualified(gaz: Gazetteer, ent: Span, name: Span | None) -> str | None:
    """For a qualifier ("Mejicanos, San Salvador", "Paris, Texas"), the country where both
    it and the place `name` it follows have a reading; None when that says nothing."""
    doc = ent.doc
    k = ent.start - 1
    if name is None or k < 1 or doc[k].text not in (",", "(") or name.end != k:
        return None
    before: dict[str, int] = {}  # country -> the population of the name's reading there
    for p, flag in gaz.lookup(name.text)[0]:
        if flag != "~":
            before[p.iso3] = max(before.get(p.iso3, -1), p.population)
    if not before:
        return None
    entries, kind = gaz.lookup(ent.text)
    both = [e for e in entries if e[0].iso3 in before]
    if not both or len({e[0].iso3 for e in entries}) < 2:
        return None
    # Two provinces of one name ("Ciudad Bolivar, Bolivar"): the one where the place named
    # first is the bigger town.
    best = max(
        both,
        key=lambda e: (gaz.score(e[0], e[1], None, kind or "a"), before[e[0].iso3]),
    )
    return best[0].iso3


def _qualifier_name(gaz: Gazetteer, part: str) -> str | None:
    """The form of a qualifier the gazetteer knows: as written, without its unit noun
    ("Muse township", "Mariga LGA"), or with a region word added ("Southern" for the
    "Southern Province", "Shan-North" for the "Shan State"); None when none is known."""
    words = part.split()
    if fold(part) in GEO_STOPWORDS:
        return None
    if gaz.known(part):
        return part
    if len(words) > 1 and words[-1].lower() in UNIT_NOUNS:
        trimmed = " ".join(words[:-1])
        return trimmed if gaz.known(trimmed) else _qualifier_name(gaz, trimmed)
    base = re.sub(r"[-\s](?:north|south|east|west|central)$", "", part, flags=re.IGNORECASE)
    for suffix in ("Province", "Region", "State", "Division", "Governorate", "Department"):
        name = f"{base} {suffix}"
        if gaz.region_name(name):  # not "Kongo Province" read as a town "Kongo"
            return name
    return None


def bracket_qualified(gaz: Gazetteer, ent: Span) -> bool:
    """True when brackets right after the name open with a known province or country:
    "protested inside the Cadiz (Andalucia) municipality", "Tripoli (Lebanon)"."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].text != "(" or actor_like(ent):
        return False
    close = next((t.i for t in doc[ent.end + 1 : ent.end + 12] if t.text in (",", ")")), None)
    if close is None or close == ent.end + 1:
        return False
    first = doc[ent.end + 1 : close].text
    name = _qualifier_name(gaz, first) if is_capitalised(first) else None
    return name is not None and gaz.region_name(name)


def qualified_town(gaz: Gazetteer, ent: Span) -> bool:
    """True when the name is followed by ", Province" or "(Province" and has a reading in
    that province's country: "shelled Zolote, Luhansk region", "Waya (Kwande, Benue)"."""
    doc = ent.doc
    k = ent.end
    while k < len(doc) and k < ent.end + 3 and doc[k].lower_ in UNIT_NOUNS:
        k += 1  # "Sorong city (West Papua province)"
    if k + 1 >= len(doc) or doc[k].text not in (",", "(") or actor_like(ent):
        return False
    parts: list[str] = []
    j = k + 1
    for _ in range(4):
        end = j
        while (
            end < len(doc)
            and end < j + 6
            and (
                doc[end].text[:1].isupper()
                or doc[end].lower_ in UNIT_NOUNS
                or (
                    doc[end].lower_ in NAME_PARTICLES
                    and end + 1 < len(doc)
                    and doc[end + 1].text[:1].isupper()
                )
                or (doc[end].text == "-" and not separates(doc, end))
            )
        ):
            end += 1
        if end == j:
            break
        parts.append(doc[j:end].text)
        if end >= len(doc) or doc[end].text != ",":
            break
        j = end + 1
    countries: set[str] = set()
    for part in parts:
        name = _qualifier_name(gaz, part) if is_capitalised(part) else None
        if name is not None and gaz.region_name(name):
            countries |= {p.iso3 for p, f in gaz.lookup(name)[0] if p.kind in "an"}
    if not countries:
        return False
    entries, _ = gaz.lookup(ent.text)
    return any(p.iso3 in countries for p, _ in entries)


def local_hints(
    gaz: Gazetteer, ent: Span, first: dict[int, Location | None], comma: Location | None
) -> tuple[str | None, str | None, str | None]:
    """Country, region and kind that the words around a place name point to; `comma` is
    its `comma_qualifier`."""
    doc = ent.doc
    hint_c: str | None = None
    hint_r: str | None = None
    want: str | None = None
    # "Tripoli, Lebanon" / "Kadugli, South Kordofan": a following place qualifies this one.
    # "Kalinovo, Luhansk": read as a city, the qualifier still names the country, and a
    # province of the same name is what it means after a comma.
    if comma is not None and comma.precision == "region":
        hint_r, hint_c = comma.admin1 or comma.name, comma.country
    elif comma is not None:
        hint_c = comma.country
        if gaz.known(ent.text):
            # "Uspenivka, Zaporizhia": a name read only as a city still names its province
            # to pick among namesakes (not to place a name the gazetteer lacks)
            hint_r = comma.admin1
    elif ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        nxt = first.get(ent.end + 1)
        hint_c = nxt.country if nxt is not None else None
    # "Libya's eastern city of Derna", "the Libyan city of Derna": a country just before,
    # tied to the name by a possessive or a place noun (not "Egyptian jets struck Derna").
    window = doc[max(ent.start - 6, ent.sent.start) : ent.start]
    for tok in window:
        between = doc[tok.i + 1 : ent.start]
        # only the place noun and its words between ("city of", "eastern town of"), not
        # "Turkish forces shelled Tawileh town in Al Hasakeh"
        tied = (tok.i + 1 < ent.start and doc[tok.i + 1].lower_ == "'s") or (
            any(t.lower_ in CITY_NOUNS or t.lower_ in REGION_SUFFIXES for t in between)
            and all(
                t.lower_ in CITY_NOUNS
                or t.lower_ in REGION_SUFFIXES
                or t.lower_ in ("of", "the", "-")
                or t.pos_ == "ADJ"
                for t in between
            )
        )
        if hint_c is not None or not tied:
            continue
        loc = first.get(tok.i)
        if loc is not None and loc.precision == "country":
            hint_c = loc.country
        elif iso := country_of_demonym(tok.text):
            hint_c = iso
    if ent.end < len(doc) and doc[ent.end].lower_ in REGION_SUFFIXES:
        want = "a"
    elif ent.start >= 2 and doc[ent.start - 1].lower_ == "of":
        if doc[ent.start - 2].lower_ in CITY_NOUNS:
            want = "c"
        elif doc[ent.start - 2].lower_ in REGION_SUFFIXES:
            want = "a"
    return hint_c, hint_r, want


def core_name(ent: Span) -> str:
    """The folded name without a unit noun it ends in: "Kin village" and "Kin" are one name."""
    return " ".join(without_unit_noun(fold(ent.text).split()))


def names_a_unit(ent: Span) -> bool:
    """True when the word after a name calls it an admin unit ("Dawbon township"), which the
    province named with it has, whatever town of the name lies next door."""
    after = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
    # "area", "locality", "zone", "sector", "territory" are unit nouns elsewhere, but after a
    # name they call it a stretch of land or a part of a town, not an admin unit.
    return after in UNIT_NOUNS - UNIT_NAME_SETTLEMENT_NOUNS


def small_unit_named(ent: Span) -> bool:
    """True when the words around a name call it a village, town, admin unit or part of a town
    ("Saida village", "the town of Keles", "Kani township", "colonia Bella Vista"), not a city."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].lower_ in SMALL_NOUNS:
        return True
    if ent[0].lower_ in SMALL_PREFIXES or (
        ent.start >= 1 and doc[ent.start - 1].lower_ in SMALL_PREFIXES
    ):
        return True
    return (
        ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lower_ in SMALL_NOUNS
    )


def town_part_named(ent: Span) -> bool:
    """True when the words of or around a name call it a part of a town or a site in one."""
    doc = ent.doc
    if ent[0].lower_ in PART_PREFIXES or ent[-1].lower_ in PART_NOUNS:
        return True
    return ent.end < len(doc) and doc[ent.end].lower_ in PART_NOUNS


def unit_qualifier(ent: Span, ends: set[int]) -> bool:
    """True for a name after another name and its unit noun, which it qualifies: "Al Amadiya
    district of Duhok", "Pul-e-Hisar district, Baghlan", "the Qamishli countryside of Hasakeh",
    "Basira town in Deir ez Zor countryside" (the event is in the district or town, not in
    Duhok or Deir ez-Zor, even when those read as cities)."""
    doc = ent.doc
    k = ent.start - 2
    if k < 1 or k not in ends:
        return False
    if doc[k + 1].lower_ in ("of", ",") and doc[k].lower_ in ADMIN_NOUNS:
        return True
    # "Basira town in Deir ez Zor countryside": a unit named with its unit noun after a named
    # town or village is the unit the town is in, even where its name also reads as a city.
    return (
        doc[k + 1].lower_ == "in"
        and doc[k].lower_ in ADMIN_NOUNS | QUALIFIER_SETTLEMENT_NOUNS
        and ent.end < len(doc)
        and doc[ent.end].lower_ in ADMIN_NOUNS
    )


def after_name_comma(ent: Span) -> bool:
    """True for a name right after a comma or bracket that follows a capitalised name:
    "shelled Dibrova, Donetsk", "Opume (Ogbia, Bayelsa)", "Kutsurub community, Mykolaiv" - where
    a province qualifies a place."""
    doc = ent.doc
    k = ent.start - 1
    if k < 1 or doc[k].text not in (",", "("):
        return False
    prev = doc[k - 1]
    if prev.lower_ in PLACE_NOUNS and k >= 2:
        # "shelled Kutsurub territorial community, Mykolaiv": the name before its place noun.
        prev = next((t for t in reversed(doc[max(0, k - 4) : k - 1]) if t.pos_ == "PROPN"), prev)
    if k >= 4 and prev.text.islower() and doc[k - 2].text == "-" and not doc[k - 3].whitespace_:
        prev = doc[k - 3]  # "(Daesong-myeon, Nam-gu, Pohang)": a name with a unit suffix
    return prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.ent_type_ not in ("DATE",)


def ends_bracket_list(ent: Span) -> bool:
    """True for the last name of a list in brackets after a name, the widest unit the
    place is in: "Plant (Songdong-ri, Daesong-myeon, Nam-gu, Pohang)"."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ")" or not after_name_comma(ent):
        return False
    opening = next(
        (t.i for t in reversed(doc[max(0, ent.start - 15) : ent.start]) if t.text in "()"), None
    )
    return opening is not None and doc[opening].text == "(" and opening < ent.start - 1


def dash_anchor(
    ent: Span, by_end: dict[int, Span], first: dict[int, Location | None]
) -> Location | None:
    """The city (or region) written right before `ent` and a free-standing dash, if any."""
    doc = ent.doc
    k = ent.start - 1
    if k < 1 or not free_dash(doc, k):
        return None
    before = by_end.get(k)
    loc = first.get(before.start) if before is not None else None
    return loc if loc is not None and loc.precision != "country" else None


def place_after_noun(
    ent: Span, first: dict[int, Location | None], nouns: frozenset[str]
) -> Location | None:
    """The known place after "<name> <noun> in" / "<name> <noun> of" ("Kelly town in Idleb",
    "the San Carlo theater in Napoli", "Centennial Park in Lander"), if any; `nouns` are the
    nouns that may follow the name or end it."""
    doc = ent.doc
    k = ent.end
    if len(ent) > 1 and ent[-1].lower_ in nouns:
        k -= 1  # "Centennial Park in Lander": the noun inside the name
    if k + 2 >= len(doc) or doc[k].lower_ not in nouns or doc[k + 1].lower_ not in ("in", "of"):
        return None
    k += 2
    if (
        doc[k].lower_ in ("the", "downtown", "central", "rural", "greater")
        or doc[k].lower_ in NAME_PREFIXES
    ) and k + 1 < len(doc):
        # "of the capital", "in downtown Lander", "of As Samawah city" (the entity may leave
        # out "As")
        k += 1
    return first.get(k)


def place_after_in(ent: Span, first: dict[int, Location | None]) -> Location | None:
    """The known place right after "<name> in" ("Holyrood in Edinburgh"), if any; not one
    with qualifiers of its own ("in Al Hada district (Dhamar)"), which its first reading, read
    alone, may miss."""
    doc = ent.doc
    k = ent.end
    if k + 1 < len(doc) and doc[k].lower_ in LOCATED_WORDS and doc[k + 1].lower_ == "in":
        k += 1  # "Gaviao located in Vila Nova de Famalicao"
    if k + 1 >= len(doc) or doc[k].lower_ != "in":
        return None
    j = k + 1
    while j < len(doc) and (doc[j].pos_ == "PROPN" or doc[j].lower_ in NAME_PARTICLES):
        j += 1
    comma_name = (
        j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].pos_ == "PROPN"
    )  # "in Tripoli, Lebanon", not "in Famalicao, demanding ..."
    if j < len(doc) and (doc[j].text == "(" or comma_name or doc[j].lower_ in ADMIN_NOUNS):
        return None
    return first.get(k + 1)
