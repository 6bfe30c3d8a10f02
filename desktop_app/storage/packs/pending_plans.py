"""A pack's plans added among the person's, and finished after a crash.

Before a pack with plans takes its place, a mark (`.attune-work/<id>.plans`, naming the
version) is made; it is removed once the plans are in. A mark left behind means a
process stopped in between: `add_pending_plans` adds them then.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from desktop_app.core.problems import InvalidFile
from desktop_app.storage.packs.installed import installed_version
from desktop_app.storage.packs.pack_format import PACK_ID
from desktop_app.storage.packs.work_folders import WORK_DIR
from desktop_app.storage.plans import PlanStore
from desktop_app.storage.private_files import write_private

#: Beside the work folders: a pack installed whose plans are not yet among the person's.
_PLANS_MARK = ".plans"


def mark_plans_pending(packs_dir: Path, pack_id: str, version: int) -> Path:
    """Make the mark that the plans of this version of the pack are still to be added;
    returns it. It names the version: were this install not to finish, the old
    version's plans are not added."""
    mark = packs_dir / WORK_DIR / f"{pack_id}{_PLANS_MARK}"
    write_private(mark, str(version).encode())
    return mark


def add_pending_plans(packs_dir: Path, plans: PlanStore) -> list[str]:
    """Add the plans of packs installed by a process that stopped before it added them
    (their `.attune-work/<id>.plans` mark); returns the ids of those packs. Never
    raises: a mark stays until its plans are in."""
    done: list[str] = []
    with contextlib.suppress(OSError):
        for mark in sorted((packs_dir / WORK_DIR).glob(f"*{_PLANS_MARK}")):
            pack_id = mark.name.removesuffix(_PLANS_MARK)
            if not PACK_ID.match(pack_id):
                continue
            installed = installed_version(packs_dir / pack_id)
            if installed is not None and _marked_version(mark) in (None, installed):
                if add_plans(packs_dir / pack_id, plans, mark) is None:
                    done.append(pack_id)
            else:  # no pack, or not the version the mark was made for: that install failed
                mark.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            (packs_dir / WORK_DIR).rmdir()
    return done


def _marked_version(mark: Path) -> int | None:
    """The pack version a plans mark was made for (None for a mark with no version, as
    made before marks named one: then the installed pack is taken as the one)."""
    with contextlib.suppress(OSError, ValueError):
        text = mark.read_text(encoding="ascii").strip()
        return int(text) if text.isdigit() and len(text) < 20 else None
    return None


def add_plans(folder: Path, plans: PlanStore, mark: Path) -> str | None:
    """Add the pack's plans to the person's, then remove the mark; or why not."""
    try:
        for plan_file in sorted((folder / "plans").glob("*.y*ml")):
            plans.import_plan(plan_file)
    except InvalidFile as error:
        return "; ".join(str(p) for p in error.problems)
    except OSError as error:
        reason = error.strerror or str(error)
        return f"{error.filename}: {reason}" if error.filename else reason
    mark.unlink(missing_ok=True)
    return None
