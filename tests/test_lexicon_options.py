"""`--verbs` (user verb lexicons, ours or PETRARCH's) and `--all-modalities` on the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli.main import app
from newsevents.core.verbs import load_verbs

ARTICLE = "Border row\n\nThe army of Ruritania besieged the village of Zenda on Friday.\n"


def _rows(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_lexicon_options_csv_verbs_add_a_trigger(
    runner: CliRunner, write_article: Callable[..., Path], tmp_path: Path
) -> None:
    article = write_article("a.txt", ARTICLE, date="2024-03-16")
    before = runner.invoke(app, ["extract", str(article), "--format", "jsonl", "-j", "1"])
    assert before.exit_code == 0
    assert all(r["cameo_code"] != "1911" for r in _rows(before.stdout))
    verbs = tmp_path / "verbs.csv"
    verbs.write_text("lemma,pos,cameo_code\nbesiege,VERB,1911\n", encoding="utf-8")
    result = runner.invoke(
        app, ["extract", str(article), "--format", "jsonl", "-j", "1", "--verbs", str(verbs)]
    )
    assert result.exit_code == 0, result.stderr
    rows = _rows(result.stdout)
    assert [r["cameo_code"] for r in rows] == ["1911"]
    assert rows[0]["source_text"] == "The army of Ruritania"


def test_lexicon_options_missing_verbs_file_is_a_usage_error(
    runner: CliRunner, write_article: Callable[..., Path], tmp_path: Path
) -> None:
    article = write_article("a.txt", ARTICLE)
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["extract", str(article), "--verbs", str(missing)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {missing}: file not found; check the path\n"


def test_lexicon_options_all_modalities_keeps_future_events(
    runner: CliRunner, write_article: Callable[..., Path]
) -> None:
    text = "Talks ahead\n\nThe two presidents will meet the prime minister in Geneva next month.\n"
    article = write_article("a.txt", text, date="2024-03-16")
    plain = runner.invoke(app, ["extract", str(article), "--format", "jsonl", "-j", "1"])
    assert plain.exit_code == 0 and plain.stdout == ""
    every = runner.invoke(
        app, ["extract", str(article), "--format", "jsonl", "-j", "1", "--all-modalities"]
    )
    assert every.exit_code == 0
    assert [r["modality"] for r in _rows(every.stdout)] == ["future"]


@pytest.mark.parametrize(
    ("text", "lemma", "particle", "code"),
    [
        ("--- CONDEMN [111] ---\nCONDEMN\nDEPLORE [112]\n", "deplore", None, "112"),
        (
            "--- FIRE [071] ---\nFIRE\n- * {ARTILLERY SHELLS} [180]\n",
            "fire",
            "shells artillery",
            "180",
        ),
        (
            "&WEAPON\n+GUN\n+RIFLE\n\n--- SEIZE [170] ---\nSEIZE\n- * &WEAPON [1712]\n",
            "seize",
            "rifle",
            "1712",
        ),
        ("--- AGREE [030] ---\nAGREE\n- * (ON TRADE) [0311]\n", "agree", "on trade", "0311"),
    ],
)
def test_lexicon_options_petrarch_verb_dictionary_entries(
    tmp_path: Path, text: str, lemma: str, particle: str | None, code: str
) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(text, encoding="utf-8")
    entries = {(t.lemma, t.particle): t.cameo_code for t in load_verbs(path)}
    assert entries[(lemma, particle)] == code


def test_lexicon_options_petrarch_null_code_removes_a_verb(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text("--- SAY [---] ---\nATTACK\n", encoding="utf-8")
    assert [t.event_type for t in load_verbs(path)] == ["NONE"]
