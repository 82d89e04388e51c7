"""Re-run notebooks top to bottom in a fresh kernel and save their outputs in place.

    python tools/execute_notebooks.py                 every notebook in notebooks/
    python tools/execute_notebooks.py 01-metaphor     only those named

Called by ``python3 run.py notebooks``. It also sets each cell's slide type for
presenting with RISE (see ``add_slide_metadata``). Outputs are saved only when every cell ran
without an error, so a broken notebook is never committed with stale outputs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def add_slide_metadata(nb) -> None:
    """Slide types for presenting with RISE: a "#" or "##" heading starts a slide, "###" a sub-slide,
    and every other cell stays on the slide above it."""
    for cell in nb.cells:
        first = cell.source.lstrip().split("\n", 1)[0] if cell.cell_type == "markdown" else ""
        if first.startswith(("# ", "## ")):
            kind = "slide"
        elif first.startswith("### "):
            kind = "subslide"
        else:
            kind = "-"
        cell.metadata["slideshow"] = {"slide_type": kind}


def execute(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    add_slide_metadata(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            cell.metadata.pop("execution", None)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.get("language_info", {}).pop("version", None)
    nbformat.write(nb, path)
    print(f"executed {path.name}")


def main(names: list[str]) -> None:
    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    if names:
        paths = [p for p in paths if any(p.stem.startswith(n.removesuffix(".ipynb")) for n in names)]
        if not paths:
            sys.exit(f"No notebook in notebooks/ matches {names}.")
    for path in paths:
        execute(path)


if __name__ == "__main__":
    main(sys.argv[1:])
