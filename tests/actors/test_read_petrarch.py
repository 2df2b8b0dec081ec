"""PETRARCH dictionaries: actors, agents, .txt detection, date-restricted codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsevents.core.actors.dictionary import ActorDictionary

from .helpers import code, triple


def test_actors_petrarch_actors_file(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "test.actors"
    path.write_text(
        "# a comment\n<!-- an XML comment -->\n"
        "ZORLAND_ [ZRL]\n+ZORLANDIAN_\n\n"
        "ADA_KESSEL_  # the president\n+PRESIDENT_KESSEL\n"
        "\t[ZRLOPP 100101-201231]\n\t[ZRLGOV 210101-999999]\n"
        "SKY_WATCH [IGOUNO]\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.default().load_file(path)
    assert actors.country_of("Zorlandian") == "ZRL"
    kessel = actors.lookup("president kessel")
    assert kessel is not None and (kessel.country, kessel.sector) == ("ZRL", "GOV")
    watch = actors.lookup("sky watch")
    assert watch is not None and (watch.country, watch.sector) == ("IGO", "IGO")
    assert triple(code(nlp, "Zorlandian police raided the office.", actors)) == (
        "Zorland police",
        "ZRL",
        "COP",
    )


def test_actors_petrarch_agents_file(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "test.agents"
    path.write_text(
        "!PERSON! = MAN, MEN\nRANGER {RANGERS} [~COP]\nHARBOR!PERSON! [~LAB] # dockers\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.default().load_file(path)
    assert actors.agent_sector("harbormen") == "LAB"
    assert triple(code(nlp, "Kenyan rangers arrested two poachers.", actors)) == (
        "Kenya rangers",
        "KEN",
        "COP",
    )


def test_actors_petrarch_txt_detected(tmp_path: Path) -> None:
    path = tmp_path / "dict.txt"
    path.write_text("ZORLAND_ [ZRL]\n+ZORLANDIAN_\n", encoding="utf-8")
    assert ActorDictionary.default().load_file(path).country_of("Zorland") == "ZRL"


@pytest.mark.parametrize(
    ("pattern", "written"),
    [
        ("CONGRESS [~LEG]", "congresses"),
        ("SECURITY_OFFICIALS [~GOV]", "security official"),
        ("HARBOR_POLICY_BODY [~GOV]", "harbor policy bodies"),
        ("COASTGUARDSMAN [~MIL]", "coastguardsmen"),
    ],
)
def test_actors_petrarch_agents_get_their_other_number(
    tmp_path: Path, pattern: str, written: str
) -> None:
    path = tmp_path / "test.agents"
    path.write_text(pattern + "\n", encoding="utf-8")
    actors = ActorDictionary.default().load_file(path)
    sector = pattern.split("~")[1].rstrip("]")
    assert actors.agent_sector(written) == sector


DATED = (
    "VELDA_ [VLD]\n"
    "\t[VLDREB <19900101]\n"
    "\t[VLDMIL 19950101-19991231]  # listed first: wins where the spans overlap\n"
    "\t[VLDGOV 19900101-19991231]\n"
    "\t[VLDOPP >20050101]\n"
    "OSRIC_ORNE_\n\t[ORN <200101]\n\t[ORNGOV]\n"
)


@pytest.mark.parametrize(
    ("day", "country", "sector"),
    [
        ("1985-06-01", "VLD", "REB"),  # before a day
        ("1990-01-01", "VLD", "GOV"),  # a span includes its first day
        ("1996-03-01", "VLD", "MIL"),  # overlapping spans: the first listed
        ("1999-12-31", "VLD", "MIL"),  # ... and its last day
        ("1991-05-05", "VLD", "GOV"),
        ("2002-05-05", "VLD", None),  # no span: the undated code
        ("2005-01-02", "VLD", "OPP"),  # after a day
    ],
)
def test_actors_petrarch_dated_codes_follow_the_article_date(
    nlp: Language, tmp_path: Path, day: str, country: str, sector: str | None
) -> None:
    from datetime import date

    path = tmp_path / "dated.actors"
    path.write_text(DATED, encoding="utf-8")
    actors = ActorDictionary.default().load_file(path)
    found = code(nlp, "Velda signed the treaty.", actors)
    dated = actors.on_date(found, date.fromisoformat(day))
    assert dated is not None and (dated.country, dated.sector) == (country, sector)
    assert actors.on_date(found, None) == found  # no date: the code picked at load time


def test_actors_petrarch_dated_codes_keep_the_head_sector(nlp: Language, tmp_path: Path) -> None:
    from datetime import date

    path = tmp_path / "dated.actors"
    path.write_text(DATED, encoding="utf-8")
    actors = ActorDictionary.default().load_file(path)
    found = code(nlp, "Velda police arrested ten people.", actors)
    dated = actors.on_date(found, date(1985, 6, 1))
    assert dated is not None and (dated.country, dated.sector) == ("VLD", "COP")
    # two-digit years; an entry without a dated default keeps it from before
    orne = code(nlp, "Osric Orne signed the treaty.", actors)
    assert triple(actors.on_date(orne, date(1999, 1, 1))) == ("Osric Orne", "ORN", None)
    assert triple(actors.on_date(orne, date(2021, 1, 1))) == ("Osric Orne", "ORN", "GOV")


@pytest.mark.parametrize(("published", "sector"), [("1985-06-01", "REB"), ("1991-05-05", "GOV")])
def test_actors_petrarch_dated_codes_in_extracted_events(
    tmp_path: Path, published: str, sector: str
) -> None:
    from newsevents.core import extract

    path = tmp_path / "dated.actors"
    path.write_text(DATED, encoding="utf-8")
    actors = ActorDictionary.default().load_file(path)
    events = extract("Velda attacked the Peruvian army.", published=published, actors=actors)
    assert [(e.source_country, e.source_sector) for e in events] == [("VLD", sector)]
