"""Finding event words in a parsed sentence: verbs and event nouns from the trigger lexicon.

The lexicon lives in data/triggers.csv (see ontology.py); the verbs that only carry an event
noun ("launched strikes", "took part in raids") in data/light_verbs.csv; the modifiers that
refine an event ("air strike", "hunger strike", "joint operation") in data/modifiers.csv.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from . import ontology
from .datafiles import data_rows
from .roles import cues

EVENT_POS = ("VERB", "NOUN")
# Types whose verbs act by speaking: "denounced the report" is still a denunciation.
SPEECH_ACTS = {"ACCUSE", "REJECT", "THREATEN", "REQUEST", "SUPPORT"}
# Dependents that retell their head's event rather than report another one.
FOLDED_DEPS = ("advcl", "conj", "xcomp", "relcl", "acl")


@dataclass
class Candidate:
    """One event word found in a sentence, before its roles are read.

    `carrier` is the verb that carries a noun event ("launched" in "launched strikes"), or the
    trigger itself; `role` says how: "self", "light" (the carrier's subject did the event),
    "join" (the carrier's subject joined someone's event), "subject" (the noun is the subject
    of the carrier: "strikes on X killed five").
    """

    token: Token
    carrier: Token
    role: str
    lemma: str
    event_type: str
    cameo_code: str
    mode: str | None
    weight: float
    rule: str
    particle: str | None = None


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


def has_particle(token: Token, particle: str) -> bool:
    """Whether `token` has the child path `particle` names.

    One word names a direct child by lemma or form: a particle ("crack down"), a preposition
    ("call for"), an object ("impose sanctions") or a compound ("hunger strike"). More words
    go down the tree, each a child of the one before: "on resolution" is a child "on" with a
    child "resolution"; "shells artillery" a child "shells" with a child "artillery".
    """
    node = token
    for word in particle.split():
        node_next = next(
            (c for c in node.children if c.lemma_.lower() == word or c.lower_ == word), None
        )
        if node_next is None:
            return False
        node = node_next
    return True


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


class TriggerFinder:
    """Finds event candidates in a Doc with a spaCy Matcher built from the trigger lexicon."""

    def __init__(self, vocab: Vocab, extra: Sequence[ontology.Trigger] = ()) -> None:
        """Build the matcher; `extra` entries (user verb files) replace built-in ones of the
        same lemma and part of speech, and an entry of type NONE removes the lemma."""
        self.by_key: dict[tuple[str, str], list[ontology.Trigger]] = defaultdict(list)
        for trig in ontology.triggers():
            self.by_key[(trig.lemma.lower(), trig.pos)].append(trig)
        replaced: set[tuple[str, str]] = set()
        for trig in extra:
            key = (trig.lemma.lower(), trig.pos)
            if key not in replaced:
                self.by_key[key] = []
                replaced.add(key)
            if trig.event_type != "NONE":
                self.by_key[key].append(trig)
        for key in [k for k, entries in self.by_key.items() if not entries]:
            del self.by_key[key]
        # Specific entries (with a particle) are tried first.
        for entries in self.by_key.values():
            entries.sort(key=lambda t: (t.particle is None, -t.weight))
        self.matcher = Matcher(vocab)
        for pos in EVENT_POS:
            lemmas = sorted({lemma for lemma, p in self.by_key if p == pos})
            forms = lemmas + [lemma.capitalize() for lemma in lemmas]
            self.matcher.add(pos, [[{"LEMMA": {"IN": forms}, "POS": pos}]])
        self.light = _light_verbs()
        self.mods: dict[tuple[str, str], list[Modifier]] = defaultdict(list)
        for mod in modifiers():
            self.mods[(mod.trigger, mod.where)].append(mod)

    def entry_for(self, token: Token) -> ontology.Trigger | None:
        """The lexicon entry that fits `token` and its particles, most specific first."""
        for trig in self.by_key.get((lemma_of(token), token.pos_), []):
            if trig.particle is None or has_particle(token, trig.particle):
                return trig
        return None

    def _carrier(self, noun: Token) -> tuple[Token, str] | None:
        """The light verb that carries event noun `noun`, with its role."""
        head = noun.head
        # Coordinated nouns share the carrier of the first ("launched raids and strikes").
        while noun.dep_ == "conj" and head.pos_ == "NOUN":
            noun, head = head, head.head
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
        """All event candidates in `doc`, in text order; light verbs are folded into their noun."""
        found: list[Candidate] = []
        seen: set[int] = set()
        for _match_id, start, _end in self.matcher(doc):
            token = doc[start]
            if token.i in seen:
                continue
            seen.add(token.i)
            entry = self.entry_for(token)
            if entry is None:
                continue
            carrier, role = token, "self"
            if token.pos_ == "NOUN":
                carried = self._carrier(token)
                if carried is not None:
                    carrier, role = carried
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
        carriers = {c.carrier.i for c in found if c.role != "self"}
        events = [c for c in found if not (c.role == "self" and c.token.i in carriers)]
        # Where a verb carries a noun event, the verb's dependents hang on that event.
        by_token = {c.carrier.i: c for c in events} | {c.token.i: c for c in events}
        kept = []
        for cand in events:
            token = cand.token
            # "X said Y attacked Z", "..., the agency said": a report, not an event (the one
            # reported is attributed to the speaker instead).
            if lemma_of(token) in cues("speech") and (
                token.dep_ in ("parataxis", "ccomp")
                or any(c.dep_ in ("ccomp", "parataxis") for c in token.children)
            ):
                continue
            # "a news release", "press statement": a publication, not the event its noun names.
            if token.pos_ == "NOUN" and any(
                c.dep_ == "compound" and c.lemma_.lower() in cues("media") for c in token.children
            ):
                continue
            # "regained strength", "fight corruption": a conflict verb used as a figure of speech.
            thing = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None)
            if (
                token.pos_ == "VERB"
                and cand.event_type in ("ASSAULT", "COERCE")
                and thing is not None
                and thing.lemma_.lower() in cues("abstract")
            ):
                continue
            # "released a video", "issued figures": publishing is not the event the verb names.
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            if (
                token.pos_ == "VERB"
                and obj is not None
                and obj.lemma_.lower() in cues("media")
                and cand.event_type not in SPEECH_ACTS
            ):
                continue
            # "UN-backed", "opposed by Haftar": a participle describing an actor is no news;
            # nor is a noun that only qualifies another ("aid workers", "protest leaders").
            if token.dep_ in ("amod", "compound") or (
                token.dep_ == "acl"
                and token.tag_ == "VBN"
                # a material event told in a participle is still news ("civilians killed in
                # the raid"); so is a protest the parser took for one ("activists protested")
                and cand.event_type not in ("ASSAULT", "COERCE", "PROTEST")
            ):
                continue
            # ", killing 29", "strikes that killed 100": one event told twice in one clause;
            # a clause with a subject of its own ("after gunmen attacked") is another event.
            head = by_token.get(token.head.i)
            own_subject = any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which", "who")
                for c in token.children
            )
            if (
                head is not None
                and head is not cand
                and token.dep_ in FOLDED_DEPS
                and not own_subject
                and (
                    head.event_type == cand.event_type
                    # "protested, demanding X": the demand is what the protest is about
                    or (head.event_type == "PROTEST" and cand.event_type in ("REQUEST", "ACCUSE"))
                )
            ):
                continue
            # "strikes on Kharkiv killed five": the verb tells the toll of its subject's event.
            subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
            told = by_token.get(subj.i) if subj is not None else None
            if (
                cand.role == "self"
                and token.pos_ == "VERB"
                and told is not None
                and told.token.pos_ == "NOUN"
                and told.event_type == cand.event_type
            ):
                if told.carrier is told.token:
                    told.carrier, told.role = token, "subject"
                continue
            # "signed agreements", "staged protests": the object restates its verb's event.
            if (
                token.pos_ == "NOUN"
                and cand.role == "self"
                and token.dep_ == "dobj"
                and head is not None
                and head.event_type == cand.event_type
            ):
                continue
            kept.append(cand)
        return kept
