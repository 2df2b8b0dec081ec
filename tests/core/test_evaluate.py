"""Scoring extracted events against gold rows (core/evaluate.py); no spaCy model needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.core import Result
from newsevents.core.errors import GoldFormatError, InputError
from newsevents.core.evaluate import (
    GoldEvent,
    Score,
    combine,
    gold_path_for,
    load_gold,
    load_golds,
    mention_groups,
    names_agree,
    score,
    score_results,
    sentences_overlap,
)
from newsevents.core.record import Event

STRIKE = "Northland jets bombed rebel camps in Riverton on Friday"
STRIKE_FULL = f"{STRIKE}, hours after gunmen attacked a convoy near Hilltop, killing 12 people."
CONVOY = "gunmen attacked a convoy near Hilltop, killing 12 people"
TALKS = "The two governments met in Lakeside to discuss a ceasefire"
HISTORY = "Northland has bombed Riverton many times since 2015"
JETS = "The jets hit the camps with guided bombs"


def gold_row(index: int, sentence: str, event_class: str, **kw: object) -> GoldEvent:
    """A gold row with defaults for the fields a test does not care about."""
    return GoldEvent(index=index, sentence=sentence, event_class=event_class, **kw)


def event(sentence: str, event_type: str, **kw: object) -> Event:
    """An extracted event with defaults for the fields a test does not care about."""
    return Event(sentence=sentence, event_type=event_type, **kw)


def test_evaluate_matches_by_containing_sentence() -> None:
    gold = [gold_row(0, STRIKE, "ASSAULT")]
    result = score([event(STRIKE_FULL, "ASSAULT")], gold)
    assert (result.tp, result.fp, result.fn, result.matched) == (1, 0, 0, 1)
    assert result.precision == result.recall == result.f1 == 1.0


def test_evaluate_matches_by_partial_overlap() -> None:
    # the extractor split the sentence elsewhere: its evidence is only part of the gold clause
    gold = [gold_row(0, STRIKE_FULL, "ASSAULT")]
    assert score([event("hours after gunmen attacked a convoy near Hilltop", "ASSAULT")], gold).tp
    assert sentences_overlap(
        "“Northland jets bombed rebel camps", "Northland jets bombed rebel camps"
    )
    # neither contains the other, but they share a long run of words
    assert sentences_overlap("rebel camps in Riverton on Friday, the army said", STRIKE)


def test_evaluate_short_common_phrase_is_no_overlap() -> None:
    assert not sentences_overlap("The army said on Friday that talks failed", STRIKE)


def test_evaluate_wrong_sentence_or_type_is_false_positive() -> None:
    gold = [gold_row(0, STRIKE, "ASSAULT")]
    result = score([event(TALKS, "ASSAULT"), event(STRIKE_FULL, "PROTEST")], gold)
    assert (result.tp, result.fp, result.fn, result.matched) == (0, 2, 1, 0)
    assert result.precision == result.recall == result.f1 == 0.0


def test_evaluate_alt_type_is_accepted() -> None:
    gold = [gold_row(0, TALKS, "CONSULT", alt_event_class="COOPERATE")]
    assert score([event(TALKS, "COOPERATE")], gold).tp == 1
    assert score([event(TALKS, "CONSULT")], gold).tp == 1
    assert score([event(TALKS, "AGREE")], gold).fp == 1


def test_evaluate_mention_of_rows_count_as_one_event() -> None:
    gold = [
        gold_row(0, STRIKE, "ASSAULT"),
        gold_row(1, "The jets hit the camps with guided bombs", "ASSAULT", mention_of=0),
        gold_row(2, TALKS, "CONSULT"),
    ]
    assert mention_groups(gold) == [0, 0, 2]
    # found through the second mention only: the event is found, nothing is missed twice
    result = score([event("The jets hit the camps with guided bombs.", "ASSAULT")], gold)
    assert (result.tp, result.fn) == (1, 1)
    # both mentions extracted: still one event found, both extractions are right
    both = score([event(STRIKE, "ASSAULT"), event(gold[1].sentence, "ASSAULT")], gold)
    assert (both.tp, both.fn, both.matched, both.fp) == (1, 1, 2, 0)


@pytest.mark.parametrize(
    ("extracted", "expected"),
    [
        # one row per event: strict and lenient agree
        ([(STRIKE, "ASSAULT"), (TALKS, "CONSULT")], (2, 0, 2, 0, 0)),
        # two rows for the strike (both its mentions): the second one is an extra
        ([(STRIKE, "ASSAULT"), (JETS, "ASSAULT")], (1, 1, 1, 1, 1)),
        # three rows for the strike, one that matches nothing: two extras and the miss
        ([(STRIKE_FULL, "ASSAULT"), (JETS, "ASSAULT"), (STRIKE, "ASSAULT"), (TALKS, "AID")],
         (1, 1, 1, 3, 2)),
    ],
)  # fmt: skip
def test_evaluate_strict_counts_second_rows_for_one_event_as_extra(
    extracted: list[tuple[str, str]], expected: tuple[int, int, int, int, int]
) -> None:
    gold = [
        gold_row(0, STRIKE, "ASSAULT", date="2024-05-03"),
        gold_row(1, JETS, "ASSAULT", mention_of=0),
        gold_row(2, TALKS, "CONSULT"),
    ]
    events = [event(s, t) for s, t in extracted]
    strict = score(events, gold, strict=True)
    assert (strict.tp, strict.fn, strict.matched, strict.fp, strict.duplicates) == expected
    lenient = score(events, gold)
    # recall and the events compared field by field do not change, only precision does
    assert (lenient.tp, lenient.fn, lenient.duplicates) == (strict.tp, strict.fn, 0)
    assert lenient.matched + lenient.fp == strict.matched + strict.fp
    assert lenient.field_total == strict.field_total


def test_evaluate_strict_keeps_the_best_fitting_row_for_the_fields() -> None:
    # the row whose actors fit the gold row is the one whose fields are compared
    gold = [gold_row(0, STRIKE, "ASSAULT", source="Northland jets", date="2024-05-03")]
    loose = event(STRIKE, "ASSAULT", source_text="rebels")
    fitting = event(STRIKE_FULL, "ASSAULT", source_text="Northland jets", event_date="2024-05-03")
    result = score([loose, fitting], gold, strict=True)
    assert (result.matched, result.fp, result.duplicates) == (1, 1, 1)
    assert result.precision == 0.5
    assert (result.field_correct["source"], result.field_correct["date"]) == (1, 1)


def test_evaluate_strict_background_rows_stay_apart() -> None:
    gold = [gold_row(0, STRIKE, "ASSAULT"), gold_row(1, HISTORY, "ASSAULT", background=True)]
    result = score([event(HISTORY, "ASSAULT"), event(HISTORY, "ASSAULT")], gold, strict=True)
    assert (result.background_matched, result.fp, result.duplicates) == (2, 0, 0)


def test_evaluate_mention_groups_follow_chains() -> None:
    gold = [
        gold_row(0, "a b c", "ASSAULT"),
        gold_row(1, "d e f", "ASSAULT", mention_of=0),
        gold_row(2, "g h i", "ASSAULT", mention_of=1),
        gold_row(3, "j k l", "ASSAULT"),
    ]
    assert mention_groups(gold) == [0, 0, 0, 3]


def test_evaluate_background_rows_are_counted_apart() -> None:
    gold = [gold_row(0, STRIKE, "ASSAULT"), gold_row(1, HISTORY, "ASSAULT", background=True)]
    result = score([event(HISTORY, "ASSAULT")], gold)
    assert (result.tp, result.fp, result.fn, result.background_matched) == (0, 0, 1, 1)
    assert result.precision == 0.0  # nothing counted: no division by zero
    # background rows are never missed
    assert score([event(STRIKE, "ASSAULT")], gold).fn == 0


def test_evaluate_extracted_background_events_are_ignored() -> None:
    gold = [gold_row(0, STRIKE, "ASSAULT")]
    result = score([event(TALKS, "CONSULT", background=True)], gold)
    assert (result.tp, result.fp, result.fn) == (0, 0, 1)


def test_evaluate_one_event_credits_one_gold_row() -> None:
    # one sentence, two gold assaults: an event matching both credits the one it resembles
    gold = [gold_row(0, STRIKE, "ASSAULT", source="Northland jets", target="rebel camps"),
            gold_row(1, CONVOY, "ASSAULT", source="gunmen", target="a convoy")]  # fmt: skip
    result = score(
        [event(STRIKE_FULL, "ASSAULT", source_text="gunmen", target_text="convoy")], gold
    )
    assert (result.tp, result.fn, result.matched) == (1, 1, 1)
    assert result.field_correct["source"] == 1


def test_evaluate_field_accuracy_among_matched() -> None:
    gold = [
        gold_row(0, STRIKE, "ASSAULT", source="Northland", target="rebel camps",
                 location="Riverton", country="RVL", date="2024-05-03", fatalities=None),
        gold_row(1, CONVOY, "ASSAULT", source="masked gunmen", target="a convoy",
                 location="Hilltop", country="NLD", date="2024-05-03", fatalities=12),
    ]  # fmt: skip
    events = [
        event(STRIKE, "ASSAULT", source_text="Northland jets", target_text="camps",
              location_name="Riverton", location_country="RVL", event_date="2024-05-03"),
        event(CONVOY, "ASSAULT", source_text="gunmen", target_text="the convoy",
              location_name="Hilltop", location_country="NL", event_date="2024-05-02", dead=11),
        event(TALKS, "CONSULT", source_text="governments"),  # unmatched: not compared
    ]  # fmt: skip
    result = score(events, gold)
    assert result.field_total == dict.fromkeys(result.field_total, 2)
    acc = result.field_accuracy
    assert acc["source"] == acc["target"] == acc["location"] == 1.0
    assert acc["country"] == 1.0  # NL (alpha-2) is NLD
    assert acc["date"] == 0.5
    assert acc["fatalities"] == 0.5  # None == None counts, 11 != 12 does not


def test_evaluate_location_accepts_geonames_spellings() -> None:
    gold = [gold_row(0, STRIKE, "ASSAULT", location="Derna")]
    # the geocoder names the place by its GeoNames name; 87205 is Darnah (Derna), Libya
    darnah = event(STRIKE, "ASSAULT", location_name="Darnah", geonameid=87205)
    assert score([darnah], gold).field_accuracy["location"] == 1.0
    elsewhere = event(STRIKE, "ASSAULT", location_name="Tobruk", geonameid=None)
    assert score([elsewhere], gold).field_accuracy["location"] == 0.0


def test_evaluate_names_agree_by_shared_words() -> None:
    assert names_agree("The air force loyal to Khalifa Haftar", "Haftar")
    assert names_agree("Haftar's forces", None, "Khalifa Haftar")
    assert not names_agree("the army", "the police")  # "the" is no shared word
    assert names_agree(None, None, "")
    assert not names_agree(None, "gunmen")
    assert not names_agree("gunmen", None)


def test_evaluate_combine_sums_counts() -> None:
    gold = [gold_row(0, STRIKE, "ASSAULT"), gold_row(1, TALKS, "CONSULT")]
    a = score([event(STRIKE, "ASSAULT")], gold)
    b = score([event(TALKS, "AGREE")], gold)
    total = combine([a, b])
    assert (total.tp, total.fp, total.fn, total.articles) == (1, 1, 3, 2)
    assert total.precision == 0.5
    assert total.recall == 0.25
    assert total.field_total["date"] == 1
    assert combine([]).to_dict()["f1"] == 0.0


def test_evaluate_to_dict_is_json_ready() -> None:
    result = score([event(STRIKE, "ASSAULT")], [gold_row(0, STRIKE, "ASSAULT")])
    data = json.loads(json.dumps(result.to_dict()))
    assert data["tp"] == 1 and data["precision"] == 1.0
    assert set(data["fields"]) == {"source", "target", "location", "country", "date", "fatalities"}
    assert data["fields"]["date"]["accuracy"] == 1.0
    assert Score().to_dict()["fields"]["source"]["accuracy"] is None


def test_evaluate_load_gold_reads_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    rows = [
        {"sentence": STRIKE, "source": "Northland", "target": None, "action": "bombed",
         "event_class": "assault", "alt_event_class": "COERCE", "location": "Riverton",
         "country": "rvl", "date": "2024-05-03", "fatalities": 3, "background": False},
        {"sentence": HISTORY, "event_class": "ASSAULT", "background": True, "mention_of": 0,
         "note": "habitual"},
    ]  # fmt: skip
    path.write_text(json.dumps(rows), encoding="utf-8")
    gold = load_gold(path)
    assert [g.index for g in gold] == [0, 1]
    assert gold[0].classes == {"ASSAULT", "COERCE"}
    assert gold[0].country == "RVL" and gold[0].fatalities == 3 and gold[0].target is None
    assert gold[1].background and gold[1].mention_of == 0


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('{"sentence": "x"}', "expected a JSON list"),
        ('["x"]', "row 0: expected an object"),
        ('[{"event_class": "ASSAULT"}]', "row 0: 'sentence'"),
        ('[{"sentence": "x", "event_class": "WAR"}]', "row 0: 'event_class'"),
        ('[{"sentence": "x", "event_class": "AID", "fatalities": "3"}]', "'fatalities'"),
        ('[{"sentence": "x", "event_class": "AID", "background": "no"}]', "'background'"),
        ('[{"sentence": "x", "event_class": "AID", "mention_of": 4}]', "'mention_of' 4"),
        ('[{"sentence": "x", "event_class": "AID", "date": "May 3"}]', "'date'"),
    ],
)
def test_evaluate_load_gold_names_file_and_problem(
    tmp_path: Path, content: str, problem: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    assert info.value.path == str(path)
    assert problem in info.value.problem


def test_evaluate_load_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="no such gold file"):
        load_gold(tmp_path / "nope.json")


# --- pairing articles with gold files -----------------------------------------------------------


def test_evaluate_pairs_articles_with_gold_files(tmp_path: Path) -> None:
    assert gold_path_for(tmp_path, Path("seeds/a.txt")) == tmp_path / "a.json"
    (tmp_path / "a.json").write_text(
        json.dumps([{"sentence": STRIKE, "event_class": "ASSAULT"}]), encoding="utf-8"
    )
    [(gold_file, rows)] = load_golds(tmp_path, [Path("seeds/a.txt")])
    assert gold_file == tmp_path / "a.json" and [r.sentence for r in rows] == [STRIKE]
    with pytest.raises(GoldFormatError, match="no such gold file"):
        load_golds(tmp_path, [Path("b.txt")])


def test_evaluate_score_results_per_article_and_total(tmp_path: Path) -> None:
    gold = [(tmp_path / "a.json", [GoldEvent(0, STRIKE, "ASSAULT")])]
    found = Result(
        path="a.txt", article=None, events=[Event(event_type="ASSAULT", sentence=STRIKE_FULL)]
    )
    scores, total = score_results([Path("a.txt")], gold, [found])
    assert [(s.article, s.extracted, s.score.tp) for s in scores] == [("a.txt", 1, 1)]
    assert total.tp == 1 and scores[0].to_dict()["gold"] == str(tmp_path / "a.json")
    failed = Result(path="a.txt", article=None, error=InputError("a.txt", "empty", "add text"))
    with pytest.raises(InputError):
        score_results([Path("a.txt")], gold, [failed])


@pytest.mark.parametrize(
    ("gold_date", "event_date", "precision", "agrees"),
    [
        # a row dated only by its publication date states no day: as a gold null
        (None, "2024-05-04", "published", True),
        ("2024-05-04", "2024-05-04", "published", False),
        # a day taken from the lede or a retold event is a day the row claims
        ("2024-05-03", "2024-05-03", "lede", True),
        (None, "2024-05-03", "retold", False),
        ("2024-05-03", "2024-05-03", "day", True),
    ],
)
def test_evaluate_publication_date_stand_in_states_no_day(
    gold_date: str | None, event_date: str, precision: str, agrees: bool
) -> None:
    gold = [gold_row(0, STRIKE, "ASSAULT", date=gold_date)]
    found = event(STRIKE, "ASSAULT", event_date=event_date, date_precision=precision)
    assert score([found], gold).field_correct["date"] == int(agrees)
