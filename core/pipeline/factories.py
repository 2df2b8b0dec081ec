"""The pipeline's own spaCy components, registered here and added to a loaded model in one place.

- `newsevents_paragraphs` (paragraphs.py), before the parser: sentences start at lines and
  after a dateline;
- `newsevents_repair` (repair.py), last: a sentence's lost main verb made its root again;
- the model's attribute ruler and rule lemmatizer remember their answers (pipes.py): those are
  the model's own components, their class swapped in place, so they need no factory.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .paragraphs import PARAGRAPHS, paragraph_boundaries
from .pipes import remembering
from .repair import REPAIR, repair_lost_verbs

__all__ = ["PARAGRAPHS", "REPAIR", "prepare"]


@Language.factory(PARAGRAPHS)
def make_paragraphs(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The component that starts sentences at lines and after datelines."""
    return paragraph_boundaries


@Language.factory(REPAIR)
def make_repair(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The component that gives a verbless sentence its lost main verb back."""
    return repair_lost_verbs


def prepare(nlp: Language) -> Language:
    """A loaded model with the components above: paragraphs before the parser, the repair last
    (it needs the parse, tags and lemmas), and remembering rule components."""
    if PARAGRAPHS not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    if REPAIR not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(REPAIR, last=True)
    return remembering(nlp)
