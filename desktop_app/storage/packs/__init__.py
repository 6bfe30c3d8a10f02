"""Packs (`.attunepack`): build one from a folder, look inside one, and install,
list and remove them under packs/<pack-id>/.

An archive comes from someone else, by e-mail or USB stick, so it is checked before
anything is written, unpacked with hard limits, validated, and only then put in place
by renaming; a crash at any point is settled at the next start. Each module has one
part of that job:

- `pack_format`: what a pack holds, and the limits an archive keeps (`MANIFEST`, ...).
- `errors`: `PackRefused`, why an archive is not installed.
- `entries`: every entry's name, kind, place and declared size, checked first.
- `unpack`: the archive opened and unpacked with a limit on every entry's bytes.
- `validation`: every file of an unpacked pack loaded and checked.
- `build`: `build_pack`, a pack folder written as a deterministic zip.
- `scratch`: private scratch folders for previews and exports (`scratch_folder`).
- `preview`: `inspect_pack`, what a pack holds without installing it.
- `work_folders`: the work folders of installs and removals, and the swap into place.
- `leftovers`: `recover`, what crashed installs and removals left, settled.
- `installed`: the packs installed: `list_packs`, `remove_pack`, `make_private`.
- `pending_plans`: a pack's plans added among the person's, even after a crash.
- `install`: `import_pack`, all or nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.storage.packs.build import FILE_MODE, FIXED_TIME, build_pack
    from desktop_app.storage.packs.errors import PackRefused
    from desktop_app.storage.packs.install import ImportResult, import_pack
    from desktop_app.storage.packs.installed import list_packs, make_private, remove_pack
    from desktop_app.storage.packs.leftovers import recover
    from desktop_app.storage.packs.pack_format import (
        FOLDERS,
        MANIFEST,
        MAX_ENTRIES,
        MAX_RATIO,
        MAX_TOTAL_BYTES,
        MEDIA_SUFFIXES,
        RATIO_FLOOR_BYTES,
        YAML_SUFFIXES,
    )
    from desktop_app.storage.packs.pending_plans import add_pending_plans
    from desktop_app.storage.packs.preview import PackPreview, inspect_pack
    from desktop_app.storage.packs.scratch import recover_scratch, scratch_folder
    from desktop_app.storage.packs.unpack import CHUNK
    from desktop_app.storage.packs.work_folders import WORK_DIR

# Each name is imported from its module when first used: the start settles packs
# (`recover`, `make_private`, ...) without loading the builder, the installer and the
# YAML checks they bring (13.6 ms of a warm start's landing).
_MODULE_OF = {
    "CHUNK": "unpack",
    "FILE_MODE": "build",
    "FIXED_TIME": "build",
    "FOLDERS": "pack_format",
    "ImportResult": "install",
    "MANIFEST": "pack_format",
    "MAX_ENTRIES": "pack_format",
    "MAX_RATIO": "pack_format",
    "MAX_TOTAL_BYTES": "pack_format",
    "MEDIA_SUFFIXES": "pack_format",
    "PackPreview": "preview",
    "PackRefused": "errors",
    "RATIO_FLOOR_BYTES": "pack_format",
    "WORK_DIR": "work_folders",
    "YAML_SUFFIXES": "pack_format",
    "add_pending_plans": "pending_plans",
    "build_pack": "build",
    "import_pack": "install",
    "inspect_pack": "preview",
    "list_packs": "installed",
    "make_private": "installed",
    "recover": "leftovers",
    "recover_scratch": "scratch",
    "remove_pack": "installed",
    "scratch_folder": "scratch",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "CHUNK",
    "FILE_MODE",
    "FIXED_TIME",
    "FOLDERS",
    "MANIFEST",
    "MAX_ENTRIES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "MEDIA_SUFFIXES",
    "RATIO_FLOOR_BYTES",
    "WORK_DIR",
    "YAML_SUFFIXES",
    "ImportResult",
    "PackPreview",
    "PackRefused",
    "add_pending_plans",
    "build_pack",
    "import_pack",
    "inspect_pack",
    "list_packs",
    "make_private",
    "recover",
    "recover_scratch",
    "remove_pack",
    "scratch_folder",
]
