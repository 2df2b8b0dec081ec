"""The resume decision: content hash, settings key, and which articles a store holds done."""

from __future__ import annotations

import os
from datetime import date

import pytest

from newsevents.core import Article
from newsevents.core.errors import InputError
from newsevents.core.resume import Resume, Stamp, article_key, article_sha256, settings_key


def _article(text: str = "Rebels attacked a convoy.", **meta: object) -> Article:
    return Article(text=text, path="a.txt", **meta)  # type: ignore[arg-type]


def test_resume_hash_follows_text_and_metadata() -> None:
    base = article_sha256(_article())
    assert base == article_sha256(_article())
    assert base != article_sha256(_article("Rebels attacked a bus."))
    assert base != article_sha256(_article(published=date(2024, 5, 4)))
    assert base != article_sha256(_article(title="Convoy attacked"))
    assert len(base) == 64


def test_resume_settings_key_is_stable_and_sorted() -> None:
    assert settings_key(b=1, a=None) == settings_key(a=None, b=1) == '{"a": null, "b": 1}'
    assert settings_key(day=date(2024, 5, 4)) == '{"day": "2024-05-04"}'


def test_resume_is_done_only_with_same_stamp() -> None:
    article = _article()
    held: dict[str, Stamp] = {}
    resume = Resume(held.get, settings="s", version="v1")
    assert not resume.is_done(article)
    held[article_key("a.txt")] = resume.stamp(article)
    assert resume.is_done(article)
    assert not Resume(held.get, settings="other", version="v1").is_done(article)
    assert not Resume(held.get, settings="s", version="v2").is_done(article)
    assert not Resume(held.get, settings="s", version="v1", force=True).is_done(article)
    assert not resume.is_done(_article("Changed text."))


def test_resume_skip_done_counts_and_keeps_errors() -> None:
    done, new = _article(), Article(text="Other.", path="b.txt")
    failed = InputError("c.txt", "cannot read", "check it")
    resume = Resume(lambda path: None, settings="", version="v")
    resume.lookup = {article_key("a.txt"): resume.stamp(done)}.get
    assert list(resume.skip_done([done, new, failed])) == [new, failed]
    assert resume.skipped == 1


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("-", "-"),
        ("dir/a.txt", "{cwd}/dir/a.txt"),
        ("./dir/../dir/a.txt", "{cwd}/dir/a.txt"),
        ("dir/f.jsonl#3", "{cwd}/dir/f.jsonl#3"),
        ("dir/odd#name.txt", "{cwd}/dir/odd#name.txt"),
    ],
)
def test_resume_article_key_resolves_the_file(path: str, key: str) -> None:
    assert article_key(path) == key.format(cwd=os.path.realpath(os.getcwd()))
