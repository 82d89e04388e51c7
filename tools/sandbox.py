"""Run a command in its own mount (and network) namespace: folders read-only, and no network but loopback.

Used by benchmarks/classroom.py (a JupyterHub class whose environment is read-only to students) and by the
delivery tests. Bind mounts made read-only hold even for root: a write fails with "Read-only file system".
With `offline=True` the command gets a network namespace of its own with only loopback up, so nothing in
it can reach beyond the machine. Linux's `unshare` does the work (as root, or else in a user namespace);
where it is missing or not permitted, `isolation_problem()` says why.
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
from pathlib import Path


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
