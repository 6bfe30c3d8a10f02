"""What a person chose on the Before-you-begin screen, for the player to use."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.core.answers import Answer


@dataclass(frozen=True)
class SessionChoice:
    practice_id: str
    #: One of the practice's lengths, or None for a practice without lengths.
    length: float | None
    narration: bool
    #: Voice id for the display language; None for the automatic choice.
    voice: str | None
    #: The person's speaking pace, multiplying the practice's own (0.5–2.0).
    rate: float
    #: "none", a noise name, or None for the practice's own background.
    background: str | None
    #: 0.0–1.0
    background_volume: float
    language: str
    before: tuple[Answer, ...] = field(default=())
