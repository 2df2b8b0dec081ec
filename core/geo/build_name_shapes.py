"""Build `core/data/name_shapes.tsv.gz`, the letter pieces of each country's place names.

A village the gazetteer lacks still tells its country by its shape: "Leuterhausen" is German,
"Chwaliszow" Polish, "Orugodawatta" Sri Lankan, "Bohuslavske" Ukrainian. `name_shapes` scores
such a name against every country with a naive Bayes model over the three- and four-letter
pieces of the names of the gazetteer's towns, districts and townships (GeoNames and
geoBoundaries data, see `build_gazetteer`), and `geo` uses it only where the article gives the
place no country of its own.

File format (UTF-8 text, gzip): header lines starting with "#"; one line per country
`@ISO3<TAB>names<TAB>pieces` (how many place names and letter pieces were counted); then one
line per piece `piece<TAB>ISO3:count,ISO3:count,...` (pieces seen once in all are left out:
they tell nothing a smoothed zero does not). A piece is three or four letters of the folded
name with "^" and "$" marking its ends and "_" for a space ("^bad", "sen$").

Run: python -m newsevents.core.geo.build_name_shapes
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter, defaultdict
from pathlib import Path

from .name_shapes import NAME_SHAPES, pieces
from .records import fold
from .store import GAZETTEER, read_gazetteer

# Record kinds whose names are counted: towns, districts, townships (not countries, provinces).
_KINDS = frozenset("ctd")
# Pieces counted fewer times than this in all countries are left out of the file.
_MIN_COUNT = 2


def build(source: Path = GAZETTEER, out: Path = NAME_SHAPES) -> Path:
    """Count the pieces of every town, district and township name of `source` by country."""
    lines, _keys = read_gazetteer(source)
    names: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for line in lines:
        if not line:
            continue
        cols = line.split("\t")
        name, iso3, kind = cols[1], cols[3], cols[7]
        if kind not in _KINDS or not iso3:
            continue
        found = pieces(fold(name))
        if not found:
            continue
        names[iso3] += 1
        totals[iso3] += len(found)
        for piece in found:
            counts[piece][iso3] += 1
    rows = [
        "# newsevents name shapes: letter pieces of place names by country, for names the",
        "# gazetteer lacks. Built by newsevents.core.geo.build_name_shapes from gazetteer.tsv.gz",
        "# (GeoNames data, CC BY 4.0; geoBoundaries units).",
    ]
    rows += [f"@{iso}\t{names[iso]}\t{totals[iso]}" for iso in sorted(names)]
    for piece in sorted(counts):
        by_country = counts[piece]
        if sum(by_country.values()) < _MIN_COUNT:
            continue
        cells = ",".join(f"{iso}:{n}" for iso, n in sorted(by_country.items()))
        rows.append(f"{piece}\t{cells}")
    out.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode("utf-8"), mtime=0))
    return out


def main() -> None:
    """Command-line entry: rebuild the name shapes file from the gazetteer."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=NAME_SHAPES, help="file to write")
    args = parser.parse_args()
    print(build(out=args.out))


if __name__ == "__main__":
    main()
