"""Imported plans, kept in <data>/plans.

Each plan is the file as imported, byte for byte, named `<plan-id>.yaml`, with a small
sidecar `<plan-id>.state.json`: {"imported_on": "YYYY-MM-DD", "archived": false}.
Files are written by `private_files.write_private` (0600, in place in one step); the folder is
readable by the user only (0700), the files too (0600).

An import changes two files, so it is written in three steps: `<plan-id>.pending.json`
(the new state and the SHA-256 of the new plan), then the plan, then its state; the
pending file is removed last. A pending file whose plan is the one on disk is the plan's
state (so a crash between the plan and its state reads as the import done), and
`recover` writes it as the state; one whose plan is not there (the crash came before)
is dropped, leaving the old plan and state. A state without its plan (a removal cut
short) is removed too.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from desktop_app.core.files import open_regular, read_limited
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import write_private

if TYPE_CHECKING:  # the plan reader loads when there is a plan to read, not at start-up
    from desktop_app.core.model import Plan

_PLAN_SUFFIX: Final = ".yaml"
_STATE_SUFFIX: Final = ".state.json"
_PENDING_SUFFIX: Final = ".pending.json"
_MAX_STATE_BYTES: Final = 4096


@dataclass(frozen=True)
class StoredPlan:
    plan: Plan
    imported_on: dt.date
    archived: bool
    #: The stored copy, <plans>/<plan-id>.yaml.
    path: Path


@dataclass(frozen=True)
class _State:
    imported_on: dt.date
    archived: bool


class PlanStore:
    def __init__(self, folder: Path, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.folder = folder
        self._today = today
        #: Stored plans that could not be read at the last `plans()`, one per file.
        self.problems: list[Problem] = []

    # --- changing ----------------------------------------------------------------------

    def import_plan(self, source: Path | bytes, *, display: str | None = None) -> Plan:
        """Validate a plan file (a path, or its bytes) and keep a copy. Raises
        InvalidFile when it has problems; nothing is stored then. A plan with the id of
        one already stored replaces it and keeps its import date (and is unarchived).
        Raises OSError when the copy cannot be written."""
        from desktop_app.core.plan_loader import read_plan

        if isinstance(source, bytes):
            file = display or "plan.yaml"
            data = source
        else:
            file = display or str(source)
            data = read_limited(source, file)
        plan = read_plan(data, file)
        ensure_private_dir(self.folder)
        self.recover()
        old = self._state(plan.id)
        imported_on = old.imported_on if old is not None else self._today()
        state = _State(imported_on, archived=False)
        path = self._plan_path(plan.id)
        pending = self.folder / f"{plan.id}{_PENDING_SUFFIX}"
        write_private(pending, _state_json(state, plan=_digest(data)))
        try:
            write_private(path, data)
        except BaseException:
            pending.unlink(missing_ok=True)
            raise
        # The plan is in place and `pending` holds its state: the import is done. A
        # state that cannot be written now is written by `recover` later.
        with contextlib.suppress(OSError):
            self._write_state(plan.id, state)
            pending.unlink()
        return read_plan(data, file, source=path)

    def recover(self) -> list[Path]:
        """Settle what a crashed import or removal left (see the module's text): a
        pending state is written or dropped, a state without its plan removed. Returns
        the files removed. Never raises."""
        removed: list[Path] = []
        with contextlib.suppress(OSError):
            for pending in sorted(self.folder.glob(f"*{_PENDING_SUFFIX}")):
                plan_id = pending.name.removesuffix(_PENDING_SUFFIX)
                with contextlib.suppress(OSError, KeyError):
                    state = self._pending_state(plan_id)
                    if state is not None:
                        self._write_state(plan_id, state)
                    pending.unlink()
                    removed.append(pending)
            for state_path in sorted(self.folder.glob(f"*{_STATE_SUFFIX}")):
                plan_id = state_path.name.removesuffix(_STATE_SUFFIX)
                plan_path = self.folder / f"{plan_id}{_PLAN_SUFFIX}"
                pending = self.folder / f"{plan_id}{_PENDING_SUFFIX}"
                if not plan_path.exists() and not pending.exists():
                    with contextlib.suppress(OSError):
                        state_path.unlink()
                        removed.append(state_path)
        return removed

    def archive(self, plan_id: str) -> None:
        """Keep the plan but leave it out of `plans()`. KeyError if there is none."""
        self._set_archived(plan_id, True)

    def unarchive(self, plan_id: str) -> None:
        self._set_archived(plan_id, False)

    def remove(self, plan_id: str) -> None:
        """Delete the plan and its state. KeyError if there is none."""
        path = self._existing(plan_id)
        path.unlink()
        self._state_path(plan_id).unlink(missing_ok=True)

    # --- reading -----------------------------------------------------------------------

    def plans(self, *, include_archived: bool = False) -> list[StoredPlan]:
        """The stored plans, by id. A stored file that no longer loads is left out and
        its problems put in `self.problems`."""
        self.problems = []
        if not self.folder.is_dir():
            return []
        from desktop_app.core.plan_loader import load_plan
        from desktop_app.core.reader import SLUG

        result: list[StoredPlan] = []
        for path in sorted(self.folder.glob(f"*{_PLAN_SUFFIX}")):
            plan_id = path.name.removesuffix(_PLAN_SUFFIX)
            if not SLUG.match(plan_id) or not path.is_file():
                continue
            try:
                plan = load_plan(path)
            except InvalidFile as error:
                self.problems.extend(error.problems)
                continue
            state = self._state(plan_id) or _State(_modified_on(path), archived=False)
            if state.archived and not include_archived:
                continue
            result.append(StoredPlan(plan, state.imported_on, state.archived, path))
        return result

    def get(self, plan_id: str) -> StoredPlan | None:
        """The stored plan with this id, archived or not; None if there is none or it
        no longer loads."""
        return next((p for p in self.plans(include_archived=True) if p.plan.id == plan_id), None)

    # --- files -------------------------------------------------------------------------

    def _plan_path(self, plan_id: str) -> Path:
        from desktop_app.core.reader import SLUG

        if not SLUG.match(plan_id):
            raise KeyError(f'"{plan_id}" is not a plan id')
        return self.folder / f"{plan_id}{_PLAN_SUFFIX}"

    def _state_path(self, plan_id: str) -> Path:
        return self.folder / f"{plan_id}{_STATE_SUFFIX}"

    def _existing(self, plan_id: str) -> Path:
        path = self._plan_path(plan_id)
        if not path.is_file():
            raise KeyError(f'no plan "{plan_id}"')
        return path

    def _set_archived(self, plan_id: str, archived: bool) -> None:
        path = self._existing(plan_id)
        self.recover()
        state = self._state(plan_id) or _State(_modified_on(path), archived)
        self._write_state(plan_id, _State(state.imported_on, archived))

    def _state(self, plan_id: str) -> _State | None:
        """The plan's state: a pending import's, when its plan is the one stored, else
        the sidecar's; None when it is missing or cannot be read."""
        pending = self._pending_state(plan_id)
        if pending is not None:
            return pending
        return _read_state(self._state_path(plan_id))

    def _pending_state(self, plan_id: str) -> _State | None:
        """The state a pending import wrote, if the plan it was for is stored."""
        pending = self.folder / f"{plan_id}{_PENDING_SUFFIX}"
        if not pending.exists():
            return None
        try:
            digest = _digest(read_limited(self._plan_path(plan_id), plan_id))
        except (OSError, KeyError, InvalidFile):
            return None
        return _read_state(pending, plan=digest)

    def _write_state(self, plan_id: str, state: _State) -> None:
        write_private(self._state_path(plan_id), _state_json(state))


def _read_state(path: Path, *, plan: str | None = None) -> _State | None:
    """A state file's state (for a pending one, only if it is for `plan`)."""
    try:
        with open_regular(path) as handle:
            raw = handle.read(_MAX_STATE_BYTES + 1)
        data: Any = json.loads(raw.decode("utf-8"))
        if plan is not None and data.get("plan") != plan:
            return None
        imported_on = dt.date.fromisoformat(data["imported_on"])
        archived = data.get("archived", False)
        if not isinstance(archived, bool):
            return None
        return _State(imported_on, archived)
    except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


def _state_json(state: _State, *, plan: str | None = None) -> bytes:
    data: dict[str, object] = {
        "imported_on": state.imported_on.isoformat(),
        "archived": state.archived,
    }
    if plan is not None:
        data["plan"] = plan
    return (json.dumps(data) + "\n").encode("utf-8")


def _digest(data: bytes) -> str:
    import hashlib  # only on import: hashlib's OpenSSL is 4 MiB that a start need not hold

    return hashlib.sha256(data).hexdigest()


def _modified_on(path: Path) -> dt.date:
    """For a plan without a readable sidecar: the day its file was last changed."""
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).date()
    except OSError:
        return dt.date.today()
