"""Reading and saving files safely, with a plain-words message for every problem.

Reading (:func:`read_bytes`):

* only a regular file is read: a folder, a pipe (FIFO), a device or a socket is refused before a
  byte is read, so ``/dev/zero`` or a pipe never makes the program wait or fill the memory;
* a file larger than :data:`MAX_BYTES` is refused from its size, before it is read (and the read
  stops at the cap, for a file that grows while it is read);
* every ``OSError`` (no such file, no permission, a loop of links, a name too long, ...) becomes a
  :class:`~rhetoric_lab.errors.RhetoricLabError` that says what to do.

Saving (:func:`save_text`):

* the text goes to a temporary file in the same folder, which then replaces the target in one step
  (``os.replace``): an existing file is never truncated, and never left empty or cut, even when the
  program is killed or the disk fills up in the middle of a save;
* a link is never written through: with ``force=True`` the link itself is replaced, never the
  file it points to; without ``force`` a link, even a dangling one, counts as an existing file; a
  link to a folder, a pipe, a device or a stream of the system (``/dev/stdout``) is never replaced;
* a name that ends with "/" names a folder, and is refused (it would save a file of the folder's name);
* only a regular file is ever replaced: a folder, a pipe or a device is refused, ``force`` or not;
* a missing folder is made only when the caller asks (``make_folders=True``: a notebook that keeps its
  profiles in ``notebooks/profiles/``); otherwise, as on the command line, the message says it is missing.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputExistsError, RhetoricLabError, TextNotFoundError

#: The largest file Rhetoric Lab reads: 10 MB, about 1.7 million words of English (a long novel is 1 MB).
MAX_BYTES = 10_000_000
_CHUNK = 1 << 20


def shown(path) -> str:
    """A path as it can be printed in any message: bytes that are not UTF-8 become "�", long names are cut.

    >>> shown("notes.txt")
    'notes.txt'
    >>> shown("a" * 300)[-20:]
    'aa… (300 characters)'
    """
    text = os.fsdecode(path) if isinstance(path, (bytes, os.PathLike)) else str(path)
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that stands for no byte ("\ud800"): shown as \ud800
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= 160 else f"{text[:120]}… ({len(text)} characters)"


def as_path(path, what: str = "path") -> Path:
    """``path`` as a Path, with a clear message when it is not a path at all.

    >>> as_path("profile.html")
    PosixPath('profile.html')
    """
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    if not isinstance(path, (str, os.PathLike)) or not str(os.fspath(path)).strip():
        raise RhetoricLabError(
            f'`{what}` must be the name of a file in quotation marks, such as "profile.html" '
            f'or "texts/my-speech.txt", not {describe(path)}.'
        )
    if "\x00" in os.fspath(path):
        raise RhetoricLabError(f"`{what}` holds a null character, which no file name can have. Check the name.")
    try:
        os.fsencode(path)
    except UnicodeError:  # a lone surrogate such as "\ud800": no file name on disk can hold it
        raise RhetoricLabError(
            f"`{what}` holds a character that no file name can have (a broken emoji or accent). "
            f"Type the name again: {shown(path)}"
        ) from None
    return Path(path)


def describe(value) -> str:
    """A value described in words, for an error message (short, never the whole of a long text).

    >>> describe(None), describe("x" * 100), describe([1, 2])
    ('None', 'a string of 100 characters', 'a list of 2 items')
    """
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, str):
        return f"a string ({value!r})" if len(value) <= 40 else f"a string of {len(value):,} characters"
    if isinstance(value, (list, tuple, dict, set)):
        kind = type(value).__name__
        return f"a {kind} of {len(value)} item{'' if len(value) == 1 else 's'}"
    if isinstance(value, (int, float)):
        text = repr(value)
        return text if len(text) <= 30 else f"a number of {len(text):,} digits"
    return f"a {type(value).__name__}"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def os_error_message(err: OSError, path, doing: str = "read") -> str:
    """A plain-words message for an ``OSError`` on ``path`` (``doing`` is "read" or "save").

    >>> os_error_message(PermissionError(13, "Permission denied"), "secret.txt")[:45]
    "You do not have permission to read 'secret.tx"
    """
    where = shown(path)
    code = err.errno
    if code == errno.ENOENT:
        return f"There is no file at '{where}'. Check the spelling and the folder."
    if code in (errno.EACCES, errno.EPERM):
        return f"You do not have permission to {doing} '{where}' (or to open a folder on its way). " + (
            "Copy the file somewhere that is yours, or ask whoever owns it."
            if doing == "read"
            else "Save in a folder that is yours (your home folder, for example), or ask whoever owns this one."
        )
    if code == errno.ELOOP:
        return (
            f"'{where}' is a link that leads back to itself (a loop of links), so there is no file at the end. "
            "Give the path of the real file."
        )
    if code == errno.ENAMETOOLONG:
        return (
            f"The name '{where}' is too long for this computer (most allow 255 characters for a name). "
            "Give the file a shorter name."
        )
    if code == errno.ENOTDIR:
        return f"A part of '{where}' is a file, not a folder, so that path cannot exist. Check the path."
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return f"The disk is full: could not {doing} '{where}'. Nothing was overwritten. Free some space and try again."
    if code == errno.EROFS:
        return f"'{where}' is on a disk that is read-only. Save somewhere else."
    reason = err.strerror or type(err).__name__
    return f"Could not {doing} '{where}': {reason}."


# ----------------------------------------------------------------------------------------------- reading


def read_bytes(path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; anything else gets a clear refusal.

    >>> read_bytes("/dev/zero")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rhetoric_lab.errors.TextNotFoundError: '/dev/zero' is a device, not a text file. ...
    """
    path = as_path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a pipe does not wait for a writer
    except OSError as err:
        if err.errno == errno.ENOENT and os.path.lexists(path):
            raise TextNotFoundError(
                f"'{shown(path)}' is a link to '{shown(os.readlink(path))}', which does not exist. "
                "Give the path of the real file."
            ) from None
        raise TextNotFoundError(os_error_message(err, path)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise TextNotFoundError(
                f"'{shown(path)}' is a folder, not a file. Give the path of a text file inside it, "
                f"for example '{shown(path / 'my-text.txt')}'."
            )
        if not stat.S_ISREG(info.st_mode):
            raise TextNotFoundError(
                f"'{shown(path)}' is {_kind(info.st_mode)}, not a text file. Give the path of a text file (.txt)."
            )
        if info.st_size > max_bytes:
            raise TextNotFoundError(_too_large(path, info.st_size, max_bytes))
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, _CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # the file grew while it was read (or says it is empty, as /proc files do)
                raise TextNotFoundError(_too_large(path, total, max_bytes, at_least=True))
        return b"".join(chunks)
    except OSError as err:
        raise TextNotFoundError(os_error_message(err, path)) from None
    finally:
        os.close(fd)


def _too_large(path, size: int, max_bytes: int, at_least: bool = False) -> str:
    return (
        f"'{shown(path)}' is {'more than ' if at_least else ''}{size / 1e6:.1f} MB; Rhetoric Lab reads files of "
        f"up to {max_bytes / 1e6:g} MB (about {max_bytes // 6:,} words). Split it into smaller files "
        "(a chapter or an article at a time)."
    )


# ----------------------------------------------------------------------------------------------- saving


def check_target(path, force: bool = False, make_folders: bool = False) -> Path:
    """Check that ``path`` may be saved to: its folder exists, and it is new, or a file (or link) to replace
    with ``force=True``. Raises a clear error otherwise; returns the path.

    >>> check_target("/")
    Traceback (most recent call last):
    ...
    rhetoric_lab.errors.OutputExistsError: '/' is a folder. Give a file name, for example '/profile.html'.
    """
    as_typed = os.fsdecode(path) if isinstance(path, (str, bytes)) else ""
    path = as_path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as err:
        raise RhetoricLabError(os_error_message(err, path, "save")) from None
    if as_typed.endswith(("/", os.sep)) and (info is None or not stat.S_ISDIR(info.st_mode)):
        raise OutputExistsError(  # Path("new/") is Path("new"): the file would take the folder's name
            f"'{shown(as_typed)}' ends with '/', so it names a folder, not a file. Give a file name, "
            f"for example '{shown(path / 'profile.html')}'."
        )
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputExistsError(
                f"'{shown(path)}' is a folder. Give a file name, for example '{shown(path / 'profile.html')}'."
            )
        if stat.S_ISLNK(info.st_mode):
            _check_link_target(path)
        if stat.S_ISLNK(info.st_mode) and not force:
            raise OutputExistsError(
                f"'{shown(path)}' is a link (to '{shown(os.readlink(path))}'). Saving would replace the link "
                "itself, never the file it points to. Choose another name, or replace the link on purpose: "
                "force=True in a notebook, --force on the command line."
            )
        if not stat.S_ISLNK(info.st_mode) and not stat.S_ISREG(info.st_mode):
            raise OutputExistsError(
                f"'{shown(path)}' is {_kind(info.st_mode)}, not a file: Rhetoric Lab saves only to ordinary "
                "files. Choose another name."
            )
        if stat.S_ISREG(info.st_mode) and not force:
            raise OutputExistsError(
                f"'{shown(path)}' already exists, and saving would overwrite it. Choose another name, or "
                "overwrite on purpose: force=True in a notebook, --force on the command line."
            )
    folder = path.parent
    if make_folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise RhetoricLabError(os_error_message(err, folder, "make the folder")) from None
    try:
        folder_info = os.stat(folder)
    except FileNotFoundError:
        raise RhetoricLabError(
            f"The folder '{shown(folder)}' does not exist, and Rhetoric Lab does not create folders by itself. "
            f"Create it first (for example: mkdir -p '{shown(folder)}'), or save somewhere else."
        ) from None
    except OSError as err:
        raise RhetoricLabError(os_error_message(err, folder, "save in")) from None
    if not stat.S_ISDIR(folder_info.st_mode):
        raise RhetoricLabError(f"'{shown(folder)}' is a file, not a folder, so nothing can be saved inside it.")
    return path


#: Folders whose links are the system's streams and devices (/dev/stdout -> /proc/self/fd/1), never files.
_SYSTEM_FOLDERS = ("/dev/", "/proc/", "/sys/")


def _check_link_target(link: Path) -> None:
    """A link to a folder, a pipe, a device or a stream of the running program (``/dev/stdout``, which points
    into ``/proc``) is never replaced, ``force`` or not: it stands for something other than a file, and
    replacing it would break it for every program (as root, ``-o /dev/stdout --force`` would)."""
    target = os.readlink(link)
    if target.startswith(_SYSTEM_FOLDERS) or str(link.absolute()).startswith(_SYSTEM_FOLDERS):
        raise OutputExistsError(
            f"'{shown(link)}' is a link to '{shown(target)}', a stream or a device of the system, not a file: "
            "Rhetoric Lab saves only to ordinary files, and never replaces such a link. Give a file name, "
            "such as profile.html."
        )
    try:
        info = os.stat(link)
    except OSError:
        return  # a dangling link (or a loop): nothing but the link itself is there to replace
    if not stat.S_ISREG(info.st_mode):
        raise OutputExistsError(
            f"'{shown(link)}' is a link to {_kind(info.st_mode)} ('{shown(os.readlink(link))}'), not to a file: "
            "Rhetoric Lab saves only to ordinary files, and never replaces such a link. Give a file name."
        )


def _new_file_mode(existing: Path) -> int:
    """The permissions the saved file gets: those of the file it replaces, or the usual ones for a new file."""
    try:
        info = os.stat(existing, follow_symlinks=False)
        if stat.S_ISREG(info.st_mode):
            return stat.S_IMODE(info.st_mode)
    except OSError:
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def save_text(path, text: str, force: bool = False, make_folders: bool = False) -> Path:
    """Save ``text`` (UTF-8) to ``path`` in one step: a temporary file in the same folder, then ``os.replace``.

    An existing file is kept unless ``force=True``, and even then it is never truncated: until the
    new file is complete, the old one is there whole. See the module notes for links and folders.

    >>> save_text("profile.html", "<p>Hi</p>")  # doctest: +SKIP
    PosixPath('profile.html')
    """
    path = check_target(path, force, make_folders)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise RhetoricLabError(
            f"The text to save has a character that cannot be written as UTF-8 (at position {err.start}). "
            "Nothing was saved."
        ) from None
    mode = _new_file_mode(path)
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".rhetoric-lab-", suffix=".tmp")
    except OSError as err:
        raise RhetoricLabError(os_error_message(err, path.parent, "save in")) from None
    try:
        with os.fdopen(fd, "wb") as out:
            _write_all(out, data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        check_target(path, force)  # again: something may have appeared there meanwhile
        os.replace(temporary, path)
    except BaseException as err:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(err, OSError):
            raise RhetoricLabError(os_error_message(err, path, "save")) from None
        raise
    _sync_folder(path.parent)
    return path


def _write_all(out, data: bytes) -> None:
    """Write ``data`` in pieces (a test stops a save between two pieces)."""
    for start in range(0, len(data), _CHUNK):
        out.write(data[start : start + _CHUNK])


def _sync_folder(folder: Path) -> None:
    """Ask the system to keep the folder's new entry on disk (where it can; Windows cannot)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


__all__ = ["MAX_BYTES", "as_path", "check_target", "describe", "os_error_message", "read_bytes", "save_text", "shown"]
