"""End-to-end rules of the extractor, one small article per construction (core/events/)."""

from __future__ import annotations

import pytest

from newsevents.core import Event, extract

PUBLISHED = "2024-03-16"  # a Saturday


def _events(text: str, **kwargs: object) -> list[Event]:
    return extract(text, published=PUBLISHED, **kwargs)  # type: ignore[arg-type]


def _one(text: str, event_type: str) -> Event:
    found = [e for e in _events(text) if e.event_type == event_type]
    assert len(found) == 1, [e.to_dict() for e in _events(text)]
    return found[0]


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
def test_engine_roles_by_construction(
    text: str, event_type: str, source_country: str | None, target_text: str
) -> None:
    event = _one(text, event_type)
    assert event.source_country == source_country
    assert event.target_text == target_text


def test_engine_staged_protest_has_its_doers() -> None:
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
def test_engine_light_verb_carries_counted_event_nouns(
    text: str, event_type: str, source_text: str
) -> None:
    assert _one(text, event_type).source_text == source_text


def test_engine_a_group_tagged_as_a_date_is_still_a_doer() -> None:
    # The tagger reads "Fridays" as a date; the dictionary knows the movement.
    event = _one("Fridays for Future activists marched in Eldoret on Monday.", "PROTEST")
    assert event.source_name == "Fridays for Future"


def test_engine_gerund_subject_of_took_place_is_an_event() -> None:
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
def test_engine_gerund_subject_and_its_toll_are_one_event(
    text: str, source: str | None, target: str
) -> None:
    event = _one(text, "ASSAULT")
    assert (event.source_text, event.target_text) == (source, target)


def test_engine_coordinated_protesters_are_all_doers() -> None:
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
def test_engine_events_seen_to_happen_need_no_doer(text: str) -> None:
    event = _one(text, "ASSAULT")
    assert event.source_name is None


def test_engine_staged_event_happened_even_when_the_parse_loses_its_doer() -> None:
    # The parser reads "applicants" as the object of the opening "in", leaving "staged" alone.
    text = (
        "On 3 May 2022, in Tacna (Tacna), post-graduate applicants of Jorge Basadre National "
        "University (UNJBG) staged a demonstration to complain about the exam."
    )
    assert [e.event_type for e in _events(text)] == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "action_text", "target_text"),
    [
        # the "On" of a date is no particle of the verb
        ("On Monday, rebels fired on a bus near Garissa.", "fired on", "a bus"),
        ("On 4 March, soldiers fired rockets at rebel positions.", "fired", "rebel positions"),
        ("On 4 March, soldiers fired grenade launchers at a camp.", "fired", "a camp"),
    ],
)
def test_engine_action_is_the_verb_and_its_particle(
    text: str, action_text: str, target_text: str
) -> None:
    event = _one(text, "ASSAULT")
    assert (event.action_text.split()[0], event.target_text) == (
        action_text.split()[0],
        target_text,
    )
    assert not event.action_text.startswith("On")


def test_engine_reported_speech_is_attributed_not_coded() -> None:
    events = _events("The army said rebels attacked a checkpoint in Goma on Friday.")
    assert [e.event_type for e in events] == ["ASSAULT"]
    assert events[0].source_text == "rebels"
    assert events[0].attributed_to is not None and "army" in events[0].attributed_to.lower()


def test_engine_pronoun_resolves_to_the_speaker() -> None:
    text = "Egypt's army said it destroyed three militant camps in Sinai on Friday."
    event = _one(text, "ASSAULT")
    assert event.source_text == "it"
    assert event.source_country == "EGY"


def test_engine_claim_of_responsibility_attaches_to_the_attack() -> None:
    text = (
        "Church attack kills four in Lagos\n\n"
        "Gunmen attacked a church in Lagos on Sunday, killing four worshippers.\n\n"
        "The Islamic State group claimed responsibility for the attack on Monday."
    )
    events = _events(text)
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 1
    attack = _one(text, "ASSAULT")
    assert attack.claimed_by == "Islamic State"
    assert attack.dead == 4
    assert attack.mentions >= 2


def test_engine_headline_and_body_mentions_merge() -> None:
    text = (
        "Police arrest 12 protesters in Nairobi\n\n"
        "Kenyan police arrested 12 protesters in Nairobi on Friday after a march against "
        "tax rises turned violent."
    )
    arrests = [e for e in _events(text) if e.event_type == "COERCE"]
    assert len(arrests) == 1
    assert arrests[0].mentions == 2
    assert arrests[0].source_country == "KEN"
    assert arrests[0].arrested == 12


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Police did not arrest any protesters in Lima on Friday.", "negated"),
        ("The two presidents will meet the prime minister in Geneva next month.", "future"),
        ("The army could strike rebel bases in the north at any time.", "hypothetical"),
    ],
)
def test_engine_unreal_events_are_not_news(text: str, modality: str) -> None:
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
def test_engine_history_habit_and_totals_are_background(text: str) -> None:
    events = _events(text)
    assert events and all(e.background for e in events)


def test_engine_acronym_defined_in_parentheses_resolves() -> None:
    text = (
        "The Government of National Accord (GNA) condemned the strikes on Misrata.\n\n"
        "The GNA also accused Russia of sending mercenaries."
    )
    accusation = [e for e in _events(text) if e.cameo_code and e.cameo_code.startswith("112")]
    assert accusation and accusation[0].source_country == "LBY"


def test_engine_text_without_events_gives_no_rows() -> None:
    text = "Rare flower blooms in Edinburgh\n\nA giant flower opened at the botanic garden."
    assert _events(text) == []


def test_engine_offsets_index_the_article() -> None:
    text = "Quiet day\n\nRebels attacked a convoy near Goma on Friday."
    event = _one(text, "ASSAULT")
    assert text[event.char_start : event.char_end] == event.sentence
    assert event.event_date == "2024-03-15"


def test_engine_event_ids_are_stable() -> None:
    text = "Rebels attacked a convoy near Goma on Friday."
    assert [e.event_id for e in _events(text)] == [e.event_id for e in _events(text)]


def test_engine_min_confidence_filters() -> None:
    text = "Rebels attacked a convoy near Goma on Friday."
    assert _events(text, min_confidence=1.0) == []


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
def test_engine_a_gathering_of_officials_is_no_protest(text: str, expected: list[str]) -> None:
    assert [e.event_type for e in _events(text) if e.event_type == "PROTEST"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "CAIRO, May 26 (Reuters) - Gunmen attacked a bus in Minya on Friday.",
        "Cairo, Egypt \u2013 Gunmen attacked a bus in Minya on Friday.",
    ],
)
def test_engine_a_dateline_is_no_part_of_the_doer(text: str) -> None:
    attack = _one("Bus attacked\n\n" + text, "ASSAULT")
    assert attack.source_text == "Gunmen"


def test_engine_a_hyphen_inside_a_name_is_no_dateline() -> None:
    attack = _one("Ambush\n\nAl-Qaeda militants ambushed a patrol near Gao on Friday.", "ASSAULT")
    assert attack.source_text == "Al-Qaeda militants"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        # the claimer, not the "according to" source, is who "it" stands for
        (
            "An armed group has claimed it killed 40 soldiers at a base, according to a monitor.",
            "REB",
        ),
        ("The rebels claimed that they shot down a helicopter, the army said.", "REB"),
    ],
)
def test_engine_pronoun_under_a_claim_is_the_claimer(text: str, sector: str) -> None:
    event = _one("Base attacked\n\n" + text, "ASSAULT")
    assert event.source_sector == sector


@pytest.mark.parametrize(
    ("text", "source_text", "dead"),
    [
        ("Rebels killed two soldiers in an attack on an army post near Kaduna.", "Rebels", 2),
        ("Gunmen killed five villagers during a raid on Kaura on Monday.", "Gunmen", 5),
        # no doer on the verb: the attack is the event, the toll joins it
        ("Two soldiers were killed in an attack by rebels on an army post.", "rebels", 2),
    ],
)
def test_engine_killing_in_an_attack_is_one_event(text: str, source_text: str, dead: int) -> None:
    attack = _one("Post attacked\n\nKADUNA - " + text, "ASSAULT")
    assert (attack.source_text, attack.dead) == (source_text, dead)


def test_engine_us_in_capitals_is_a_country_not_a_pronoun() -> None:
    text = "Talks\n\nA spokesman said that the US fully supports the Kenyan mission in Haiti."
    event = _one(text, "SUPPORT")
    assert (event.source_name, event.source_country) == ("United States", "USA")


def test_engine_counted_short_name_is_not_the_latest_group() -> None:
    text = (
        "Talks in Juba\n\nResidents of Juba fled the fighting on Friday. "
        "The two men held talks with the mediators in the capital on Saturday."
    )
    talks = _one(text, "CONSULT")
    assert (talks.source_name, talks.source_country) == ("men", None)


@pytest.mark.parametrize("short", ["The two ministers", "The ministers", "The two sides"])
def test_engine_counted_or_plural_short_name_is_the_earlier_pair(short: str) -> None:
    text = (
        "Ministers meet\n\nThe foreign ministers of Kenya and Ghana met in Nairobi on Monday. "
        f"{short} signed a trade agreement on Tuesday."
    )
    signed = _one(text, "SUPPORT")
    assert signed.source_country == "KEN;GHA"


def test_engine_many_plural_short_names_do_not_nest() -> None:
    # Each "the officials" looks back at earlier subjects without resolving theirs again.
    body = " ".join(f"The officials condemned attack number {n} on Monday." for n in range(1200))
    events = _events("Officials condemn attacks\n\n" + body)
    assert events and all(e.event_type == "ACCUSE" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrest 12 protesters in Nairobi", True),
        ("Police arrest 12 protesters\n\nKenyan police arrested 12 protesters on Friday.", True),
        # a one-paragraph report with no title: its sentences are body, not a headline
        ("On 3 March, police arrested 12 protesters in Nairobi.", False),
        ("On 3 March, police arrested 12 protesters. Two were injured!", False),
    ],
)
def test_engine_first_line_is_a_headline_unless_it_is_the_whole_report(
    text: str, expected: bool
) -> None:
    from newsevents.core.pipeline.engine import _is_headline

    assert _is_headline(text) is expected


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
def test_engine_subject_the_parser_hangs_on_a_place_is_found(
    nlp: object, rows: list[tuple[str, int, str, str, str, str]], verb: int, expected: str | None
) -> None:
    from newsevents.core.syntax import stranded_subject

    doc = _parsed(nlp, rows)
    found = stranded_subject(doc[verb])  # type: ignore[index]
    assert (found.text if found is not None else None) == expected


def test_engine_protest_after_a_dated_clause_keeps_its_doers() -> None:
    text = (
        "On 3 March 2024, in Ilorin (Kwara), relatives of a man who was arrested on 1 March "
        "protested outside the police station."
    )
    protest = _one(text, "PROTEST")
    assert protest.source_text == "relatives of a man"


@pytest.mark.parametrize(
    ("text", "event_type", "action_text"),
    [
        ("On Monday, soldiers set houses on fire in Kani village.", "ASSAULT", "set"),
        ("On Monday, rival gangs exchanged fire in Soweto.", "ASSAULT", "exchanged fire"),
        (
            "On Monday, a shoot-out between police and robbers took place in Soweto.",
            "ASSAULT",
            "shoot-out",
        ),
        (
            "On Monday, activists took out a protest rally in Hyderabad.",
            "PROTEST",
            "took out a protest rally",
        ),
        ("On Monday, farmers blocked traffic near Nakuru.", "PROTEST", "blocked traffic"),
        ("On Monday, a bomb went off in a market in Maiduguri.", "ASSAULT", "bomb"),
        ("On Monday, unidentified men robbed a shop in Goma.", "COERCE", "robbed"),
        ("On Monday, rioters smashed the windows of the town hall.", "ASSAULT", "smashed"),
        (
            "On Monday, Maoist cadres set ablaze two road construction machines at Kiamunda"
            " village.",
            "ASSAULT",
            "set",
        ),
        (
            "On Monday, police fired tear gas canisters at the protesters in Nairobi.",
            "ASSAULT",
            "fired tear gas canisters",
        ),
        ("On Monday, a trader was taken away by gunmen near Dawei.", "ASSAULT", "was taken away"),
        # a light verb carries the event noun
        (
            "On Monday, gang members initiated an armed confrontation with police in Cali.",
            "ASSAULT",
            "initiated an armed confrontation",
        ),
        (
            "On Monday, the governor declared a dusk-to-dawn curfew in Garissa.",
            "COERCE",
            "declared a dusk-to-dawn curfew",
        ),
        ("On Monday, the police extended a curfew in Garissa.", "COERCE", "extended a curfew"),
        # a strike of set length, or by workers, is a labour strike, not an air strike
        (
            "On Monday, teachers carried out a 48-hour strike in Neuquen.",
            "PROTEST",
            "carried out a 48-hour strike",
        ),
        (
            "On Monday, nurses began an indefinite strike in Lagos.",
            "PROTEST",
            "began an indefinite strike",
        ),
        # a blocked way in is a protest
        (
            "On Monday, fans blocked the main roundabout in Sfax.",
            "PROTEST",
            "blocked the main roundabout",
        ),
        # banners and placards make a gathering a protest, even one called a press conference
        (
            "On Monday, nurses held a press conference with banners in front of the city hall.",
            "PROTEST",
            "held",
        ),
        ("On Monday, residents held placards outside the town hall in Ghent.", "PROTEST", "held"),
        ("On Monday, soldiers sealed off an editor's house in Hpa-an.", "COERCE", "sealed off"),
        ("On Monday, militiamen rustled cattle from a farm near Gusau.", "COERCE", "rustled"),
        ("On Monday, rebels took over the village of Kaheku.", "COERCE", "took over"),
        ("On Monday, army bulldozers bulldozed three homes near Hebron.", "ASSAULT", "bulldozed"),
        ("On Monday, soldiers repelled a rebel attack near Mopti.", "ASSAULT", "repelled"),
    ],
)
def test_engine_plain_news_phrasings_are_events(
    text: str, event_type: str, action_text: str
) -> None:
    assert _one(text, event_type).action_text == action_text


@pytest.mark.parametrize(
    "toll",
    ["Four passengers were killed.", "Four passengers were killed and two were wounded."],
)
def test_engine_toll_in_a_later_sentence_adds_its_count(toll: str) -> None:
    attack = _one(f"Bus attacked\n\nGunmen attacked a bus near Zaria on Friday. {toll}", "ASSAULT")
    assert attack.dead == 4


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
def test_engine_what_protesters_hold_is_no_target(text: str, target_text: str | None) -> None:
    assert _one(text, "PROTEST").target_text == target_text


def test_engine_first_news_event_is_the_most_confident() -> None:
    text = "Hundreds of people rallied in Tbilisi on Sunday against the invasion of Ukraine."
    events = _events(text)
    assert max(events, key=lambda e: e.confidence).event_type == "PROTEST"


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
def test_engine_victims_and_things_are_no_doers(text: str, event_type: str) -> None:
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
def test_engine_passive_patient_past_a_misread_subject(
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
def test_engine_victim_after_the_opening_date_and_place(
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
def test_engine_what_a_protest_is_about_is_background(text: str) -> None:
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
def test_engine_what_is_fired_is_no_target(text: str, target_text: str) -> None:
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
def test_engine_gatherings_and_clashes_told_plainly(
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
def test_engine_dated_event_happened_even_when_the_parse_loses_its_doers(text: str) -> None:
    assert "PROTEST" in [e.event_type for e in _events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "A demonstration is planned for 20 May 2024 in Tarija.",
        "The union planned a march for 20 June.",
        "A rally is scheduled in Tarija on 20 May 2024.",
    ],
)
def test_engine_planned_events_are_not_news(text: str) -> None:
    assert _events(text) == []


def test_engine_passive_read_as_a_past_tense_keeps_its_agent() -> None:
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
def test_engine_a_bare_strike_is_read_by_its_verb_and_doers(text: str, cameo_code: str) -> None:
    assert [e.cameo_code for e in _events(text)] == [cameo_code]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, parents formed a human chain around the school in Oruro.",
        "On Monday, students chanted slogans outside the parliament in Tirana.",
        "On Monday, farmers burned effigies of the minister in Patiala.",
        "On Monday, residents banged pots and pans on their balconies in Santiago.",
        "On Monday, residents assembled outside the town hall in Durres.",
        "On Monday, hundreds of people staged a 'March for Peace' in Kingston.",
        # South Asian and Latin American words for kinds of protest
        "On Monday, students staged a dharna in front of the collectorate in Patna.",
        "On Monday, farmers gheraoed the block office in Patna.",
        "On Monday, traders observed a bandh in Kathmandu.",
        "On Monday, opposition activists enforced a hartal in Dhaka.",
        "On Monday, residents held a cacerolazo in Santiago.",
        "On Monday, dock workers downed tools in Mombasa.",
        "On Monday, truckers paralysed traffic on the ring road in Nairobi.",
        "On Monday, supporters thronged the streets of Lilongwe.",
        "On Monday, activists chained themselves to the gates of the ministry in Quito.",
        "On Monday, a vendor immolated himself outside the town hall in Sfax.",
    ],
)
def test_engine_protest_phrasings_are_protests(text: str) -> None:
    assert "PROTEST" in [e.event_type for e in _events(text)]


def test_engine_an_event_asked_for_lends_no_date_to_the_one_held() -> None:
    text = (
        "Thousands of protesters gathered outside parliament in Belgrade. Their leader called "
        "for a new rally on Tuesday."
    )
    event = _one(text, "PROTEST")
    assert (event.event_date, event.date_text) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, villagers petitioned the governor in Kisumu over a land dispute.",
        "On Monday, activists submitted a memorandum to the governor in Patna.",
    ],
)
def test_engine_petitions_are_requests(text: str) -> None:
    assert "REQUEST" in [e.event_type for e in _events(text)]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("On Monday, the army launched a clearance operation near Damboa.", "ASSAULT"),
        ("On Monday, troops carried out a counter-terrorism operation in Kidal.", "ASSAULT"),
        ("On Monday, police conducted a search operation in Eastleigh.", "MOBILIZE"),
    ],
)
def test_engine_kinds_of_operation_are_events(text: str, event_type: str) -> None:
    assert event_type in [e.event_type for e in _events(text)]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, hundreds rallied in Tartu to express support for the striking teachers.",
        "On Monday, farmers gathered in Mysore to reject the new land law.",
        "On Monday, students marched in Kandy, demanding the release of their leaders.",
    ],
)
def test_engine_what_a_protest_backs_or_rejects_is_its_content(text: str) -> None:
    assert [e.event_type for e in _events(text)] == ["PROTEST"]


@pytest.mark.parametrize(
    ("text", "event_type", "source", "target"),
    [
        (
            "On Monday, in Oaxaca, teachers and members of the SNTE blocked roads near the city "
            "hall to demand pay.",
            "PROTEST",
            "teachers and members of the SNTE",
            "roads",
        ),
        ("On Monday, police tear-gassed students in Nairobi.", "ASSAULT", "police", "students"),
        (
            "On Monday, in Dhaka, riders on a motorbike shot dead a trader near a shop.",
            "ASSAULT",
            "riders",
            "a trader",
        ),
    ],
)
def test_engine_events_of_sentences_that_lost_their_verb(
    text: str, event_type: str, source: str, target: str
) -> None:
    event = _one(text, event_type)
    assert (event.source_text, event.target_text) == (source, target)
