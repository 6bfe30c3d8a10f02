"""Packs after a crash or a failed write at every step: install, upgrade and remove
leave the old packs or the new ones, and the next start leaves no leftovers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.storage.packs import (
    WORK_DIR,
    add_pending_plans,
    import_pack,
    list_packs,
    recover,
    remove_pack,
)
from desktop_app.storage.plans import PlanStore
from tests.crash import crash_at, crash_steps
from tests.storage.test_packs import built, listing


def installed(packs: Path) -> dict[str, int]:
    return {m.id: m.version for m in list_packs(packs)}


def leftovers(root: Path) -> list[str]:
    """Temporary names of Attune's anywhere below `root`."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.name.startswith((".attune-tmp-", WORK_DIR))
    )


@pytest.fixture
def archives(tmp_path: Path) -> dict[str, Path]:
    return {
        "other": built(tmp_path / "a", "other-pack", 1),
        "v1": built(tmp_path / "b", "test-pack", 1),
        "v2": built(tmp_path / "c", "test-pack", 2),
    }


def fresh(packs: Path, archives: dict[str, Path], *names: str) -> None:
    shutil.rmtree(packs, ignore_errors=True)
    for name in names:
        import_pack(archives[name], packs)


@pytest.mark.parametrize("kill", [True, False], ids=["killed", "failed"])
def test_an_upgrade_stopped_at_any_write_leaves_one_version_whole(
    tmp_path: Path, archives: dict[str, Path], kill: bool
) -> None:
    packs = tmp_path / "data" / "packs"
    fresh(packs, archives, "other", "v2")
    new_files = listing(packs / "test-pack")
    fresh(packs, archives, "other", "v1")
    old_files = listing(packs / "test-pack")
    steps = 0
    for step in crash_steps(
        lambda: import_pack(archives["v2"], packs),
        prepare=lambda: fresh(packs, archives, "other", "v1"),
        kill=kill,
    ):
        steps += 1
        if not kill and step.outcome == "failed":
            assert leftovers(tmp_path) == [], step  # a failed write cleans up at once
            assert "the installed packs are as they were" in str(step.error) or (
                "could not be unpacked" in str(step.error)
            ), step
        recover(packs)  # the next start
        versions = installed(packs)
        assert versions in ({"other-pack": 1, "test-pack": 1}, {"other-pack": 1, "test-pack": 2})
        files = listing(packs / "test-pack")
        assert files == (old_files if versions["test-pack"] == 1 else new_files), step
        assert leftovers(tmp_path) == [], step
    assert steps > 10  # every file unpacked and synced, then the swap


def test_a_crash_between_the_renames_of_an_upgrade_is_finished(
    tmp_path: Path, archives: dict[str, Path]
) -> None:
    """The case the issue found: killed after the old version moved aside."""
    packs = tmp_path / "data" / "packs"
    fresh(packs, archives, "v1")
    step = next(
        s
        for s in crash_steps(
            lambda: import_pack(archives["v2"], packs), prepare=lambda: fresh(packs, archives, "v1")
        )
        if s.call and s.call.startswith("os.rename") and ".old" not in s.call
    )
    # Again, stopping there: the old version is aside, the new one not yet in.
    fresh(packs, archives, "v1")
    assert crash_at(lambda: import_pack(archives["v2"], packs), step.number, kill=True).outcome == (
        "killed"
    )
    assert not (packs / "test-pack").exists()
    assert [p.name.endswith(".old") for p in (packs / WORK_DIR).iterdir()].count(True) == 1
    assert recover(packs)[0] == "finished installing pack test-pack"
    assert installed(packs) == {"test-pack": 2}
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("kill", [True, False], ids=["killed", "failed"])
def test_a_first_install_stopped_at_any_write_installs_all_or_nothing(
    tmp_path: Path, archives: dict[str, Path], kill: bool
) -> None:
    packs = tmp_path / "data" / "packs"
    for step in crash_steps(
        lambda: import_pack(archives["v1"], packs),
        prepare=lambda: fresh(packs, archives, "other"),
        kill=kill,
    ):
        recover(packs)
        assert installed(packs) in ({"other-pack": 1}, {"other-pack": 1, "test-pack": 1}), step
        assert leftovers(tmp_path) == [], step


@pytest.mark.parametrize("kill", [True, False], ids=["killed", "failed"])
def test_a_removal_stopped_at_any_write_removes_all_or_nothing(
    tmp_path: Path, archives: dict[str, Path], kill: bool
) -> None:
    packs = tmp_path / "data" / "packs"
    fresh(packs, archives, "other", "v1")
    whole = listing(packs / "test-pack")
    for step in crash_steps(
        lambda: remove_pack(packs, "test-pack"),
        prepare=lambda: fresh(packs, archives, "other", "v1"),
        kill=kill,
    ):
        recover(packs)
        versions = installed(packs)
        assert versions in ({"other-pack": 1}, {"other-pack": 1, "test-pack": 1}), step
        if "test-pack" in versions:
            assert listing(packs / "test-pack") == whole
        assert leftovers(tmp_path) == [], step


def test_killed_imports_leave_nothing_after_the_next_import(
    tmp_path: Path, archives: dict[str, Path]
) -> None:
    """The issue's 172 MB: staging folders of killed imports, left for ever."""
    packs = tmp_path / "data" / "packs"
    fresh(packs, archives, "other")
    for number in (5, 9, 13):
        assert crash_at(lambda: import_pack(archives["v1"], packs), number, kill=True).outcome == (
            "killed"
        )
        # Each import first removes what the one killed before it left.
        [left] = (packs / WORK_DIR).iterdir()
        assert left.name.startswith(".attune-tmp-")
    import_pack(archives["v1"], packs)
    assert sorted(p.name for p in packs.iterdir()) == ["other-pack", "test-pack"]


def test_another_running_attunes_work_is_left_alone(
    tmp_path: Path, archives: dict[str, Path]
) -> None:
    packs = tmp_path / "data" / "packs"
    fresh(packs, archives, "v1")
    # A folder named as a living process's (this one's parent: pytest's own launcher
    # or shell), made a moment ago: in use.
    busy = packs / WORK_DIR / f".attune-tmp-{os.getppid()}-0123abcd"
    busy.mkdir(parents=True)
    (busy / "pack.yaml").write_text("half")
    assert recover(packs) == []
    assert busy.is_dir()
    # This process's own folder, in use by a thread of its own, is left alone too.
    from desktop_app.storage.private_files import live

    with live(f".attune-tmp-{os.getpid()}-89abcdef") as name:
        (packs / WORK_DIR / name).mkdir()
        assert recover(packs) == []
        assert (packs / WORK_DIR / name).is_dir()
    assert recover(packs) == [f"removed {name}"]


def test_older_attunes_work_folders_are_settled_once_an_hour_old(
    tmp_path: Path, archives: dict[str, Path]
) -> None:
    packs = tmp_path / "data" / "packs"
    fresh(packs, archives, "v1")
    work = packs / WORK_DIR
    aside = work / ".old-abcd_123"
    aside.mkdir(parents=True)
    (packs / "test-pack").rename(aside / "test-pack")
    (work / ".staging-zz99zz99").mkdir()
    assert recover(packs) == []  # young: perhaps an older Attune at work
    old = time.time() - 2 * 3600
    for folder in work.iterdir():
        os.utime(folder, (old, old))
    assert sorted(recover(packs)) == [
        "put pack test-pack back as it was",
        "removed .old-abcd_123",
        "removed .staging-zz99zz99",
    ]
    assert installed(packs) == {"test-pack": 1}
    assert leftovers(tmp_path) == []


def test_the_library_settles_an_interrupted_upgrade_before_reading_packs(
    tmp_path: Path, archives: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """`attune list` after a crash between the renames: the pack is there (finished)."""
    from desktop_app.cli import main
    from desktop_app.storage.paths import default_paths

    packs = default_paths().packs
    fresh(packs, archives, "v1")
    number = next(
        s.number
        for s in crash_steps(
            lambda: import_pack(archives["v2"], packs), prepare=lambda: fresh(packs, archives, "v1")
        )
        if s.call and s.call.startswith("os.rename") and ".old" not in s.call
    )
    fresh(packs, archives, "v1")
    crash_at(lambda: import_pack(archives["v2"], packs), number, kill=True)
    assert not (packs / "test-pack").exists()
    assert main(["list"]) == 0
    out, _ = capsys.readouterr()
    assert "pack:test-pack" in out
    assert installed(packs) == {"test-pack": 2}
    assert leftovers(packs.parent) == []


@pytest.mark.parametrize("kill", [True, False], ids=["killed", "failed"])
def test_a_pack_and_its_plans_come_together_after_any_crash(
    archives: dict[str, Path], kill: bool
) -> None:
    """`attune pack import`: the pack is installed, then its plans added among the
    person's; a crash in between is finished at the next start."""
    from desktop_app.storage.paths import default_paths
    from desktop_app.storage.plans import PlanStore
    from desktop_app.storage.recovery import recover as recover_all

    paths = default_paths()

    def prepare() -> None:
        shutil.rmtree(paths.data, ignore_errors=True)

    def operation() -> None:
        result = import_pack(archives["v1"], paths.packs, plans=PlanStore(paths.plans))
        assert result.plans_not_added is None or not kill

    finished = 0
    for step in crash_steps(operation, prepare=prepare, kill=kill):
        recover_all(paths)
        pack = installed(paths.packs)
        plans = [p.plan.id for p in PlanStore(paths.plans).plans()]
        assert (pack, plans) in (({}, []), ({"test-pack": 1}, ["first-weeks"])), step
        finished += pack != {} and step.outcome != "done"
        assert leftovers(paths.data) == [], step
    assert finished > 0


def test_another_attune_does_not_take_a_live_upgrade_for_a_crashed_one(
    tmp_path: Path, archives: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the two renames of a running upgrade, a second Attune's look at the moved
    old version must see a live process's work, however old the pack's folder was."""
    packs = tmp_path / "data" / "packs"
    fresh(packs, archives, "v1")
    long_ago = time.time() - 30 * 86400
    os.utime(packs / "test-pack", (long_ago, long_ago))
    seen: list[str] = []
    rename = Path.rename

    def rename_and_look(self: Path, target: str | os.PathLike[str]) -> Path:
        moved = rename(self, target)
        if str(target).endswith(".old"):
            look = (
                "import sys; from pathlib import Path; "
                "from desktop_app.storage.private_files import is_leftover; "
                "print(is_leftover(Path(sys.argv[1])))"
            )
            done = subprocess.run(
                [sys.executable, "-c", look, str(target)], capture_output=True, text=True
            )
            seen.append(done.stdout.strip() or done.stderr)
        return moved

    monkeypatch.setattr(Path, "rename", rename_and_look)
    import_pack(archives["v2"], packs)
    assert seen == ["False"]
    assert installed(packs) == {"test-pack": 2}


def test_a_plans_mark_left_by_an_upgrade_that_never_happened_adds_nothing(
    tmp_path: Path, archives: dict[str, Path]
) -> None:
    """A mark names the version its plans are for: version 1 still installed after a
    version 2 install stopped, version 1's plans are not brought back."""
    packs = tmp_path / "data" / "packs"
    store = PlanStore(tmp_path / "data" / "plans")
    fresh(packs, archives, "v1")  # installed without adding its plans
    work = packs / WORK_DIR
    work.mkdir(exist_ok=True)
    (work / "test-pack.plans").write_text("2")
    assert add_pending_plans(packs, store) == []
    assert store.plans() == [] and not (work / "test-pack.plans").exists()
    # A mark for the version that is installed: its plans are added.
    work.mkdir(exist_ok=True)
    (work / "test-pack.plans").write_text("1")
    assert add_pending_plans(packs, store) == ["test-pack"]
    assert [p.plan.id for p in store.plans()] == ["first-weeks"]
