"""Imported plans, kept in <data>/plans.

Each plan is the file as imported, byte for byte, named `<plan-id>.yaml`, with a small
sidecar `<plan-id>.state.json`: {"imported_on": "YYYY-MM-DD", "archived": false}.
Files are written by `private_files.write_private` (0600, in place in one step); the folder is
readable by the user only (0700), the files too (0600).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from desktop_app.core.files import open_regular, read_limited
from desktop_app.core.model import Plan
from desktop_app.core.plan_loader import load_plan, read_plan
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.core.reader import SLUG
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import write_private

_PLAN_SUFFIX: Final = ".yaml"
_STATE_SUFFIX: Final = ".state.json"
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
        if isinstance(source, bytes):
            file = display or "plan.yaml"
            data = source
        else:
            file = display or str(source)
            data = read_limited(source, file)
        plan = read_plan(data, file)
        ensure_private_dir(self.folder)
        old = self._state(plan.id)
        imported_on = old.imported_on if old is not None else self._today()
        self._write_state(plan.id, _State(imported_on, archived=False))
        path = self._plan_path(plan.id)
        try:
            write_private(path, data)
        except BaseException:
            if old is None:
                self._state_path(plan.id).unlink(missing_ok=True)
            raise
        return read_plan(data, file, source=path)

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
        state = self._state(plan_id) or _State(_modified_on(path), archived)
        self._write_state(plan_id, _State(state.imported_on, archived))

    def _state(self, plan_id: str) -> _State | None:
        """The sidecar's state; None when it is missing or cannot be read."""
        try:
            with open_regular(self._state_path(plan_id)) as handle:
                raw = handle.read(_MAX_STATE_BYTES + 1)
            data: Any = json.loads(raw.decode("utf-8"))
            imported_on = dt.date.fromisoformat(data["imported_on"])
            archived = data.get("archived", False)
            if not isinstance(archived, bool):
                return None
            return _State(imported_on, archived)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError):
            return None

    def _write_state(self, plan_id: str, state: _State) -> None:
        text = json.dumps(
            {"imported_on": state.imported_on.isoformat(), "archived": state.archived}
        )
        write_private(self._state_path(plan_id), (text + "\n").encode("utf-8"))


def _modified_on(path: Path) -> dt.date:
    """For a plan without a readable sidecar: the day its file was last changed."""
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).date()
    except OSError:
        return dt.date.today()
