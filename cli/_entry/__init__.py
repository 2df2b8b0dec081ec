"""newsevents: an offline news-to-event coder (who did what to whom, where, when, how many)."""

__version__ = "0.1.0"
