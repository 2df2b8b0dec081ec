"""Casualty, arrest and crowd-size counts of one event, read off the dependency parse.

The words that report a count (kill, dead, toll, arrest, rally, ...) come from
data/casualty_words.csv and the number words from data/number_words.csv. A count belongs to
the event whose clause holds it (`syntax.event_clause`): in "Egypt launched strikes after gunmen
attacked a bus, killing 29" the 29 dead are the attack's, not the strikes'.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ..arrays import positions, string_ids
from ..lang.en import words
from ..syntax import (
    COUNT_FIELDS,
    NOUN_SUBJECT_DEPS,
    CountCue,
    child,
    clause_head,
    clause_indexes,
    count_cue,
    count_cues,
    cue_lemmas,
    is_number,
    number_words,
    passive_patient,
)

# Key of the per-Doc memo of where count words stand in `Doc.user_data` (ints only).
CUE_MEMO = "newsevents.count_words"
# Spans of casualty words further apart than this many tokens are reported separately.
TEXT_GAP = 3


@dataclass
class Casualties:
    """Counts stated for one event; None where the article gives no exact number."""

    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    size: int | None = None
    text: str | None = None
    claimed: bool = False


@cache
def _qualifier_re() -> re.Pattern[str]:
    """Multi-word qualifiers first, so "at least" goes before "at"."""
    words = sorted(
        (w for w, (kind, _) in number_words().items() if kind == "qualifier"),
        key=len,
        reverse=True,
    )
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


@cache
def _count_word_ids() -> frozenset[int]:
    """String ids of every word that can state a count, as written in any case."""
    words = {lemma for (lemma, _), cue in count_cues().items() if cue.field in COUNT_FIELDS}
    return string_ids(words, any_case=True)


def _count_word_positions(doc: Doc) -> list[int]:
    """Indexes of the tokens of `doc` that may be count words, remembered per Doc.

    Most sentences state no count: one look at the Doc's arrays (lower-case form and lemma,
    no Token objects) lets `casualties` skip them without reading their clauses.
    """
    found: list[int] | None = doc.user_data.get(CUE_MEMO)
    if found is None:
        found = positions(doc, ["LOWER", "LEMMA"], _count_word_ids())
        doc.user_data[CUE_MEMO] = found
    return found


def parse_number(text: str) -> int | None:
    """The count a number phrase states, as a lower bound; None when it states none.

    "29", "twenty-nine", "1,200", "a dozen" and "two" read as written; qualifiers are dropped
    ("at least 29" -> 29, "more than 100" -> 100); vague plurals ("dozens", "hundreds") -> None;
    "no one" and "none" -> 0.
    Words after the number are ignored ("29 people" -> 29).
    """
    words = number_words()
    cleaned = _qualifier_re().sub(" ", text.lower())
    tokens = re.findall(r"\d[\d,]*(?:\.\d+)?|[a-z]+", cleaned)
    total = 0
    current: float | None = None
    seen = False
    for i, tok in enumerate(tokens):
        if tok[0].isdigit():
            if current is not None:
                break  # "29 30": a second number is not part of this one
            current = float(tok.replace(",", ""))
            seen = True
            continue
        kind, value = words.get(tok, ("", None))
        if kind == "none" and not seen:
            return 0
        if kind == "vague":
            return None
        if kind == "joiner" and seen:
            continue
        if kind == "article":
            following = words.get(tokens[i + 1], ("", None))[0] if i + 1 < len(tokens) else ""
            if following in ("multiplier", "scale") and not seen:
                current = 1
                continue
            break
        if kind == "unit" and value is not None:
            current = (current or 0) + value
        elif kind == "multiplier" and value is not None:
            current = (current or 1) * value
        elif kind == "scale" and value is not None:
            total += int((current or 1) * value)
            current = None
        else:
            break  # the noun after the number, or any other word, ends it
        seen = True
    if not seen:
        return None
    return int(total + (current or 0))


# --- counts -----------------------------------------------------------------------------------


def _number_tokens(number: Token) -> list[Token]:
    """The words of the number `number` is part of: its CARDINAL entity and its modifiers."""
    tokens = {t.i for t in number.subtree if t.i <= number.i}
    doc = number.doc
    if number.ent_type_ == "CARDINAL":
        start = number.i  # back to where its entity begins (cheaper than sent.ents)
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        tokens.update(range(start, number.i + 1))
    return [doc[i] for i in sorted(tokens)]


@dataclass
class _Count:
    value: int | None
    tokens: list[Token]


def _quantity(noun: Token, field: str) -> _Count | None:
    """The number of people `noun` stands for: "at least 29 people", "a soldier", "dozens"."""
    if number_words().get(noun.lower_, ("", None))[0] == "none":
        return _Count(0, [noun])  # "nobody was hurt"
    if noun.pos_ == "PRON" or noun.lower_ in words("clause_pronouns"):
        return None
    tokens: list[Token] = [noun]
    if is_number(noun):
        number = _number_tokens(noun)
        # "dozens of students", "thousands of protesters": keep who they were in the text.
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                tokens.extend(c.subtree)
        value = parse_number(" ".join(t.text for t in number))
        return _Count(value, number + tokens)
    for c in noun.children:
        if c.dep_ in ("nummod", "quantmod") and is_number(c):
            number = _number_tokens(c)
            value = parse_number(" ".join(t.text for t in number))
            return _Count(value, number + tokens)
    singular = noun.tag_ in ("NN", "NNP")
    determiners = [c for c in noun.children if c.dep_ in ("det", "poss", "quantmod")]
    if field != "size" and singular:
        if any(d.lower_ in ("a", "an", "one") for d in determiners):
            return _Count(1, [*determiners, noun])
        if noun.ent_type_ == "PERSON":
            return _Count(1, [noun])
    return None


def _quantities(noun: Token, field: str) -> _Count | None:
    """The quantity of `noun` and the nouns joined to it ("two policemen and a civilian")."""
    parts = [_quantity(n, field) for n in (noun, *noun.conjuncts)]
    found = [p for p in parts if p is not None]
    if not found:
        return None
    values = [p.value for p in found]
    # A sum only when every part is exact; one counted part alone is still a lower bound.
    exact = [v for v in values if v is not None]
    total = sum(exact) if len(exact) == len(values) else None
    return _Count(total, [t for p in found for t in p.tokens])


def _prep_object(token: Token, preps: Iterable[str]) -> Token | None:
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            return child(c, "pobj")
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _count_nouns(cue: Token, spec: CountCue) -> list[Token]:
    """Where `cue`'s number may stand, best first."""
    found: list[Token | None] = []
    head = cue.head
    if spec.count == "object":
        if _is_passive(cue):
            # "Around 14 May, in Tlaquepaque, a man was killed": not 14, but the man
            found.append(passive_patient(cue) or child(cue, "nsubjpass"))
        found.append(child(cue, "dobj"))
        # Headline style "Four killed": a past participle with a bare number as subject.
        subj = child(cue, "nsubj")
        if subj is not None and (cue.tag_ == "VBN" or is_number(subj)):
            found.append(subj)
        if cue.dep_ == "acl" and cue.tag_ == "VBN":
            found.append(head)  # "29 people killed in the attack"
    elif spec.count == "subject":
        found.append(child(cue, "nsubj", "nsubjpass"))
    elif cue.pos_ == "ADJ":
        found.append(child(cue, "nummod", "npadvmod"))
        if cue.dep_ == "amod":
            found.append(head)  # "two dead soldiers"
        elif head != cue:
            found.append(child(head, "dobj"))  # "left dozens dead", "shot two men dead"
            found.append(child(head, "nsubjpass", "nsubj"))  # "was shot dead", "were injured"
    else:  # a noun: "12 deaths", "a death toll of 12", "the toll rose to 12"
        found.append(child(cue, "nummod"))
        found.append(_prep_object(cue, ("of",)))
        if cue.dep_ in NOUN_SUBJECT_DEPS and head != cue:
            found.append(child(head, "dobj", "attr"))
            found.append(_prep_object(head, ("to", "at")))
    return [t for t in found if t is not None and t != cue and t.ent_type_ not in ("DATE", "TIME")]


def _irrealis(cue: Token) -> bool:
    """Whether `cue` is not reported as done: "threatened to kill", "did not kill"."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    aux = {c.lower_ for c in cue.children if c.dep_ == "aux"}
    # "claimed to have killed 50" is done; "vowed to kill 50" is not.
    return cue.dep_ == "xcomp" and "to" in aux and "have" not in aux


def _claimed(cue: Token) -> bool:
    """Whether the count is one side's claim: under "claim", or "X said it killed 50"."""
    claims = cue_lemmas("claim")
    reports = cue_lemmas("report")
    for verb in cue.ancestors:
        lemma = verb.lemma_.lower()
        if lemma in claims:
            return True
        if lemma in reports:
            subj = child(cue, "nsubj")
            if subj is None:
                return False
            owners = {subj.lower_} | {c.lower_ for c in subj.children if c.dep_ == "poss"}
            return bool(owners & words("speaker_pronouns"))
    return False


def _text(spans: list[tuple[int, int]], doc: Doc) -> str | None:
    """The article's words of the casualty `spans` (first, last token); far-apart ones joined."""
    if not spans:
        return None
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start - merged[-1][1] <= TEXT_GAP + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return "; ".join(doc[a : b + 1].text for a, b in merged)


def casualties(trigger: Token) -> Casualties:
    """Dead, injured, arrested and crowd size stated for the event of `trigger`.

    Counts are read from the trigger's own clause (`syntax.event_clause`). A crowd size counts only
    when the crowd word is the trigger or its verb ("5,000 people rallied", "the protest drew
    100 people"). Where several counts of one kind are given, the largest exact one wins
    (later tolls are usually higher). Vague counts ("dozens dead") leave the number None but
    keep the words in `text`.
    """
    sent = trigger.sent
    words = _count_word_positions(trigger.doc)
    first = bisect_left(words, sent.start)
    if first == len(words) or words[first] >= sent.end:
        return Casualties()  # no count word in the sentence (an event's clause is in it)
    clause = clause_indexes(trigger)
    head = clause_head(trigger)
    values: dict[str, list[int | None]] = defaultdict(list)
    spans: list[tuple[int, int]] = []
    claimed = False
    doc = trigger.doc
    # Only the sentence's count words can state a count (see `_count_word_positions`).
    for i in words[first : bisect_left(words, sent.end)]:
        if i not in clause:
            continue
        token = doc[i]
        spec = count_cue(token)
        if spec is None or spec.field not in COUNT_FIELDS or _irrealis(token):
            continue
        if spec.field == "size" and token not in (trigger, head):
            continue
        for noun in _count_nouns(token, spec):
            count = _quantities(noun, spec.field)
            if count is None:
                continue
            values[spec.field].append(count.value)
            hit = [token, *count.tokens]
            if token.pos_ == "NOUN":
                hit.extend(c for c in token.children if c.dep_ == "compound")
            spans.append((min(t.i for t in hit), max(t.i for t in hit)))
            claimed = claimed or _claimed(token)
            break
    result = Casualties(text=_text(spans, trigger.doc), claimed=claimed)
    for field in COUNT_FIELDS:
        exact = [v for v in values.get(field, []) if v is not None]
        setattr(result, field, max(exact) if exact else None)
    return result
