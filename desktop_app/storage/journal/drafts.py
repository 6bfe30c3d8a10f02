"""Drafts: what is being typed into an entry, kept in the journal until it is saved,
so that a crash loses none of it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from desktop_app.storage.journal.rows import to_stored

if TYPE_CHECKING:
    import sqlite3


def draft_text(payload: dict[str, object]) -> str:
    """A draft as kept; ValueError or TypeError when it is not JSON-serialisable."""
    return json.dumps(payload, ensure_ascii=False, allow_nan=False)


def save_draft(conn: sqlite3.Connection, key: str, text: str) -> None:
    """Keep the draft `text` (from `draft_text`) under `key`, replacing what was there."""
    conn.execute(
        "INSERT INTO drafts (key, payload_json, updated_at) VALUES (?, ?, ?) "
        "ON CONFLICT (key) DO UPDATE SET payload_json = excluded.payload_json, "
        "updated_at = excluded.updated_at",
        (key, text, to_stored(datetime.now(UTC))),
    )


def read_drafts(conn: sqlite3.Connection) -> dict[str, dict[str, object]]:
    """Every draft by key. A payload that cannot be read is left out."""
    rows = conn.execute("SELECT key, payload_json FROM drafts ORDER BY key").fetchall()
    result: dict[str, dict[str, object]] = {}
    for key, text in rows:
        try:
            payload = json.loads(text)
        except (ValueError, RecursionError):
            continue
        if isinstance(payload, dict):
            result[key] = payload
    return result


def clear_draft(conn: sqlite3.Connection, key: str) -> None:
    """Forget a draft (nothing happens for an unknown key)."""
    conn.execute("DELETE FROM drafts WHERE key = ?", (key,))
