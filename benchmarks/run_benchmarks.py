"""Benchmarks for Rhetoric Lab, each figure a ratio against a peer measured in the same run.

    python3 run.py bench                          everything below (about ten minutes on 2 cores)
    python benchmarks/run_benchmarks.py --no-scaling   without the scaling benchmark

Figures (the targets of issue 15 in brackets):

* ``analyze`` on a 150,000-word mixed text (``corpus.mixed_text``), warm, against textstat's full
  set of 15 figures on the same text [<= 1.0x] and against textstat's Flesch Reading Ease alone [<= 8x];
* peak memory of that ``analyze``, in kB per word [<= 0.5 kB];
* a cold ``import rhetoric_lab`` plus a first short ``analyze``, against the bare imports of pandas,
  matplotlib, textstat and nltk [<= 1.2x];
* the report (``profile_document``) on a 1 MB text against ``analyze`` on the same text [<= 3x];
* the growth exponent of every public function on every adversarial input (``scaling.py``) [<= 1.15].

Every measurement runs in a fresh Python, so no cache of one carries into another; times are CPU
seconds of that process (``time.process_time``), which other programs on a busy machine move
little, and wall seconds beside them. The peers run with textstat as installed (its own copy of the
CMU dictionary). Results go to ``benchmarks/results/latest.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

PRELUDE = f"""
import json, resource, sys, time
sys.path.insert(0, {str(ROOT)!r})
sys.path.insert(0, {str(HERE)!r})
def clock():
    return time.process_time(), time.perf_counter()
def since(start):
    cpu, wall = clock()
    return {{"cpu": cpu - start[0], "wall": wall - start[1]}}
def peak_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

ANALYZE_BIG = """
import rhetoric_lab as rl
from corpus import mixed_text
text = mixed_text({words})
rl.analyze("Warm up: the dictionaries load. The cat sat, Mills said.")
before = peak_kb()
start = clock()
result = rl.analyze(text)
timing = since(start)
print(json.dumps({{"analyze": timing, "peak_kb": peak_kb() - before, "words": result["readability"]["words"]}}))
"""

TEXTSTAT_BIG = """
from rhetoric_lab.offline import prepare_nltk_cmudict
prepare_nltk_cmudict()  # only writes NLTK's corpus if it is missing; textstat itself is untouched
import textstat as ts
from corpus import mixed_text
text = mixed_text({words})
ts.flesch_reading_ease("Warm up: the dictionary loads. The cat sat.")
def full(t):
    return [ts.sentence_count(t), ts.lexicon_count(t), ts.syllable_count(t), ts.polysyllabcount(t),
            ts.letter_count(t), ts.char_count(t), ts.difficult_words(t, syllable_threshold=0),
            ts.difficult_words(t, syllable_threshold=3), ts.flesch_reading_ease(t), ts.flesch_kincaid_grade(t),
            ts.gunning_fog(t), ts.smog_index(t), ts.coleman_liau_index(t), ts.automated_readability_index(t),
            ts.dale_chall_readability_score(t)]
start = clock(); full(text + " "); full_time = since(start)
start = clock(); ts.flesch_reading_ease(text + "  "); flesch_time = since(start)
print(json.dumps({{"full": full_time, "flesch": flesch_time}}))
"""

COLD_OURS = """
start = clock()
import rhetoric_lab as rl
rl.analyze("The coalition met on Tuesday. “We will win,” the mayor said.")
print(json.dumps(since(start)))
"""

COLD_PEERS = """
start = clock()
import pandas, matplotlib, textstat, nltk
print(json.dumps(since(start)))
"""

REPORT_VS_ANALYZE = """
import rhetoric_lab as rl
from corpus import text_of_bytes
text = text_of_bytes({size})
rl.profile_document("Warm up: every view loads. A cancer spreads, Mills said.", speech_year=2016)
start = clock(); rl.analyze(text + " "); analyze_time = since(start)
start = clock(); rl.profile_document(text + "  ", speech_year=2016); report_time = since(start)
print(json.dumps({{"analyze": analyze_time, "report": report_time, "bytes": len(text.encode())}}))
"""


def run(code: str) -> dict:
    """Run ``code`` (after the prelude) in a fresh Python; return the JSON it prints last."""
    done = subprocess.run(
        [sys.executable, "-c", PRELUDE + code], cwd=ROOT, capture_output=True, text=True, encoding="utf-8"
    )
    if done.returncode:
        raise SystemExit(f"benchmark step failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def median_of(code: str, times: int) -> dict:
    runs = [run(code) for _ in range(times)]
    return {key: statistics.median(r[key] for r in runs) for key in ("cpu", "wall")}


def ratio(a: dict, b: dict, key: str = "cpu") -> float:
    return a[key] / b[key]


def measure(words: int = 150_000, report_bytes: int = 1_000_000, cold_runs: int = 5) -> dict:
    big = run(ANALYZE_BIG.format(words=words))
    peers = run(TEXTSTAT_BIG.format(words=words))
    # pip byte-compiles the peers when it installs them; an editable install of ours is compiled on its first
    # import, unless PYTHONDONTWRITEBYTECODE is set, when every import would compile it again. Compile it
    # first, so that both sides start from bytecode as any second session does.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "rhetoric_lab")], check=True)
    cold_ours, cold_peers = [], []
    for _ in range(cold_runs):  # alternate, so a busy moment hits both alike
        cold_ours.append(run(COLD_OURS))
        cold_peers.append(run(COLD_PEERS))
    cold = {
        "ours": {k: statistics.median(r[k] for r in cold_ours) for k in ("cpu", "wall")},
        "peers": {k: statistics.median(r[k] for r in cold_peers) for k in ("cpu", "wall")},
    }
    report = run(REPORT_VS_ANALYZE.format(size=report_bytes))
    return {"big": big, "textstat": peers, "cold": cold, "report": report}


def lines(results: dict) -> list[str]:
    big, peers, cold, report = results["big"], results["textstat"], results["cold"], results["report"]
    out = [
        f"analyze, {big['words']:,} words: {big['analyze']['cpu']:.2f} s CPU ({big['analyze']['wall']:.2f} s wall)",
        f"  / textstat's 15 figures ({peers['full']['cpu']:.2f} s):   {ratio(big['analyze'], peers['full']):5.2f}x"
        "   (target <= 1.0x)",
        f"  / textstat's Flesch alone ({peers['flesch']['cpu']:.2f} s): {ratio(big['analyze'], peers['flesch']):5.2f}x"
        "   (target <= 8x)",
        f"peak memory of that analyze: {big['peak_kb'] * 1024 / big['words'] / 1000:.2f} kB per word"
        f" ({big['peak_kb'] / 1024:.0f} MB)   (target <= 0.5 kB)",
        f"cold import + first short analyze ({cold['ours']['cpu']:.2f} s) / bare imports of pandas, matplotlib, "
        f"textstat, nltk ({cold['peers']['cpu']:.2f} s): {ratio(cold['ours'], cold['peers']):.2f}x CPU, "
        f"{ratio(cold['ours'], cold['peers'], 'wall'):.2f}x wall   (target <= 1.2x)",
        f"report on {report['bytes'] / 1e6:.1f} MB ({report['report']['cpu']:.2f} s) / analyze on it "
        f"({report['analyze']['cpu']:.2f} s): {ratio(report['report'], report['analyze']):.2f}x   (target <= 3x)",
    ]
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Rhetoric Lab benchmarks (issue 15's figures as ratios)")
    parser.add_argument("--no-scaling", action="store_true", help="leave out the scaling benchmark")
    parser.add_argument("--words", type=int, default=150_000)
    args = parser.parse_args(argv)
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"machine: {machine}; load average {os.getloadavg()[0]:.1f}", flush=True)
    results = {"machine": machine, **measure(words=args.words)}
    for line in lines(results):
        print(line, flush=True)
    code = 0
    if not args.no_scaling:
        import scaling  # noqa: PLC0415 (loads rhetoric_lab: only when the scaling benchmark runs)

        print("\nscaling (sizes n, 2n, 4n; exponent of time against size):", flush=True)
        rows = scaling.measure(scaling.names(), list(scaling.ADVERSARIAL), doublings=2, base=scaling.BASE)
        print(scaling.summary(rows))
        results["scaling"] = [
            {"function": r.function, "input": r.input, "times": r.times, "sizes": r.sizes} for r in rows
        ]
        code = 0 if all(r.ok for r in rows) else 1
    out = HERE / "results" / "latest.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\nsaved {out.relative_to(ROOT)}")
    return code


if __name__ == "__main__":
    sys.exit(main())
