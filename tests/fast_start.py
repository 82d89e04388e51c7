"""An early pytest plugin for `python3 run.py test`: pytest and its xdist workers start about a second sooner each.

nbval imports nbformat, which imports jsonschema, which imports the optional ``rfc3987_syntax`` (for
the "iri" string format) if it is installed; that module builds a parser from a grammar as it loads,
about a second of CPU in every pytest process. No test validates a string format with jsonschema, and
nbformat validates notebooks without format checks, so the pytest processes go without it: jsonschema
then leaves that one format out, as it does when the package is not installed. Kernels, servers and the
other programs that the tests start are not touched (they never load this plugin).

run.py passes ``-p fast_start`` and puts ``tests/`` on PYTHONPATH for pytest alone; this plugin takes
that entry out of PYTHONPATH again, so that no program a test starts inherits it.
"""

from __future__ import annotations

import os
import sys

sys.modules.setdefault("rfc3987_syntax", None)  # `import rfc3987_syntax` now raises ImportError

_HERE = os.path.dirname(os.path.abspath(__file__))
_paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
if _HERE in _paths:
    _paths.remove(_HERE)
    if any(_paths):
        os.environ["PYTHONPATH"] = os.pathsep.join(_paths)
    else:
        del os.environ["PYTHONPATH"]
