"""Named exceptions of the newsevents core; only the CLI turns them into messages."""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class of every error the core raises on purpose."""


class ModelNotFoundError(NewsEventsError):
    """No spaCy pipeline could be loaded."""


class InputError(NewsEventsError):
    """An article could not be read; `path` names it, `hint` says what to do."""

    def __init__(self, path: str, problem: str, hint: str) -> None:
        self.path = path
        self.problem = problem
        self.hint = hint
        super().__init__(f"{path}: {problem}; {hint}")


class InputNotFoundError(InputError):
    """The input path does not exist."""


class EmptyInputError(InputError):
    """The article has no text."""


class BinaryInputError(InputError):
    """The input is binary (NUL bytes, PDF, image), not text."""


class UnreadableInputError(InputError):
    """The input exists but cannot be opened (permissions, vanished, a folder)."""


class NoMatchingFilesError(InputError):
    """A folder holds no file matching the glob."""


class DictionaryError(NewsEventsError):
    """A user actor dictionary or data file is malformed."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class GoldFormatError(DictionaryError):
    """A gold file for evaluation is malformed."""
