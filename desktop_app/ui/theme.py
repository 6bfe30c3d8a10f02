"""Colours, type and spacing: a calm, restrained look, in light and dark.

Every widget takes its colours from the active `Palette` (through the application
palette and the style sheet made here), never from literals of its own, so both
themes and the contrast test cover everything. Text colours meet WCAG AA (4.5:1)
against the backgrounds they are used on; `tests/ui/test_theme.py` checks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.storage.paths import builtin_dir

ThemeName = Literal["system", "light", "dark"]

#: Spacing steps (px at zoom 1.0): use these, not ad-hoc numbers.
SPACE: Final = {"xs": 4, "s": 8, "m": 16, "l": 24, "xl": 40}
RADIUS: Final = 10


@dataclass(frozen=True)
class Palette:
    name: str
    window: str  # the page behind everything
    surface: str  # cards, panes, fields
    text: str
    muted: str  # secondary text; still AA on window and surface
    accent: str  # buttons, focus, links
    on_accent: str  # text on accent
    accent_soft: str  # selected rows, gentle highlights
    border: str
    pacer: str  # the breathing circle
    pacer_soft: str  # its halo and the empty part of the bar
    warning: str  # problems in files; AA on window and surface


LIGHT: Final = Palette(
    name="light",
    window="#f5f3ee",
    surface="#fffdf9",
    text="#2b2a27",
    muted="#5c5852",
    accent="#2f6660",
    on_accent="#ffffff",
    accent_soft="#dce8e4",
    border="#dcd7cd",
    pacer="#6f9f98",
    pacer_soft="#e3eeeb",
    warning="#8a4b14",
)

DARK: Final = Palette(
    name="dark",
    window="#1b1d20",
    surface="#24272b",
    text="#e9e6e0",
    muted="#aaa59c",
    accent="#8fc4ba",
    on_accent="#112220",
    accent_soft="#2d3d3a",
    border="#383c42",
    pacer="#79ada4",
    pacer_soft="#2a3533",
    warning="#e0a868",
)


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def palette_for(theme: ThemeName) -> Palette:
    if theme == "system":
        return DARK if system_prefers_dark() else LIGHT
    return DARK if theme == "dark" else LIGHT


def apply(app: QApplication, palette: Palette, zoom: float = 1.0) -> None:
    """Make `palette` and `zoom` the look of the whole application."""
    app.setPalette(_qpalette(palette))
    # Scale from the system's own size, remembered on first use: the app font is ours
    # after this, and scaling it again would grow text at every change of theme.
    base = app.property("attuneBaseFontSize")
    if not isinstance(base, float):
        size = QGuiApplication.font().pointSizeF()
        base = size if size > 0 else 10.0
        app.setProperty("attuneBaseFontSize", base)
    font = QFont(app.font())
    font.setPointSizeF(max(8.0, base * zoom * 1.1))  # a little larger: easier to read
    app.setFont(font)
    app.setStyleSheet(style_sheet(palette, zoom))
    app.setProperty("attunePalette", palette.name)


def current() -> Palette:
    """The palette in use (for widgets that paint themselves, like the pacer)."""
    app = QApplication.instance()
    name = app.property("attunePalette") if app is not None else None
    return DARK if name == "dark" else LIGHT


def _qpalette(p: Palette) -> QPalette:
    q = QPalette()
    roles = {
        QPalette.ColorRole.Window: p.window,
        QPalette.ColorRole.WindowText: p.text,
        QPalette.ColorRole.Base: p.surface,
        QPalette.ColorRole.AlternateBase: p.window,
        QPalette.ColorRole.Text: p.text,
        QPalette.ColorRole.PlaceholderText: p.muted,
        QPalette.ColorRole.Button: p.surface,
        QPalette.ColorRole.ButtonText: p.text,
        QPalette.ColorRole.Highlight: p.accent,
        QPalette.ColorRole.HighlightedText: p.on_accent,
        QPalette.ColorRole.ToolTipBase: p.surface,
        QPalette.ColorRole.ToolTipText: p.text,
        QPalette.ColorRole.Link: p.accent,
        QPalette.ColorRole.Mid: p.border,
    }
    for role, colour in roles.items():
        q.setColor(role, QColor(colour))
    return q


def style_sheet(p: Palette, zoom: float = 1.0) -> str:
    """Generous spacing, soft corners, a visible focus ring; no decoration for its own sake."""

    def px(n: int) -> int:
        return round(n * zoom)

    groove = px(6)
    handle = max(groove + 8, px(18))
    handle_margin = (handle - groove) // 2
    handle_radius = (handle - 1) // 2  # Qt ignores a radius above half the size
    box = px(18)

    return f"""
    QWidget {{ color: {p.text}; }}
    QMainWindow, QDialog {{ background: {p.window}; }}
    QLabel[role="heading"] {{ font-size: {px(26)}px; font-weight: 600; }}
    QLabel[role="subheading"] {{ font-size: {px(17)}px; font-weight: 600; }}
    QLabel[role="muted"] {{ color: {p.muted}; }}
    QLabel[role="warning"] {{ color: {p.warning}; }}
    QFrame[role="card"] {{
        background: {p.surface}; border: 1px solid {p.border}; border-radius: {RADIUS}px;
    }}
    QPushButton {{
        background: {p.surface}; border: 1px solid {p.border}; border-radius: {RADIUS}px;
        padding: {px(8)}px {px(16)}px; min-height: {px(22)}px;
    }}
    QPushButton:hover {{ background: {p.accent_soft}; }}
    QPushButton:focus, QToolButton:focus, QLineEdit:focus, QComboBox:focus,
    QListView:focus, QTextEdit:focus, QPlainTextEdit:focus, QSlider:focus,
    QCheckBox:focus, QRadioButton:focus, QSpinBox:focus, QDateEdit:focus, QTimeEdit:focus {{
        border: 2px solid {p.accent};
    }}
    QPushButton[role="primary"] {{
        background: {p.accent}; color: {p.on_accent}; border: 1px solid {p.accent};
        font-weight: 600;
    }}
    QPushButton[role="primary"]:focus {{ border: 2px solid {p.text}; }}
    QPushButton:disabled {{ color: {p.muted}; }}
    QPushButton[role="primary"]:disabled {{
        background: {p.accent_soft}; color: {p.muted}; border: 1px solid {p.border};
    }}
    QPushButton[role="quiet"] {{ background: transparent; border: 1px solid transparent; }}
    QPushButton[role="quiet"]:hover {{ background: {p.accent_soft}; }}
    QPushButton[role="nav"] {{
        background: transparent; border: none; text-align: left;
        padding: {px(10)}px {px(16)}px; border-radius: {RADIUS}px;
    }}
    QPushButton[role="nav"]:checked {{ background: {p.accent_soft}; font-weight: 600; }}
    QPushButton[role="nav"]:focus {{ border: 2px solid {p.accent}; }}
    QLineEdit, QComboBox, QTextEdit, QPlainTextEdit, QSpinBox, QDoubleSpinBox, QDateEdit,
    QTimeEdit {{
        background: {p.surface}; border: 1px solid {p.border}; border-radius: {RADIUS - 4}px;
        padding: {px(6)}px {px(8)}px; selection-background-color: {p.accent};
        selection-color: {p.on_accent};
    }}
    QListView, QListWidget, QTreeView {{
        background: {p.surface}; border: 1px solid {p.border}; border-radius: {RADIUS}px;
        padding: {px(4)}px; outline: none;
    }}
    QListView::item, QListWidget::item {{ padding: {px(10)}px; border-radius: {RADIUS - 4}px; }}
    QListView::item:selected, QListWidget::item:selected {{
        background: {p.accent_soft}; color: {p.text};
    }}
    QSlider::groove:horizontal {{
        height: {groove}px; background: {p.pacer_soft}; border-radius: {groove // 2}px;
    }}
    QSlider::handle:horizontal {{
        width: {handle}px; height: {handle}px; margin: -{handle_margin}px 0;
        border-radius: {handle_radius}px; background: {p.accent};
    }}
    QCheckBox::indicator, QRadioButton::indicator {{
        width: {box}px; height: {box}px; border: 2px solid {p.muted};
        background: {p.surface};
    }}
    QCheckBox::indicator {{ border-radius: {px(4)}px; }}
    QRadioButton::indicator {{ border-radius: {(box + 4) // 2}px; }}
    QCheckBox::indicator:checked, QRadioButton::indicator:checked {{
        background: {p.accent}; border: 2px solid {p.accent};
    }}
    QCheckBox::indicator:checked {{ image: url("{_icon(f"check-{p.name}.svg")}"); }}
    QSlider:horizontal {{ min-height: {handle + 4}px; }}
    QComboBox::drop-down, QDateEdit::drop-down {{
        border: none; width: {px(24)}px; subcontrol-origin: padding;
        subcontrol-position: center right;
    }}
    QComboBox::down-arrow, QDateEdit::down-arrow {{
        image: url("{_icon(f"chevron-{p.name}.svg")}"); width: {px(12)}px; height: {px(8)}px;
        margin-right: {px(8)}px;
    }}
    /* Times are typed, or moved with the arrow keys: the style drew its tiny arrows broken. */
    QTimeEdit::up-button, QTimeEdit::down-button {{ width: 0px; border: none; }}
    QComboBox QAbstractItemView {{
        background: {p.surface}; border: 1px solid {p.border};
        selection-background-color: {p.accent_soft}; selection-color: {p.text};
    }}
    QProgressBar {{
        background: {p.pacer_soft}; border: none; border-radius: {px(4)}px; height: {px(8)}px;
        text-align: center; color: {p.text};
    }}
    QProgressBar::chunk {{ background: {p.pacer}; border-radius: {px(4)}px; }}
    QScrollArea {{ border: none; background: transparent; }}
    QToolTip {{ background: {p.surface}; color: {p.text}; border: 1px solid {p.border}; }}
    """


def _icon(name: str) -> str:
    """An icon file for the style sheet (forward slashes, as Qt wants on every system)."""
    return (builtin_dir("assets") / "icons" / name).as_posix()


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two colours."""

    def luminance(colour: str) -> float:
        c = QColor(colour)
        channels = []
        for value in (c.redF(), c.greenF(), c.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_pairs(p: Palette) -> list[tuple[str, str, str]]:
    """(what, foreground, background) for every place text is drawn on a colour."""
    pairs = []
    for background in ("window", "surface", "accent_soft"):
        for foreground in ("text", "muted", "warning"):
            pairs.append(
                (f"{foreground} on {background}", getattr(p, foreground), getattr(p, background))
            )
    pairs.append(("on_accent on accent", p.on_accent, p.accent))
    pairs.append(("accent on surface", p.accent, p.surface))
    pairs.append(("accent on window", p.accent, p.window))
    return pairs
