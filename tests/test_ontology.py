"""Tests of the ontology tables (PLOVER, CAMEO, ACLED rules) and the trigger lexicon."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Token

from newsevents.core import ontology
from newsevents.core.errors import DictionaryError

PLOVER_16 = {
    "ASSAULT",
    "COERCE",
    "PROTEST",
    "THREATEN",
    "ACCUSE",
    "CONSULT",
    "COOPERATE",
    "AID",
    "SUPPORT",
    "REQUEST",
    "AGREE",
    "REJECT",
    "MOBILIZE",
    "SANCTION",
    "RETREAT",
    "CONCEDE",
}
CAMEO_ROWS = ontology.all_cameo()
TRIGGERS = ontology.triggers()


def _trigger_id(trigger: ontology.Trigger) -> str:
    """A readable test id: lemma/POS(+particle)."""
    particle = f"+{trigger.particle}" if trigger.particle else ""
    return f"{trigger.lemma}/{trigger.pos}{particle}"


# --------------------------------------------------------------------------- PLOVER


def test_ontology_plover_has_the_sixteen_types() -> None:
    assert set(ontology.plover_types()) == PLOVER_16
    assert len(ontology.plover_types()) == 16


def test_ontology_plover_each_type_has_a_type_row() -> None:
    type_rows = [row.event_type for row in ontology.plover_rows() if row.mode is None]
    assert sorted(type_rows) == sorted(PLOVER_16)
    assert all(row.description for row in ontology.plover_rows())


@pytest.mark.parametrize(
    ("event_type", "mode"),
    [
        ("ASSAULT", "aerial"),
        ("ASSAULT", "drone"),
        ("ASSAULT", "firearms"),
        ("ASSAULT", "explosives"),
        ("ASSAULT", "primitive"),
        ("ASSAULT", "abduct"),
        ("ASSAULT", "sexual"),
        ("ASSAULT", "cbrn"),
        ("ASSAULT", "heavy-weapons"),
        ("ASSAULT", "suicide-attack"),
        ("PROTEST", "demo"),
        ("PROTEST", "riot"),
        ("PROTEST", "strike"),
        ("PROTEST", "hunger"),
        ("ACCUSE", "disapprove"),
        ("ACCUSE", "allege"),
        ("ACCUSE", "investigate"),
        ("COERCE", "arrest"),
        ("COERCE", "seize"),
        ("CONSULT", "visit"),
        ("RETREAT", "withdraw"),
        ("MOBILIZE", "troops"),
    ],
)
def test_ontology_plover_mode_exists(event_type: str, mode: str) -> None:
    assert mode in ontology.plover_modes(event_type)
    assert ontology.is_valid_mode(event_type, mode)


def test_ontology_plover_mode_of_other_type_is_invalid() -> None:
    assert not ontology.is_valid_mode("PROTEST", "aerial")
    assert not ontology.is_valid_mode("NOT_A_TYPE", None)
    assert ontology.is_valid_mode("AGREE", None)


# --------------------------------------------------------------------------- CAMEO


@pytest.mark.parametrize("row", CAMEO_ROWS, ids=lambda row: row.code)
def test_ontology_cameo_plover_type_is_one_of_sixteen(row: ontology.CameoCode) -> None:
    assert row.plover_type in PLOVER_16
    assert ontology.is_valid_mode(row.plover_type, row.plover_mode)


@pytest.mark.parametrize("row", CAMEO_ROWS, ids=lambda row: row.code)
def test_ontology_cameo_goldstein_in_range(row: ontology.CameoCode) -> None:
    assert -10.0 <= row.goldstein <= 10.0


@pytest.mark.parametrize("row", CAMEO_ROWS, ids=lambda row: row.code)
def test_ontology_cameo_quad_class_follows_root(row: ontology.CameoCode) -> None:
    root = int(row.code[:2])
    expected = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
    assert row.quad_class in (1, 2, 3, 4)
    assert row.quad_class == expected


def test_ontology_cameo_covers_every_root_and_keeps_leading_zeros() -> None:
    codes = {row.code for row in CAMEO_ROWS}
    assert {f"{root:02d}" for root in range(1, 21)} <= codes
    assert {"010", "0211", "190", "195", "1951", "1952", "1831", "2042"} <= codes
    assert len(CAMEO_ROWS) == len(codes) > 300


@pytest.mark.parametrize(
    ("code", "plover_type", "plover_mode", "goldstein"),
    [
        ("173", "COERCE", "arrest", -5.0),
        ("195", "ASSAULT", "aerial", -10.0),
        ("1952", "ASSAULT", "drone", -10.0),
        ("141", "PROTEST", "demo", -6.5),
        ("145", "PROTEST", "riot", -7.5),
        ("111", "ACCUSE", "disapprove", -2.0),
        ("042", "CONSULT", "visit", 1.9),
        ("0841", "RETREAT", "release", 7.0),
        ("163", "SANCTION", "sever", -8.0),
    ],
)
def test_ontology_cameo_known_codes(
    code: str, plover_type: str, plover_mode: str, goldstein: float
) -> None:
    entry = ontology.cameo(code)
    assert entry is not None
    assert entry.code == code
    assert (entry.plover_type, entry.plover_mode) == (plover_type, plover_mode)
    assert entry.goldstein == pytest.approx(goldstein)


@pytest.mark.parametrize(
    ("code", "parent"),
    [("1956", "195"), ("0219", "021"), ("1739", "173"), ("2099", "20"), ("199", "19")],
)
def test_ontology_cameo_unknown_code_falls_back_to_parent(code: str, parent: str) -> None:
    entry = ontology.cameo(code)
    parent_entry = ontology.cameo(parent)
    assert entry is not None and parent_entry is not None
    assert entry.code == code
    assert entry.plover_type == parent_entry.plover_type
    assert entry.quad_class == parent_entry.quad_class
    assert entry.goldstein == parent_entry.goldstein


@pytest.mark.parametrize("code", ["99", "9999", "abc", "", "1", "12345"])
def test_ontology_cameo_unknown_root_is_none(code: str) -> None:
    assert ontology.cameo(code) is None


# --------------------------------------------------------------------------- ACLED


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("ASSAULT", "aerial"), ("Explosions/Remote violence", "Air/drone strike")),
        (("ASSAULT", "drone"), ("Explosions/Remote violence", "Air/drone strike")),
        (
            ("ASSAULT", "explosives"),
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (("ASSAULT", "suicide-attack"), ("Explosions/Remote violence", "Suicide bomb")),
        (
            ("ASSAULT", "heavy-weapons"),
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (("ASSAULT", "cbrn"), ("Explosions/Remote violence", "Chemical weapon")),
        (("ASSAULT", None, "MIL", "CVL"), ("Violence against civilians", "Attack")),
        (("ASSAULT", "firearms", "UAF", "CVL"), ("Violence against civilians", "Attack")),
        (("ASSAULT", "abduct"), ("Violence against civilians", "Abduction/forced disappearance")),
        (("ASSAULT", "sexual"), ("Violence against civilians", "Sexual violence")),
        (("ASSAULT", None, "MIL", "REB"), ("Battles", "Armed clash")),
        (("ASSAULT", "firearms", "COP", "UAF"), ("Battles", "Armed clash")),
        (("ASSAULT", None, "GOVMIL", "REB"), ("Battles", "Armed clash")),
        (("PROTEST", "demo"), ("Protests", "Peaceful protest")),
        (("PROTEST", None), ("Protests", "Peaceful protest")),
        (("PROTEST", "riot"), ("Riots", "Violent demonstration")),
        (("COERCE", "arrest"), ("Strategic developments", "Arrests")),
        (("COERCE", None, None, None, "173"), ("Strategic developments", "Arrests")),
        (
            ("COERCE", "seize", None, None, "192"),
            ("Strategic developments", "Non-violent transfer of territory"),
        ),
        (("AGREE", None), ("Strategic developments", "Agreement")),
        (("SUPPORT", None, None, None, "057"), ("Strategic developments", "Agreement")),
        (("SANCTION", "sever"), ("Strategic developments", "Other")),
        (("CONSULT", "visit"), (None, None)),
        (("ACCUSE", "disapprove"), (None, None)),
    ],
)
def test_ontology_acled_for_examples(
    args: tuple[str | None, ...], expected: tuple[str | None, str | None]
) -> None:
    event_type, *rest = args
    assert event_type is not None
    assert ontology.acled_for(event_type, *rest) == expected


def test_ontology_acled_names_are_acled_categories() -> None:
    categories = {
        "Battles": {
            "Armed clash",
            "Government regains territory",
            "Non-state actor overtakes territory",
        },
        "Explosions/Remote violence": {
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        },
        "Protests": {
            "Peaceful protest",
            "Protest with intervention",
            "Excessive force against protesters",
        },
        "Riots": {"Violent demonstration", "Mob violence"},
        "Strategic developments": {
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        },
        "Violence against civilians": {
            "Sexual violence",
            "Attack",
            "Abduction/forced disappearance",
        },
    }
    for rule in ontology.acled_rules():
        if rule.acled_event_type is None:
            continue
        assert rule.acled_event_type in categories, rule
        assert rule.acled_sub_event_type in categories[rule.acled_event_type], rule


# --------------------------------------------------------------------------- triggers


def test_ontology_trigger_lexicon_is_broad() -> None:
    assert len(TRIGGERS) >= 500
    assert {t.event_type for t in TRIGGERS} == PLOVER_16
    assert any(t.pos == "NOUN" for t in TRIGGERS)


@pytest.mark.parametrize("trigger", TRIGGERS, ids=_trigger_id)
def test_ontology_trigger_code_exists_in_cameo(trigger: ontology.Trigger) -> None:
    entry = ontology.cameo(trigger.cameo_code)
    assert entry is not None and entry.code == trigger.cameo_code
    assert trigger.event_type == entry.plover_type
    assert ontology.is_valid_mode(trigger.event_type, trigger.mode)
    assert 0.0 <= trigger.weight <= 1.0
    assert trigger.pos in ("VERB", "NOUN")


@pytest.mark.parametrize(
    "lemma", ["say", "make", "take", "have", "give", "be", "do", "get", "tell"]
)
def test_ontology_generic_verbs_trigger_only_with_particle(lemma: str) -> None:
    assert all(t.particle is not None for t in ontology.triggers_for(lemma, "VERB"))


def test_ontology_triggers_for_puts_particle_entries_first() -> None:
    found = ontology.triggers_for("call", "VERB")
    assert found and all(t.particle is not None for t in found)
    strikes = ontology.triggers_for("strike", "NOUN")
    assert strikes[-1].particle is None
    assert strikes[0].particle is not None


def _best_trigger(token: Token) -> ontology.Trigger | None:
    """Pick the lexicon entry for a token: a particle entry whose child is present, else bare."""
    children = {child.lemma_.lower() for child in token.children}
    for trigger in ontology.triggers_for(token.lemma_, token.pos_):
        if trigger.particle is None or trigger.particle in children:
            return trigger
    return None


@pytest.mark.parametrize(
    ("sentence", "word", "event_type", "mode"),
    [
        ("Jets carried out airstrikes on the northern town.", "airstrikes", "ASSAULT", "aerial"),
        ("Planes launched air strikes near the border.", "strikes", "ASSAULT", "aerial"),
        ("Rebel gunners shelled the village overnight.", "shelled", "ASSAULT", "heavy-weapons"),
        ("Police detained ten activists on Monday.", "detained", "COERCE", "arrest"),
        ("Officers arrested the mayor.", "arrested", "COERCE", "arrest"),
        ("The minister condemned the decision.", "condemned", "ACCUSE", "disapprove"),
        ("The senator criticised the budget.", "criticised", "ACCUSE", "disapprove"),
        ("Gunmen kidnapped two engineers.", "kidnapped", "ASSAULT", "abduct"),
        ("Soldiers shot three men.", "shot", "ASSAULT", "firearms"),
        ("Militants bombed a market.", "bombed", "ASSAULT", "explosives"),
        ("Youths rioted after the verdict.", "rioted", "PROTEST", "riot"),
        ("Teachers protested outside parliament.", "protested", "PROTEST", "demo"),
        ("Both delegations held talks in Oslo.", "talks", "CONSULT", None),
        ("The army mobilised reservists.", "mobilised", "MOBILIZE", "troops"),
        ("The two sides agreed on a truce.", "agreed", "AGREE", None),
        ("The union called for a pay rise.", "called", "REQUEST", None),
        ("Security forces cracked down on dissent.", "cracked", "COERCE", None),
        ("The council imposed sanctions on the regime.", "imposed", "SANCTION", "sever"),
        ("The rebels released the hostages.", "released", "RETREAT", "release"),
        ("The troops pulled out of the valley.", "pulled", "RETREAT", "withdraw"),
        ("The government rejected the proposal.", "rejected", "REJECT", None),
        ("The general threatened the protesters.", "threatened", "THREATEN", None),
        ("The president praised the volunteers.", "praised", "SUPPORT", None),
    ],
)
def test_ontology_common_triggers_lemmatize_as_listed(
    nlp: Language, sentence: str, word: str, event_type: str, mode: str | None
) -> None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    trigger = _best_trigger(token)
    assert trigger is not None, (token.lemma_, token.pos_)
    assert trigger.event_type == event_type
    assert trigger.mode == mode


# --------------------------------------------------------------------------- ACLED sub-types


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # Grenades are a sub-type of their own, apart from other explosives.
        (("ASSAULT", "grenade"), ("Explosions/Remote violence", "Grenade")),
        # Tear gas, water cannon and the like are used on crowds: a protest met by force.
        (("ASSAULT", None, "COP", "OPP", "175"), ("Protests", "Protest with intervention")),
        (("COERCE", None, "COP", "OPP", "170"), ("Protests", "Protest with intervention")),
        # Violence by protesters is a riot; violence against them is force against a protest.
        (("ASSAULT", "primitive", "OPP", "COP"), ("Riots", "Violent demonstration")),
        (
            ("ASSAULT", "firearms", "MIL", "OPP"),
            ("Protests", "Excessive force against protesters"),
        ),
        # Weapons seized, found or defused.
        (("COERCE", "weapons", "COP"), ("Strategic developments", "Disrupted weapons use")),
        # Who takes territory decides the sub-type.
        (("COERCE", "seize", "MIL", None, "192"), ("Battles", "Government regains territory")),
        (
            ("COERCE", "seize", "REB", None, "192"),
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (
            ("MOBILIZE", "base", "MIL"),
            ("Strategic developments", "Headquarters or base established"),
        ),
        # ACLED's Agreement covers releases, prisoner swaps and surrenders.
        (("RETREAT", "release"), ("Strategic developments", "Agreement")),
        (("RETREAT", "disarm", "REB"), ("Strategic developments", "Agreement")),
        (
            ("RETREAT", "withdraw", "MIL"),
            ("Strategic developments", "Non-violent transfer of territory"),
        ),
        # Demands voiced by protesters are their protest.
        (("REQUEST", None, "OPP", "GOV"), ("Protests", "Peaceful protest")),
        (("REQUEST", None, "GOV", "GOV"), (None, None)),
        # Unidentified gunmen and gangs attacking unarmed or unknown targets: an attack.
        (("ASSAULT", "firearms", "UAF"), ("Violence against civilians", "Attack")),
        (("ASSAULT", "firearms", "UAF", "COP"), ("Battles", "Armed clash")),
        (("ASSAULT", "firearms", "MIL"), ("Battles", "Armed clash")),
    ],
)
def test_ontology_acled_subtype_rules(
    args: tuple[str | None, ...], expected: tuple[str | None, str | None]
) -> None:
    event_type, *rest = args
    assert event_type is not None
    assert ontology.acled_for(event_type, *rest) == expected


def test_ontology_particle_may_be_a_path_of_words() -> None:
    paths = [t for t in TRIGGERS if t.particle and " " in t.particle]
    assert paths, "expected at least one particle path such as 'to street'"
    assert all(t.particle == " ".join(t.particle.split()) for t in paths)


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Militants hurled a grenade at a police patrol in the town.", "Grenade"),
        ("Police seized a cache of rifles and ammunition in the capital.", "Disrupted weapons use"),
        ("Army sappers defused a roadside bomb near the bridge.", "Disrupted weapons use"),
        (
            "The bomber blew himself up at a checkpoint, killing five soldiers.",
            "Suicide bomb",
        ),
        ("Government troops recaptured the town from the rebels.", "Government regains territory"),
        ("Rebels seized control of the town on Sunday.", "Non-state actor overtakes territory"),
        ("The army set up a new base near the border.", "Headquarters or base established"),
        ("Police fired tear gas at the protesters in the square.", "Protest with intervention"),
        ("Protesters threw stones at the police outside parliament.", "Violent demonstration"),
        ("Thousands of workers took to the streets of the capital.", "Peaceful protest"),
        ("Toxic gas killed twelve villagers in the town.", "Chemical weapon"),
        ("Police used water cannon against the protesters.", "Protest with intervention"),
        ("A landmine killed three soldiers near the border.", "Remote explosive/landmine/IED"),
        ("Rebels fired artillery at army positions near the river.", None),
    ],
)
def test_ontology_sentences_get_the_acled_sub_type(
    nlp: Language, sentence: str, sub_event_type: str | None
) -> None:
    from newsevents.core.api import extract

    events = extract(sentence)
    assert events, sentence
    top = max(events, key=lambda e: e.confidence)
    if sub_event_type is None:
        assert top.acled_sub_event_type == "Shelling/artillery/missile attack"
    else:
        assert top.acled_sub_event_type == sub_event_type


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("plover.csv", "event_type,mode\nASSAULT,\n", "missing column"),
        (
            "cameo.csv",
            "code,label,quad_class,goldstein,plover_type,plover_mode\n"
            "190,Fight,4,-10.0,ASSAULT,\n190,Fight again,4,-10.0,ASSAULT,\n",
            "line 3",
        ),
        (
            "cameo.csv",
            "code,label,quad_class,goldstein,plover_type,plover_mode\n190,Fight,5,-10.0,ASSAULT,\n",
            "quad_class",
        ),
        (
            "cameo.csv",
            "code,label,quad_class,goldstein,plover_type,plover_mode\n190,Fight,4,-12.0,ASSAULT,\n",
            "goldstein",
        ),
        (
            "cameo.csv",
            "code,label,quad_class,goldstein,plover_type,plover_mode\n190,Fight,4,-10.0,FIGHT,\n",
            "plover_type",
        ),
        (
            "triggers.csv",
            "lemma,pos,particle,cameo_code,mode,weight,note\nattack,VERB,,9999,,0.9,\n",
            "cameo_code",
        ),
        (
            "triggers.csv",
            "lemma,pos,particle,cameo_code,mode,weight,note\nattack,VERB,,190,,1.5,\n",
            "weight",
        ),
        (
            "triggers.csv",
            "lemma,pos,particle,cameo_code,mode,weight,note\nattack,ADJ,,190,,0.5,\n",
            "pos",
        ),
        (
            "acled.csv",
            "event_type,mode,source_sector,target_sector,cameo_prefix,"
            "acled_event_type,acled_sub_event_type\nASSAULT,riot,,,,Riots,Mob violence\n",
            "mode",
        ),
        (
            "triggers.csv",
            "lemma,pos,particle,cameo_code,mode,weight,note\ntake,VERB,to  street,141,demo,0.8,\n",
            "single-spaced",
        ),
    ],
)
def test_ontology_malformed_row_raises_dictionary_error(
    monkeypatch: pytest.MonkeyPatch, name: str, text: str, problem: str
) -> None:
    real = ontology._data_text

    def fake(requested: str) -> tuple[str, str]:
        return (text, f"/data/{requested}") if requested == name else real(requested)

    ontology.clear_cache()
    monkeypatch.setattr(ontology, "_data_text", fake)
    try:
        with pytest.raises(DictionaryError) as caught:
            ontology.plover_rows()
            ontology.all_cameo()
            ontology.acled_rules()
            ontology.triggers()
        assert caught.value.path == f"/data/{name}"
        assert problem in caught.value.problem
        assert "line" in caught.value.problem
    finally:
        monkeypatch.undo()
        ontology.clear_cache()
