"""The frame of a printable handout: one self-contained HTML page with print CSS, and the small pieces
(tables, writing space, tick boxes) that the sheets in :mod:`rhetoric_lab.display.handouts` are made of.

Every piece of text is escaped here: a sheet passes plain strings, and only :class:`Raw` (HTML this
module built itself) goes through unescaped. The page prints on A4 and on US Letter: its margins fit
both, tables have a fixed layout and wrap long words, and rows are not split across pages.
Accessibility: ``lang``, a ``main`` landmark, one ``h1`` and headings in order, ``th`` with ``scope``
in every table, no meaning in colour (the sheets are black on white).
"""

from __future__ import annotations

from .common import escape

#: Paper sizes for the PDFs: the CSS name of each.
PAPERS = {"a4": "A4", "letter": "letter"}

_CSS = """
@page { margin: 14mm 14mm 15mm 14mm; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt;
  color: #000; background: #fff; }
body { max-width: 48em; margin: 1.5em auto; padding: 0 1em; line-height: 1.42; overflow-wrap: break-word; }
h1 { font-size: 1.55em; margin: 0 0 .25em; line-height: 1.2; }
h2 { font-size: 1.22em; margin: 1.1em 0 .35em; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1.04em; margin: .2em 0 .3em; break-after: avoid; page-break-after: avoid; }
p { margin: .3em 0 .5em; }
ul, ol { margin: .2em 0 .6em; padding-left: 1.4em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: .3em 0 .9em; }
th, td { border: 1px solid #444; padding: .25em .4em; text-align: left; vertical-align: top;
  overflow-wrap: break-word; word-wrap: break-word; }
th { background: #eee; font-size: .92em; }
thead { display: table-header-group; }
tr, .card, .keep, figure { break-inside: avoid; page-break-inside: avoid; }
td.write { height: 2.3em; }
td.write-tall { height: 5.2em; }
.who { display: flex; flex-wrap: wrap; gap: .4em 2em; margin: .2em 0 .8em; }
.blank { display: inline-block; min-width: 12em; border-bottom: 1px solid #000; }
.line { border-bottom: 1px solid #555; height: 2.2em; }
.box { display: inline-block; width: .85em; height: .85em; border: 1.5px solid #000; vertical-align: -.1em;
  margin: 0 .3em 0 .9em; }
.choices { white-space: nowrap; }
.stacked .box { margin-left: 0; }
.stacked > span { display: block; white-space: nowrap; }
.card { border: 1px solid #444; padding: .35em .6em .45em; margin: .5em 0; }
.card p.quote { margin: .15em 0 .35em; }
.note { font-size: .92em; color: #222; }
.teacher { border: 2px solid #000; padding: .25em .6em; font-weight: bold; margin: .3em 0 .6em; }
.para { display: flex; gap: .7em; margin: 0 0 .55em; break-inside: avoid; page-break-inside: avoid; }
.para .pnum { flex: 0 0 2.4em; font-weight: bold; }
.para p { margin: 0; line-height: 1.5; }
.snum { font-weight: bold; font-size: .85em; border: 1px solid #000; padding: 0 .2em; margin-right: .15em; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.formula { font-size: 1.08em; margin: .4em 0; }
footer { margin-top: .8em; border-top: 1px solid #444; padding-top: .3em; font-size: .85em; }
@media screen and (max-width: 640px) {
  .choices, .choices > span, .stacked > span { white-space: normal; }
}
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  a { color: #000; text-decoration: none; }
}
"""


class Raw(str):
    """HTML built by this module, to be inserted as it is (everything else is escaped)."""


def html(value) -> str:
    """``value`` as HTML: a :class:`Raw` as it is, anything else escaped; ``None`` as an empty cell.

    >>> html("<b>"), html(Raw("<b>x</b>")), html(None)
    ('&lt;b&gt;', '<b>x</b>', '')
    """
    if value is None:
        return ""
    return value if isinstance(value, Raw) else escape(value)


def tag(name: str, content="", **attrs) -> Raw:
    """One element: ``tag("p", "a < b", cls="note")`` -> ``<p class="note">a &lt; b</p>``.

    >>> tag("p", "a < b", cls="note")
    '<p class="note">a &lt; b</p>'
    """
    attributes = "".join(f' {"class" if k == "cls" else k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return Raw(f"<{name}{attributes}>{html(content)}</{name}>")


def join(*parts) -> Raw:
    """Several pieces, each escaped unless :class:`Raw`, side by side."""
    return Raw("".join(html(p) for p in parts))


def table(headers, rows, widths=None, caption=None) -> Raw:
    """A table with a header row (``th scope="col"``); ``widths`` are CSS widths for the columns.

    A cell is a string (escaped), a :class:`Raw`, ``None`` (empty) or ``("write", "")`` for writing space.

    >>> "<th scope=\\"col\\">a</th>" in table(["a"], [["x"]])
    True
    """
    cols = "".join(f'<col style="width:{escape(w)}">' for w in widths) if widths else ""
    head = "".join(f'<th scope="col">{html(h)}</th>' for h in headers)
    body = []
    for row in rows:
        cells = []
        for cell in row:
            if isinstance(cell, tuple):  # writing space: ("write" or "write-tall", text shown in it)
                cells.append(f'<td class="{escape(cell[0])}">{html(cell[1])}</td>')
            else:
                cells.append(f"<td>{html(cell)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{html(caption)}</caption>" if caption else ""
    colgroup = f"<colgroup>{cols}</colgroup>" if cols else ""
    return Raw(f"<table>{cap}{colgroup}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def choices(options, stacked: bool = False) -> Raw:
    """Empty tick boxes, one per option, each with its word: ``☐ metaphor ☐ literal`` (one per line if
    ``stacked``)."""
    boxes = "".join(f'<span><span class="box" aria-hidden="true"></span>{escape(o)}</span>' for o in options)
    return Raw(f'<span class="choices{" stacked" if stacked else ""}">{boxes}</span>')


def lines(label: str, count: int = 1) -> Raw:
    """A label and ``count`` ruled lines to write on."""
    ruled = "".join('<div class="line"></div>' for _ in range(count))
    return Raw(f"<p>{escape(label)}</p>{ruled}")


def card(*parts) -> Raw:
    """A bordered block that is not split across two pages."""
    return Raw(f'<div class="card">{join(*parts)}</div>')


def keep(*parts) -> Raw:
    """Pieces kept together on one page (a heading with its short table, say)."""
    return Raw(f'<div class="keep">{join(*parts)}</div>')


def bullets(items) -> Raw:
    return Raw("<ul>" + "".join(f"<li>{html(i)}</li>" for i in items) + "</ul>")


def page(title: str, body, *, teacher: bool = False, source: str = "", paper: str | None = None) -> str:
    """A complete HTML document for one handout.

    Students' sheets open with lines for a name and a date; teachers' sheets with a banner.
    ``source`` names the data the sheet was made from (printed in the footer).
    ``paper`` ("a4" or "letter") fixes the page size for a PDF; without it the printer's paper is used.

    >>> doc = page("A sheet", tag("p", "x"))
    >>> doc.startswith("<!DOCTYPE html>") and '<html lang="en">' in doc and "<main>" in doc
    True
    """
    size = f"@page {{ size: {PAPERS[paper]}; }}" if paper else ""
    if teacher:
        top = tag("p", "Teacher's answer sheet: not for students.", cls="teacher")
    else:
        top = Raw(
            '<div class="who"><span>Name: <span class="blank"></span></span>'
            '<span>Date: <span class="blank" style="min-width:7em"></span></span></div>'
        )
    footer = "Rhetoric Lab · printable handout" + (f" · made from {source}" if source else "")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{_CSS}{size}</style></head>\n"
        f"<body><main><h1>{escape(title)}</h1>{top}{html(body)}</main>"
        f"<footer><p>{escape(footer)}</p></footer></body></html>\n"
    )
