"""The `newsevents evaluate` command: options, pairing files, exit codes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsevents.cli.commands.evaluate import evaluate_articles, evaluate_command

# --- the `evaluate` command ---------------------------------------------------------------------


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command("evaluate")(evaluate_command)
    app.command("other")(lambda: None)  # two commands: `evaluate` stays a subcommand
    return app


def test_evaluate_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Rebels attacked a convoy.\n", encoding="utf-8")
    runner = CliRunner()
    missing = runner.invoke(_cli(), ["evaluate", "--gold", str(tmp_path / "no"), str(article)])
    assert missing.exit_code == 2 and "no such gold folder" in missing.output
    no_gold = runner.invoke(_cli(), ["evaluate", "--gold", str(tmp_path), str(article)])
    assert no_gold.exit_code == 2 and "no such gold file" in no_gold.output
    (tmp_path / "a.json").write_text("[]", encoding="utf-8")
    bad_date = runner.invoke(
        _cli(), ["evaluate", "--gold", str(tmp_path), str(article), "--date", "May 3"]
    )
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output


def test_evaluate_articles_pairs_article_with_gold(tmp_path: Path, nlp: object) -> None:
    text = "Rebels attack army convoy\n\nRebels attacked an army convoy near Goma on Friday.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    row = {"sentence": "Rebels attacked an army convoy near Goma on Friday", "source": "Rebels"}
    row |= {"target": "an army convoy", "event_class": "ASSAULT", "location": "Goma"}
    rows = [row | {"country": "COD", "date": "2024-05-03", "background": False}]
    (tmp_path / "a.json").write_text(json.dumps(rows), encoding="utf-8")
    scores, total = evaluate_articles(tmp_path, [tmp_path / "a.txt"], published=date(2024, 5, 4))
    assert [Path(s.article).name for s in scores] == ["a.txt"]
    assert scores[0].gold == str(tmp_path / "a.json")
    assert total.articles == 1 and total.tp + total.fn == 1
    result = CliRunner().invoke(
        _cli(), ["evaluate", "--gold", str(tmp_path), str(tmp_path / "a.txt"), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["total"]["articles"] == 1


@pytest.mark.parametrize(("flags", "right", "extra"), [([], 2, 0), (["--strict"], 1, 1)])
def test_evaluate_cli_strict_counts_a_second_row_for_one_event_as_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: list[str], right: int, extra: int
) -> None:
    from newsevents.core import Result, settings
    from newsevents.core.record import Event

    sentence = "Rebels attacked an army convoy near Goma on Friday"
    (tmp_path / "a.txt").write_text(sentence + ".\n", encoding="utf-8")
    rows = [{"sentence": sentence, "event_class": "ASSAULT", "background": False}]
    (tmp_path / "a.json").write_text(json.dumps(rows), encoding="utf-8")
    twice = [Event(sentence=sentence, event_type="ASSAULT") for _ in range(2)]
    monkeypatch.setattr(
        settings,
        "extract_with",
        lambda docs, *a, **k: [Result(path="a.txt", article=None, events=twice)],
    )
    result = CliRunner().invoke(
        _cli(), ["evaluate", "--gold", str(tmp_path), str(tmp_path / "a.txt"), "-f", "json", *flags]
    )
    assert result.exit_code == 0, result.output
    total = json.loads(result.stdout)["total"]
    counts = (total["tp"], total["matched"], total["fp"], total["duplicates"])
    assert counts == (1, right, extra, extra)
    assert result.stderr == ""


def test_evaluate_cli_help_names_strict() -> None:
    result = CliRunner().invoke(_cli(), ["evaluate", "--help"])
    assert result.exit_code == 0
    assert "--strict" in result.stdout and "counts as extra" in result.stdout
