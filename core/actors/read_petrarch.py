"""PETRARCH dictionaries: `.actors` and `.agents` files (and `.txt` files that look like them).

A line is a phrase and its codes, `EGYPT_ [EGY]`; `+` lines and bare phrases before the first
code are synonyms of the entry above, `[CODE]` lines more codes for it, `!MACRO! = a, b`
defines a macro and `{PLURAL}` adds a form. Codes split into 3-letter blocks (see
`ActorDictionary.load_file`); date-restricted codes become `ActorEntry.dated`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..errors import DictionaryError
from .entries import (
    RELIGION_CODES,
    SECTOR_CODES,
    ActorEntry,
    AgentRule,
    DatedCode,
    norm,
)
from .read_csv import data_lines

_CODE_RE = re.compile(r"\[([^\]}]*)[\]}]")
_PLURAL_RE = re.compile(r"\{([^}]*)\}")
_MACRO_RE = re.compile(r"!([A-Za-z]+)!")
_MACRO_LINE_RE = re.compile(r"^!([A-Za-z]+)!\s*=\s*(.+)$")
_LINE_RE = re.compile(r"^\s*(\+|\[|[^\s#<].*\[[^\]]*[\]}])")
_DATE_RE = re.compile(r"\d{6,8}")
_OPEN_END = 99999999


def looks_like_petrarch(text: str) -> bool:
    """Whether one of the first 50 data lines looks like a PETRARCH line (`EGYPT_ [EGY]`)."""
    return any(_LINE_RE.match(line) for _, line in itertools.islice(data_lines(text), 50))


def is_agents_text(text: str) -> bool:
    """Whether a `.txt` PETRARCH dictionary holds agents (`[~GOV]` codes)."""
    return "[~" in text


# --------------------------------------------------------------------- codes


def _petrarch_date(value: str) -> int:
    """YYMMDD or YYYYMMDD as YYYYMMDD; two-digit years above 50 are 19xx."""
    if len(value) == 6:
        year = int(value[:2])
        return (1900 + year if year > 50 else 2000 + year) * 10000 + int(value[2:])
    return int(value)


def _pick_code(codes: list[str]) -> str:
    """The code that applies now: open-ended ("> date", "-999999"), else undated, else latest."""
    open_ended: str | None = None
    undated: str | None = None
    latest: tuple[int, str] | None = None
    for code in codes:
        parts = code.split(None, 1)
        if not parts:
            continue
        rest = parts[1] if len(parts) > 1 else ""
        dates = [_petrarch_date(d) for d in _DATE_RE.findall(rest)]
        if not dates:
            undated = parts[0]
        elif ">" in rest or rest.rstrip().endswith("999999"):
            open_ended = parts[0]
        elif latest is None or max(dates) >= latest[0]:
            latest = (max(dates), parts[0])
    return open_ended or undated or (latest[1] if latest else "")


def _dated_spans(codes: list[str], *, agent: bool) -> tuple[DatedCode, ...]:
    """The date-restricted codes of one entry as (first day, last day, country, sector).

    `CODE <YYYYMMDD` holds before the day, `CODE >YYYYMMDD` after it, `CODE D1-D2` from D1 to
    D2 inclusive; an undated code is the default and comes last, whatever its place.
    """
    spans: list[DatedCode] = []
    default: DatedCode | None = None
    for code in codes:
        parts = code.split(None, 1)
        if not parts:
            continue
        rest = parts[1] if len(parts) > 1 else ""
        country, sector = split_code(parts[0], agent=agent)
        days = [_OPEN_END if set(d) == {"9"} else _petrarch_date(d) for d in _DATE_RE.findall(rest)]
        if not days:
            default = (0, _OPEN_END, country, sector)
        elif "<" in rest:
            spans.append((0, days[0] - 1, country, sector))
        elif ">" in rest:
            spans.append((days[0] + 1, _OPEN_END, country, sector))
        else:
            spans.append((days[0], days[-1], country, sector))
    if not spans:
        return ()
    return (*spans, default) if default else tuple(spans)


def split_code(code: str, *, agent: bool) -> tuple[str | None, str | None]:
    """PETRARCH actor code -> (country, sector); see `ActorDictionary.load_file`."""
    code = code.strip().upper().split("/")[0].replace("~", "")
    if code in ("", "+++", "---"):
        return None, None
    country: str | None = None
    if code.startswith("---"):
        code = code[3:]
        agent = True
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]

    def sector_of(block: str) -> str | None:
        if block in SECTOR_CODES:
            return block
        return "REL" if block in RELIGION_CODES else None

    if agent:
        return None, next((s for b in blocks if (s := sector_of(b))), blocks[0] or None)
    first = blocks[0]
    if first in ("IGO", "NGO", "NGM", "IMG"):
        country = "NGO" if first == "NGM" else first
        default = {"IGO": "IGO", "IMG": "REB"}.get(country, "NGO")
        second = blocks[1] if len(blocks) > 1 else ""
        return country, second if second in SECTOR_CODES else default
    if first in SECTOR_CODES:
        return None, first
    return first, next((s for b in blocks[1:] if (s := sector_of(b))), None)


# --------------------------------------------------------------------- phrases


# The other number of a noun, one rule per ending; the first rule that knows the ending
# decides, so the order is the precedence ("policemen" is -men before it is -s).
def _men_to_man(last: str) -> str | None:
    """-men is the plural of -man: "coastguardsmen" -> "coastguardsman"."""
    return last[:-3] + "man" if last.endswith("men") else None


def _man_to_men(last: str) -> str | None:
    """-man has its plural in -men: "coastguardsman" -> "coastguardsmen"."""
    return last[:-3] + "men" if last.endswith("man") else None


def _ies_to_y(last: str) -> str | None:
    """-ies is the plural of -y: "bodies" -> "body" (not "ties", too short to tell)."""
    return last[:-3] + "y" if last.endswith("ies") and len(last) > 4 else None


def _drop_es(last: str) -> str | None:
    """-es after a hissing sound is a plural ending: "congresses" -> "congress"."""
    return last[:-2] if last.endswith(("sses", "ches", "shes", "xes")) else None


def _drop_s(last: str) -> str | None:
    """Another -s is a plural ending: "officials" -> "official" (not "census", "crisis")."""
    if last.endswith("s") and not last.endswith(("ss", "us", "is")):
        return last[:-1]
    return None


def _y_to_ies(last: str) -> str | None:
    """-y after a consonant has its plural in -ies: "body" -> "bodies" (not "attorney")."""
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        return last[:-1] + "ies"
    return None


def _add_es(last: str) -> str | None:
    """A hissing ending takes -es: "church" -> "churches"."""
    return last + "es" if last.endswith(("s", "x", "ch", "sh")) else None


def _add_s(last: str) -> str | None:
    """Any other word takes -s: "official" -> "officials"."""
    return last + "s" if last[-1:].isalpha() else None


_NUMBER_RULES: tuple[Callable[[str], str | None], ...] = (
    _men_to_man,
    _man_to_men,
    _ies_to_y,
    _drop_es,
    _drop_s,
    _y_to_ies,
    _add_es,
    _add_s,
)


def _number_forms(pattern: str) -> list[str]:
    """The other number of a phrase's last word: "congress" -> "congresses", "security
    officials" -> "security official", "policy" -> "policies", "man" -> "men"."""
    *rest, last = pattern.split(" ")
    for rule in _NUMBER_RULES:
        form = rule(last)
        if form is not None:
            return [" ".join([*rest, form])]
    return []


def _petrarch_patterns(raw: str, macros: dict[str, list[str]]) -> list[str]:
    """Surface forms of one PETRARCH phrase: `_` is a space, `!MACRO!` expands."""
    text = raw.strip()
    forms = [text]
    for macro in _MACRO_RE.findall(text):
        options = macros.get(macro.upper(), [macro])
        forms = [f.replace(f"!{macro}!", o, 1) for f in forms for o in options]
    out = []
    for form in forms:
        key = norm(form.replace("_", " "))
        if key:
            out.append(key)
    return out


# --------------------------------------------------------------------- lines and entries


@dataclass
class _Group:
    """One entry being read: its first line, its surface forms and its codes so far."""

    line: int
    patterns: list[str]
    codes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    """One phrase-or-code line: its number, text, codes in brackets and surface forms."""

    number: int
    text: str
    codes: list[str]
    phrase: str
    patterns: list[str]


def _content_lines(name: str, text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines without comments, blanks and `<<< >>>` / `<TAG>` section markers.

    Raises:
        DictionaryError: a line opens a code bracket it does not close.
    """
    for number, raw in enumerate(_strip_xml_comments(text).splitlines(), start=1):
        stripped = raw.split("#", 1)[0].rstrip().strip()
        if not stripped or stripped.startswith(("<", ">")):
            continue  # blank, comment, or a <<< >>> / <TAG> section marker
        if stripped.count("[") != len(_CODE_RE.findall(stripped)):
            raise DictionaryError(
                name, f"line {number}: '[' without a closing ']'; close the code bracket"
            )
        yield number, stripped


def _strip_xml_comments(text: str) -> str:
    """Blank out `<!-- -->` comments (possibly multi-line) but keep the line count."""

    def blank(m: re.Match[str]) -> str:
        return "\n" * m.group(0).count("\n")

    return re.sub(r"<!\s*--.*?-->", blank, text, flags=re.DOTALL)


def _parse_line(number: int, text: str, macros: dict[str, list[str]]) -> _Line:
    """Split a line into its codes and its surface forms (plural forms in braces included)."""
    codes = _CODE_RE.findall(text)
    phrase = _CODE_RE.sub(" ", text)
    plurals = _PLURAL_RE.findall(phrase)
    phrase = _PLURAL_RE.sub(" ", phrase).strip()
    patterns = _petrarch_patterns(phrase.lstrip("+"), macros)
    for plural in plurals:
        patterns += _petrarch_patterns(plural, macros)
    return _Line(number, text, codes, phrase, patterns)


# What one line adds to the entries read so far. Each rule returns True when the line is
# its case; the order is the precedence and the last rule takes any line.
_LineRule = Callable[[str, _Line, list[_Group]], bool]


def _more_codes(name: str, line: _Line, groups: list[_Group]) -> bool:
    """A line of codes only adds them to the entry above: `[EGY >790606]`."""
    if not line.text.startswith("["):
        return False
    if not groups:
        raise DictionaryError(
            name, f"line {line.number}: a code before any entry; put the phrase first"
        )
    groups[-1].codes.extend(line.codes)
    return True


def _plus_synonym(name: str, line: _Line, groups: list[_Group]) -> bool:
    """A `+` line is another form of the entry above: `+ARAB_REPUBLIC_OF_EGYPT_`."""
    if not line.phrase.startswith("+"):
        return False
    if not groups:
        raise DictionaryError(
            name, f"line {line.number}: a '+' synonym before any entry; put the entry first"
        )
    groups[-1].patterns.extend(line.patterns)
    groups[-1].codes.extend(line.codes)
    return True


def _uncoded_synonym(name: str, line: _Line, groups: list[_Group]) -> bool:
    """A phrase after an entry with no code yet is its synonym: `EGYPT_` then `MISR_ [EGY]`."""
    if not groups or groups[-1].codes:
        return False
    # No code yet: PETRARCH reads a bare phrase followed by more phrases as synonyms.
    groups[-1].patterns.extend(line.patterns)
    groups[-1].codes.extend(line.codes)
    return True


def _new_entry(name: str, line: _Line, groups: list[_Group]) -> bool:
    """Any other phrase starts an entry: `EGYPT_ [EGY]`."""
    groups.append(_Group(line.number, line.patterns, list(line.codes)))
    return True


_LINE_RULES: tuple[_LineRule, ...] = (_more_codes, _plus_synonym, _uncoded_synonym, _new_entry)


def _read_groups(name: str, text: str) -> list[_Group]:
    """The entries of a PETRARCH file as groups of surface forms and codes, in file order.

    Raises:
        DictionaryError: no entries, an entry without a code, or a misplaced line.
    """
    macros: dict[str, list[str]] = {}
    groups: list[_Group] = []
    for number, stripped in _content_lines(name, text):
        macro = _MACRO_LINE_RE.match(stripped)
        if macro:
            macros[macro.group(1).upper()] = [o.strip() for o in macro.group(2).split(",")]
            continue
        line = _parse_line(number, stripped, macros)
        for rule in _LINE_RULES:
            if rule(name, line, groups):
                break
    if not groups:
        raise DictionaryError(name, "line 1: no entries found; write lines like EGYPT_ [EGY]")
    last = groups[-1]
    if not last.codes:
        raise DictionaryError(
            name,
            f"line {last.line}: entry '{last.patterns[0] if last.patterns else ''}' has no code; "
            "add one in brackets such as [EGY] or [~GOV]",
        )
    return groups


def _kind(country: str | None, sector: str | None) -> str:
    """The kind of an actor entry from its code: IGO, NGO, armed group, country or body."""
    if country in ("IGO", "NGO"):
        return country.lower()
    if country == "IMG":
        return "group"
    return "country" if sector is None else "body"


def _agent_rules(patterns: list[str], sector: str | None) -> list[AgentRule]:
    """Agent rules for the forms of one `.agents` entry, in both numbers."""
    # PETRARCH forms the plurals of agent nouns itself ("Congresses"); the finder
    # tries the lemma first, so the singular of a plural pattern is written too.
    forms = [f for p in patterns for f in (p, *_number_forms(p))]
    return [AgentRule(f, sector) for f in dict.fromkeys(forms)]


def read_petrarch(
    name: str, text: str, *, agents: bool
) -> tuple[list[ActorEntry], list[AgentRule]]:
    """Entries of a PETRARCH `.actors` or `.agents` dictionary."""
    entries: list[ActorEntry] = []
    rules: list[AgentRule] = []
    for group in _read_groups(name, text):
        patterns, codes = group.patterns, group.codes
        if not patterns:
            continue
        country, sector = split_code(_pick_code(codes), agent=agents)
        dated = _dated_spans(codes, agent=agents)
        if agents:
            rules.extend(_agent_rules(patterns, sector))
            continue
        kind = _kind(country, sector)
        actor = patterns[0].title()
        entries.extend(
            ActorEntry(p, actor, country, sector, kind, 1, dated=dated) for p in patterns
        )
    return entries, rules
