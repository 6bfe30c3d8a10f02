"""Every file of an unpacked pack (or a pack folder) loaded and checked, with every
problem: the manifest, practices/ and plans/ of the right kinds, ids unique, and each
plan's practices found in the pack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.library import find_files, load_file
from desktop_app.core.position import Pos
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.storage.packs.pack_format import MANIFEST

if TYPE_CHECKING:
    from desktop_app.core.model import PackManifest, Plan, Practice


@dataclass
class Checked:
    manifest: PackManifest | None
    practices: list[Practice]
    plans: list[Plan]
    problems: list[Problem]


def validate_tree(root: Path, display: Callable[[str], str], *, hide_root: bool = False) -> Checked:
    """Every file of a pack folder, with every problem; `display` names a file from
    its path relative to the pack. `hide_root` keeps a staging folder's own path out of
    the messages (it is gone once they are read)."""
    checked = _check_tree(root, display)
    if hide_root:
        where = str(root.resolve())
        checked.problems = [
            replace(p, message=p.message.replace(where, "the pack")) for p in checked.problems
        ]
    return checked


def _check_tree(root: Path, display: Callable[[str], str]) -> Checked:
    # Here, not at the top: the window's start settles packs (storage.recovery) through
    # this package, and needs no YAML reader nor practice model for it.
    from desktop_app.core.model import PackManifest, Plan, Practice
    from desktop_app.core.plan_loader import check_plan_against_library

    problems: list[Problem] = []
    manifest: PackManifest | None = None
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        problems.append(
            Problem(display(MANIFEST), Pos(1, 1), "missing: a pack needs a pack.yaml manifest")
        )
    else:
        loaded = _load(manifest_path, display(MANIFEST), root, problems)
        if loaded is not None and not isinstance(loaded, PackManifest):
            problems.append(
                Problem(display(MANIFEST), Pos(1, 1), 'expected "attune: pack/1" in pack.yaml')
            )
        elif isinstance(loaded, PackManifest):
            manifest = loaded
    practices: list[Practice] = []
    plans: list[Plan] = []
    for folder, kind in (("practices", Practice), ("plans", Plan)):
        for path in find_files(root / folder):
            name = display(path.relative_to(root).as_posix())
            item = _load(path, name, root, problems)
            if item is None:
                continue
            if not isinstance(item, kind):
                problems.append(
                    Problem(
                        name, Pos(1, 1), f"expected a {kind.__name__.lower()} file in {folder}/"
                    )
                )
            elif isinstance(item, Practice):
                practices.append(item)
            elif isinstance(item, Plan):
                plans.append(item)
    for items in (practices, plans):
        seen: dict[str, Practice | Plan] = {}
        for item in items:
            if item.id in seen:
                other = seen[item.id].source
                assert item.source is not None and other is not None
                problems.append(
                    Problem(
                        display(item.source.relative_to(root).as_posix()),
                        item.id_pos,
                        f'"{item.id}" is also used by '
                        f"{display(other.relative_to(root).as_posix())}; ids must be unique",
                        "id",
                    )
                )
            seen.setdefault(item.id, item)
    known = {p.id: p for p in practices}
    for plan in plans:
        assert plan.source is not None
        name = display(plan.source.relative_to(root).as_posix())
        problems.extend(p for p in check_plan_against_library(plan, known, name) if p.is_error)
    return Checked(manifest, practices, plans, problems)


def _load(
    path: Path, name: str, root: Path, problems: list[Problem]
) -> Practice | Plan | PackManifest | None:
    try:
        return load_file(path, display=name, media_root=root)
    except InvalidFile as error:
        problems.extend(error.problems)
        return None
