"""Actor coding: turn a noun phrase into a canonical actor (name, country, PLOVER sector).

The built-in dictionaries are `data/actors.csv` (surface form -> actor) and `data/agents.csv`
(head noun -> sector); their header comments document the code scheme. Users add entries from
CSV, YAML or PETRARCH `.actors`/`.agents` files:

    >>> actors = ActorDictionary.default().load_file("my_actors.yaml")
    >>> actors.code_span(doc[0:2])
    ActorCode(name='Egypt police', country='EGY', sector='COP', text='Egyptian police')

This module is the store (rows, surface forms, agent rules, lookups and the phrase matcher);
`coder` codes a phrase with it, and one `read_*` module reads each dictionary format.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ..errors import DictionaryError
from . import coder
from .entries import (
    NONSTATE_CODES,
    ActorCode,
    ActorEntry,
    AgentRule,
    Match,
    norm,
)
from .read_csv import is_agent_csv, looks_like_csv, read_actor_csv, read_agent_csv
from .read_petrarch import is_agents_text, looks_like_petrarch, read_petrarch
from .read_yaml import read_yaml

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

__all__ = ["ActorDictionary", "code_span", "country_of"]


def _variants(entry: ActorEntry) -> set[str]:
    """Spellings of one pattern that should match too: hyphen as space, demonym plurals."""
    base = entry.pattern
    out = {base}
    if "-" in base:
        out.add(" ".join(base.replace("-", " ").split()))
    if entry.kind == "demonym" and base.endswith(("an", "i", "o")):
        out |= {form + "s" for form in list(out)}
    return out


class ActorDictionary:
    """Surface forms and head-noun rules that code noun phrases as actors.

    Instances are immutable: `load_file` and `extend` return a new dictionary, so the cached
    `default()` can be shared between threads and engines.
    """

    def __init__(
        self, entries: Iterable[ActorEntry] = (), agents: Iterable[AgentRule] = ()
    ) -> None:
        """Build from rows; a later row with the same pattern or head replaces an earlier one."""
        self._entries: dict[str, ActorEntry] = {}
        for entry in entries:
            self._entries[entry.pattern] = entry
        self._agents: dict[str, AgentRule] = {rule.head: rule for rule in agents}
        self._index: dict[str, ActorEntry] = {}
        for entry in self._entries.values():
            for variant in _variants(entry):
                # A variant never hides a pattern somebody wrote down explicitly.
                if variant == entry.pattern or variant not in self._entries:
                    self._index[variant] = entry
        self._agent_len = max((len(head.split()) for head in self._agents), default=1)
        self._dated: dict[str, ActorEntry] = {e.name: e for e in self._entries.values() if e.dated}
        self._matchers: dict[int, tuple[Vocab, PhraseMatcher, dict[int, ActorEntry]]] = {}
        self._lock = threading.Lock()

    # ----------------------------------------------------------------- construction

    _default: ClassVar[ActorDictionary | None] = None
    _default_lock: ClassVar[threading.Lock] = threading.Lock()

    def is_default(self) -> bool:
        """Whether this is the built-in dictionary itself (`default()`), not one with user files."""
        return self is type(self)._default

    @classmethod
    def default(cls) -> ActorDictionary:
        """The built-in dictionary (data/actors.csv and data/agents.csv), loaded once."""
        with cls._default_lock:
            if cls._default is None:
                data = resources.files("newsevents.core.data")
                actors = data.joinpath("actors.csv")
                agents = data.joinpath("agents.csv")
                entries = read_actor_csv(str(actors), actors.read_text(encoding="utf-8"), 0)
                rules = read_agent_csv(str(agents), agents.read_text(encoding="utf-8"))
                cls._default = cls(entries, rules)
            return cls._default

    @classmethod
    def from_files(cls, *paths: str | Path, builtin: bool = True) -> ActorDictionary:
        """The built-in dictionary plus user files, later files taking precedence.

        With `builtin` false the files replace the built-in dictionary: only their entries
        and agent rules code actors (as a PETRARCH dictionary is used on its own).
        """
        result = cls.default() if builtin else cls()
        for path in paths:
            result = result.load_file(path)
        return result

    def load_file(self, path: str | Path) -> ActorDictionary:
        """Return a new dictionary with the entries of a user file on top of this one.

        Formats, by extension: `.csv` (header `pattern,name,country,sector,kind`, or
        `head,sector,note` for agent rules), `.yaml`/`.yml`, PETRARCH `.actors`/`.agents`,
        and `.txt` when its lines look like a PETRARCH dictionary. PETRARCH codes split into
        3-letter blocks: `EGYGOV` -> EGY/GOV, `IGOUNO` -> IGO/IGO, `NGO...` -> NGO/NGO,
        `IMG...` -> IMG/REB, `---GOV` -> no country/GOV, `~MIL` -> agent rule MIL; of
        date-restricted codes the one of the article's date applies (`on_date`), the most
        recent one when the date is not known. Agent nouns match in both numbers.

        Raises:
            DictionaryError: the file is missing, unreadable or malformed; the message names
                the line and the fix.
        """
        entries, rules = read_user_file(Path(path))
        return self.extend(ActorDictionary(entries, rules))

    def extend(self, other: ActorDictionary) -> ActorDictionary:
        """Return a new dictionary holding both; `other`'s entries take precedence."""
        boosted = [replace(e, priority=e.priority + 1) for e in other._entries.values()]
        return ActorDictionary(
            itertools.chain(self._entries.values(), boosted),
            itertools.chain(self._agents.values(), other._agents.values()),
        )

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> Iterator[ActorEntry]:
        """Every row, one per pattern."""
        return iter(self._entries.values())

    def agent_rules(self) -> Iterator[AgentRule]:
        """Every head-noun rule."""
        return iter(self._agents.values())

    # ----------------------------------------------------------------- lookups

    def lookup(self, text: str) -> ActorEntry | None:
        """The entry whose surface form is exactly `text` (case, "the" and "'s" ignored)."""
        key = norm(text)
        if key.endswith("'s"):
            key = key[:-2].rstrip()
        return self._index.get(key)

    def country_of(self, text: str) -> str | None:
        """ISO alpha-3 code of a country name, demonym, capital or country-bound actor."""
        entry = self.lookup(text)
        if entry is None or entry.country in NONSTATE_CODES:
            return None
        return entry.country

    def agent_sector(self, head: str) -> str | None:
        """Sector of a head noun or short phrase ("troops", "air force"), if it is an agent."""
        rule = self._agents.get(norm(head))
        return rule.sector if rule else None

    def on_date(self, code: ActorCode | None, day: date | None) -> ActorCode | None:
        """`code` as its dictionary entry codes it on `day` (PETRARCH date-restricted codes:
        "Zimbabwe" is RHO before 1979-06-06); unchanged without a date or a dated entry.

        A sector that came from the phrase's head noun ("Gondor police") stays.
        """
        if code is None or day is None or not self._dated:
            return code
        entry = self._dated.get(code.name)
        if entry is None:
            entry = next(
                (e for name, e in self._dated.items() if code.name.startswith(name + " ")), None
            )
        if entry is None or code.country != entry.country:
            return code
        when = day.year * 10000 + day.month * 100 + day.day
        for first, last, country, sector in entry.dated:
            if first <= when <= last:
                own = code.sector is None or code.sector == entry.sector
                return replace(code, country=country, sector=sector if own else code.sector)
        return code

    # ----------------------------------------------------------------- coding

    def code_span(self, span: Span) -> ActorCode | None:
        """Code a noun phrase; None only for an empty span or a bare pronoun (see `coder.code`).

        Codes are remembered per Doc (in `user_data`, under ACTOR_MEMO): the engine asks for
        the same phrase several times (as an actor, for pronouns, for short names).
        """
        return coder.code_span(self, span)

    def names_actor(self, span: Span, word: Token) -> bool:
        """Whether the dictionary phrase that best names the actor of `span` covers `word`
        ("Fridays" of "Fridays for Future activists", not "years" of "Libya's five years")."""
        return coder.names_actor(self, span, word)

    # ----------------------------------------------------------------- what the coder asks

    @property
    def agent_words(self) -> int:
        """The most words of any agent rule's head ("air force" is 2)."""
        return self._agent_len

    def agent_rule(self, key: str) -> AgentRule | None:
        """The rule for a normalised head noun or phrase, if there is one."""
        return self._agents.get(key)

    def matches(self, span: Span) -> list[Match]:
        """The plausible dictionary phrases in `span`, in the matcher's order."""
        _, matcher, by_key = self._matcher_for(span.doc.vocab)
        found: list[Match] = []
        for key, start, end in matcher(span):
            entry = by_key[key]
            if _plausible(span.doc[start:end], entry):
                found.append(Match(entry, start, end))
        return found

    def _matcher_for(self, vocab: Vocab) -> tuple[Vocab, PhraseMatcher, dict[int, ActorEntry]]:
        """The PhraseMatcher for one vocab, built on first use (the vocab is kept alive)."""
        cached = self._matchers.get(id(vocab))
        if cached is not None and cached[0] is vocab:
            return cached
        with self._lock:
            cached = self._matchers.get(id(vocab))
            if cached is not None and cached[0] is vocab:
                return cached
            built = self._build_matcher(vocab)
            self._matchers[id(vocab)] = built
            return built

    def _build_matcher(self, vocab: Vocab) -> tuple[Vocab, PhraseMatcher, dict[int, ActorEntry]]:
        """A PhraseMatcher of every surface form, and the entry of each match key."""
        from spacy.lang.en import English
        from spacy.matcher import PhraseMatcher

        tokenizer = English(vocab=vocab).tokenizer
        matcher = PhraseMatcher(vocab, attr="LOWER")
        by_key: dict[int, ActorEntry] = {}
        ids: dict[str, str] = {}
        for pattern, entry in self._index.items():
            key = ids.setdefault(entry.pattern, f"newsevents.actor:{entry.pattern}")
            by_key[vocab.strings.add(key)] = entry
            # Tokenizer exceptions are case-sensitive ("U.S." is one token, "u.s." two), so
            # every pattern is tokenized as written in lower, Title and UPPER case.
            docs: dict[tuple[str, ...], Doc] = {}
            for form in {pattern, pattern.title(), pattern.upper()}:
                doc = tokenizer(form)
                docs.setdefault(tuple(t.lower_ for t in doc), doc)
            matcher.add(key, list(docs.values()))
        return vocab, matcher, by_key


def _plausible(tokens: Span, entry: ActorEntry) -> bool:
    """Reject matches that are ordinary words: "us", "is", "who", "gallant" in lowercase."""
    text = tokens.text
    if not any(c.isupper() for c in text):
        return False
    # Short acronyms must be written in capitals ("US", "IS", "WHO"), except names ("Xi").
    if len(tokens) == 1 and text.isalpha() and len(text) <= 3 and entry.kind != "person":
        return text.isupper()
    return True


# --------------------------------------------------------------------- module helpers


def code_span(span: Span) -> ActorCode | None:
    """Code a noun phrase with the built-in dictionary (see `ActorDictionary.code_span`)."""
    return ActorDictionary.default().code_span(span)


def country_of(text: str) -> str | None:
    """ISO alpha-3 code of a country name, demonym or capital with the built-in dictionary."""
    return ActorDictionary.default().country_of(text)


# --------------------------------------------------------------------- user files


# What a user file reads as: entries and agent rules.
Read = tuple[list[ActorEntry], list[AgentRule]]


def read_user_file(path: Path) -> Read:
    """Read one user dictionary, choosing the reader by extension (and content for .txt).

    Raises:
        DictionaryError: the file cannot be read, is malformed, or has no known format.
    """
    name = str(path)
    text = _read_text(path)
    suffix = path.suffix.lower()
    for reader in _READERS:
        read = reader(name, suffix, text)
        if read is not None:
            return read
    if suffix == ".txt":
        problem = "lines look neither like a PETRARCH dictionary (EGYPT_ [EGY]) nor like CSV"
    else:
        problem = f"unknown dictionary format '{suffix or path.name}'"
    raise DictionaryError(
        name,
        f"{problem}; use .csv (columns pattern,name,country,sector,kind), .yaml/.yml, "
        "or PETRARCH .actors/.agents",
    )


def _as_csv(name: str, suffix: str, text: str) -> Read | None:
    """A `.csv`, or a `.txt` whose first line is a CSV header: `pattern,name,country,...`."""
    if not (suffix == ".csv" or (suffix == ".txt" and looks_like_csv(text))):
        return None
    if is_agent_csv(text):
        return [], read_agent_csv(name, text)
    return read_actor_csv(name, text, 1), []


def _as_yaml(name: str, suffix: str, text: str) -> Read | None:
    """A `.yaml` or `.yml` file: `- {pattern: gondor, name: Gondor, country: GON}`."""
    if suffix not in (".yaml", ".yml"):
        return None
    return read_yaml(name, text), []


def _as_petrarch(name: str, suffix: str, text: str) -> Read | None:
    """A PETRARCH `.actors`/`.agents` file, or a `.txt` with lines like `EGYPT_ [EGY]`."""
    if not (suffix in (".actors", ".agents") or (suffix == ".txt" and looks_like_petrarch(text))):
        return None
    agents = suffix == ".agents" or (suffix == ".txt" and is_agents_text(text))
    return read_petrarch(name, text, agents=agents)


# The dictionary formats in order of precedence: a `.txt` with a CSV header is CSV.
_READERS: tuple[Callable[[str, str, str], Read | None], ...] = (_as_csv, _as_yaml, _as_petrarch)


def _read_text(path: Path) -> str:
    """The text of a user dictionary; OS and encoding errors name the file and the fix."""
    name = str(path)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DictionaryError(name, "file not found; check the path") from None
    except IsADirectoryError:
        raise DictionaryError(name, "is a folder; name a dictionary file") from None
    except UnicodeDecodeError:
        raise DictionaryError(name, "is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise DictionaryError(name, f"cannot be read ({exc.strerror}); check it") from None
