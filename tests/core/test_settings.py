"""Run settings: what the settings key holds, which built-in dictionaries stay, the workers."""

from __future__ import annotations

import json
from pathlib import Path

from newsevents.core.settings import OutputSettings, workers_for


def test_settings_key_names_every_output_setting() -> None:
    key = json.loads(OutputSettings(model="m", actor_files=[Path("a.csv")]).key())
    assert key == {
        "actors": ["a.csv"],
        "all_modalities": False,
        "date": None,
        "min_confidence": 0.0,
        "model": "m",
        "verbs": None,
    }


def test_settings_key_adds_only_user_dictionaries_only_when_given() -> None:
    assert "only_user_dictionaries" not in OutputSettings().key()
    given = OutputSettings(only_user_dictionaries=True, verb_files=[Path("v.csv")])
    assert json.loads(given.key())["only_user_dictionaries"] is True


def test_settings_builtin_dictionaries() -> None:
    assert OutputSettings().builtin_actors and OutputSettings().builtin_verbs
    alone = OutputSettings(only_user_dictionaries=True, actor_files=[Path("a.csv")])
    assert not alone.builtin_actors
    assert alone.builtin_verbs  # no --verbs files: the built-in lexicon stays
    assert not OutputSettings(only_user_dictionaries=True, verb_files=[Path("v.csv")]).builtin_verbs


def test_settings_workers_rule(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("text", encoding="utf-8")
    assert workers_for(["-"], None) == 1
    assert workers_for([str(article)], None) == 1
    assert workers_for([str(tmp_path)], None) == 0
    assert workers_for([str(article), str(article)], None) == 0
    assert workers_for(["-"], 3) == 3
