"""What crashed installs and removals left in packs/.attune-work, settled.

`recover` runs before packs are read or changed and settles the work folders (see
`work_folders`) once their process is gone: a swap begun (the old one aside, the pack
missing) is finished with the new one, which was complete and synced before the old
one moved, or else the old one is put back; everything else is removed, which leaves
the packs as they were before.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import time
from pathlib import Path

from desktop_app.storage.packs.pack_format import MANIFEST, PACK_ID
from desktop_app.storage.packs.work_folders import WORK_DIR, occupied
from desktop_app.storage.private_files import LEGACY_AGE, is_leftover, sync_folder

#: The work folders of Attunes before 0.2, which had no process id in their names.
_LEGACY_WORK = re.compile(r"^\.(staging|old|removed)-[a-z0-9_]{8}\Z")


def recover(packs_dir: Path) -> list[str]:
    """Settle what crashed installs and removals left in packs/.attune-work (of
    processes that are gone; another Attune's work in progress is left alone): an
    upgrade whose old version was moved aside is finished with the new one (complete,
    or it would not have moved), or, were the new one not there, the old one is put
    back; every other leftover is removed. Returns what was done, one line each.
    Never raises: what cannot be done now is done at a later start."""
    work = packs_dir / WORK_DIR
    done: list[str] = []
    try:
        entries = list(work.iterdir())
    except OSError:
        return done
    now = time.time()
    # A pack moved aside first: its swap is finished with the new one beside it.
    entries.sort(key=lambda e: not (e.name.endswith(".old") or e.name.startswith(".old-")))
    for entry in entries:
        legacy = _LEGACY_WORK.match(entry.name)
        if legacy:
            with contextlib.suppress(OSError):
                if now - entry.lstat().st_mtime <= LEGACY_AGE:
                    continue
        elif not is_leftover(entry):
            continue
        with contextlib.suppress(OSError):
            done.extend(_settle(entry, packs_dir, legacy=legacy is not None))
    with contextlib.suppress(OSError):
        work.rmdir()
    return done


def _settle(entry: Path, packs_dir: Path, *, legacy: bool) -> list[str]:
    """One leftover in the work folder: a pack moved aside is put back (or its swap
    finished) when its place is empty; then the leftover is removed."""
    done: list[str] = []
    moved: list[tuple[Path, str, Path | None]] = []  # (aside, pack id, its replacement)
    if legacy and entry.name.startswith(".old-") and entry.is_dir():
        moved = [(child, child.name, None) for child in entry.iterdir()]
    elif not legacy and entry.name.endswith(".old"):
        staging, _, rest = entry.name[1:].partition(".")
        moved = [(entry, rest.removesuffix(".old"), entry.with_name(f".{staging}"))]
    for aside, pack_id, new in moved:
        target = packs_dir / pack_id
        if not PACK_ID.match(pack_id) or occupied(target):
            continue
        if new is not None and (new / MANIFEST).is_file():
            new.rename(target)
            done.append(f"finished installing pack {pack_id}")
        else:
            aside.rename(target)
            done.append(f"put pack {pack_id} back as it was")
        sync_folder(packs_dir)
    if occupied(entry):
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        done.append(f"removed {entry.name}")
    return done
