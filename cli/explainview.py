"""Render explained events: a rich terminal view and a self-contained HTML page.

Both views show the article text with each event's trigger, source, target, place, date and
casualty words highlighted (numbered by event), the event table, and with `explain=True` why
each event was coded so. They read only the `Explanation` fields (see `ExplanationLike`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .terminal import printable
from .writers.table import show_cell

if TYPE_CHECKING:
    from rich.console import Console

    from newsevents.core import Article
    from newsevents.core.record import Event

WEB_LINK = re.compile(r"https?://[^\s\x00-\x1f\x7f\"'<>`]+", re.IGNORECASE)
"""A URL the HTML report makes a link: http(s) only, nothing a browser would strip or run."""

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)
"""The report's policy: its inline CSS only; no scripts, no fetches, no forms."""

KINDS: tuple[str, ...] = ("trigger", "source", "target", "place", "date", "casualties")
"""Highlighted span kinds, in legend order."""

# Where spans overlap the more specific kind wins: "12" (casualties) inside "12 farmers" (target).
PRIORITY: tuple[str, ...] = ("trigger", "casualties", "date", "place", "source", "target")

TERMINAL_STYLES: dict[str, str] = {
    "trigger": "bold white on red3",
    "source": "bold blue",
    "target": "bold dark_orange3",
    "place": "bold green4",
    "date": "bold magenta",
    "casualties": "bold black on yellow3",
}
# Text and background colours of the HTML page (readable on white, distinct without red/green).
HTML_COLOURS: dict[str, tuple[str, str]] = {
    "trigger": ("#ffffff", "#c0392b"),
    "source": ("#0b3d91", "#d6e4ff"),
    "target": ("#7a3e00", "#ffe0b8"),
    "place": ("#145a32", "#d4f5dd"),
    "date": ("#5b2a86", "#eadcf7"),
    "casualties": ("#3d3d00", "#f7f08a"),
}
TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("#", ""),
    ("type", "event_type"),
    ("mode", "event_mode"),
    ("source", "source_name"),
    ("action", "action_text"),
    ("target", "target_name"),
    ("place", "location_name"),
    ("date", "event_date"),
    ("dead", "dead"),
    ("injured", "injured"),
    ("modality", "modality"),
    ("conf.", "confidence"),
)


class ExplanationLike(Protocol):
    """What the views read of `newsevents.core.explain.Explanation`."""

    event: Event
    spans: dict[str, list[tuple[int, int]]]
    rule: str
    paths: dict[str, str]
    reasons: list[str]
    places: list[str]
    mentions: list[tuple[int, int]]
    decided_by: list[str]


@dataclass(frozen=True)
class Segment:
    """A run of article text: plain (`kind` None) or highlighted for the events `numbers`."""

    start: int
    end: int
    kind: str | None
    numbers: tuple[int, ...]


def segments(text: str, explanations: Sequence[ExplanationLike]) -> list[Segment]:
    """Cut `text` into plain and highlighted runs; overlapping spans go to the PRIORITY kind.

    Spans outside the text or empty are ignored (a stale offset must not break the view).
    """
    spans: list[tuple[int, int, int, int]] = []  # start, end, kind rank, event number
    for number, explanation in enumerate(explanations, 1):
        for name, ranges in explanation.spans.items():
            if name not in KINDS:
                continue
            for start, end in ranges:
                start, end = max(0, start), min(len(text), end)
                if start < end:
                    spans.append((start, end, PRIORITY.index(name), number))
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        active = [(rank, n) for s, e, rank, n in spans if s <= start and end <= e]
        if active:
            rank = min(r for r, _ in active)
            numbers = tuple(sorted({n for r, n in active if r == rank}))
            kind: str | None = PRIORITY[rank]
        else:
            kind, numbers = None, ()
        if out and out[-1].kind == kind and out[-1].numbers == numbers:
            out[-1] = Segment(out[-1].start, end, kind, numbers)
        else:
            out.append(Segment(start, end, kind, numbers))
    return out


def _row(number: int, event: Event) -> list[str]:
    record = event.to_dict()
    return [str(number)] + [show_cell(record[field]) for _, field in TABLE_COLUMNS[1:]]


_LONG_FIELDS = frozenset({"source_name", "action_text", "target_name", "location_name"})


def _filled_columns(rows: list[list[str]]) -> list[int]:
    """Indexes of the TABLE_COLUMNS worth showing: # and type, others when some row says more."""
    modality = next(i for i, (_, field) in enumerate(TABLE_COLUMNS) if field == "modality")
    return [
        i
        for i in range(len(TABLE_COLUMNS))
        if i < 2 or any(row[i] and (i != modality or row[i] != "asserted") for row in rows)
    ]


def _numbers(numbers: tuple[int, ...]) -> str:
    return ",".join(str(n) for n in numbers)


def _event_title(number: int, event: Event) -> str:
    kind = event.event_type + (f"/{event.event_mode}" if event.event_mode else "")
    cameo = (
        f", CAMEO {event.cameo_code} {event.cameo_label or ''}".rstrip() if event.cameo_code else ""
    )
    return f"Event {number}: {kind}{cameo}, confidence {event.confidence:.2f}"


def _explain_lines(explanation: ExplanationLike, text: str) -> list[tuple[str, str]]:
    """(label, value) lines saying why an event was coded so."""
    lines: list[tuple[str, str]] = [("rule", explanation.rule or "(none recorded)")]
    for role, path in explanation.paths.items():
        lines.append((f"{role} path", path))
    event = explanation.event
    status = f"modality {event.modality}" + (", background" if event.background else "")
    if event.attributed_to:
        status += f", attributed to {event.attributed_to}"
    if event.claimed_by:
        status += f", claimed by {event.claimed_by}"
    lines.append(("status", status))
    for reason in explanation.reasons:
        lines.append(("why", reason))
    for rule in explanation.decided_by:
        lines.append(("decided by", rule))
    for n, place in enumerate(explanation.places):
        lines.append(("place" if n == 0 else "candidate", place))
    for start, end in explanation.mentions:
        sentence = " ".join(text[max(0, start) : end].split())
        lines.append(("sentence", sentence))
    return lines


# -- terminal ----------------------------------------------------------------------------------


def _legend_terminal(plain: bool) -> Any:
    from rich.text import Text

    if plain:
        kinds = " ".join(KINDS)
        return Text(f"highlights: [words|N kind], N = event number; kinds: {kinds}")
    legend = Text("highlights: ")
    for kind in KINDS:
        legend.append(kind, style=TERMINAL_STYLES[kind])
        legend.append(" ")
    legend.append("(the small number is the event)", style="dim")
    return legend


def render_terminal(
    console: Console,
    article: Article,
    explanations: Sequence[ExplanationLike],
    *,
    explain: bool = False,
) -> None:
    """Print one article: highlighted text, the event table, and the explanations if asked.

    On a plain console (NO_COLOR or redirected) a highlight is written `[words|1 source]`.
    """
    from rich.rule import Rule
    from rich.table import Table
    from rich.text import Text

    plain = console.color_system is None
    heading = printable(article.title or article.path)  # article text never drives the terminal
    console.print(Rule(Text(heading, style="bold"), align="left"))
    about = [article.path]
    if article.published:
        about.append(f"published {article.published.isoformat()}")
    if article.url:
        about.append(article.url)
    about.append(f"{len(explanations)} event{'s' if len(explanations) != 1 else ''}")
    console.print(Text(printable(" | ".join(about)), style="dim"))
    if explanations:
        console.print(_legend_terminal(plain))
    console.print()
    body = Text()
    for segment in segments(article.text, explanations):
        words = printable(article.text[segment.start : segment.end])
        if segment.kind is None:
            body.append(words)
        elif plain:
            body.append(f"[{words}|{_numbers(segment.numbers)} {segment.kind}]")
        else:
            body.append(words, style=TERMINAL_STYLES[segment.kind])
            body.append(_numbers(segment.numbers), style="dim")
    body.rstrip()
    console.print(body)
    console.print()
    if not explanations:
        console.print("No events found.")
        console.print()
        return
    rows = [_row(n, e.event) for n, e in enumerate(explanations, 1)]
    keep = _filled_columns(rows)
    table = Table(header_style="bold", show_lines=False)
    for index in keep:
        label, field = TABLE_COLUMNS[index]
        short = field not in _LONG_FIELDS  # codes, dates, numbers: never broken mid-word
        table.add_column(label, overflow="fold", no_wrap=short)
    for row in rows:
        table.add_row(*(Text(row[index]) for index in keep))
    console.print(table)
    if explain:
        for number, explanation in enumerate(explanations, 1):
            console.print()
            title = printable(_event_title(number, explanation.event))
            console.print(Text(title, style="bold"))
            for label, value in _explain_lines(explanation, article.text):
                line = Text("  ")
                line.append(f"{label}: ", style="dim")
                line.append(printable(value))
                console.print(line)
    console.print()


# -- HTML --------------------------------------------------------------------------------------

_CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;
background:#fafafa;margin:0;padding:1.5rem}
main{max-width:72rem;margin:0 auto}
header h1{font-size:1.5rem;margin:0 0 .25rem}
.meta{color:#555;font-size:.9rem;margin:.2rem 0}
.legend span{margin-right:.5rem}
section.article{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1rem 1.5rem;
margin:1.5rem 0;box-shadow:0 1px 2px rgba(0,0,0,.05)}
section.article h2{font-size:1.25rem;margin:.25rem 0}
.text{white-space:pre-wrap;line-height:1.7;margin:1rem 0;font-size:1rem}
mark{border-radius:3px;padding:0 .15em}
mark sup{font-size:.7em;font-weight:bold;margin-left:.15em;opacity:.85}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:1rem 0}
th,td{border:1px solid #ddd;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}
tr:nth-child(even) td{background:#fafafa}
details{border-left:4px solid #c0392b;margin:.75rem 0;padding:.25rem .75rem;background:#fcfcfc}
summary{font-weight:bold;cursor:pointer}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem 0}
dt{color:#555}
dd{margin:0;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
.none{color:#555;font-style:italic}
footer{color:#777;font-size:.8rem;text-align:center;margin:2rem 0 0}
"""


def _css() -> str:
    kinds = "".join(
        f"mark.k-{kind},.legend .k-{kind}{{color:{fg};background:{bg}}}"
        for kind, (fg, bg) in HTML_COLOURS.items()
    )
    return _CSS.strip() + "\n" + kinds


def _legend_html() -> str:
    items = "".join(f'<span><mark class="k-{kind}">{kind}</mark></span>' for kind in KINDS)
    return f'<p class="legend">Highlights: {items} (the small number is the event)</p>'


def _text_html(text: str, explanations: Sequence[ExplanationLike]) -> str:
    parts: list[str] = []
    for segment in segments(text, explanations):
        words = html.escape(text[segment.start : segment.end])
        if segment.kind is None:
            parts.append(words)
            continue
        numbers = _numbers(segment.numbers)
        tip = html.escape(f"event {numbers}: {segment.kind}", quote=True)
        parts.append(
            f'<mark class="k-{segment.kind}" title="{tip}">{words}<sup>{numbers}</sup></mark>'
        )
    return "".join(parts).rstrip()


def _link_html(url: str) -> str:
    """A link for http(s) URLs, plain text for others: `javascript:x` -> `javascript:x`."""
    shown = html.escape(url)
    if WEB_LINK.fullmatch(url):
        return f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{shown}</a>'
    return shown


def _article_html(
    index: int, article: Article, explanations: Sequence[ExplanationLike], explain: bool
) -> str:
    esc = html.escape
    about = [esc(article.path)]
    if article.published:
        about.append(f"published {article.published.isoformat()}")
    if article.url:
        about.append(_link_html(article.url))
    count = len(explanations)
    about.append(f"{count} event{'s' if count != 1 else ''}")
    out = [
        f'<section class="article" id="article-{index}">',
        f"<h2>{esc(article.title or article.path)}</h2>",
        f'<p class="meta">{" · ".join(about)}</p>',
        f'<div class="text">{_text_html(article.text, explanations)}</div>',
    ]
    if not explanations:
        out.append('<p class="none">No events found.</p>')
    else:
        table = [_row(n, e.event) for n, e in enumerate(explanations, 1)]
        keep = _filled_columns(table)
        head = "".join(f"<th>{esc(TABLE_COLUMNS[i][0])}</th>" for i in keep)
        rows = "".join(
            "<tr>" + "".join(f"<td>{esc(row[i])}</td>" for i in keep) + "</tr>" for row in table
        )
        out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    if explain:
        for number, explanation in enumerate(explanations, 1):
            items = "".join(
                f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>"
                for label, value in _explain_lines(explanation, article.text)
            )
            title = esc(_event_title(number, explanation.event))
            out.append(f"<details open><summary>{title}</summary><dl>{items}</dl></details>")
    out.append("</section>")
    return "\n".join(out)


def render_html(
    reports: Sequence[tuple[Article, Sequence[ExplanationLike]]],
    *,
    explain: bool = False,
    version: str = "",
) -> str:
    """One self-contained HTML page (inline CSS, no scripts, nothing fetched), one section each."""
    events = sum(len(explanations) for _, explanations in reports)
    articles = len(reports)
    title = reports[0][0].title or reports[0][0].path if articles == 1 else f"{articles} articles"
    sections = "\n".join(
        _article_html(n, article, explanations, explain)
        for n, (article, explanations) in enumerate(reports, 1)
    )
    summary = (
        f"{articles} article{'s' if articles != 1 else ''}, "
        f"{events} event{'s' if events != 1 else ''}"
    )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>newsevents: {html.escape(title)}</title>\n"
        f"<style>\n{_css()}\n</style>\n</head>\n<body>\n<main>\n"
        f'<header><h1>newsevents report</h1><p class="meta">{summary}</p>'
        f"{_legend_html()}</header>\n"
        f"{sections}\n"
        f"<footer>Made offline by newsevents {html.escape(version)}</footer>\n"
        "</main>\n</body>\n</html>\n"
    )
