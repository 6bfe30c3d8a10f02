"""The practice editor's draft: unsaved typing kept in a private file, so a crash or
power cut loses at most the last second of it. No Qt here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.files import read_regular
from desktop_app.storage.erase import editor_draft
from desktop_app.storage.paths import AppPaths, ensure_private_dir
from desktop_app.storage.private_files import write_private


@dataclass(frozen=True)
class Draft:
    text: str
    #: The file the text was opened from or saved to.
    path: Path | None = None
    #: For a copy of another's practice: the folder its clips and images are in.
    media_from: Path | None = None


class DraftFile:
    """One draft at a time, in Attune's data folder ("Delete all my data" takes it)."""

    def __init__(self, paths: AppPaths) -> None:
        self.folder = paths.data
        self.path = editor_draft(paths)

    def keep(self, draft: Draft) -> None:
        """Write `draft` in one step; raises OSError when it cannot."""
        payload = {
            "path": str(draft.path) if draft.path else None,
            "media_from": str(draft.media_from) if draft.media_from else None,
            "text": draft.text,
        }
        ensure_private_dir(self.folder)
        write_private(self.path, json.dumps(payload).encode("utf-8"))

    def drop(self) -> None:
        self.path.unlink(missing_ok=True)

    def load(self) -> Draft | None:
        """The draft kept, or None when there is none (or it cannot be read)."""
        try:
            payload = json.loads(read_regular(self.path).decode("utf-8"))
            text, path, media = payload["text"], payload["path"], payload.get("media_from")
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        if not isinstance(text, str):
            return None
        return Draft(
            text,
            Path(path) if isinstance(path, str) else None,
            Path(media) if isinstance(media, str) else None,
        )
