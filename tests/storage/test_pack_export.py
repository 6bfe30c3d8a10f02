"""Exporting chosen practices and plans from the library, with their media, as a pack."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop_app.core.library import Library, Source, scan
from desktop_app.core.problems import InvalidFile
from desktop_app.storage.pack_export import export_pack
from desktop_app.storage.packs import import_pack, inspect_pack
from tests.storage.test_packs import PLAN, PRACTICE, clip

COMMENTED = "# my own safe place, written with Dr. Test\n" + PRACTICE


def library(root: Path) -> Library:
    """A user folder: two practices using one clip, a plan, and a clip no one uses."""
    folder = root / "practices"
    (folder / "media").mkdir(parents=True)
    (folder / "pack-one.yaml").write_text(COMMENTED.format(id="pack-one"))
    (folder / "pack-two.yaml").write_text(PRACTICE.format(id="pack-two"))
    (folder / "plan.yaml").write_text(PLAN)
    (folder / "media" / "clip.wav").write_bytes(clip())
    (folder / "media" / "unused.wav").write_bytes(clip())
    found = scan([Source("user", folder, "your practices")])
    assert not found.failures
    return found


def export(found: Library, out: Path, practices: list[str], plans: list[str]) -> None:
    export_pack(
        [found.practices[i] for i in practices],
        [found.plans[i] for i in plans],
        out,
        pack_id="for-sam",
        title='Sam\'s "safe place" pack',
        author="Dr. Test",
        language="en",
    )


def test_export_holds_the_chosen_files_as_written_and_only_the_media_they_use(
    tmp_path: Path,
) -> None:
    found = library(tmp_path)
    out = tmp_path / "out" / "for-sam.attunepack"
    export(found, out, ["pack-one", "pack-two"], ["first-weeks"])

    with zipfile.ZipFile(out) as archive:
        assert sorted(archive.namelist()) == [
            "media/clip.wav",
            "pack.yaml",
            "plans/plan.yaml",
            "practices/pack-one.yaml",
            "practices/pack-two.yaml",
        ]
        # Comments survive: the file is the one the person wrote.
        assert archive.read("practices/pack-one.yaml").decode() == COMMENTED.format(id="pack-one")
    preview = inspect_pack(out)
    assert preview.manifest.title.get("en") == 'Sam\'s "safe place" pack'
    assert preview.manifest.author == "Dr. Test"

    installed = import_pack(out, tmp_path / "packs")
    assert sorted(installed.practices) == ["pack-one", "pack-two"]
    assert (installed.folder / "media" / "clip.wav").read_bytes() == clip()


def test_a_missing_clip_is_named_and_nothing_is_written(tmp_path: Path) -> None:
    found = library(tmp_path)
    (tmp_path / "practices" / "media" / "clip.wav").unlink()
    out = tmp_path / "for-sam.attunepack"
    with pytest.raises(InvalidFile) as caught:
        export(found, out, ["pack-one"], [])
    # The practice is read from its file again to be exported, and its clip is missing.
    (problem,) = caught.value.problems
    assert problem.message.startswith('media file not found: "media/clip.wav"')
    assert problem.file.endswith("pack-one.yaml")
    assert not out.exists()


def test_a_plan_needing_a_practice_left_out_is_refused(tmp_path: Path) -> None:
    found = library(tmp_path)
    out = tmp_path / "for-sam.attunepack"
    with pytest.raises(InvalidFile) as caught:
        export(found, out, ["pack-two"], ["first-weeks"])
    (problem,) = caught.value.problems
    assert problem.message == "asks for pack-one, which is not chosen; choose it too"
    assert (problem.file, problem.pos.line) == (str(tmp_path / "practices" / "plan.yaml"), 7)
    assert not out.exists()


def test_a_plan_needing_a_practice_that_is_nowhere_says_so(tmp_path: Path) -> None:
    found = library(tmp_path)
    out = tmp_path / "for-sam.attunepack"
    with pytest.raises(InvalidFile) as caught:
        export_pack(
            [found.practices["pack-two"]],
            [found.plans["first-weeks"]],
            out,
            title="A pack",
            author="Dr. Test",
            known=["pack-two"],  # the library has no pack-one
        )
    (problem,) = caught.value.problems
    assert problem.message == (
        "asks for pack-one, a practice that is neither chosen nor in the library; "
        "remove the item from the plan, or add the practice to your practices"
    )
    assert not out.exists()


def test_two_clips_under_one_name_are_refused(tmp_path: Path) -> None:
    found = library(tmp_path)
    other = tmp_path / "other"
    (other / "media").mkdir(parents=True)
    (other / "pack-three.yaml").write_text(PRACTICE.format(id="pack-three"))
    (other / "media" / "clip.wav").write_bytes(clip() + b"\0\0")
    third = scan([Source("user", other, "other")]).practices["pack-three"]
    with pytest.raises(InvalidFile) as caught:
        export_pack(
            [found.practices["pack-one"], third],
            [],
            tmp_path / "x.attunepack",
            pack_id="x",
            title="x",
            author="x",
            language="en",
        )
    assert [p.message for p in caught.value.problems] == [
        "media/clip.wav differs from another chosen practice's media/clip.wav"
    ]
