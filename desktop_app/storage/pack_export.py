"""Export practices and plans from the library, with the media they use, as one pack.

The files are copied as written (comments and all) into a staging folder laid out as
a pack, and `build_pack` then validates and writes it: one way to make a pack, so an
exported pack passes exactly the checks a hand-made one does.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Collection, Iterable, Iterator
from pathlib import Path

from desktop_app.core.library import Entry, Library
from desktop_app.core.model import Audio, PackManifest, Plan, Pos, Practice, Repeat, Step
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.storage.packs import MANIFEST, build_pack, scratch_folder


def export_pack(
    practices: Iterable[Entry],
    plans: Iterable[Entry],
    out: Path,
    *,
    title: str,
    author: str,
    pack_id: str | None = None,
    language: str | None = None,
    version: int = 1,
    built_in: Collection[str] = (),
    known: Collection[str] = (),
    display: Callable[[Path], str] = str,
) -> PackManifest:
    """Write the entries and their media to `out` as a pack. The id comes from the
    title unless given, the language from the first entry. Raises InvalidFile with
    every problem (a missing clip, two different files under one media name, a plan
    asking for a practice that is neither chosen nor in `built_in`, or any check that
    `build_pack` makes); nothing is written then. `known` are the ids of the library's
    practices: a plan's practice not among them is said to be nowhere, not unchosen.
    `display` names a file in the problems."""
    practices, plans = list(practices), list(plans)
    pack_id = pack_id or pack_id_for(title)
    language = language or next((e.item.language for e in [*practices, *plans]), "en")
    problems: list[Problem] = []
    chosen = {entry.id for entry in practices} | set(built_in)
    for entry in plans:
        plan = entry.item
        if isinstance(plan, Plan):
            problems.extend(
                Problem(display(entry.path), item.pos, _not_chosen(item.practice, known))
                for item in plan.items
                if item.practice not in chosen
            )
    with scratch_folder(".export") as staging:
        (staging / MANIFEST).write_text(
            _manifest(pack_id, title, author, language, version), encoding="utf-8"
        )
        media: dict[str, Path] = {}
        for entry in practices:
            _copy(entry.path, staging / "practices", problems)
            practice = entry.item
            if isinstance(practice, Practice):
                _collect_media(practice, media, problems)
        for entry in plans:
            _copy(entry.path, staging / "plans", problems)
        for name, source in sorted(media.items()):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        if problems:
            raise InvalidFile(problems)
        return build_pack(staging, out)


def _not_chosen(practice_id: str, known: Collection[str]) -> str:
    if known and practice_id not in known:
        return (
            f"asks for {practice_id}, a practice that is neither chosen nor in the library; "
            "remove the item from the plan, or add the practice to your practices"
        )
    return f"asks for {practice_id}, which is not chosen; choose it too"


def pack_id_for(title: str) -> str:
    """An id made from a title: lower case, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "pack"


def built_in_ids(library: Library) -> list[str]:
    """The practices every Attune has, which a plan in a pack may ask for unchosen."""
    return [i for i, entry in library.practices.items() if entry.source.kind == "built-in"]


def _manifest(pack_id: str, title: str, author: str, language: str, version: int) -> str:
    # JSON strings are valid YAML scalars: quoting this way keeps any title safe.
    return (
        "attune: pack/1\n"
        f"id: {json.dumps(pack_id)}\n"
        f"title: {json.dumps(title, ensure_ascii=False)}\n"
        f"author: {json.dumps(author, ensure_ascii=False)}\n"
        f"version: {version}\n"
        f"language: {json.dumps(language)}\n"
    )


def _copy(source: Path, folder: Path, problems: list[Problem]) -> None:
    folder.mkdir(exist_ok=True)
    target = folder / source.name
    if target.exists():
        problems.append(
            Problem(str(source), Pos(1, 1), f"another chosen file is also named {source.name}")
        )
        return
    shutil.copyfile(source, target)


def _collect_media(practice: Practice, media: dict[str, Path], problems: list[Problem]) -> None:
    """Add each clip and image the practice uses to `media` (its name in the pack →
    the file). Names outside media/ are left to the pack's own check to explain."""
    root = practice.media_root or (practice.source.parent if practice.source else None)
    where = str(practice.source or practice.id)
    for name in media_used(practice):
        if root is None:
            continue
        file = root / name
        if not file.is_file():
            problems.append(Problem(where, Pos(1, 1), f"{name} is not there to export"))
        elif name in media and media[name].read_bytes() != file.read_bytes():
            problems.append(
                Problem(where, Pos(1, 1), f"{name} differs from another chosen practice's {name}")
            )
        else:
            media[name] = file


def media_used(practice: Practice) -> list[str]:
    """The clips and images a practice uses (its background, each step's), in the
    pack's media/ folder, once each and in order."""
    names = [practice.background] if practice.background else []
    names += _step_media(practice.steps)
    return [name for name in dict.fromkeys(names) if name.startswith("media/")]


def _step_media(steps: Iterable[Step]) -> Iterator[str]:
    for step in steps:
        if step.image:
            yield step.image
        if isinstance(step, Audio):
            yield step.path
        if isinstance(step, Repeat):
            yield from _step_media(step.steps)
