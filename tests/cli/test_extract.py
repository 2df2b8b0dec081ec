"""The `newsevents` command line: formats, inputs, errors, exit codes, the summary.

Most tests run the CLI over the `fake_engine` stand-in (one PROTEST event per line containing
"marched") so that stdout can be checked exactly; the `real engine` tests at the end run the
spaCy pipeline. stdout (data) and stderr (messages) are checked separately.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsevents.cli import options as options_module
from newsevents.cli.commands import extract as extract_module
from newsevents.cli.exitcodes import ExitCode
from newsevents.cli.main import app
from newsevents.core.api import Result
from newsevents.core.inputs import reader
from newsevents.core.record import FIELDS

WriteArticle = Callable[..., Path]
MARCH = "Farmers marched in Nakuru\n\nNAKURU - Farmers marched on Monday.\n"  # two events
QUIET = "A quiet day in the garden\n\nNothing happened.\n"  # no events


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test in its tmp folder, so messages name short relative paths."""
    monkeypatch.chdir(tmp_path)


def invoke(runner: CliRunner, *args: str, input: str | bytes | None = None) -> Any:
    return runner.invoke(app, ["extract", *args], input=input)


def summary(articles: int, events: int, failed: int) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    return f"{plural(articles, 'article')}, {plural(events, 'event')}, {failed} failed\n"


# -- help, version, no spaCy -------------------------------------------------------------------


def _installed_script() -> str:
    script = Path(sys.executable).parent / "newsevents"
    found = str(script) if script.exists() else shutil.which("newsevents")
    assert found, "the newsevents console script is not installed (pip install -e .)"
    return found


@pytest.mark.parametrize(
    "args", [["--help"], ["extract", "--help"], ["evaluate", "--help"], ["--version"]]
)
def test_cli_help_does_not_import_spacy(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", _installed_script(), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()]
    assert "spacy" not in imported
    assert "newsevents.core.pipeline.engine" not in imported
    assert done.stdout.strip()


def test_cli_help_ends_with_example(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    assert "Example: newsevents extract samples/ --date 2024-05-04 -o events.csv" in result.stdout


def test_cli_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, "newsevents 0.1.0\n")


# -- formats ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("fake_engine")
def test_cli_jsonl_one_object_per_line(runner: CliRunner, write_article: WriteArticle) -> None:
    write_article("a.txt", MARCH, date="2024-05-04", url="https://example.org/a")
    result = invoke(runner, "a.txt", "--format", "jsonl")
    assert result.exit_code == ExitCode.OK
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["event_id"] for r in records] == ["a.txt#1", "a.txt#2"]
    assert list(records[0]) == list(FIELDS)
    assert records[0]["published"] == "2024-05-04"
    assert records[0]["article_url"] == "https://example.org/a"
    assert records[0]["article_title"] == "Farmers marched in Nakuru"
    assert result.stderr == summary(1, 2, 0)


@pytest.mark.usefixtures("fake_engine")
def test_cli_default_format_jsonl_when_piped(
    runner: CliRunner, write_article: WriteArticle
) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt")
    assert len([json.loads(line) for line in result.stdout.splitlines()]) == 2


@pytest.mark.usefixtures("fake_engine")
def test_cli_default_format_table_on_terminal(
    runner: CliRunner, write_article: WriteArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract_module, "_stdout_is_terminal", lambda: True)
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt")
    assert result.exit_code == ExitCode.OK
    assert "event type" in result.stdout
    assert result.stdout.count("PROTEST") == 2


@pytest.mark.usefixtures("fake_engine")
@pytest.mark.parametrize("texts", [[MARCH, QUIET, MARCH], [QUIET]], ids=["events", "none"])
def test_cli_json_parses(runner: CliRunner, write_article: WriteArticle, texts: list[str]) -> None:
    for n, text in enumerate(texts):
        write_article(f"{n}.txt", text)
    result = invoke(runner, ".", "--format", "json")
    assert result.exit_code == ExitCode.OK
    records = json.loads(result.stdout)
    expected = sum(text.count("marched") for text in texts)
    assert len(records) == expected
    assert result.stderr == summary(len(texts), expected, 0)


@pytest.mark.usefixtures("fake_engine")
@pytest.mark.parametrize("text", [MARCH, QUIET], ids=["events", "none"])
def test_cli_csv_header_equals_fields(
    runner: CliRunner, write_article: WriteArticle, text: str
) -> None:
    write_article("a.txt", text)
    result = invoke(runner, "a.txt", "--format", "csv")
    assert result.exit_code == ExitCode.OK
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0] == list(FIELDS)
    assert len(rows) == 1 + text.count("marched")


FORMULA = '---\ntitle: =HYPERLINK("http://x")\n---\n@here they marched\n'


@pytest.mark.usefixtures("fake_engine")
@pytest.mark.parametrize(
    ("args", "to_file", "title", "sentence"),
    [
        ([], True, '\'=HYPERLINK("http://x")', "'@here they marched"),
        (["--no-csv-safe"], True, '=HYPERLINK("http://x")', "@here they marched"),
        ([], False, '=HYPERLINK("http://x")', "@here they marched"),
        (["--csv-safe"], False, '\'=HYPERLINK("http://x")', "'@here they marched"),
    ],
    ids=["file-default", "file-off", "stdout-default", "stdout-on"],
)
def test_cli_csv_safe(
    runner: CliRunner,
    write_article: WriteArticle,
    tmp_path: Path,
    args: list[str],
    to_file: bool,
    title: str,
    sentence: str,
) -> None:
    write_article("a.txt", FORMULA)
    where = ["-o", "out.csv"] if to_file else ["--format", "csv"]
    result = invoke(runner, "a.txt", *where, *args)
    assert (result.exit_code, result.stderr) == (ExitCode.OK, summary(1, 1, 0))
    text = (tmp_path / "out.csv").read_text(encoding="utf-8") if to_file else result.stdout
    row = next(csv.DictReader(io.StringIO(text, newline="")))
    assert (row["article_title"], row["sentence"]) == (title, sentence)


@pytest.mark.usefixtures("fake_engine")
def test_cli_unclosed_front_matter_warns_and_is_read(
    runner: CliRunner, write_article: WriteArticle
) -> None:
    write_article("a.txt", "---\ntitle: Farmers march\ndate: 2024-05-04\n" + MARCH)
    result = invoke(runner, "a.txt", "--format", "jsonl")
    assert result.exit_code == ExitCode.OK
    assert result.stderr == (
        "warning: a.txt: line 1: front matter '---' is never closed; read lines 2-3 as front "
        "matter and the rest as the text (add a '---' line after the front matter)\n"
        + summary(1, 2, 0)
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["article_title"], r["published"]) for r in records} == {
        ("Farmers march", "2024-05-04")
    }


@pytest.mark.usefixtures("fake_engine")
@pytest.mark.parametrize("quiet", [False, True])
def test_cli_table_no_events_is_a_message(
    runner: CliRunner, write_article: WriteArticle, quiet: bool
) -> None:
    write_article("a.txt", QUIET)
    result = invoke(runner, "a.txt", "--format", "table", *(["-q"] if quiet else []))
    assert (result.exit_code, result.stdout) == (ExitCode.OK, "")
    assert result.stderr == ("" if quiet else "No events found.\n" + summary(1, 0, 0))


def test_cli_unknown_format(runner: CliRunner, write_article: WriteArticle) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "--format", "xml")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr == (
        "error: unknown --format 'xml'; use one of table|json|jsonl|csv|sqlite\n"
    )


# -- inputs ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("fake_engine")
def test_cli_stdin_when_piped(runner: CliRunner) -> None:
    result = invoke(runner, "--date", "2024-05-04", input=MARCH)
    assert result.exit_code == ExitCode.OK
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["article"], r["published"]) for r in records] == [("-", "2024-05-04")] * 2
    assert result.stderr == summary(1, 2, 0)


@pytest.mark.usefixtures("fake_engine")
def test_cli_stdin_dash_with_files(runner: CliRunner, write_article: WriteArticle) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "-", input=MARCH)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["article"] for r in records] == ["a.txt", "a.txt", "-", "-"]


@pytest.mark.usefixtures("fake_engine")
def test_cli_stdin_messages_name_it_as_rows_do(runner: CliRunner) -> None:
    result = invoke(runner, "-f", "jsonl", input="---\ndate: May\n---\n" + MARCH)
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == ["-", "-"]
    assert result.stderr == (
        "warning: -: front matter date 'May' is not a YYYY-MM-DD date; ignored\n" + summary(1, 2, 0)
    )


@pytest.mark.usefixtures("fake_engine")
def test_cli_stdin_empty(runner: CliRunner) -> None:
    result = invoke(runner, input="")
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert result.stderr == (
        "error: -: the input is empty; give an article text, or leave it out\n" + summary(1, 0, 1)
    )


def test_cli_no_input_on_terminal_is_usage_error(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(options_module, "_stdin_is_terminal", lambda: True)
    result = invoke(runner)
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr == (
        "error: no INPUT given and nothing piped in; give files or folders, "
        "e.g. newsevents extract article.txt, or pipe text in\n"
    )


@pytest.mark.usefixtures("fake_engine")
def test_cli_folder_recursive_sorted_hidden_skipped(
    runner: CliRunner, write_article: WriteArticle
) -> None:
    for name in [
        "news/b.txt",
        "news/a.txt",
        "news/sub/c.txt",
        "news/.draft.txt",
        "news/.cache/d.txt",
        "news/notes.md",
    ]:
        write_article(name, MARCH)
    result = invoke(runner, "news")
    articles = [json.loads(line)["article"] for line in result.stdout.splitlines()]
    assert articles == [
        os.path.join("news", name) for name in ["a.txt", "b.txt", "sub/c.txt"] for _ in range(2)
    ]
    assert result.stderr == summary(3, 6, 0)


@pytest.mark.usefixtures("fake_engine")
def test_cli_glob(runner: CliRunner, write_article: WriteArticle) -> None:
    write_article("news/a.txt", MARCH)
    write_article("news/b.md", MARCH)
    result = invoke(runner, "news", "--glob", "*.md")
    articles = {json.loads(line)["article"] for line in result.stdout.splitlines()}
    assert articles == {os.path.join("news", "b.md")}


@pytest.mark.usefixtures("fake_engine")
def test_cli_date_applies_to_undated_articles(
    runner: CliRunner, write_article: WriteArticle
) -> None:
    write_article("a.txt", MARCH)
    write_article("b.txt", MARCH, date="2020-01-02")
    result = invoke(runner, "a.txt", "b.txt", "--date", "2024-05-04")
    published = [json.loads(line)["published"] for line in result.stdout.splitlines()]
    assert published == ["2024-05-04", "2024-05-04", "2020-01-02", "2020-01-02"]


@pytest.mark.parametrize("value", ["2024-13-01", "04/05/2024", "yesterday", "20240504"])
def test_cli_bad_date_is_usage_error(
    runner: CliRunner, write_article: WriteArticle, value: str
) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "--date", value)
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr == (
        f"error: --date '{value}' is not a valid date; use YYYY-MM-DD, e.g. --date 2024-05-04\n"
    )


@pytest.mark.parametrize("value", ["-0.5", "1.5"])
def test_cli_bad_min_confidence(runner: CliRunner, write_article: WriteArticle, value: str) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "--min-confidence", value)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == f"error: --min-confidence {float(value)} is not between 0 and 1\n"


@pytest.mark.usefixtures("fake_engine")
def test_cli_min_confidence_filters(runner: CliRunner, write_article: WriteArticle) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "--min-confidence", "0.95")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", summary(1, 0, 0))


# -- bad inputs ------------------------------------------------------------------------------


@pytest.mark.usefixtures("fake_engine")
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty.txt: the input is empty; give an article text, or leave it out"),
        (
            "blank.txt",
            b" \n\n",
            "blank.txt: the input holds only whitespace; give an article text, or leave this "
            "input out",
        ),
        (
            "nul.txt",
            b"Farmers\x00marched",
            "nul.txt: a binary file (it contains NUL bytes), not text; give a plain-text article",
        ),
        (
            "report.pdf",
            b"%PDF-1.4\n1 0 obj\n",
            "report.pdf: a PDF document, not text; convert it to plain text first (e.g. pdftotext)",
        ),
        (
            "photo.png",
            b"\x89PNG\r\n\x1a\n\x00\x00",
            "photo.png: a PNG image, not text; give a plain-text article",
        ),
    ],
    ids=["empty", "whitespace", "nul", "pdf", "png"],
)
def test_cli_bad_input_fails_alone(
    runner: CliRunner, write_article: WriteArticle, name: str, data: bytes, message: str
) -> None:
    write_article("good.txt", MARCH)
    write_article(name, data=data)
    result = invoke(runner, name, "good.txt")
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert [json.loads(line)["article"] for line in result.stdout.splitlines()] == ["good.txt"] * 2
    assert result.stderr == f"error: {message}\n" + summary(2, 2, 1)


@pytest.mark.usefixtures("fake_engine")
def test_cli_missing_path(runner: CliRunner, write_article: WriteArticle) -> None:
    write_article("good.txt", MARCH)
    result = invoke(runner, "missing.txt", "good.txt")
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == (
        "error: missing.txt: no such file or folder; check the path\n" + summary(2, 2, 1)
    )


@pytest.mark.usefixtures("fake_engine")
def test_cli_folder_without_matching_files(runner: CliRunner, write_article: WriteArticle) -> None:
    write_article("docs/readme.md", MARCH)
    result = invoke(runner, "docs")
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert result.stdout == ""
    assert result.stderr == (
        "error: docs: no files match '*.txt' in this folder; pick other files with --glob, "
        "e.g. --glob '*.md'\n" + summary(1, 0, 1)
    )


@pytest.mark.usefixtures("fake_engine")
def test_cli_invalid_utf8_warns_but_converts(
    runner: CliRunner, write_article: WriteArticle
) -> None:
    write_article("latin.txt", data="Caf\xe9 owners marched.\n".encode("latin-1"))
    result = invoke(runner, "latin.txt")
    assert result.exit_code == ExitCode.OK
    assert json.loads(result.stdout)["sentence"] == "Caf\xe9 owners marched."
    assert result.stderr == (
        "warning: latin.txt: not valid UTF-8 (byte 3); read as Windows-1252, check accented "
        "characters or save the file as UTF-8\n" + summary(1, 1, 0)
    )


@pytest.mark.usefixtures("fake_engine")
def test_cli_quiet_hides_warnings_and_summary_not_errors(
    runner: CliRunner, write_article: WriteArticle
) -> None:
    write_article("latin.txt", data="Caf\xe9 owners marched.\n".encode("latin-1"))
    result = invoke(runner, "latin.txt", "missing.txt", "--quiet")
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == "error: missing.txt: no such file or folder; check the path\n"


@pytest.mark.usefixtures("fake_engine")
def test_cli_utf16_bom(runner: CliRunner, write_article: WriteArticle) -> None:
    write_article("wide.txt", data=MARCH.encode("utf-16"))
    result = invoke(runner, "wide.txt")
    assert result.exit_code == ExitCode.OK
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == summary(1, 2, 0)


@pytest.mark.usefixtures("fake_engine")
def test_cli_unreadable_file(
    runner: CliRunner, write_article: WriteArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod 000 does not stop root, who runs these tests: make open() refuse instead.
    write_article("locked.txt", MARCH)
    write_article("good.txt", MARCH)
    real_open = open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(reader, "open", guarded_open, raising=False)
    result = invoke(runner, "locked.txt", "good.txt")
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr == (
        "error: locked.txt: permission denied; check the file's permissions\n" + summary(2, 2, 1)
    )


@pytest.mark.usefixtures("fake_engine")
def test_cli_huge_file(runner: CliRunner, write_article: WriteArticle) -> None:
    size = reader.MAX_ARTICLE_BYTES + 1
    write_article("huge.txt", data=b"x" * size)
    result = invoke(runner, "huge.txt")
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert result.stdout == ""
    assert result.stderr == (
        f"error: huge.txt: too large for one article ({size:,} bytes; the limit is "
        f"{reader.MAX_ARTICLE_BYTES:,}); split it into one file per article\n" + summary(1, 0, 1)
    )


@pytest.mark.usefixtures("fake_engine")
def test_cli_debug_shows_traceback(runner: CliRunner, write_article: WriteArticle) -> None:
    write_article("empty.txt", "")
    result = invoke(runner, "empty.txt", "--debug")
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert "Traceback (most recent call last)" in result.stderr
    assert "EmptyInputError" in result.stderr


# -- run-level failures ----------------------------------------------------------------------


def test_cli_model_not_found(
    runner: CliRunner, write_article: WriteArticle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsevents.core.errors import ModelNotFoundError

    def no_model(articles: Any, **options: Any) -> Iterator[Result]:
        raise ModelNotFoundError("no spaCy English pipeline found (tried xx_none); install one")
        yield  # a generator, like the real one

    monkeypatch.setattr("newsevents.core.api.extract_many", no_model)
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "--model", "xx_none", "-o", "out.json")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr == (
        "error: no spaCy English pipeline found (tried xx_none); install one\n"
    )
    assert not (tmp_path / "out.json").exists()


@pytest.mark.parametrize("output", [None, "out.json"], ids=["stdout", "file"])
def test_cli_interrupt_keeps_output_valid(
    runner: CliRunner,
    write_article: WriteArticle,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    output: str | None,
    fake_extract_many: Callable[..., Iterator[Result]],
) -> None:
    def interrupted(articles: Any, **options: Any) -> Iterator[Result]:
        for n, result in enumerate(fake_extract_many(articles, **options)):
            if n == 1:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr("newsevents.core.api.extract_many", interrupted)
    write_article("a.txt", MARCH)
    write_article("b.txt", MARCH)
    args = ["a.txt", "b.txt", "--format", "json"] + (["-o", output] if output else [])
    result = invoke(runner, *args)
    assert result.exit_code == ExitCode.INTERRUPTED
    text = (tmp_path / output).read_text() if output else result.stdout
    assert len(json.loads(text)) == 2
    assert result.stderr == (
        "interrupted: stopped after 1 article; output so far is valid\n" + summary(1, 2, 0)
    )


def test_cli_interrupt_before_any_article_writes_nothing(
    runner: CliRunner, write_article: WriteArticle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(articles: Any, **options: Any) -> Iterator[Result]:
        raise KeyboardInterrupt  # e.g. while spaCy loads
        yield

    monkeypatch.setattr("newsevents.core.api.extract_many", interrupted)
    write_article("a.txt", MARCH)
    (tmp_path / "out.json").write_text("[]\n")
    result = invoke(runner, "a.txt", "-o", "out.json")
    assert result.exit_code == ExitCode.INTERRUPTED
    assert (tmp_path / "out.json").read_text() == "[]\n"
    assert result.stderr == (
        "interrupted before any article was read; nothing written\n" + summary(0, 0, 0)
    )


@pytest.mark.usefixtures("fake_engine")
def test_cli_broken_pipe_ends_quietly(write_article: WriteArticle) -> None:
    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    write_article("a.txt", MARCH)
    code = extract_module.extract(["a.txt"], format="jsonl", stdout=ClosedPipe())
    assert code == ExitCode.OK


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("mine.csv", None, "mine.csv: file not found; check the path"),
        (
            "mine.csv",
            "pattern,name,country,sector,kind\n,Nobody,KEN,GOV,group\n",
            "mine.csv: line 2: empty pattern; write the surface form or delete the row",
        ),
    ],
    ids=["missing", "malformed"],
)
def test_cli_actors_file_bad(
    runner: CliRunner,
    write_article: WriteArticle,
    name: str,
    content: str | None,
    message: str,
) -> None:
    write_article("a.txt", MARCH)
    if content is not None:
        write_article(name, content)
    result = invoke(runner, "a.txt", "--actors", name)
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr == f"error: {message}\n"


NAKURU_ACTORS = "pattern,name,country,sector,kind\nNakuru Farmers,Nakuru Farmers,KEN,AGR,group\n"


@pytest.fixture
def extract_options(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The options the command passes to `extract_many` (which extracts nothing here)."""
    seen: dict[str, Any] = {}

    def spy(articles: Any, **options: Any) -> Iterator[Result]:
        seen.update(options)
        return iter([])

    monkeypatch.setattr("newsevents.core.api.extract_many", spy)
    return seen


@pytest.mark.usefixtures("fake_engine")
def test_cli_actors_file_loaded(
    runner: CliRunner, write_article: WriteArticle, extract_options: dict[str, Any]
) -> None:
    seen = extract_options
    write_article("a.txt", MARCH)
    write_article("mine.csv", NAKURU_ACTORS)
    result = invoke(runner, "a.txt", "--actors", "mine.csv")
    assert result.exit_code == ExitCode.OK, result.stderr
    from newsevents.core.actors.dictionary import ActorDictionary

    assert isinstance(seen["actors"], ActorDictionary)
    assert seen["actors"] is not ActorDictionary.default()


def test_cli_only_user_dictionaries_needs_files(
    runner: CliRunner, write_article: WriteArticle
) -> None:
    write_article("a.txt", MARCH)
    result = invoke(runner, "a.txt", "--only-user-dictionaries")
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert result.stderr == (
        "error: --only-user-dictionaries needs dictionary files; "
        "give --actors FILE or --verbs FILE\n"
    )


@pytest.mark.usefixtures("fake_engine")
@pytest.mark.parametrize(
    ("extra", "builtin_actors", "builtin_verbs"),
    [
        ([], True, True),
        (["--only-user-dictionaries"], False, True),
        (["--only-user-dictionaries", "--verbs", "verbs.csv"], False, False),
    ],
    ids=["extend", "replace-actors", "replace-both"],
)
def test_cli_only_user_dictionaries_replaces_the_built_in_ones(
    runner: CliRunner,
    write_article: WriteArticle,
    extract_options: dict[str, Any],
    extra: list[str],
    builtin_actors: bool,
    builtin_verbs: bool,
) -> None:
    seen = extract_options
    write_article("a.txt", MARCH)
    write_article("mine.csv", NAKURU_ACTORS)
    write_article("verbs.csv", "lemma,pos,cameo_code\nbesiege,VERB,1911\n")
    result = invoke(runner, "a.txt", "--actors", "mine.csv", *extra)
    assert result.exit_code == ExitCode.OK
    assert result.stdout == ""
    assert result.stderr == "0 articles, 0 events, 0 failed\n"
    from newsevents.core.actors.dictionary import ActorDictionary

    own = {e.pattern for e in seen["actors"].entries()}
    assert ("egypt" in own) is builtin_actors
    assert "nakuru farmers" in own
    assert seen["builtin_verbs"] is builtin_verbs
    assert isinstance(seen["actors"], ActorDictionary)


# -- the real engine -------------------------------------------------------------------------

PROTEST = (
    "Police arrest dozens at Nairobi protest\n\n"
    "NAIROBI - Kenyan police arrested 40 protesters in Nairobi on Tuesday, "
    "the interior ministry said.\n"
)


@pytest.mark.parametrize("format", ["jsonl", "json", "csv"])
def test_cli_real_engine_counts_add_up(
    runner: CliRunner, write_article: WriteArticle, format: str
) -> None:
    write_article("protest.txt", PROTEST, date="2024-05-08")
    write_article("quiet.txt", QUIET)
    write_article("empty.txt", "")
    result = invoke(runner, "protest.txt", "quiet.txt", "empty.txt", "--format", format)
    assert result.exit_code == ExitCode.INPUT_FAILED
    if format == "jsonl":
        records = [json.loads(line) for line in result.stdout.splitlines()]
    elif format == "json":
        records = json.loads(result.stdout)
    else:
        reader_ = csv.DictReader(io.StringIO(result.stdout, newline=""))
        assert reader_.fieldnames == list(FIELDS)
        records = list(reader_)
    assert records, "the protest article should give at least one event"
    assert {r["article"] for r in records} == {"protest.txt"}
    assert result.stderr.endswith(summary(3, len(records), 1))


def test_cli_real_engine_closed_pipe_ends_quietly() -> None:
    samples = str(Path(__file__).resolve().parents[2] / "samples")
    process = subprocess.Popen(
        [_installed_script(), "extract", samples, samples, samples, "--format", "jsonl"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # like `| head -n 1`
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=300) == ExitCode.OK
    assert json.loads(first)["article"].endswith(".txt")
    assert stderr == ""


@pytest.mark.parametrize(
    ("published", "event_date", "precision"),
    [
        # the Friday before the first day of the calendar is no date: the row takes the
        # publication date, and says so
        ("0001-01-01", "0001-01-01", "published"),
        ("9999-12-31", "9999-12-31", "day"),
    ],
)
def test_cli_real_engine_calendar_ends(
    runner: CliRunner,
    write_article: WriteArticle,
    published: str,
    event_date: str,
    precision: str,
) -> None:
    write_article("a.txt", "Police arrested 40 protesters in Nairobi on Friday.\n")
    result = invoke(runner, "a.txt", "--date", published, "--format", "jsonl")
    assert (result.exit_code, result.stderr) == (ExitCode.OK, summary(1, 1, 0))
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    got = (record["published"], record["event_date"], record["date_precision"])
    assert got == (published, event_date, precision)
