"""The ``rhetoric-lab`` command line.

    rhetoric-lab analyze FILE --format json     one JSON object with every analysis
    rhetoric-lab analyze FILE --format text     a short summary for people
    rhetoric-lab report FILE -o profile.html    a one-page profile (never overwrites without --force)
    rhetoric-lab prepare                        set up offline data (done by the setup command)

Problems with the input print a plain message and exit with code 2.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import topics
from .analysis import analyze
from .display.report import save_profile
from .errors import RhetoricLabError
from .offline import prepare_nltk_cmudict
from .text import load_article


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
    report = commands.add_parser("report", help="save a one-page rhetorical profile as HTML")
    report.add_argument("file", help="path to a UTF-8 text file, or the name of a text in seeds/")
    report.add_argument("-o", "--output", default="profile.html", help="where to save (default: profile.html)")
    report.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    report.add_argument("--year", type=int, default=None, help="the speech's year, marked on the allusion time line")
    commands.add_parser("prepare", help="write the offline data textstat needs")
    return parser


def _summary(result: dict) -> str:
    lines = [f"Text: {result['name']}"]
    for key, value in result.items():
        if key == "name":
            continue
        if key == "warnings":
            lines.extend(f"warning at character {w['start']}: {w['message']}" for w in value)
        elif isinstance(value, list):
            lines.append(f"{key}: {len(value)}")
        elif isinstance(value, dict):
            simple = {k: v for k, v in value.items() if isinstance(v, (int, float, str))}
            shown = ", ".join(f"{k} {round(v, 1) if isinstance(v, float) else v}" for k, v in simple.items())
            lines.append(f"{key}: {shown}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = _build_parser().parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        if args.command == "prepare":
            print(f"Offline data ready in {prepare_nltk_cmudict()}")
            return 0
        if args.command == "report":
            path = save_profile(load_article(args.file), args.output, force=args.force, speech_year=args.year)
            print(f"Saved the profile to {path}")
            return 0
        result = analyze(load_article(args.file), only=args.only)
        if args.format == "json":
            print(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            print(_summary(result))
        return 0
    except RhetoricLabError as err:
        print(f"rhetoric-lab: {err}", file=sys.stderr)
        return 2
