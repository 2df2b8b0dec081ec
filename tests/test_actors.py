"""Actor coding: dictionary phrases, head-noun agents, user dictionaries and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Span

from newsevents.core.actors.dictionary import ActorDictionary, country_of
from newsevents.core.actors.entries import ActorCode
from newsevents.core.errors import DictionaryError


def subject(nlp: Language, text: str) -> Span:
    """The subtree of the sentence's first subject (or the first token when none)."""
    doc = nlp(text)
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass"):
            return doc[token.left_edge.i : token.right_edge.i + 1]
    return doc[0:1]


def code(nlp: Language, text: str, actors: ActorDictionary | None = None) -> ActorCode | None:
    return (actors or ActorDictionary.default()).code_span(subject(nlp, text))


def triple(result: ActorCode | None) -> tuple[str, str | None, str | None] | None:
    return None if result is None else (result.name, result.country, result.sector)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Egypt recalled its envoy.", ("Egypt", "EGY", None)),
        ("The United States imposed new tariffs.", ("United States", "USA", None)),
        ("Britain summoned the diplomat.", ("United Kingdom", "GBR", None)),
        ("Moscow rejected the offer.", ("Russia", "RUS", "GOV")),
        ("Kyiv asked for more help.", ("Ukraine", "UKR", "GOV")),
    ],
)
def test_actors_countries_and_capitals(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Egyptian police detained four students.", ("Egypt police", "EGY", "COP")),
        ("Israeli troops entered the village.", ("Israel troops", "ISR", "MIL")),
        ("Chinese warplanes circled the island.", ("China warplanes", "CHN", "MIL")),
        ("Libyan militiamen seized the depot.", ("Libya militiamen", "LBY", "MIL")),
        ("The Turkish air force bombed the ridge.", ("Turkey air force", "TUR", "MIL")),
        ("The Egyptian army spokesman denied it.", ("Egypt army spokesman", "EGY", "MIL")),
        ("Kenyan protesters blocked the road.", ("Kenya protesters", "KEN", "OPP")),
        ("The Egyptians celebrated the win.", ("Egypt", "EGY", None)),
    ],
)
def test_actors_demonym_and_agent(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The UN Security Council met on Friday.", ("UN Security Council", "IGO", "IGO")),
        ("NATO moved jets east.", ("NATO", "IGO", "MIL")),
        ("UN peacekeepers guarded the camp.", ("UN peacekeepers", "IGO", "MIL")),
        ("The African Union suspended the member.", ("African Union", "IGO", "IGO")),
        ("The ICC issued a warrant.", ("International Criminal Court", "IGO", "JUD")),
        ("Amnesty International criticised the verdict.", ("Amnesty International", "NGO", "NGO")),
    ],
)
def test_actors_igos_and_ngos(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hamas gunmen fired at the post.", ("Hamas", "PSE", "REB")),
        ("Al-Qaeda militants ambushed the patrol.", ("al-Qaeda", "IMG", "REB")),
        ("The Islamic State group claimed the blast.", ("Islamic State", "IMG", "REB")),
        ("Houthi rebels targeted a tanker.", ("Houthis", "YEM", "REB")),
        ("The Rapid Support Forces shelled the market.", ("Rapid Support Forces", "SDN", "REB")),
        ("Boko Haram fighters raided the town.", ("Boko Haram", "NGA", "REB")),
        # national unions and parties carry their country
        ("The CGT called a strike at the port.", ("CGT", "FRA", "LAB")),
        ("The KCTU staged a rally.", ("Korean Confederation of Trade Unions", "KOR", "LAB")),
        ("The SPD criticised the budget.", ("SPD", "DEU", "PTY")),
    ],
)
def test_actors_groups_unions_and_parties(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Khalifa Haftar visited the front.", ("Khalifa Haftar", "LBY", "MIL")),
        (
            "Egyptian President Abdel Fattah al-Sisi opened the bridge.",
            ("Abdel Fattah al-Sisi", "EGY", "GOV"),
        ),
        ("Putin signed the decree.", ("Vladimir Putin", "RUS", "GOV")),
        ("Xi Jinping hosted the summit.", ("Xi Jinping", "CHN", "GOV")),
        ("Zelenskyy thanked the donors.", ("Volodymyr Zelensky", "UKR", "GOV")),
    ],
)
def test_actors_leaders(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Libya's Khalifa Haftar rejected the deal.", ("Khalifa Haftar", "LBY", "MIL")),
        ("Russia's foreign minister flew home.", ("Russia foreign minister", "RUS", "GOV")),
        (
            "The air force loyal to Libya's Khalifa Haftar bombed the runway.",
            ("Khalifa Haftar", "LBY", "MIL"),
        ),
        ("Putin's spokesman dismissed the report.", ("Vladimir Putin", "RUS", "GOV")),
    ],
)
def test_actors_possessives(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. sent aid.",
        "The US sent aid.",
        "U.S. officials sent aid.",
        "US officials sent aid.",
        "American officials sent aid.",
        "Washington sent aid.",
    ],
)
def test_actors_us_variants(nlp: Language, sentence: str) -> None:
    result = code(nlp, sentence)
    assert result is not None and result.country == "USA"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Unidentified gunmen killed a farmer.", ("Unidentified gunmen", None, "UAF")),
        ("Hundreds of protesters marched downtown.", ("protesters", None, "OPP")),
        ("Three masked gunmen stormed the shop.", ("masked gunmen", None, "UAF")),
        ("John Smith spoke to reporters.", ("John Smith", None, None)),
        # Kin of police or soldiers are civilians, not police or soldiers.
        (
            "Relatives of police officers gathered downtown.",
            ("Relatives of police officers", None, "CVL"),
        ),
        (
            "Family members of soldiers marched downtown.",
            ("Family members of soldiers", None, "CVL"),
        ),
        ("The wives of soldiers marched downtown.", ("wives of soldiers", None, "CVL")),
    ],
)
def test_actors_agents_without_country(
    nlp: Language, sentence: str, expected: tuple[str, str | None, str | None]
) -> None:
    assert triple(code(nlp, sentence)) == expected


@pytest.mark.parametrize("sentence", ["He denied the report.", "They left early."])
def test_actors_pronouns_give_none(nlp: Language, sentence: str) -> None:
    assert code(nlp, sentence) is None


def test_actors_keeps_verbatim_text(nlp: Language) -> None:
    result = code(nlp, "The Egyptian police detained him.")
    assert result is not None and result.text == "The Egyptian police"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egyptian", "EGY"),
        ("the U.S.", "USA"),
        ("Libya's", "LBY"),
        ("Kyiv", "UKR"),
        ("UN", None),
        ("Atlantis", None),
    ],
)
def test_actors_country_of(text: str, expected: str | None) -> None:
    assert country_of(text) == expected


def test_actors_user_csv(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "# my actors\npattern,name,country,sector,kind\n"
        "zorland,Zorland,ZRL,,country\nzorlandian,Zorland,ZRL,,demonym\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.default().load_file(path)
    assert triple(code(nlp, "Zorlandian soldiers crossed the river.", actors)) == (
        "Zorland soldiers",
        "ZRL",
        "MIL",
    )
    # The built-in dictionary is not changed by loading a user file.
    assert ActorDictionary.default().lookup("zorland") is None


@pytest.mark.parametrize(
    ("sentence", "builtin", "expected"),
    [
        ("Zorlandian soldiers crossed the river.", True, ("Zorland soldiers", "ZRL", "MIL")),
        ("Zorlandian soldiers crossed the river.", False, ("Zorland", "ZRL", None)),
        ("Egyptian soldiers crossed the river.", True, ("Egypt soldiers", "EGY", "MIL")),
        ("Egyptian soldiers crossed the river.", False, ("Egyptian soldiers", None, None)),
    ],
)
def test_actors_user_files_alone_replace_the_built_in_dictionary(
    nlp: Language, tmp_path: Path, sentence: str, builtin: bool, expected: tuple[str, ...] | None
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(
        "pattern,name,country,sector,kind\nzorlandian,Zorland,ZRL,,demonym\n", encoding="utf-8"
    )
    actors = ActorDictionary.from_files(path, builtin=builtin)
    assert triple(code(nlp, sentence, actors)) == expected
    assert (actors.lookup("egypt") is not None) is builtin


def test_actors_user_agent_csv(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "agents.csv"
    path.write_text("head,sector,note\nrangers,COP,park police\n", encoding="utf-8")
    actors = ActorDictionary.default().load_file(path)
    assert triple(code(nlp, "Kenyan rangers arrested two poachers.", actors)) == (
        "Kenya rangers",
        "KEN",
        "COP",
    )


def test_actors_user_yaml_list(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- pattern: blue falcons\n  name: Blue Falcons\n  country: NER\n  sector: REB\n"
        "  kind: group\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.default().load_file(path)
    assert triple(code(nlp, "The Blue Falcons attacked the convoy.", actors)) == (
        "Blue Falcons",
        "NER",
        "REB",
    )


def test_actors_user_yaml_mapping(tmp_path: Path) -> None:
    path = tmp_path / "mine.yml"
    path.write_text(
        "Ada Kessel:\n  patterns: [ada kessel, kessel]\n  country: ZRL\n  sector: GOV\n"
        "  kind: person\n",
        encoding="utf-8",
    )
    entry = ActorDictionary.default().load_file(path).lookup("Kessel")
    assert entry is not None
    assert (entry.name, entry.country, entry.sector, entry.kind) == (
        "Ada Kessel",
        "ZRL",
        "GOV",
        "person",
    )


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


def test_actors_user_precedence(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "override.csv"
    path.write_text(
        "pattern,name,country,sector,kind\nhaftar,Haftar forces,LBY,REB,group\n",
        encoding="utf-8",
    )
    actors = ActorDictionary.default().load_file(path)
    assert triple(code(nlp, "Haftar rejected the offer.", actors)) == (
        "Haftar forces",
        "LBY",
        "REB",
    )


def test_actors_extend_combines(tmp_path: Path) -> None:
    first = ActorDictionary.default()
    extra = ActorDictionary().load_file(_write(tmp_path, "a.csv", "pattern,name\nqux,Qux\n"))
    combined = first.extend(extra)
    assert combined.lookup("qux") is not None and combined.lookup("egypt") is not None


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        (
            "bad.csv",
            "pattern,name,country,sector,kind\negypt,Egypt,Egypt,,country\n",
            "line 2: country 'EGYPT' is not a 3-letter code; use an ISO 3166 alpha-3 code "
            "such as EGY, or IGO, NGO or IMG",
        ),
        (
            "noheader.csv",
            "egypt,Egypt,EGY,,country\n",
            "line 1: header must be pattern,name,country,sector,kind; add it as the first line",
        ),
        (
            "kind.csv",
            "pattern,name,country,sector,kind\n# note\nzed,Zed,ZRL,GOV,planet\n",
            "line 3: kind 'planet' is unknown; use one of body, capital, country, demonym, "
            "group, igo, media, ngo, party, person, region",
        ),
        (
            "bad.actors",
            "ZORLAND_ [ZRL]\nKESSEL_ [ZRLGOV\n",
            "line 2: '[' without a closing ']'; close the code bracket",
        ),
        (
            "nocode.actors",
            "ZORLAND_ [ZRL]\nKESSEL_\n",
            "line 2: entry 'kessel' has no code; add one in brackets such as [EGY] or [~GOV]",
        ),
        (
            "bad.yaml",
            "- pattern: zed\n  name: [unclosed\n",
            "line 3: expected ',' or ']', but got '<stream end>'; fix the YAML syntax",
        ),
        (
            "dict.json",
            "{}",
            "unknown dictionary format '.json'; use .csv (columns pattern,name,country,sector,"
            "kind), .yaml/.yml, or PETRARCH .actors/.agents",
        ),
    ],
)
def test_actors_malformed_file_message(tmp_path: Path, name: str, text: str, problem: str) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(DictionaryError) as info:
        ActorDictionary.default().load_file(path)
    assert info.value.problem == problem
    assert str(info.value) == f"{path}: {problem}"


def test_actors_missing_file_message(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError) as info:
        ActorDictionary.default().load_file(tmp_path / "nope.csv")
    assert info.value.problem == "file not found; check the path"


def test_actors_builtin_tables_are_well_formed() -> None:
    actors = ActorDictionary.default()
    assert len(actors) > 1000
    for entry in actors.entries():
        assert entry.pattern == entry.pattern.lower().strip()
        assert entry.country is None or len(entry.country) == 3
    assert actors.agent_sector("air force") == "MIL"
    assert actors.agent_sector("security forces") == "COP"


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


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Fridays for Future activists", "Fridays", True),
        ("Uganda's almost five years", "years", False),  # the owner is named, not the years
        ("three masked gunmen", "gunmen", False),  # an agent noun, no dictionary name
    ],
)
def test_actors_names_actor_covers_the_word(
    nlp: Language, text: str, word: str, expected: bool
) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    assert ActorDictionary.default().names_actor(doc[:], token) is expected
