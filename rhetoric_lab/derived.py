"""What the package works out from its data files, kept in ``data/derived.json`` so a first analysis need not.

A first ``analyze`` used to spend most of its time reading the gazetteer's 400 patterns (to check them
and find their anchors) and stemming the metaphor lexicon's 12,000 phrases. Both depend only on
data files, so ``tools/write_derived.py`` works them out once and keeps them here, each section with
a fingerprint (SHA-256) of the files it came from. A section is used only while its fingerprint still
matches: when a teacher edits the gazetteer, it is checked and read from scratch, as before.
``tests/test_derived.py`` checks that the kept results equal freshly worked-out ones.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from .data import PACKAGE_DATA

FILE = PACKAGE_DATA / "derived.json"

#: The data files each section is worked out from.
SOURCES = {
    "gazetteer": ("gazetteer.csv", "allusion_us_states.txt"),
    "lexicon": ("metaphor_lexicon.csv", "metaphor_literal_terms.csv", "spelling_variants.csv"),
}


def fingerprint(section: str) -> str:
    """SHA-256 of the section's source files, in order.

    >>> len(fingerprint("gazetteer"))
    64
    """
    digest = hashlib.sha256()
    for name in SOURCES[section]:
        digest.update(name.encode() + b"\0" + (PACKAGE_DATA / name).read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def _kept() -> dict:
    try:
        return json.loads(FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def kept(section: str) -> dict | None:
    """The kept results of ``section``, or None when its source files have changed since (or none are kept)."""
    found = _kept().get(section)
    if not isinstance(found, dict) or found.get("sources") != fingerprint(section):
        return None
    return found.get("results")
