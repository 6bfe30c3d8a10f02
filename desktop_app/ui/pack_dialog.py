"""Installing a pack from the window: the person sees what the pack holds, who made it
and what is wrong with it before anything is written, then installs (or replaces) it.
A refused archive is explained calmly and offers only Close."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.storage.packs import (
    ImportResult,
    PackPreview,
    PackRefused,
    import_pack,
    inspect_pack,
    list_packs,
)
from desktop_app.storage.plans import PlanStore
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label

logger = logging.getLogger(__name__)

PACK_SUFFIX = ".attunepack"


def is_pack_file(path: Path | str) -> bool:
    """Whether a dropped file is a pack, by its name."""
    return Path(path).suffix.lower() == PACK_SUFFIX


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class PackDialog(QDialog):
    def __init__(
        self,
        pack_file: Path,
        packs_dir: Path,
        plans_dir: Path,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pack_file = pack_file
        self.packs_dir = packs_dir
        self.plans_dir = plans_dir
        self.language = language
        self.result_: ImportResult | None = None
        self.preview: PackPreview | None = None
        self.refusal: str | None = None
        self.installed_version: int | None = None
        self.replaces = False
        self.problems: QLabel | None = None
        self.setWindowTitle(self.tr("Install a pack"))
        self.setAccessibleName(self.tr("Install a pack"))
        self.setAccessibleDescription(self.tr("What the pack holds, before it is installed"))

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        self._layout.setSpacing(SPACE["m"])
        self.status = self._label("", "muted", self.tr("Status"), self.tr("What happened"))
        self.install_button = QPushButton(self.tr("Install"))
        self.install_button.setProperty("role", "primary")
        self.install_button.setAccessibleName(self.tr("Install"))
        self.install_button.setAccessibleDescription(self.tr("Install the pack and add its plans"))
        self.install_button.clicked.connect(self.install)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAccessibleDescription(self.tr("Close without installing"))
        self.cancel_button.clicked.connect(self.reject)

        try:
            self.preview = inspect_pack(pack_file)
        except PackRefused as refused:
            self.refusal = refused.reason
        except Exception as error:  # any failure is shown, not raised
            logger.exception("Looking inside a pack failed")
            self.refusal = str(error) or type(error).__name__
        if self.preview is None:
            self._show_refusal()
        else:
            self._show_preview(self.preview)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.install_button)
        self._layout.addLayout(buttons)
        self.resize(640, 560)

    def _label(
        self, text: str, role: str | None, name: str | None = None, description: str = ""
    ) -> QLabel:
        label = make_label(text, role)
        label.setAccessibleName(name if name is not None else text)
        label.setAccessibleDescription(description or (name if name is not None else text))
        return label

    def _show_refusal(self) -> None:
        reason = self.refusal or self.tr("the file does not hold a pack manifest")
        self._layout.addWidget(self._label(self.tr("This pack cannot be installed"), "heading"))
        self.reason = self._label(
            self.tr("Nothing was changed. The reason: %1").replace("%1", reason),
            None,
            self.tr("Why the pack cannot be installed"),
            reason,
        )
        self._layout.addWidget(self.reason)
        self._layout.addStretch(1)
        self.install_button.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setAccessibleName(self.tr("Close"))
        self.cancel_button.setAccessibleDescription(self.tr("Close this window"))
        self.cancel_button.setProperty("role", "primary")
        self.cancel_button.setDefault(True)

    def _show_preview(self, preview: PackPreview) -> None:
        manifest = preview.manifest
        language = self.language
        if manifest is not None:
            title = manifest.title.get(language)
            self._layout.addWidget(self._label(title, "heading", description=self.tr("Pack title")))
            self._layout.addWidget(
                self._label(
                    self.tr("from %1").replace("%1", manifest.author),
                    "muted",
                    description=self.tr("Who made the pack"),
                )
            )
            version = self.tr("Version %1").replace("%1", str(manifest.version))
            installed = {m.id: m.version for m in list_packs(self.packs_dir)}
            self.installed_version = installed.get(manifest.id)
            if self.installed_version is not None:
                old = str(self.installed_version)
                if self.installed_version >= manifest.version:
                    self.replaces = True
                    version += " · " + self.tr(
                        "Version %1 is already installed. Replacing it puts this version "
                        "in its place."
                    ).replace("%1", old)
                else:
                    version += " · " + self.tr(
                        "installed: version %1; installing replaces it with this newer one."
                    ).replace("%1", old)
            self.version = self._label(version, None, description=self.tr("Version of the pack"))
            self._layout.addWidget(self.version)
            if manifest.description is not None:
                self._layout.addWidget(
                    self._label(
                        manifest.description.get(language),
                        None,
                        description=self.tr("What the pack is for"),
                    )
                )
        self.practices = self._list(
            self.tr("Practices"),
            [p.title.get(language) for p in preview.practices],
            self.tr("The practices in this pack"),
        )
        self.plans = self._list(
            self.tr("Plans"),
            [p.title.get(language) for p in preview.plans],
            self.tr("The plans in this pack; they are added to your plans"),
        )
        total = sum(size for _, size in preview.media)
        self.media = self._label(
            self.tr("Media: %1 files, %2")
            .replace("%1", str(len(preview.media)))
            .replace("%2", _size(total)),
            "muted",
            description=self.tr("Sound and picture files in the pack"),
        )
        self._layout.addWidget(self.media)
        if preview.problems:
            self._show_problems(preview.problems)
        elif self.replaces:
            self.install_button.setText(self.tr("Replace"))
        self.install_button.setAccessibleName(self.install_button.text())
        self.install_button.setAccessibleDescription(
            self.tr("Replace the installed version with this one")
            if self.replaces
            else self.tr("Install the pack and add its plans")
        )
        self.install_button.setDefault(not preview.problems)

    def _list(self, heading: str, items: list[str], description: str) -> QListWidget:
        self._layout.addWidget(self._label(heading, "subheading", description=description))
        widget = QListWidget()
        widget.addItems(items or [self.tr("(none)")])
        widget.setAccessibleName(heading)
        widget.setAccessibleDescription(description)
        self._layout.addWidget(widget, 1)
        return widget

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        text = "\n".join(str(p) for p in problems)
        if self.problems is None:
            self._layout.addWidget(
                self._label(
                    self.tr("This pack has problems, so it cannot be installed:"),
                    "warning",
                    description=self.tr("The pack's maker can correct these"),
                )
            )
            self.problems = self._label(
                text, "warning", self.tr("Problems"), self.tr("Each as file:line:column")
            )
            self._layout.addWidget(self.problems)
        else:
            self.problems.setText(text)
        self.install_button.hide()

    def install(self) -> None:
        """Install the pack (replacing only when the person chose Replace) with its plans,
        in one step that a crash cannot leave half done (storage/packs.import_pack). A
        refusal is shown and the dialog stays open."""
        try:
            result = import_pack(
                self.pack_file,
                self.packs_dir,
                confirm_replace=self.replaces,
                plans=PlanStore(self.plans_dir),
            )
        except PackRefused as refused:
            self.status.setText(self.tr("Not installed: %1").replace("%1", refused.reason))
            return
        except InvalidFile as error:
            self._show_problems(error.problems)
            self.status.setText(self.tr("Not installed."))
            return
        except OSError as error:
            self.status.setText(
                self.tr("Not installed: %1").replace("%1", error.strerror or str(error))
            )
            return
        self.result_ = result
        if result.plans_not_added is not None:
            self.status.setText(
                self.tr("The pack is installed, but its plans could not be added: %1").replace(
                    "%1", result.plans_not_added
                )
            )
            self.install_button.hide()
            self.cancel_button.setText(self.tr("Close"))
            self.cancel_button.setAccessibleName(self.tr("Close"))
            return
        self.accept()
