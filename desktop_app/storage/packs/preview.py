"""Looking inside a pack without installing anything: what it holds and what is wrong
with it, unpacked into a scratch folder that is removed afterwards."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.problems import Problem
from desktop_app.storage.packs.entries import check_entries
from desktop_app.storage.packs.scratch import scratch_folder
from desktop_app.storage.packs.unpack import extract, open_archive
from desktop_app.storage.packs.validation import validate_tree

if TYPE_CHECKING:
    from desktop_app.core.model import PackManifest, Plan, Practice


@dataclass(frozen=True)
class PackPreview:
    manifest: PackManifest | None
    practices: list[Practice] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    media: list[tuple[str, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def inspect_pack(path: Path) -> PackPreview:
    """What a pack holds and what is wrong with it, without installing anything.
    Raises PackRefused for an archive that would be refused outright."""
    with open_archive(path) as archive:
        files = check_entries(archive)
        with scratch_folder(".preview") as root:
            extract(archive, files, root)
            checked = validate_tree(root, lambda rel: rel, hide_root=True)
    media = [(i.filename, i.file_size) for i in files if i.filename.startswith("media/")]
    return PackPreview(
        checked.manifest, checked.practices, checked.plans, sorted(media), checked.problems
    )
