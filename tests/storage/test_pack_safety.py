"""Packs: names that would be one file on macOS or Windows, a file and a folder of one
name, installed files private whatever the umask, and a packs folder that cannot be
written: each a plain refusal, with nothing lost."""

from __future__ import annotations

import errno
import os
import stat
import zipfile
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.storage.packs import PackRefused, import_pack, inspect_pack, list_packs
from desktop_app.storage.paths import default_paths
from tests.helpers import as_nobody
from tests.storage.test_packs import VALID, built, hostile, listing

CAFE_NFC = "media/caf\u00e9.png"
CAFE_NFD = "media/cafe\u0301.png"


def refusal(tmp_path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> str:
    packs = tmp_path / "data" / "packs"
    archive = hostile(tmp_path, [*VALID, *entries])
    before = listing(tmp_path)
    with pytest.raises(PackRefused) as caught:
        import_pack(archive, packs)
    assert listing(tmp_path) == before
    with pytest.raises(PackRefused) as previewed:
        inspect_pack(archive)
    assert previewed.value.reason == caught.value.reason
    return caught.value.reason


# ------------------------------------------------------------ names that collide


def test_names_differing_only_by_normalization_are_refused_naming_both(tmp_path: Path) -> None:
    reason = refusal(tmp_path, [(CAFE_NFC, b""), (CAFE_NFD, b"")])
    assert reason == (
        f'entries "{CAFE_NFC}" and "{CAFE_NFD}" differ only by Unicode normalization '
        "('media/caf\\xe9.png' and 'media/cafe\\u0301.png'); on macOS they would be one file"
    )


def test_names_differing_by_case_and_normalization_are_refused(tmp_path: Path) -> None:
    reason = refusal(tmp_path, [(CAFE_NFC, b""), ("media/CAFE\u0301.png", b"")])
    assert reason.startswith(
        f'entries "{CAFE_NFC}" and "media/CAFE\u0301.png" differ only by upper and lower '
        "case and Unicode normalization"
    )


def test_folders_differing_by_case_are_refused(tmp_path: Path) -> None:
    reason = refusal(tmp_path, [("media/Sea/a.png", b""), ("media/sea/b.png", b"")])
    assert reason == (
        'entries "media/Sea/a.png" and "media/sea/b.png" are in folders whose names differ '
        'only by upper and lower case ("media/Sea" and "media/sea")'
    )


@pytest.mark.parametrize(
    ("entries", "reason"),
    [
        (
            [("media/a.png", b""), ("media/a.png/b.png", b"")],
            'entry "media/a.png" is a file, and entry "media/a.png/b.png" needs a folder '
            "of that name",
        ),
        (
            [("media/A.png", b""), ("media/a.png/b.png", b"")],
            'entry "media/A.png" is a file, and entry "media/a.png/b.png" needs a folder '
            "of that name",
        ),
        (
            [("media/a.png/", b""), ("media/a.png", b"")],
            'entry "media/a.png" is both a file and a folder',
        ),
    ],
)
def test_a_file_and_a_folder_of_one_name_are_refused(
    tmp_path: Path, entries: list[tuple[str, bytes]], reason: str
) -> None:
    assert refusal(tmp_path, entries) == reason


def test_a_file_and_a_folder_of_one_name_in_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = hostile(tmp_path, [*VALID, ("media/a.png", b""), ("media/a.png/b.png", b"")])
    assert main(["pack", "import", str(archive)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        'attune: entry "media/a.png" is a file, and entry "media/a.png/b.png" needs a '
        "folder of that name\n"
    )


@pytest.mark.parametrize("character", ["\x7f", "\x85", "\x9b"])
def test_c1_control_characters_in_names_are_refused(tmp_path: Path, character: str) -> None:
    reason = refusal(tmp_path, [(f"media/a{character}.png", b"")])
    assert reason == (
        f"entry {f'media/a{character}.png'!r} has a character not allowed in file names"
    )


# ------------------------------------------------------------ private files


def test_installed_packs_are_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    packs = tmp_path / "data" / "packs"
    archive = built(tmp_path)
    import_pack(archive, packs)
    import_pack(archive, packs, confirm_replace=True)  # an upgrade too
    modes = {
        p.relative_to(packs).as_posix(): stat.S_IMODE(p.stat().st_mode)
        for p in [packs, *packs.rglob("*")]
    }
    assert len(modes) == 10
    for name, mode in modes.items():
        is_dir = (packs / name).is_dir()
        assert mode == (0o700 if is_dir else 0o600), (name, oct(mode))


def test_a_built_pack_is_private_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    out = built(tmp_path)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


# ------------------------------------------------------------ a packs folder not writable


def _import_into_read_only(folder: Path) -> dict[str, object]:
    archive = built(folder)
    data = folder / "data"
    data.mkdir()
    before = listing(folder)
    data.chmod(0o500)
    try:
        import_pack(archive, data / "packs")
    except PackRefused as refused:
        return {"reason": refused.reason, "unchanged": listing(folder) == before}
    finally:
        data.chmod(0o700)
    return {}


def test_a_read_only_data_folder_is_a_plain_refusal() -> None:
    results = as_nobody("attune-ro-packs-", _import_into_read_only)
    assert isinstance(results, dict) and results["unchanged"] is True
    reason = str(results["reason"])
    assert reason.startswith("the packs folder could not be written (/"), reason
    assert reason.endswith("/data/packs: Permission denied); the installed packs are as they were")


def test_a_read_only_file_system_is_a_plain_refusal_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packs = tmp_path / "data" / "packs"
    import_pack(built(tmp_path), packs)
    newer = built(tmp_path / "newer", "test-pack", 2)
    before = listing(tmp_path)

    def read_only(path: object, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(os, "mkdir", read_only)
    monkeypatch.setattr(os, "rename", read_only)
    with pytest.raises(PackRefused) as caught:
        import_pack(newer, packs)
    assert caught.value.reason == (
        f"the packs folder could not be written ({packs / '.attune-work'}: Read-only file "
        "system); the installed packs are as they were"
    )
    monkeypatch.undo()
    assert listing(tmp_path) == before
    assert [(m.id, m.version) for m in list_packs(packs)] == [("test-pack", 1)]


def test_pack_import_into_a_read_only_data_folder_prints_a_plain_message() -> None:
    def work(folder: Path) -> list[object]:
        import io
        from contextlib import redirect_stderr

        archive = built(folder)
        os.environ["ATTUNE_HOME"] = str(folder / "home")
        data = default_paths().data
        data.mkdir(parents=True)
        data.chmod(0o500)
        error = io.StringIO()
        with redirect_stderr(error):
            code = main(["pack", "import", str(archive)])
        return [code, error.getvalue(), sorted(p.name for p in data.iterdir())]

    code, err, left = as_nobody("attune-ro-data-", work)  # type: ignore[misc]
    assert code == 1
    assert err.startswith("attune: the packs folder could not be written (")
    assert "Traceback" not in err
    assert left == []


def test_the_cli_prints_a_refused_name_with_its_controls_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = hostile(tmp_path, [*VALID, ("media/\u202ea.png", b""), ("media/\u202eA.png", b"")])
    assert main(["pack", "import", str(archive)]) == 1
    _, err = capsys.readouterr()
    assert err == (
        'attune: entries "media/\\u202ea.png" and "media/\\u202eA.png" differ only by upper '
        "and lower case\n"
    )


def test_packs_installed_before_are_made_private_at_the_next_start(tmp_path: Path) -> None:
    from desktop_app.storage.recovery import recover

    paths = default_paths()
    import_pack(built(tmp_path), paths.packs)
    for path in paths.packs.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert recover(paths) == ["made 9 files and folders of installed packs private"]
    for path in paths.packs.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600)
    assert recover(paths) == []
