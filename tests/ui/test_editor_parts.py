"""The practice editor's parts without its window: the draft kept privately and read
back (a damaged one is ignored), the id that names a new file, and a copy's media
brought along without overwriting."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.authoring import Check
from desktop_app.storage.erase import erase_all
from desktop_app.storage.paths import default_paths
from desktop_app.ui.editor_check import UNTITLED, check_text, practice_id_of
from desktop_app.ui.editor_draft import Draft, DraftFile
from desktop_app.ui.editor_files import bring_media, read_text, write_text
from tests.helpers import MINIMAL_PRACTICE


def test_a_draft_comes_back_as_kept_and_is_private(umask: int) -> None:
    drafts = DraftFile(default_paths())
    assert drafts.load() is None
    kept = Draft("id: mine\n", Path("/somewhere/mine.yaml"), Path("/usb/media"))
    drafts.keep(kept)
    assert drafts.load() == kept
    assert oct(drafts.path.stat().st_mode & 0o777) == "0o600"
    drafts.keep(Draft("just typed"))
    assert drafts.load() == Draft("just typed")
    drafts.drop()
    assert drafts.load() is None
    drafts.drop()  # none left: nothing to do


@pytest.mark.parametrize("content", [b"{not json", b'{"path": null}', b'{"text": 3, "path": null}'])
def test_a_damaged_draft_is_ignored(content: bytes) -> None:
    drafts = DraftFile(default_paths())
    drafts.keep(Draft("x"))
    drafts.path.write_bytes(content)
    assert drafts.load() is None


def test_delete_all_my_data_takes_the_draft() -> None:
    drafts = DraftFile(default_paths())
    drafts.keep(Draft("private words"))
    assert erase_all(default_paths()) == []
    assert not drafts.path.exists()


def test_a_new_file_is_named_by_the_id_typed_so_far(tmp_path: Path) -> None:
    nothing = Check(None, ())
    assert practice_id_of("id: my-breath  # mine\n", nothing) == "my-breath"
    assert practice_id_of('id: "quoted"\n', nothing) == "quoted"
    assert practice_id_of("id: Not A Slug\n", nothing) == UNTITLED
    assert practice_id_of("title: no id yet\n", nothing) == UNTITLED
    checked = check_text(MINIMAL_PRACTICE, "x.yaml", tmp_path, None, None)
    assert practice_id_of("id: ignored\n", checked) == "tiny"


def test_the_text_is_written_as_it_is_and_read_back_with_plain_line_ends(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "tiny.yaml"
    write_text(target, "# mine\nid: tiny", practices=tmp_path / "practices")
    assert target.read_bytes() == b"# mine\nid: tiny\n"
    target.write_bytes(b"a\r\nb\r\n")
    assert read_text(target) == "a\nb\n"
    target.write_bytes("Café".encode("latin-1"))
    with pytest.raises(UnicodeDecodeError):
        read_text(target)


def test_a_copys_media_comes_along_and_nothing_is_overwritten(tmp_path: Path) -> None:
    text = MINIMAL_PRACTICE.replace(
        "- say: Hello.", "- say: Hello.\n    image: media/leaf.png\n  - say: Bye.\n    image: b.png"
    )
    source, mine = tmp_path / "usb", tmp_path / "practices"
    (source / "media").mkdir(parents=True)
    (source / "media" / "leaf.png").write_bytes(b"leaf")
    (source / "b.png").write_bytes(b"new")
    mine.mkdir()
    (mine / "b.png").write_bytes(b"already there")
    practice = check_text(text, "tiny.yaml", source, None, None).practice
    assert practice is not None
    assert bring_media(practice, source, mine, mine) == []
    assert (mine / "media" / "leaf.png").read_bytes() == b"leaf"
    assert (mine / "b.png").read_bytes() == b"already there"
    (mine / "media" / "leaf.png").unlink()
    (source / "media" / "leaf.png").unlink()
    assert bring_media(practice, source, mine, mine) == ["media/leaf.png"]
