"""The first 100 bytes of the journal's file, read before SQLite opens it, and whether
they are a header SQLite itself could have written (SQLite's file format, "The
Database Header").

A header is believed when it says the journal is newer only if every field has a
value SQLite writes: a damaged header that keeps SQLite's magic can hold any number
where the schema version is (a junk header gave "schema 16843009"), and the person
must then be offered the backup, not told to update.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

MAGIC: Final = b"SQLite format 3\x00"
SIZE: Final = 100
#: Attune numbers its schemas 1, 2, 3, …, one per migration: a version past this is
#: damage, not a later Attune.
LAST_PLAUSIBLE_SCHEMA: Final = 9_999
#: The smallest usable part of a page SQLite accepts (page size less reserved bytes).
_MIN_USABLE: Final = 480


def _number(raw: bytes, offset: int, size: int = 4, *, signed: bool = False) -> int:
    return int.from_bytes(raw[offset : offset + size], "big", signed=signed)


@dataclass(frozen=True)
class Header:
    """A database header (the file's first `SIZE` bytes, starting with `MAGIC`)."""

    raw: bytes

    @property
    def user_version(self) -> int:
        """`PRAGMA user_version`, where Attune keeps its schema version (bytes 60–63)."""
        return _number(self.raw, 60, signed=True)

    @property
    def page_size(self) -> int:
        value = _number(self.raw, 16, 2)
        return 65_536 if value == 1 else value

    def problems(self) -> list[str]:
        """What SQLite would never have written here, in words for a log (empty when
        the header is sound)."""
        raw, found = self.raw, []
        size = self.page_size
        if size < 512 or size > 65_536 or size & (size - 1):
            found.append(f"page size {_number(raw, 16, 2)}")
        elif size - raw[20] < _MIN_USABLE:
            found.append(f"{raw[20]} reserved bytes a page")
        if raw[18] not in (1, 2) or raw[19] not in (1, 2):
            found.append(f"file format versions {raw[18]} and {raw[19]}")
        if raw[21:24] != bytes((64, 32, 32)):
            found.append(f"payload fractions {tuple(raw[21:24])}")
        # 0 in both while nothing has been stored yet (an empty database).
        if not 0 <= _number(raw, 44) <= 4:
            found.append(f"schema format {_number(raw, 44)}")
        if not 0 <= _number(raw, 56) <= 3:
            found.append(f"text encoding {_number(raw, 56)}")
        if any(raw[72:92]):
            found.append("bytes 72 to 91 not zero")
        # SQLite writes both on every change of the header's page.
        if _number(raw, 92) != _number(raw, 24):
            found.append("the change counter and version-valid-for differ")
        if not 0 <= self.user_version <= LAST_PLAUSIBLE_SCHEMA:
            found.append(f"schema version {self.user_version}")
        return found


def read_header(path: Path) -> Header | None:
    """The header of the database file at `path`, or None when there is no file or
    it does not start like an SQLite database (SQLite then says what it is)."""
    raw = b""
    with contextlib.suppress(FileNotFoundError), path.open("rb") as handle:
        raw = handle.read(SIZE)
    if len(raw) < SIZE or not raw.startswith(MAGIC):
        return None
    return Header(raw)
