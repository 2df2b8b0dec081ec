"""Scoring extracted events against gold rows (core/evaluate.py); no spaCy model needed."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
import typer
from typer.testing import CliRunner

from newsevents.cli.commands.evaluate import evaluate_articles, evaluate_command
from newsevents.core.errors import GoldFormatError
from newsevents.core.evaluate import (
    GoldEvent,
    Score,
    combine,
    load_gold,
    mention_groups,
    names_agree,
    score,
    sentences_overlap,
)
from newsevents.core.record import Event

STRIKE = "Northland jets bombed rebel camps in Riverton on Friday"
STRIKE_FULL = f"{STRIKE}, hours after gunmen attacked a convoy near Hilltop, killing 12 people."
CONVOY = "gunmen attacked a convoy near Hilltop, killing 12 people"
TALKS = "The two governments met in Lakeside to discuss a ceasefire"
HISTORY = "Northland has bombed Riverton many times since 2015"


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


# --- the record parsers of bench/accuracy.py (tiny inline samples, no shared folder) -----------


def _bench() -> ModuleType:
    """bench/accuracy.py as a module (bench/ is scripts, not a package)."""
    path = Path(__file__).resolve().parent.parent / "bench" / "accuracy.py"
    spec = importlib.util.spec_from_file_location("bench_accuracy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


PETR_SAMPLE = """<Validation>
<!-- a header comment with <Sentence category="X" id="NOT-A-RECORD"> inside -->
<Environment> <Include>DEMO MODIFY </Include> </Environment>
<Sentences>
<Sentence category="DEMO" date="19950104" id="DEMO-1" evaluate="true">
<!-- what this tests -->
<EventCoding eventcode="212" sourcecode="RUSCOP" targetcode="RUSEDU" />
<EventCoding sourcecode='ARN' targetcode="---" eventcode="1952"></EventCoding>
<PLEvent {"event": "212", "source": [{"code": "RUSCOP"}]}>
<Text>
Russian police arrested
Russian students today.
</Text>
<Parse>
1	Russian	russian	ADJ	JJ	_	2	amod	_	_
</Parse></Sentence>
<Config option="require_dyad" value="false" />
<Sentence category="MODIFY" date="19950105" id="MOD-2" evaluate="false">
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentence>
<Sentence category="ERROR" date="19950105" id="ERR-3">
<EventCoding error="dateline" />
<Text>Bad.</Text>
</Sentence>
</Sentences></Validation>
"""


def test_evaluate_bench_parses_petrarch_records() -> None:
    bench = _bench()
    records, categories = bench.parse_petrarch_records(PETR_SAMPLE)
    assert categories == {"DEMO", "MODIFY"}
    assert [r.id for r in records] == ["DEMO-1", "MOD-2", "ERR-3"]
    first = records[0]
    assert first.text == "Russian police arrested Russian students today."
    assert first.date == "19950104" and first.evaluate and not first.noevents
    assert first.events == [("RUSCOP", "RUSEDU", "212"), ("ARN", "---", "1952")]
    assert not records[1].evaluate and records[1].noevents and records[1].events == []
    assert records[2].error == "dateline"


def test_evaluate_bench_petrarch_counts() -> None:
    bench = _bench()
    assert bench.actor_code("ARN", "GOV") == "ARNGOV"
    assert bench.actor_code(None, None) == "---"
    assert bench.actor_code(None, "GOV") == "---GOV"
    expected = {("ARN", "GON", "050"), ("ARN", "OSG", "051")}
    predicted = {("ARN", "GON", "050"), ("ARN", "OSG", "057"), ("GON", "ARN", "050")}
    assert bench.petrarch_counts(expected, predicted) == (1, 2, 3)
    assert bench.petrarch_counts(expected, predicted, digits=2) == (2, 2, 3)


def test_evaluate_bench_parses_plover_records() -> None:
    bench = _bench()
    data = [
        {"id": "PLOVER-DOC", "event": "DOCUMENT", "eventText": "docs"},
        {"id": "A-1", "event": "FIGHT", "text": " Troops of Ruritania shelled Borduria. ",
         "source": [{"actorText": "Ruritania", "code": "RUR", "sector": "MIL"}],
         "target": [{"actorText": "Borduria", "code": "BOR"}]},
        {"id": "A-2", "event": "DEMAND", "text": "Borduria and Syldavia asked for talks.",
         "source": [{"actorText": "Borduria", "code": "BOR"}, {"actorText": "Syldavia",
                     "code": "SYL"}], "target": ""},
        {"id": "A-3", "event": "AGREE", "text": "", "source": None},
    ]  # fmt: skip
    records = bench.parse_plover_records(data)
    assert [(r.id, r.event) for r in records] == [("A-1", "ASSAULT"), ("A-2", "REQUEST")]
    assert records[0].text == "Troops of Ruritania shelled Borduria."
    assert records[0].sources == ["RUR"] and records[0].targets == ["BOR"]
    assert records[1].sources == ["BOR", "SYL"] and records[1].targets == []


def test_evaluate_bench_case_and_acled_helpers(tmp_path: Path) -> None:
    bench = _bench()
    tsv = tmp_path / "case.tsv"
    tsv.write_text('id\tEventSnippet\tSubType\n1\tJets hit "the" camp\tAIR_STRIKE\n', "utf-8")
    assert bench.read_case(tsv) == [("1", 'Jets hit "the" camp', "AIR_STRIKE")]
    assert bench.weighted_f1(["A", "A", "B"], ["A", "B", "B"]) == pytest.approx(
        (2 * (2 / 3) + 1 * (2 / 3)) / 3
    )
    assert bench.case_label([]) == "OTHER"
    strike = Event(event_type="ASSAULT", acled_sub_event_type="Air/drone strike", confidence=0.9)
    assert bench.case_label([strike, Event(event_type="PROTEST", confidence=0.2)]) == "AIR_STRIKE"
    assert bench.haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.1)
    assert bench.spread(list(range(10)), 3) == [0, 3, 6]
    assert bench.published_dates("`x_1.json` codes `../seeds/x_1.txt`, published 2017-05-27") == {
        "x_1": date(2017, 5, 27)
    }
    assert bench.parse_limits(["5", "acled=7"])["acled"] == 7


def test_evaluate_bench_reduces_petrarch_codes() -> None:
    bench = _bench()
    sectors, religions = {"GOV", "MIL", "COP", "EDU", "OPP", "IGO", "NGO", "REB"}, {"MUS"}
    cases = {
        "ARN": "ARN",
        "ARNGOVFRM": "ARNGOV",
        "ORCHOB": "ORC",
        "FRO/BIL/SAM": "FRO",
        "---": "---",
        "---GOV": "---GOV",
        "GOV": "---GOV",
        "DNKMUSMED": "DNKREL",
        "IGOCOPITP": "IGOCOP",
        "IMGMOSALQ": "IMGREB",
        "NGMOPP": "NGOOPP",
    }
    for code, reduced in cases.items():
        assert bench.reduce_petrarch_code(code, sectors, religions) == reduced, code


# --- the `evaluate` command ---------------------------------------------------------------------


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command("evaluate")(evaluate_command)
    app.command("other")(lambda: None)  # two commands: `evaluate` stays a subcommand
    return app


def test_evaluate_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Rebels attacked a convoy.\n", encoding="utf-8")
    runner = CliRunner()
    missing = runner.invoke(_cli(), ["evaluate", "--gold", str(tmp_path / "no"), str(article)])
    assert missing.exit_code == 2 and "no such gold folder" in missing.output
    no_gold = runner.invoke(_cli(), ["evaluate", "--gold", str(tmp_path), str(article)])
    assert no_gold.exit_code == 2 and "no such gold file" in no_gold.output
    (tmp_path / "a.json").write_text("[]", encoding="utf-8")
    bad_date = runner.invoke(
        _cli(), ["evaluate", "--gold", str(tmp_path), str(article), "--date", "May 3"]
    )
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output


def test_evaluate_articles_pairs_article_with_gold(tmp_path: Path, nlp: object) -> None:
    text = "Rebels attack army convoy\n\nRebels attacked an army convoy near Goma on Friday.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    row = {"sentence": "Rebels attacked an army convoy near Goma on Friday", "source": "Rebels"}
    row |= {"target": "an army convoy", "event_class": "ASSAULT", "location": "Goma"}
    rows = [row | {"country": "COD", "date": "2024-05-03", "background": False}]
    (tmp_path / "a.json").write_text(json.dumps(rows), encoding="utf-8")
    scores, total = evaluate_articles(tmp_path, [tmp_path / "a.txt"], published=date(2024, 5, 4))
    assert [Path(s.article).name for s in scores] == ["a.txt"]
    assert scores[0].gold == str(tmp_path / "a.json")
    assert total.articles == 1 and total.tp + total.fn == 1
    result = CliRunner().invoke(
        _cli(), ["evaluate", "--gold", str(tmp_path), str(tmp_path / "a.txt"), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["total"]["articles"] == 1
