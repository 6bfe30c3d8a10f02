"""Installing a pack, all or nothing.

The archive's entries are checked before anything is written; it is then unpacked
into a private staging folder, every file is validated, and only then does it take
its place, by renaming. On any failure the staging folder is removed and the
installed packs are unchanged.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.problems import InvalidFile
from desktop_app.storage.packs.entries import check_entries
from desktop_app.storage.packs.errors import PackRefused
from desktop_app.storage.packs.installed import installed_version
from desktop_app.storage.packs.leftovers import recover
from desktop_app.storage.packs.pack_format import MANIFEST
from desktop_app.storage.packs.pending_plans import (
    add_pending_plans,
    add_plans,
    mark_plans_pending,
)
from desktop_app.storage.packs.unpack import extract, open_archive
from desktop_app.storage.packs.validation import validate_tree
from desktop_app.storage.packs.work_folders import not_written, operation, swap
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.plans import PlanStore

if TYPE_CHECKING:
    from desktop_app.core.model import PackManifest

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportResult:
    manifest: PackManifest
    folder: Path
    practices: list[str]
    plans: list[str]
    replaced_version: int | None = None
    #: Why the pack's plans could not be added among the person's (None: they were, or
    #: none were asked for); the next start adds them.
    plans_not_added: str | None = None


def import_pack(
    path: Path,
    packs_dir: Path,
    *,
    confirm_replace: bool = False,
    plans: PlanStore | None = None,
) -> ImportResult:
    """Install a pack, all or nothing. Raises PackRefused (hostile, damaged, not newer,
    or the packs folder cannot be written) or InvalidFile (files with problems, named
    relative to the pack). With `plans`, the pack's plans are then added to the
    person's: a mark (`.attune-work/<id>.plans`) made before the pack takes its place
    and removed once they are in lets `add_pending_plans` finish that after a crash."""
    recover(packs_dir)
    if plans is not None:
        add_pending_plans(packs_dir, plans)
    plans_not_added: str | None = None
    created_packs = not packs_dir.exists()
    try:
        with open_archive(path) as archive:
            files = check_entries(archive)
            with not_written(packs_dir):
                ensure_private_dir(packs_dir)
            with operation(packs_dir) as staging:
                extract(archive, files, staging, durable=True)
                checked = validate_tree(staging, lambda rel: rel, hide_root=True)
                if checked.problems or checked.manifest is None:
                    raise InvalidFile(checked.problems)
                manifest = checked.manifest
                target = packs_dir / manifest.id
                replaced = installed_version(target)
                if replaced is not None and manifest.version <= replaced and not confirm_replace:
                    raise PackRefused(
                        f"pack {manifest.id} version {replaced} is already installed; "
                        f"this one is version {manifest.version}",
                        not_newer=True,
                    )
                mark: Path | None = None
                with not_written(packs_dir):
                    if plans is not None and checked.plans:
                        mark = mark_plans_pending(packs_dir, manifest.id, manifest.version)
                    swap(staging, target)
                if plans is not None and mark is not None:
                    plans_not_added = add_plans(target, plans, mark)
    finally:
        if created_packs:
            with contextlib.suppress(OSError):
                packs_dir.rmdir()  # only when empty: nothing was installed
    installed = replace(manifest, source=target / MANIFEST)
    logger.info(
        "Pack %s version %s installed%s: %d practices, %d plans%s",
        manifest.id,
        manifest.version,
        f" (replacing version {replaced})" if replaced is not None else "",
        len(checked.practices),
        len(checked.plans),
        "; its plans could not be added" if plans_not_added is not None else "",
    )
    return ImportResult(
        installed,
        target,
        sorted(p.id for p in checked.practices),
        sorted(p.id for p in checked.plans),
        replaced,
        plans_not_added,
    )
