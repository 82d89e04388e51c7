"""Write the paper route's materials into handouts/: the printable sheets, and the notebooks to project.

    python3 run.py handouts              # all of it (below)
    python tools/write_handouts.py --html-only
    python tools/write_handouts.py --preview 03-quotes   # also a small PNG of its first page (needs pdftoppm)

- handouts/*.html: the sheets, made from the answer keys in seeds/keys/ by rhetoric_lab/display/handouts.py
  (committed; after a key changes, run this again: a test fails while they are out of date);
- handouts/pdf/a4/ and handouts/pdf/letter/: the same sheets as PDF, where Chromium is installed;
- projector/: every notebook with its committed outputs as one HTML page, to project in a browser
  with no kernel, no JupyterLab and no internet (nothing is re-run).
PDFs and notebook pages are not committed (handouts/.gitignore, projector/.gitignore).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import nbformat  # noqa: E402
from nbconvert import HTMLExporter  # noqa: E402

from rhetoric_lab.display.handout_page import PAPERS  # noqa: E402
from rhetoric_lab.display.handouts import handout_documents, handouts  # noqa: E402

OUT = ROOT / "handouts"
PDF = OUT / "pdf"
#: The notebooks as web pages to project (the paper route).
NOTEBOOK_PAGES = ROOT / "projector"
#: The preview image shown in the README.
PREVIEW = OUT / "preview.png"

#: Chromium flags for printing on a machine without a network (no sandbox: we may be root).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def find_chromium() -> str | None:
    """Debian's chromium (/usr/bin/chromium), else chromium or google-chrome on PATH."""
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("google-chrome")


def index_markdown() -> str:
    """handouts/README.md: what each file is."""
    lines = [
        "# Printable handouts",
        "",
        "Made from the answer keys in `../seeds/keys/` by `python3 run.py handouts`; do not edit these files.",
        "Open one in a browser and print it (A4 or US Letter), or use the PDFs that the command writes into",
        "`pdf/a4/` and `pdf/letter/` when Chromium is installed. Every student's sheet has a teacher's answer",
        "sheet beside it (`-teacher`).",
        "",
        "| handout | student's sheet | teacher's answer sheet |",
        "| --- | --- | --- |",
    ]
    for h in handouts():
        lines.append(f"| {h.title} | [{h.name}.html]({h.name}.html) | [{h.name}-teacher.html]({h.name}-teacher.html) |")
    return "\n".join(lines) + "\n"


def write_html(folder: Path = OUT) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in handout_documents().items():
        path = folder / name
        path.write_text(document, encoding="utf-8")
        written.append(path)
    (folder / "README.md").write_text(index_markdown(), encoding="utf-8")
    return written


def print_pdf(chromium: str, html_path: Path, pdf_path: Path) -> None:
    """Print one HTML file to PDF with headless Chromium (the page size comes from the file's CSS)."""
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                chromium,
                *CHROMIUM_ARGS,
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf_path}",
                html_path.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    if not pdf_path.exists() or pdf_path.stat().st_size == 0:
        raise RuntimeError(f"Chromium wrote no PDF for {html_path.name}")


def write_pdfs(chromium: str, folder: Path = PDF) -> list[Path]:
    """A PDF of every handout for each paper size: folder/a4/NAME.pdf and folder/letter/NAME.pdf."""
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for paper in PAPERS:
            for name, document in handout_documents(paper=paper).items():
                source = Path(tmp) / f"{paper}-{name}"
                source.write_text(document, encoding="utf-8")
                target = folder / paper / name.replace(".html", ".pdf")
                print_pdf(chromium, source, target)
                written.append(target)
    return written


def write_preview(name: str, chromium: str) -> Path:
    """A small PNG of the first page of one handout (A4), for the README."""
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        sys.exit("The preview needs pdftoppm (Debian: apt install poppler-utils).")
    pdf = PDF / "a4" / f"{name}.pdf"
    if not pdf.exists():
        sys.exit(f"No PDF at {pdf}: run without --html-only first.")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [pdftoppm, "-png", "-f", "1", "-l", "1", "-scale-to", "420", str(pdf), f"{tmp}/page"], check=True
        )
        shutil.copyfile(next(Path(tmp).glob("page*.png")), PREVIEW)
    return PREVIEW


def export_notebooks(folder: Path = NOTEBOOK_PAGES, names=None) -> list[Path]:
    """Every notebook (or those in ``names``) as a self-contained HTML page of its committed outputs.

    Nothing is run: the page shows what the committed notebook holds. The scripts that nbconvert would
    fetch from the internet (require.js, MathJax: the notebooks use neither) are left out, so the
    page works offline.
    """
    exporter = HTMLExporter(require_js_url="", mathjax_url="")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        if names and not any(path.name.startswith(n) for n in names):
            continue
        notebook = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": path.stem}})
        body = re.sub(r'<script src=""\s*>\s*</script>', "", body)
        target = folder / f"{path.stem}.html"
        target.write_text(body, encoding="utf-8")
        written.append(target)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write the printable handouts into handouts/.")
    parser.add_argument("--html-only", action="store_true", help="write the HTML, not the PDFs")
    parser.add_argument("--preview", metavar="NAME", help="also write handouts/preview.png from NAME's first page")
    args = parser.parse_args(argv)
    html = write_html()
    print(f"Wrote {len(html)} HTML handouts and an index in {OUT.relative_to(ROOT)}/")
    if args.html_only:
        return 0
    pages = export_notebooks()
    print(f"Wrote {len(pages)} notebooks to project (their committed outputs) in {NOTEBOOK_PAGES.relative_to(ROOT)}/")
    chromium = find_chromium()
    if chromium is None:
        print("No Chromium found, so no PDFs: open an HTML handout in a browser and print it (A4 or Letter).")
        return 0
    pdfs = write_pdfs(chromium)
    print(f"Wrote {len(pdfs)} PDFs (A4 and US Letter) in {PDF.relative_to(ROOT)}/")
    if args.preview:
        print(f"Wrote {write_preview(args.preview, chromium).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
