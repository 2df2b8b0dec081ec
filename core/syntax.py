"""Generic helpers over spaCy's dependency tree: children, phrases, passives, clauses.

These are the questions every reader of a parse asks ("the subject of this verb", "the noun
phrase this word heads", "the clause this word belongs to", "did the parser take a date for a
subject?"); none decides who did what to whom. The events, dates and pipeline packages read the
tree through them. A leaf module: it imports only spaCy, the word lists of `lang.en` and the
data files of `core/data` (the count, number and link words that bound a clause).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from .datafiles import data_rows
from .lang.en import cues, words

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
# Every arc by which a clause has a subject of its own (see `clause_indexes`).
CLAUSE_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")


def counted_by(noun: Token) -> Token:
    """The counter an event noun is counted by ("a series of protests", "a total of 14
    explosions" -> "series", "total"; words of kind `collection`), else the noun itself."""
    while (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in cues("collection")
        and noun.head.head is not noun.head
    ):
        noun = noun.head.head
    return noun


def is_passive(verb: Token) -> bool:
    """Whether `verb` is passive; "were stopped and detained by X": the second one too."""
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        return True  # "one of the women was raped": the participle read as an adjective
    if verb.tag_ in ("VBN", "VBD") and any(c.dep_ == "agent" for c in verb.children):
        # "a body was found, killed by gunmen": a participle with its "by" (which the tagger
        # may take for a past tense: "were taken out and tortured to death by X")
        return True
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and verb.head is not verb
        and not any(c.dep_ in (*SUBJECT_DEPS, "dobj") for c in verb.children)
        and any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.head.children)
    )


def is_gerund_subject(token: Token) -> bool:
    """Whether `token` is an -ing form standing as a subject, a noun whatever its tag:
    "fighting took place", "Shelling by the army killed five"."""
    return token.tag_ == "VBG" and token.dep_ in ("nsubj", "csubj")


def child(token: Token, *deps: str) -> Token | None:
    """The first child of `token` with one of `deps`."""
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None


def prep_object(token: Token, preps: set[str] | frozenset[str]) -> Token | None:
    """The object of the first preposition child of `token` whose word is in `preps`."""
    for c in token.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            obj = child(c, "pobj", "pcomp")
            # "on Saturday" is a time, not a target.
            if obj is not None and obj.ent_type_ not in ("DATE", "TIME"):
                return obj
    return None


# Key of the per-Doc memo of phrase bounds in `Doc.user_data`.
PHRASE_MEMO = "newsevents.phrases"


def phrase(token: Token, keep_conj: bool = True, keep_places: bool = False) -> Span:
    """The noun phrase headed by `token`, without clauses, places and asides hung on it.

    "militant camps in Libya's eastern city of Derna" gives "militant camps" (with
    `keep_places`, the places hung on the head stay); "Egypt and the UAE" stays whole when
    `keep_conj`; "a bus carrying Coptic Christians" keeps its participle.
    """
    doc = token.doc
    # Remembered per Doc (ints only): the engine asks for the same phrases again and again.
    memo: dict[tuple[int, bool, bool], tuple[int, int]] = doc.user_data.setdefault(PHRASE_MEMO, {})
    key = (token.i, keep_conj, keep_places)
    if key not in memo:
        memo[key] = _phrase_bounds(token, keep_conj, keep_places)
    start, end = memo[key]
    return doc[start:end]


def _phrase_bounds(token: Token, keep_conj: bool, keep_places: bool) -> tuple[int, int]:
    """Start and end of `phrase(token, keep_conj, keep_places)`."""
    doc = token.doc
    # Children that are not part of an actor's name: places, times, clauses, asides.
    places = words("phrase_cut_preps")
    keep = {token.i}
    stack = [token]
    while stack:
        tok = stack.pop()
        for c in tok.children:
            if c.dep_ in ("relcl", "appos", "advcl", "punct") or (
                c.dep_ == "case" and tok is token
            ):
                continue
            if c.dep_ in ("cc", "conj") and not (keep_conj and tok is token):
                continue
            if c.dep_ == "prep" and c.lower_ in places and not (keep_places and tok is token):
                continue
            if c.dep_ == "acl" and c.tag_ != "VBG":
                continue
            keep.add(c.i)
            stack.append(c)
    start, end = min(keep), max(keep) + 1
    # Trim dangling punctuation and conjunctions at the edges.
    while end - start > 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while end - start > 1 and (
        doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"
    ):
        start += 1
    # A phrase never runs across a line break (a headline into the body).
    for i in range(token.i, end):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            end = i + 1 if not doc[i].is_space else i
            break
    return start, end


def conjuncts(token: Token) -> list[Token]:
    """`token` and the nouns coordinated with it ("Egypt and the UAE").

    A list the parser hung on the first name as an apposition ("Mordor, the Shire, Arnor and
    Bree") is one coordination when all its members are proper names; two misreadings of a
    coordination are mended too (see below).
    """
    found = [token, *[c for c in token.conjuncts if c.i > token.i]]
    for c in token.children:
        if c.dep_ != "appos" or c.i < token.i or c.pos_ != "PROPN" or token.pos_ != "PROPN":
            continue
        listed = [c, *[x for x in c.conjuncts if x.i > c.i]]
        if len(listed) > 1 and all(x.pos_ == "PROPN" for x in listed):
            # "President Vladimir Putin and ...": with no comma between, the apposition
            # names the same one; only the names coordinated with it are others.
            doc = token.doc
            same = not any(t.text == "," for t in doc[token.i + 1 : c.left_edge.i])
            found += [x for x in listed[1 if same else 0 :] if x not in found]
    doc = token.doc
    for c in token.children:
        # "Arnor and the evil awful Gondor": a name hung on the first member as an apposition
        # right after a coordinated common noun is that member's head (the tagger took
        # "awful" for a noun).
        prev = doc[c.i - 1] if c.i > 0 else None
        if (
            c.dep_ == "appos"
            and c.pos_ == "PROPN"
            and prev is not None
            and prev.i != token.i
            and prev.pos_ == "NOUN"
            and prev in found
        ):
            found[found.index(prev)] = c
    if token.dep_ == "nsubj" and any(c.dep_ == "cc" for c in token.children):
        # "Lions, tigers, and Gondor welcomed": the parser gave the verb a second subject.
        found += [
            c for c in token.head.children if c.dep_ == "nsubj" and c.i > token.i and c not in found
        ]
    return found


def stranded_subject(verb: Token) -> Token | None:
    """The subject of a main verb the parser left without one: "On 3 May, in Lagos (Lagos
    state), traders protested" hangs "traders" on the place before it. The noun phrase that
    ends right before the verb, attached to a place name, is its subject (the doer, or for a
    passive verb the one it was done to)."""
    root = verb.sent.root
    if (
        verb.dep_ == "acl"
        and verb.head.ent_type_ in ("DATE", "TIME")
        and root.pos_ == "NOUN"
        and root.i < verb.i
    ):
        return root  # "relatives of a man found on 13 January protested": a past tense
    # A finite verb the parser hung under the opening place's preposition ("in Toluca de
    # Lerdo, Mexico, 100 employees ... protested", read as "in ... protesting") is the main one.
    misplaced = verb.dep_ == "pcomp" and root.pos_ == "ADP"
    if (verb.dep_ != "ROOT" and not misplaced) or verb.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    if any(
        c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and not misread_subject(c)
        for c in verb.children
    ):
        return None
    k = verb.i - 1
    skipped = ("advmod", "aux", "auxpass", "neg")  # "traders reportedly protested"
    while k >= verb.sent.start and verb.doc[k].head.i == verb.i and verb.doc[k].dep_ in skipped:
        k -= 1
    while k >= verb.sent.start and verb.doc[k].text in (",", ")"):
        k -= 1  # "people, including members of a union (UGTG), gathered"
    if k < verb.sent.start or verb.doc[k].is_punct:
        return None
    tok = verb.doc[k]
    while tok.head.i != tok.i and tok.head.i < verb.i:
        if _hung_doer(tok):
            return tok
        tok = tok.head
    # "in San Pedro Sula, Cortes, health workers and staff at the X Hospital protested": the
    # walk up from the last word climbs through the hospital's phrase, which the parser hung
    # on the place; the doers are the first noun after the place's comma.
    comma = k
    while comma > verb.sent.start and verb.doc[comma].text != ",":
        comma -= 1
    if comma == verb.sent.start:
        return None
    for tok in verb.doc[comma + 1 : k + 1]:
        if tok.head.i < comma and _hung_doer(tok):
            return tok
    return None


def _hung_doer(tok: Token) -> bool:
    """Whether `tok` is a noun the parser hung on a place name or a comma before it."""
    head = tok.head
    return (
        tok.pos_ in ("NOUN", "PROPN")
        and tok.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME")
        and tok.doc[tok.i - 1].text != "("  # "a union (UGTG)": an acronym, not the doers
        and (
            (
                tok.dep_ in ("conj", "appos", "npadvmod")
                and (head.ent_type_ in ("GPE", "LOC", "FAC") or head.pos_ == "PROPN")
            )
            # "in Santa Cruz (Santa Cruz), 100 workers ... staged": hung on the comma
            or (tok.dep_ in ("prep", "dep", "appos", "npadvmod") and head.is_punct)
        )
    )


def misread_subject(token: Token) -> bool:
    """Whether the parser took a date or the place of a lost "in" for a subject: "Around 14
    May 2022, in Tlaquepaque, Jalisco, a man was killed" has "May" and "Tlaquepaque" as the
    subjects of "killed"."""
    if token.ent_type_ in ("DATE", "TIME"):
        return True
    before = token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.ent_type_ in ("GPE", "LOC", "FAC")
        and before is not None
        and before.dep_ == "prep"
        and not any(c.dep_ == "pobj" for c in before.children)
    )


def passive_patient(verb: Token) -> Token | None:
    """The one a passive `verb` was done to when the parser took a date or a place for its
    subject: "Around 2 February, in Cacaloc, Puebla, a man was killed" (the man); None when
    its subject is no misreading."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not any(misread_subject(c) for c in subjects):
        return None
    return next((c for c in subjects if not misread_subject(c)), None) or stranded_subject(verb)


# --- the words that bound a clause: count words, number words, light verbs ----------------

COUNT_FIELDS = ("dead", "injured", "arrested", "size")
# Dependents that start a clause of their own, which may report another event.
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "conj", "parataxis", "acl", "xcomp", "pcomp"})
# Arcs an event noun climbs to the verb of its clause: "the attack killed 29", "29 were killed
# in the attack" (the preposition must be a link preposition, see casualty_words.csv).
NOUN_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True)
class CountCue:
    """What a count word reports (`field`: dead, injured, ..., link, claim) and where its number
    stands (`count`: object, subject, or empty for nouns and adjectives)."""

    field: str
    count: str


@cache
def count_cues() -> dict[tuple[str, str], CountCue]:
    """Casualty words keyed by (lemma, part of speech)."""
    return {
        (row["lemma"].lower(), row["pos"].upper()): CountCue(row["field"], row.get("count", ""))
        for row in data_rows("casualty_words.csv")
    }


@cache
def number_words() -> dict[str, tuple[str, int | None]]:
    """Number words: word -> (kind, value)."""
    return {
        row["word"].lower(): (row["kind"], int(row["value"]) if row["value"] else None)
        for row in data_rows("number_words.csv")
    }


@cache
def light_slots() -> dict[str, frozenset[str]]:
    """Light verbs (data/light_verbs.csv) and the slots their event noun fills."""
    slots: dict[str, set[str]] = defaultdict(set)
    for row in data_rows("light_verbs.csv"):
        if row.get("lemma") and row.get("slot"):
            slots[row["lemma"].lower()].add(row["slot"].lower())
    return {lemma: frozenset(s) for lemma, s in slots.items()}


def count_cue(token: Token) -> CountCue | None:
    """The count word entry of `token` (by lemma, then by form), None when it is none."""
    pos = "VERB" if token.pos_ == "AUX" else token.pos_
    if pos == "PROPN":
        pos = "NOUN"
    return count_cues().get((token.lemma_.lower(), pos)) or count_cues().get((token.lower_, pos))


@cache
def cue_lemmas(field: str) -> frozenset[str]:
    """The lemmas of data/casualty_words.csv of one field ("link", "claim", ...)."""
    return frozenset(lemma for (lemma, _), cue in count_cues().items() if cue.field == field)


def is_number(token: Token) -> bool:
    """Whether `token` states a number: digits, a CARDINAL, or a number word ("dozens")."""
    kind = number_words().get(token.lower_, ("", None))[0]
    return token.like_num or token.ent_type_ == "CARDINAL" or kind in ("unit", "vague", "scale")


# --- which tokens belong to the event -------------------------------------------------------


def _has_subject(clause: Token) -> bool:
    """Whether `clause` has a subject of its own (a relative pronoun stands for its noun)."""
    for c in clause.children:
        if c.dep_ in CLAUSE_SUBJECT_DEPS and c.lower_ not in words("clause_pronouns"):
            # "four killed and 20 wounded": the count is the victims, not a new actor.
            if count_cue(clause) is not None and (is_number(c) or c.dep_ == "nsubjpass"):
                continue
            return True
    return False


def _is_separate(dependent: Token) -> bool:
    """Whether `dependent` starts a clause that reports its own event, not part of its head's."""
    if dependent.dep_ not in CLAUSE_DEPS:
        return False
    if dependent.dep_ == "ccomp":
        return True
    subordinated = any(c.dep_ == "mark" for c in dependent.children) or any(
        c.dep_ == "advmod" and c.tag_ == "WRB" for c in dependent.children
    )
    return subordinated or _has_subject(dependent)


def _is_participle(token: Token) -> bool:
    """A subjectless, unsubordinated participle clause: ", killing 29", ", wounding 11"."""
    return (
        token.dep_ in ("advcl", "conj", "xcomp")
        and token.tag_ in ("VBG", "VBN")
        and not _is_separate(token)
    )


def _only_punct_between(left: Token, right: Token) -> bool:
    doc = left.doc
    return all(doc[i].is_punct or doc[i].dep_ == "cc" for i in range(left.i + 1, right.i))


def _collect(head: Token, out: set[int]) -> None:
    """Add `head` and its dependents to `out`, leaving out clauses of other events."""
    out.add(head.i)
    children = list(head.children)
    separate = [c for c in children if _is_separate(c)]
    for c in children:
        if c.i in out:
            continue
        if c in separate:
            continue
        # A participle right after a subordinate clause modifies that clause, whatever the
        # parser says: in "launched strikes after gunmen attacked a bus, killing 29" the
        # killing is the attack's.
        if _is_participle(c) and any(
            s.i > head.i and s.right_edge.i < c.left_edge.i and _only_punct_between(s.right_edge, c)
            for s in separate
        ):
            continue
        _collect(c, out)


def clause_head(trigger: Token) -> Token:
    """The verb whose clause reports the event of `trigger`.

    A verb is its own head. An event noun climbs to its verb when it is that verb's subject
    ("the attack killed 29"), the object of a link preposition ("killed in the attack"), or
    the noun slot of a light verb ("launched strikes", "took part in strikes").
    """
    if trigger.pos_ in ("VERB", "AUX"):
        return _conjunct_head(trigger)
    links = cue_lemmas("link")
    light = light_slots()
    node = trigger
    for _ in range(4):
        head = node.head
        if head == node:
            break
        if node.dep_ in ("conj", "appos", "compound"):
            node = head
            continue
        if node.dep_ in NOUN_SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
            return _conjunct_head(head)
        if node.dep_ == "dobj" and "dobj" in light.get(head.lemma_.lower(), ()):
            return _conjunct_head(head)
        if node.dep_ == "pobj" and head.dep_ == "prep":
            verb = head.head
            spec = count_cue(verb)
            if verb.pos_ == "NOUN" and spec is not None and spec.field in COUNT_FIELDS:
                node = verb  # "the death toll from the attack rose to 12"
                continue
            if verb.pos_ in ("VERB", "AUX") and (
                head.lower_ in links or head.lower_ in light.get(verb.lemma_.lower(), ())
            ):
                return _conjunct_head(verb)
            if verb.pos_ == "ADJ" and head.lower_ in links and count_cue(verb) is not None:
                return verb  # headline "At least 29 dead in bus attack"
        break
    return trigger


def _conjunct_head(verb: Token) -> Token:
    """The first of verbs joined in one clause: "four killed and 20 wounded" -> "killed"."""
    while verb.dep_ == "conj" and verb.head != verb and not _is_separate(verb):
        verb = verb.head
    return verb


def event_clause(trigger: Token) -> list[Token]:
    """Tokens of the clause that reports `trigger`'s event, in text order.

    That is the trigger's clause (its verb's, for an event noun) with its participles and
    relative clauses, less subordinate clauses that have a subject of their own ("after
    gunmen attacked ..."), which report events of their own. A participle that the parser
    hung on the main verb but that follows the trigger's subordinate clause is the trigger's.
    """
    doc = trigger.doc
    return [doc[i] for i in sorted(clause_indexes(trigger))]


def clause_indexes(trigger: Token) -> set[int]:
    """Indexes of the tokens of `event_clause(trigger)` (no Token objects made)."""
    head = clause_head(trigger)
    out: set[int] = set()
    _collect(head, out)
    if trigger.i not in out:  # an event noun's own modifiers are always its
        _collect(trigger, out)
    parent = head.head
    if parent != head and _is_separate(head):
        for c in parent.children:
            if (
                c.i > head.right_edge.i
                and _is_participle(c)
                and _only_punct_between(head.right_edge, c)
            ):
                _collect(c, out)
    return out
