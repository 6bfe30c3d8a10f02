"""What a pack holds, and the limits an archive keeps or is refused.

A pack is `pack.yaml`, YAML files in practices/ and plans/, and media in media/. The
limits stop a hostile archive (thousands of entries, a zip bomb) before it fills the
disk; a pack that Attune builds keeps them too.
"""

from __future__ import annotations

import re

MAX_ENTRIES = 2_000
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
#: Below this size an entry cannot do harm whatever its ratio (a short YAML file of
#: repeated text may compress better than 100:1); above it the ratio is enforced.
RATIO_FLOOR_BYTES = 64 * 1024
MANIFEST = "pack.yaml"
FOLDERS = ("practices", "plans", "media")
YAML_SUFFIXES = (".yaml", ".yml")
MEDIA_SUFFIXES = (".wav", ".flac", ".ogg", ".png", ".jpg", ".jpeg", ".svg")
#: A pack id, the name of its folder in packs/.
PACK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}\Z")  # \Z: no line break after


def too_compressed(size: int, compressed_size: int) -> bool:
    """Whether an entry's ratio is one an importer refuses."""
    return size > RATIO_FLOOR_BYTES and size > MAX_RATIO * max(compressed_size, 1)
