"""Packs: build, preview, install all or nothing, and refuse hostile archives."""

from __future__ import annotations

import io
import stat
import struct
import wave
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.library import scan
from desktop_app.core.problems import InvalidFile
from desktop_app.storage.library_sources import library_sources
from desktop_app.storage.packs import (
    MAX_ENTRIES,
    PackRefused,
    build_pack,
    import_pack,
    inspect_pack,
    list_packs,
    remove_pack,
)
from desktop_app.storage.paths import AppPaths

PRACTICE = """\
attune: practice/1
id: {id}
title: Practice {id}
kind: breathing
language: en
summary: A practice from a pack.
steps:
  - say: Breathe.
  - audio: media/clip.wav
"""

PLAN = """\
attune: plan/1
id: first-weeks
title: First weeks
language: en
from: Dr. Test
items:
  - practice: pack-one
    when: daily
"""


def manifest(pack_id: str = "test-pack", version: int = 1, kind: str = "pack/1") -> str:
    return (
        f"attune: {kind}\nid: {pack_id}\ntitle: A test pack\nauthor: Dr. Test\n"
        f"version: {version}\nlanguage: en\n"
    )


def clip() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(bytes(range(256)) * 32)
    return buffer.getvalue()


def pack_folder(root: Path, pack_id: str = "test-pack", version: int = 1) -> Path:
    folder = root / f"src-{pack_id}-{version}"
    (folder / "practices").mkdir(parents=True)
    (folder / "plans").mkdir()
    (folder / "media").mkdir()
    (folder / "pack.yaml").write_text(manifest(pack_id, version))
    for practice_id in ("pack-one", "pack-two"):
        (folder / "practices" / f"{practice_id}.yaml").write_text(PRACTICE.format(id=practice_id))
    (folder / "plans" / "first-weeks.yaml").write_text(PLAN)
    (folder / "media" / "clip.wav").write_bytes(clip())
    (folder / "media" / ".DS_Store").write_bytes(b"hidden")
    return folder


def built(root: Path, pack_id: str = "test-pack", version: int = 1) -> Path:
    out = root / f"{pack_id}-{version}.attunepack"
    build_pack(pack_folder(root, pack_id, version), out)
    return out


def listing(folder: Path) -> list[tuple[str, int]]:
    """Every file and folder below `folder`, with sizes: compared before and after."""
    return sorted(
        (p.relative_to(folder).as_posix(), p.stat().st_size if p.is_file() else -1)
        for p in folder.rglob("*")
    )


def hostile(root: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    path = root / "hostile.attunepack"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


VALID = [("pack.yaml", manifest().encode())]


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    """A packs folder with one pack installed already."""
    folder = tmp_path / "data" / "packs"
    import_pack(built(tmp_path, "installed-pack"), folder)
    return folder


def refused(tmp_path: Path, packs: Path, archive: Path) -> str:
    """Import `archive`, expecting a refusal; check nothing was written anywhere."""
    before = listing(tmp_path)
    with pytest.raises(PackRefused) as caught:
        import_pack(archive, packs)
    assert listing(tmp_path) == before
    return caught.value.reason


def invalid(tmp_path: Path, packs: Path, archive: Path) -> list[str]:
    before = listing(tmp_path)
    with pytest.raises(InvalidFile) as caught:
        import_pack(archive, packs)
    assert listing(tmp_path) == before
    return [str(p) for p in caught.value.problems]


# ---------------------------------------------------------------- building


def test_build_is_deterministic_and_holds_only_pack_files(tmp_path: Path) -> None:
    folder = pack_folder(tmp_path)
    (folder / "notes.txt").write_text("not part of the pack")
    first, second = tmp_path / "a.attunepack", tmp_path / "b.attunepack"
    assert build_pack(folder, first).id == "test-pack"
    (folder / "pack.yaml").touch()  # a newer time changes nothing
    build_pack(folder, second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == [
        "media/clip.wav",
        "pack.yaml",
        "plans/first-weeks.yaml",
        "practices/pack-one.yaml",
        "practices/pack-two.yaml",
    ]
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


def test_build_reports_every_problem_and_writes_nothing(tmp_path: Path) -> None:
    folder = pack_folder(tmp_path)
    (folder / "practices" / "pack-two.yaml").write_text("attune: practice/1\nid: Bad Id\n")
    (folder / "media" / "clip.wav").unlink()
    out = tmp_path / "out.attunepack"
    with pytest.raises(InvalidFile) as caught:
        build_pack(folder, out)
    text = "\n".join(str(p) for p in caught.value.problems)
    assert "pack-one.yaml:9:12:" in text and "clip.wav" in text
    assert "pack-two.yaml:2:5:" in text
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_build_stores_media_that_would_compress_past_the_limit(tmp_path: Path) -> None:
    folder = pack_folder(tmp_path)
    (folder / "media" / "silence.wav").write_bytes(bytes(2_000_000))
    out = tmp_path / "out.attunepack"
    build_pack(folder, out)
    with zipfile.ZipFile(out) as archive:
        assert archive.getinfo("media/silence.wav").compress_type == zipfile.ZIP_STORED
    assert import_pack(out, tmp_path / "packs").manifest.id == "test-pack"


# ---------------------------------------------------------------- installing


def test_round_trip_puts_the_practices_in_the_library(tmp_path: Path) -> None:
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "cache")
    result = import_pack(built(tmp_path), paths.packs)
    assert result.practices == ["pack-one", "pack-two"] and result.plans == ["first-weeks"]
    assert result.replaced_version is None
    library = scan(library_sources(paths))
    assert library.failures == ()
    for practice_id in ("pack-one", "pack-two"):
        assert library.practices[practice_id].source.label == "pack test-pack"
    assert library.plans["first-weeks"].source.label == "pack test-pack"
    assert sorted(p.name for p in paths.packs.iterdir()) == ["test-pack"]
    assert [m.id for m in list_packs(paths.packs)] == ["test-pack"]
    remove_pack(paths.packs, "test-pack")
    assert list(paths.packs.iterdir()) == []
    with pytest.raises(PackRefused, match='no pack "test-pack" is installed'):
        remove_pack(paths.packs, "test-pack")


def test_inspect_previews_without_installing(tmp_path: Path) -> None:
    preview = inspect_pack(built(tmp_path))
    assert preview.manifest is not None and preview.manifest.version == 1
    assert sorted(p.id for p in preview.practices) == ["pack-one", "pack-two"]
    assert [p.id for p in preview.plans] == ["first-weeks"]
    assert preview.media == [("media/clip.wav", len(clip()))]
    assert preview.problems == []


def test_upgrade_rules(tmp_path: Path, packs: Path) -> None:
    import_pack(built(tmp_path, "test-pack", 2), packs)
    for version in (1, 2):
        reason = refused(tmp_path, packs, built(tmp_path / f"v{version}", "test-pack", version))
        assert reason == (
            f"pack test-pack version 2 is already installed; this one is version {version}"
        )
    result = import_pack(built(tmp_path, "test-pack", 3), packs)
    assert result.replaced_version == 2
    forced = import_pack(built(tmp_path / "again", "test-pack", 1), packs, confirm_replace=True)
    assert forced.replaced_version == 3
    assert {m.id: m.version for m in list_packs(packs)} == {"installed-pack": 1, "test-pack": 1}
    assert sorted(p.name for p in packs.iterdir()) == ["installed-pack", "test-pack"]


# ---------------------------------------------------------------- refusing


def test_invalid_yaml_in_a_practice_is_named_relative_to_the_pack(
    tmp_path: Path, packs: Path
) -> None:
    archive = hostile(
        tmp_path, [*VALID, ("practices/x.yaml", b"attune: practice/1\nid: [unclosed\n")]
    )
    problems = invalid(tmp_path, packs, archive)
    assert problems and all(p.startswith("practices/x.yaml:") for p in problems)
    line, col = problems[0].split(":")[1:3]
    assert line.isdigit() and col.isdigit()


def test_a_missing_manifest_is_refused(tmp_path: Path, packs: Path) -> None:
    archive = hostile(tmp_path, [("practices/p.yaml", PRACTICE.format(id="p").encode())])
    problems = invalid(tmp_path, packs, archive)
    assert "pack.yaml:1:1: missing: a pack needs a pack.yaml manifest" in problems


def test_a_newer_pack_format_is_refused(tmp_path: Path, packs: Path) -> None:
    archive = hostile(tmp_path, [("pack.yaml", manifest(kind="pack/2").encode())])
    problems = invalid(tmp_path, packs, archive)
    assert problems[0].startswith("pack.yaml:1:9:"), problems
    assert "pack/2" in problems[0] or "newer" in problems[0]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.yaml", 'entry "../evil.yaml" points outside the archive root'),
        ("practices/../../evil.yaml", "points outside the archive root"),
        ("/etc/evil.yaml", 'entry "/etc/evil.yaml" has an absolute path'),
        ("C:/evil.yaml", 'entry "C:/evil.yaml" has an absolute path'),
        ("practices\\evil.yaml", "has a backslash in its name"),
        ("evil.sh", 'entry "evil.sh" does not belong in a pack'),
        ("media/a:b.wav", "entry 'media/a:b.wav' has a character not allowed in file names"),
    ],
)
def test_entries_outside_the_root_are_refused(
    tmp_path: Path, packs: Path, name: str, reason: str
) -> None:
    archive = hostile(tmp_path, [*VALID, (zipfile.ZipInfo(name), b"attune: practice/1\n")])
    assert reason in refused(tmp_path, packs, archive)
    assert not (tmp_path / "evil.yaml").exists()


def test_a_symlink_entry_is_refused(tmp_path: Path, packs: Path) -> None:
    link = zipfile.ZipInfo("media/clip.wav")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    archive = hostile(tmp_path, [*VALID, (link, b"/etc/passwd")])
    assert refused(tmp_path, packs, archive) == (
        'entry "media/clip.wav" is a link; packs hold only plain files'
    )


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path: Path, packs: Path) -> None:
    archive = tmp_path / "bomb.attunepack"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        out.writestr("pack.yaml", manifest())
        with out.open("media/zeros.wav", "w", force_zip64=True) as entry:
            block = bytes(1024 * 1024)
            for _ in range(150):
                entry.write(block)
    assert archive.stat().st_size < 2_000_000
    reason = refused(tmp_path, packs, archive)
    assert reason.startswith('entry "media/zeros.wav" is compressed ')
    assert reason.endswith("; more than 100:1 is refused")


def test_more_than_200_mb_declared_is_refused(tmp_path: Path, packs: Path) -> None:
    archive = hostile(tmp_path, [*VALID, ("media/a.wav", b"x" * 1000)])
    data = bytearray(archive.read_bytes())
    # The second central entry (media/a.wav): claim 201 MB from 3 MB compressed.
    second = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)
    struct.pack_into("<I", data, second + 24, 201 * 1024 * 1024)
    struct.pack_into("<I", data, second + 20, 3 * 1024 * 1024)
    archive.write_bytes(bytes(data))
    assert "unpacks to more than 200 MB" in refused(tmp_path, packs, archive)


def test_lying_sizes_are_caught_while_unpacking(tmp_path: Path, packs: Path) -> None:
    body = bytes(i * 7 % 251 for i in range(200_000))
    archive = hostile(tmp_path, [*VALID, ("media/liar.wav", body)])
    data = bytearray(archive.read_bytes())
    second = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)
    struct.pack_into("<I", data, second + 24, 1000)  # declared 1,000 bytes; holds 200,000
    archive.write_bytes(bytes(data))
    reason = refused(tmp_path, packs, archive)
    assert reason == 'entry "media/liar.wav" holds more data than its declared size (1000 bytes)'


def test_more_than_2000_entries_are_refused(tmp_path: Path, packs: Path) -> None:
    entries = [(f"media/{n}.png", b"") for n in range(MAX_ENTRIES)]
    archive = hostile(tmp_path, [*VALID, *entries])
    assert refused(tmp_path, packs, archive) == (
        "the archive has 2001 entries; a pack may have 2000"
    )


def test_duplicate_names_are_refused(tmp_path: Path, packs: Path) -> None:
    with pytest.warns(UserWarning, match="Duplicate name"):
        archive = hostile(tmp_path, [*VALID, *VALID])
    assert refused(tmp_path, packs, archive) == 'entry "pack.yaml" appears twice in the archive'


def test_names_differing_only_by_case_are_refused(tmp_path: Path, packs: Path) -> None:
    archive = hostile(tmp_path, [*VALID, ("media/A.png", b""), ("media/a.png", b"")])
    assert refused(tmp_path, packs, archive) == (
        'entries "media/A.png" and "media/a.png" differ only by upper and lower case'
    )


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path, packs: Path) -> None:
    archive = tmp_path / "not.attunepack"
    archive.write_text("attune: pack/1\n")
    assert "not a pack (not a readable zip archive" in refused(tmp_path, packs, archive)


def test_a_wrong_checksum_is_refused(tmp_path: Path, packs: Path) -> None:
    archive = hostile(tmp_path, [*VALID, ("media/a.wav", b"RIFF" * 100)])
    data = bytearray(archive.read_bytes())
    second = data.index(b"PK\x01\x02", data.index(b"PK\x01\x02") + 4)
    struct.pack_into("<I", data, second + 16, 12345)
    archive.write_bytes(bytes(data))
    assert refused(tmp_path, packs, archive) == (
        'entry "media/a.wav" is damaged: its checksum does not match'
    )


def test_staging_is_a_private_hidden_folder_inside_packs(
    tmp_path: Path, packs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.storage.packs import install as module

    archive = built(tmp_path)
    seen: list[tuple[Path, int]] = []
    validate = module.validate_tree

    def spy(root: Path, display: object, **options: bool) -> object:
        seen.append((root, stat.S_IMODE(root.stat().st_mode)))
        return validate(root, display, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "validate_tree", spy)
    import_pack(archive, packs)
    [(root, mode)] = seen
    assert mode == 0o700
    assert root.parent.parent == packs and root.parent.name.startswith(".")
    assert not root.exists()
    assert sorted(p.name for p in packs.iterdir()) == ["installed-pack", "test-pack"]


def test_a_missing_media_file_is_named_inside_the_pack(tmp_path: Path, packs: Path) -> None:
    archive = hostile(tmp_path, [*VALID, ("practices/p.yaml", PRACTICE.format(id="p").encode())])
    [problem] = invalid(tmp_path, packs, archive)
    assert problem.startswith("practices/p.yaml:9:12: ")
    assert "(looked in the pack)" in problem and ".attune-work" not in problem


@pytest.mark.parametrize("pack_id", ["", ".", "..", ".attune-work", "installed-pack/.."])
def test_remove_refuses_anything_but_an_installed_id(packs: Path, pack_id: str) -> None:
    before = listing(packs.parent)
    with pytest.raises(PackRefused, match="is installed"):
        remove_pack(packs, pack_id)
    assert listing(packs.parent) == before
