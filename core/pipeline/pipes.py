"""spaCy's two rule components, made to remember their answers: same output, a tenth of the time.

The attribute ruler runs its 179 Matcher patterns over every token of every article, and the
rule lemmatizer walks every token in Python; together they cost about a tenth of the pipeline
(bench/speed.py). Both answers are functions of a few token attributes, so each is worked out once
per distinct key by spaCy's own component and then written for a whole Doc with `Doc.from_array`:

- the attribute ruler's answer for a token is a function of its text, tag and dependency label
  when only one-token patterns match it; a token with a key not seen yet, or one a longer pattern
  ("gon na", "there was") could cover, is matched by the stock Matcher on a short span;
- the rule lemmatizer's answer is a function of text, part of speech and morphology (spaCy keys its
  own cache the same way).

`remembering(nlp)` turns a loaded pipeline's components into these.
"""

from __future__ import annotations

import re
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

# What the attribute ruler reads, then what it writes (TAG and DEP are read and may be rewritten).
RULER_IN = [ORTH, TAG, DEP, POS, MORPH, LEMMA, LOWER]
RULER_OUT = [POS, MORPH, LEMMA, TAG, DEP]
LEMMA_IN = [ORTH, POS, MORPH, LEMMA]
# The columns of RULER_IN a first-token test of a longer pattern can read.
TESTABLE = {"LOWER": 6, "ORTH": 0, "TAG": 1, "DEP": 2}
# Keys kept before a table is emptied: a day of news has a few hundred thousand distinct words.
MAX_KEYS = 1_000_000

Key = tuple[int, int, int]


class RememberingAttributeRuler(AttributeRuler):
    """An AttributeRuler that answers tokens it has seen from a table (see the module).

    Tokens whose key is new, and the tokens a longer pattern could cover, are matched by the
    stock Matcher on as short a span as holds every match that can touch them, and their
    answers kept when no longer pattern could reach them.
    """

    _answers: dict[Key, tuple[int, ...]]
    _regex_hits: dict[tuple[str, int], bool]
    _starts: list[list[tuple[int, str, Any]]] | None
    _reach: int

    def remember(self) -> None:
        """Start with an empty table (called when an AttributeRuler becomes one of these)."""
        self._answers = {}
        self._regex_hits = {}
        self._starts = None
        self._reach = 0

    def add_patterns(self, patterns: Any) -> None:
        super().add_patterns(patterns)
        if hasattr(self, "_answers"):
            self.remember()

    def _first_tokens(self) -> list[list[tuple[int, str, Any]]]:
        """For each longer pattern, the tests its first token must pass: (column, op, value).

        A pattern whose first token tests something else, or has an operator, gets no test:
        any token may start it.
        """
        if self._starts is None:
            self._starts, self._reach = [], 0
            entries: list[dict[str, Any]] = self.patterns
            for entry in entries:
                for pattern in entry["patterns"]:
                    if len(pattern) < 2:
                        continue
                    self._reach = max(self._reach, len(pattern) - 1)
                    if any("OP" in token for token in pattern):
                        self._starts.append([])
                        continue
                    tests = []
                    for attr, value in pattern[0].items():
                        test = self._test(attr, value)
                        if test is not None:
                            tests.append(test)
                    self._starts.append(tests)
        return self._starts

    def _test(self, attr: str, value: Any) -> tuple[int, str, Any] | None:
        column = TESTABLE.get(attr.upper())
        if column is None:
            return None
        strings = self.vocab.strings
        if isinstance(value, str):
            return column, "IN", np.array([strings[value]], dtype=np.uint64)
        if isinstance(value, dict) and len(value) == 1:
            op, arg = next(iter(value.items()))
            if op in ("IN", "NOT_IN"):
                return column, op, np.array([strings[v] for v in arg], dtype=np.uint64)
            if op == "REGEX":
                return column, op, re.compile(arg)
        return None

    def _could_start(self, seen: np.ndarray) -> np.ndarray:
        """Indexes of the tokens a longer pattern could start at."""
        mask = np.zeros(len(seen), dtype=bool)
        for tests in self._first_tokens():
            here = np.ones(len(seen), dtype=bool)
            for column, op, arg in tests:
                values = seen[:, column]
                if op == "REGEX":
                    hits = [v for v in np.unique(values).tolist() if self._matches(arg, v)]
                    here &= np.isin(values, np.array(hits, dtype=np.uint64))
                else:
                    here &= np.isin(values, arg, invert=op == "NOT_IN")
            mask |= here
        return np.flatnonzero(mask)

    def _matches(self, regex: re.Pattern[str], value: int) -> bool:
        """Whether `regex` finds the string `value` hashes, remembered (words recur)."""
        key = (regex.pattern, value)
        found = self._regex_hits.get(key)
        if found is None:
            if len(self._regex_hits) > MAX_KEYS:
                self._regex_hits.clear()
            found = self._regex_hits[key] = bool(regex.search(self.vocab.strings[value]))
        return found

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        seen = doc.to_array(RULER_IN)
        # A component before this one that set a part of speech, morphology or lemma would make
        # the answer depend on more than the key: the stock component takes such a Doc.
        if not n or seen[:, 3:6].any():
            return super().__call__(doc)
        answers = self._answers
        keys: list[Key] = list(map(tuple, seen[:, :3].tolist()))
        unknown = [i for i, key in enumerate(keys) if key not in answers]
        starts = self._could_start(seen).tolist()
        blank = (0, 0, 0)
        rows = [answers.get(key) or (*blank, key[1], key[2]) for key in keys]
        doc.from_array(RULER_OUT, cast(Any, np.array(rows, dtype=np.uint64)))
        if not unknown and not starts:
            return doc
        # Spans to match: a new key alone, a possible start with the tokens it can reach.
        # Overlapping spans are joined, so that each token sees every match that touches it.
        spans = sorted([(i, i + 1) for i in unknown] + [(i, i + 1 + self._reach) for i in starts])
        joined: list[list[int]] = []
        for start, end in spans:
            if joined and start < joined[-1][1]:
                joined[-1][1] = max(joined[-1][1], end)
            else:
                joined.append([start, min(end, n)])
        for start, end in joined:
            matches = self.matcher(doc[start:end], allow_missing=True, as_spans=False)
            found = sorted(
                (int(self.vocab.strings[m_id]), m_id, start + s, start + e)
                for m_id, s, e in matches
            )
            self.set_annotations(doc, found)
        reached = {i + k for i in starts for k in range(self._reach + 1)}
        if unknown:
            if len(answers) > MAX_KEYS:
                answers.clear()
            written = doc.to_array(RULER_OUT)
            for i in unknown:
                if i not in reached:
                    answers[keys[i]] = tuple(written[i].tolist())
        return doc


class RememberingLemmatizer(Lemmatizer):
    """A rule Lemmatizer that writes the lemmas of a whole Doc at once (see the module).

    Mixed into the class of the pipeline's lemmatizer (English has its own), before it.
    """

    _answers: dict[tuple[int, int, int], int]

    def remember(self) -> None:
        """Start with an empty table (called when a Lemmatizer becomes one of these)."""
        self._answers = {}

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule" or self.overwrite or not len(doc):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables()
        seen = doc.to_array(LEMMA_IN)
        todo = seen[:, 3] == 0  # a lemma the attribute ruler set stays
        if not todo.any():
            return doc
        answers = self._answers
        if len(answers) > MAX_KEYS:
            answers.clear()
        lemmas = seen[:, 3].copy()
        strings = self.vocab.strings
        for i in np.flatnonzero(todo).tolist():
            orth, pos, morph = int(seen[i, 0]), int(seen[i, 1]), int(seen[i, 2])
            key = (orth, pos, morph)
            lemma = answers.get(key)
            if lemma is None:
                lemma = answers[key] = strings.add(self.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], cast(Any, lemmas.reshape(-1, 1)))
        return doc


_CLASSES: dict[type, type] = {}


def _remembering_class(cls: type, mixin: type) -> type:
    """`cls` with `mixin` before it, made once (the lemmatizer of a language is a subclass)."""
    if cls not in _CLASSES:
        _CLASSES[cls] = type(f"Remembering{cls.__name__}", (mixin, cls), {})
    return _CLASSES[cls]


def remembering(nlp: Language) -> Language:
    """Make a loaded pipeline's attribute ruler and rule lemmatizer remember their answers.

    The components keep their names, settings, patterns and tables: only their class changes,
    to one that puts the remembering `__call__` before the stock one. Other kinds of lemmatizer
    (lookup, trained) are left as they are.
    """
    for _, component in nlp.pipeline:
        if isinstance(component, (RememberingAttributeRuler, RememberingLemmatizer)):
            continue
        if isinstance(component, AttributeRuler):
            mixin: type = RememberingAttributeRuler
        elif isinstance(component, Lemmatizer) and component.mode == "rule":
            mixin = RememberingLemmatizer
        else:
            continue
        component.__class__ = _remembering_class(type(component), mixin)
        cast(Any, component).remember()
    return nlp
