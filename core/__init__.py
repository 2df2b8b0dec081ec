"""newsevents core: a library that turns news text into event records.

>>> from newsevents.core import extract
>>> events = extract("Protesters marched in Nairobi on Friday.", published="2024-05-04")
"""

from .actors import ActorDictionary
from .api import Result, extract, extract_many
from .article import Article
from .events.verbs import load_verbs
from .record import FIELDS, Event, to_dataframe, to_records

__all__ = [
    "ActorDictionary",
    "Article",
    "Event",
    "FIELDS",
    "Result",
    "extract",
    "extract_many",
    "load_verbs",
    "to_dataframe",
    "to_records",
]
