"""Licences and citation: the files exist, say what they cover, agree with each other, and name every
file that has terms of its own."""

from __future__ import annotations

import re

import yaml
from conftest import ROOT

try:
    import tomllib
except ImportError:  # Python 3.10: pytest brings tomli
    import tomli as tomllib

CC_BY = ROOT / "LICENSE-CC-BY-4.0.md"
SEED_ARTICLE = "seeds/carter-paris-speech-report.txt"
DATA_FOLDERS = ("rhetoric_lab/data", "seeds")


def own_terms_table() -> dict[str, str]:
    """{file: terms} from the "Files with their own terms" table of LICENSE-CC-BY-4.0.md."""
    text = CC_BY.read_text(encoding="utf-8").split("## Files with their own terms", 1)[1]
    rows = re.findall(r"^\| `([^`]+)` \| [^|]+ \| (.+) \|$", text, re.MULTILINE)
    return dict(rows)


def header_licence(path) -> str | None:
    """The `#` header line of a data file that names a licence, if any."""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.startswith("#"):
            return None
        other_terms = re.search(r"non-?commercial|\bBNC\b|\bNC\b", line, re.IGNORECASE)
        if "CC BY 4.0" in line and not other_terms:
            continue  # the project's own licence
        if other_terms or re.search(r"licen[cs]e|terms of use", line, re.IGNORECASE):
            return line
    return None


def test_code_is_mit_and_the_rest_cc_by():
    mit = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert mit.startswith("MIT License") and "Permission is hereby granted, free of charge" in mit
    cc = CC_BY.read_text(encoding="utf-8")
    assert "https://creativecommons.org/licenses/by/4.0/legalcode" in cc
    for covered in ("lessons/", "notebooks/", "rhetoric_lab/data/"):
        assert covered in cc


def test_the_seed_article_is_named_as_not_ours():
    table = own_terms_table()
    assert SEED_ARTICLE in table and "not ours" in table[SEED_ARTICLE]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    licence_section = readme.split("## Licence", 1)[1].split("\n## ", 1)[0]
    assert "seed article" in licence_section and "not ours" in licence_section


def test_every_file_with_its_own_terms_is_listed_and_exists():
    table = own_terms_table()
    assert table, "the table of files with their own terms is empty or unreadable"
    for name in table:
        assert (ROOT / name).is_file(), f"LICENSE-CC-BY-4.0.md names {name}, which does not exist"
    for folder in DATA_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in (".csv", ".txt", ".tsv") and header_licence(path):
                name = path.relative_to(ROOT).as_posix()
                assert name in table, f"{name} states its own terms; add it to LICENSE-CC-BY-4.0.md's table"


def test_the_header_check_notices_a_licence_line(tmp_path):
    table = tmp_path / "counts.csv"
    table.write_text("# Counts derived from a corpus.\n# Licence: non-commercial use only.\nword,count\n")
    assert header_licence(table)
    table.write_text("# Counts written for this project.\nword,count\n")
    assert header_licence(table) is None
    table.write_text("# Counts written for this project. Licence: CC BY 4.0, like the rest of the data.\n")
    assert header_licence(table) is None
    table.write_text("# Rates derived from a corpus under the BNC licence; CC BY 4.0 does not apply.\n")
    assert header_licence(table)


def test_citation_file_is_valid_and_in_step_with_the_package():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    for key in ("message", "title", "authors", "version", "license", "repository-code", "type"):
        assert cff.get(key), f"CITATION.cff lacks {key}"
    assert all("name" in a or "family-names" in a for a in cff["authors"])
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert str(cff["version"]) == project["version"]
    assert set(cff["license"]) == set(project["license"].split(" AND "))
    assert set(project["license-files"]) == {"LICENSE", "LICENSE-CC-BY-4.0.md"}
    assert all((ROOT / f).is_file() for f in project["license-files"])
