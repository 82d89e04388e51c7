"""Benchmarks for Rhetoric Lab. Run with: python3 run.py bench

Reports
  * the package's import time (fresh interpreter, median of 5);
  * analyze() on the seed article and on a text of about 150,000 words
    (first call, which loads the dictionaries, and a second call);
  * the wall time of the whole notebook test run (strict nbval).

Targets for a 2-core machine: import < 1 s; all analyses of 150,000 words < 2 s;
the whole test suite < 60 s. Figures go in the README's "Performance" section.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [ROOT / "seeds" / "carter-paris-speech-report.txt", *sorted((ROOT / "tests" / "texts").glob("*.txt"))]

TIMED_CALL = """
import time, json, sys
sys.path.insert(0, {root!r})
text = open({path!r}, encoding="utf-8").read()
t0 = time.perf_counter()
import rhetoric_lab as rl
t1 = time.perf_counter()
rl.analyze(text)
t2 = time.perf_counter()
rl.analyze(text)
t3 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "first": t2 - t1, "second": t3 - t2}}))
"""


def import_time() -> float:
    code = "import time; t = time.perf_counter(); import rhetoric_lab; print(time.perf_counter() - t)"
    runs = [float(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT)) for _ in range(5)]
    return statistics.median(runs)


def big_text(words: int = 150_000) -> Path:
    """About ``words`` words, made by repeating the project's own texts."""
    pieces = [p.read_text(encoding="utf-8").strip() for p in TEXTS]
    chunks, count, i = [], 0, 0
    while count < words:
        piece = pieces[i % len(pieces)]
        chunks.append(piece)
        count += len(piece.split())
        i += 1
    path = ROOT / "benchmarks" / "results" / "big-text.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n\n".join(chunks) + "\n", encoding="utf-8")
    return path


def analyze_times(path: Path) -> dict:
    out = subprocess.check_output([sys.executable, "-c", TIMED_CALL.format(root=str(ROOT), path=str(path))])
    return json.loads(out)


def notebook_test_time() -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--nbval",
            "--nbval-sanitize-with",
            "tests/sanitize.cfg",
            "notebooks/",
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def main() -> None:
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    big = big_text()
    results = {
        "machine": machine,
        "import_s": import_time(),
        "seed": analyze_times(TEXTS[0]),
        "words_in_big_text": len(big.read_text(encoding="utf-8").split()),
        "big": analyze_times(big),
        "notebook_tests_s": notebook_test_time(),
    }
    (ROOT / "benchmarks" / "results" / "latest.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"machine: {machine}")
    print(f"import rhetoric_lab:            {results['import_s']:.3f} s  (target < 1 s)")
    for label, key in (("seed article", "seed"), (f"{results['words_in_big_text']:,} words", "big")):
        r = results[key]
        print(f"analyze {label:<22} first {r['first']:.2f} s, again {r['second']:.2f} s")
    print(f"strict nbval on notebooks/:     {results['notebook_tests_s']:.1f} s")


if __name__ == "__main__":
    main()
