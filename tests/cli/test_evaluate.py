"""The `newsevents evaluate` command: options, pairing files, exit codes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

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
