"""How every public function's time grows with the size of hostile input.

    python benchmarks/scaling.py                      every function, every input, sizes n, 2n, 4n, 8n
    python benchmarks/scaling.py --quick              sizes n, 2n, 4n (what `python3 run.py bench` runs)
    python benchmarks/scaling.py --only find_voices --input dots --input "speaker run"

For each adversarial input of ``corpus.ADVERSARIAL`` (long runs of capitals, dots, quotation marks,
dashes, apostrophes, one-line paragraphs, one huge sentence, nested quotations, the speaker run "A A A
... x said."; and, since the second audit, alternating kinds of quotation marks, one capitalised word or
title ("Mr. Mr. ...") or abbreviation ("U.S. U.K. ...") over and over, a hyphen chain, ellipses, one very
long word, short quoted paragraphs, nested brackets, reporting verbs with no names, repeated gazetteer
anchors, closing marks with no opening, name particles), the text is made at doubling sizes, and every
name in ``rhetoric_lab.__all__`` is called on it (see ``CALLS``: a function that takes no text is called
with the input where it takes a string, such as a student's answer or a file). The growth exponent is the
slope of log(time) against log(size): 1 is linear, 2 quadratic. The target is at most 1.15 everywhere.

Each call gets a fresh Article (no cached results) and the best of a few runs is kept. Times are
CPU time of this process (``time.process_time``), so other programs on a busy machine move them
little. A call that takes under 10 ms at the largest size is reported as "fast" (its exponent is
timer noise).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import itertools
import math
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import ADVERSARIAL, adversarial  # noqa: E402

import rhetoric_lab as rl  # noqa: E402

TARGET = 1.15
#: Below this many CPU seconds at the largest size, a call is "fast": its exponent is timer noise, not judged.
FAST = 0.010
#: The smallest size, in characters, of each input.
BASE = 4_000
#: A series stops growing once one call takes longer than this (its exponent is judged on what ran).
CAP = 20.0


def _fresh(article: rl.Article) -> rl.Article:
    """The same split text as a new Article, with none of the first one's cached results."""
    return dataclasses.replace(article)


def _topics() -> list[str]:
    from rhetoric_lab import topics

    return [t.name for t in topics.TOPICS]


_UNIQUE = itertools.count(1)


def _quiet(call):
    """``call()`` with what it prints thrown away."""
    with contextlib.redirect_stdout(io.StringIO()):
        return call()


def _first_word(article) -> str:
    return article.words[0].text


# name -> call(article, text, folder). ``text`` is the raw input; ``folder`` a scratch folder.
CALLS: dict[str, Callable] = {
    "Article": lambda a, t, d: rl.Article(t),
    "analyze": lambda a, t, d: rl.analyze(a),
    "as_article": lambda a, t, d: rl.as_article(t + " " * next(_UNIQUE)),  # a new string: no cached Article
    "load_article": lambda a, t, d: rl.load_article(_write(d, t)),
    "seed_names": lambda a, t, d: rl.seed_names(),
    "show_paragraphs": lambda a, t, d: rl.show_paragraphs(a),
    "find_keyword": lambda a, t, d: rl.find_keyword(a, _first_word(a)),
    "frequency_chart": lambda a, t, d: rl.frequency_chart(a),
    "frequency_table": lambda a, t, d: rl.frequency_table(a),
    "show_concordance": lambda a, t, d: rl.show_concordance(a, _first_word(a)),
    "highlight": lambda a, t, d: [rl.highlight(_fresh(a), topic=topic) for topic in _topics()],
    "answer_key": lambda a, t, d: rl.answer_key("metaphors"),
    "check_metaphors": lambda a, t, d: rl.check_metaphors(t),
    "check_worksheet": lambda a, t, d: rl.check_worksheet({t[:5000]: "metaphor"}),
    "domain_table": lambda a, t, d: rl.domain_table(),
    "find_metaphors": lambda a, t, d: rl.find_metaphors(a),
    "lexicon_table": lambda a, t, d: rl.lexicon_table(),
    "metaphor_chart": lambda a, t, d: rl.metaphor_chart(a),
    "worksheet_table": lambda a, t, d: rl.worksheet_table(),
    "check_allusions": lambda a, t, d: rl.check_allusions({t: 1944}),
    "describe_allusion": lambda a, t, d: rl.describe_allusion("pershing"),
    "explain_allusions": lambda a, t, d: rl.explain_allusions(rl.find_allusions(a)),
    "find_allusions": lambda a, t, d: rl.find_allusions(a),
    "find_references_to_look_up": lambda a, t, d: rl.find_references_to_look_up(a),
    "gazetteer_table": lambda a, t, d: rl.gazetteer_table(),
    "timeline_chart": lambda a, t, d: rl.timeline_chart(a, speech_year=2016),
    "check_quotes": lambda a, t, d: rl.check_quotes({0: t}),  # a label it cannot read: "is not a label"
    "check_verb_rewrite": lambda a, t, d: rl.check_verb_rewrite(t, t + " said"),
    "find_indirect_speech": lambda a, t, d: rl.find_indirect_speech(a),
    "find_quotation_warnings": lambda a, t, d: rl.find_quotation_warnings(a),
    "find_quotations": lambda a, t, d: rl.find_quotations(a),
    "find_reporting_verbs": lambda a, t, d: rl.find_reporting_verbs(a),
    "find_voices": lambda a, t, d: rl.find_voices(a),
    "reporting_verb_table": lambda a, t, d: rl.reporting_verb_table(),
    "show_warnings": lambda a, t, d: rl.show_warnings(a),
    "verb_chart": lambda a, t, d: rl.verb_chart(a),
    "voice_chart": lambda a, t, d: rl.voice_chart(a),
    "voice_share_table": lambda a, t, d: rl.voice_share_table(a),
    "voice_table": lambda a, t, d: rl.voice_table(a),
    "caveats": lambda a, t, d: rl.caveats(a),
    "check_hand_calculation": lambda a, t, d: rl.check_hand_calculation(17, 29, 11.2),
    "check_letter_formulas": lambda a, t, d: rl.check_letter_formulas(t),
    "compare_texts": lambda a, t, d: rl.compare_texts({"one": _fresh(a), "two": _fresh(a)}),
    "compare_with_textstat": lambda a, t, d: rl.compare_with_textstat(a),
    "count_table": lambda a, t, d: rl.count_table(a),
    "exercise_sentence": lambda a, t, d: rl.exercise_sentence(),
    "find_sentence_scores": lambda a, t, d: rl.find_sentence_scores(a),
    "find_textstat_sentence_breaks": lambda a, t, d: rl.find_textstat_sentence_breaks(a),
    "formula_table": lambda a, t, d: rl.formula_table(),
    "hardest_sentences": lambda a, t, d: rl.hardest_sentences(a),
    "longest_sentences": lambda a, t, d: rl.longest_sentences(a),
    "score_summary": lambda a, t, d: rl.score_summary(a),
    "score_table": lambda a, t, d: [rl.score_table(a, by=by) for by in ("text", "paragraph", "sentence")],
    "sentence_count_effect": lambda a, t, d: rl.sentence_count_effect(a),
    "sentence_length_chart": lambda a, t, d: rl.sentence_length_chart(a),
    "show_working": lambda a, t, d: rl.show_working(a),
    "syllable_difference_table": lambda a, t, d: rl.syllable_difference_table(a),
    "textstat_chart": lambda a, t, d: rl.textstat_chart(a),
    "voice_difficulty_chart": lambda a, t, d: rl.voice_difficulty_chart(a),
    "voice_difficulty_table": lambda a, t, d: rl.voice_difficulty_table(a),
    "check_written_answers": lambda a, t, d: rl.check_written_answers({"your reading": t}),
    "profile_document": lambda a, t, d: rl.profile_document(a, speech_year=2016),
    "save_profile": lambda a, t, d: rl.save_profile(a, Path(d) / "profile.html", force=True),
    "show_profile": lambda a, t, d: rl.show_profile(a),
    "check_report_changes": lambda a, t, d: rl.check_report_changes(t),
    "check_report_readings": lambda a, t, d: rl.check_report_readings(t),
    "found_elsewhere_table": lambda a, t, d: rl.found_elsewhere_table(a),
    "report_passage_table": lambda a, t, d: rl.report_passage_table(),
    "check_answer_form": lambda a, t, d: rl.check_answer_form(t, a),
    "cell": lambda a, t, d: rl.cell(rl.find_sentence_scores(a), "words"),
    "keep_columns": lambda a, t, d: rl.keep_columns(rl.find_sentence_scores(a), ["sentence", "words"], decimals=1),
    "metaphor_share": lambda a, t, d: rl.metaphor_share(a),
    "debug": lambda a, t, d: _quiet(lambda: rl.debug(False)),
}
#: Public names that are not functions of an input.
NOT_CALLED = {"RhetoricLabError": "an exception class"}


def _write(folder, text: str) -> Path:
    path = Path(folder) / "input.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _time_once(call, article, text, folder) -> float:
    fresh = _fresh(article)
    started = time.process_time()
    try:
        call(fresh, text, folder)
    except rl.RhetoricLabError:
        pass  # a clear refusal is an answer too; its time counts
    return time.process_time() - started


def _best(call, article, text, folder, budget: float = 0.5) -> float:
    """The best of up to 3 runs (fewer when one run takes more than ``budget`` seconds)."""
    times = [_time_once(call, article, text, folder)]
    while len(times) < 3 and sum(times) < budget:
        times.append(_time_once(call, article, text, folder))
    return min(times)


def exponent(sizes: list[int], times: list[float]) -> float:
    """Least-squares slope of log(time) on log(size).

    >>> round(exponent([1, 2, 4], [1.0, 4.0, 16.0]), 2)
    2.0
    """
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


@dataclasses.dataclass
class Row:
    function: str
    input: str
    sizes: list[int]
    times: list[float]

    @property
    def fast(self) -> bool:
        return self.times[-1] < FAST

    @property
    def exponent(self) -> float:
        return exponent(self.sizes, self.times) if len(self.times) > 1 else math.inf

    @property
    def ok(self) -> bool:
        return self.fast or self.exponent <= TARGET


def measure(names, inputs, doublings: int = 3, base: int = BASE, log=print) -> list[Row]:
    """Time every function in ``names`` on every input in ``inputs`` at ``doublings + 1`` sizes."""
    sizes = [base * 2**i for i in range(doublings + 1)]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for kind in inputs:
            texts = [adversarial(kind, n) for n in sizes]
            articles = []
            for text in texts:
                try:
                    articles.append(rl.Article.from_text(text))
                except rl.RhetoricLabError:
                    articles.append(None)
            if any(a is None for a in articles):
                log(f"{kind}: refused as a text (no words); only Article is timed")
            warm = rl.Article.from_text(adversarial(kind, base // 4)) if articles[0] is not None else None
            for name in names:
                call = CALLS[name]
                if articles[0] is None and name != "Article":
                    continue
                try:
                    _time_once(call, warm, adversarial(kind, base // 4), folder)  # fill word-level caches
                except Exception:
                    pass
                times = []
                for article, text in zip(articles, texts, strict=True):
                    times.append(_best(call, article, text, folder))
                    if times[-1] > CAP:
                        break
                row = Row(name, kind, [len(t) for t in texts][: len(times)], times)
                rows.append(row)
                log(_line(row))
    return rows


def _line(row: Row) -> str:
    verdict = "fast" if row.fast else f"{row.exponent:5.2f}{'' if row.ok else '  OVER'}"
    times = " ".join(f"{t * 1000:8.1f}" for t in row.times)
    return f"{row.input:<20} {row.function:<30} {times} ms   exponent {verdict}"


def summary(rows: list[Row]) -> str:
    judged = [r for r in rows if not r.fast]
    worst = max(judged, key=lambda r: r.exponent, default=None)
    over = [r for r in judged if not r.ok]
    lines = [f"{len(rows)} series, {len(judged)} judged (the rest under {FAST * 1000:.0f} ms)."]
    if worst:
        lines.append(f"Largest exponent: {worst.exponent:.2f} ({worst.function} on {worst.input}).")
    lines.append(
        f"Over {TARGET}: none."
        if not over
        else f"Over {TARGET}: " + "; ".join(f"{r.function} on {r.input}" for r in over)
    )
    return "\n".join(lines)


def names() -> list[str]:
    """Every public name that the benchmark calls."""
    return [n for n in rl.__all__ if n not in NOT_CALLED]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="three sizes instead of four")
    parser.add_argument("--only", action="append", help="a public function (repeat for more)")
    parser.add_argument("--input", action="append", choices=sorted(ADVERSARIAL), help="an input (repeat for more)")
    parser.add_argument("--base", type=int, default=BASE, help=f"smallest size in characters (default {BASE})")
    args = parser.parse_args(argv)
    rows = measure(
        args.only or names(), args.input or list(ADVERSARIAL), doublings=2 if args.quick else 3, base=args.base
    )
    print(summary(rows))
    return 0 if all(r.ok for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
