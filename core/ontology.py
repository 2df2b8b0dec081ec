"""The event ontology: PLOVER types and modes, CAMEO codes, PLOVER-to-ACLED rules, trigger lexicon.

All language and code-table facts live in CSV files of the package `newsevents.core.data`
(`plover.csv`, `cameo.csv`, `acled.csv`, `triggers.csv`) so that they can be extended without
touching Python. Each file is read once per process and validated; a malformed row raises
`DictionaryError` naming the file, the line and the problem.

    >>> from newsevents.core import ontology
    >>> ontology.cameo("195").plover_type
    'ASSAULT'
    >>> ontology.acled_for("ASSAULT", "aerial")
    ('Explosions/Remote violence', 'Air/drone strike')
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import DictionaryError

DATA_PACKAGE = "newsevents.core.data"
PLOVER_FILE = "plover.csv"
CAMEO_FILE = "cameo.csv"
ACLED_FILE = "acled.csv"
TRIGGERS_FILE = "triggers.csv"

QUAD_CLASS_NAMES: dict[int, str] = {
    1: "Verbal Cooperation",
    2: "Material Cooperation",
    3: "Verbal Conflict",
    4: "Material Conflict",
}
TRIGGER_POS: frozenset[str] = frozenset({"VERB", "NOUN"})
# Cells of acled.csv may list alternatives: "aerial|drone", "MIL|REB".
ALTERNATIVE_SEP = "|"
_CAMEO_CODE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True)
class PloverType:
    """One row of plover.csv: an event type alone (mode None) or one of its modes."""

    event_type: str
    mode: str | None
    description: str


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its QuadClass, Goldstein score and PLOVER mapping."""

    code: str
    label: str
    quad_class: int
    goldstein: float
    plover_type: str
    plover_mode: str | None


@dataclass(frozen=True)
class AcledRule:
    """One row of acled.csv; empty conditions are wildcards, empty results mean "not ACLED"."""

    line: int
    event_type: str | None
    modes: frozenset[str]
    source_sectors: frozenset[str]
    target_sectors: frozenset[str]
    cameo_prefixes: tuple[str, ...]
    acled_event_type: str | None
    acled_sub_event_type: str | None

    def matches(
        self,
        event_type: str,
        mode: str | None,
        source_sectors: frozenset[str],
        target_sectors: frozenset[str],
        cameo_code: str | None,
    ) -> bool:
        """True when every non-empty condition of the rule holds for the event."""
        if self.event_type is not None and self.event_type != event_type:
            return False
        if self.modes and mode not in self.modes:
            return False
        if self.source_sectors and not self.source_sectors & source_sectors:
            return False
        if self.target_sectors and not self.target_sectors & target_sectors:
            return False
        if self.cameo_prefixes:
            if not cameo_code or not cameo_code.startswith(self.cameo_prefixes):
                return False
        return True


@dataclass(frozen=True)
class Trigger:
    """A lexicon entry: a lemma (plus optional required child lemma) that signals an event.

    `particle` is the lemma of a direct dependency child that must be present (a verb particle
    or preposition such as "call"+"for", or a head-defining object/compound such as
    "impose"+"sanction", "strike"+"air"). Entries with a particle are more specific than the
    bare lemma and should win over it.
    """

    lemma: str
    pos: str
    particle: str | None
    cameo_code: str
    event_type: str
    mode: str | None
    weight: float


# --------------------------------------------------------------------------- reading


def _data_text(name: str) -> tuple[str, str]:
    """Return (text, display path) of a data file from the package, or beside this module.

    Raises:
        DictionaryError: when the file cannot be found or read.
    """
    try:
        resource = resources.files(DATA_PACKAGE).joinpath(name)
        return resource.read_text(encoding="utf-8"), str(resource)
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError, TypeError):
        # Running from a plain checkout (not installed) or the package layout differs.
        pass
    path = Path(__file__).resolve().parent / "data" / name
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise DictionaryError(str(path), f"cannot read data file: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise DictionaryError(str(path), f"not UTF-8 text: {exc}") from exc


def _rows(name: str, columns: Iterable[str]) -> Iterator[tuple[str, int, dict[str, str]]]:
    """Yield (display path, line number, row) for each non-blank row of a CSV data file.

    Raises:
        DictionaryError: when the header lacks a required column or a row has extra cells.
    """
    text, path = _data_text(name)
    reader = csv.DictReader(io.StringIO(text), restkey="\0extra")
    header = reader.fieldnames or []
    missing = [c for c in columns if c not in header]
    if missing:
        raise DictionaryError(path, f"line 1: missing column(s) {', '.join(missing)}")
    for row in reader:
        line = reader.line_num
        if "\0extra" in row:
            raise DictionaryError(path, f"line {line}: more cells than header columns")
        cells = {k: (v or "").strip() for k, v in row.items()}
        if not any(cells.values()):
            continue
        yield path, line, cells


def _problem(path: str, line: int, problem: str) -> DictionaryError:
    """Build the error for one bad row."""
    return DictionaryError(path, f"line {line}: {problem}")


def _alternatives(cell: str) -> list[str]:
    """Split an "a|b|c" cell into its non-empty parts."""
    return [part.strip() for part in cell.split(ALTERNATIVE_SEP) if part.strip()]


# --------------------------------------------------------------------------- PLOVER


@cache
def _plover() -> tuple[PloverType, ...]:
    """All plover.csv rows, validated."""
    rows: list[PloverType] = []
    seen: set[tuple[str, str | None]] = set()
    for path, line, cells in _rows(PLOVER_FILE, ("event_type", "mode", "description")):
        event_type = cells["event_type"]
        mode = cells["mode"] or None
        if not event_type or event_type != event_type.upper() or not event_type.isalpha():
            raise _problem(path, line, f"event_type {event_type!r} must be an upper-case word")
        if mode is not None and mode != mode.lower():
            raise _problem(path, line, f"mode {mode!r} must be lower case")
        if (event_type, mode) in seen:
            raise _problem(path, line, f"duplicate row {event_type}/{mode or '(type)'}")
        if mode is not None and (event_type, None) not in seen:
            raise _problem(path, line, f"mode row before the row of its type {event_type}")
        seen.add((event_type, mode))
        rows.append(PloverType(event_type, mode, cells["description"]))
    return tuple(rows)


@cache
def _modes_by_type() -> dict[str, frozenset[str]]:
    """PLOVER type -> its allowed modes."""
    modes: dict[str, set[str]] = {}
    for row in _plover():
        bucket = modes.setdefault(row.event_type, set())
        if row.mode is not None:
            bucket.add(row.mode)
    return {event_type: frozenset(found) for event_type, found in modes.items()}


def plover_rows() -> list[PloverType]:
    """Every row of plover.csv: each type once with mode None, then one row per mode."""
    return list(_plover())


def plover_types() -> list[str]:
    """The PLOVER event type names, in file order."""
    return list(_modes_by_type())


def plover_modes(event_type: str) -> list[str]:
    """The modes PLOVER allows for `event_type` (empty for unknown types or types without modes)."""
    return sorted(_modes_by_type().get(event_type, frozenset()))


def is_valid_mode(event_type: str, mode: str | None) -> bool:
    """True when `mode` is None or one of the modes of `event_type`."""
    modes = _modes_by_type().get(event_type)
    if modes is None:
        return False
    return mode is None or mode in modes


# --------------------------------------------------------------------------- CAMEO


@cache
def _cameo() -> dict[str, CameoCode]:
    """cameo.csv as code -> CameoCode, validated against plover.csv."""
    columns = ("code", "label", "quad_class", "goldstein", "plover_type", "plover_mode")
    table: dict[str, CameoCode] = {}
    modes = _modes_by_type()
    for path, line, cells in _rows(CAMEO_FILE, columns):
        code = cells["code"]
        if not _CAMEO_CODE.match(code):
            raise _problem(path, line, f"code {code!r} is not 2 to 4 digits")
        if code in table:
            raise _problem(path, line, f"duplicate code {code}")
        if not cells["label"]:
            raise _problem(path, line, f"code {code} has no label")
        try:
            quad = int(cells["quad_class"])
        except ValueError:
            raise _problem(path, line, f"quad_class {cells['quad_class']!r} is not 1-4") from None
        if quad not in QUAD_CLASS_NAMES:
            raise _problem(path, line, f"quad_class {quad} is not 1-4")
        try:
            goldstein = float(cells["goldstein"])
        except ValueError:
            raise _problem(
                path, line, f"goldstein {cells['goldstein']!r} is not a number"
            ) from None
        if not -10.0 <= goldstein <= 10.0:
            raise _problem(path, line, f"goldstein {goldstein} is outside [-10, 10]")
        plover_type = cells["plover_type"]
        plover_mode = cells["plover_mode"] or None
        if plover_type not in modes:
            raise _problem(path, line, f"plover_type {plover_type!r} is not in {PLOVER_FILE}")
        if plover_mode is not None and plover_mode not in modes[plover_type]:
            raise _problem(path, line, f"mode {plover_mode!r} is not a mode of {plover_type}")
        table[code] = CameoCode(code, cells["label"], quad, goldstein, plover_type, plover_mode)
    return table


def cameo(code: str) -> CameoCode | None:
    """Look up a CAMEO code ("0211", "195"); unknown codes inherit from their nearest parent.

    A code missing from the table (e.g. "1956") is answered with its 3-digit, then 2-digit
    parent's label, QuadClass, Goldstein score and PLOVER type/mode, keeping the asked code.

    Returns:
        None when the code is not digits or no parent is known either.
    """
    code = code.strip()
    if not _CAMEO_CODE.match(code):
        return None
    table = _cameo()
    if code in table:
        return table[code]
    for length in (3, 2):
        parent = table.get(code[:length]) if len(code) > length else None
        if parent is not None:
            return CameoCode(
                code,
                parent.label,
                parent.quad_class,
                parent.goldstein,
                parent.plover_type,
                parent.plover_mode,
            )
    return None


def all_cameo() -> list[CameoCode]:
    """Every CAMEO code of cameo.csv, in file order."""
    return list(_cameo().values())


# --------------------------------------------------------------------------- ACLED


@cache
def _acled() -> tuple[AcledRule, ...]:
    """acled.csv as ordered rules, validated against plover.csv."""
    columns = (
        "event_type",
        "mode",
        "source_sector",
        "target_sector",
        "cameo_prefix",
        "acled_event_type",
        "acled_sub_event_type",
    )
    rules: list[AcledRule] = []
    modes = _modes_by_type()
    for path, line, cells in _rows(ACLED_FILE, columns):
        event_type = cells["event_type"] or None
        if event_type is not None and event_type not in modes:
            raise _problem(path, line, f"event_type {event_type!r} is not in {PLOVER_FILE}")
        rule_modes = frozenset(_alternatives(cells["mode"]))
        for mode in rule_modes:
            allowed = modes[event_type] if event_type else frozenset().union(*modes.values())
            if mode not in allowed:
                raise _problem(path, line, f"mode {mode!r} is not a mode of {event_type or 'any'}")
        prefixes = tuple(_alternatives(cells["cameo_prefix"]))
        for prefix in prefixes:
            if not prefix.isdigit():
                raise _problem(path, line, f"cameo_prefix {prefix!r} is not digits")
        acled_type = cells["acled_event_type"] or None
        acled_sub = cells["acled_sub_event_type"] or None
        if acled_sub is not None and acled_type is None:
            raise _problem(path, line, "acled_sub_event_type given without acled_event_type")
        rules.append(
            AcledRule(
                line=line,
                event_type=event_type,
                modes=rule_modes,
                source_sectors=frozenset(s.upper() for s in _alternatives(cells["source_sector"])),
                target_sectors=frozenset(s.upper() for s in _alternatives(cells["target_sector"])),
                cameo_prefixes=prefixes,
                acled_event_type=acled_type,
                acled_sub_event_type=acled_sub,
            )
        )
    return tuple(rules)


def acled_rules() -> list[AcledRule]:
    """The PLOVER-to-ACLED rules in file order (first match wins)."""
    return list(_acled())


def _sector_codes(sector: str | None) -> frozenset[str]:
    """Split a sector value ("CVL", "GOVMIL", "MIL|REB", "mil reb") into 3-letter codes."""
    if not sector:
        return frozenset()
    codes: set[str] = set()
    for chunk in re.split(r"[^A-Za-z]+", sector.upper()):
        # Concatenated CAMEO-style codes ("GOVMIL") are read three letters at a time.
        codes.update(chunk[i : i + 3] for i in range(0, len(chunk), 3) if chunk[i : i + 3])
    return frozenset(codes)


def acled_for(
    event_type: str,
    mode: str | None = None,
    source_sector: str | None = None,
    target_sector: str | None = None,
    cameo_code: str | None = None,
) -> tuple[str | None, str | None]:
    """Return the ACLED (event_type, sub_event_type) for a PLOVER event, or (None, None).

    The first matching row of acled.csv decides; a matching row with empty results means
    ACLED would not record the event.
    """
    sources = _sector_codes(source_sector)
    targets = _sector_codes(target_sector)
    code = cameo_code.strip() if cameo_code else None
    for rule in _acled():
        if rule.matches(event_type, mode, sources, targets, code):
            return rule.acled_event_type, rule.acled_sub_event_type
    return None, None


# --------------------------------------------------------------------------- triggers


@cache
def _triggers() -> tuple[Trigger, ...]:
    """triggers.csv as Trigger entries, validated against cameo.csv and plover.csv."""
    columns = ("lemma", "pos", "particle", "cameo_code", "mode", "weight", "note")
    entries: list[Trigger] = []
    seen: dict[tuple[str, str, str | None], int] = {}
    table = _cameo()
    modes = _modes_by_type()
    for path, line, cells in _rows(TRIGGERS_FILE, columns):
        lemma = cells["lemma"]
        pos = cells["pos"]
        particle = cells["particle"] or None
        if not lemma or lemma != lemma.lower() or " " in lemma:
            raise _problem(path, line, f"lemma {lemma!r} must be one lower-case token")
        # A particle of several words is a path down the tree ("to street": a child "to" with
        # a child "street"), so spaces are allowed between lower-case words.
        if particle is not None and (
            particle != particle.lower() or particle != " ".join(particle.split())
        ):
            raise _problem(
                path, line, f"particle {particle!r} must be lower-case words, single-spaced"
            )
        if pos not in TRIGGER_POS:
            raise _problem(
                path, line, f"pos {pos!r} is not one of {', '.join(sorted(TRIGGER_POS))}"
            )
        code = cells["cameo_code"]
        entry = table.get(code)
        if entry is None:
            raise _problem(path, line, f"cameo_code {code!r} is not in {CAMEO_FILE}")
        mode = cells["mode"] or entry.plover_mode
        if mode is not None and mode not in modes[entry.plover_type]:
            raise _problem(path, line, f"mode {mode!r} is not a mode of {entry.plover_type}")
        try:
            weight = float(cells["weight"])
        except ValueError:
            raise _problem(path, line, f"weight {cells['weight']!r} is not a number") from None
        if not 0.0 <= weight <= 1.0:
            raise _problem(path, line, f"weight {weight} is outside [0, 1]")
        key = (lemma, pos, particle)
        if key in seen:
            raise _problem(path, line, f"duplicate of line {seen[key]} ({lemma}/{pos}/{particle})")
        seen[key] = line
        entries.append(Trigger(lemma, pos, particle, code, entry.plover_type, mode, weight))
    return tuple(entries)


def triggers() -> list[Trigger]:
    """Every trigger of triggers.csv, in file order, with PLOVER type/mode resolved."""
    return list(_triggers())


@cache
def _trigger_index() -> dict[tuple[str, str], tuple[Trigger, ...]]:
    """(lemma, pos) -> its triggers, particle entries first (the more specific ones win)."""
    index: dict[tuple[str, str], list[Trigger]] = {}
    for trigger in _triggers():
        index.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    return {
        key: tuple(sorted(found, key=lambda t: (t.particle is None, -t.weight)))
        for key, found in index.items()
    }


def triggers_for(lemma: str, pos: str) -> list[Trigger]:
    """The triggers of one (lemma, pos), entries needing a particle first, then by weight."""
    return list(_trigger_index().get((lemma.lower(), pos), ()))


def clear_cache() -> None:
    """Forget the tables read so far (for tests or after editing the data files)."""
    for loader in (_plover, _modes_by_type, _cameo, _acled, _triggers, _trigger_index):
        loader.cache_clear()
