"""User verb dictionaries: extra triggers from PETRARCH-format verb files or our own CSV.

PETRARCH verb dictionaries (the CAMEO verb dictionary and its test variants) hold synsets:

    --- CONDEMN  [111]  ---        a header: the synset and its code
    CONDEMN    # comment           verbs of the synset, optionally with their own [code]
    DEPLORE [112] {DEPLORES ...}   and irregular forms in braces (spaCy lemmatises for us)
    - * ARREST  [173]              patterns: here "condemn" with "arrest" after it -> 173

Code `---` marks a verb that reports no event ("SAY", "BEGIN"): it removes the built-in trigger;
on a pattern it stops the verb from being coded where the pattern fits. A phrasal verb of a
synset ("+CORDON_OFF {+CORDONED_OFF}") is the verb with its particle as a child. A verb written
as a form of another ("LEFT") is found as written and wins over its lemma's entries.

Every pattern `- [words before] * [words after] [CODE]` becomes an entry whose `particle` is
the pattern in the language of triggers.has_particle (after PATTERN_MARK): words, phrases in
braces (head last), prepositional phrases in parentheses, words before the verb marked `<`,
`&SYNSET` words expanded from the file's synonym sets (several-word members become phrases),
and the source and target markers `$` and `+` kept to say where the actors stand, with the
skipped phrases `^` after the verb (see triggers.pattern_roles); the marker `%` (compound
actor) is left out. Longer patterns are tried first. A CSV file uses the columns of
data/triggers.csv.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import ontology
from ..datafiles import read_rows
from ..errors import DictionaryError
from .triggers import PATTERN_MARK, ROLE_MARKS, SKIP_MARK

NO_EVENT = "---"
_HEADER = re.compile(r"^-{3}\s*(?P<name>[^\[]+?)\s*\[(?P<code>[^\]]*)\]\s*-{3}")
_CODE = re.compile(r"\[(?P<code>[^\]]*)\]")
_WORD = re.compile(r"^[A-Z][A-Z'\-]*$")


def _code(raw: str) -> str:
    """The first code of a PETRARCH code field ("042:043" -> "042")."""
    return raw.strip().split(":")[0].strip() or NO_EVENT


def _trigger(lemma: str, code: str, particle: str | None, weight: float) -> ontology.Trigger:
    """A trigger for `code`; a code the ontology does not know keeps its number, type OTHER."""
    known = ontology.cameo(code) if code != NO_EVENT else None
    return ontology.Trigger(
        lemma=lemma,
        pos="VERB",
        particle=particle,
        cameo_code=code,
        event_type=known.plover_type if known else ("NONE" if code == NO_EVENT else "OTHER"),
        mode=known.plover_mode if known else None,
        weight=weight,
    )


_PATTERN_LINE = re.compile(r"^-\s*(?P<body>[^\[]*?)\s*\[(?P<code>[^\]]*)\]")
_ELEMENT = re.compile(r"\{[^}]*\}|\([^)]*\)|[^\s{}()]+")
_MARKERS = {"$", "+", "%", "^"}
_COMBINATIONS = 60


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    """The file's synonym sets: "&TOWN" -> ["town", "municipality", ...].

    A member may be several words ("revolutionary manifesto"), a prepositional phrase
    ("(to the end)") or another set ("&TIETYPES"), which is expanded.
    """
    raw_sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = raw_sets.setdefault(line.split()[0].rstrip("_"), [])
        elif line.startswith("+") and current is not None:
            word = " ".join(line[1:].replace("_", " ").split()).lower()
            if word:
                current.append(word)
        elif line:
            current = None
    sets: dict[str, list[str]] = {}
    for name, members in raw_sets.items():
        out: list[str] = []
        for member in members:
            if member.startswith("&"):
                out += [m for m in raw_sets.get(member.upper().rstrip("_"), []) if m[0] != "&"]
            else:
                out.append(member)
        sets[name] = list(dict.fromkeys(out))
    return sets


def _expand(words: list[str], sets: dict[str, list[str]]) -> list[list[str]]:
    """Word lists with every `&SET` replaced by each of its members (split into words)."""
    choices: list[list[str]] = [[]]
    for word in words:
        if word.startswith("&"):
            options = [m.strip("()").split() for m in sets.get(word.upper().rstrip("_"), [])]
        else:
            options = [[word]]
        if not options:
            return []
        choices = [path + opt for path in choices for opt in options][:_COMBINATIONS]
    return choices


def _element_forms(element: str, sets: dict[str, list[str]]) -> list[str]:
    """Forms of one pattern element in the particle language of `triggers.has_particle`."""

    def words_of(text: str, keep: tuple[str, ...] = ()) -> list[str]:
        return [w.lower() for w in text.replace("_", " ").split() if w not in _MARKERS or w in keep]

    if element.startswith("("):
        return [
            f"({' '.join(ws)})"
            for ws in _expand(words_of(element[1:-1], (*ROLE_MARKS, SKIP_MARK)), sets)
            if ws and ws[0] not in ROLE_MARKS and ws[0] != SKIP_MARK
        ]
    if element.startswith("{"):
        return [
            f"{{{' '.join(ws)}}}" if len(ws) > 1 else ws[0]
            for ws in _expand(words_of(element[1:-1]), sets)
            if ws
        ]
    if element.startswith("&"):
        forms = []
        for member in sets.get(element.upper().rstrip("_"), []):
            if member.startswith("("):
                forms.append(member)
            elif " " in member:
                forms.append(f"{{{member}}}")
            else:
                forms.append(member)
        return forms
    words = words_of(element)
    return [f"{{{' '.join(words)}}}" if len(words) > 1 else words[0]] if words else []


def _pattern_particles(body: str, sets: dict[str, list[str]]) -> list[str]:
    """Particles of one pattern ("* {NEW &TIETYPES RELATIONS} (FROM)"), see has_particle.

    The elements before `*` must precede the verb, those after it follow it; the markers of
    source and target ($ +) are kept, and of skipped phrases (^) after the verb; compound
    actors (%) and skips before the verb are left out. A pattern with no words left
    ("- % *") says nothing of its own: no particle.
    """
    elements = _ELEMENT.findall(body)
    if "*" not in elements:
        return []
    star = elements.index("*")
    if all(e in _MARKERS or e == "*" for e in elements):
        return []
    choices: list[list[str]] = [[]]
    for n, element in enumerate(elements):
        prefix = "<" if n < star else ""
        if element in ROLE_MARKS or (element == SKIP_MARK and n > star):
            choices = [c + [prefix + element] for c in choices]
            continue
        if element == "*" or element in _MARKERS:
            continue
        forms = _element_forms(element, sets)
        if not forms:
            if element.startswith("&"):
                return []  # an unknown synonym set matches nothing
            continue
        choices = [c + [prefix + f] for c in choices for f in forms][:_COMBINATIONS]
    return [PATTERN_MARK + " ".join(c) for c in choices if c]


def _phrasal(line: str, synset_code: str) -> list[ontology.Trigger]:
    """A phrasal verb of a synset ("+CORDON_OFF {+CORDONED_OFF ...}"): the verb with its
    particle or object as a child ("cordoned off the road", "took note of"); the forms in
    braces are entries too (the tagger does not always find the lemma)."""
    forms = " ".join(re.findall(r"\{([^}]*)\}", line)).split()
    body = re.sub(r"\{[^}]*\}", " ", line[1:])
    code_match = _CODE.search(body)
    words = _CODE.sub(" ", body).split()
    code = _code(code_match["code"]) if code_match else synset_code
    found = []
    for word in words[:1] + forms:
        parts = [w for w in word.lstrip("+").lower().split("_") if w]
        if len(parts) != 2 or any(not _WORD.match(w.upper()) for w in parts):
            continue  # "WIRE_+TAP": a compound verb, not a verb and its particle
        found.append(_trigger(parts[0], code, parts[1], 0.85))
    return found


def load_petrarch_verbs(path: Path) -> list[ontology.Trigger]:
    """Triggers from a PETRARCH verb dictionary; type NONE marks a verb with no event.

    Raises:
        DictionaryError: when the file has no synset header at all.
    """
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DictionaryError(str(path), f"cannot read the file ({exc.strerror})") from exc
    sets = _synsets(lines)
    found: list[ontology.Trigger] = []
    synset_code: str | None = None
    synset_verbs: list[str] = []
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        header = _HEADER.match(line.strip())
        if header:
            synset_code, synset_verbs = _code(header["code"]), []
            continue
        if synset_code is not None and line.startswith("+"):
            found += _phrasal(line, synset_code)
            continue
        if synset_code is None or line.startswith(("&", "+", "<", "!")):
            continue  # synonym sets and macros before the first synset
        if line.lstrip().startswith("-"):
            pattern = _PATTERN_LINE.match(line.strip())
            if pattern is None or not pattern["code"].strip() or not synset_verbs:
                continue
            code = _code(pattern["code"])
            if code != NO_EVENT and not code[:1].isdigit():
                continue  # "[+++]", "[xxy]": not an event code
            for particle in _pattern_particles(pattern["body"], sets):
                for verb in synset_verbs:
                    found.append(_trigger(verb, code, particle, 0.85))
            continue
        body = re.sub(r"\{[^}]*\}", " ", line).strip()
        code_match = _CODE.search(body)
        word = _CODE.sub(" ", body).split()
        if not word or "_" in word[0] or not _WORD.match(word[0]):
            continue  # multi-word verbs ("WIRE_+TAP") are left to the built-in lexicon
        verb = word[0].lower()
        code = _code(code_match["code"]) if code_match else synset_code
        synset_verbs.append(verb)
        found.append(_trigger(verb, code, None, 0.8))
    if not found:
        raise DictionaryError(
            str(path),
            "no verb synsets found; a PETRARCH verb file has headers like '--- CONDEMN [111] ---'",
        )
    # Longer patterns are more specific: try them first (the finder keeps this order per lemma).
    return sorted(found, key=lambda t: -_specificity(t.particle))


def _specificity(particle: str | None) -> int:
    """How many words a particle asks for."""
    if not particle:
        return 0
    return len(re.findall(r"[^\s{}()<=$+^]+", particle))


def load_verbs(path: Path) -> list[ontology.Trigger]:
    """Triggers from a user verb file: our CSV columns, or a PETRARCH verb dictionary.

    Raises:
        DictionaryError: when the file is missing or malformed.
    """
    if not path.is_file():
        raise DictionaryError(str(path), "file not found; check the path")
    if path.suffix.lower() != ".csv":
        return load_petrarch_verbs(path)
    rows = read_rows(path, ("lemma", "pos", "cameo_code"))
    found = []
    for n, row in enumerate(rows, start=2):
        if row["pos"] not in ("VERB", "NOUN"):
            raise DictionaryError(
                str(path), f"row {n}: pos must be VERB or NOUN, not {row['pos']!r}"
            )
        trig = _trigger(
            row["lemma"].lower(),
            row["cameo_code"],
            row.get("particle") or None,
            float(row.get("weight") or 0.8),
        )
        found.append(
            ontology.Trigger(
                trig.lemma,
                row["pos"],
                trig.particle,
                trig.cameo_code,
                trig.event_type,
                row.get("mode") or trig.mode,
                trig.weight,
            )
        )
    return found
