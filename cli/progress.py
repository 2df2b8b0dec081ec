"""Progress of a long conversion: a live bar on stderr when it is a terminal, else nothing.

The bar shows articles done (of the files found, counted in a background thread so the first
article is not delayed), articles per second, events, failures, skipped articles and the ETA.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import Task


def stderr_is_terminal() -> bool:
    """Whether a person watches stderr (the bar would only litter a log file)."""
    return sys.stderr is not None and sys.stderr.isatty()


def count_files(inputs: list[str], glob: str) -> int:
    """How many article files the INPUTs name (stdin counts one); a JSON file may hold more."""
    # the reader's own walk: same files, same rules
    from newsevents.core.inputs import walk as _walk

    total = 0
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            total += sum(1 for entry in _walk(path, glob) if isinstance(entry, Path))
        else:
            total += 1
    return total


class Progress:
    """A context manager counting converted articles; draws the bar only when `enabled`."""

    def __init__(self, enabled: bool, inputs: list[str] | None = None, glob: str = "*.txt"):
        self.enabled = enabled
        self.inputs = inputs or []
        self.glob = glob
        self.bar: RichProgress | None = None
        self.task: Any = None

    def __enter__(self) -> Progress:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeRemainingColumn,
        )
        from rich.progress import (
            Progress as RichProgress,
        )

        self.bar = RichProgress(
            TextColumn("[bold]extract"),
            BarColumn(),
            MofNCompleteColumn(),
            _rate_column(),
            TextColumn("{task.fields[events]} events, {task.fields[failed]} failed"),
            TextColumn("{task.fields[skipped]}"),
            TimeRemainingColumn(),
            # stdout is data: only stderr is ours; messages printed meanwhile go above the bar.
            console=Console(stderr=True),
            redirect_stdout=False,
            redirect_stderr=True,
            transient=True,
        )
        self.task = self.bar.add_task("extract", total=None, events=0, failed=0, skipped="")
        self.bar.start()
        threading.Thread(target=self._count, daemon=True).start()
        return self

    def _count(self) -> None:
        try:
            total = count_files(self.inputs, self.glob)
        except Exception:  # noqa: BLE001 - without a total the bar still counts, without ETA
            return
        bar = self.bar
        if bar is not None:
            bar.update(self.task, total=total)

    def advance(self, *, events: int, failed: int, skipped: int) -> None:
        """One more article done; the arguments are the running totals."""
        if self.bar is None:
            return
        task = self.bar.tasks[0]
        total = task.total
        if total is not None and task.completed + 1 > total:
            total = None  # a JSON file held many articles: the file count was no total
        self.bar.update(
            self.task,
            advance=1,
            total=total,
            events=events,
            failed=failed,
            skipped=f"{skipped} skipped" if skipped else "",
        )

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        bar, self.bar = self.bar, None
        if bar is not None:
            bar.stop()


def _rate_column() -> Any:
    """A column of articles per second (rich is imported only when a bar is drawn)."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Articles per second over the last seconds."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:.1f} articles/s")

    return RateColumn()
