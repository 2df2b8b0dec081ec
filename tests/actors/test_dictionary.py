"""The actor dictionary: lookups, user files on top or alone, precedence, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsevents.core.actors.dictionary import ActorDictionary, country_of
from newsevents.core.errors import DictionaryError

from .helpers import code, triple, write_file


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egyptian", "EGY"),
        ("the U.S.", "USA"),
        ("Libya's", "LBY"),
        ("Kyiv", "UKR"),
        ("UN", None),
        ("Atlantis", None),
    ],
)
def test_actors_country_of(text: str, expected: str | None) -> None:
    assert country_of(text) == expected


@pytest.mark.parametrize(
    ("sentence", "builtin", "expected"),
    [
        ("Zorlandian soldiers crossed the river.", True, ("Zorland soldiers", "ZRL", "MIL")),
        ("Zorlandian soldiers crossed the river.", False, ("Zorland", "ZRL", None)),
        ("Egyptian soldiers crossed the river.", True, ("Egypt soldiers", "EGY", "MIL")),
        ("Egyptian soldiers crossed the river.", False, ("Egyptian soldiers", None, None)),
    ],
)
def test_actors_user_files_alone_replace_the_built_in_dictionary(
    nlp: Language, tmp_path: Path, sentence: str, builtin: bool, expected: tuple[str, ...] | None
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "pattern,name,country,sector,kind\nzorlandian,Zorland,ZRL,,demonym\n", encoding="utf-8"
    )
    actors = ActorDictionary.from_files(path, builtin=builtin)
    assert triple(code(nlp, sentence, actors)) == expected
    assert (actors.lookup("egypt") is not None) is builtin


def test_actors_user_precedence(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "override.csv"
    path.write_text(
        "pattern,name,country,sector,kind\nhaftar,Haftar forces,LBY,REB,group\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.default().load_file(path)
    assert triple(code(nlp, "Haftar rejected the offer.", actors)) == (
        "Haftar forces",
        "LBY",
        "REB",
    )


def test_actors_extend_combines(tmp_path: Path) -> None:
    first = ActorDictionary.default()
    extra = ActorDictionary().load_file(write_file(tmp_path, "a.csv", "pattern,name\nqux,Qux\n"))
    combined = first.extend(extra)
    assert combined.lookup("qux") is not None and combined.lookup("egypt") is not None


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        (
            "bad.csv",
            "pattern,name,country,sector,kind\negypt,Egypt,Egypt,,country\n",
            "line 2: country 'EGYPT' is not a 3-letter code; use an ISO 3166 alpha-3 code "
            "such as EGY, or IGO, NGO or IMG",
        ),
        (
            "noheader.csv",
            "egypt,Egypt,EGY,,country\n",
            "line 1: header must be pattern,name,country,sector,kind; add it as the first line",
        ),
        (
            "kind.csv",
            "pattern,name,country,sector,kind\n# note\nzed,Zed,ZRL,GOV,planet\n",
            "line 3: kind 'planet' is unknown; use one of body, capital, country, demonym, "
            "group, igo, media, ngo, party, person, region",
        ),
        (
            "bad.actors",
            "ZORLAND_ [ZRL]\nKESSEL_ [ZRLGOV\n",
            "line 2: '[' without a closing ']'; close the code bracket",
        ),
        (
            "nocode.actors",
            "ZORLAND_ [ZRL]\nKESSEL_\n",
            "line 2: entry 'kessel' has no code; add one in brackets such as [EGY] or [~GOV]",
        ),
        (
            "bad.yaml",
            "- pattern: zed\n  name: [unclosed\n",
            "line 3: expected ',' or ']', but got '<stream end>'; fix the YAML syntax",
        ),
        (
            "dict.json",
            "{}",
            "unknown dictionary format '.json'; use .csv (columns pattern,name,country,sector,"
            "kind), .yaml/.yml, or PETRARCH .actors/.agents",
        ),
    ],
)
def test_actors_malformed_file_message(tmp_path: Path, name: str, text: str, problem: str) -> None:
    path = write_file(tmp_path, name, text)
    with pytest.raises(DictionaryError) as info:
        ActorDictionary.default().load_file(path)
    assert info.value.problem == problem
    assert str(info.value) == f"{path}: {problem}"


def test_actors_missing_file_message(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError) as info:
        ActorDictionary.default().load_file(tmp_path / "nope.csv")
    assert info.value.problem == "file not found; check the path"


def test_actors_builtin_tables_are_well_formed() -> None:
    actors = ActorDictionary.default()
    assert len(actors) > 1000
    for entry in actors.entries():
        assert entry.pattern == entry.pattern.lower().strip()
        assert entry.country is None or len(entry.country) == 3
    assert actors.agent_sector("air force") == "MIL"
    assert actors.agent_sector("security forces") == "COP"
