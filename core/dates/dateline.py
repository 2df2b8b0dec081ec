"""Wire datelines ("CAIRO, May 26, 2017 (Reuters) -"): the dates package reads them here.

Three readers of datelines exist, each for its own question, and they accept different lines
(see the differences below); this module is the dates package's, and the place for a shared
dateline reader should one ever serve all three.

- `published_from_dateline` (here): the publication date, from the plain text's first four
  non-empty lines. A line counts when up to three comma-ended parts starting with a letter
  (any case: "Lagos, Nigeria,", "WASHINGTON, D.C.,") lead to a written date with a year
  ("May 26, 2017", "26 May 2017"), then "(", "/", a dash or ":". No year, no date.
- the pipeline's `dateline_end` (core/pipeline/paragraphs.py): where a dateline ends, on the tagged
  Doc, at the start of every line; within twelve tokens, capitalised words (all capitals, or
  title case tagged NNP/NNPS), punctuation, digits and anything in parentheses, closed by a
  free-standing dash ("BEIRUT (Reuters) -", "KINSHASA/NEW YORK -", "Tehran, Iran -"). A colon
  does not close one, and a line opening with a common word ("The ministry said -") is none.
- the geocoder's `read_dateline` (core/geo/context.py, `_DATELINE` and `_BARE_DATELINE`): the
  dateline's place, in the first 600 characters; a place in capitals ("BEIRUT", "GAZA"; two
  letters only with an agency or a qualifier after it), up to three capitalised qualifiers
  each maybe with a day number ("CAIRO, May 26"), an optional agency in parentheses, then a
  dash or a colon and a space ("KINSHASA/NEW YORK -" is none: no slash); a year after the day
  ("CAIRO, May 26, 2017 (Reuters) -") or a title-case place ("Tehran, Iran -") is none. With
  no such line, a capitalised country, region or big city opening a line with no dash
  ("SEOUL North Korea fired") is its bare dateline.
"""

from __future__ import annotations

import re
from datetime import date

from .event_dates import read_expression

DATELINE_RE = re.compile(
    r"^[^\S\n]*(?:[^\W\d_][^\n,()]{0,60},[^\S\n]*){0,3}?"
    r"(?P<date>[^\W\d_]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[^\W\d_]{3,9}\.?,?\s+\d{4})"
    r"\s*(?:\(|/|-|–|—|:)",
    re.MULTILINE,
)
# How many non-empty lines at the top of the body may hold the dateline.
DATELINE_LINES = 4


def published_from_dateline(text: str) -> date | None:
    """The date of a wire dateline at the top of the body ("CAIRO, May 26, 2017 (Reuters) -").

    Only datelines that give the year count; None when there is none.
    """
    head = "\n".join(line for line in text.splitlines()[:20] if line.strip())
    head = "\n".join(head.splitlines()[:DATELINE_LINES])
    for match in DATELINE_RE.finditer(head):
        written = match.group("date")
        reading = read_expression(written, None)
        if reading is not None and reading.day is not None and reading.precision == "day":
            return reading.day
    return None
