"""Accuracy of newsevents on external test suites read at run time from the shared folder.

Run by `make accuracy` (`python bench/accuracy.py --shared ../shared`). Nothing from the shared
folder is copied into the project: files are read where they lie. Suites:

* seed      hand-coded gold articles (shared/gold, shared/seeds): news-event P/R/F1 and fields.
* newsdev   30 real articles (shared/corpus/news-dev, dated by its MANIFEST.tsv) against their gold
            (shared/gold/news-dev), strict: one row per gold event, a second row is an extra.
* petrarch  UD-PETRARCH functional validation records with their own test actor, agent and verb
            dictionaries used alone (`--only-user-dictionaries`, as PETRARCH is run): (source,
            target, CAMEO code) recall/precision, and root code (2 digits) + actors.
* plover    PLOVER gold-standard records: event type accuracy, actor country accuracy.
* case      CASE 2021 task 2 snippets: ACLED sub-event type weighted F1.
* acled     ACLED notes (even rows develop, odd rows test): fatalities, country, place within
            25 km, date, event type.

Prints one table of figures, appends one line per run to bench/history/accuracy.tsv, and ends
with a one-line summary. A missing suite is skipped with one line; exit status is non-zero only
when no suite could run. Each suite is a module of bench/suites/ (imported from beside this
script, which is run as `python bench/accuracy.py`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from suites.acled import suite_acled
from suites.case import suite_case
from suites.common import SuiteMissing, SuiteResult
from suites.location import suite_location
from suites.newsdev import suite_newsdev
from suites.petrarch import suite_petrarch
from suites.plover import suite_plover
from suites.seed import suite_seed

ROOT = Path(__file__).resolve().parent.parent
HISTORY = ROOT / "bench" / "history" / "accuracy.tsv"
SUITES: tuple[str, ...] = ("seed", "newsdev", "petrarch", "plover", "location", "case", "acled")
# Records per suite (0 = all; for acled, rows per half). All of it is about 470,000 words
# (acled 9,000 notes ~405,000, case 1,019 snippets ~45,000, petrarch 245 and plover 322
# sentences, the seed articles): about 2 minutes at 5,000 words/s, so every suite runs whole.
DEFAULT_LIMITS: dict[str, int] = {
    "seed": 0,
    "newsdev": 0,
    "petrarch": 0,
    "plover": 0,
    # The event-location set has ~9,000 sentences; 3,000 spread evenly keep the run short.
    "location": 3000,
    "case": 0,
    "acled": 0,
}

# --- driver ------------------------------------------------------------------------------------

RUNNERS: dict[str, Callable[[Path, int], SuiteResult]] = {
    "seed": suite_seed,
    "newsdev": suite_newsdev,
    "petrarch": suite_petrarch,
    "plover": suite_plover,
    "location": suite_location,
    "case": suite_case,
    "acled": suite_acled,
}


def parse_limits(values: Sequence[str]) -> dict[str, int]:
    """`--limit N` (every suite) and `--limit SUITE=N` (one suite) over the defaults."""
    limits = dict(DEFAULT_LIMITS)
    for value in values:
        name, sep, number = value.rpartition("=")
        if not number.strip().isdigit():
            raise ValueError(f"--limit {value!r}: expected N or SUITE=N")
        if sep:
            if name not in SUITES:
                raise ValueError(f"--limit {value!r}: unknown suite {name!r}")
            limits[name] = int(number)
        else:
            limits = dict.fromkeys(SUITES, int(number))
    return limits


def git_commit() -> str:
    """Short hash of HEAD, or '-' outside git or before the first commit."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "-"
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else "-"


def print_table(results: Sequence[SuiteResult]) -> None:
    """The figures of every suite as one plain-text table."""
    rows = [("suite", "figure", "value", "n")]
    for res in results:
        for fig in [*res.figures, *res.reference]:
            n = "" if fig.n is None else str(fig.n)
            rows.append((res.name, fig.label, fig.shown(), n))
        rows.append(
            (
                res.name,
                f"records run ({res.errors} failed), seconds",
                str(res.records),
                f"{res.seconds:.0f}s",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for i, row in enumerate(rows):
        suite, label, value, n = row
        print(f"{suite:<{widths[0]}}  {label:<{widths[1]}}  {value:>{widths[2]}}  {n:>{widths[3]}}")
        if i == 0:
            print("  ".join("-" * w for w in widths))


def append_history(results: Sequence[SuiteResult], limits: dict[str, int], path: Path) -> None:
    """Append one TSV line: timestamp, commit, then suite.figure=value for every figure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    new = not path.exists()
    cells = [datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), git_commit()]
    for res in results:
        cells.append(f"{res.name}.records={res.records}")
        cells.append(f"{res.name}.limit={limits.get(res.name, 0)}")
        for fig in res.figures:
            value = (
                "" if fig.value is None else (f"{fig.value:.4f}" if fig.rate else str(fig.value))
            )
            cells.append(f"{res.name}.{fig.key}={value}")
        cells.append(f"{res.name}.seconds={res.seconds:.0f}")
    with path.open("a", encoding="utf-8") as handle:
        if new:
            handle.write(
                "# timestamp\tcommit\tsuite.figure=value ... (rates 0-1; one run a line)\n"
            )
        handle.write("\t".join(cells) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suites; return the exit status (1 when no suite could run)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--shared",
        type=Path,
        default=ROOT.parent / "shared",
        help="the shared reference folder (read only)",
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="SUITE",
        help=f"run only these suites ({', '.join(SUITES)}); repeatable or comma-separated",
    )
    parser.add_argument(
        "--limit",
        action="append",
        default=[],
        metavar="N|SUITE=N",
        help="records per suite (0 = all); default "
        + ", ".join(f"{k}={v}" for k, v in DEFAULT_LIMITS.items()),
    )
    parser.add_argument(
        "--history", type=Path, default=HISTORY, help="TSV file a line is appended to"
    )
    parser.add_argument(
        "--no-history", action="store_true", help="do not append to the history file"
    )
    args = parser.parse_args(argv)
    wanted = [s.strip() for item in args.only for s in item.split(",") if s.strip()] or list(SUITES)
    unknown = [s for s in wanted if s not in SUITES]
    if unknown:
        parser.error(f"unknown suite(s) {', '.join(unknown)}; choose from {', '.join(SUITES)}")
    try:
        limits = parse_limits(args.limit)
    except ValueError as err:
        parser.error(str(err))
    shared: Path = args.shared
    if not shared.is_dir():
        print(
            f"accuracy: shared reference folder {shared} not found (read at run time; "
            "pass --shared DIR); nothing to run"
        )
        return 1
    results: list[SuiteResult] = []
    skipped: list[str] = []
    started = time.monotonic()
    for name in wanted:
        began = time.monotonic()
        try:
            res = RUNNERS[name](shared, limits[name])
        except SuiteMissing as err:
            print(f"skip {name}: {err}")
            skipped.append(name)
            continue
        except Exception as err:  # one broken suite never stops the others
            print(f"fail {name}: {type(err).__name__}: {err}")
            skipped.append(name)
            continue
        res.seconds = time.monotonic() - began
        print(f"ran {name}: {res.records} records in {res.seconds:.0f}s", file=sys.stderr)
        results.append(res)
    if not results:
        print(f"accuracy: no suite could run ({', '.join(skipped)} skipped or failed)")
        return 1
    print_table(results)
    if not args.no_history:
        append_history(results, limits, args.history)
    summary = "; ".join(r.headline for r in results if r.headline)
    extra = f"; skipped {', '.join(skipped)}" if skipped else ""
    where = "" if args.no_history else f"; history {_relative(args.history)}"
    print(f"accuracy: {summary} ({time.monotonic() - started:.0f}s{extra}{where})")
    return 0


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
