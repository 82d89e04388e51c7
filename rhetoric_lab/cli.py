"""The ``rhetoric-lab`` command line.

    rhetoric-lab analyze FILE --format json     one JSON object with every analysis
    rhetoric-lab analyze FILE --format text     a short summary for people
    rhetoric-lab analyze FILE --compare-textstat   add textstat's figures to the readability section
    rhetoric-lab report FILE -o profile.html    a one-page profile (never overwrites without --force)
    rhetoric-lab prepare                        set up offline data (done by the setup command)

Problems with the input or the output (a missing or unreadable file, a folder, a pipe, a file that
is not UTF-8 text, a bad --year, a folder that does not exist, ``-o`` naming the input itself, a full
disk or a closed standard output) print a plain message and exit with code 2. When the reader of the
output stops early (``rhetoric-lab analyze FILE | head``), the command stops quietly.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from pathlib import Path

from . import topics
from .analysis import analyze
from .checks import check_speech_year
from .display.report import save_profile
from .errors import RhetoricLabError
from .files import os_error_message, shown
from .offline import prepare_nltk_cmudict
from .text import load_article, seeds_dir

_OUTPUT_ADVICE = "Nothing was lost: send the output somewhere with room (for example: > result.json on another disk)."

#: How many warnings ``--format text`` prints before it counts the rest.
SHOWN_WARNINGS = 5


def _year(value: str) -> int:
    try:
        year = int(value)
    except ValueError:
        year = value
    try:
        return check_speech_year(year)
    except RhetoricLabError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rhetoric-lab", description="Close-reading tools for political rhetoric.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="analyse a UTF-8 text file")
    analyze.add_argument("file", help="path to a UTF-8 text file, or the name of a text in seeds/")
    analyze.add_argument("--format", choices=["json", "text"], default="json")
    analyze.add_argument(
        "--only",
        action="append",
        choices=[t.name for t in topics.TOPICS],
        help="run only this topic (repeat for more); default: every topic",
    )
    analyze.add_argument(
        "--compare-textstat",
        action="store_true",
        help="add the textstat package's counts and scores to the readability section (slower)",
    )
    report = commands.add_parser("report", help="save a one-page rhetorical profile as HTML")
    report.add_argument("file", help="path to a UTF-8 text file, or the name of a text in seeds/")
    report.add_argument("-o", "--output", default="profile.html", help="where to save (default: profile.html)")
    report.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    report.add_argument("--year", type=_year, default=None, help="the speech's year, marked on the allusion time line")
    commands.add_parser("prepare", help="write the offline data textstat needs")
    return parser


def summary_lines(result: dict, shown_warnings: int = SHOWN_WARNINGS) -> list[str]:
    """The short summary of ``--format text``: one line per section, the first warnings, then a count.

    >>> summary_lines({"name": "t", "quotes": [], "warnings": [{"start": i, "message": "m"} for i in range(8)]}, 2)
    ['Text: t', 'quotes: 0', 'warning at character 0: m', 'warning at character 1: m', '… and 6 more warnings (--format json lists them all)']
    """  # noqa: E501
    lines = [f"Text: {result['name']}"]
    for key, value in result.items():
        if key == "name":
            continue
        if key == "warnings":
            lines.extend(f"warning at character {w['start']}: {w['message']}" for w in value[:shown_warnings])
            if len(value) > shown_warnings:
                more = len(value) - shown_warnings
                lines.append(f"… and {more} more warning{'s' if more != 1 else ''} (--format json lists them all)")
        elif isinstance(value, list):
            lines.append(f"{key}: {len(value)}")
        elif isinstance(value, dict):
            simple = {k: v for k, v in value.items() if isinstance(v, (int, float, str))}
            text = ", ".join(f"{k} {round(v, 1) if isinstance(v, float) else v}" for k, v in simple.items())
            lines.append(f"{key}: {text}")
    return lines


def _run(args) -> str:
    """Do what ``args`` ask; return what to print."""
    if args.command == "prepare":
        return f"Offline data ready in {shown(prepare_nltk_cmudict())}"
    if args.command == "report":
        article = load_article(args.file)
        _not_the_input(args.file, args.output)
        path = save_profile(article, args.output, force=args.force, speech_year=args.year, make_folders=False)
        return f"Saved the profile to {shown(path)}"
    result = analyze(load_article(args.file), only=args.only, compare_textstat=args.compare_textstat)
    if args.format == "json":
        return json.dumps(result, ensure_ascii=False, indent=2)
    return "\n".join(summary_lines(result))


def _not_the_input(source: str, output: str) -> None:
    """Refuse to save the profile over the text it describes (``report speech.txt -o speech.txt --force``)."""
    sources = [source]
    try:
        sources.append(seeds_dir() / f"{Path(source).stem}.txt")  # a name such as "carter-paris-speech-report"
    except RhetoricLabError:
        pass  # no seeds/ folder here: the text was a path
    if any(_same_file(where, output) for where in sources):
        raise RhetoricLabError(
            f"'{shown(output)}' is the text you asked to read: saving the profile there would replace your text "
            "with HTML, even with --force. Give the profile another name, such as profile.html."
        )


def _same_file(one, other) -> bool:
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return False  # one does not exist (or cannot be looked at: reading or saving will say why)


def _print(output: str) -> None:
    """Print ``output``; a closed standard output (``>&-``) is an OSError like any other."""
    if sys.stdout is None:
        raise OSError(errno.EBADF, "standard output is closed")
    print(output)
    sys.stdout.flush()


def _stdout_gone() -> None:
    """The reader closed the pipe: send what is left of the output nowhere, so Python's exit stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # not a real file (a test's StringIO): nothing more to do


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    if argv is None:
        argv = sys.argv[1:]
    try:
        args = _build_parser().parse_args([str(a) for a in argv])
    except SystemExit as done:  # --help, or a usage error that argparse has explained (exit code 2)
        return done.code if isinstance(done.code, int) else 2
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    try:
        output = _run(args)
    except RhetoricLabError as err:
        message = str(err)
    except OSError as err:
        message = os_error_message(err, getattr(err, "filename", None) or getattr(args, "file", "the file"))
    except UnicodeError as err:
        message = f"A file name or a text could not be read or written as UTF-8 ({err.reason}). Rename the file."
    else:
        try:
            _print(output)
            return 0
        except BrokenPipeError:
            _stdout_gone()
            return 0
        except OSError as err:  # a full disk behind "> out.json", a closed standard output
            message = f"Could not write the output: {err.strerror or err}. {_OUTPUT_ADVICE}"
    if sys.stderr is not None:
        print(f"rhetoric-lab: {message}", file=sys.stderr)
    return 2
