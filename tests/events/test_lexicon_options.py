"""`--verbs` (user verb lexicons, ours or PETRARCH's) and `--all-modalities` on the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli.main import app
from newsevents.core.events.verbs import load_verbs

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
            "= {artillery shells}",
            "180",
        ),
        (
            "&WEAPON\n+GUN\n+RIFLE\n\n--- SEIZE [170] ---\nSEIZE\n- * &WEAPON [1712]\n",
            "seize",
            "= rifle",
            "1712",
        ),
        ("--- AGREE [030] ---\nAGREE\n- * (ON TRADE) [0311]\n", "agree", "= (on trade)", "0311"),
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


ACTORS = "pattern,name,country,sector,kind\nruritania,Ruritania,RUR,,country\n"
ACTORS += "ruritanian,Ruritania,RUR,,demonym\n"
ACTORS += "zenda,Zenda,ZND,,country\nzendan,Zenda,ZND,,demonym\n"
VERBS = "lemma,pos,cameo_code\nbesiege,VERB,1911\ncondemn,VERB,111\n"
OWN = (
    "Border row\n\nRuritania besieged Zenda on Friday, and Ruritanian police arrested two "
    "Zendan farmers.\n"
)


@pytest.mark.parametrize(
    ("extra", "codes", "summary"),
    [
        ([], [("1911", "RUR", "ZND"), ("173", "RUR", "ZND")], "1 article, 2 events, 0 failed\n"),
        (
            ["--only-user-dictionaries"],
            [("1911", "RUR", "ZND")],
            "1 article, 1 event, 0 failed\n",
        ),
    ],
    ids=["extend", "replace"],
)
def test_lexicon_options_only_user_dictionaries(
    runner: CliRunner,
    write_article: Callable[..., Path],
    tmp_path: Path,
    extra: list[str],
    codes: list[tuple[str, str | None, str | None]],
    summary: str,
) -> None:
    article = write_article("a.txt", OWN, date="2024-03-16")
    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "verbs.csv").write_text(VERBS, encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "extract",
            str(article),
            "--format",
            "jsonl",
            "-j",
            "1",
            "--actors",
            str(tmp_path / "actors.csv"),
            "--verbs",
            str(tmp_path / "verbs.csv"),
            *extra,
        ],
    )
    assert result.exit_code == 0
    rows = _rows(result.stdout)
    assert [(r["cameo_code"], r["source_country"], r["target_country"]) for r in rows] == codes
    assert result.stderr == summary


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the thing condemned names no one: the one who did it is the target
        ("Ruritania condemned an attack by Zendan soldiers.", "RUR", "ZND MIL"),
        ("Ruritania condemned a report by the Zendan police on the floods.", "RUR", "ZND COP"),
        # "X indicated it ...": the pronoun is the one who indicated, not the later speaker
        (
            "Ruritania indicated it would besiege Zenda, a senior official said on Monday.",
            "RUR",
            "ZND",
        ),
    ],
)
def test_engine_roles_with_user_dictionaries_alone(
    tmp_path: Path, text: str, source: str, target: str
) -> None:
    from newsevents.core.actors.dictionary import ActorDictionary
    from newsevents.core.api import extract

    (tmp_path / "actors.csv").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "verbs.csv").write_text(VERBS, encoding="utf-8")
    (tmp_path / "agents.csv").write_text(
        "head,sector,note\nsoldiers,MIL,\npolice,COP,\nofficial,GOV,\n", encoding="utf-8"
    )
    actors = ActorDictionary.from_files(
        tmp_path / "actors.csv", tmp_path / "agents.csv", builtin=False
    )
    events = extract(
        f"Headline\n\n{text}\n",
        actors=actors,
        verbs=load_verbs(tmp_path / "verbs.csv"),
        builtin_verbs=False,
        include_unreal=True,
    )
    found = [
        (e.source_country, " ".join(filter(None, (e.target_country, e.target_sector))))
        for e in events
    ]
    assert found == [(source, target)]


@pytest.mark.parametrize(
    ("rows", "text", "country"),
    [
        # a union only the user's dictionary knows gives the country of an article naming no place
        (
            "sfe,Sindicato Ficticio de Estibadores,ESP,LAB,group\n",
            "Dockers marched at the call of the SFE on Friday.",
            "ESP",
        ),
        # the built-in dictionary is not consulted when the user's dictionaries replace it
        (
            "sfe,Sindicato Ficticio de Estibadores,ESP,LAB,group\n",
            "Dockers marched at the call of the CGT on Friday.",
            None,
        ),
    ],
)
def test_lexicon_options_user_dictionary_codes_bodies_for_the_geocoder(
    tmp_path: Path, rows: str, text: str, country: str | None
) -> None:
    from newsevents.core import ActorDictionary, extract

    (tmp_path / "actors.csv").write_text("pattern,name,country,sector,kind\n" + rows)
    actors = ActorDictionary.from_files(tmp_path / "actors.csv", builtin=False)
    events = extract(f"Headline\n\n{text}\n", actors=actors, published="2024-05-04")
    assert [e.location_country for e in events] == [country]
