"""The rows of an actor dictionary, the codes they may hold, and the checks every reader shares.

An `ActorEntry` is a surface form and the actor it names; an `AgentRule` a head noun and its
sector; an `ActorCode` the result of coding a phrase of an article. The readers (`read_csv`,
`read_yaml`, `read_petrarch`) build entries through `row_entry`, so a row is checked the same
way whatever the file format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import DictionaryError

# Codes allowed in the country field besides ISO 3166 alpha-3 (see data/actors.csv header).
NONSTATE_CODES = frozenset({"IGO", "NGO", "IMG"})
# PLOVER sectors plus the CAMEO agent codes PETRARCH dictionaries use.
SECTOR_CODES = frozenset(
    "GOV MIL COP REB UAF OPP PTY CVL REL JUD LEG MED BUS IGO NGO EDU HLH REF LAB CRM "
    "SPY ELI AGR ENV HRI DEV MOD RAD".split()
)
# CAMEO religion codes; PETRARCH does not separate believers from clergy, so all become REL.
RELIGION_CODES = frozenset(
    "CHR CTH ORT PRO MOS MUS SUN SHI ALE DRZ JEW BUD HIN SIK JAN ZRO BAH CON SHN JAI ITR".split()
)
# Kinds whose rows stand for a whole country or organisation: an agent head noun refines them.
CONTAINER_KINDS = frozenset({"country", "region", "demonym", "capital", "igo"})
KINDS = CONTAINER_KINDS | frozenset({"ngo", "group", "body", "party", "media", "person"})
ARMED_SECTORS = frozenset({"REB", "UAF", "MIL"})

_CODE_RE = re.compile(r"^[A-Z]{3}$")

# A span of days (YYYYMMDD integers, inclusive) and the country and sector coded in it.
DatedCode = tuple[int, int, str | None, str | None]


@dataclass(frozen=True)
class ActorCode:
    """A coded actor: canonical `name`, ISO alpha-3 (or IGO/NGO/IMG) `country`, PLOVER `sector`.

    `text` is the noun phrase exactly as written in the article.
    """

    name: str
    country: str | None
    sector: str | None
    text: str


@dataclass(frozen=True)
class ActorEntry:
    """One dictionary row: a lowercase surface form and the actor it names."""

    pattern: str
    name: str
    country: str | None
    sector: str | None
    kind: str
    priority: int = 0  # user entries outrank built-in ones when two matches tie
    # PETRARCH date-restricted codes: (first day, last day, country, sector), days as
    # YYYYMMDD integers, in dictionary order; the first span holding the article's date wins.
    dated: tuple[DatedCode, ...] = ()


@dataclass(frozen=True)
class AgentRule:
    """A head-noun rule; `defer` marks relational heads such as "spokesman" or "chief"."""

    head: str
    sector: str | None
    defer: bool = False


@dataclass(frozen=True)
class Match:
    """A dictionary phrase found in a span: the entry and its tokens `start`..`end`."""

    entry: ActorEntry
    start: int
    end: int


def norm(text: str) -> str:
    """Lowercase, collapse spaces and drop a leading "the": the key of a surface form."""
    key = " ".join(text.lower().replace("\u2019", "'").split())
    if key.startswith("the ") and len(key) > 4:
        key = key[4:]
    return key


def valid_code(value: str, what: str, number: int, name: str) -> str | None:
    """Validate an optional 3-letter code; errors say where and what to write instead."""
    value = value.strip().upper()
    if not value:
        return None
    if not _CODE_RE.match(value):
        if what == "country":
            fix = "use an ISO 3166 alpha-3 code such as EGY, or IGO, NGO or IMG"
        else:
            fix = "use a PLOVER sector such as GOV, MIL, COP or REB"
        raise DictionaryError(
            name, f"line {number}: {what} '{value}' is not a 3-letter code; {fix}"
        )
    return value


def row_entry(
    name: str,
    number: int,
    pattern: str,
    actor: str,
    country: str,
    sector: str,
    kind: str,
    priority: int,
) -> ActorEntry:
    """Validate one actor row and build the entry."""
    key = norm(pattern)
    if not key:
        raise DictionaryError(
            name, f"line {number}: empty pattern; write the surface form or delete the row"
        )
    country_code = valid_code(country, "country", number, name)
    sector_code = valid_code(sector, "sector", number, name)
    kind = kind.strip().lower()
    if not kind:
        # A row with no sector names a place-like actor; with one, a named actor.
        kind = "country" if sector_code is None else "body"
    if kind not in KINDS:
        raise DictionaryError(
            name,
            f"line {number}: kind '{kind}' is unknown; use one of {', '.join(sorted(KINDS))}",
        )
    return ActorEntry(
        key, actor.strip() or pattern.strip(), country_code, sector_code, kind, priority
    )
