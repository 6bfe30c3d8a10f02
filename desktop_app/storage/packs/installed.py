"""The packs installed under packs/<pack-id>/: listed, their versions read, made
private, and removed."""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.library import load_file
from desktop_app.core.problems import InvalidFile
from desktop_app.storage.packs.errors import PackRefused
from desktop_app.storage.packs.leftovers import recover
from desktop_app.storage.packs.pack_format import MANIFEST, PACK_ID
from desktop_app.storage.packs.work_folders import not_written, operation
from desktop_app.storage.private_files import sync_folder

if TYPE_CHECKING:
    from desktop_app.core.model import PackManifest

logger = logging.getLogger(__name__)


def list_packs(packs_dir: Path) -> list[PackManifest]:
    """The installed packs whose manifest can be read, by id."""
    from desktop_app.core.model import PackManifest  # with the manifests it reads

    recover(packs_dir)
    if not packs_dir.is_dir():
        return []
    found: list[PackManifest] = []
    for folder in sorted(packs_dir.iterdir()):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        try:
            manifest = load_file(folder / MANIFEST, display=str(folder / MANIFEST))
        except InvalidFile:
            continue
        if isinstance(manifest, PackManifest):
            found.append(manifest)
    return found


def installed_version(folder: Path) -> int | None:
    """The version of the pack installed in `folder`; -1 when it is there but its
    manifest cannot be read (so any valid pack may replace it)."""
    from desktop_app.core.model import PackManifest  # with the manifest it reads

    if not folder.exists():
        return None
    try:
        manifest = load_file(folder / MANIFEST, display=str(folder / MANIFEST))
    except InvalidFile:
        return -1
    return manifest.version if isinstance(manifest, PackManifest) else -1


def remove_pack(packs_dir: Path, pack_id: str) -> None:
    """Uninstall a pack: renamed aside first, so the library never sees half of it
    (a crash after that rename leaves it for `recover` to remove)."""
    recover(packs_dir)
    target = packs_dir / pack_id
    if not PACK_ID.match(pack_id) or not target.is_dir():
        raise PackRefused(f'no pack "{pack_id}" is installed')
    with operation(packs_dir) as work, not_written(packs_dir):
        target.rename(work.with_name(f"{work.name}.{pack_id}.removed"))
        sync_folder(packs_dir)
    logger.info("Pack %s removed", pack_id)


def make_private(packs_dir: Path) -> int:
    """Take every access but the owner's from what is installed (packs installed by
    Attunes before 0.2 have 0644 files); returns how many modes were changed. Never
    raises."""
    changed = 0
    if os.name != "posix" or not packs_dir.is_dir():
        return changed
    for folder, subfolders, names in os.walk(packs_dir):
        for name, wanted in [(n, 0o700) for n in subfolders] + [(n, 0o600) for n in names]:
            path = Path(folder, name)
            with contextlib.suppress(OSError):
                mode = path.lstat().st_mode
                if not stat.S_ISLNK(mode) and stat.S_IMODE(mode) & 0o077:
                    path.chmod(stat.S_IMODE(mode) & wanted)
                    changed += 1
    return changed
