"""The practice editor: live validation with places, the outline, jumping to a place,
templates, saving exactly what was written, the draft kept across a crash, preview and
rendering real sound."""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.app import open_library
from desktop_app.core.model import PRACTICE_KINDS, Practice
from desktop_app.storage.paths import default_paths
from desktop_app.ui import i18n
from desktop_app.ui.practice_editor import CHECK_DELAY_MS, PracticeEditor
from tests.helpers import MINIMAL_PRACTICE, practice_with
from tests.ui.test_main_window import interactive_without_names

COMMENTED = "# For Sam: read slowly.\n" + practice_with(
    "- say: Hello.  # the greeting\n- silence: flex\n", extra="lengths: [1m, 2m]\n"
)


def editor(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> PracticeEditor:
    # Closing with unsaved changes would ask; tests let them go.
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )
    shown = PracticeEditor(default_paths(), open_library())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def type_text(qtbot: QtBot, shown: PracticeEditor, text: str) -> None:
    shown.editor.setFocus()
    qtbot.keyClicks(shown.editor, text)


def test_a_mistake_is_underlined_listed_with_its_place_and_a_click_jumps_there(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = editor(qtbot, monkeypatch)
    shown.set_text(MINIMAL_PRACTICE.replace("steps:\n  - say: Hello.\n", "steps:\n"), None)
    shown.editor.go_to(7, 1)
    shown.editor.moveCursor(shown.editor.textCursor().MoveOperation.End)
    type_text(qtbot, shown, "  - silence: 4 minutes")
    # Checked once typing pauses, not on every key.
    assert shown.check_timer.isActive()
    qtbot.waitUntil(lambda: not shown.check_timer.isActive(), timeout=CHECK_DELAY_MS * 8)
    assert shown.problems.list.count() == 1
    item = shown.problems.list.item(0)
    assert item.text() == (
        '8:14: steps[1].silence: expected a duration like "4s" or "1m30s", or "flex", '
        'got "4 minutes"; did you mean "4m"?'
    )
    assert shown.problems.summary.text() == "One thing to fix before it can be played."
    assert not shown.preview_button.isEnabled()
    # The underline covers the word at the place, and hovering it names the problem.
    at = shown.editor.cursor_at(8, 14).position()
    assert [p.pos for p in shown.editor.problems_at(at + 1)] == [shown.check.problems[0].pos]
    assert shown.editor.problems_at(at - 3) == []
    shown.editor.go_to(1, 1)
    shown.problems.list.itemClicked.emit(item)
    assert shown.editor.position() == (8, 14)
    assert shown.editor.hasFocus()
    # Fixing it clears the list and brings the outline.
    qtbot.keyClick(shown.editor, Qt.Key.Key_End)
    for _ in "4 minutes":
        qtbot.keyClick(shown.editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(shown.editor, "4m")
    shown.check_now()
    assert shown.check.problems == ()
    assert shown.problems.summary.text() == "None. The practice is ready to preview."
    assert shown.preview_button.isEnabled()
    assert shown.outline.tree.topLevelItem(0).text(1) == "silence: quiet"


def test_the_outline_shows_each_step_at_each_length_and_jumps_to_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = editor(qtbot, monkeypatch)
    shown.set_text(COMMENTED, None)
    tree = shown.outline.tree
    header = [tree.headerItem().text(c) for c in range(tree.columnCount())]
    assert header == ["line", "step", "at 1m", "at 2m"]
    rows = [
        [tree.topLevelItem(r).text(c) for c in range(4)] for r in range(tree.topLevelItemCount())
    ]
    assert rows == [
        ["10", "say: Hello.", "0:00", "0:00"],
        ["11", "silence: quiet", "0:01", "0:01"],
        ["", "ends (timed total)", "1:00", "2:00"],
    ]
    tree.itemActivated.emit(tree.topLevelItem(1), 0)
    assert shown.editor.position() == (11, 1)
    # While the text has an error, the last outline stays, marked as such.
    shown.editor.setPlainText(COMMENTED.replace("lengths: [1m, 2m]", "lengths: [1m, two]"))
    shown.check_now()
    assert tree.topLevelItemCount() == 3
    assert shown.outline.note.text().startswith("As it was before the last change")


def test_every_template_opens_without_problems(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = editor(qtbot, monkeypatch)
    for kind in PRACTICE_KINDS:
        shown.new_from_template(kind)
        assert shown.check.errors == (), kind
        assert shown.check.practice is not None and shown.check.practice.kind == kind
        assert not shown.editor.document().isModified()  # closing it untouched loses nothing
        assert shown.path is None


def test_saving_writes_the_text_as_written_to_ones_practices_and_the_library_has_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = editor(qtbot, monkeypatch)
    shown.set_text(COMMENTED, None)
    saved: list[Path] = []
    shown.saved.connect(saved.append)
    assert shown.save()
    target = default_paths().practices / "tiny.yaml"
    assert saved == [target]
    assert target.read_text(encoding="utf-8") == COMMENTED  # comments and all
    assert shown.path == target and not shown.editor.document().isModified()
    assert shown.status.text() == f"Saved to {target}. It is in your Library."
    entry = open_library().practices["tiny"]
    assert entry.source.kind == "user"
    # Editing and saving again goes to the same file, the comments still there.
    shown.editor.moveCursor(shown.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(shown.editor, "# later")
    qtbot.keyClick(shown.editor, Qt.Key.Key_Return)
    assert shown.save()
    assert target.read_text(encoding="utf-8") == COMMENTED + "# later\n"


def test_a_file_with_problems_is_still_saved_and_says_so(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = editor(qtbot, monkeypatch)
    broken = COMMENTED.replace("kind: breathing", "kind: breathin")
    shown.set_text(broken, None)
    assert shown.save()
    target = default_paths().practices / "tiny.yaml"
    assert target.read_text(encoding="utf-8") == broken
    assert "once the problems are fixed" in shown.status.text()


def test_saving_a_new_practice_over_one_of_the_same_name_asks_first(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = editor(qtbot, monkeypatch)
    target = default_paths().practices / "tiny.yaml"
    target.parent.mkdir(parents=True)
    target.write_text("# someone else's\n" + MINIMAL_PRACTICE)
    shown.library = open_library()  # the window hands over each new scan
    shown.set_text(COMMENTED, None)
    asked: list[str] = []

    def cancel(*args: object, **_kw: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    assert not shown.save()
    assert asked == ["Your practices already have tiny.yaml. Replace it?"]
    assert target.read_text().startswith("# someone else's")
    # One's own other file with this id is noted at the id: this one would be left out.
    (clash,) = shown.check.problems
    assert (clash.pos.line, clash.severity) == (3, "warning")
    assert clash.message == (
        'your practice "Tiny" (tiny.yaml) has this id already, so this one would be left '
        "out of the Library; give it another id"
    )


def test_what_was_typed_comes_back_after_a_crash_and_goes_once_saved(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = editor(qtbot, monkeypatch)
    first.set_text(COMMENTED, None)
    first.editor.moveCursor(first.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(first.editor, "# unsaved thought")
    qtbot.keyClick(first.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: first.draft.path.exists(), timeout=5000)
    assert oct(first.draft.path.stat().st_mode & 0o777) == "0o600"
    # A second editor (as after a crash) opens with that text, marked unsaved.
    second = editor(qtbot, monkeypatch)
    assert second.text() == COMMENTED + "# unsaved thought\n"
    assert second.editor.document().isModified()
    assert second.status.text() == "What you were writing last time is back; it is not saved yet."
    assert second.save()
    assert not second.draft.path.exists()


def test_preview_hands_the_practice_to_the_player_only_when_it_is_valid(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = editor(qtbot, monkeypatch)
    asked: list[Practice] = []
    shown.preview_requested.connect(asked.append)
    shown.set_text(COMMENTED.replace("lengths: [1m, 2m]", "lengths: [1m, two]"), None)
    shown.preview()
    assert asked == []
    assert shown.status.text() == "Fix the problems first; then it can be previewed."
    shown.set_text(COMMENTED, None)
    shown.preview()
    assert [p.id for p in asked] == ["tiny"]
    assert asked[0].media_root == default_paths().practices


def test_render_audio_writes_real_speech_to_a_sound_file(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown = editor(qtbot, monkeypatch)
    shown.set_text(COMMENTED, None)
    out = tmp_path / "tiny.wav"
    assert not shown.render_to(tmp_path / "tiny.mp3", 60.0)
    assert shown.status.text() == 'It cannot be rendered as ".mp3"; use .wav, .flac or .ogg.'
    assert shown.render_to(out, 60.0)
    qtbot.waitUntil(lambda: shown.status.text().startswith("Rendered"), timeout=60_000)
    assert shown.status.text() == f"Rendered 1m of sound to {out}."
    info = soundfile.info(str(out))
    assert info.duration == pytest.approx(60.0, abs=1.0)
    samples, _rate = soundfile.read(str(out))
    assert abs(samples[: info.samplerate * 2]).max() > 0.01  # the greeting is heard


def test_enter_keeps_the_indent_and_tab_moves_on(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = editor(qtbot, monkeypatch)
    shown.set_text("steps:", None)
    shown.editor.moveCursor(shown.editor.textCursor().MoveOperation.End)
    shown.editor.setFocus()
    qtbot.keyClick(shown.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(shown.editor, "- say:")
    qtbot.keyClick(shown.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(shown.editor, "en: Hi")
    qtbot.keyClick(shown.editor, Qt.Key.Key_Return)
    assert shown.text() == "steps:\n  - say:\n      en: Hi\n      "
    assert "\t" not in shown.text()
    assert shown.editor.tabChangesFocus()


def test_every_control_has_a_name(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = editor(qtbot, monkeypatch)
    shown.set_text(COMMENTED.replace("kind: breathing", "kind: x"), None)
    root: QWidget = shown
    assert interactive_without_names(root) == []


def test_a_file_from_elsewhere_opens_as_a_copy_saved_among_ones_own_with_its_media(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    (usb / "media").mkdir(parents=True)
    (usb / "media" / "leaf.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    text = COMMENTED.replace("- say: Hello.", "- say: Hello.\n    image: media/leaf.png")
    original = usb / "for-sam.yaml"
    original.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))  # made on Windows
    shown = editor(qtbot, monkeypatch)
    assert shown.open_file(original)
    assert shown.path is None and shown.editor.document().isModified()
    assert shown.check.errors == ()  # the image is found beside the original
    assert shown.status.text().startswith("A copy of for-sam.yaml.")
    assert shown.save()
    mine = default_paths().practices
    assert (mine / "tiny.yaml").read_text(encoding="utf-8") == text
    assert (mine / "media" / "leaf.png").read_bytes() == (usb / "media" / "leaf.png").read_bytes()
    assert original.read_bytes() == text.replace("\n", "\r\n").encode("utf-8")  # untouched
    assert shown.check.errors == ()


def test_text_that_is_not_utf8_is_refused_kindly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    latin = tmp_path / "oud.yaml"
    latin.write_bytes(MINIMAL_PRACTICE.replace("Hello", "Café").encode("latin-1"))
    shown = editor(qtbot, monkeypatch)
    before = shown.text()
    assert not shown.open_file(latin)
    assert shown.text() == before
    assert shown.status.text() == (
        "oud.yaml is not UTF-8 text. Open it in a text editor, save it as UTF-8, "
        "and open it here again."
    )


def test_letting_changes_go_goes_back_to_the_saved_file(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = editor(qtbot, monkeypatch)
    shown.set_text(COMMENTED, None)
    assert shown.save()
    shown.editor.moveCursor(shown.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(shown.editor, "# second thoughts")
    shown.keep_draft()
    assert shown.let_go_of_changes()  # the fixture answers Discard
    assert shown.text() == COMMENTED
    assert not shown.editor.document().isModified()
    assert not shown.draft.path.exists()


def test_a_template_comes_in_the_persons_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = editor(qtbot, monkeypatch)
    monkeypatch.setattr(i18n, "_current", "nl")
    shown.new_from_template("breathing")
    assert shown.check.errors == ()
    assert shown.check.practice is not None and shown.check.practice.language == "nl"
    assert shown.check.practice.id == "mijn-ademhalingsoefening"


def test_delete_all_my_data_removes_the_editors_draft(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The draft holds what a therapist typed: "Delete all my data" takes it too."""
    from desktop_app.storage.erase import erase_all

    shown = editor(qtbot, monkeypatch)
    shown.set_text(COMMENTED, None)
    type_text(qtbot, shown, "# Quillfeather remembers")
    shown.keep_draft()
    assert b"Quillfeather" in shown.draft.path.read_bytes()
    assert erase_all(default_paths()) == []
    assert not shown.draft.path.exists()
