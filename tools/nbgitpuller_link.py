"""Print the nbgitpuller link that gives every student on a JupyterHub their own copy of Rhetoric Lab.

    python tools/nbgitpuller_link.py HUB REPOSITORY [--branch main] [--notebook PATH] [--interface lab|tree]

For example:

    python tools/nbgitpuller_link.py https://hub.example.edu https://github.com/rhetoric-lab/rhetoric-lab

The link has the form

    HUB/hub/user-redirect/git-pull?repo=REPOSITORY&branch=BRANCH&urlpath=lab/tree/FOLDER/NOTEBOOK

When a student opens it, nbgitpuller (installed in the hub's image) clones the repository into FOLDER
in their home, or on later clicks merges in the teacher's changes without overwriting the student's own,
and then opens NOTEBOOK. FOLDER is, as nbgitpuller names it, the last part of the repository's address.
"""

from __future__ import annotations

import argparse
import sys
from urllib.parse import urlencode, urlsplit

START_NOTEBOOK = "notebooks/00-start-here.ipynb"


def link(
    hub: str,
    repo: str,
    branch: str = "main",
    notebook: str = START_NOTEBOOK,
    interface: str = "lab",
    folder: str | None = None,
) -> str:
    """The nbgitpuller link for `repo` on `hub`, opening `notebook` in JupyterLab ("lab") or Notebook ("tree").

    >>> link("https://hub.example.edu", "https://github.com/rhetoric-lab/rhetoric-lab")
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Frhetoric-lab%2Frhetoric-lab&branch=main&urlpath=lab%2Ftree%2Frhetoric-lab%2Fnotebooks%2F00-start-here.ipynb'
    """
    for label, address in (("hub", hub), ("repository", repo)):
        if urlsplit(address).scheme not in ("https", "http") or not urlsplit(address).netloc:
            raise ValueError(f"the {label} must be a web address starting with https://, not {address!r}")
    default_folder = repo.rstrip("/").split("/")[-1]  # what nbgitpuller uses when there is no targetPath
    query = {"repo": repo, "branch": branch}
    if folder and folder != default_folder:
        query["targetPath"] = folder
    query["urlpath"] = f"{'lab/tree' if interface == 'lab' else 'tree'}/{folder or default_folder}/{notebook}"
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{urlencode(query)}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("hub", help="the hub's address, such as https://hub.example.edu")
    parser.add_argument("repo", help="the repository's address, such as https://github.com/rhetoric-lab/rhetoric-lab")
    parser.add_argument("--branch", default="main", help="branch or tag to hand out (default: main)")
    parser.add_argument("--notebook", default=START_NOTEBOOK, help=f"notebook to open (default: {START_NOTEBOOK})")
    parser.add_argument("--interface", choices=["lab", "tree"], default="lab", help="JupyterLab or Notebook 7")
    parser.add_argument("--folder", help="folder in the student's home (default: the repository's name)")
    args = parser.parse_args(argv)
    try:
        print(link(args.hub, args.repo, args.branch, args.notebook, args.interface, args.folder))
    except ValueError as err:
        parser.error(str(err))


if __name__ == "__main__":
    main(sys.argv[1:])
