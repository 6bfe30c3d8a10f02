"""What runs before Attune changes anything, at every start: each multi-step change a
crash interrupted is finished or rolled back, and every temporary file whose process is
gone is removed (docs/architecture.md, "After a crash").

`recover` is the one call (the window's start, `app.run_app`); the pack commands and
the library run `packs.recover` themselves, and every write through
`private_files.replacing` sweeps its folder the first time, so the command line needs
no call of its own.
"""

from __future__ import annotations

from desktop_app.storage import journal_leftovers, packs
from desktop_app.storage.paths import AppPaths
from desktop_app.storage.plans import PlanStore
from desktop_app.storage.private_files import remove_leftovers


def recover(paths: AppPaths) -> list[str]:
    """Settle what crashed processes left in Attune's folders; one line per thing done.
    Never raises: what cannot be done now (a read-only folder) is done at a later
    start."""
    done = packs.recover(paths.packs)
    # Before the data folder's leftovers go: a restore's whole copy may be finished.
    removed = journal_leftovers.recover(paths.journal_backups, paths.journal)
    if changed := packs.make_private(paths.packs):
        done.append(f"made {changed} files and folders of installed packs private")
    store = PlanStore(paths.plans)
    removed += store.recover()
    done += [f"added the plans of pack {i}" for i in packs.add_pending_plans(paths.packs, store)]
    # The person's own practices folder: only names that carry a process id, which no
    # one chooses by chance. Older Attunes' `.attune-xxxxxxxx` names only in folders that
    # Attune alone writes (`.attune-archived` in practices/ is somebody's own folder).
    removed += remove_leftovers(paths.practices)
    for folder in (
        paths.data,
        paths.plans,
        paths.packs,
        paths.config,
        paths.cache,
        paths.speech_cache,
        paths.sound_cache,
    ):
        removed += remove_leftovers(folder, legacy=True)
    removed += packs.recover_scratch()
    return done + [f"removed {path}" for path in removed]
