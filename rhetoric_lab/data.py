"""Read the project's data files: lexicons and lists in the package, seeds and keys in ``seeds/``.

Each data file opens with ``#`` comment lines that say what it is. CSV files
follow with a header row; JSON files carry a ``"description"`` field.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from functools import cache
from pathlib import Path

from .errors import TextNotFoundError

PACKAGE_DATA = Path(__file__).resolve().parent / "data"
#: The ``seeds/`` folder of a checkout of the repository.
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
#: Where an installed package keeps its copy of ``seeds/`` (see ``[tool.setuptools.data-files]``).
INSTALLED_SEEDS = Path(sys.prefix) / "share" / "rhetoric-lab" / "seeds"


def _strip_comments(lines):
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


@cache
def read_list(name: str) -> tuple[str, ...]:
    """Return the non-comment lines of a package data file.

    >>> "u.s" in read_list("abbreviations.txt")
    True
    """
    text = (PACKAGE_DATA / name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in _strip_comments(text.splitlines()))


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of a package CSV file (after its ``#`` lines) as dicts.

    >>> rows = read_table("reporting_verbs.csv")  # doctest: +SKIP
    """
    text = (PACKAGE_DATA / name).read_text(encoding="utf-8")
    reader = csv.DictReader(_strip_comments(text.splitlines()))
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


def description(path: Path) -> str:
    """Return the first ``#`` line of a data file, or a JSON file's description."""
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8")).get("description", "")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
        break
    return ""


def seeds_dir() -> Path:
    """The ``seeds/`` folder: ``$RHETORIC_LAB_SEEDS``, a checkout's ``seeds/``, or the installed copy."""
    candidates = [Path(os.environ["RHETORIC_LAB_SEEDS"])] if os.environ.get("RHETORIC_LAB_SEEDS") else []
    candidates += [SEEDS, INSTALLED_SEEDS]
    for folder in candidates:
        if folder.is_dir():
            return folder
    raise TextNotFoundError(
        f"The seeds folder (the article and the answer keys) was not found at {SEEDS} or {INSTALLED_SEEDS}. "
        "Run Rhetoric Lab from a checkout of the repository (the folder that holds README.md and seeds/), "
        "or set RHETORIC_LAB_SEEDS to the path of a seeds folder."
    )


@cache
def _key_text(topic: str) -> str:
    return (seeds_dir() / "keys" / f"{topic}.json").read_text(encoding="utf-8")


def load_key(topic: str) -> dict:
    """Return the answer key for one lesson topic, read from ``seeds/keys/<topic>.json``.

    >>> load_key("metaphors")["article"]  # doctest: +SKIP
    'carter-paris-speech-report.txt'
    """
    return json.loads(_key_text(topic))  # a fresh copy each time: changing it changes no one else's key
