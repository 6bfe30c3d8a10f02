"""The window's notice says where a settings file read only in part was kept."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from desktop_app.storage.paths import default_paths
from tests.ui.test_main_window import make_window


def test_a_settings_file_read_in_part_is_kept_and_the_notice_says_so(qtbot: QtBot) -> None:
    settings = default_paths().settings
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_bytes(b'{"theme": "dark", "text_zoom": NaN, "theme": "light"}')
    window = make_window(qtbot)
    name = f"settings.json.damaged-{dt.date.today().isoformat()}"
    assert window.notice.isVisibleTo(window)
    assert window.notice.text() == (
        "Some of your settings could not be read, so Attune uses the default for: "
        f"theme, text size. The file as it was is kept as {name}."
    )
    assert settings.with_name(name).read_bytes() == settings.read_bytes()
    assert window.state.settings.theme == "system"
    window.close()  # saving the settings now keeps no second copy
    assert len(list(settings.parent.glob("settings.json.damaged-*"))) == 1
