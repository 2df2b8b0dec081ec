"""When an event happened: the date words attached to its trigger, resolved against publication.

Date expressions are spaCy DATE (and TIME) entities plus stray day words the tagger missed.
Relative words ("Friday", "yesterday", "last week") resolve through data/date_words.csv;
explicit dates ("May 26", "26 May 2017", "3 days ago") go to dateparser, whose answer is kept
only when it agrees with the month, day and year written in the text.

Which date is the event's, best first: one attached to the trigger itself; one on the verb
that carries an event noun ("launched strikes on Friday"); one elsewhere in the event's own
clause; else the sentence's only date. That last rule gives "said on Saturday it took part in
strikes" the date of the statement: the statement is the latest the event can be, news
reports events of the reporting day or just before, and it is the only date there is. It is
not used across "after"/"before"/"since"/"until" ("launched strikes on Friday after gunmen
attacked a bus" does not date the attack).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Span, Token

from ..arrays import positions, string_ids
from ..datafiles import data_rows
from ..syntax import clause_head, clause_indexes

# A year mention this far or further before publication is history, not news.
# News tells what happened in the last weeks; an event a month or more before publication is
# told as history or context ("the April bombings", "in 2015").
BACKGROUND_DAYS = 31
# Dependencies by which a date sits inside a noun phrase ("the 2011 uprising", "Friday's
# attack"): such a date dates that noun only.
ATTRIBUTIVE_DEPS = frozenset({"compound", "nummod", "poss", "amod", "nmod"})
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
NUMERIC_DATE_RE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
DATEPARSER_SETTINGS: dict[str, object] = {
    "PREFER_DATES_FROM": "past",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@dataclass
class EventDate:
    """The date of one event as the article gives it."""

    date: str | None  # ISO YYYY-MM-DD; first day for week/month/year precision; None unresolved
    text: str  # the date words, verbatim
    precision: str | None  # "day" | "week" | "month" | "year"
    background: bool  # far before publication: history, not the news


@dataclass(frozen=True)
class Reading:
    """What a date expression means: a resolved day (or None) at some precision."""

    day: date | None
    precision: str | None


@cache
def _words() -> dict[str, tuple[str, int | None]]:
    """data/date_words.csv: phrase -> (kind, value)."""
    return {
        row["phrase"].lower(): (row["kind"], int(row["value"]) if row["value"] else None)
        for row in data_rows("date_words.csv")
    }


def _kind(word: str) -> str:
    return _words().get(word, ("", None))[0]


def _value(word: str) -> int:
    return _words().get(word, ("", 0))[1] or 0


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z]+|\d+", text.lower())


# --- reading one date expression ------------------------------------------------------------


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _relative(kind: str, value: int, published: date | None, upcoming: bool) -> Reading:
    """Resolve a table word ("yesterday", "last week", "Friday") against publication."""
    precision = "day" if kind in ("day", "weekday") else kind
    if published is None:
        return Reading(None, precision)
    try:
        return _resolve(kind, value, published, upcoming)
    except (OverflowError, ValueError):  # before 0001-01-01 or after 9999-12-31: no such day
        return Reading(None, precision)


def _resolve(kind: str, value: int, published: date, upcoming: bool) -> Reading:
    """`_relative` of a known publication day: "yesterday" of 2024-05-04 -> 2024-05-03."""
    precision = "day" if kind in ("day", "weekday") else kind
    if kind == "day":
        return Reading(published + timedelta(days=value), precision)
    if kind == "week":
        return Reading(_week_start(published) + timedelta(weeks=value), precision)
    if kind == "month":
        return Reading(_add_months(published.replace(day=1), value), precision)
    if kind == "year":
        return Reading(date(published.year + value, 1, 1), precision)
    if upcoming:  # "next Friday": the first such day after publication
        return Reading(published + timedelta(days=(value - published.weekday() - 1) % 7 + 1), "day")
    # The latest such weekday on or before publication: a weekday equal to the publication
    # weekday is publication day, news being about the last few days.
    return Reading(published - timedelta(days=(published.weekday() - value) % 7), "day")


@lru_cache(maxsize=4096)
def _dateparser(text: str, published: date | None) -> datetime | None:
    """dateparser's reading of `text`, relative to publication when known (remembered: the
    same phrases recur from article to article, and dateparser is slow)."""
    import dateparser  # slow to import; only paid when a date needs it

    settings = dict(DATEPARSER_SETTINGS)
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return dateparser.parse(text, languages=["en"], settings=settings)


def _explicit(toks: list[str], text: str, published: date | None) -> Reading:
    """A written date: "May 26", "26 May 2017", "March 2014", "in 2014", "26/05/2017"."""
    years = [int(t) for t in toks if YEAR_RE.match(t)]
    months = [_value(t) for t in toks if _kind(t) == "monthname"]
    days = [int(t) for t in toks if t.isdigit() and 1 <= int(t) <= 31]
    numeric = NUMERIC_DATE_RE.search(text) is not None
    if numeric:
        precision = "day"
    elif months:
        precision = "day" if days else "month"
    else:
        precision = "year"
    if precision == "year":
        return Reading(date(years[0], 1, 1), "year")
    if not years and published is None:
        return Reading(None, precision)  # "May 26" of which year?
    single = len(days) == len(months) == 1 and len(years) < 2 and "between" not in toks
    if precision == "day" and not numeric and single:
        # The written words fix the day, and dateparser's answer is kept only where it agrees
        # with them: read it directly, as dateparser would (the latest such day on or before
        # publication when no year is written). dateparser costs a millisecond per new phrase.
        latest = published if not years else None
        try:
            day = date(years[0] if latest is None else latest.year, months[0], days[0])
            if latest is not None and day > latest:
                day = day.replace(year=day.year - 1)
            return Reading(day, "day")
        except ValueError:
            pass  # "February 29" of a year without one: dateparser decides
    parsed = _dateparser(text, published)
    if parsed is None:
        return Reading(None, precision)
    # dateparser guesses freely; keep its answer only where it agrees with the written words.
    if (
        (years and parsed.year != years[0])
        or (months and parsed.month != months[0])
        or (months and days and parsed.day != days[0])
    ):
        return Reading(None, precision)
    day = parsed.date()
    if precision == "month":
        day = day.replace(day=1)
    return Reading(day, precision)


def _ago(toks: list[str], text: str, published: date | None) -> Reading | None:
    """A count back from publication ("three days ago", "two weeks ago"), read by dateparser."""
    units = [t.rstrip("s") for t in toks if _kind(t) == "duration"]
    if not units:
        return None
    precision = {"hour": "day", "decade": "year"}.get(units[0], units[0])
    if published is None:
        return Reading(None, precision)
    parsed = _dateparser(text, published)
    if parsed is None:
        return Reading(None, precision)
    day = parsed.date()
    if precision == "week":
        day = _week_start(day)
    elif precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = date(day.year, 1, 1)
    return Reading(day, precision)


@lru_cache(maxsize=4096)
def read_expression(text: str, published: date | None) -> Reading | None:
    """What date expression `text` means; None when it is no date (an age, a duration)."""
    try:
        return _read_expression(text, published)
    except (OverflowError, ValueError):  # a day beyond the calendar (0001 to 9999): unresolved
        return Reading(None, None)


def _read_expression(text: str, published: date | None) -> Reading | None:
    """`read_expression` that may fail near the ends of the calendar: "Friday" -> Reading."""
    toks = _tokens(text)
    kinds = [_kind(t) for t in toks]
    if "age" in kinds:
        return None
    if "ago" in kinds:
        return _ago(toks, " ".join(toks), published)
    words = [t for t, k in zip(toks, kinds, strict=True) if k not in ("filler", "shift")]
    for phrase in (
        " ".join(words),
        " ".join(t for t in words if _kind(t) != "time"),
    ):
        kind = _kind(phrase)
        if kind in ("day", "week", "month", "year"):
            return _relative(kind, _value(phrase), published, upcoming=False)
    has_day_number = any(t.isdigit() and int(t) <= 31 for t in toks)
    if "monthname" in kinds or any(YEAR_RE.match(t) for t in toks) or NUMERIC_DATE_RE.search(text):
        if "weekday" not in kinds or has_day_number or "monthname" not in kinds:
            if "filler" in kinds and not NUMERIC_DATE_RE.search(text):
                # "Around 20 March 2017": dateparser reads the date words alone.
                text = " ".join(t for t, k in zip(toks, kinds, strict=True) if k != "filler")
            return _explicit(toks, text, published)
    for t, k in zip(toks, kinds, strict=True):
        if k == "weekday":
            return _relative(k, _value(t), published, upcoming="next" in kinds)
    return None


def _background(reading: Reading, published: date | None) -> bool:
    if reading.day is None or published is None:
        return False
    if reading.precision == "year":
        return reading.day.year < published.year
    last = reading.day
    if reading.precision == "month":
        # "in April" reaches to the end of April
        last = reading.day.replace(day=_days_in_month(reading.day))
    return (published - last).days >= BACKGROUND_DAYS


def _days_in_month(day: date) -> int:
    """How many days the month of `day` has: 2024-02-10 -> 29."""
    return calendar.monthrange(day.year, day.month)[1]


# --- finding the event's date in the sentence -----------------------------------------------


@dataclass
class _Mention:
    span: Span
    reading: Reading
    anchor: Token  # the word the date modifies
    attributive: bool  # inside a noun phrase: dates that noun only


def _anchor(span: Span) -> tuple[Token, bool]:
    """The word a date expression attaches to, and whether it sits inside a noun phrase."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep":
        return head.head, False  # "on Friday" -> what happened on Friday
    if root.dep_ in ATTRIBUTIVE_DEPS and head.pos_ in ("NOUN", "PROPN") and head not in span:
        return head, True
    return head, False


DATE_MEMO = "newsevents.date_mentions"
"""Key of the per-sentence date mentions in `Doc.user_data`; drop it when done with the Doc."""


def _mentions(sent: Span, published: date | None) -> list[_Mention]:
    """The date expressions of `sent` that read as dates (not ages or durations).

    Kept in the Doc's user data: every event of a sentence asks again, and `sent.ents` walks
    all the Doc's entities each time.
    """
    doc = sent.doc
    memo: dict[str, Any] = doc.user_data.setdefault(DATE_MEMO, {"sents": {}, "ents": None})
    if memo["ents"] is None:
        # `sent.ents` rebuilds every entity of the Doc on each call; one list serves all.
        memo["ents"] = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
        memo["words"] = positions(doc, ["LOWER"], _day_word_ids())
    key = (sent.start, published)
    if key not in memo["sents"]:
        words = memo["words"]
        inside = words[bisect_left(words, sent.start) : bisect_left(words, sent.end)]
        memo["sents"][key] = _find_mentions(sent, published, memo["ents"], inside)
    found: list[_Mention] = memo["sents"][key]
    return found


@cache
def _day_word_ids() -> frozenset[int]:
    """String ids of the words that name a day or a month (lower case)."""
    kinds = ("weekday", "day", "monthname")
    return string_ids(w for w, (kind, _) in _words().items() if kind in kinds)


def _find_mentions(
    sent: Span, published: date | None, ents: list[Span], day_words: list[int]
) -> list[_Mention]:
    """The date mentions of `sent`; `day_words` are the indexes of its day and month words."""
    doc = sent.doc
    spans: list[Span] = []
    for ent in (e for e in ents if sent.start <= e.start and e.end <= sent.end):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        ent = _with_day_before(ent, sent)
        if spans and spans[-1].end == ent.start:  # "Tuesday" + "morning" is one expression
            spans[-1] = doc[spans[-1].start : ent.end]
        else:
            spans.append(ent)
    covered = {i for s in spans for i in range(s.start, s.end)}
    for i in day_words:  # day words the entity recogniser missed ("on Friday" unlabelled)
        tok = doc[i]
        if tok.i not in covered and _kind(tok.lower_) in ("weekday", "day"):
            end = tok.i + 1
            if end < sent.end and _kind(doc[end].lower_) == "time":
                end += 1
            spans.append(doc[tok.i : end])
    spans.extend(_written_days(sent, covered, day_words))
    found = []
    for span in spans:
        reading = read_expression(span.text, published)
        if reading is None:
            continue
        anchor, attributive = _anchor(span)
        found.append(_Mention(span, reading, anchor, attributive))
    return found


def _day_number(tok: Token) -> bool:
    return tok.text.isdigit() and 1 <= int(tok.text) <= 31


def _with_day_before(ent: Span, sent: Span) -> Span:
    """The entity with the day number the recogniser left out of it: "Around 22" + "April 2022"."""
    k = ent.start - 1
    if k >= sent.start and _day_number(ent.doc[k]) and _kind(ent[0].lower_) == "monthname":
        if ent[0].text[:1].isupper():
            return ent.doc[k : ent.end]
    return ent


def _written_days(sent: Span, covered: set[int], day_words: list[int]) -> list[Span]:
    """Written days the entity recogniser missed: "20 March 2022", "March 20, 2022".

    Only a capitalised month name with both a day number and a year beside it counts, so
    "may" and "march" as words never do.
    """
    doc = sent.doc
    out: list[Span] = []
    for i in day_words:
        tok = doc[i]
        if i in covered or not tok.text[:1].isupper() or _kind(tok.lower_) != "monthname":
            continue
        if i - 1 >= sent.start and i + 1 < sent.end and _day_number(doc[i - 1]):
            if YEAR_RE.match(doc[i + 1].text) and i - 1 not in covered:
                out.append(doc[i - 1 : i + 2])  # "20 March 2022"
                continue
        if i + 2 < sent.end and _day_number(doc[i + 1]):
            k = i + 3 if doc[i + 2].text == "," and i + 3 < sent.end else i + 2
            if YEAR_RE.match(doc[k].text) and k not in covered:
                out.append(doc[i : k + 1])  # "March 20, 2022"
    return out


@cache
def _shift_words() -> frozenset[str]:
    return frozenset(w for w, (kind, _) in _words().items() if kind == "shift")


def _crosses_shift(trigger: Token, anchor: Token) -> bool:
    """Whether the path between two tokens passes an "after"/"before"/"since" clause edge."""
    up = [trigger, *trigger.ancestors]
    up_anchor = [anchor, *anchor.ancestors]
    common = next((t for t in up if t in up_anchor), None)
    shift = _shift_words()
    path = up[: up.index(common)] if common is not None else up
    path += up_anchor[: up_anchor.index(common)] if common is not None else up_anchor
    for tok in path:
        if tok.lower_ in shift and tok.dep_ in ("prep", "mark"):
            return True
        if any(c.dep_ in ("mark", "advmod", "prep") and c.lower_ in shift for c in tok.children):
            if tok.pos_ in ("VERB", "AUX"):
                return True
    return False


def _depth(a: Token, b: Token) -> int:
    """Tree distance between two tokens (number of arcs)."""
    up = [a, *a.ancestors]
    for n, t in enumerate([b, *b.ancestors]):
        if t in up:
            return n + up.index(t)
    return len(up) + 99


def _best(mentions: list[_Mention], trigger: Token) -> _Mention:
    """The mention nearest the trigger in the tree, then the most precise, then the first."""
    order = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
    return min(
        mentions,
        key=lambda m: (_depth(trigger, m.anchor), order[m.reading.precision], m.span.start),
    )


def _pick(mentions: list[_Mention], trigger: Token) -> _Mention | None:
    """The mention that dates `trigger`'s event, by the order in the module docstring."""
    own = [m for m in mentions if m.anchor == trigger]
    if own:
        # A date inside the event noun's phrase defines it ("the 2011 uprising"); a "on Friday"
        # hung on the noun is as often the parser's misreading of the verb's date.
        return _best([m for m in own if m.attributive] or own, trigger)
    free = [m for m in mentions if not m.attributive]
    # The verb that carries an event noun, or the first of joined verbs: "launched strikes on
    # Friday", "four killed and 20 wounded on Friday".
    head = clause_head(trigger)
    carriers = {head.i} | {t.i for t in trigger.ancestors if head.is_ancestor(t)}
    near = [m for m in free if m.anchor.i in carriers]
    if near:
        return _best(near, trigger)
    clause_ids = clause_indexes(trigger)
    inside = [m for m in free if m.anchor.i in clause_ids]
    if inside:
        return _best(inside, trigger)
    readings = {(m.reading.day, m.reading.precision, m.span.text.lower()) for m in free}
    if len(readings) == 1 and not _crosses_shift(trigger, free[0].anchor):
        return free[0]
    return None


def event_date(trigger: Token, published: date | None) -> EventDate | None:
    """The date of the event of `trigger` (a verb or event noun), or None if none is given.

    Args:
        trigger: the event's verb or noun.
        published: the article's publication date; relative words stay unresolved without it.
    """
    mentions = [m for m in _mentions(trigger.sent, published) if trigger not in m.span]
    if not mentions:
        return None
    chosen = _pick(mentions, trigger)
    if chosen is None:
        return None
    return _event_date(chosen, published)


def _event_date(mention: _Mention, published: date | None) -> EventDate:
    """The event date a date mention gives."""
    reading = mention.reading
    return EventDate(
        date=reading.day.isoformat() if reading.day else None,
        text=mention.span.text,
        precision=reading.precision,
        background=_background(reading, published),
    )


def _paragraph_break(prev: Span, sent: Span) -> bool:
    """Whether a line break (or nothing but white space) parts `sent` from `prev`, the
    sentence before it: the white space between their last and first words is read."""
    doc = sent.doc
    end = prev.end - 1
    while end >= prev.start and doc[end].is_space:
        end -= 1
    begin = sent.start
    while begin < sent.end and doc[begin].is_space:
        begin += 1
    if end < prev.start or begin >= sent.end:
        return True
    return "\n" in doc[end:begin].text_with_ws


def lead_date(trigger: Token, published: date | None) -> EventDate | None:
    """The written day that opens the trigger's paragraph, for an event whose sentence gives
    no date at all: "On 3 May, gunmen attacked a bus in X. Two passengers were killed."

    Only when its sentence names no date and the paragraph names no other day (a second day
    means the paragraph tells more than one occasion), and only a written day ("3 May 2022",
    "May 3"), not a relative word whose reading could already be a guess.
    """
    sent = trigger.sent
    if _mentions(sent, published):
        return None
    # Every event of a sentence asks the same question: the answer is the sentence's.
    memo: dict[tuple[int, date | None], EventDate | None] = sent.doc.user_data[
        DATE_MEMO
    ].setdefault("lead", {})
    key = (sent.start, published)
    if key not in memo:
        memo[key] = _lead_date(sent, published)
    return memo[key]


def _lead_date(sent: Span, published: date | None) -> EventDate | None:
    """`lead_date` of any event of `sent`, a sentence that names no date."""
    doc = sent.doc
    first = sent
    while first.start > 0:
        prev = doc[first.start - 1].sent
        if _paragraph_break(prev, first):
            break
        first = prev
    days: dict[date, _Mention] = {}
    k = first.start
    while k < sent.start:
        here = doc[k].sent
        for m in _mentions(here, published):
            if m.reading.precision == "day" and m.reading.day is not None:
                days.setdefault(m.reading.day, m)
        k = here.end
    if len(days) != 1:
        return None
    mention = next(iter(days.values()))
    if mention.span.sent.start != first.start or not any(
        _kind(t) == "monthname" for t in _tokens(mention.span.text)
    ):
        return None  # the date must open the paragraph and be written out
    return _event_date(mention, published)
