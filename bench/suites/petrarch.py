"""Suite petrarch: UD-PETRARCH validation records, coded with their own dictionaries alone."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .common import (
    Figure,
    SuiteMissing,
    SuiteResult,
    _pc,
    make_article,
    ratio,
    run_extractor,
    spread,
)

if TYPE_CHECKING:
    from newsevents.core import ActorDictionary, Event


# UD-PETRARCH's own figures on its validation suite (dev-validate README), the reference row.
UD_PETRARCH_RECALL = 0.68
UD_PETRARCH_PRECISION = 0.79


@dataclass
class PetrRecord:
    """One `<Sentence>` record of a PETRARCH validation file."""

    id: str
    category: str
    date: str
    text: str
    evaluate: bool = True
    events: list[tuple[str, str, str]] = field(default_factory=list)
    """Expected (source code, target code, event code)."""
    noevents: bool = False
    error: str | None = None


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\b([^>]*?)/?>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>", re.S)
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_INCLUDE = re.compile(r"<Include>(.*?)</Include>", re.S)


def _attrs(blob: str) -> dict[str, str]:
    return {
        m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
        for m in _ATTR.finditer(blob)
    }


def parse_petrarch_records(content: str) -> tuple[list[PetrRecord], set[str]]:
    """Records of a PETRARCH validation file and the categories its `<Include>` lists."""
    content = _COMMENT.sub("", content)
    include = _INCLUDE.search(content)
    categories = set(include.group(1).split()) if include else set()
    records: list[PetrRecord] = []
    for match in _SENTENCE.finditer(content):
        attrs, body = _attrs(match.group(1)), match.group(2)
        text_match = _TEXT.search(body)
        record = PetrRecord(
            id=attrs.get("id", ""),
            category=attrs.get("category", ""),
            date=attrs.get("date", ""),
            text=" ".join(text_match.group(1).split()) if text_match else "",
            evaluate=attrs.get("evaluate", "true").lower() != "false",
        )
        for coding in _CODING.finditer(body):
            c = _attrs(coding.group(1))
            if c.get("noevents", "").lower() == "true":
                record.noevents = True
            elif "error" in c:
                record.error = c["error"]
            elif "eventcode" in c:
                record.events.append(
                    (c.get("sourcecode", "---"), c.get("targetcode", "---"), c["eventcode"])
                )
        records.append(record)
    return records, categories


def actor_code(country: str | None, sector: str | None) -> str:
    """A PETRARCH-style actor code from an event's country and sector (`---` when none)."""
    country = (country or "").strip().upper()
    sector = (sector or "").strip().upper()
    if not country and not sector:
        return "---"
    return (country or "---") + sector


def reduce_petrarch_code(
    code: str, sectors: Collection[str] = (), religions: Collection[str] = ()
) -> str:
    """An expected PETRARCH actor code cut to what newsevents codes: country + one sector.

    The first of `/`-joined alternatives counts; the first 3-letter block is the country
    (none after `---`, IGO/NGO/IMG kept), then the first block in `sectors` (a `religions`
    block is REL); other agent blocks are dropped. `ARNGOVFRM` -> `ARNGOV`, `ORCHOB` -> `ORC`.
    """
    code = code.strip().upper().split("/")[0].replace("~", "")
    if code in ("", "---", "+++"):
        return "---"
    country: str | None = None
    if code.startswith("---"):
        code = code[3:]
    elif code[:3] not in sectors or code[:3] in ("IGO", "NGO"):
        country, code = code[:3], code[3:]
    if country == "NGM":
        country = "NGO"
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if country in ("IGO", "NGO", "IMG"):
        blocks = blocks[:1]  # an organisation's own sector, else its kind's default
    sector = next((b for b in blocks if b in sectors), None)
    if sector is None and any(b in religions for b in blocks):
        sector = "REL"
    if sector is None and country in ("IGO", "NGO", "IMG"):
        sector = {"IGO": "IGO", "IMG": "REB"}.get(country, "NGO")
    return actor_code(country, sector)


def reduce_expected(
    events: Iterable[tuple[str, str, str]], sectors: Collection[str], religions: Collection[str]
) -> set[tuple[str, str, str]]:
    """Expected (source, target, code) triples with actor codes reduced for comparison."""
    return {
        (
            reduce_petrarch_code(s, sectors, religions),
            reduce_petrarch_code(t, sectors, religions),
            c.strip(),
        )
        for s, t, c in events
    }


def _codes_of(country: str | None, sector: str | None) -> list[str]:
    """Actor codes of one side; coordinated actors ("EGY;ARE") give one code each.

    Codes are cut like the expected ones (`reduce_petrarch_code`): a dictionary's own agent
    code such as MOP ("main opposition group") is dropped on both sides.
    """
    from newsevents.core.actors import RELIGION_CODES, SECTOR_CODES

    countries = (country or "").split(";")
    sectors = (sector or "").split(";")
    if len(countries) > 1 and len(sectors) <= 1:
        sectors = sectors * len(countries)
    if len(countries) == 1 and len(sectors) > 1:
        countries = countries * len(sectors)  # "Danish media and government": DNK twice
    return [
        reduce_petrarch_code(
            actor_code(c or None, sectors[n] if n < len(sectors) and sectors[n] else None),
            SECTOR_CODES,
            RELIGION_CODES,
        )
        for n, c in enumerate(countries)
    ]


def event_triples(events: Iterable[Event], dyadic: bool = False) -> set[tuple[str, str, str]]:
    """(source code, target code, CAMEO code) of extracted events, background included.

    Our rows keep coordinated actors together ("Egypt; UAE"); PETRARCH codes one event per
    pair of actors, so a row counts once for each pair it names, and a mutual row ("X and Y
    met") in both directions, as PETRARCH codes it. With `dyadic`, only pairs where both sides
    are coded actors count (PETRARCH writes an event only then).
    """
    found = set()
    for e in events:
        if not e.cameo_code:
            continue
        for src in _codes_of(e.source_country, e.source_sector):
            for tgt in _codes_of(e.target_country, e.target_sector):
                if dyadic and "---" in (src, tgt):
                    continue
                found.add((src, tgt, e.cameo_code.strip()))
                if e.mutual:
                    found.add((tgt, src, e.cameo_code.strip()))
    return found


def petrarch_counts(
    expected: set[tuple[str, str, str]], predicted: set[tuple[str, str, str]], digits: int = 0
) -> tuple[int, int, int]:
    """(matched, expected, predicted) for one record; codes cut to `digits` when > 0."""

    def cut(triples: set[tuple[str, str, str]]) -> set[tuple[str, str, str]]:
        return {(s, t, c[:digits] if digits else c) for s, t, c in triples}

    exp, pred = cut(expected), cut(predicted)
    return len(exp & pred), len(exp), len(pred)


def _codes_only(
    want: set[tuple[str, str, str]], got: set[tuple[str, str, str]], digits: int
) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str]], int]:
    """Arguments of `petrarch_counts`; digits < 0 compares root codes alone (actors blanked)."""
    if digits >= 0:
        return want, got, digits
    return {("", "", c) for _, _, c in want}, {("", "", c) for _, _, c in got}, -digits


def load_user_actors(files: Sequence[Path], builtin: bool = True) -> ActorDictionary:
    """The built-in actor dictionary with each file's entries on top (the files alone when
    `builtin` is false)."""
    from newsevents.core import ActorDictionary

    return ActorDictionary.from_files(*files, builtin=builtin)


def suite_petrarch(shared: Path, limit: int) -> SuiteResult:
    """(source, target, code) recall and precision on UD-PETRARCH's validation records."""
    folder = shared / "benchmarks" / "petrarch" / "universal-petrarch" / "validate"
    records_file = folder / "PETR_Validate_records_2_02.xml"
    if not records_file.exists():
        raise SuiteMissing(f"{records_file} not found")
    records, categories = parse_petrarch_records(records_file.read_text(encoding="utf-8"))
    chosen = [
        r
        for r in records
        if r.evaluate
        and r.error is None
        and r.text
        and (not categories or r.category in categories)
    ]
    chosen = spread(chosen, limit)
    dictionaries = [
        folder / "PETR_Validate_actors_2_02.txt",
        folder / "PETR_Validate_agents_2_02.txt",
    ]
    # The suite's dictionaries replace the built-in ones, as PETRARCH runs on its own
    # dictionaries alone (the `--only-user-dictionaries` option of `newsevents extract`).
    actors = load_user_actors([d for d in dictionaries if d.exists()], builtin=False)
    from newsevents.core import load_verbs

    verbs_file = folder / "PETR_Validate_verbs_2_02.txt"
    if not verbs_file.exists():
        raise SuiteMissing(f"{verbs_file} not found")
    verbs = load_verbs(verbs_file)
    articles = [make_article(r.text, r.id, _yyyymmdd(r.date)) for r in chosen]
    events, errors = run_extractor(articles, actors, verbs, builtin_verbs=False)
    from newsevents.core.actors import RELIGION_CODES, SECTOR_CODES

    expected = [reduce_expected(r.events, SECTOR_CODES, RELIGION_CODES) for r in chosen]
    # PETRARCH writes an event only when it codes both its source and its target, and codes a
    # negated verb as another event ("did not clash" is no clash): our rows are compared alike,
    # a negated row ("modality": "negated") and a side with no coded actor left out. The
    # "all rows" figures count every row as it is.
    told = [[e for e in evs if e.modality != "negated"] for evs in events]
    res = SuiteResult("petrarch", records=len(chosen), errors=errors)
    for digits, key, label, dyadic in (
        (0, "", "(source, target, code), own dictionaries, dyadic rows", True),
        (0, "allrows_", "(source, target, code), own dictionaries, all rows", False),
        (2, "root_", "root code + actors, dyadic rows", True),
        (-2, "rootonly_", "root code, actors ignored, all rows", False),
    ):
        m = e = p = 0
        for want, evs, real in zip(expected, events, told, strict=True):
            triples = event_triples(real, dyadic) if dyadic else event_triples(evs)
            got = petrarch_counts(*_codes_only(want, triples, digits))
            m, e, p = m + got[0], e + got[1], p + got[2]
        recall, precision = ratio(m, e), ratio(m, p)
        res.add(f"{key}recall", f"{label} recall", recall, e)
        res.add(f"{key}precision", f"{label} precision", precision, p)
        if not key:
            res.headline = f"petrarch R {_pc(recall)} P {_pc(precision)}"
    silent = sum(
        1
        for r, evs in zip(chosen, told, strict=True)
        if r.noevents and not event_triples(evs, True)
    )
    res.add(
        "noevents_ok",
        "no-event records left uncoded",
        ratio(silent, sum(r.noevents for r in chosen)),
        sum(r.noevents for r in chosen),
    )
    res.reference = [
        Figure("ref_recall", "UD-PETRARCH reported recall", UD_PETRARCH_RECALL),
        Figure("ref_precision", "UD-PETRARCH reported precision (~)", UD_PETRARCH_PRECISION),
    ]
    return res


def _yyyymmdd(value: str) -> date | None:
    try:
        return datetime.strptime(value, "%Y%m%d").date()
    except ValueError:
        return None
