"""Repairs of parses that lose a sentence's main verb, as a spaCy component after the parser.

The small English model sometimes reads the one finite verb of a news sentence as something
else: "teachers and members of the SNTE blocked roads" (a participle modifying "roads"),
"police tear-gassed protesters" (the same, after a hyphen), "two gunmen on a motorcycle shot
dead a sergeant" ("shot" a noun, "dead" the root). The sentence then has no finite verb, and
the event, its doer and its target are lost. The component makes that word the sentence's
verb again: its root, with the noun it modified as its object and the noun phrase before it as
its subject. Sentences with a finite verb are left as they are.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..syntax import child

REPAIR = "newsevents_repair"

# Tags of finite verbs: a sentence with one has the verb it needs.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Dependents of a noun that stay with it when the verb takes over its clause.
_NOUN_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "nmod", "poss", "case", "quantmod", "appos", "acl"}
)


def repair_lost_verbs(doc: Doc) -> Doc:
    """Make the lost main verb of each verbless sentence its root again."""
    for sent in list(doc.sents):
        if _has_main_verb(sent):
            continue
        shot = _shot_dead(sent)
        if shot is not None:
            _make_root(sent, shot[0], obj=shot[1], subj=shot[2], taken=shot[3])
            continue
        verb = _participle_verb(sent) or _noun_with_object(sent)
        if verb is not None:
            subj = _subject_before(sent, verb)
            if subj is not None:
                obj = verb.head if verb.dep_ == "amod" else child(verb, "dobj")
                _make_root(sent, verb, obj=obj, subj=subj, taken=None)
    return doc


def _has_main_verb(sent: Span) -> bool:
    """Whether the sentence's root is a finite verb (or one with a finite auxiliary); finite
    verbs of its other clauses ("after it was signed") do not make up for a lost one."""
    root = sent.root
    return root.pos_ in ("VERB", "AUX") and (
        root.tag_ in _FINITE
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in root.children)
    )


def _shot_dead(sent: Span) -> tuple[Token, Token | None, Token | None, Token] | None:
    """("shot", its object, its subject, "dead") where "shot dead X" lost its verb."""
    for tok in sent[:-1]:
        dead = tok.doc[tok.i + 1]
        if (
            tok.lower_ == "shot"
            and tok.pos_ == "NOUN"
            and dead.lower_ == "dead"
            and (dead.dep_ == "ROOT")
        ):
            return tok, child(dead, "dobj"), child(dead, "nsubj"), dead
    return None


def _participle_verb(sent: Span) -> Token | None:
    """A past form the parser hung on the noun after it although a noun phrase comes before it
    ("the SNTE blocked roads", "police tear-gassed protesters")."""
    for tok in sent:
        if tok.dep_ != "amod" or tok.tag_ not in ("VBD", "VBN") or tok.head.i <= tok.i:
            continue
        k = tok.i - 1
        if k - 1 >= sent.start and tok.doc[k].tag_ == "HYPH" and tok.doc[k - 1].head.i == tok.i:
            k -= 2  # "tear-gassed": the word before the hyphenated verb
        if k < sent.start:
            continue
        before = tok.doc[k]
        # (an acronym is often tagged as an adjective: "the SNTE blocked roads")
        named = before.pos_ in ("NOUN", "PROPN") or (before.text.isupper() and len(before) > 1)
        if named and before.ent_type_ not in ("DATE", "TIME"):
            return tok
    return None


def _noun_with_object(sent: Span) -> Token | None:
    """A root the tagger took for a noun although it has a direct object ("workers of the
    council demand a pay rise"): a present-tense verb."""
    root = sent.root
    if root.pos_ == "NOUN" and any(c.dep_ == "dobj" for c in root.children):
        return root
    return None


def _subject_before(sent: Span, verb: Token) -> Token | None:
    """The head of the noun phrase that ends right before `verb`: the first noun after the
    last comma before it whose head lies outside that stretch."""
    start = verb.i
    while start - 1 >= sent.start and verb.doc[start - 1].text not in (",", ";", ":", "("):
        start -= 1
    stretch = range(start, verb.i)
    for tok in verb.doc[start : verb.i]:
        if (
            tok.pos_ in ("NOUN", "PROPN", "PRON")
            and tok.ent_type_ not in ("DATE", "TIME")
            and tok.head.i not in stretch
        ):
            return tok
    return None


def _make_root(
    sent: Span, verb: Token, obj: Token | None, subj: Token | None, taken: Token | None
) -> None:
    """Make `verb` the root of `sent`, with `obj` and `subj` as its object and subject; the
    old root's clause dependents move to it. `taken`: a word that joins the verb ("dead")."""
    old_root = sent.root
    old_obj_head = (obj.head, obj.dep_) if obj is not None else None
    old_verb_head, old_verb_dep = verb.head, verb.dep_
    # a past form, or a present one read as a noun ("demand", "protests")
    present = verb.tag_ in ("NN", "NNS") and taken is None
    verb.pos_ = "VERB"
    verb.tag_ = ("VBZ" if verb.tag_ == "NNS" else "VBP") if present else "VBD"
    if verb.lower_ == "shot":
        verb.lemma_ = "shoot"
    verb.head = verb
    verb.dep_ = "ROOT"
    if old_root.i != verb.i:
        # the old root's sentence-level phrases ("On 3 May", "in Morelia") are the verb's; of
        # another clause's ("to demand the payment") only those before the verb
        movers = [
            c
            for c in old_root.children
            if c.dep_ not in _NOUN_DEPS and c.i != verb.i and (old_root is obj or c.i < verb.i)
        ]
        if old_root is not obj and old_root is not taken:
            old_root.head = verb
            old_root.dep_ = "advcl" if old_root.pos_ in ("VERB", "AUX") else "dep"
        for mover in movers:
            if mover is not subj and mover is not obj:
                mover.head = verb
    if taken is not None:
        _join_taken(verb, taken, old_verb_head, old_verb_dep)
    if obj is not None:
        obj.head = verb
        obj.dep_ = "dobj"
        # words before the verb that hung on the object belong to the subject's phrase
        if old_obj_head is not None and subj is not None:
            _hand_object_words_to_subject(verb, obj, subj, old_obj_head)
    if subj is not None and subj.i != verb.i:
        subj.head = verb
        subj.dep_ = "nsubj"


def _join_taken(verb: Token, taken: Token, old_verb_head: Token, old_verb_dep: str) -> None:
    """Hang `taken` ("dead") and its dependents on the verb; the words that hung on the noun the
    verb was read as become a phrase of their own."""
    taken.head = verb
    taken.dep_ = "oprd"
    for dependent in list(taken.children):
        dependent.head = verb
    # the words that hung on the noun the verb was read as are a phrase of their own
    # ("gunmen on a motorcycle shot dead": "a motorcycle" is what "on" governs)
    lefts = [
        c for c in verb.children if c.i < verb.i and c.dep_ in ("det", "compound", "amod", "nummod")
    ]
    if lefts and old_verb_head.i != verb.i and old_verb_head.i < lefts[0].i:
        noun = lefts[-1]
        noun.head = old_verb_head
        noun.dep_ = old_verb_dep
        for word in lefts[:-1]:
            word.head = noun


def _hand_object_words_to_subject(
    verb: Token, obj: Token, subj: Token, old_obj_head: tuple[Token, str]
) -> None:
    """Words before the verb that hung on the object belong to the subject's phrase."""
    doc = verb.doc
    last = doc[verb.i - 1] if doc[verb.i - 1].tag_ != "HYPH" else doc[verb.i - 3]
    for tok in doc[subj.i + 1 : verb.i]:
        if tok.head.i == obj.i and tok.i != last.i:
            tok.head = last
    if last.head.i == obj.i and last.i != subj.i:
        head, dep = old_obj_head
        if head.i != verb.i and subj.i <= head.i < verb.i:
            last.head = head
            last.dep_ = dep
        else:
            last.head = subj
            last.dep_ = "compound" if last.i < subj.i else "appos"
