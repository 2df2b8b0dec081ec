"""Our CSV dictionaries: actor rows and agent rules."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from newsevents.core.actors.dictionary import ActorDictionary

from .helpers import code, triple


def test_actors_user_csv(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "# my actors\npattern,name,country,sector,kind\n"
        "zorland,Zorland,ZRL,,country\nzorlandian,Zorland,ZRL,,demonym\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.default().load_file(path)
    assert triple(code(nlp, "Zorlandian soldiers crossed the river.", actors)) == (
        "Zorland soldiers",
        "ZRL",
        "MIL",
    )
    # The built-in dictionary is not changed by loading a user file.
    assert ActorDictionary.default().lookup("zorland") is None


def test_actors_user_agent_csv(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "agents.csv"
    path.write_text("head,sector,note\nrangers,COP,park police\n", encoding="utf-8")
    actors = ActorDictionary.default().load_file(path)
    assert triple(code(nlp, "Kenyan rangers arrested two poachers.", actors)) == (
        "Kenya rangers",
        "KEN",
        "COP",
    )
