"""Helpers for the delivery tests: run a command in its own mount (and network) namespace.

`isolated(...)` makes folders read-only with bind mounts, which hold even for root (writes fail
with "Read-only file system"), and with `offline=True` gives the command a network of its own
with only loopback, so nothing can reach beyond the machine. Linux's `unshare` does it; where it
is missing or not permitted, `isolation_problem()` says why, and the tests skip with that reason.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import shlex
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _unshare(offline: bool, as_user: bool) -> list[str]:
    return ["unshare", "-m", *(["-n"] if offline else []), *(["-r"] if as_user else [])]


@functools.cache
def _working_unshare(offline: bool) -> tuple[list[str] | None, str]:
    """The unshare command that works here (as root, or in a user namespace), or None and why not."""
    if shutil.which("unshare") is None:
        return None, "the `unshare` command is not installed (util-linux)"
    if offline and shutil.which("ip") is None:
        return None, "the `ip` command (iproute2) is needed to bring up loopback in a new network namespace"
    check = "mount --bind -o ro / /" + ("; ip link set lo up" if offline else "")
    reason = ""
    for as_user in (False, True):
        command = _unshare(offline, as_user)
        try:
            done = subprocess.run([*command, "sh", "-c", check], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired) as err:
            return None, f"`unshare` could not run: {err}"
        if done.returncode == 0:
            return command, ""
        reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit code {done.returncode}"
    return None, f"`{' '.join(_unshare(offline, False))}` is not permitted here ({reason})"


def isolation_problem(offline: bool = False) -> str | None:
    """None when `isolated` works on this machine, else the reason it does not."""
    return _working_unshare(offline)[1] or None


def isolated(
    command: list[str], *, offline: bool = False, readonly: tuple[Path, ...] = (), hide: dict[Path, Path] | None = None
) -> list[str]:
    """`command`, to run with each `readonly` folder read-only and each `hide` key covered by its (empty) value.

    With `offline`, the command has a network namespace of its own with only loopback up.
    """
    prefix, reason = _working_unshare(offline)
    if prefix is None:
        raise RuntimeError(reason)
    steps = ["set -e"]
    if offline:
        steps.append("ip link set lo up")
    for folder in readonly:
        path = shlex.quote(os.path.realpath(folder))
        steps.append(f"mount --bind -o ro {path} {path}")
    for target, empty in (hide or {}).items():
        steps.append(f"mount --bind -o ro {shlex.quote(str(empty))} {shlex.quote(os.path.realpath(target))}")
    steps.append('exec "$@"')
    return [*prefix, "sh", "-c", "; ".join(steps), "isolated", *[str(c) for c in command]]


def load_run_py():
    """run.py as a module, to call its functions."""
    spec = importlib.util.spec_from_file_location("run_py", ROOT / "run.py")
    run_py = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run_py)
    return run_py


def fresh_copy(target: Path) -> None:
    """The repository's tracked files as they are now (what `git clone` of this state gives)."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
