"""Drive Attune through what a person does with it, in one process tree, for the
no-network test (`test_no_network`) to run under strace.

    python -m tests.no_network.drive ATTUNE_HOME PHRASE

In this process: the main window (offscreen), one whole short practice with speech
(espeak-ng in the real speech worker), the answer PHRASE written after it and saved
to the journal. Then, as real `attune` subprocesses: exports (Markdown, CSV, JSON
and PDF), a pack built and imported, and a render of the pack's practice with
speech. The sound device is the edge: the app's own SoundOutput, which on a
machine without a sound card says so and the practice plays on; the clock is a
manual one, so the practice takes no real time.

It checks nothing of its own: the test reads what it left in ATTUNE_HOME and
`outputs/`, so a driver that did nothing cannot pass. It fails (exit 1) when a
step fails.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: The practice played in the window: spoken steps, and a question after.
PRACTICE = """\
attune: practice/1
id: spoken
title: Spoken practice
kind: breathing
language: en
summary: A short practice with speech.
steps:
  - say: Breathe in slowly.
  - silence: 2s
  - say: And breathe out.
reflection:
  after:
    - {id: noticed, text: What did you notice?}
"""

#: The pack's practice, rendered to a sound file after the pack is imported.
PACK_MANIFEST = """\
attune: pack/1
id: offline-pack
title: An offline pack
author: A test
version: 1
language: en
"""
PACK_PRACTICE = """\
attune: practice/1
id: pack-spoken
title: From a pack
kind: breathing
language: en
summary: A practice that came in a pack.
steps:
  - say: This came in a pack.
  - silence: 1s
"""

#: The files the exports write, by format, under `outputs/`.
EXPORTS = {"md": "journal.md", "csv": "journal.csv", "json": "journal.json", "pdf": "journal.pdf"}
PACK_FILE = "offline.attunepack"
RENDERED = "pack-spoken.wav"


def play_in_window(phrase: str) -> None:
    """The window, one practice from Before to After, and `phrase` saved as the answer."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from desktop_app.app import known_voices, open_library
    from desktop_app.audio.output import SoundOutput
    from desktop_app.core.clock import ManualClock
    from desktop_app.storage.paths import default_paths
    from desktop_app.storage.settings import SettingsStore
    from desktop_app.ui.after_view import AfterView
    from desktop_app.ui.before_view import BeforeView
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.player_view import PlayerView
    from desktop_app.ui.services import Services

    app = QApplication.instance() or QApplication(sys.argv[:1])
    paths = default_paths()
    output = SoundOutput()
    clock = ManualClock(100.0)
    window = MainWindow(
        Services(
            paths=paths,
            settings_store=SettingsStore(paths.settings),
            scan=open_library,
            sink=output,
            clock=clock,
            device_rate=output.device_rate,
            load_voices=known_voices,
        )
    )
    window.show()
    window.build_pages()
    window.open_practice_id("spoken")
    before = window.session.area.currentWidget()
    if not isinstance(before, BeforeView):
        raise SystemExit(f"drive: no Before screen for the practice ({before!r})")

    # Speech is made by the speech worker (another process) while Before is shown.
    loop = QEventLoop()
    window.session.preparer.ready.connect(loop.quit)
    window.session.preparer.failed.connect(loop.quit)
    QTimer.singleShot(60_000, loop.quit)
    loop.exec()
    if window.session.preparer.latest is None:
        raise SystemExit("drive: the practice's sound was not prepared")
    before.start_requested.emit(before.choice())
    player = window.session.area.currentWidget()
    if not isinstance(player, PlayerView):
        raise SystemExit(f"drive: the practice did not start ({player!r})")
    for _ in range(60):  # the whole practice, a second at a time
        if not isinstance(window.session.area.currentWidget(), PlayerView):
            break
        clock.advance(1.0)
        player.tick()
    after = window.session.area.currentWidget()
    if not isinstance(after, AfterView):
        raise SystemExit(f"drive: the practice did not reach its end ({after!r})")
    (field,) = after.findChildren(QPlainTextEdit)
    field.setPlainText(phrase)
    after.save()
    after.done_requested.emit()
    window.close()
    app.processEvents()


def attune(*args: str) -> None:
    """One `attune` command, as a person types it (the venv's script)."""
    program = Path(sys.executable).with_name("attune")
    done = subprocess.run([str(program), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"drive: attune {' '.join(args)} failed:\n{done.stderr}")


def write_pack_folder(folder: Path) -> Path:
    (folder / "practices").mkdir(parents=True)
    (folder / "pack.yaml").write_text(PACK_MANIFEST, encoding="utf-8")
    (folder / "practices" / "pack-spoken.yaml").write_text(PACK_PRACTICE, encoding="utf-8")
    return folder


def main(home: Path, phrase: str) -> None:
    os.environ["ATTUNE_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    practices = home / "data" / "practices"
    practices.mkdir(parents=True, exist_ok=True)
    (practices / "spoken.yaml").write_text(PRACTICE, encoding="utf-8")
    outputs = home / "outputs"
    outputs.mkdir(exist_ok=True)

    play_in_window(phrase)
    for file in EXPORTS.values():
        attune("export", "-o", str(outputs / file))
    folder = write_pack_folder(outputs / "pack-source")
    attune("pack", "build", str(folder), "-o", str(outputs / PACK_FILE))
    attune("pack", "import", str(outputs / PACK_FILE))
    attune("render", "pack-spoken", "-o", str(outputs / RENDERED))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
