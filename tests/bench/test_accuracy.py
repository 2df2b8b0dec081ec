"""The record parsers and helpers of bench/accuracy.py and its suites (tiny inline samples, no
shared folder)."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from suites import acled, case, common, newsdev, petrarch, plover, seed

from newsevents.core.record import Event

from .conftest import BENCH


def _accuracy() -> ModuleType:
    """bench/accuracy.py as a module (bench/ is scripts, not a package)."""
    path = BENCH / "accuracy.py"
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


def test_accuracy_parses_petrarch_records() -> None:
    records, categories = petrarch.parse_petrarch_records(PETR_SAMPLE)
    assert categories == {"DEMO", "MODIFY"}
    assert [r.id for r in records] == ["DEMO-1", "MOD-2", "ERR-3"]
    first = records[0]
    assert first.text == "Russian police arrested Russian students today."
    assert first.date == "19950104" and first.evaluate and not first.noevents
    assert first.events == [("RUSCOP", "RUSEDU", "212"), ("ARN", "---", "1952")]
    assert not records[1].evaluate and records[1].noevents and records[1].events == []
    assert records[2].error == "dateline"


def test_accuracy_petrarch_counts() -> None:
    assert petrarch.actor_code("ARN", "GOV") == "ARNGOV"
    assert petrarch.actor_code(None, None) == "---"
    assert petrarch.actor_code(None, "GOV") == "---GOV"
    expected = {("ARN", "GON", "050"), ("ARN", "OSG", "051")}
    predicted = {("ARN", "GON", "050"), ("ARN", "OSG", "057"), ("GON", "ARN", "050")}
    assert petrarch.petrarch_counts(expected, predicted) == (1, 2, 3)
    assert petrarch.petrarch_counts(expected, predicted, digits=2) == (2, 2, 3)


def test_accuracy_parses_plover_records() -> None:
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
    records = plover.parse_plover_records(data)
    assert [(r.id, r.event) for r in records] == [("A-1", "ASSAULT"), ("A-2", "REQUEST")]
    assert records[0].text == "Troops of Ruritania shelled Borduria."
    assert records[0].sources == ["RUR"] and records[0].targets == ["BOR"]
    assert records[1].sources == ["BOR", "SYL"] and records[1].targets == []


def test_accuracy_case_and_acled_helpers(tmp_path: Path) -> None:
    tsv = tmp_path / "case.tsv"
    tsv.write_text('id\tEventSnippet\tSubType\n1\tJets hit "the" camp\tAIR_STRIKE\n', "utf-8")
    assert case.read_case(tsv) == [("1", 'Jets hit "the" camp', "AIR_STRIKE")]
    assert case.weighted_f1(["A", "A", "B"], ["A", "B", "B"]) == pytest.approx(
        (2 * (2 / 3) + 1 * (2 / 3)) / 3
    )
    assert case.case_label([]) == "OTHER"
    strike = Event(event_type="ASSAULT", acled_sub_event_type="Air/drone strike", confidence=0.9)
    assert case.case_label([strike, Event(event_type="PROTEST", confidence=0.2)]) == "AIR_STRIKE"
    assert acled.haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.1)
    assert common.spread(list(range(10)), 3) == [0, 3, 6]
    assert seed.published_dates("`x_1.json` codes `../seeds/x_1.txt`, published 2017-05-27") == {
        "x_1": date(2017, 5, 27)
    }
    assert _accuracy().parse_limits(["5", "acled=7"])["acled"] == 7


def test_accuracy_reduces_petrarch_codes() -> None:
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
        assert petrarch.reduce_petrarch_code(code, sectors, religions) == reduced, code


def test_accuracy_newsdev_reads_manifest_dates(tmp_path: Path) -> None:
    manifest = tmp_path / "MANIFEST.tsv"
    manifest.write_text(
        "file\toutlet\tpublished\tsource\na_1.txt\tWire\t2016-05-30\thttp://x\nb.txt\tWire\t\t-\n",
        encoding="utf-8",
    )
    assert newsdev.manifest_dates(manifest) == {"a_1": date(2016, 5, 30)}


def test_accuracy_newsdev_says_when_shared_is_missing(tmp_path: Path) -> None:
    with pytest.raises(common.SuiteMissing, match="news-dev"):
        newsdev.suite_newsdev(tmp_path, 0)


def test_accuracy_written_date_before_an_inferred_one() -> None:
    inferred = Event(event_date="2024-05-04", date_precision="published", confidence=0.9)
    written = Event(event_date="2024-05-02", date_precision="day", confidence=0.5)
    assert common.written_date([inferred, written]) == "2024-05-02"
    assert common.written_date([inferred]) == "2024-05-04"
    assert common.written_date([]) is None
