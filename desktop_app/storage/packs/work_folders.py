"""The work folders of installs and removals, and the renames that put a pack in place.

Each install unpacks into a folder with a temporary name of this process
(`packs/.attune-work/.attune-tmp-<pid>-<hex>`, see `private_files`); an upgrade moves
the version it replaces aside beside it, as `<that name>.<id>.old`, and a removal moves
the pack to `<that name>.<id>.removed`. What a crash leaves of these, `leftovers`
settles.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from desktop_app.storage.packs.errors import PackRefused
from desktop_app.storage.private_files import live, sync_folder, temporary_name

#: Work folders inside packs/: hidden, so the library never reads them as a pack.
WORK_DIR = ".attune-work"


@contextlib.contextmanager
def not_written(packs_dir: Path) -> Iterator[None]:
    """An OSError while changing the packs folder as a plain refusal."""
    try:
        yield
    except OSError as error:
        where = error.filename or packs_dir
        reason = error.strerror or str(error)
        raise PackRefused(
            f"the packs folder could not be written ({where}: {reason}); "
            "the installed packs are as they were"
        ) from None


@contextlib.contextmanager
def operation(packs_dir: Path) -> Iterator[Path]:
    """A private (0700) folder with a temporary name of this process for one install
    or removal, in packs/.attune-work/. It and its `.removed` are removed afterwards,
    and its `.old` too unless that pack could not be put back (then `recover` does it
    at the next start)."""
    work = packs_dir / WORK_DIR
    with live(temporary_name()) as name, not_written(packs_dir):
        folder = work / name
        try:
            for attempt in range(100):  # another Attune may remove an empty work folder
                with contextlib.suppress(FileExistsError):
                    work.mkdir(mode=0o700)
                try:
                    folder.mkdir(mode=0o700)
                    break
                except FileNotFoundError:
                    if attempt == 99:
                        raise
            if os.name == "posix":
                folder.chmod(0o700)
            yield folder
        finally:
            with contextlib.suppress(OSError):
                for leftover in work.glob(f"{glob.escape(name)}*"):
                    pack_id = leftover.name.removeprefix(f"{name}.").removesuffix(".old")
                    if leftover.name.endswith(".old") and not occupied(packs_dir / pack_id):
                        continue
                    shutil.rmtree(leftover, ignore_errors=True)
            with contextlib.suppress(OSError):
                work.rmdir()


def swap(staging: Path, target: Path) -> None:
    """Put `staging` (complete and synced) in `target`'s place by renames: the old pack
    aside as `<staging>.<id>.old`, the new one in; the old one is then removed with the
    staging folder's other names. A failure in between puts the old one back; a crash
    in between is finished by `recover`."""
    aside: Path | None = None
    if occupied(target):
        aside = staging.with_name(f"{staging.name}.{target.name}.old")
        # A rename keeps the folder's time, which may be older than this process; fresh,
        # another Attune's `recover` cannot take the moved folder for a dead one's.
        os.utime(target)
        target.rename(aside)
        sync_folder(staging.parent)
    try:
        staging.rename(target)
    except BaseException:
        if aside is not None:
            aside.rename(target)
        raise
    sync_folder(target.parent)


def occupied(path: Path) -> bool:
    """Whether something has this name, a dangling link included."""
    return path.exists() or path.is_symlink()
