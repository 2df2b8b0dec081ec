"""The draft rules (core/events/draft.py): `--explain` names the rule that decided each field of
an event; the doer, target, report, date and toll each rule reads, one small article per
construction (and the parse helpers of core/syntax.py those rules lean on, on built Docs)."""

from __future__ import annotations

import pytest

from newsevents.core.events.draft import RULES

from ..extracted import events as _events
from ..extracted import one as _one


def _parsed(nlp: object, rows: list[tuple[str, int, str, str, str, str]]) -> object:
    """A Doc built by hand: (word, head, dep, pos, tag, entity IOB) per token."""
    from spacy.tokens import Doc

    words, heads, deps, pos, tags, ents = (list(col) for col in zip(*rows, strict=True))
    return Doc(
        nlp.vocab,  # type: ignore[attr-defined]
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        ents=ents,
        sent_starts=[True] + [False] * (len(words) - 1),
    )


def test_engine_explain_names_the_rule_that_decided_a_field() -> None:
    from newsevents.cli.explainview import _explain_lines
    from newsevents.core.article import Article
    from newsevents.core.explain import explain

    text = "Four killed in Baghdad riots\n\nThe riots went on for a day.\n"
    found = explain(Article(text=text, path="-"), include_unreal=True)
    toll = next(e for e in found if e.event.event_type == "ASSAULT")
    assert toll.event.target_text == "Four"
    assert "counted_subject_of_toll_verb_is_victim (source, target)" in toll.decided_by
    assert ("decided by", "place_said_with_the_event (place)") in _explain_lines(toll, text)


def test_engine_a_rule_that_changes_nothing_is_not_named() -> None:
    from newsevents.core.article import Article
    from newsevents.core.explain import explain

    found = explain(Article(text="Police arrested 40 protesters in Lagos on Tuesday.", path="-"))
    named = [entry.split(" ")[0] for entry in found[0].decided_by]
    assert named == [
        "subject_and_object_of_verb",
        "code_the_actors",
        "date_of_the_event_word",
        "place_said_with_the_event",
        "counts_of_word_and_carrier",
    ]


def test_draft_rules_are_named_and_told_by_example() -> None:
    names = [rule.__name__ for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert rule.__doc__ and '"' in rule.__doc__, rule.__name__


@pytest.mark.parametrize(
    ("text", "event_type", "source_country", "target_text"),
    [
        # light verb carrying an event noun
        (
            "Turkey launched air strikes on rebel positions in northern Syria on Monday.",
            "ASSAULT",
            "TUR",
            "rebel positions",
        ),
        # passive with "by"
        (
            "A police convoy was ambushed by insurgents near Kandahar on Friday.",
            "ASSAULT",
            None,
            "A police convoy",
        ),
        # nominal event with a possessive doer
        (
            "Russia's missile strikes on Kharkiv killed five people on Tuesday.",
            "ASSAULT",
            "RUS",
            "Kharkiv",
        ),
        # "took part in"
        (
            "Jordan's air force took part in the strikes on the depot, the army said.",
            "ASSAULT",
            "JOR",
            "the depot",
        ),
        # coordination of the doers
        (
            "France and Germany condemned the coup in Niger on Thursday.",
            "ACCUSE",
            "FRA;DEU",
            "the coup",
        ),
    ],
)
def test_draft_roles_by_construction(
    text: str, event_type: str, source_country: str | None, target_text: str
) -> None:
    event = _one(text, event_type)
    assert event.source_country == source_country
    assert event.target_text == target_text


def test_draft_staged_protest_has_its_doers() -> None:
    event = _one("Thousands of students staged a protest outside parliament in Dhaka.", "PROTEST")
    assert event.source_text == "Thousands of students"
    assert event.location_country == "BGD"


@pytest.mark.parametrize(
    ("text", "event_type", "source_text"),
    [
        ("Farmers staged a series of sit-ins in Nakuru on Monday.", "PROTEST", "Farmers"),
        ("Students held dozens of rallies in Mombasa on Monday.", "PROTEST", "Students"),
        (
            "Militants carried out a wave of attacks on police posts in Garissa.",
            "ASSAULT",
            "Militants",
        ),
        ("Rebels attempted an offensive on the town of Garissa.", "ASSAULT", "Rebels"),
    ],
)
def test_draft_light_verb_carries_counted_event_nouns(
    text: str, event_type: str, source_text: str
) -> None:
    assert _one(text, event_type).source_text == source_text


def test_draft_gerund_subject_of_took_place_is_an_event() -> None:
    # the tagger calls "fighting" a verb here; it is read as the noun it is
    text = "On 11 March 2022, fighting took place between army units and rebel forces in Kidal."
    event = _one(text, "ASSAULT")
    assert (event.action_text, event.location_name) == ("fighting", "Kidal")
    assert event.source_text is not None


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a gerund subject (tagged a verb) is the event; the verb of its toll folds into it
        ("Shelling by the army killed five civilians in Kharkiv.", "the army", "five civilians"),
        ("Fighting between rebels and the army killed dozens of people.", None, "people"),
    ],
)
def test_draft_gerund_subject_and_its_toll_are_one_event(
    text: str, source: str | None, target: str
) -> None:
    event = _one(text, "ASSAULT")
    assert (event.source_text, event.target_text) == (source, target)


def test_draft_coordinated_protesters_are_all_doers() -> None:
    event = _one("Nurses and teachers protested in Kisumu on Monday.", "PROTEST")
    assert (event.source_text, event.target_text) == ("Nurses and teachers", None)


@pytest.mark.parametrize(
    "text",
    [
        "Monitors observed a total of 12 explosions near Kakuma on Monday.",
        "Residents heard gunshots in Lodwar on Monday.",
        "A shooting was reported near the market in Lodwar on Monday.",
        "Monitors observed 11 projectiles near Kakuma on Monday.",
        "Monitors observed a total of 25 bursts of fire near Kakuma on Monday.",
    ],
)
def test_draft_events_seen_to_happen_need_no_doer(text: str) -> None:
    event = _one(text, "ASSAULT")
    assert event.source_name is None


def test_draft_staged_event_happened_even_when_the_parse_loses_its_doer() -> None:
    # The parser reads "applicants" as the object of the opening "in", leaving "staged" alone.
    text = (
        "On 3 May 2022, in Tacna (Tacna), post-graduate applicants of Jorge Basadre National "
        "University (UNJBG) staged a demonstration to complain about the exam."
    )
    assert [e.event_type for e in _events(text)] == ["PROTEST"]


def test_draft_reported_speech_is_attributed_not_coded() -> None:
    events = _events("The army said rebels attacked a checkpoint in Goma on Friday.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert events[0].source_text == "rebels"
    assert events[0].attributed_to is not None and "army" in events[0].attributed_to.lower()


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Police did not arrest any protesters in Lima on Friday.", "negated"),
        ("The two presidents will meet the prime minister in Geneva next month.", "future"),
        ("The army could strike rebel bases in the north at any time.", "hypothetical"),
    ],
)
def test_draft_unreal_events_are_not_news(text: str, modality: str) -> None:
    assert _events(text) == []
    kept = _events(text, include_unreal=True)
    assert [e.modality for e in kept] == [modality]


@pytest.mark.parametrize(
    "text",
    [
        "Government jets regularly bomb the hills north of the capital.",
        "In 2014, rebels attacked the town of Bor and held it for a month.",
        "Violence between armed groups has killed hundreds of civilians this year.",
        # where a span starts is history
        "They carried photos of relatives who died since the beginning of the Russian invasion.",
    ],
)
def test_draft_history_habit_and_totals_are_background(text: str) -> None:
    events = _events(text)
    assert events and all(e.background for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thousands of protesters gathered outside parliament in Lima on Friday.", ["PROTEST"]),
        ("Senior diplomats from both countries gathered in Geneva on Friday.", []),
        # Kin of officers are no officials.
        ("Relatives of police officers gathered outside parliament in Lima.", ["PROTEST"]),
        # The gathering happened even where what it blames did not.
        (
            "Activists gathered in Lodz, naming-and-shaming a local firm for not joining the "
            "boycott of trade with Belarus.",
            ["PROTEST"],
        ),
    ],
)
def test_draft_a_gathering_of_officials_is_no_protest(text: str, expected: list[str]) -> None:
    assert [e.event_type for e in _events(text) if e.event_type == "PROTEST"] == expected


@pytest.mark.parametrize(
    ("rows", "verb", "expected"),
    [
        # "In Lagos, traders protested.": the doers hung on the place before them
        (
            [
                ("In", 4, "prep", "ADP", "IN", "O"),
                ("Lagos", 0, "pobj", "PROPN", "NNP", "B-GPE"),
                (",", 1, "punct", "PUNCT", ",", "O"),
                ("traders", 1, "appos", "NOUN", "NNS", "O"),
                ("protested", 4, "ROOT", "VERB", "VBD", "O"),
                (".", 4, "punct", "PUNCT", ".", "O"),
            ],
            4,
            "traders",
        ),
        # "In Tepic, a journalist was shot.": the one it was done to
        (
            [
                ("In", 6, "prep", "ADP", "IN", "O"),
                ("Tepic", 0, "pobj", "PROPN", "NNP", "B-GPE"),
                (",", 1, "punct", "PUNCT", ",", "O"),
                ("a", 4, "det", "DET", "DT", "O"),
                ("journalist", 1, "appos", "NOUN", "NN", "O"),
                ("was", 6, "auxpass", "AUX", "VBD", "O"),
                ("shot", 6, "ROOT", "VERB", "VBN", "O"),
                (".", 6, "punct", "PUNCT", ".", "O"),
            ],
            6,
            "journalist",
        ),
        # "Relatives of the man held on Monday protested.": a past tense taken for a participle
        (
            [
                ("Relatives", 0, "ROOT", "NOUN", "NNS", "O"),
                ("of", 0, "prep", "ADP", "IN", "O"),
                ("the", 3, "det", "DET", "DT", "O"),
                ("man", 1, "pobj", "NOUN", "NN", "O"),
                ("held", 3, "acl", "VERB", "VBN", "O"),
                ("on", 4, "prep", "ADP", "IN", "O"),
                ("Monday", 5, "pobj", "PROPN", "NNP", "B-DATE"),
                ("protested", 6, "acl", "VERB", "VBD", "O"),
                (".", 0, "punct", "PUNCT", ".", "O"),
            ],
            7,
            "Relatives",
        ),
        # "In Lagos, traders, including a union (NUT), marched.": past the inserted phrase
        (
            [
                ("In", 11, "prep", "ADP", "IN", "O"),
                ("Lagos", 0, "pobj", "PROPN", "NNP", "B-GPE"),
                (",", 1, "punct", "PUNCT", ",", "O"),
                ("traders", 1, "conj", "NOUN", "NNS", "O"),
                (",", 3, "punct", "PUNCT", ",", "O"),
                ("including", 3, "prep", "VERB", "VBG", "O"),
                ("a", 7, "det", "DET", "DT", "O"),
                ("union", 5, "pobj", "PROPN", "NNP", "O"),
                ("(", 7, "punct", "PUNCT", "-LRB-", "O"),
                ("NUT", 7, "appos", "PROPN", "NNP", "O"),
                (")", 7, "punct", "PUNCT", "-RRB-", "O"),
                ("marched", 11, "ROOT", "VERB", "VBD", "O"),
            ],
            11,
            "traders",
        ),
        # "In Kitale, 60 workers, staged a demonstration.": the doers hung on the comma (the
        # small model's parse of long ACLED-style openings)
        (
            [
                ("In", 6, "prep", "ADP", "IN", "O"),
                ("Kitale", 0, "pobj", "PROPN", "NNP", "B-GPE"),
                (",", 6, "punct", "PUNCT", ",", "O"),
                ("60", 4, "nummod", "NUM", "CD", "O"),
                ("workers", 2, "prep", "NOUN", "NNS", "O"),
                (",", 6, "punct", "PUNCT", ",", "O"),
                ("staged", 6, "ROOT", "VERB", "VBD", "O"),
                ("a", 8, "det", "DET", "DT", "O"),
                ("demonstration", 6, "dobj", "NOUN", "NN", "O"),
                (".", 6, "punct", "PUNCT", ".", "O"),
            ],
            6,
            "workers",
        ),
        # "On Monday, in Lagos, 100 traders protested.": the verb hung under the "in" of the
        # opening place, the sentence rooted on "On"
        (
            [
                ("On", 0, "ROOT", "ADP", "IN", "O"),
                ("Monday", 0, "pobj", "PROPN", "NNP", "B-DATE"),
                (",", 0, "punct", "PUNCT", ",", "O"),
                ("in", 2, "prep", "ADP", "IN", "O"),
                ("Lagos", 3, "pobj", "PROPN", "NNP", "B-GPE"),
                (",", 4, "punct", "PUNCT", ",", "O"),
                ("100", 7, "nummod", "NUM", "CD", "O"),
                ("traders", 4, "appos", "NOUN", "NNS", "O"),
                ("protested", 3, "pcomp", "VERB", "VBN", "O"),
                (".", 0, "punct", "PUNCT", ".", "O"),
            ],
            8,
            "traders",
        ),
        # "In Ikeja, Lagos, nurses and staff at the General Hospital protested.": the walk up
        # from "Hospital" climbs through the phrase the parser hung on the first place
        (
            [
                ("In", 12, "prep", "ADP", "IN", "O"),
                ("Ikeja", 0, "pobj", "PROPN", "NNP", "B-GPE"),
                (",", 1, "punct", "PUNCT", ",", "O"),
                ("Lagos", 1, "conj", "PROPN", "NNP", "B-GPE"),
                (",", 3, "punct", "PUNCT", ",", "O"),
                ("nurses", 3, "conj", "NOUN", "NNS", "O"),
                ("and", 5, "cc", "CCONJ", "CC", "O"),
                ("staff", 5, "conj", "NOUN", "NN", "O"),
                ("at", 1, "prep", "ADP", "IN", "O"),
                ("the", 11, "det", "DET", "DT", "B-ORG"),
                ("General", 11, "compound", "PROPN", "NNP", "I-ORG"),
                ("Hospital", 8, "pobj", "PROPN", "NNP", "I-ORG"),
                ("protested", 12, "ROOT", "VERB", "VBD", "O"),
                (".", 12, "punct", "PUNCT", ".", "O"),
            ],
            12,
            "nurses",
        ),
        # "Around 14 May, in Ikeja, Lagos, a man was killed.": the date and the place of the
        # lost "in" taken for subjects are no subjects; the man is the one killed
        (
            [
                ("Around", 2, "advmod", "ADV", "RB", "O"),
                ("14", 2, "nummod", "NUM", "CD", "B-DATE"),
                ("May", 12, "nsubjpass", "PROPN", "NNP", "I-DATE"),
                (",", 12, "punct", "PUNCT", ",", "O"),
                ("in", 12, "prep", "ADP", "IN", "O"),
                ("Ikeja", 12, "nsubjpass", "PROPN", "NNP", "B-GPE"),
                (",", 5, "punct", "PUNCT", ",", "O"),
                ("Lagos", 5, "conj", "PROPN", "NNP", "B-GPE"),
                (",", 7, "punct", "PUNCT", ",", "O"),
                ("a", 10, "det", "DET", "DT", "O"),
                ("man", 7, "appos", "NOUN", "NN", "O"),
                ("was", 12, "auxpass", "AUX", "VBD", "O"),
                ("killed", 12, "ROOT", "VERB", "VBN", "O"),
                (".", 12, "punct", "PUNCT", ".", "O"),
            ],
            12,
            "man",
        ),
        # a verb with its own subject has none stranded
        (
            [
                ("Traders", 1, "nsubj", "NOUN", "NNS", "O"),
                ("protested", 1, "ROOT", "VERB", "VBD", "O"),
                ("in", 1, "prep", "ADP", "IN", "O"),
                ("Lagos", 2, "pobj", "PROPN", "NNP", "B-GPE"),
                (".", 1, "punct", "PUNCT", ".", "O"),
            ],
            1,
            None,
        ),
    ],
)
def test_draft_subject_the_parser_hangs_on_a_place_is_found(
    nlp: object, rows: list[tuple[str, int, str, str, str, str]], verb: int, expected: str | None
) -> None:
    from newsevents.core.syntax import stranded_subject

    doc = _parsed(nlp, rows)
    found = stranded_subject(doc[verb])  # type: ignore[index]
    assert (found.text if found is not None else None) == expected


def test_draft_protest_after_a_dated_clause_keeps_its_doers() -> None:
    text = (
        "On 3 March 2024, in Ilorin (Kwara), relatives of a man who was arrested on 1 March "
        "protested outside the police station."
    )
    protest = _one(text, "PROTEST")
    assert protest.source_text == "relatives of a man"


@pytest.mark.parametrize(
    ("text", "target_text"),
    [
        # what protesters held is no one they protest against
        ("On Monday, nurses held a press conference with banners in Busan.", None),
        ("On Monday, residents held placards against the mayor in Ghent.", "the mayor"),
        # a site they block stays the object of the blockade
        ("On Monday, farmers blocked the road near Nakuru.", "the road"),
    ],
)
def test_draft_what_protesters_hold_is_no_target(text: str, target_text: str | None) -> None:
    assert _one(text, "PROTEST").target_text == target_text


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # counted victims of a headline toll are not the rioters
        (
            "Four killed, 90 injured in Kano riots: hospital\n\nKANO - Police fired on a crowd.",
            "PROTEST",
        ),
        # an abstract noun carrying an event's participle does nothing
        (
            "Attack\n\nThe group claimed responsibility for an assault targeting a post near Gao.",
            "ASSAULT",
        ),
    ],
)
def test_draft_victims_and_things_are_no_doers(text: str, event_type: str) -> None:
    events = [e for e in _events(text, include_unreal=True) if e.event_type == event_type]
    assert all(e.source_text is None for e in events)
    if event_type == "ASSAULT":
        assert events and (events[0].claimed_by, events[0].target_text) == ("group", "a post")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # "Around 2 May, in Ikeja, Lagos, a man was killed.": two subjects, one a date
        (
            [
                ("Around", 2, "advmod", "ADV", "RB", "O"),
                ("2", 2, "nummod", "NUM", "CD", "O"),
                ("May", 13, "nsubjpass", "PROPN", "NNP", "B-DATE"),
                (",", 13, "punct", "PUNCT", ",", "O"),
                ("in", 13, "prep", "ADP", "IN", "O"),
                ("Ikeja", 4, "pobj", "PROPN", "NNP", "B-GPE"),
                (",", 7, "punct", "PUNCT", ",", "O"),
                ("Lagos", 4, "dep", "PROPN", "NNP", "B-GPE"),
                (",", 7, "punct", "PUNCT", ",", "O"),
                ("a", 10, "det", "DET", "DT", "O"),
                ("man", 13, "nsubjpass", "NOUN", "NN", "O"),
                ("was", 13, "auxpass", "AUX", "VBD", "O"),
                ("then", 13, "advmod", "ADV", "RB", "O"),
                ("killed", 13, "ROOT", "VERB", "VBN", "O"),
                (".", 13, "punct", "PUNCT", ".", "O"),
            ],
            "man",
        ),
        # "Kabul was shelled.": a place that is the subject is the one shelled, no misreading
        (
            [
                ("Kabul", 2, "nsubjpass", "PROPN", "NNP", "B-GPE"),
                ("was", 2, "auxpass", "AUX", "VBD", "O"),
                ("shelled", 2, "ROOT", "VERB", "VBN", "O"),
                (".", 2, "punct", "PUNCT", ".", "O"),
            ],
            None,
        ),
    ],
)
def test_draft_passive_patient_past_a_misread_subject(
    nlp: object, rows: list[tuple[str, int, str, str, str, str]], expected: str | None
) -> None:
    from newsevents.core.syntax import passive_patient

    doc = _parsed(nlp, rows)
    verb = next(t for t in doc if t.dep_ == "ROOT")  # type: ignore[attr-defined]
    found = passive_patient(verb)
    assert (found.text if found is not None else None) == expected


@pytest.mark.parametrize(
    ("text", "target_text", "dead"),
    [
        (
            "Around 14 May 2024 (as reported), in Tlalpan, Mexico City, a man was killed and "
            "his body was found in a canal. 1 fatality.",
            "a man",
            1,
        ),
        (
            "On 2 March 2024, in Ikeja, Lagos, a trader was shot dead by gunmen.",
            "a trader",
            1,
        ),
    ],
)
def test_draft_victim_after_the_opening_date_and_place(
    text: str, target_text: str, dead: int
) -> None:
    event = _one(text, "ASSAULT")
    assert (event.target_text, event.dead) == (target_text, dead)


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, people gathered in Omsk to protest against the Russian invasion in Ukraine. "
        "Police intervened, arresting three protesters.",
        "On Friday, students rallied in Omsk over the Russian shelling of a school in Kharkiv. "
        "Police intervened, arresting three protesters.",
        # a cause noun: what a rally stands for is no news of it either
        "On Friday, people gathered in Omsk to show support for the Russian invasion in "
        "Ukraine. Police intervened, arresting three protesters.",
        "On Friday, people rallied in Omsk in support of the Russian invasion in Ukraine. "
        "Police intervened, arresting three protesters.",
        # the purpose of a gathering: what it condemns
        "On Friday, people rallied in Omsk to condemn the Russian invasion of Ukraine. "
        "Police intervened, arresting three protesters.",
    ],
)
def test_draft_what_a_protest_is_about_is_background(text: str) -> None:
    events = _events(text)
    assert _one(text, "ASSAULT").background
    # The arrest took place where the protest did, not where its cause did.
    assert [(e.event_type, e.location_country) for e in events if not e.background] == [
        ("PROTEST", "RUS"),
        ("COERCE", "RUS"),
    ]


@pytest.mark.parametrize(
    ("text", "target_text"),
    [
        # what was fired is no target; whom it was fired at is
        ("On Monday, shots were fired at police officers in Kabul.", "police officers"),
        ("On Monday, rockets were fired at the base in Erbil.", "the base"),
        ("On Monday, soldiers fired tear gas canisters towards protesters in Kabul.", "protesters"),
    ],
)
def test_draft_what_is_fired_is_no_target(text: str, target_text: str) -> None:
    (event,) = _events(text)
    assert event.target_text == target_text


@pytest.mark.parametrize(
    ("text", "event_type", "source_text", "target_text"),
    [
        # a noun with an "occurred" participle is a report that the event happened
        (
            "On Monday, a clash occured between farmers and herders in Zzyzx village.",
            "ASSAULT",
            "farmers",
            "herders",
        ),
        # officials gathering is a meeting, unless the gathering calls itself a protest
        (
            "On Monday, security guards gathered in Lusaka in a demonstration over unpaid wages.",
            "PROTEST",
            "security guards",
            None,
        ),
        (
            "On Monday, taxi drivers carried out a motorcade in Lusaka.",
            "PROTEST",
            "taxi drivers",
            None,
        ),
    ],
)
def test_draft_gatherings_and_clashes_told_plainly(
    text: str, event_type: str, source_text: str, target_text: str | None
) -> None:
    event = _one(text, event_type)
    assert (event.source_text, event.target_text) == (source_text, target_text)


@pytest.mark.parametrize(
    "text",
    [
        # the parse hangs the protest noun on the road block and loses the miners
        "On 12 March 2024, in Oruro, miners blocked the km 40 of the main highway in a "
        "demonstration demanding fuel.",
        # "inmates" read as a verb: "rioted" has no subject
        "On 3 March 2024, inmates at the central prison in Kisumu rioted over food.",
    ],
)
def test_draft_dated_event_happened_even_when_the_parse_loses_its_doers(text: str) -> None:
    assert "PROTEST" in [e.event_type for e in _events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "A demonstration is planned for 20 May 2024 in Tarija.",
        "The union planned a march for 20 June.",
        "A rally is scheduled in Tarija on 20 May 2024.",
    ],
)
def test_draft_planned_events_are_not_news(text: str) -> None:
    assert _events(text) == []


def test_draft_passive_read_as_a_past_tense_keeps_its_agent() -> None:
    text = (
        "On Monday, three traders were taken from their shop and tortured to death by militiamen."
    )
    event = _one(text, "ASSAULT")
    assert (event.source_text, event.target_text) == ("militiamen", "three traders")


@pytest.mark.parametrize(
    ("text", "cameo_code"),
    [
        # a bare "strike" is a labour strike by the verb that carries it or by its civilian doers
        ("On Monday, dock workers went on strike in Durban.", "143"),
        ("On Monday, teachers held a strike in front of the ministry in Lima.", "143"),
        ("On Monday, nurses staged a strike at the hospital in Accra.", "143"),
        # by soldiers or jets it is a military strike
        ("On Monday, Israeli jets carried out strikes on a camp near Gaza.", "195"),
        ("On Monday, the air force joined the allies' strikes on militant camps.", "195"),
    ],
)
def test_draft_a_bare_strike_is_read_by_its_verb_and_doers(text: str, cameo_code: str) -> None:
    assert [e.cameo_code for e in _events(text)] == [cameo_code]
