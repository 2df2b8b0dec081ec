"""Unit tests of core/events/verbs.py: PETRARCH verb dictionaries read into trigger entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.core.events.verbs import load_verbs

SETS = """&CURRENCY
+DOLLAR
+SWISS FRANCS

&TIES
+ECONOMIC
+CULTURAL

"""


def _particles(tmp_path: Path, text: str) -> dict[str | None, str]:
    path = tmp_path / "verbs.txt"
    path.write_text(SETS + text, encoding="utf-8")
    return {t.particle: t.cameo_code for t in load_verbs(path)}


@pytest.mark.parametrize(
    ("pattern", "particle", "code"),
    [
        # a noun phrase: its head last, the modifiers before it
        ("- * {NEW &TIES RELATIONS} [1951]", "= {new economic relations}", "1951"),
        # a prepositional phrase with a synonym set inside
        ("- * MEMOS (ON &TIES) [091]", "= memos (on cultural)", "091"),
        # a several-word member of a set becomes a phrase
        ("- * &CURRENCY [0331]", "= {swiss francs}", "0331"),
        # words before the verb are marked "<"
        ("- {DEATH TOLL} * [190]", "= <{death toll}", "190"),
        # source and target markers are kept, also inside a phrase
        ("- + * (FROM $) [080]", "= <+ (from $)", "080"),
        # skipped phrases after the verb are kept, before it left out
        ("- * THEIR ^ ABOUT + [130]", "= their ^ about +", "130"),
        ("- * IFTAR (AT ^ ^) + [017]", "= iftar (at ^ ^) +", "017"),
        ("- $ ^ (FOR) * [164]", "= <$ <(for)", "164"),
        # "no event" patterns are kept: they stop the verb from being coded
        ("- * BUDGET [---]", "= budget", "---"),
    ],
)
def test_verbs_pattern_particles(tmp_path: Path, pattern: str, particle: str, code: str) -> None:
    found = _particles(tmp_path, f"--- ALLOW [080] ---\nALLOW\n{pattern}\n")
    assert found[particle] == code
    assert found[None] == "080"


@pytest.mark.parametrize(
    "pattern",
    [
        "- % * [050]",  # markers only: nothing of its own to match
        "- * {THE FULL} [xxy]",  # not an event code
        "- * &UNKNOWN [050]",  # a set the file does not define
    ],
)
def test_verbs_patterns_without_particle_are_skipped(tmp_path: Path, pattern: str) -> None:
    found = _particles(tmp_path, f"--- AGREE [050] ---\nAGREE\n{pattern}\n")
    assert found == {None: "050"}


def test_verbs_longer_patterns_come_first(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(
        "--- ABANDON [080] ---\nABANDON\n- * TIES [081]\n- * {NEW DIPLOMATIC TIES} [082]\n",
        encoding="utf-8",
    )
    particles = [t.particle for t in load_verbs(path)]
    assert particles.index("= {new diplomatic ties}") < particles.index("= ties")


def test_verbs_word_form_entry_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text("--- LEFT [042] ---\nLEFT [042]\n", encoding="utf-8")
    assert [(t.lemma, t.cameo_code) for t in load_verbs(path)] == [("left", "042")]


def test_verbs_phrasal_verbs_of_a_synset(tmp_path: Path) -> None:
    path = tmp_path / "verbs.txt"
    path.write_text(
        "--- EXCLUDE [144] ---\nEXCLUDE\n+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF}\n"
        "WIRE_+TAP\n+DIFFERENCE_OF_OPINION\n",
        encoding="utf-8",
    )
    found = {(t.lemma, t.particle): t.cameo_code for t in load_verbs(path)}
    assert found == {
        ("exclude", None): "144",
        ("cordon", "off"): "144",
        ("cordoned", "off"): "144",  # a form the tagger may not lemmatise
        ("cordons", "off"): "144",
    }
