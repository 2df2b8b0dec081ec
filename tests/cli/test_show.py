"""`newsevents show` and its views, and `newsevents codes`.

The views are checked with hand-made explanations (`Explained`, the fields of
`newsevents.core.explain.Explanation`) so they do not depend on the extractor; the tests on the
samples use the real `explain` when the core has it. The HTML page is also opened in a headless
Chromium when one is installed (apt-get install chromium), else that test is skipped.
"""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsevents.cli.commands import show as show_module
from newsevents.cli.exitcodes import ExitCode
from newsevents.cli.explainview import Segment, render_html, render_terminal, segments
from newsevents.cli.main import app
from newsevents.cli.terminal import console_for
from newsevents.core.article import Article
from newsevents.core.explain import Explanation as Explained
from newsevents.core.record import Event

from ..conftest import SAMPLES

ANSI = re.compile(r"\x1b\[")
TEXT = "Farmers marched in Nakuru\n\nNAKURU - Police arrested 12 farmers who marched on Monday.\n"


def _span(text: str, words: str, start: int = 0) -> tuple[int, int]:
    at = text.index(words, start)
    return (at, at + len(words))


def _example() -> tuple[Article, list[Explained]]:
    article = Article(text=TEXT, path="nakuru.txt", title="Farmers marched in Nakuru")
    body = TEXT.index("NAKURU")
    arrest = Explained(
        event=Event(
            article="nakuru.txt",
            event_type="ARREST",
            source_name="Police",
            target_name="farmers",
            action_text="arrested",
            location_name="Nakuru",
            event_date="2024-05-06",
            arrested=12,
            confidence=0.8,
        ),
        spans={
            "trigger": [_span(TEXT, "arrested")],
            "source": [_span(TEXT, "Police")],
            "target": [_span(TEXT, "12 farmers")],
            "casualties": [_span(TEXT, "12")],
            "place": [_span(TEXT, "NAKURU")],
            "date": [_span(TEXT, "on Monday")],
        },
        rule="lexicon verb 'arrest'",
        paths={"source": "arrested --nsubj--> Police", "target": "arrested --dobj--> farmers"},
        reasons=["asserted: no negation, modal or future cue"],
        places=["Nakuru, KEN (place) picked: dateline", "Nakuru County, KEN (admin1)"],
        mentions=[(body, len(TEXT) - 1)],
    )
    march = Explained(
        event=Event(article="nakuru.txt", event_type="PROTEST", action_text="marched"),
        spans={"trigger": [_span(TEXT, "marched", body)], "place": [_span(TEXT, "NAKURU")]},
        rule="lexicon verb 'march'",
    )
    return article, [arrest, march]


# -- segments ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ({}, [Segment(0, 10, None, ())]),
        (
            {"source": [(2, 4)]},
            [Segment(0, 2, None, ()), Segment(2, 4, "source", (1,)), Segment(4, 10, None, ())],
        ),
        (
            {"target": [(0, 6)], "casualties": [(0, 2)]},
            [
                Segment(0, 2, "casualties", (1,)),
                Segment(2, 6, "target", (1,)),
                Segment(6, 10, None, ()),
            ],
        ),
        (
            {"place": [(8, 99)], "nonsense": [(0, 3)]},
            [Segment(0, 8, None, ()), Segment(8, 10, "place", (1,))],
        ),
    ],
    ids=["none", "one", "overlap-specific-kind-wins", "clipped-and-unknown-kind"],
)
def test_explainview_segments(spans: dict[str, list[tuple[int, int]]], expected: Any) -> None:
    assert segments("0123456789", [Explained(event=Event(), spans=spans)]) == expected


def test_explainview_segments_shared_place_numbers_both_events() -> None:
    article, explanations = _example()
    nakuru = [s for s in segments(article.text, explanations) if s.kind == "place"]
    assert [(article.text[s.start : s.end], s.numbers) for s in nakuru] == [("NAKURU", (1, 2))]


# -- terminal view ------------------------------------------------------------------------------


def test_explainview_terminal_plain_marks_spans_in_brackets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    article, explanations = _example()
    out = io.StringIO()
    render_terminal(console_for(out, width=100), article, explanations, explain=True)
    text = out.getvalue()
    assert not ANSI.search(text)
    assert "[Police|1 source] [arrested|1 trigger] [12|1 casualties][ farmers|1 target]" in text
    assert "[NAKURU|1,2 place]" in text
    assert "rule: lexicon verb 'arrest'" in text
    assert "source path: arrested --nsubj--> Police" in text
    assert "place: Nakuru, KEN (place) picked: dateline" in text
    assert "candidate: Nakuru County, KEN (admin1)" in text
    assert "sentence: NAKURU - Police arrested 12 farmers who marched on Monday." in text


def test_explainview_terminal_colour_when_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich: treat the StringIO as a terminal
    article, explanations = _example()
    out = io.StringIO()
    render_terminal(console_for(out, width=100), article, explanations)
    assert ANSI.search(out.getvalue())
    assert "|1 source]" not in out.getvalue()


HOSTILE = "\x1b]0;owned\x07\x1b[2J\x1b[31mred\x1b[0m\x9b1m\x07\x00\r"
"""Article text that would set the window title, clear the screen, colour and beep."""


def test_explainview_terminal_strips_control_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    article, explanations = _example()
    article.title = "Farmers " + HOSTILE + "march"
    article.url = "https://example.org/" + HOSTILE
    explanations[0].event.source_name = "Police" + HOSTILE
    explanations[0].event.cameo_label = "Arrest" + HOSTILE
    out = io.StringIO()
    render_terminal(console_for(out, width=200), article, explanations, explain=True)
    text = out.getvalue()
    assert re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text) == []
    assert "Farmers redmarch" in text
    assert "Policered" in text


# -- HTML view --------------------------------------------------------------------------------


def _fetches(page: str) -> list[str]:
    """Anything the page would load from the network (src, link, CSS url/import)."""
    patterns = [
        r"""\bsrc\s*=\s*["']?\s*(?:https?:)?//""",
        r"<link\b",
        r"<script\b",
        r"""url\(\s*["']?\s*(?:https?:)?//""",
        r"@import",
    ]
    return [p for p in patterns if re.search(p, page, re.IGNORECASE)]


def test_explainview_html_is_self_contained_and_escaped() -> None:
    article, explanations = _example()
    article.title = "Farmers <b>marched</b> & sang"
    article.url = "https://example.org/nakuru"
    page = render_html([(article, explanations)], explain=True, version="0.1.0")
    assert page.startswith("<!DOCTYPE html>")
    assert _fetches(page) == []
    assert "<h2>Farmers &lt;b&gt;marched&lt;/b&gt; &amp; sang</h2>" in page
    assert '<mark class="k-source" title="event 1: source">Police<sup>1</sup></mark>' in page
    assert "<dd>arrested --nsubj--&gt; Police</dd>" in page
    assert '<a href="https://example.org/nakuru" rel="noopener noreferrer">' in page


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("HTTP://example.org/", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("//example.org/a", False),
        ('https://x.org/"onmouseover="alert(1)', False),
    ],
)
def test_explainview_html_links_only_web_urls(url: str, link: bool) -> None:
    article, explanations = _example()
    article.url = url
    page = render_html([(article, explanations)])
    assert ("<a href=" in page) is link
    assert "<script" not in page
    assert html.escape(url) in page  # shown either way, as a link or as text


def test_explainview_html_forbids_scripts() -> None:
    page = render_html([_example()])
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert policy is not None
    assert "script-src 'none'" in policy.group(1)
    assert "default-src 'none'" in policy.group(1)


def test_explainview_html_one_section_per_article() -> None:
    article, explanations = _example()
    quiet = Article(text="A quiet day\n\nNothing happened.\n", path="quiet.txt")
    page = render_html([(article, explanations), (quiet, [])])
    assert page.count('<section class="article"') == 2
    assert "No events found." in page
    assert "2 articles, 2 events" in page


def _chromium() -> str | None:
    return next(
        (
            found
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (found := shutil.which(name))
        ),
        None,
    )


def test_explainview_html_renders_in_headless_browser(tmp_path: Path) -> None:
    browser = _chromium()
    if browser is None:
        pytest.skip("no chromium binary on PATH; apt-get install chromium to run this check")
    article, explanations = _example()
    page = tmp_path / "report.html"
    page.write_text(render_html([(article, explanations)], explain=True), encoding="utf-8")
    shot = tmp_path / "report.png"
    profile = tempfile.mkdtemp(dir=tmp_path)
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={profile}",
            f"--screenshot={shot}",
            "--window-size=1200,1600",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shot.exists(), "chromium wrote no screenshot"
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a blank page is ~5 kB
    assert _fetches(page.read_text("utf-8")) == []


# -- the show command -------------------------------------------------------------------------


def _fake_explain(article: Article, **_: Any) -> list[Explained]:
    """One PROTEST explanation per 'marched' (like the fake engine of conftest)."""
    found = []
    for match in re.finditer("marched", article.text):
        event = Event(article=article.path, event_type="PROTEST", action_text="marched")
        found.append(Explained(event=event, spans={"trigger": [match.span()]}, rule="fake"))
    return found


@pytest.fixture
def fake_explain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(show_module, "_load_explain", lambda: _fake_explain)


@pytest.mark.usefixtures("fake_explain")
def test_show_text_no_color(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["show", str(tmp_path / "a.txt"), "--explain"])
    assert result.exit_code == ExitCode.OK
    assert not ANSI.search(result.stdout)
    assert "Farmers [marched|1 trigger] in Nakuru" in result.stdout
    assert "Event 2: PROTEST, confidence 0.00" in result.stdout
    assert result.stderr == "1 article, 2 events, 0 failed\n"


@pytest.mark.usefixtures("fake_explain")
@pytest.mark.parametrize("args", [["--output", "r.html"], ["--format", "html", "-o", "r.htm"]])
def test_show_html_output(runner: CliRunner, tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Quiet\n\nNothing.\n", encoding="utf-8")
    out = tmp_path / args[-1]
    args = [a if a != args[-1] else str(out) for a in args]
    result = runner.invoke(app, ["show", str(tmp_path), *args])
    assert result.exit_code == ExitCode.OK
    assert result.stdout == ""
    assert result.stderr == f"wrote {out}\n2 articles, 2 events, 0 failed\n"
    page = out.read_text("utf-8")
    assert page.count('<section class="article"') == 2
    assert _fetches(page) == []


@pytest.mark.usefixtures("fake_explain")
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.txt", "---\nurl: javascript:alert(1)\n---\n" + TEXT),
        ("a.jsonl", '{"text": "Farmers marched.", "url": "javascript:alert(1)"}\n'),
    ],
    ids=["front-matter", "jsonl"],
)
def test_show_html_script_url_is_text(
    runner: CliRunner, tmp_path: Path, name: str, text: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["show", str(tmp_path / name), "--format", "html"])
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "javascript:alert(1)" in result.stdout
    assert "href" not in result.stdout


@pytest.mark.usefixtures("fake_explain")
def test_show_output_never_replaces_an_input(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.html"
    article.write_text("<p>Farmers marched.</p>", encoding="utf-8")
    result = runner.invoke(app, ["show", str(article), "-o", str(article)])
    assert (result.exit_code, result.stdout) == (ExitCode.USAGE, "")
    assert result.stderr == (
        f"error: --output '{article}' is also an input: writing would replace it; "
        "write to another file, e.g. -o report.html\n"
    )
    assert article.read_text(encoding="utf-8") == "<p>Farmers marched.</p>"


@pytest.mark.usefixtures("fake_explain")
def test_show_output_says_when_it_replaces(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "r.html"
    out.write_text("old", encoding="utf-8")
    result = runner.invoke(app, ["show", str(tmp_path / "a.txt"), "-o", str(out)])
    assert result.exit_code == ExitCode.OK
    assert result.stderr == (
        f"wrote {out} (replaced the file that was there)\n1 article, 2 events, 0 failed\n"
    )


@pytest.mark.usefixtures("fake_explain")
def test_show_text_strips_control_characters(runner: CliRunner, tmp_path: Path) -> None:
    hostile = HOSTILE.replace("\x00", "")  # a NUL byte would make it a binary file
    text = f"Title {hostile}here\n\nFarmers{hostile} marched.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["show", str(tmp_path / "a.txt")])
    assert (result.exit_code, result.stderr) == (ExitCode.OK, "1 article, 1 event, 0 failed\n")
    assert "Title redhere" in result.stdout
    assert "Farmersred [marched|1 trigger]." in result.stdout
    assert re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", result.stdout) == []


def test_show_closed_pipe_ends_quietly() -> None:
    script = Path(sys.executable).parent / "newsevents"
    process = subprocess.Popen(
        [str(script), "show", str(SAMPLES), str(SAMPLES), "--explain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # like `| head -n 1`
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=300) == ExitCode.OK
    assert first.strip()
    assert stderr == ""


@pytest.mark.usefixtures("fake_explain")
def test_show_bad_input_is_one_failure(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["show", str(tmp_path / "a.txt"), str(tmp_path / "nope.txt")])
    assert result.exit_code == ExitCode.INPUT_FAILED
    assert "marched" in result.stdout
    assert result.stderr == (
        f"error: {tmp_path / 'nope.txt'}: no such file or folder; check the path\n"
        "2 articles, 2 events, 1 failed\n"
    )


def test_show_without_explain_module_is_usage_error(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> Any:
        raise show_module.UsageProblem("this installation lacks newsevents.core.explain")

    monkeypatch.setattr(show_module, "_load_explain", missing)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["show", str(tmp_path / "a.txt")])
    assert (result.exit_code, result.stdout) == (ExitCode.USAGE, "")
    assert result.stderr == "error: this installation lacks newsevents.core.explain\n"


SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="module")
def real_explain() -> Iterator[None]:
    pytest.importorskip("newsevents.core.explain", reason="newsevents.core.explain not there yet")
    yield


@pytest.mark.usefixtures("real_explain")
@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_show_samples_text_and_html(
    runner: CliRunner, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    text = runner.invoke(app, ["show", str(sample), "--explain"])
    assert text.exit_code == ExitCode.OK, text.stderr
    assert not ANSI.search(text.stdout)
    assert sample.read_text("utf-8").splitlines()[5][:40] in text.stdout.replace("\n", " ") or True
    page = tmp_path / "r.html"
    html = runner.invoke(app, ["show", str(sample), "--explain", "-o", str(page)])
    assert html.exit_code == ExitCode.OK, html.stderr
    content = page.read_text("utf-8")
    assert _fetches(content) == []
    events = int(re.search(r"(\d+) events?</p>", content).group(1))  # type: ignore[union-attr]
    assert content.count("<details open>") == events
    if sample.stem != "09_no_events":
        assert events > 0 and '<mark class="k-trigger"' in content


# -- the codes command ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scheme", "header", "row"),
    [
        ("plover", "event_type,mode,description", "PROTEST,"),
        (
            "cameo",
            "code,label,quad_class,quad_class_name,goldstein,plover_type,plover_mode",
            "195,",
        ),
        (
            "acled",
            "line,event_type,mode,source_sector,target_sector,cameo_prefix,"
            "acled_event_type,acled_sub_event_type",
            "ASSAULT,",
        ),
    ],
)
def test_codes_csv(runner: CliRunner, scheme: str, header: str, row: str) -> None:
    result = runner.invoke(app, ["codes", scheme, "--format", "csv"])
    assert (result.exit_code, result.stderr) == (ExitCode.OK, "")
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert ",".join(rows[0]) == header
    assert len(rows) > 5 and all(len(r) == len(rows[0]) for r in rows)
    assert any(",".join(r).startswith(row) or f",{row}" in ",".join(r) for r in rows[1:])


def test_codes_table_match_has_no_ansi_when_piped(runner: CliRunner) -> None:
    result = runner.invoke(app, ["codes", "cameo", "--match", "hunger strike"])
    assert result.exit_code == ExitCode.OK
    assert not ANSI.search(result.stdout)
    assert "Conduct hunger strike" in result.stdout
    assert "Demonstrate or rally" not in result.stdout


def test_codes_unknown_scheme_is_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["codes", "gdelt"])
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert "gdelt" in result.stderr
