"""Build throughput: characters per second of `whosaid build` with 1 and 2 workers, beside the bare spaCy pipeline.

Usage: python benchmarks/build_throughput.py [--articles N] [--corpus DIR ...] [--workers 1,2] [--batch-size B]

The floor is the bare pipeline (`nlp.pipe` over the same texts, same model, same nlp.pipe batch size, one
process, model loading not timed): no build can be faster per core. Each build is the real command,
`python -m whosaid build` into a fresh store, timed end to end (start-up, scan, parsing, extraction, commits).

Every run is a process of its own. Its peak memory is the largest sum of the resident sizes (RSS) of its process
tree, sampled from /proc every 0.1 s, with the proportional sizes (PSS, which count the pages that forked workers
share once) beside it. CPU seconds of the tree (and of the floor's parse) are given too, the fair figures on a
machine that other work shares: `cpu_of_floor` is the floor's CPU time over the build's, 1.0 when a build costs
no more than the bare parse. The default corpus is PolNeAR's train and dev texts from the `shared` folder beside
the checkout; without it the benchmark says so and exits. The last line of output is JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = [SHARED / "corpora" / "polnear" / split / "text" for split in ("train", "dev")]
SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}

FLOOR = """
import inspect, sys, time
from whosaid.extract import extract_articles
from whosaid.nlp import load_nlp
nlp = load_nlp()
batch = inspect.signature(extract_articles).parameters["batch_size"].default  # as a build parses
texts = [open(p, encoding="utf-8", errors="replace").read() for p in sys.argv[1:]]
t, c = time.perf_counter(), time.process_time()
for _ in nlp.pipe(texts, batch_size=batch):
    pass
print(time.perf_counter() - t, time.process_time() - c)
"""


def tree(pid: int) -> dict[int, tuple[int, float]]:
    """(resident bytes, CPU seconds so far) of `pid` and every descendant, from /proc (empty where there is none)."""
    children: dict[int, list[int]] = {}
    stats: dict[int, tuple[int, float]] = {}
    tick, page = os.sysconf("SC_CLK_TCK"), os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        stats[int(entry.name)] = (int(fields[21]) * page, (int(fields[11]) + int(fields[12])) / tick)
    found, todo = {}, [pid]
    while todo:
        p = todo.pop()
        if p in stats:
            found[p] = stats[p]
        todo.extend(children.get(p, []))
    return found


def pss(pids: list[int]) -> int:
    """Proportional set size of processes (shared pages split between them), in bytes; 0 where unknown."""
    total = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    break
        except OSError:
            continue
    return total


def measure(cmd: list[str]) -> dict:
    """Run `cmd`: its wall time, the CPU time and the peak memory (sum of RSS, and of PSS) of its process tree."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "lib"),
                                                                               os.environ.get("PYTHONPATH", "")])})
    peak = {"rss": 0, "pss": 0}
    cpu: dict[int, float] = {}  # each process's CPU time when last seen
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            now = tree(proc.pid)
            peak["rss"] = max(peak["rss"], sum(rss for rss, _ in now.values()))
            peak["pss"] = max(peak["pss"], pss(list(now)))
            cpu.update({p: c for p, (_, c) in now.items()})
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    stop.set()
    sampler.join()
    return {"rc": proc.returncode, "wall_s": wall, "cpu_s": sum(cpu.values()), "peak_mb": peak["rss"] / 2**20,
            "peak_pss_mb": peak["pss"] / 2**20, "out": out, "err": err}


def corpus_files(dirs: list[Path], n: int) -> list[Path]:
    files = sorted(f for d in dirs for f in d.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
    return files[:n]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200, help="how many articles (the first N by path)")
    ap.add_argument("--corpus", type=Path, nargs="+", default=POLNEAR, help="folders of article files")
    ap.add_argument("--workers", default="1,2", help="worker counts to build with, comma-separated")
    ap.add_argument("--batch-size", type=int, default=32, help="articles per batch of a build (its --batch-size)")
    args = ap.parse_args(argv)
    missing = [d for d in args.corpus if not d.is_dir()]
    if missing:
        print(f"build_throughput: skipped, the corpus folder {missing[0]} is not there "
              "(PolNeAR is read from the `shared` folder beside the checkout; or pass --corpus DIR).")
        return 0
    files = corpus_files(args.corpus, args.articles)
    if not files:
        print(f"build_throughput: skipped, no article files in {', '.join(map(str, args.corpus))}.")
        return 0
    chars = sum(len(f.read_text(encoding="utf-8", errors="replace")) for f in files)
    print(f"{len(files)} articles, {chars:,} characters; {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}")
    result: dict = {"articles": len(files), "chars": chars, "cores": os.cpu_count(),
                    "load_avg_start": round(os.getloadavg()[0], 2)}

    floor = measure([sys.executable, "-c", FLOOR, *map(str, files)])
    if floor["rc"]:
        print(floor["err"], file=sys.stderr)
        return 1
    parse_s, parse_cpu = map(float, floor["out"].strip().splitlines()[-1].split())
    result.update(floor_chars_s=round(chars / parse_s), floor_articles_s=round(len(files) / parse_s, 2),
                  floor_cpu_s=round(parse_cpu, 1), floor_chars_per_cpu_s=round(chars / parse_cpu),
                  floor_peak_mb=round(floor["peak_mb"]), floor_peak_pss_mb=round(floor["peak_pss_mb"]))
    print(f"bare pipeline (floor): {chars / parse_s:,.0f} chars/s, {len(files) / parse_s:.2f} articles/s "
          f"(parse {parse_s:.1f} s, CPU {parse_cpu:.1f} s; model load not timed), peak {floor['peak_mb']:.0f} MB RSS "
          f"({floor['peak_pss_mb']:.0f} MB PSS)")

    with tempfile.TemporaryDirectory(prefix="whosaid-bench-") as tmp:
        src = Path(tmp) / "articles"
        src.mkdir()
        for i, f in enumerate(files):
            (src / f"{i:06d}-{f.name}").symlink_to(f.resolve())
        for w in [int(x) for x in args.workers.split(",") if x.strip()]:
            run = measure([sys.executable, "-m", "whosaid", "build", str(src), "--out", str(Path(tmp) / f"store-{w}"),
                           "--workers", str(w), "--batch-size", str(args.batch_size)])
            if run["rc"] not in (0, 1):
                print(run["err"], file=sys.stderr)
                return 1
            rate = chars / run["wall_s"]
            result.update({f"build_{w}w_chars_s": round(rate), f"build_{w}w_articles_s": round(len(files) / run["wall_s"], 2),
                           f"build_{w}w_wall_s": round(run["wall_s"], 1), f"build_{w}w_cpu_s": round(run["cpu_s"], 1),
                           f"build_{w}w_peak_mb": round(run["peak_mb"]), f"build_{w}w_peak_pss_mb": round(run["peak_pss_mb"]),
                           f"build_{w}w_per_worker_of_floor": round(rate / w / result["floor_chars_s"], 3),
                           f"build_{w}w_chars_per_cpu_s": round(chars / run["cpu_s"]),
                           f"build_{w}w_cpu_of_floor": round(parse_cpu / run["cpu_s"], 3)})
            print(f"build, {w} worker{'s' if w > 1 else ''}: {rate:,.0f} chars/s, {len(files) / run['wall_s']:.2f} "
                  f"articles/s (wall {run['wall_s']:.1f} s), per worker {rate / w / result['floor_chars_s']:.0%} "
                  f"of the floor's speed; CPU {run['cpu_s']:.1f} s, the floor needs {parse_cpu / run['cpu_s']:.0%} of "
                  f"it; peak {run['peak_mb']:.0f} MB RSS ({run['peak_pss_mb']:.0f} MB PSS)")
    if "build_1w_chars_s" in result and "build_2w_chars_s" in result:
        result["speedup_2w_over_1w"] = round(result["build_2w_chars_s"] / result["build_1w_chars_s"], 2)
        print(f"2 workers over 1: {result['speedup_2w_over_1w']:.2f}x")
    result["load_avg_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
