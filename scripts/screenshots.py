"""Render each main screen to PNG, in light and dark, for the README and for looking.

    .venv/bin/python scripts/screenshots.py [OUT_FOLDER]     (default: docs/screenshots)

Screens: Library, Journal, Insights, the practice editor, the plan form, Before you
begin, Player mid-breath, Grounding, After. Uses the
built-in practices, a private ATTUNE_HOME and the offscreen platform, so it needs no
display and touches none of your own data. Speech is left out so it runs anywhere.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ATTUNE_HOME"] = tempfile.mkdtemp(prefix="attune-shots-")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop_app.app import open_library  # noqa: E402
from desktop_app.audio.session import prepare_session  # noqa: E402
from desktop_app.core.clock import ManualClock  # noqa: E402
from desktop_app.core.model import Practice  # noqa: E402
from desktop_app.storage.paths import default_paths  # noqa: E402
from desktop_app.storage.settings import SettingsStore  # noqa: E402
from desktop_app.ui import theme  # noqa: E402
from desktop_app.ui.after_view import AfterView  # noqa: E402
from desktop_app.ui.before_view import BeforeView  # noqa: E402
from desktop_app.ui.main_window import MainWindow  # noqa: E402
from desktop_app.ui.player_view import PlayerView  # noqa: E402
from desktop_app.ui.practice_editor import PracticeEditor, template_path  # noqa: E402
from desktop_app.ui.services import Services  # noqa: E402

SIZE = (1100, 740)


class Silent:
    notice: str | None = None

    def start(self, player: object) -> bool:
        return True

    def stop(self) -> None:
        pass


def save(widget: QWidget, path: Path) -> None:
    widget.resize(*SIZE)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def practice(library_id: str) -> Practice:
    found = open_library().practice(library_id)
    assert found is not None, library_id
    return found


def fill_journal() -> None:
    """A few weeks of gentle, made-up entries, so the Journal has something to show."""
    import datetime as dt

    from desktop_app.storage.journal import Journal, NewSession, StoredAnswer

    notes = [
        "My shoulders let go a little.",
        "Busy mind today, but the breath helped.",
        "Felt the floor under my feet.",
        "Tired. Glad I did it anyway.",
    ]
    start = dt.datetime.now().astimezone().replace(hour=8, minute=30) - dt.timedelta(days=20)
    with Journal.open(default_paths().journal) as journal:
        for day in range(0, 21, 2):
            began = start + dt.timedelta(days=day)
            before, after = 3 + day % 3, 6 + day % 4
            journal.add(
                NewSession(
                    practice_id="longer-out-breath",
                    practice_title="A longer out-breath",
                    practice_kind="breathing",
                    practice_version=1,
                    source="built-in",
                    language="en",
                    started_at=began,
                    ended_at=began + dt.timedelta(minutes=10),
                    length=600.0,
                    practised=600.0,
                    completed=day % 6 != 4,
                    stopped_at_step=None,
                    pauses=0,
                    grounding_pauses=0,
                    answers=(
                        StoredAnswer(
                            "settled",
                            "before",
                            "scale",
                            "How settled do you feel?",
                            before,
                            f"{before} of 10",
                        ),
                        StoredAnswer(
                            "settled",
                            "after",
                            "scale",
                            "How settled do you feel?",
                            after,
                            f"{after} of 10",
                        ),
                        StoredAnswer(
                            "noticed",
                            "after",
                            "text",
                            "What did you notice?",
                            notes[day % 4],
                            notes[day % 4],
                        ),
                    ),
                )
            )


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    fill_journal()
    for palette in (theme.LIGHT, theme.DARK):
        theme.apply(app, palette)
        name = palette.name
        paths = default_paths()
        services = Services(
            paths=paths,
            settings_store=SettingsStore(paths.settings),
            scan=open_library,
            sink=Silent(),
            clock=ManualClock(),
            device_rate=lambda: 16_000,
        )
        window = MainWindow(services)
        window.build_pages()
        window.show_screen("library")  # pages other than the first are built when shown
        window.library_view.select("longer-out-breath")
        save(window, out / f"library-{name}.png")
        window.show_screen("journal")
        save(window, out / f"journal-{name}.png")
        journal_page = window.pages["journal"]
        getattr(journal_page, "show_insights", lambda: None)()
        save(window, out / f"insights-{name}.png")

        editor = PracticeEditor(paths, window.state.library)
        template = template_path("guided-imagery").read_text(encoding="utf-8")
        editor.set_text(template, None)
        # One slip of the keyboard, so the underline and the problem list show.
        editor.editor.setPlainText(template.replace("silence: flex", "silence: flx", 1))
        editor.check_now()
        first = editor.check.problems[0].pos
        editor.editor.go_to(first.line, first.col)
        save(editor, out / f"editor-{name}.png")
        editor.editor.document().setModified(False)
        editor.drop_draft()
        editor.close()

        plan_form = window.authoring.make_plan()
        assert plan_form is not None
        plan_form.title_field.setText("Weeks 1–2: finding steadiness")
        plan_form.from_field.setText("Dr. A. de Vries")
        plan_form.message_field.setPlainText(
            "Try these at a quiet moment. It's fine to miss a day."
        )
        plan_form.add_item()
        plan_form.resize(760, 720)
        plan_form.show()
        for _ in range(5):
            QApplication.processEvents()
        plan_form.grab().save(str(out / f"plan-{name}.png"))
        print(out / f"plan-{name}.png")
        plan_form.close()
        window.close()

        breathing = practice("longer-out-breath")
        before = BeforeView(
            breathing, language="en", narration=True, rate=1.0, length=breathing.default_length
        )
        save(before, out / f"before-{name}.png")
        before.close()

        clock = ManualClock()
        player = PlayerView(
            breathing,
            prepare_session(breathing, rate=16_000),
            clock=clock,
            sink=Silent(),
            language="en",
        )
        player.start()
        player.run.engine.seek(
            next(s.start for s in player.run.sound.timeline.segments if s.kind == "breathe") + 2.0
        )
        player.tick()
        save(player, out / f"player-{name}.png")
        player.enter_grounding()
        save(player, out / f"grounding-{name}.png")
        player.end()
        player.close()

        after = AfterView(practice("focusing-check-in"), "en")
        save(after, out / f"after-{name}.png")
        after.close()

    lock_journal()
    for palette in (theme.LIGHT, theme.DARK):
        theme.apply(app, palette)
        window = MainWindow(services)
        window.build_pages()  # a locked journal: the unlock screen comes first
        save(window, out / f"unlock-{palette.name}.png")
        window.close()


def lock_journal() -> None:
    """The journal of `fill_journal`, locked (Attune's own Argon2id cost)."""
    from desktop_app.storage.journal_files import JournalFiles

    JournalFiles.of(default_paths()).turn_on("a quiet walk by the river")


if __name__ == "__main__":
    main()
