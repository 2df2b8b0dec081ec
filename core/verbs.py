"""User verb dictionaries: extra triggers from PETRARCH-format verb files or our own CSV.

PETRARCH verb dictionaries (the CAMEO verb dictionary and its test variants) hold synsets:

    --- CONDEMN  [111]  ---        a header: the synset and its code
    CONDEMN    # comment           verbs of the synset, optionally with their own [code]
    DEPLORE [112] {DEPLORES ...}   and irregular forms in braces (spaCy lemmatises for us)
    - * ARREST  [173]              patterns: here "condemn" with a child "arrest" -> 173

Code `---` marks a verb that reports no event ("SAY", "BEGIN"): it removes the built-in trigger.
Patterns become entries with a `particle` path (see triggers.has_particle) where they name one
object after the verb: a word ("- * ARTILLERY"), a phrase in braces ("- * {ARTILLERY SHELLS}",
head last), a prepositional phrase in parentheses ("- * (ON RESOLUTION)"), with `&SYNSET`
words expanded from the file's synonym sets. Other patterns (words before the verb, source and
target markers inside the phrase) are skipped. A CSV file uses the columns of data/triggers.csv.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import ontology
from .datafiles import read_rows
from .errors import DictionaryError

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


_PATTERN = re.compile(
    r"^-\s*\*\s*(?P<obj>\{[^}]*\}|\([^)]*\)|&?[A-Z][A-Z_'\-]*)\s*(?:\[(?P<code>[^\]]*)\])"
)


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    """The file's synonym sets: "&TOWN" -> ["town", "municipality", ...]."""
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = sets.setdefault(line.rstrip("_"), [])
        elif line.startswith("+") and current is not None:
            word = line[1:].strip().rstrip("_").lower()
            if word and "_" not in word:
                current.append(word)
        elif line:
            current = None
    return sets


def _pattern_paths(obj: str, sets: dict[str, list[str]]) -> list[str]:
    """Particle paths of one pattern object: "{ARTILLERY SHELLS}" -> ["shells artillery"]."""
    if obj.startswith("{"):
        words = obj[1:-1].split()
        words = words[::-1]  # the head comes last in the phrase, first in the tree
    elif obj.startswith("("):
        words = obj[1:-1].split()
    else:
        words = [obj]
    choices: list[list[str]] = [[]]
    for word in words:
        if word.startswith("&"):
            options = sets.get(word.rstrip("_"), [])
        elif _WORD.match(word) and "_" not in word:
            options = [word.lower()]
        else:
            return []  # markers of source and target inside the phrase: not ours to read
        if not options:
            return []
        choices = [path + [opt] for path in choices for opt in options][:50]
    return [" ".join(path) for path in choices if path]


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
        if synset_code is None or line.startswith(("&", "+", "<", "!")):
            continue  # synonym sets and macros before the first synset
        if line.lstrip().startswith("-"):
            pattern = _PATTERN.match(line.strip())
            if pattern is None or not pattern["code"] or not synset_verbs:
                continue
            for particle in _pattern_paths(pattern["obj"], sets):
                for verb in synset_verbs:
                    found.append(_trigger(verb, _code(pattern["code"]), particle, 0.85))
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
    # Longer paths are more specific: try them first (the finder keeps this order per lemma).
    return sorted(found, key=lambda t: -len((t.particle or "").split()))


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
