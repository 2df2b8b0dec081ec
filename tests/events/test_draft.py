"""The draft rules: `--explain` names the rule that decided each field of an event."""

from __future__ import annotations

from newsevents.core.events.draft import RULES


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
