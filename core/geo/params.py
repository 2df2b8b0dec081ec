"""Every tuning constant of the geocoder in one place, each with what it tunes.

Changing one changes which place an event is given: re-run the accuracy bench after any change.
"""

from __future__ import annotations

# -- the name index ---------------------------------------------------------------------------

# Names whose entries stay in memory per process: an article looks up a few dozen names, a batch
# of thousands repeats the same few thousand; beyond that a lookup is one indexed query (~20 us).
CACHED_NAMES = 8192

# -- scoring the readings of a name -----------------------------------------------------------

# A district (admin2, "d") or a township (admin3, "t") is a region too, but it must not outrank
# a town of the same name: the town is what a bare name means far more often.
KIND_BONUS = {"n": 6.0, "a": 3.0, "d": 0.5, "t": 0.3, "c": 0.0}
# How much less likely a bare town name of a country whose press qualifies its towns is that
# country's town (a tenfold population), where the article gives no sign of that country.
BARE_NAME_PENALTY = 1.0

# -- sizes of towns ---------------------------------------------------------------------------

# A city big enough to have sides with names of their own ("south Tampa", "West Sentani").
SIDED_CITY = 30_000
# A town is "big" when its name is known abroad: an article may name it with no other sign of
# its country ("protests in Toledo"). Smaller towns share their names with villages elsewhere.
# Also the size of a "big place" (`Gazetteer.big_place`) and of a town that brackets after it
# do not move abroad (`qualifiers.parenthesis`).
BIG_CITY = 100_000
# How many times its namesake town's population a province's biggest town must have for the
# province to be meant by the bare name (see `Gazetteer._dominant_region`).
REGION_WEIGHT = 5
# A city that keeps its reading even against the province in brackets after it: the brackets
# may be misread ("Brasilia (Distrito Federal)"), the metropolis hardly.
METROPOLIS = 500_000

# -- spellings --------------------------------------------------------------------------------

# How alike two spellings of a name must be (difflib's ratio of their letters) to be one.
SPELLING_RATIO = 0.88
# How alike two spellings of a unit must be to name the same unit ("Shabwa" and "Shabwah").
SAME_UNIT_RATIO = 0.85
# How sure the shape of an unknown name must make its country before the name is placed there.
SHAPE_CONFIDENCE = 0.99

# -- distances --------------------------------------------------------------------------------

# How far from its city a part of it may lie ("Seoul City - Gangnam", "Sampaloc, Manila").
DISTRICT_KM = 40.0
# How near the point of the unit its brackets name a town of another province may lie and
# still be the town meant.
NEIGHBOUR_KM = 80.0

# -- the dateline -----------------------------------------------------------------------------

# How many characters of the article's head a dateline is looked for in.
DATELINE_CHARS = 600
