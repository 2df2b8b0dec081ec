"""The exit codes of every newsevents command, in one place."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What the process exit status means.

    OK: every input was converted (also when a closed pipe, e.g. `| head`, ended the run).
    INPUT_FAILED: some inputs failed; the others were still converted and written. Also used
        for an unexpected internal error (rerun with --debug for the traceback).
    USAGE: nothing was processed: bad options or arguments, no spaCy model (ModelNotFoundError),
        or a bad --actors dictionary (DictionaryError).
    INTERRUPTED: stopped by Ctrl-C; the output written so far is complete and valid.
    """

    OK = 0
    INPUT_FAILED = 1
    USAGE = 2
    INTERRUPTED = 130
