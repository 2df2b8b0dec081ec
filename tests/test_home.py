"""A CLI that feels at home: runnable help examples, --version, completion, NO_COLOR, py.typed,
and the library conversions `to_records` / `to_dataframe`."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from newsevents.cli.main import app
from newsevents.core import Event, to_dataframe, to_records
from newsevents.core.record import FIELDS

from .conftest import ROOT, SAMPLES

ANSI = re.compile(r"\x1b\[")
_EXAMPLE = re.compile(r"^\s*(?:Examples?:\s*)?(newsevents(?:\s.*)?)$")


def _commands() -> dict[str, Any]:
    """The app and its commands by name ("" for the app itself)."""
    group = typer.main.get_command(app)
    return {"": group, **getattr(group, "commands", {})}


def _examples() -> list[tuple[str, str]]:
    """(command, example line) for each `newsevents ...` line after Example(s): in a help."""
    found = []
    for name, command in _commands().items():
        help_text = command.help or ""
        after = help_text.split("Example", 1)[1] if "Example" in help_text else ""
        for line in after.splitlines():
            match = _EXAMPLE.match(line)
            if match:
                found.append((name or "newsevents", match.group(1).strip()))
    return found


EXAMPLES = _examples()


@pytest.mark.parametrize("name", sorted(_commands()))
def test_home_every_help_ends_with_an_example(name: str) -> None:
    help_text = (_commands()[name].help or "").rstrip()
    last = help_text.splitlines()[-1].strip()
    assert _EXAMPLE.match(last), f"the help of '{name or 'newsevents'}' ends with {last!r}"


@pytest.mark.parametrize(("name", "example"), EXAMPLES, ids=[e for _, e in EXAMPLES])
def test_home_help_examples_run_as_written(name: str, example: str, tmp_path: Path) -> None:
    work = tmp_path / "repo"
    work.mkdir()
    (work / "samples").symlink_to(SAMPLES)  # as from the repo root, without writing into it
    shared = ROOT.parent / "shared"
    if "../shared" in example:
        if not shared.is_dir():
            pytest.skip(f"the example needs {shared}, which this machine lacks")
        (tmp_path / "shared").symlink_to(shared)
    if name == "show" and importlib.util.find_spec("newsevents.core.explain") is None:
        pytest.skip("newsevents.core.explain is not there yet")
    script = Path(sys.executable).parent / "newsevents"
    argv = [str(script), *shlex.split(example)[1:]]
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        argv, cwd=work, capture_output=True, text=True, timeout=300, env=env, check=False
    )
    assert done.returncode == 0, f"{example}\n{done.stderr}"


def test_home_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, "newsevents 0.1.0\n")


@pytest.mark.parametrize("option", ["--show-completion", "--install-completion"])
def test_home_completion_options_offered(option: str) -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert option in result.stdout


def test_home_show_completion_prints_a_script() -> None:
    script = Path(sys.executable).parent / "newsevents"
    done = subprocess.run(
        [str(script), "--show-completion", "bash"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "complete" in done.stdout and "newsevents" in done.stdout


@pytest.mark.parametrize(
    "args",
    [["codes"], ["codes", "acled"], ["--help"], ["show", "--help"]],
    ids=["codes", "codes-acled", "help", "show-help"],
)
def test_home_no_ansi_when_not_a_terminal(args: list[str]) -> None:
    script = Path(sys.executable).parent / "newsevents"
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    for extra in ({}, {"NO_COLOR": "1"}):
        done = subprocess.run(
            [str(script), *args],
            capture_output=True,
            text=True,
            timeout=60,
            env={**env, **extra},
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert not ANSI.search(done.stdout)


@pytest.mark.parametrize("package", ["cli/_entry", "core"])
def test_home_py_typed_ships(package: str) -> None:
    assert (ROOT / package / "py.typed").exists()
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    name = "newsevents" if package == "cli/_entry" else "newsevents.core"
    assert re.search(rf'^"{re.escape(name)}" = \[[^\]]*"py\.typed"', pyproject, re.MULTILINE)


# -- to_records / to_dataframe ------------------------------------------------------------------

EVENTS = [
    Event(article="a.txt", event_type="PROTEST", action_text="marched", dead=None),
    Event(article="a.txt", event_type="ASSAULT", action_text="shelled", dead=3, background=True),
]


@pytest.mark.parametrize("events", [EVENTS, [], iter(EVENTS)], ids=["list", "empty", "iterator"])
def test_home_to_records(events: list[Event]) -> None:
    records = to_records(events)
    assert all(list(r) == list(FIELDS) for r in records)
    assert json.loads(json.dumps(records)) == records


def test_home_to_dataframe_or_clear_import_error(monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match=r"needs pandas.*pip install pandas.*to_records"):
            to_dataframe(EVENTS)
        return
    frame = to_dataframe(EVENTS)
    assert list(frame.columns) == list(FIELDS)
    assert frame["dead"].tolist()[1] == 3
    assert list(to_dataframe([]).columns) == list(FIELDS)


def test_home_to_dataframe_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError) as info:
        to_dataframe(EVENTS)
    assert str(info.value) == (
        "to_dataframe needs pandas, which is not installed; install it with "
        "`pip install pandas`, or use to_records(events) for plain dicts"
    )
