"""Speed benchmark of `newsevents extract` against spaCy alone (a script, not a test).

    python bench/speed.py [--shared ../shared] [--articles 5000] [--throughput 500] [--repeats 3]

Builds a corpus (the news in SHARED/corpus/news when present, read at run time, else samples/,
else generated text) repeated with small variations up to --articles articles, then measures:
(1) throughput of spaCy alone (`nlp.pipe` over the model as `spacy.load` gives it, same batch
size) and of `newsevents extract` end to end, with 1 and 2 workers (each --repeats times,
interleaved, the fastest run of each kind counting), and with 1 worker of the pipeline extract
runs (its paragraph component and its remembering rule components, core/pipeline/), to show
what the extraction itself costs; (2) peak memory of `extract -j 2` at --articles/5
and --articles articles (sum of the proportional set size of the process and its workers, so
shared pages count once); (3) cold start of `newsevents --help` and of one short article.
Prints a table, appends a line to bench/history/speed.tsv; the last line is a summary.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from newsevents.core.api import BATCH_SIZE as EXTRACT_BATCH_SIZE

ROOT = Path(__file__).resolve().parent.parent
HISTORY = ROOT / "bench" / "history" / "speed.tsv"
BATCH_SIZE = EXTRACT_BATCH_SIZE  # spaCy alone is timed with the batches extract uses
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
GENERATED = (
    "Police detain protesters in {city}\n\n{CITY} - Police arrested {n} protesters in {city} on "
    "{day}, the interior ministry said. Troops fired on a crowd of {m} people, killing {k}.\n"
)
TARGETS = {
    "ratio": 0.90,
    "speedup": 1.6,
    "memory_growth": 0.10,
    "memory_mb": 600.0,
    "help_s": 0.3,
    "one_article_s": 2.5,
}


def _script() -> list[str]:
    script = Path(sys.executable).parent / "newsevents"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsevents"]


def base_texts(shared: Path) -> tuple[str, list[str]]:
    """The articles to repeat: the shared corpus, else the samples, else generated ones."""
    for name, folder in (("corpus", shared / "corpus" / "news"), ("samples", ROOT / "samples")):
        files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        texts = [f.read_text(encoding="utf-8") for f in files]
        if texts:
            return name, texts
    rng = random.Random(1)
    cities = ["Lagos", "Nairobi", "Kabul", "Aleppo", "Khartoum", "Caracas", "Manila"]
    texts = []
    for _ in range(20):
        city = rng.choice(cities)
        texts.append(
            GENERATED.format(
                city=city,
                CITY=city.upper(),
                n=rng.randint(2, 90),
                m=rng.randint(100, 900),
                k=rng.randint(1, 9),
                day=rng.choice(WEEKDAYS),
            )
        )
    return "generated", texts


def vary(text: str, copy: int) -> str:
    """A copy of `text` that differs a little (numbers, weekdays) so no cache can cheat."""
    if copy == 0:
        return text
    text = re.sub(r"\b\d{1,3}\b", lambda m: str(int(m.group()) + copy % 7), text)
    return re.sub(
        r"\b(" + "|".join(WEEKDAYS) + r")\b",
        lambda m: WEEKDAYS[(WEEKDAYS.index(m.group()) + copy) % 7],
        text,
    )


def build_corpus(texts: list[str], count: int, folder: Path) -> list[str]:
    """Write `count` varied articles into `folder` (sorted names); return their texts."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in range(count):
        text = vary(texts[n % len(texts)], n // len(texts))
        (folder / f"{n:06d}.txt").write_text(text, encoding="utf-8")
        out.append(text)
    return out


SPACY_ALONE = """
import sys, time
from newsevents.core.pipeline.engine import Engine
from newsevents.core.model import load_model
from newsevents.core.inputs import iter_inputs
texts = [a.text for a in iter_inputs([sys.argv[1]])]
if sys.argv[4] == "stock":  # the pipeline as spaCy loads it: what "spaCy alone" means
    nlp = load_model()  # (no Engine is built in this process, so nothing is added to it)
else:  # the pipeline extract runs: its paragraph component, its remembering rule components
    nlp = Engine.get().nlp
workers = int(sys.argv[2])
start = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=int(sys.argv[3]), n_process=workers):
    pass
print(time.perf_counter() - start)
"""


def spacy_alone(folder: Path, workers: int, pipeline: str = "stock") -> float:
    """Seconds `nlp.pipe` takes over the corpus (model loading excluded).

    `pipeline` is "stock" (the model as `spacy.load` gives it) or "extract" (as extract runs it).
    """
    done = subprocess.run(
        [sys.executable, "-c", SPACY_ALONE, str(folder), str(workers), str(BATCH_SIZE), pipeline],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(done.stdout.strip().splitlines()[-1])


def timed(args: list[str]) -> float:
    """Wall seconds of one subprocess run (stdout discarded)."""
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def _tree(pid: int) -> list[int]:
    found = [pid]
    for child in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [p for c in child.read_text().split() for p in _tree(int(c))]
        except OSError:
            pass
    return found


def _pss_mb(pid: int) -> float:
    total = 0
    for p in _tree(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except (OSError, ValueError):
            pass
    return total / 1024


def peak_memory(folder: Path, workers: int) -> float:
    """Peak MB (summed PSS of the process tree, sampled every 50 ms) of one extract run."""
    process = subprocess.Popen(
        [*_script(), "extract", str(folder), "-j", str(workers), "-f", "jsonl", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, _pss_mb(process.pid))
        time.sleep(0.05)
    return peak


def main() -> None:
    """Run the benchmark and print the table and the summary line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--articles", type=int, default=5000, help="largest corpus (memory)")
    parser.add_argument("--throughput", type=int, default=500, help="articles timed")
    parser.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="timed runs of each kind, interleaved; the fastest counts (a shared machine's "
        "speed drifts from minute to minute, and a ratio of two single runs drifts with it)",
    )
    parser.add_argument("--no-history", action="store_true")
    args = parser.parse_args()
    kind, texts = base_texts(args.shared)
    tp = min(args.throughput, args.articles)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as tmp:
        big = Path(tmp) / "big"
        corpus = build_corpus(texts, args.articles, big)
        small = Path(tmp) / "small"
        small.mkdir()
        for n in range(max(1, args.articles // 5)):
            os.link(big / f"{n:06d}.txt", small / f"{n:06d}.txt")
        timing = Path(tmp) / "timing"
        build_corpus(corpus[:tp], tp, timing)
        words = sum(len(t.split()) for t in corpus[:tp])
        one = Path(tmp) / "one.txt"
        one.write_text(GENERATED.format(city="Lagos", CITY="LAGOS", n=4, m=300, k=2, day="Friday"))

        help_s = min(timed([*_script(), "--help"]) for _ in range(3))
        one_s = min(timed([*_script(), "extract", str(one), "-f", "jsonl"]) for _ in range(2))
        res: dict[str, float] = {}
        for w in (1, 2):
            alone, ours, walls = [], [], []
            for _ in range(max(1, args.repeats)):
                alone.append(spacy_alone(timing, w))
                if w == 1:
                    ours.append(spacy_alone(timing, w, "extract"))
                walls.append(
                    timed([*_script(), "extract", str(timing), "-j", str(w), "-f", "jsonl", "-q"])
                )
            res[f"spacy{w}"] = min(alone)
            if ours:
                res[f"ours{w}"] = min(ours)
            res[f"e2e_wall{w}"] = min(walls)
            res[f"e2e{w}"] = max(min(walls) - one_s, 1e-9)  # without start-up: what batches see
        mem_small = peak_memory(small, 2)
        mem_big = peak_memory(big, 2)

    def rate(seconds: float) -> str:
        return f"{tp / seconds:8.1f} art/s {words / seconds:9.0f} words/s"

    for w in (1, 2):
        rows.append((f"spaCy alone, {w} worker(s)", rate(res[f"spacy{w}"])))
        if f"ours{w}" in res:
            rows.append((f"  extract's pipeline alone, {w} worker(s)", rate(res[f"ours{w}"])))
        rows.append((f"extract end to end, {w} worker(s)", rate(res[f"e2e{w}"])))
        rows.append(
            (f"  ratio extract / spaCy, {w} worker(s)", f"{res[f'spacy{w}'] / res[f'e2e{w}']:.2f}")
        )
    ratio = res["spacy1"] / res["e2e1"]
    speedup = res["e2e1"] / res["e2e2"]
    growth = mem_big / mem_small - 1 if mem_small else 0.0
    rows += [
        ("speed-up 2 workers / 1", f"{speedup:.2f}x"),
        (f"peak memory -j 2, {max(1, args.articles // 5)} articles", f"{mem_small:.0f} MB"),
        (f"peak memory -j 2, {args.articles} articles", f"{mem_big:.0f} MB ({growth:+.1%})"),
        ("cold start `newsevents --help`", f"{help_s:.2f} s"),
        ("cold start one article end to end", f"{one_s:.2f} s"),
    ]
    print(
        f"corpus: {kind}, {tp} articles timed ({words} words), best of {max(1, args.repeats)} "
        f"runs, batch size {BATCH_SIZE}, {os.cpu_count()} cores"
    )
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    checks = {
        "ratio": ratio >= TARGETS["ratio"],
        "speedup": speedup >= TARGETS["speedup"],
        "memory": growth <= TARGETS["memory_growth"] and mem_big < TARGETS["memory_mb"],
        "help": help_s < TARGETS["help_s"],
        "one": one_s < TARGETS["one_article_s"],
    }
    record = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "corpus": kind,
        "articles": tp,
        "ratio": round(ratio, 3),
        "speedup": round(speedup, 3),
        "art_s_1": round(tp / res["e2e1"], 2),
        "art_s_2": round(tp / res["e2e2"], 2),
        "mem_small_mb": round(mem_small),
        "mem_big_mb": round(mem_big),
        "help_s": round(help_s, 3),
        "one_s": round(one_s, 3),
    }
    if not args.no_history:
        HISTORY.parent.mkdir(parents=True, exist_ok=True)
        new = not HISTORY.exists()
        with HISTORY.open("a", encoding="utf-8") as handle:
            if new:
                handle.write("\t".join(record) + "\n")
            handle.write("\t".join(str(v) for v in record.values()) + "\n")
    failed = [name for name, ok in checks.items() if not ok]
    print(
        f"speed: {tp / res['e2e1']:.1f} art/s (1 worker), {speedup:.2f}x with 2, "
        f"{ratio:.2f} of spaCy, {mem_big:.0f} MB, --help {help_s:.2f} s, one article "
        f"{one_s:.2f} s; " + ("all targets met" if not failed else "missed: " + ", ".join(failed))
    )


if __name__ == "__main__":
    main()
