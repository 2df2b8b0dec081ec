"""Finding event words in a parsed sentence: verbs and event nouns from the trigger lexicon.

The lexicon lives in data/triggers.csv (see ontology.py); the verbs that only carry an event
noun ("launched strikes", "took part in raids") in data/light_verbs.csv; the modifiers that
refine an event ("air strike", "hunger strike", "joint operation") in data/modifiers.csv.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from .. import ontology
from ..datafiles import data_rows
from ..lang.en import cues
from ..syntax import counted_by, is_gerund_subject
from .candidate import Candidate

EVENT_POS = ("VERB", "NOUN")
# Types whose verbs act by speaking: "denounced the report" is still a denunciation.
SPEECH_ACTS = {"ACCUSE", "REJECT", "THREATEN", "REQUEST", "SUPPORT"}
# Dependents that retell their head's event rather than report another one.
FOLDED_DEPS = ("advcl", "conj", "xcomp", "relcl", "acl")
# Speech acts a protest's own clause tells as what it is about, not as events of their own.
PROTEST_CONTENT = ("REQUEST", "ACCUSE", "SUPPORT", "REJECT")


@dataclass(frozen=True)
class LightVerb:
    lemma: str
    particle: str | None
    slot: str
    role: str


@dataclass(frozen=True)
class Modifier:
    trigger: str
    where: str
    modifier: str
    event_type: str | None
    cameo_code: str | None
    mode: str | None


def _light_verbs() -> dict[str, list[LightVerb]]:
    table: dict[str, list[LightVerb]] = defaultdict(list)
    for row in data_rows("light_verbs.csv"):
        table[row["lemma"]].append(
            LightVerb(row["lemma"], row["particle"] or None, row["slot"], row["role"])
        )
    return table


def modifiers() -> list[Modifier]:
    """The modifier rules of data/modifiers.csv."""
    return [
        Modifier(
            row["trigger"],
            row["where"],
            row["modifier"],
            row["event_type"] or None,
            row["cameo_code"] or None,
            row["mode"] or None,
        )
        for row in data_rows("modifiers.csv")
    ]


# A particle that starts with this mark is a verb pattern (from a PETRARCH verb dictionary).
PATTERN_MARK = "= "
_ELEMENT = re.compile(r"<?(?:\{[^}]*\}|\([^)]*\)|[^\s{}()]+)")
# Dependents that start another clause: a pattern does not look into them.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "conj", "cc", "punct", "mark", "relcl"})
# Markers of a pattern: where the source ($) and the target (+) of the event stand.
ROLE_MARKS = ("$", "+")
# Marker of a pattern: a noun phrase skipped ("Iftar (in ^) +": the target is the phrase after
# the place).
SKIP_MARK = "^"
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_PREP_DEPS = frozenset({"prep", "agent", "dative"})
_NP_DEPS = frozenset({"dobj", "pobj", "dative", "attr", "oprd", "nsubj", "nsubjpass", "appos"})


def _is(token: Token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.lower() == word


def _in_order(tokens: Sequence[Token], words: Sequence[str]) -> bool:
    """Whether `words` are the lemmas or forms of some of `tokens`, in that order."""
    n = 0
    for tok in tokens:
        if n < len(words) and _is(tok, words[n]):
            n += 1
    return n == len(words)


def _pattern_scope(verb: Token) -> tuple[list[Token], list[Token]]:
    """The words a pattern looks at: before the verb its subject's phrase ("death toll" in
    "the death toll has risen"), after it the words of its own clause."""
    found: list[Token] = []
    stack = [c for c in verb.children if c.dep_ not in _CLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        found.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in ("ccomp", "parataxis", "relcl"))
    found.sort(key=lambda t: t.i)
    before = sorted(
        (
            t
            for c in verb.children
            if c.dep_ in _SUBJECT_DEPS and c.i < verb.i
            for t in c.subtree
            if t.dep_ not in ("preconj", "det", "cc", "punct")
        ),
        key=lambda t: t.i,
    )
    return before, [t for t in found if t.i > verb.i]


def _element_at(element: str, scope: Sequence[Token]) -> Token | None:
    """The word that meets one pattern element among `scope` (see `has_particle`): the word
    itself, the head of a phrase, or the preposition of a prepositional phrase."""
    if element.startswith("("):
        prep, *words = element[1:-1].split()
        words = [w for w in words if w not in ROLE_MARKS and w != SKIP_MARK]
        return next(
            (
                t
                for t in scope
                if _is(t, prep)
                and t.dep_ in _PREP_DEPS  # "burned down the house" has a particle, no phrase
                and _in_order([x for x in t.subtree if x.i > t.i], words)
            ),
            None,
        )
    if element.startswith("{"):
        *mods, head = element[1:-1].split()
        for t in scope:
            if not _is(t, head):
                continue
            doc = t.doc
            if not mods or (t.i > 0 and _is(doc[t.i - 1], mods[-1])):
                left = [x for x in t.subtree if x.i < t.i - 1]
                if _in_order(left, mods[:-1]):
                    return t
        return None
    return next((t for t in scope if _is(t, element)), None)


def _noun_after(scope: Sequence[Token], start: int) -> Token | None:
    """The first noun-phrase head in `scope` after index `start`."""
    for t in scope:
        if t.i > start and t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ in _NP_DEPS:
            return t
    return None


def pattern_roles(
    verb: Token,
    pattern: str,
    scope: tuple[list[Token], list[Token]] | None = None,
) -> dict[str, Token] | None:
    """Match a verb pattern (a particle after PATTERN_MARK) against `verb`.

    Returns None when it does not fit, else the words its markers point at: "source" for `$`,
    "target" for `+` (a marker before the verb is its subject; one after it the next noun
    phrase; one inside a prepositional phrase that phrase's object). A `^` after the verb
    skips a noun phrase: the next one, or inside a prepositional phrase its object. `scope` is
    the verb's words before and after it, when already gathered.
    """
    before, after = scope if scope is not None else _pattern_scope(verb)
    roles: dict[str, Token] = {}
    last = verb.i
    for element in _ELEMENT.findall(pattern):
        early = element.startswith("<")
        bare = element[1:] if early else element
        if bare == SKIP_MARK:
            skipped = None if early else _noun_after(after, last)
            if skipped is not None:
                last = skipped.i
            continue
        if bare in ROLE_MARKS:
            role = "source" if bare == "$" else "target"
            if early:
                found = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
            else:
                found = _noun_after(after, last)
            if found is not None:
                roles.setdefault(role, found)
            continue
        token = _element_at(bare, before if early else after)
        if token is None:
            return None
        if bare.startswith("("):
            obj = next((c for c in token.children if c.dep_ in ("pobj", "pcomp")), None)
            for mark in ROLE_MARKS:
                if mark in bare[1:-1].split() and obj is not None:
                    roles.setdefault("source" if mark == "$" else "target", obj)
            skips = bare[1:-1].split().count(SKIP_MARK)
            if skips and obj is not None and not early:
                last = max(last, obj.i)  # "(in ^)": its object is skipped, then the next ones
                for _ in range(skips - 1):
                    skipped = _noun_after(after, last)
                    last = skipped.i if skipped is not None else last
        if not early:
            last = max(last, token.i)
    return roles


def particle_children(token: Token) -> list[Token]:
    """The children that can be a particle of `token`: a preposition before it is none ("On
    17 May, X fired at Y" does not "fire on")."""
    return [c for c in token.children if not (c.dep_ == "prep" and c.i < token.i)]


def _dated(token: Token) -> bool:
    """True for a month name with a number beside it ("3 March", "March 2022")."""
    doc = token.doc
    return any(0 <= k < len(doc) and doc[k].like_num for k in (token.i - 1, token.i + 1))


def _object_words(token: Token) -> list[Token]:
    """The children that can be a one-word particle of `token`, and the noun a part of its
    object is of: "blocked the km 40 of the highway", "blocked sections of the road"."""
    found = particle_children(token)
    for obj in [c for c in found if c.dep_ == "dobj"]:
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                found += [o for o in prep.children if o.dep_ == "pobj"]
    return found


def has_particle(token: Token, particle: str) -> bool:
    """Whether `token` has the child path `particle` names.

    One word names a direct child by lemma or form: a particle ("crack down"), a preposition
    ("call for"), an object ("impose sanctions") or a compound ("hunger strike"). More words
    go down the tree, each a child of the one before: "on resolution" is a child "on" with a
    child "resolution"; "shells artillery" a child "shells" with a child "artillery".

    A particle that starts with PATTERN_MARK ("= ") is a verb pattern read from a PETRARCH
    verb dictionary: elements that must all be found among the words of the verb's clause
    after it, or before it when marked `<`:
      * `word` a word ("asylum" in "bargain for foreign asylum");
      * `{new economic relations}` a noun phrase: its head, the word before right before it,
        the others earlier in its phrase ("new global economic relations");
      * `(on resolution)` a preposition with the words in order in its phrase ("acting on a
        resolution");
      * `$` and `+` mark where the source and the target stand, `^` a noun phrase skipped
        on the way (see `pattern_roles`).
    """
    if particle.startswith(PATTERN_MARK):
        return pattern_roles(token, particle[len(PATTERN_MARK) :]) is not None
    node = token
    for word in particle.split():
        node_next = next(
            (c for c in particle_children(node) if c.lemma_.lower() == word or c.lower_ == word),
            None,
        )
        if node_next is None:
            return False
        node = node_next
    return True


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


class TriggerFinder:
    """Finds event candidates in a Doc with a spaCy Matcher built from the trigger lexicon."""

    def __init__(
        self, vocab: Vocab, extra: Sequence[ontology.Trigger] = (), builtin: bool = True
    ) -> None:
        """Build the matcher; `extra` entries (user verb files) replace built-in ones of the
        same lemma and part of speech, and an entry of type NONE removes the lemma. With
        `builtin` false the lexicon is `extra` alone (light verbs and modifiers still apply)."""
        self.by_key: dict[tuple[str, str], list[ontology.Trigger]] = defaultdict(list)
        for trig in ontology.triggers() if builtin else ():
            self.by_key[(trig.lemma.lower(), trig.pos)].append(trig)
        # Specific entries (with a particle) are tried first.
        for entries in self.by_key.values():
            entries.sort(key=lambda t: (t.particle is None, -t.weight))
        user: dict[tuple[str, str], list[ontology.Trigger]] = defaultdict(list)
        for trig in extra:
            user[(trig.lemma.lower(), trig.pos)].append(trig)
        for key, entries in user.items():
            # A pattern coded "no event" keeps its verb from being coded when it fits.
            kept = [t for t in entries if t.event_type != "NONE" or t.particle]
            kept.sort(key=lambda t: t.particle is None)  # stable: the file's order otherwise
            if any(t.particle is None for t in entries):
                self.by_key[key] = kept
            else:
                # Only patterns ("+TAKE_NOTE"): they come first, the built-in entries stay.
                built_in = self.by_key.get(key, [])
                self.by_key[key] = [t for t in kept if t.particle] + built_in
        replaced = set(user)
        for key in [
            k for k, entries in self.by_key.items() if all(t.event_type == "NONE" for t in entries)
        ]:
            del self.by_key[key]
        self.matcher = Matcher(vocab)
        for pos in EVENT_POS:
            lemmas = sorted({lemma for lemma, p in self.by_key if p == pos})
            forms = lemmas + [lemma.capitalize() for lemma in lemmas]
            self.matcher.add(pos, [[{"LEMMA": {"IN": forms}, "POS": pos}]])
        # "staged a 'March for Education'": an event noun written as a name (kept only where a
        # light verb carries it, see `find`)
        nouns = sorted({lemma for lemma, p in self.by_key if p == "NOUN"})
        self.matcher.add("PROPN", [[{"LOWER": {"IN": nouns}, "POS": "PROPN"}]])
        # A user entry may be a word form of another verb ("left", not "leave"): it is found
        # as written, and wins over the lemma's entries.
        self.form_keys = {key for key in replaced if key in self.by_key and key[1] in EVENT_POS}
        for pos in EVENT_POS:
            words = sorted(w for w, p in self.form_keys if p == pos)
            if words:
                self.matcher.add(pos, [[{"LOWER": {"IN": words}, "POS": pos}]])
        self.light = _light_verbs()
        self.mods: dict[tuple[str, str], list[Modifier]] = defaultdict(list)
        for mod in modifiers():
            self.mods[(mod.trigger, mod.where)].append(mod)

    def entry_for(self, token: Token) -> ontology.Trigger | None:
        """The lexicon entry that fits `token` and its particles, most specific first (a name
        by the entry of its noun: "March" as "march")."""
        if token.pos_ == "PROPN":
            keys = [(token.lower_, "NOUN")]
        else:
            keys = [(lemma_of(token), token.pos_)]
        if token.lower_ != keys[0][0] and (token.lower_, token.pos_) in self.form_keys:
            keys.insert(0, (token.lower_, token.pos_))
        scope: tuple[list[Token], list[Token]] | None = None
        children: set[str] | None = None
        for key in keys:
            for trig in self.by_key.get(key, []):
                particle = trig.particle
                if particle is None:
                    return trig
                if particle.startswith(PATTERN_MARK):
                    # One walk of the verb's clause serves all its patterns.
                    scope = scope or _pattern_scope(token)
                    if pattern_roles(token, particle[len(PATTERN_MARK) :], scope) is not None:
                        return trig
                elif " " not in particle:
                    # One word: a child by lemma or form (`has_particle`), read once for all.
                    if children is None:
                        children = {
                            w for c in _object_words(token) for w in (c.lemma_.lower(), c.lower_)
                        }
                    if particle in children:
                        return trig
                elif has_particle(token, particle):
                    return trig
        return None

    def _carrier(self, noun: Token) -> tuple[Token, str] | None:
        """The light verb that carries event noun `noun`, with its role."""
        head = noun.head
        # Coordinated nouns share the carrier of the first ("launched raids and strikes").
        while noun.dep_ == "conj" and head.pos_ == "NOUN":
            noun, head = head, head.head
        # "staged a series of protests": the verb carries the noun through its counter.
        noun = counted_by(noun)
        head = noun.head
        if noun.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
            verb, slot = head, "dobj"
        elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
            verb, slot = head.head, head.lower_
        else:
            return None
        for light in self.light.get(lemma_of(verb), []):
            if light.slot != slot:
                continue
            if light.particle and not has_particle(verb, light.particle):
                continue
            return verb, light.role
        return None

    def refine(self, cand: Candidate, where: str, word: str) -> bool:
        """Apply the modifier rule for `word` standing at `where` ("subject", "instrument")."""
        for key in ((cand.lemma, where), ("*", where)):
            for mod in self.mods.get(key, []):
                if mod.modifier != word:
                    continue
                if key[0] == "*" and mod.event_type and mod.event_type != cand.event_type:
                    continue
                if mod.event_type and mod.cameo_code:
                    cand.event_type = mod.event_type
                if mod.cameo_code:
                    cand.cameo_code = mod.cameo_code
                if mod.mode:
                    cand.mode = mod.mode
                cand.rule += f"; modifier {where} '{word}'"
                return True
        return False

    def find(self, doc: Doc) -> list[Candidate]:
        """All event candidates in `doc`, in text order; light verbs are folded into their noun.

        A candidate is dropped when one of DROP_RULES says it is no event of its own.
        """
        found = self._matched(doc)
        carriers = {c.carrier.i for c in found if c.role != "self"}
        events = [c for c in found if not (c.role == "self" and c.token.i in carriers)]
        # Where a verb carries a noun event, the verb's dependents hang on that event.
        by_token = {c.carrier.i: c for c in events} | {c.token.i: c for c in events}
        scene = Scene(by_token, _instruments(events, by_token))
        return [cand for cand in events if not any(rule(cand, scene) for rule in DROP_RULES)]

    def _matched(self, doc: Doc) -> list[Candidate]:
        """The lexicon's candidates in `doc`, each with its carrier, before any is dropped."""
        found: list[Candidate] = []
        seen: set[int] = set()
        for _match_id, start, _end in self.matcher(doc):
            token = doc[start]
            if token.i in seen:
                continue
            seen.add(token.i)
            entry = self.entry_for(token)
            if entry is None or entry.event_type == "NONE":
                continue
            carrier, role = token, "self"
            if token.pos_ in ("NOUN", "PROPN"):
                carried = self._carrier(token)
                if carried is not None:
                    carrier, role = carried
            if token.pos_ == "PROPN" and (role != "light" or token.dep_ != "dobj" or _dated(token)):
                continue  # "Strike Force", "on 3 March": a name, unless what is staged or held
            cand = Candidate(
                token=token,
                carrier=carrier,
                role=role,
                lemma=entry.lemma,
                event_type=entry.event_type,
                cameo_code=entry.cameo_code,
                mode=entry.mode,
                weight=entry.weight,
                particle=entry.particle,
                rule=f"lexicon {entry.pos.lower()} '{entry.lemma}'"
                + (f" + '{entry.particle}'" if entry.particle else ""),
            )
            found.append(cand)
        return found


@dataclass(frozen=True)
class Scene:
    """What the drop rules of `TriggerFinder.find` know of a sentence's other candidates.

    `by_token` holds each candidate by the index of its word and of its carrier; `tools`
    the indexes of event nouns that only name the instrument of a purpose verb.
    """

    by_token: dict[int, Candidate]
    tools: set[int]


def _instruments(events: list[Candidate], by_token: dict[int, Candidate]) -> set[int]:
    """In "used grenades to attack a post": the purpose verb is the event, the event noun the
    light verb "use" carries only its instrument (it refines the verb's mode)."""
    tools: set[int] = set()
    for c in events:
        tool = by_token.get(c.token.head.i)
        if (
            c.token.pos_ == "VERB"
            and c.token.dep_ in ("xcomp", "advcl")
            and tool is not None
            and tool.role == "instrument"
            and tool.event_type == c.event_type
        ):
            tools.add(tool.token.i)
    return tools


def _instrument(cand: Candidate, scene: Scene) -> bool:
    """In "used grenades to attack a post": the grenades' attack is the purpose verb's."""
    return cand.token.i in scene.tools


def _report_verb(cand: Candidate, scene: Scene) -> bool:
    """In "X said Y attacked Z", "..., the agency said": a report, not an event (the one reported
    is attributed to the speaker instead)."""
    token = cand.token
    return lemma_of(token) in cues("speech") and (
        token.dep_ in ("parataxis", "ccomp")
        or any(c.dep_ in ("ccomp", "parataxis") for c in token.children)
    )


def _publication_noun(cand: Candidate, scene: Scene) -> bool:
    """In "a news release", "press statement": a publication, not the event its noun names."""
    token = cand.token
    return token.pos_ == "NOUN" and any(
        c.dep_ == "compound" and c.lemma_.lower() in cues("media") for c in token.children
    )


def _figure_of_speech(cand: Candidate, scene: Scene) -> bool:
    """In "regained strength", "fight corruption": a conflict verb used as a figure of speech."""
    token = cand.token
    thing = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None)
    return (
        token.pos_ == "VERB"
        and cand.event_type in ("ASSAULT", "COERCE")
        and thing is not None
        and thing.lemma_.lower() in cues("abstract")
    )


def _publishing(cand: Candidate, scene: Scene) -> bool:
    """In "released a video", "issued figures": publishing is not the event the verb names."""
    token = cand.token
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return (
        token.pos_ == "VERB"
        and obj is not None
        and obj.lemma_.lower() in cues("media")
        and cand.event_type not in SPEECH_ACTS
    )


def _describes_another(cand: Candidate, scene: Scene) -> bool:
    """In "UN-backed", "opposed by Haftar": a participle describing an actor is no news; nor is a
    noun that only qualifies another ("aid workers", "protest leaders")."""
    token = cand.token
    return token.dep_ in ("amod", "compound") or (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        # a material event told in a participle is still news ("civilians killed in the
        # raid"); so is a protest the parser took for one ("activists protested")
        and cand.event_type not in ("ASSAULT", "COERCE", "PROTEST")
    )


def _head_event(cand: Candidate, scene: Scene) -> Candidate | None:
    """The candidate of the word `cand`'s word hangs on, when another one."""
    head = scene.by_token.get(cand.token.head.i)
    return head if head is not cand else None


def _told_twice(cand: Candidate, scene: Scene) -> bool:
    """In ", killing 29", "strikes that killed 100": one event told twice in one clause; a clause
    with a subject of its own ("after gunmen attacked") is another event."""
    token = cand.token
    head = _head_event(cand, scene)
    own_subject = any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which", "who")
        for c in token.children
    )
    return (
        head is not None
        and head.token.i not in scene.tools
        and token.dep_ in FOLDED_DEPS
        and not own_subject
        and (
            head.event_type == cand.event_type
            # "protested, demanding X", "rallied to express support to Y": what is demanded,
            # denounced or backed is what the protest is about
            or (head.event_type == "PROTEST" and cand.event_type in PROTEST_CONTENT)
        )
    )


def _requested(cand: Candidate, scene: Scene) -> bool:
    """In "urged Eriador to respond", "called on Kenya to release them": what is asked for is the
    request's content, not an event that happened."""
    head = _head_event(cand, scene)
    return head is not None and cand.token.dep_ == "xcomp" and head.event_type == "REQUEST"


def _toll_of_subject(cand: Candidate, scene: Scene) -> bool:
    """In "strikes on Kharkiv killed five": the verb tells the toll of its subject's event (which
    it becomes the carrier of, when that has none)."""
    token = cand.token
    subj = next((c for c in token.children if c.dep_ in ("nsubj", "csubj")), None)
    told = scene.by_token.get(subj.i) if subj is not None else None
    if (
        cand.role == "self"
        and token.pos_ == "VERB"
        and told is not None
        # (a gerund subject is a noun too: "Fighting ... killed thousands")
        and (told.token.pos_ == "NOUN" or is_gerund_subject(told.token))
        and told.event_type == cand.event_type
    ):
        if told.carrier is told.token:
            told.carrier, told.role = token, "subject"
        return True
    return False


def _restated_object(cand: Candidate, scene: Scene) -> bool:
    """In "signed agreements", "staged protests": the object restates its verb's event."""
    head = scene.by_token.get(cand.token.head.i)  # (may be `cand` itself, by its carrier)
    return (
        cand.token.pos_ == "NOUN"
        and cand.role == "self"
        and cand.token.dep_ == "dobj"
        and head is not None
        and head.event_type == cand.event_type
    )


# Why a candidate is no event of its own, in the order they are asked (the first that says so
# drops it; `_toll_of_subject` also hands the verb to its subject's event).
DROP_RULES: tuple[Callable[[Candidate, Scene], bool], ...] = (
    _instrument,
    _report_verb,
    _publication_noun,
    _figure_of_speech,
    _publishing,
    _describes_another,
    _told_twice,
    _requested,
    _toll_of_subject,
    _restated_object,
)


def marked_roles(token: Token, particle: str | None) -> dict[str, Token]:
    """The source and target a verb pattern's markers point at ({} for other particles)."""
    if not particle or not particle.startswith(PATTERN_MARK):
        return {}
    return pattern_roles(token, particle[len(PATTERN_MARK) :]) or {}
