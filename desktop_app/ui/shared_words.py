"""Words several screens show the same way: the kinds of practice, and lengths.

Translated with fixed contexts (not `self.tr`), so every screen finds the one
translation, whichever class asks.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from desktop_app.core.durations import format_duration


def kind_names() -> dict[str, str]:
    """Practice kinds as people read them, in the order the library lists them."""
    return {
        "breathing": QCoreApplication.translate("PracticeKinds", "Breathing"),
        "focusing": QCoreApplication.translate("PracticeKinds", "Focusing"),
        "self-compassion": QCoreApplication.translate("PracticeKinds", "Self-compassion"),
        "guided-imagery": QCoreApplication.translate("PracticeKinds", "Guided imagery"),
        "mindfulness": QCoreApplication.translate("PracticeKinds", "Mindfulness"),
        "body-awareness": QCoreApplication.translate("PracticeKinds", "Body awareness"),
        "grounding": QCoreApplication.translate("PracticeKinds", "Grounding"),
        "relational": QCoreApplication.translate("PracticeKinds", "Relational"),
        "other": QCoreApplication.translate("PracticeKinds", "Other"),
    }


def day_names() -> list[str]:
    """Monday to Sunday, short, as a week row or day boxes show them."""
    return [
        QCoreApplication.translate("Days", "Mon"),
        QCoreApplication.translate("Days", "Tue"),
        QCoreApplication.translate("Days", "Wed"),
        QCoreApplication.translate("Days", "Thu"),
        QCoreApplication.translate("Days", "Fri"),
        QCoreApplication.translate("Days", "Sat"),
        QCoreApplication.translate("Days", "Sun"),
    ]


def long_day_names() -> list[str]:
    """Monday to Sunday in full, as screen readers say them."""
    return [
        QCoreApplication.translate("Days", "Monday"),
        QCoreApplication.translate("Days", "Tuesday"),
        QCoreApplication.translate("Days", "Wednesday"),
        QCoreApplication.translate("Days", "Thursday"),
        QCoreApplication.translate("Days", "Friday"),
        QCoreApplication.translate("Days", "Saturday"),
        QCoreApplication.translate("Days", "Sunday"),
    ]


def lengths_text(lengths: tuple[float, ...]) -> str:
    """`5, 10, 15 min` when all are whole minutes (the unit said once), else each
    exactly (`1m30s, 3m`)."""
    if all(s >= 60 and abs(s / 60 - round(s / 60)) < 1e-6 for s in lengths):
        return QCoreApplication.translate("Lengths", "%1 min").replace(
            "%1", ", ".join(str(round(s / 60)) for s in lengths)
        )
    return ", ".join(format_duration(s) for s in lengths)


def rough_length(seconds: float) -> str:
    """An estimated length, for a practice without lengths: whole minutes, at least
    one (`7 min`)."""
    return length_text(max(1, math.floor(seconds / 60 + 0.5)) * 60.0)


def length_text(seconds: float) -> str:
    """`5 min` for whole minutes, else the exact duration (`1m30s`, `45s`)."""
    if seconds >= 60 and abs(seconds / 60 - round(seconds / 60)) < 1e-6:
        return QCoreApplication.translate("Lengths", "%1 min").replace(
            "%1", str(round(seconds / 60))
        )
    return format_duration(seconds)
