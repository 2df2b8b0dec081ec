"""Generic dependency-tree helpers: noun phrases, coordinations, and the import rule of syntax."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsevents.core import syntax

CORE = Path(syntax.__file__).resolve().parent


def _token(doc: Doc, word: str) -> Token:
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("sentence", "head", "expected"),
    [
        ("Jets hit militant camps in the eastern city of Sirte.", "camps", "militant camps"),
        (
            "Masked gunmen attacked a bus carrying Coptic Christians near the town.",
            "bus",
            "a bus carrying Coptic Christians",
        ),
        (
            "They hit the headquarters of the militia, which controls the port.",
            "headquarters",
            "the headquarters of the militia",
        ),
    ],
)
def test_syntax_phrase_drops_places_and_clauses(
    nlp: Language, sentence: str, head: str, expected: str
) -> None:
    assert syntax.phrase(_token(nlp(sentence), head)).text == expected


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("Peru, Chile, Bolivia and Ecuador signed the pact.", "Peru", 4),
        ("Peru, the Andean state, signed the pact.", "Peru", 1),  # a true apposition
        ("Peru and Chile signed the pact.", "Peru", 2),
        # no comma: the apposition is the same one ("President Vladimir Putin"), not another
        (
            "Trump held a call with both Russian President Vladimir Putin and Ukrainian "
            "President Volodymyr Zelensky.",
            "President",
            2,
        ),
    ],
)
def test_syntax_conjuncts_read_a_list_hung_as_apposition(
    nlp: Language, sentence: str, word: str, expected: int
) -> None:
    doc = nlp(sentence)
    assert len(syntax.conjuncts(_token(doc, word))) == expected


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "expected"),
    [
        # "Cats, dogs, and Peru welcomed talks": the parser gave the verb a second subject
        (
            ["Cats", ",", "dogs", ",", "and", "Peru", "welcomed", "talks"],
            [6, 0, 0, 0, 0, 6, 6, 6],
            ["nsubj", "punct", "conj", "punct", "cc", "nsubj", "ROOT", "dobj"],
            ["NOUN", "PUNCT", "NOUN", "PUNCT", "CCONJ", "PROPN", "VERB", "NOUN"],
            ["Cats", "dogs", "Peru"],
        ),
        # "Peru and the awful Chile welcomed talks": "awful" read as a coordinated noun and
        # "Chile" as an apposition of "Peru"
        (
            ["Peru", "and", "the", "awful", "Chile", "welcomed", "talks"],
            [5, 0, 3, 0, 0, 5, 5],
            ["nsubj", "cc", "det", "conj", "appos", "ROOT", "dobj"],
            ["PROPN", "CCONJ", "DET", "NOUN", "PROPN", "VERB", "NOUN"],
            ["Peru", "Chile"],
        ),
        # a true apposition after a name is no member
        (
            ["Peru", ",", "the", "state", ",", "welcomed", "talks"],
            [5, 0, 3, 0, 0, 5, 5],
            ["nsubj", "punct", "det", "appos", "punct", "ROOT", "dobj"],
            ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "NOUN"],
            ["Peru"],
        ),
    ],
)
def test_syntax_conjuncts_mend_misread_coordinations(
    nlp: Language,
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    expected: list[str],
) -> None:
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert [t.text for t in syntax.conjuncts(doc[0])] == expected


def _imports(path: Path) -> set[str]:
    """The modules `path` imports, relative ones written with their dots ("..events")."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_syntax_is_a_leaf() -> None:
    """syntax imports only spaCy, the word lists and the data files; dates nothing of events."""
    assert {m for m in _imports(CORE / "syntax.py") if m.startswith(".")} <= {
        ".datafiles",
        ".lang.en",
    }
    for path in (CORE / "dates").glob("*.py"):
        assert not any("events" in m for m in _imports(path)), path.name
