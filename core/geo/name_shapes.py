"""The country a place name looks like it is in, from the letter pieces of its name.

For a village the gazetteer lacks in an article that names no country: "Leuterhausen" reads as
German, "Orugodawatta" as Sri Lankan. A naive Bayes model over three- and four-letter pieces of
the gazetteer's own names (`data/name_shapes.tsv.gz`, built by `build_name_shapes`).
"""

from __future__ import annotations

import gzip
import math
import re
import threading
from collections.abc import Sequence
from pathlib import Path

from ..datafiles import DATA_DIR

NAME_SHAPES = DATA_DIR / "name_shapes.tsv.gz"
# Smoothing of piece counts: a piece a country never shows still costs it, but not everything.
_ALPHA = 0.02
_NON_LETTERS = re.compile(r"[^a-z ]+")


def pieces(key: str) -> list[str]:
    """The three- and four-letter pieces of a folded name ("^bad", "sen$", "d_ko")."""
    text = "^" + _NON_LETTERS.sub("", key).strip().replace(" ", "_") + "$"
    if len(text) < 5:
        return []
    return [text[i : i + n] for n in (3, 4) for i in range(len(text) - n + 1)]


class NameShapes:
    """Piece counts by country, read once; piece lines are parsed only when asked for."""

    def __init__(self, path: Path = NAME_SHAPES) -> None:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        self.countries: list[str] = []
        names: list[int] = []
        totals: list[int] = []
        self._rows: dict[str, str] = {}
        for line in text.split("\n"):
            if not line or line.startswith("#"):
                continue
            head, _, rest = line.partition("\t")
            if head.startswith("@"):
                count, _, total = rest.partition("\t")
                self.countries.append(head[1:])
                names.append(int(count))
                totals.append(int(total))
            else:
                self._rows[head] = rest
        self._index = {iso: k for k, iso in enumerate(self.countries)}
        vocabulary = len(self._rows)
        # A country's score starts from how many places it has (its prior), and every piece
        # it never shows costs it the smoothed share of a zero count.
        self._prior = [math.log(n) for n in names]
        self._unseen = [math.log(_ALPHA / (t + _ALPHA * vocabulary)) for t in totals]

    def scores(self, keys: Sequence[str]) -> list[float]:
        """Log scores of every country (in `self.countries` order) for the folded names."""
        found = [piece for key in keys for piece in pieces(key)]
        score = [p + len(found) * u for p, u in zip(self._prior, self._unseen, strict=True)]
        for piece in found:
            row = self._rows.get(piece)
            if row is None:
                continue
            for cell in row.split(","):
                iso, _, count = cell.partition(":")
                # the piece seen `count` times instead of none
                score[self._index[iso]] += math.log((int(count) + _ALPHA) / _ALPHA)
        return score

    def country(self, keys: Sequence[str]) -> tuple[str, float] | None:
        """The likeliest country of the places named `keys` (folded names, one place or
        several of one article) and its probability; None when the names have no piece to
        tell by."""
        if not any(pieces(key) for key in keys):
            return None
        score = self.scores(keys)
        top = max(score)
        total = sum(math.exp(s - top) for s in score)
        return self.countries[score.index(top)], 1.0 / total


_shapes: NameShapes | None = None
_lock = threading.Lock()


def name_shapes() -> NameShapes:
    """The model of the shipped file, read on first use."""
    global _shapes
    with _lock:
        if _shapes is None:
            _shapes = NameShapes()
        return _shapes
