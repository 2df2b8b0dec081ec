"""An event's place: `locate` and the readings of the trigger's phrases it calls."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..lang.en import cues
from .demonyms import country_of_demonym
from .lookup import Gazetteer
from .name_shapes import name_shapes
from .params import SHAPE_CONFIDENCE
from .qualifiers import comma_qualifier, local_hints
from .records import COARSER, GeoContext, Location, fold
from .tokens import actor_like, code_word, is_capitalised, names_a_site, separates, upper_initial
from .vocab import (
    ACTOR_DEPS,
    ARTICLE_HYPHEN,
    BODY_LABELS,
    CITY_NOUNS,
    DIRECTIONS,
    DISTANCE_UNITS,
    GEO_STOPWORDS,
    LOC_PREPS,
    NAME_NOUNS,
    NAME_PREFIXES,
    NAME_PREPS,
    NOT_PLACE_LABELS,
    NOT_PLACE_WORDS,
    PERSONAL_NOUNS,
    PLACE_LABELS,
    RELATIVE_PREPS,
    SITE_NOUNS,
    STREET_NOUNS,
)

# -- one event ---------------------------------------------------------------------


def locate(gaz: Gazetteer, trigger: Token, ctx: GeoContext) -> Location | None:
    """The place of the event whose trigger word is `trigger`.

    Tries, in order: a place in a locative phrase attached to the trigger or its verb
    (a named place the gazetteer lacks first, see `_unknown_place`), a place in a locative
    role elsewhere in the sentence, then the article's dateline or main place at one
    precision level coarser (and `start_char` None). A coder's note ("[coded to Warsaw]")
    names the place of the note's events, unless the wording places them in another country.
    """
    found = _read_place(gaz, trigger, ctx)
    if ctx.coded:
        # A coder said where the events of the note are placed: the one in the trigger's
        # sentence, else the nearest; unless the place read is in another country (then
        # the coded name was read as a namesake: "Merida state (coded to Merida, Merida)").
        # A country alone is no such reading ("a march to X [coded to X] against the war
        # in Ukraine").
        sent = trigger.sent
        inside = [c for c in ctx.coded if sent.start_char <= c[0] < sent.end_char]
        _at, coded = min(inside or ctx.coded, key=lambda c: abs(c[0] - trigger.idx))
        if found is None or found.country == coded.country or found.precision == "country":
            return coded
    return found


def _read_place(gaz: Gazetteer, trigger: Token, ctx: GeoContext) -> Location | None:
    """`locate` as the wording around the trigger says, without coder's notes."""
    gathered, sites = _attached_tokens(gaz, trigger, ctx)
    named = _unknown_place(gaz, gathered + sites, trigger, ctx)
    if named is not None:
        return named
    found = _best_of(gaz, gathered, ctx)
    if found is not None and _only_a_site(found, ctx):
        # "in La Plata, thousands gathered in Moreno square": the square's name is no
        # town (Moreno is one elsewhere) when the sentence names the town it is in
        found = _sentence_place(gaz, trigger, ctx) or found
    if found is None:
        found = _sentence_place(gaz, trigger, ctx)
    if found is None:
        found = _any_scene(gaz, trigger, ctx)
    main = ctx.main
    if found is not None and not (
        found.precision == "country"
        and main is not None
        and main.precision != "country"
        and main.country == found.country
    ):
        return found
    # No place, or only the country the article's main place is in ("citing inflation in
    # Iraq" in a report from Basra): the main place says more.
    if main is not None:
        return replace(main, precision=COARSER[main.precision], relative=None, start_char=None)
    return _only_country(gaz, ctx) or _shaped_name(trigger, ctx)


def _only_country(gaz: Gazetteer, ctx: GeoContext) -> Location | None:
    """The one country the article points to when it names no place: "attacked an Iraqi
    army position", "IG Metall members struck" (None when no country, or two, lead)."""
    # (else the one country of the unions and parties named: "IG Metall members struck")
    ranked = ctx.countries.most_common(2) or ctx.bodies.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    found = gaz.country(ranked[0][0])
    return None if found is None else replace(found, start_char=None)


def _shaped_name(trigger: Token, ctx: GeoContext) -> Location | None:
    """A place name of the trigger's sentence the gazetteer lacks, in the country its
    letters point to, when the article points to none: "residents of Chwaliszow
    gathered" (Poland). Nearest the trigger first; no coordinates."""
    names = [
        ent
        for ent in ctx.starts_within(trigger.sent)
        if ctx.by_token.get(ent.start) is None
        and ent.start_char >= ctx.dateline_end
        and not actor_like(ent)
    ]
    # Names tagged as bodies right after "in" or "near" ("demonstrated in Lacarry"): a
    # place is what one demonstrates in; "in the Ministry" has its article.
    names += [
        ent
        for ent in trigger.sent.ents
        if ent.label_ in BODY_LABELS
        and ent.start > 0
        and ent.doc[ent.start - 1].lower_ in ("in", "near")
        and ent.start not in ctx.spans
        and (ent.end == len(ent.doc) or ent.doc[ent.end].tag_ != "POS")  # "in Ali's house"
        and is_capitalised(ent.text)
        and not code_word(ent.text)
        and not any(fold(w) in NOT_PLACE_WORDS or fold(w) in NAME_NOUNS for w in ent.text.split())
    ]
    for ent in sorted(names, key=lambda e: abs(e.start - trigger.i)):
        iso = _shape_country(ent, ctx)
        if iso is not None:
            return _name_in_country(ent, iso)
    return None


def _any_scene(gaz: Gazetteer, trigger: Token, ctx: GeoContext) -> Location | None:
    """A place named in the trigger's sentence in any role but an actor's, finest first.

    For parses that hang the place phrase on the wrong word ("killed 2 civilians in Kalma").
    """
    found: list[tuple[Token, Token]] = []
    for ent in ctx.starts_within(trigger.sent):
        if ent.start_char < ctx.dateline_end:
            continue  # the dateline is the reporter's place, used only as a fallback
        loc = ctx.by_token.get(ent.start)
        if _topic_place(ent.root, trigger):
            continue
        # A country in no locative role is mostly a party ("demanding Israel return ..."),
        # and a district or village is rarely named as anything but a place.
        if loc is not None and loc.precision != "country" and not actor_like(ent):
            # the phrase's preposition, so that `_best_of` knows a "from" place
            found.append((ent.root, ent.root.head if ent.root.dep_ == "pobj" else ent.root))
    best = _best_of(gaz, found, ctx, by_distance_to=trigger.i)
    return None if best is None else replace(best, relative=None)


# (a token under a phrase, the phrase's top)
Gathered = list[tuple[Token, Token]]


def _attached_tokens(gaz: Gazetteer, trigger: Token, ctx: GeoContext) -> tuple[Gathered, Gathered]:
    """The tokens of the trigger's locative phrases, each with the phrase's top.

    Also, apart, the direct objects that are sites ("stormed Ja'ouneh Street"): they may
    name a place the gazetteer lacks, but must not change which known place is picked.
    """
    found: Gathered = []
    sites: Gathered = []
    for node in _phrase_heads(trigger):
        for child in node.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.i != trigger.i:
                _gather_target(child, ctx, found, sites)
            elif child.dep_ == "prep" and (child.lower_ in LOC_PREPS or _has_distance(child)):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        _gather(pobj, child, found)

            elif child.dep_ in ("advmod", "npadvmod", "prep") and child.lower_ in DIRECTIONS:
                for prep in child.children:
                    if prep.dep_ == "prep":
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                _gather(pobj, child, found)
    head = trigger.head
    if not found and trigger.dep_ == "conj" and head.pos_ == "VERB" and head.i < trigger.i:
        # "were stopped off the coast of Bodrum and detained": verbs joined by "and" share
        # the scene the first one names
        found = [pair for pair in _attached_tokens(gaz, head, ctx)[0] if pair[0] != trigger]
    return found, sites


def _phrase_heads(trigger: Token) -> list[Token]:
    """The words whose phrases may say where the trigger's event was: the trigger, the word it
    is the object or subject of, and the verbs of "by doing"."""
    nodes = [trigger]
    if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "xcomp", "pobj", "appos"):
        nodes.append(trigger.head)
    # "demonstrated by observing a minute of silence at the hospital of Metz": what the
    # event was done by doing happened where it did
    nodes += [
        c
        for by in trigger.children
        if by.dep_ == "prep" and by.lower_ == "by"
        for c in by.children
        if c.dep_ == "pcomp" and c.tag_ == "VBG"
    ]
    return nodes


def _gather_target(child: Token, ctx: GeoContext, found: Gathered, sites: Gathered) -> None:
    """A direct object or passive subject: "struck Kyiv", "attacked the town of Kadugli",
    "Buhas was shelled": the target is the scene."""
    if child.lemma_.lower() in CITY_NOUNS:
        _gather(child, child, found)
    elif (loc := _entity_loc(child, ctx)) and loc.precision != "country":
        found.append((child, child))
    elif child.lower_ in NAME_NOUNS or child.ent_type_ in PLACE_LABELS:
        _gather(child, child, sites)
    else:
        # "killed five people in Paloch County": the parse hangs the place on
        # the object, but it is still where the event happened.
        for prep in child.children:
            if prep.dep_ == "prep" and prep.lower_ in LOC_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        _gather(pobj, prep, sites)
            elif (
                prep.dep_ == "prep" and prep.lower_ == "of" and child.lemma_.lower() in cues("way")
            ):
                # "blocked the entrance of Draguignan prison": a way into a
                # site or town is at that site or town
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and (
                        pobj.lemma_.lower() in SITE_NOUNS or pobj.lemma_.lower() in CITY_NOUNS
                    ):
                        _gather(pobj, prep, found)


def _entity_loc(tok: Token, ctx: GeoContext) -> Location | None:
    """The reading of the place entity `tok` is part of, if any."""
    ent = ctx.spans.get(tok.i)
    return None if ent is None else ctx.by_token.get(ent.start)


def _sentence_place(gaz: Gazetteer, trigger: Token, ctx: GeoContext) -> Location | None:
    """A place elsewhere in the sentence, when it stands in a locative role."""
    found: list[tuple[Token, Token]] = []
    for ent in ctx.starts_within(trigger.sent):
        root = ent.root
        if (
            root.dep_ in ("compound", "nmod")
            and root.head.dep_ == "pobj"
            and root.head.lower_ in ("city", "town")
        ):
            root = root.head  # "in Jenin city": the phrase's noun stands in its slot
        head = root.head
        loc = ctx.by_token.get(ent.start)
        if _topic_place(root, trigger, loc is not None and loc.precision == "country"):
            continue
        if root.dep_ == "pobj" and (head.lower_ in LOC_PREPS or _has_distance(head)):
            found.append((ent.root, head))
            # "in Reno (Nevada)", parsed with Reno as a modifier of Nevada: Reno too
            found.extend((c, head) for c in root.children if c.dep_ in ("nmod", "compound"))
        elif root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in CITY_NOUNS:
            found.append((root, head.head))
    located = _best_of(gaz, found, ctx, by_distance_to=trigger.i)
    return located


def _best_of(
    gaz: Gazetteer,
    found: list[tuple[Token, Token]],
    ctx: GeoContext,
    by_distance_to: int | None = None,
) -> Location | None:
    """The finest place among the gathered tokens, with its relative wording set."""
    best: tuple[tuple[int, int, int, int, int], Location, Token, Span] | None = None
    seen: set[int] = set()
    for order, (tok, top) in enumerate(found):
        ent = ctx.spans.get(tok.i)
        if ent is None or ent.start in seen:
            continue
        seen.add(ent.start)
        loc = ctx.by_token.get(ent.start)
        if loc is None:
            continue
        tie = abs(ent.start - by_distance_to) if by_distance_to is not None else order
        # "marched from Echillais to La Rochelle", "rockets fired from Gaza hit Sderot": where
        # an event comes from is its scene only when no other place is named.
        origin = int(top.lower_ == "from")
        qualifier = int(ent.start in ctx.qualifiers)
        key = (qualifier, _fineness(loc), names_a_site(ent), origin, tie)
        if best is None or key < best[0]:
            best = (key, loc, top, ent)
    if best is None:
        return None
    _, loc, top, ent = best
    return replace(loc, text=ent.text, start_char=ent.start_char, relative=_relative(top, ent))


def _unknown_place(
    gaz: Gazetteer, gathered: list[tuple[Token, Token]], trigger: Token, ctx: GeoContext
) -> Location | None:
    """A named place in the trigger's own phrases that the gazetteer lacks, placed at the
    nearest known place containing it.

    Villages, neighbourhoods, streets and sites ("the village of Shurifah", "al-Tijara
    neighbourhood in central Damascus", "the Tishreen Power Plant near Tal Dakwah") are
    what the reader wants named; the known place would be a coarser answer. The container
    is, in order: a known place in the same phrases (its wording kept as `relative`), one
    elsewhere in the sentence, the dateline or main place (one level coarser, as in
    `locate`), and else none: then no coordinates, and a country only when the wording
    ties one to the name.
    """
    name: Span | None = None
    seen: set[int] = set()
    for tok, _top in gathered:
        if tok.i in seen:
            continue
        span = _unknown_name(gaz, tok, ctx)
        if span is None:
            seen.add(tok.i)
            continue
        seen.update(range(span.start, span.end))
        # English names the smallest place first ("Al-Fijah Springs in Wadi Barada").
        if (name is None or span.start < name.start) and not _wider_than_known(span, gathered, ctx):
            name = span
    if name is None:
        return None
    text = name.text
    found = _wider_place(gaz, name, gathered, trigger, ctx)
    if found is None:
        # Only a country the wording ties to the name ("the Syrian village of X"): one
        # named elsewhere may be a party's, not the place's.
        comma = comma_qualifier(gaz, name, ctx.by_token)
        iso, _region, _kind = local_hints(gaz, name, ctx.by_token, comma)
        # Else the one country the article places things in (its places, units and
        # dateline; not the countries of its actors).
        return _name_in_country(name, iso or _only_scene_country(ctx) or _shape_country(name, ctx))
    wider, precision, relative = found
    spelled = gaz.spelled_in(text, wider) if wider.precision != "country" else None
    if spelled is not None:
        # the gazetteer spells it otherwise ("Tawileh" for "Tuwaylah"): that town
        return replace(spelled, text=text, start_char=name.start_char)
    return Location(
        name=text,
        text=text,
        admin1=wider.admin1,
        country=wider.country,
        latitude=wider.latitude,
        longitude=wider.longitude,
        geonameid=None,
        precision=precision,
        relative=relative,
        start_char=name.start_char,
    )


def _wider_place(
    gaz: Gazetteer, name: Span, gathered: list[tuple[Token, Token]], trigger: Token, ctx: GeoContext
) -> tuple[Location, str, str | None] | None:
    """The known place containing `name`, the precision it gives, and the words linking
    them ("near Tal Dakwah"); None when the article names none."""
    container = _container(name, gathered, ctx)
    if container is not None:
        return container[0], container[0].precision, container[1]
    wider = _sentence_place(gaz, trigger, ctx) or _any_scene(gaz, trigger, ctx)
    if wider is not None and not (
        wider.start_char is not None and name.start_char <= wider.start_char < name.end_char
    ):
        ent = _span_at(name, wider.start_char, ctx)
        return wider, wider.precision, None if ent is None else _link(name, ent)
    if ctx.main is not None:
        # The article's place may not contain a place the sentence names: one level
        # coarser, as `locate` gives it to an event with no place of its own.
        return ctx.main, COARSER[ctx.main.precision], None
    return None


def _unknown_name(gaz: Gazetteer, tok: Token, ctx: GeoContext) -> Span | None:
    """The name around `tok` when it is a place name the gazetteer does not know."""
    if not upper_initial(tok.text) or tok.ent_type_ in NOT_PLACE_LABELS:
        return None  # "neighbourhood": its name, if any, is a child gathered on its own
    ent = ctx.spans.get(tok.i)
    if ent is not None and ctx.by_token.get(ent.start) is not None:
        return None  # a known place (or one standing in for it): `locate` as before
    span = _name_span(tok, ctx)
    if span is None or span.start_char < ctx.dateline_end:
        return None
    text = span.text
    words = [fold(w) for w in text.split()]
    if (
        not is_capitalised(ARTICLE_HYPHEN.sub("", text))  # "al-Tijara" is capitalised
        or fold(text) in GEO_STOPWORDS
        or country_of_demonym(text)
        # "the Power Plant", "Military Airport": the name needs a word of its own.
        or all(w in NAME_NOUNS or w in GEO_STOPWORDS or not w for w in words)
        or any(w in NOT_PLACE_WORDS for w in words)
        # A region or big city the entity spans missed ("the Homs Governorate's"): not a
        # small unknown place, and naming it would hide the known reading.
        or gaz.big_place(text)
    ):
        return None
    doc = span.doc
    root = span.root
    label = tok.ent_type_ or None
    noun = doc[span.end] if span.end < len(doc) else None
    site = span[-1].lower_ if span[-1].lower_ in NAME_NOUNS else None
    if site is None and noun is not None and noun.lower_ in NAME_NOUNS:
        site = noun.lower_  # "Kalma village", "her Reshimbagh residence"
    of_noun = (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and doc[span.start - 2].lower_ in NAME_NOUNS
    )  # "the village of Shurifah"
    # "at Reshimbagh"; a place entity also after "on" ("mortars fell on Buhriz").
    preps = LOC_PREPS if label in PLACE_LABELS else NAME_PREPS
    slot = root.dep_ == "pobj" and root.head.lower_ in preps
    if root.dep_ in ACTOR_DEPS and not (site or of_noun):
        return None  # "Hamas's fighters", "Smith's house": a party, not a place
    if label in PLACE_LABELS or label is None:
        return span if site or of_noun or slot else None
    if label == "PERSON":
        # Villages are often tagged as people; only a place noun makes one a place here.
        placed = of_noun or (site is not None and site not in PERSONAL_NOUNS)
        return span if placed else None
    if label == "ORG":
        # "the Tishreen Power Plant", "the village of X"; not "Hamas" nor a "Hamas base".
        return span if span[-1].lower_ in NAME_NOUNS or of_noun else None
    return None  # NORP and the rest


def _container(
    name: Span, gathered: list[tuple[Token, Token]], ctx: GeoContext
) -> tuple[Location, str | None] | None:
    """The finest known place in the same phrases as `name`, and the words linking them."""
    best: tuple[tuple[int, int, int], Location, Span] | None = None
    for tok, _top in gathered:
        ent = ctx.spans.get(tok.i)
        if ent is None or (ent.start < name.end and name.start < ent.end):
            continue
        loc = ctx.by_token.get(ent.start)
        if loc is None:
            continue
        # the township a village is in before the district in brackets after it
        key = (int(ent.start in ctx.qualifiers), _fineness(loc), abs(ent.start - name.start))
        if best is None or key < best[0]:
            best = (key, loc, ent)
    if best is None:
        return None
    _, loc, ent = best
    return loc, _link(name, ent)


def _fineness(loc: Location) -> int:
    """How fine a place is: a town, a township, a district, a province, a country. "(Hpruso
    township, Loikaw district, Kayah state)": the township is the nearest to the event."""
    if loc.precision == "place":
        return 0
    if loc.precision == "country":
        return 4
    if loc.township:
        return 1
    # a province is its own admin1; a district names the province it is in
    return 2 if loc.admin1 and fold(loc.admin1) != fold(loc.name) else 3


def _scene_countries(ctx: GeoContext) -> set[str]:
    """The countries of the places and units the article names as scenes."""
    found = {
        c for counts in (ctx.countries, ctx.units, ctx.scenes) for c, n in counts.items() if n > 0
    }
    found.discard("")
    return found


def _only_scene_country(ctx: GeoContext) -> str | None:
    """The country of every place, unit and dateline the article names, when there is one."""
    found = _scene_countries(ctx)
    if ctx.dateline is not None and ctx.dateline.country:
        found.add(ctx.dateline.country)
    return next(iter(found)) if len(found) == 1 else None


def _name_in_country(name: Span, iso: str | None) -> Location:
    """A place known only by its name and, at most, its country: no coordinates."""
    return Location(
        name=name.text,
        text=name.text,
        admin1=None,
        country=iso,
        latitude=None,
        longitude=None,
        geonameid=None,
        precision="country",
        start_char=name.start_char,
    )


def _shape_country(name: Span, ctx: GeoContext) -> str | None:
    """The country an unknown place name looks like it is in ("Leuterhausen": Germany), when
    its letters make one all but certain and the article places nothing in other countries."""
    scenes = _scene_countries(ctx)
    # English unit words say nothing of the country but sound American ("Paloch County")
    words = [w for w in fold(name.text).split() if w not in NAME_NOUNS]
    guess = name_shapes().country([" ".join(words)])
    if guess is None or guess[1] < SHAPE_CONFIDENCE or (scenes and guess[0] not in scenes):
        return None
    return guess[0]


def _name_span(tok: Token, ctx: GeoContext) -> Span | None:
    """The whole name `tok` is part of: its entity, or the run of capitalised words around it.

    "the Tishreen Power Plant" -> "Tishreen Power Plant", "al-Tijara" (three tokens), "T-4
    Military Airport". A known place next to the run ("Tal Dakwah") is never joined to it.
    """
    doc = tok.doc
    if tok.ent_iob_ != "O":
        start = tok.i
        while start > 0 and doc[start].ent_iob_ == "I" and not separates(doc, start - 1):
            start -= 1
        end = tok.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I" and not separates(doc, end):
            end += 1
    elif tok.pos_ == "PROPN" or tok.lower_ in NAME_NOUNS:
        start, end = tok.i, tok.i + 1

        def joins(k: int) -> bool:
            t = doc[k]
            return (
                t.ent_iob_ == "O"
                and k not in ctx.spans
                and t.text[:1].isupper()
                and (t.pos_ in ("PROPN", "NOUN", "NUM") or t.lower_ in NAME_NOUNS)
            )

        while start > 0 and joins(start - 1):
            start -= 1
        while end < len(doc) and joins(end):
            end += 1
    else:
        return None
    # "al-Tijara": a lower-case article joined by a hyphen belongs to the name.
    if (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].lower_ in NAME_PREFIXES
    ):
        start -= 2
    while start < end and (doc[start].lower_ == "the" or not doc[start].text[:1].isalnum()):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in ("'s", "’s") or not doc[end - 1].text[-1:].isalnum()
    ):
        end -= 1
    return doc[start:end] if end > start else None


def _only_a_site(loc: Location, ctx: GeoContext) -> bool:
    """Whether the name `loc` was read from only names a square or street ("Moreno square");
    not a building, which is often named after its town ("the Mersin City hospital")."""
    ent = next((e for e in ctx.spans.values() if e.start_char == loc.start_char), None)
    after = ent.doc[ent.end] if ent is not None and ent.end < len(ent.doc) else None
    return after is not None and after.text.islower() and after.lower_ in STREET_NOUNS


def _wider_than_known(name: Span, gathered: list[tuple[Token, Token]], ctx: GeoContext) -> bool:
    """True when `name` reads as the wider unit around a known place of the same phrases.

    "the town of Halba in Akkar", "marched in Washington in the Grand Review": a known town
    written first is the scene, unless it only qualifies the name ("Aleppo's Salaheddin
    district"); a region or country written first does not ("In Raqqa province, jets bombed
    the Ayyash Hospital"). A known place governing the name ("Yirol County of Eastern Lakes
    State") makes it the wider unit too.
    """
    if _under_known(name, ctx):
        return True
    head = name.root.head if name.root.dep_ == "compound" else name.root
    for tok, _top in gathered:
        ent = ctx.spans.get(tok.i)
        if ent is None or ent.start >= name.start or tok.i != ent.start:
            continue
        loc = ctx.by_token.get(ent.start)
        if loc is None or loc.precision != "place":
            continue
        if not (ent.root.i == head.i or head.is_ancestor(ent.root)):
            return True
    return False


def _under_known(name: Span, ctx: GeoContext) -> bool:
    """True when a known place governs `name`: "Yirol County of Eastern Lakes State" names the
    wider unit last, so the unknown name is the container, not the scene."""
    tok = name.root
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        ent = ctx.spans.get(tok.i)
        if ent is not None and ctx.by_token.get(ent.start) is not None:
            return True
    return False


def _span_at(name: Span, start_char: int | None, ctx: GeoContext) -> Span | None:
    """The place entity of `name`'s sentence that starts at `start_char`."""
    for tok in name.sent:
        if tok.idx == start_char:
            return ctx.spans.get(tok.i)
    return None


def _link(name: Span, ent: Span) -> str | None:
    """The words after `name` that tie it to the known place `ent`: "near Tal Dakwah".

    None when the known place is written first ("Aleppo's Salaheddin district"), when no
    preposition or direction ties them, or when the tie runs through another verb ("entered
    Shurifah and later fought in Raqqa": Raqqa is where the fighting was).
    """
    if ent.start < name.end:
        return None
    doc = ent.doc
    start: int | None = None
    tok = ent.root
    while tok.i >= name.end and tok.head.i != tok.i:
        if tok.pos_ in ("VERB", "AUX"):
            return None
        if tok.dep_ == "prep" or (tok.lower_ in DIRECTIONS and not ent.start <= tok.i < ent.end):
            start = max(tok.left_edge.i, name.end)
        tok = tok.head
    # The walk must come back to the name or a word governing it.
    if start is None or not (tok.i == name.root.i or tok.is_ancestor(name.root)):
        return None
    return doc[start : ent.end].text.strip(" ,") or None


def _has_distance(prep: Token) -> bool:
    """True for "30 km from X": a preposition measured by a distance."""
    return any(ch.lower_ in DISTANCE_UNITS for ch in prep.children) or any(
        ch.dep_ == "npadvmod" and ch.lower_ in DISTANCE_UNITS
        for ch in prep.subtree
        if ch.i < prep.i
    )


def _gather(tok: Token, top: Token, out: list[tuple[Token, Token]], depth: int = 0) -> None:
    """Collect `tok` and the nominals chained under it ("camps in Libya's city of Derna")."""
    out.append((tok, top))
    if depth > 6:
        return
    for child in tok.children:
        # "of" chains names ("city of Derna"); "with" only after a border ("border with Chad").
        if child.dep_ == "prep" and (
            child.lower_ in LOC_PREPS
            or child.lower_ == "of"
            or (child.lower_ == "with" and tok.lower_ in ("border", "borders", "frontier"))
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    _gather(pobj, top, out, depth + 1)
        elif child.dep_ in ("appos", "conj", "compound", "poss", "nmod") or (
            # "Bukan city", its name parsed as an adjective
            child.dep_ == "amod" and child.ent_type_ in PLACE_LABELS
        ):
            _gather(child, top, out, depth + 1)
        elif child.dep_ == "pobj" and tok.pos_ == "ADP" and tok.dep_ in ("nmod", "compound"):
            # "in As-Sanamayn town": the article prefix "As" read as a preposition
            _gather(child, top, out, depth + 1)


def _topic_place(root: Token, trigger: Token, countrywide: bool = False) -> bool:
    """Whether the place at `root` places another happening the trigger's event is about.

    "protested against the war in Ukraine": the place hangs on a noun ("war") that is itself
    the object of a topic preposition, so it is where the war is, not where the protest is;
    a country (`countrywide`) under the object of a verb of denouncing too ("condemned the
    coup in Sudan").
    """
    if root.dep_ != "pobj" or root.head.lower_ not in LOC_PREPS:
        return False
    noun = root.head.head
    while (
        noun.dep_ == "pobj"
        and (noun.head.lower_ == "of" or noun.head.lower_ in LOC_PREPS)
        and noun.head.head.pos_ in ("NOUN", "PROPN")
        and noun.i != trigger.i
    ):
        # "amid fears of a war in X": what the fears are of; "following the shooting at
        # Robb Elementary in Uvalde": the site of the shooting, and the town of the site
        noun = noun.head.head
    if (
        countrywide
        and noun.dep_ == "dobj"
        and noun.pos_ == "NOUN"
        and noun.head.lemma_.lower() in cues("denounce")
    ):
        return True
    return (
        noun.i != trigger.i
        and noun.pos_ == "NOUN"
        and noun.lower_ not in NAME_NOUNS
        and noun.dep_ == "pobj"
        and noun.head.lower_ in cues("topic")
        # "marched to the office in X", "the entrance to the campus in X": a way to the
        # scene; "dissent to the war in X" is not
        and not (noun.head.lower_ == "to" and noun.head.head.lemma_.lower() in cues("way"))
        # "roads and bridges like the overpass in X": examples of sites are sites
        and noun.head.head.lower_ not in NAME_NOUNS
        and noun.head.head.lemma_.lower() not in NAME_NOUNS
    )


def _relative(top: Token, ent: Span) -> str | None:
    """The words placing the event relative to `ent` ("south of", "30 km north of", "near")."""
    start: int | None = None
    tok = ent.root
    # Walk from the place up to the phrase top; the outermost relative word starts the wording.
    while True:
        outside_ent = not ent.start <= tok.i < ent.end
        if outside_ent and (
            tok.lower_ in RELATIVE_PREPS
            or (tok.lower_ in DIRECTIONS and tok.pos_ in ("NOUN", "ADV", "ADP"))
            or (tok.dep_ == "prep" and _has_distance(tok))
        ):
            start = tok.left_edge.i
        if tok.i == top.i or tok.head.i == tok.i:
            break
        tok = tok.head
    if start is None or start >= ent.start:
        return None
    return ent.doc[start : ent.start].text.strip() or None
