"""Actor coding: turn a noun phrase into a canonical actor (name, country, PLOVER sector).

The built-in dictionaries are `data/actors.csv` (surface form -> actor) and `data/agents.csv`
(head noun -> sector); their header comments document the code scheme. Users add entries from
CSV, YAML or PETRARCH `.actors`/`.agents` files:

    >>> actors = ActorDictionary.default().load_file("my_actors.yaml")
    >>> actors.code_span(doc[0:2])
    ActorCode(name='Egypt police', country='EGY', sector='COP', text='Egyptian police')
"""

from __future__ import annotations

import csv
import itertools
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import DictionaryError

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span, Token
    from spacy.vocab import Vocab

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
ACTOR_COLUMNS = ("pattern", "name", "country", "sector", "kind")
AGENT_COLUMNS = ("head", "sector", "note")

_CODE_RE = re.compile(r"^[A-Z]{3}$")
_PETRARCH_CODE_RE = re.compile(r"\[([^\]}]*)[\]}]")
_PETRARCH_PLURAL_RE = re.compile(r"\{([^}]*)\}")
_PETRARCH_MACRO_RE = re.compile(r"!([A-Za-z]+)!")
_PETRARCH_LINE_RE = re.compile(r"^\s*(\+|\[|[^\s#<].*\[[^\]]*[\]}])")
_DATE_RE = re.compile(r"\d{6,8}")
# Key of the per-Doc memo of coded phrases in `Doc.user_data` (strings only: no cycles).
ACTOR_MEMO = "newsevents.actor_codes"
_DEP_LIMIT = 12  # deeper attachments than this are parser noise for an actor phrase


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
    dated: tuple[tuple[int, int, str | None, str | None], ...] = ()


@dataclass(frozen=True)
class AgentRule:
    """A head-noun rule; `defer` marks relational heads such as "spokesman" or "chief"."""

    head: str
    sector: str | None
    defer: bool = False


@dataclass(frozen=True)
class _Match:
    entry: ActorEntry
    start: int
    end: int


def _norm(text: str) -> str:
    """Lowercase, collapse spaces and drop a leading "the": the key of a surface form."""
    key = " ".join(text.lower().replace("\u2019", "'").split())
    if key.startswith("the ") and len(key) > 4:
        key = key[4:]
    return key


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

    @classmethod
    def default(cls) -> ActorDictionary:
        """The built-in dictionary (data/actors.csv and data/agents.csv), loaded once."""
        with cls._default_lock:
            if cls._default is None:
                data = resources.files("newsevents.core.data")
                actors = data.joinpath("actors.csv")
                agents = data.joinpath("agents.csv")
                entries = _read_actor_csv(str(actors), actors.read_text(encoding="utf-8"), 0)
                rules = _read_agent_csv(str(agents), agents.read_text(encoding="utf-8"))
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
        entries, rules = _read_user_file(Path(path))
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
        key = _norm(text)
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
        rule = self._agents.get(_norm(head))
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
        """Code a noun phrase; None only for an empty span or a bare pronoun (see `_code`).

        Codes are remembered per Doc (in `user_data`, under ACTOR_MEMO): the engine asks for
        the same phrase several times (as an actor, for pronouns, for short names).
        """
        memo: dict[tuple[int, int, int], ActorCode | None] = span.doc.user_data.setdefault(
            ACTOR_MEMO, {}
        )
        key = (id(self), span.start, span.end)
        if key not in memo:
            memo[key] = self._code(span)
        return memo[key]

    def names_actor(self, span: Span, word: Token) -> bool:
        """Whether the dictionary phrase that best names the actor of `span` covers `word`
        ("Fridays" of "Fridays for Future activists", not "years" of "Libya's five years")."""
        match = self._best_match(span)
        return match is not None and match.start <= word.i < match.end

    def _code(self, span: Span) -> ActorCode | None:
        """Code a noun phrase; None only for an empty span or a bare pronoun.

        The actor is the dictionary phrase closest to the head in the dependency tree (the
        head itself, then its direct modifiers such as "Egyptian" or "Libya's", then deeper
        ones), longest first. The sector comes from the head noun through the agent rules
        (lemma, also "air force"-style compounds; for "X of Y" with a non-agent X, from Y),
        else from the dictionary row. Naming:
          * a named actor (person, group, body, party, media, NGO) keeps its canonical name:
            "the air force loyal to Libya's Khalifa Haftar" -> Khalifa Haftar, LBY, MIL;
          * a country, demonym, capital, region or IGO with an agent head gives the
            canonical name plus the head words: "Egyptian riot police" -> "Egypt riot
            police", EGY, COP; without an agent head just the canonical name;
          * no dictionary phrase: the phrase up to its head without determiners and numbers
            ("three masked gunmen" -> "masked gunmen"), country None.
        """
        content = [t for t in span if not (t.is_punct or t.is_space or t.pos_ == "DET")]
        if not content:
            return None
        match = self._best_match(span)
        if match is None and all(t.pos_ == "PRON" for t in content):
            return None
        asked: dict[int, AgentRule | None] = {}
        head = _effective_head(span, self, match, asked)
        rule = asked[head.i] if head.i in asked else self._agent_at(span, head, match)
        sector = rule.sector if rule else None
        deferred = rule is not None and rule.defer
        if rule is None or rule.defer:
            modifier = self._modifier_agent(span, head, match)
            if modifier is not None:
                sector, deferred = modifier.sector, False
        text = span.text
        if match is None:
            return ActorCode(_plain_name(span, head), None, sector, text)
        entry = match.entry
        if match.start <= head.i < match.end or sector is None:
            return ActorCode(entry.name, entry.country, entry.sector or sector, text)
        if entry.kind in CONTAINER_KINDS:
            if deferred and entry.sector:
                sector = entry.sector
            words = _head_words(span, head, match)
            name = f"{entry.name} {words}" if words else entry.name
            return ActorCode(name, entry.country, sector, text)
        if deferred or (sector in ARMED_SECTORS and entry.sector in ARMED_SECTORS):
            sector = entry.sector or sector
        return ActorCode(entry.name, entry.country, sector, text)

    def _best_match(self, span: Span) -> _Match | None:
        """The dictionary phrase in `span` that best names the actor (see `code_span`)."""
        _, matcher, by_key = self._matcher_for(span.doc.vocab)
        found: list[_Match] = []
        for key, start, end in matcher(span):
            entry = by_key[key]
            if _plausible(span.doc[start:end], entry):
                found.append(_Match(entry, start, end))
        if not found:
            return None
        root = span.root
        parsed = span.doc.has_annotation("DEP")

        def rank(m: _Match) -> tuple[int, int, int, int, int]:
            depth = _depth(span, m, root) if parsed else int(not m.start <= root.i < m.end)
            return (depth, m.start - m.end, -m.entry.priority, int(m.start > root.i), m.start)

        return min(found, key=rank)

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

    def _agent_at(self, span: Span, head: Token, match: _Match | None) -> AgentRule | None:
        """The agent rule for the head: longest phrase ending at it first, then the lemma."""
        doc = span.doc
        lowest = span.start
        if match is not None and match.end <= head.i:
            lowest = match.end  # words of the named actor are not part of the agent phrase
        longest = min(self._agent_len, head.i - lowest + 1)
        if longest > 1:
            words = doc[head.i - longest + 1 : head.i + 1]
            lemmas = [t.lemma_.lower() for t in words]
            lowers = [t.lower_ for t in words]
            punct = [t.is_punct for t in words]
            for size in range(longest, 1, -1):
                cut = longest - size
                for key in (
                    " ".join(lemmas[cut:]),
                    " ".join(lowers[cut:]),
                    # "Secretary-General" is three tokens; the rule is "secretary general".
                    " ".join(w for w, p in zip(lowers[cut:], punct[cut:], strict=True) if not p),
                ):
                    rule = self._agents.get(key)
                    if rule is not None:
                        return rule
        if head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
            return None  # "Julie Bishop", "Ali Baker": a surname is no agent noun
        return self._word_rule(head)

    def _word_rule(self, token: Token) -> AgentRule | None:
        """The rule for one word: its lemma, as written, or without a plural "s"."""
        lower = token.lower_
        return (
            self._agents.get(token.lemma_.lower())
            or self._agents.get(lower)
            # The tagger leaves some plurals unlemmatised ("Christians" as PROPN).
            or (self._agents.get(lower[:-1]) if lower.endswith("s") else None)
        )

    def _modifier_agent(self, span: Span, head: Token, match: _Match | None) -> AgentRule | None:
        """A non-deferring agent among the head's left modifiers ("army" in "army spokesman")."""
        for child in reversed(list(head.lefts)):
            if not span.start <= child.i < span.end:
                continue
            if match is not None and match.start <= child.i < match.end:
                continue
            if child.dep_ not in ("compound", "amod", "nmod", "nn"):
                continue
            rule = self._word_rule(child)
            if rule is not None and not rule.defer and rule.sector:
                return rule
        return None


# --------------------------------------------------------------------- span helpers


def _plausible(tokens: Span, entry: ActorEntry) -> bool:
    """Reject matches that are ordinary words: "us", "is", "who", "gallant" in lowercase."""
    text = tokens.text
    if not any(c.isupper() for c in text):
        return False
    # Short acronyms must be written in capitals ("US", "IS", "WHO"), except names ("Xi").
    if len(tokens) == 1 and text.isalpha() and len(text) <= 3 and entry.kind != "person":
        return text.isupper()
    return True


def _depth(span: Span, match: _Match, root: Token) -> int:
    """Dependency steps from the match's own head up to the span root (0 = contains root)."""
    if match.start <= root.i < match.end:
        return 0
    doc = span.doc
    token = doc[match.start]
    for candidate in doc[match.start : match.end]:
        if not match.start <= candidate.head.i < match.end or candidate.head is candidate:
            token = candidate
            break
    steps = 0
    while token.i != root.i and steps < _DEP_LIMIT:
        if token.head is token or not span.start <= token.head.i < span.end:
            return _DEP_LIMIT
        token = token.head
        steps += 1
    return steps


def _effective_head(
    span: Span, actors: ActorDictionary, match: _Match | None, asked: dict[int, AgentRule | None]
) -> Token:
    """The span root, or Y in "hundreds of Y" / "a group of Y" when the root is no agent.

    The agent rules looked up on the way are left in `asked` (by token index) for the caller.
    """
    head = span.root
    for _ in range(3):  # "one of a group of gunmen" at most nests a little
        if match is not None and match.start <= head.i < match.end:
            return head
        rule = asked[head.i] = actors._agent_at(span, head, match)
        if rule is not None and rule.sector:
            return head
        objects = [
            grandchild
            for child in head.rights
            if child.dep_ == "prep" and child.lower_ == "of"
            for grandchild in child.rights
            if grandchild.dep_ == "pobj" and span.start <= grandchild.i < span.end
        ]
        if not objects:
            return head
        head = objects[0]
    return head


def _strip_edges(tokens: Iterable[Token]) -> list[Token]:
    """Drop leading determiners, possessive pronouns, numbers and punctuation."""
    out = list(tokens)
    while out and (
        out[0].pos_ in ("DET", "NUM", "PUNCT", "PART")
        or (out[0].pos_ == "PRON" and out[0].dep_ == "poss")
        or out[0].like_num
    ):
        out.pop(0)
    while out and out[-1].pos_ in ("PUNCT", "PART"):
        out.pop()
    return out


def _join(tokens: Sequence[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


def _plain_name(span: Span, head: Token) -> str:
    """Name of an actor not in the dictionary: the phrase up to its head, tidied."""
    doc = span.doc
    start = span.start if head.i == span.root.i else max(span.start, head.left_edge.i)
    end = head.i + 1
    # Keep a short "of" complement: "ministry of interior", "people of the valley".
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.right_edge.i - head.i <= 4:
            end = max(end, min(child.right_edge.i + 1, span.end))
    tokens = _strip_edges(doc[start:end])
    if not tokens:
        tokens = _strip_edges(list(span)) or list(span)
    return _join(tokens)


def _head_words(span: Span, head: Token, match: _Match) -> str:
    """Words from after the country word (or the phrase start) up to the head."""
    doc = span.doc
    start = match.end if match.end <= head.i else span.start
    tokens = [
        t
        for t in _strip_edges(doc[start : head.i + 1])
        if not (t.dep_ == "case" or t.lower_ in ("'s", "'"))
    ]
    # Common nouns in lower case so that "Residents of Tripoli" names "Libya residents".
    return " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in tokens)


# --------------------------------------------------------------------- module helpers


def code_span(span: Span) -> ActorCode | None:
    """Code a noun phrase with the built-in dictionary (see `ActorDictionary.code_span`)."""
    return ActorDictionary.default().code_span(span)


def country_of(text: str) -> str | None:
    """ISO alpha-3 code of a country name, demonym or capital with the built-in dictionary."""
    return ActorDictionary.default().country_of(text)


# --------------------------------------------------------------------- readers


def _read_user_file(path: Path) -> tuple[list[ActorEntry], list[AgentRule]]:
    """Read one user dictionary, choosing the reader by extension (and content for .txt)."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DictionaryError(name, "file not found; check the path") from None
    except IsADirectoryError:
        raise DictionaryError(name, "is a folder; name a dictionary file") from None
    except UnicodeDecodeError:
        raise DictionaryError(name, "is not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise DictionaryError(name, f"cannot be read ({exc.strerror}); check it") from None
    suffix = path.suffix.lower()
    if suffix == ".csv" or (suffix == ".txt" and _looks_like_csv(text)):
        if _csv_header(text)[1][:1] == ["head"]:
            return [], _read_agent_csv(name, text)
        return _read_actor_csv(name, text, 1), []
    if suffix in (".yaml", ".yml"):
        return _read_yaml(name, text), []
    if suffix in (".actors", ".agents") or (suffix == ".txt" and _looks_like_petrarch(text)):
        agents = suffix == ".agents" or (suffix == ".txt" and "[~" in text)
        return _read_petrarch(name, text, agents=agents)
    if suffix == ".txt":
        problem = "lines look neither like a PETRARCH dictionary (EGYPT_ [EGY]) nor like CSV"
    else:
        problem = f"unknown dictionary format '{suffix or path.name}'"
    raise DictionaryError(
        name,
        f"{problem}; use .csv (columns pattern,name,country,sector,kind), .yaml/.yml, "
        "or PETRARCH .actors/.agents",
    )


def _data_lines(text: str) -> Iterator[tuple[int, str]]:
    """Non-blank, non-comment lines with their 1-based numbers."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def _csv_header(text: str) -> tuple[int, list[str]]:
    for number, line in _data_lines(text):
        return number, [c.strip().lower() for c in next(csv.reader([line]))]
    return 0, []


def _looks_like_csv(text: str) -> bool:
    header = _csv_header(text)[1]
    return header[:2] == ["pattern", "name"] or header[:1] == ["head"]


def _looks_like_petrarch(text: str) -> bool:
    return any(_PETRARCH_LINE_RE.match(line) for _, line in itertools.islice(_data_lines(text), 50))


def _code(value: str, what: str, number: int, name: str) -> str | None:
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


def _entry(
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
    key = _norm(pattern)
    if not key:
        raise DictionaryError(
            name, f"line {number}: empty pattern; write the surface form or delete the row"
        )
    country_code = _code(country, "country", number, name)
    sector_code = _code(sector, "sector", number, name)
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


def _read_actor_csv(name: str, text: str, priority: int) -> list[ActorEntry]:
    """Rows of a `pattern,name,country,sector,kind` CSV (columns after `name` optional)."""
    header_line, header = _csv_header(text)
    if header[:2] != ["pattern", "name"] or any(c not in ACTOR_COLUMNS for c in header):
        raise DictionaryError(
            name,
            f"line {header_line or 1}: header must be pattern,name,country,sector,kind; "
            "add it as the first line",
        )
    entries = []
    for number, line in _data_lines(text):
        if number <= header_line:
            continue
        cells = next(csv.reader([line]))
        if len(cells) > len(header):
            raise DictionaryError(
                name,
                f"line {number}: {len(cells)} fields for {len(header)} columns; "
                "quote values that contain commas",
            )
        row = dict(zip(header, cells, strict=False))
        entries.append(
            _entry(
                name,
                number,
                row.get("pattern", ""),
                row.get("name", ""),
                row.get("country", ""),
                row.get("sector", ""),
                row.get("kind", ""),
                priority,
            )
        )
    return entries


def _read_agent_csv(name: str, text: str) -> list[AgentRule]:
    """Rows of a `head,sector,note` CSV."""
    header_line, header = _csv_header(text)
    if header[:2] != ["head", "sector"]:
        raise DictionaryError(
            name, f"line {header_line or 1}: header must be head,sector,note; add it first"
        )
    rules = []
    for number, line in _data_lines(text):
        if number <= header_line:
            continue
        cells = [*next(csv.reader([line])), "", ""]
        head = _norm(cells[0])
        if not head:
            raise DictionaryError(
                name, f"line {number}: empty head; write the head noun or delete the row"
            )
        sector = _code(cells[1], "sector", number, name)
        rules.append(AgentRule(head, sector, cells[2].strip().lower().startswith("defer")))
    return rules


# --------------------------------------------------------------------- YAML


def _read_yaml(name: str, text: str) -> list[ActorEntry]:
    """A list of rows, or a mapping canonical name -> {patterns, country, sector, kind}."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise DictionaryError(name, f"{where}{problem}; fix the YAML syntax") from None
    if root is None:
        raise DictionaryError(name, "line 1: the file is empty; add a list of actor entries")
    entries: list[ActorEntry] = []
    if isinstance(root, yaml.SequenceNode):
        for item in root.value:
            row = _yaml_mapping(name, item)
            entries.append(
                _entry(
                    name,
                    item.start_mark.line + 1,
                    _yaml_str(row.get("pattern")),
                    _yaml_str(row.get("name")),
                    _yaml_str(row.get("country")),
                    _yaml_str(row.get("sector")),
                    _yaml_str(row.get("kind")),
                    1,
                )
            )
    elif isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            actor = str(key_node.value)
            row = _yaml_mapping(name, value_node)
            patterns = row.get("patterns", [actor])
            if isinstance(patterns, str):
                patterns = [patterns]
            if not isinstance(patterns, list):
                raise DictionaryError(
                    name,
                    f"line {value_node.start_mark.line + 1}: 'patterns' must be a list"
                    " of surface forms; write patterns: [form one, form two]",
                )
            for pattern in patterns:
                entries.append(
                    _entry(
                        name,
                        value_node.start_mark.line + 1,
                        _yaml_str(pattern),
                        actor,
                        _yaml_str(row.get("country")),
                        _yaml_str(row.get("sector")),
                        _yaml_str(row.get("kind")),
                        1,
                    )
                )
    else:
        raise DictionaryError(
            name, "line 1: expected a list of entries or a mapping of names; see the docs"
        )
    return entries


def _yaml_mapping(name: str, node: Any) -> dict[str, Any]:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        raise DictionaryError(
            name,
            f"line {node.start_mark.line + 1}: expected keys pattern, name, country, sector, "
            "kind; write each entry as a mapping",
        )
    value = yaml.safe_load(yaml.serialize(node))
    return {str(k).lower(): v for k, v in value.items()}


def _yaml_str(value: Any) -> str:
    return "" if value is None else str(value)


# --------------------------------------------------------------------- PETRARCH


def _strip_xml_comments(text: str) -> str:
    """Blank out `<!-- -->` comments (possibly multi-line) but keep the line count."""

    def blank(m: re.Match[str]) -> str:
        return "\n" * m.group(0).count("\n")

    return re.sub(r"<!\s*--.*?-->", blank, text, flags=re.DOTALL)


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


_OPEN_END = 99999999


def _dated_spans(
    codes: list[str], *, agent: bool
) -> tuple[tuple[int, int, str | None, str | None], ...]:
    """The date-restricted codes of one entry as (first day, last day, country, sector).

    `CODE <YYYYMMDD` holds before the day, `CODE >YYYYMMDD` after it, `CODE D1-D2` from D1 to
    D2 inclusive; an undated code is the default and comes last, whatever its place.
    """
    spans: list[tuple[int, int, str | None, str | None]] = []
    default: tuple[int, int, str | None, str | None] | None = None
    for code in codes:
        parts = code.split(None, 1)
        if not parts:
            continue
        rest = parts[1] if len(parts) > 1 else ""
        country, sector = _split_petrarch_code(parts[0], agent=agent)
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


def _split_petrarch_code(code: str, *, agent: bool) -> tuple[str | None, str | None]:
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


def _number_forms(pattern: str) -> list[str]:
    """The other number of a phrase's last word: "congress" -> "congresses", "security
    officials" -> "security official", "policy" -> "policies", "man" -> "men"."""
    *rest, last = pattern.split(" ")
    forms: list[str] = []
    if last.endswith("men"):
        forms.append(last[:-3] + "man")
    elif last.endswith("man"):
        forms.append(last[:-3] + "men")
    elif last.endswith("ies") and len(last) > 4:
        forms.append(last[:-3] + "y")
    elif last.endswith(("sses", "ches", "shes", "xes")):
        forms.append(last[:-2])
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
        forms.append(last[:-1])
    elif last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        forms.append(last[:-1] + "ies")
    elif last.endswith(("s", "x", "ch", "sh")):
        forms.append(last + "es")
    elif last[-1:].isalpha():
        forms.append(last + "s")
    return [" ".join([*rest, form]) for form in forms]


def _petrarch_patterns(raw: str, macros: dict[str, list[str]]) -> list[str]:
    """Surface forms of one PETRARCH phrase: `_` is a space, `!MACRO!` expands."""
    text = raw.strip()
    forms = [text]
    for macro in _PETRARCH_MACRO_RE.findall(text):
        options = macros.get(macro.upper(), [macro])
        forms = [f.replace(f"!{macro}!", o, 1) for f in forms for o in options]
    out = []
    for form in forms:
        key = _norm(form.replace("_", " "))
        if key:
            out.append(key)
    return out


def _read_petrarch(
    name: str, text: str, *, agents: bool
) -> tuple[list[ActorEntry], list[AgentRule]]:
    """Entries of a PETRARCH `.actors` or `.agents` dictionary."""
    macros: dict[str, list[str]] = {}
    groups: list[tuple[int, list[str], list[str]]] = []  # (line, patterns, codes)
    for number, raw in enumerate(_strip_xml_comments(text).splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        stripped = line.strip()
        if not stripped or stripped.startswith(("<", ">")):
            continue  # blank, comment, or a <<< >>> / <TAG> section marker
        if stripped.count("[") != len(_PETRARCH_CODE_RE.findall(stripped)):
            raise DictionaryError(
                name, f"line {number}: '[' without a closing ']'; close the code bracket"
            )
        macro = re.match(r"^!([A-Za-z]+)!\s*=\s*(.+)$", stripped)
        if macro:
            macros[macro.group(1).upper()] = [o.strip() for o in macro.group(2).split(",")]
            continue
        codes = _PETRARCH_CODE_RE.findall(stripped)
        phrase = _PETRARCH_CODE_RE.sub(" ", stripped)
        plurals = _PETRARCH_PLURAL_RE.findall(phrase)
        phrase = _PETRARCH_PLURAL_RE.sub(" ", phrase).strip()
        if stripped.startswith("["):
            if not groups:
                raise DictionaryError(
                    name, f"line {number}: a code before any entry; put the phrase first"
                )
            groups[-1][2].extend(codes)
            continue
        is_alias = phrase.startswith("+")
        patterns = _petrarch_patterns(phrase.lstrip("+"), macros)
        for plural in plurals:
            patterns += _petrarch_patterns(plural, macros)
        if is_alias:
            if not groups:
                raise DictionaryError(
                    name, f"line {number}: a '+' synonym before any entry; put the entry first"
                )
            groups[-1][1].extend(patterns)
            groups[-1][2].extend(codes)
            continue
        if groups and not groups[-1][2]:
            # No code yet: PETRARCH reads a bare phrase followed by more phrases as synonyms.
            groups[-1][1].extend(patterns)
            groups[-1][2].extend(codes)
            continue
        groups.append((number, patterns, list(codes)))
    if not groups:
        raise DictionaryError(name, "line 1: no entries found; write lines like EGYPT_ [EGY]")
    number, patterns, codes = groups[-1]
    if not codes:
        raise DictionaryError(
            name,
            f"line {number}: entry '{patterns[0] if patterns else ''}' has no code; "
            "add one in brackets such as [EGY] or [~GOV]",
        )
    entries: list[ActorEntry] = []
    rules: list[AgentRule] = []
    for _number, patterns, codes in groups:
        if not patterns:
            continue
        country, sector = _split_petrarch_code(_pick_code(codes), agent=agents)
        dated = _dated_spans(codes, agent=agents)
        if agents:
            # PETRARCH forms the plurals of agent nouns itself ("Congresses"); the finder
            # tries the lemma first, so the singular of a plural pattern is written too.
            forms = [f for p in patterns for f in (p, *_number_forms(p))]
            rules.extend(AgentRule(f, sector) for f in dict.fromkeys(forms))
            continue
        if country in ("IGO", "NGO"):
            kind = country.lower()
        elif country == "IMG":
            kind = "group"
        else:
            kind = "country" if sector is None else "body"
        actor = patterns[0].title()
        entries.extend(
            ActorEntry(p, actor, country, sector, kind, 1, dated=dated) for p in patterns
        )
    return entries, rules
