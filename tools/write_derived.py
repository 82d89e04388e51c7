"""Write rhetoric_lab/data/derived.json: what the package works out from its data files, kept.

    python tools/write_derived.py

Run it after editing the gazetteer or the metaphor lexicon files (``tests/test_derived.py`` says when).
Without it nothing breaks: a section whose files changed is simply worked out afresh on each first use.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rhetoric_lab import derived  # noqa: E402
from rhetoric_lab.allusion_gazetteer import derived_anchors  # noqa: E402
from rhetoric_lab.metaphor_lexicon import derived_keys  # noqa: E402

DESCRIPTION = (
    "Worked out from the package's data files by tools/write_derived.py (do not edit): the gazetteer's "
    "checked pattern anchors and the metaphor lexicon's phrase stems, each with a SHA-256 of its source files."
)


def contents() -> dict:
    """The file's contents, worked out afresh."""
    work = {"gazetteer": derived_anchors, "lexicon": derived_keys}
    sections = {name: {"sources": derived.fingerprint(name), "results": make()} for name, make in work.items()}
    return {"description": DESCRIPTION, **sections}


def main() -> int:
    derived.FILE.write_text(
        json.dumps(contents(), ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {derived.FILE.relative_to(derived.FILE.parents[2])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
