"""The English word lists: every list is defined once, and every list the code asks for exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsevents.core.errors import DictionaryError
from newsevents.core.lang import en
from newsevents.core.lang.en import LANG_DIR, word_lists, words

CORE = Path(en.__file__).resolve().parents[2]


def _asked_for() -> set[str]:
    """Names of lists the code reads with words("...")."""
    asked: set[str] = set()
    for path in CORE.rglob("*.py"):
        asked.update(re.findall(r'\bwords\("([a-z_]+)"\)', path.read_text(encoding="utf-8")))
    return asked


def test_en_every_list_the_code_reads_exists() -> None:
    missing = sorted(_asked_for() - set(word_lists()))
    assert missing == []


def test_en_every_list_is_read_by_some_code() -> None:
    # demonyms.csv has a column more (the country) and a reader of its own in core/geo
    unused = sorted(set(word_lists()) - _asked_for() - {"demonyms"})
    assert unused == []


def test_en_words_of_a_list() -> None:
    assert {"kill", "wound"} <= words("toll_verbs")
    assert "die" not in words("toll_verbs")


def test_en_unknown_list_fails_at_once() -> None:
    with pytest.raises(KeyError):
        words("no_such_list")


def test_en_a_list_in_two_files_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.csv").write_text("word,list\nin,preps\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("# again\nword,list\nat,preps\n", encoding="utf-8")
    monkeypatch.setattr(en, "LANG_DIR", tmp_path)
    word_lists.cache_clear()
    try:
        with pytest.raises(DictionaryError, match="list 'preps' is already defined in a.csv"):
            word_lists()
    finally:
        monkeypatch.setattr(en, "LANG_DIR", LANG_DIR)
        word_lists.cache_clear()
