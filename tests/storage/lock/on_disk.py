"""What a test finds on disk after the lock's files were left at any moment: the state
settled as Attune's next start would, then the journal and every copy opened with
what is there and compared with what they held before."""

from __future__ import annotations

from desktop_app.storage.lock.encrypted_db import open_encrypted
from desktop_app.storage.lock.state import LockedFiles, database_kind, lock_state, settle
from desktop_app.storage.lock.unlocking import unlock_with_passphrase
from desktop_app.storage.private_files import remove_leftovers
from tests.storage.lock.journals import contents, plain_contents


def check_whole(files: LockedFiles, passphrase: str, expected: dict[str, object]) -> str:
    """Settle, then open the journal and each copy as their state says; raises
    AssertionError when any is not whole with `expected`'s rows. Returns the state."""
    settle(files)
    for folder in {files.journal.parent, *(copy.parent for copy in files.copies)}:
        remove_leftovers(folder)
    state = lock_state(files)
    assert state in ("on", "off"), state
    key = unlock_with_passphrase(files.key_file, passphrase) if state == "on" else None
    if state == "on":
        assert database_kind(files.journal) == "encrypted"
    for database in (files.journal, *files.copies):
        kind = database_kind(database)
        if kind == "plain":
            found = plain_contents(database)
        else:
            assert kind == "encrypted" and key is not None, (database.name, kind, state)
            connection = open_encrypted(database, key, read_only=True)
            try:
                found = contents(connection)
            finally:
                connection.close()
        assert found == expected, database.name
    leftovers = [p.name for p in files.journal.parent.iterdir() if p.name.startswith(".attune")]
    assert leftovers == [], leftovers
    return state
