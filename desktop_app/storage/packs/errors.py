"""Why an archive is not installed."""

from __future__ import annotations


class PackRefused(Exception):
    """An archive that is not installed, and why: hostile, damaged or an older version."""

    def __init__(self, reason: str, *, not_newer: bool = False) -> None:
        self.reason = reason
        #: Refused only because this version is not newer than the one installed: the
        #: person may replace it all the same.
        self.not_newer = not_newer
        super().__init__(reason)
