"""YAML dictionaries: a list of rows and a mapping of names."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from newsevents.core.actors.dictionary import ActorDictionary

from .helpers import code, triple


def test_actors_user_yaml_list(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- pattern: blue falcons\n  name: Blue Falcons\n  country: NER\n  sector: REB\n"
        "  kind: group\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.default().load_file(path)
    assert triple(code(nlp, "The Blue Falcons attacked the convoy.", actors)) == (
        "Blue Falcons",
        "NER",
        "REB",
    )


def test_actors_user_yaml_mapping(tmp_path: Path) -> None:
    path = tmp_path / "mine.yml"
    path.write_text(
        "Ada Kessel:\n  patterns: [ada kessel, kessel]\n  country: ZRL\n  sector: GOV\n"
        "  kind: person\n",
        encoding="utf-8",
    )
    entry = ActorDictionary.default().load_file(path).lookup("Kessel")
    assert entry is not None
    assert (entry.name, entry.country, entry.sector, entry.kind) == (
        "Ada Kessel",
        "ZRL",
        "GOV",
        "person",
    )
