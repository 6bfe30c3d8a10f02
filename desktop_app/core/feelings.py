"""The app's own feeling words, for `feelings:` questions (formats.md), in English and Dutch.

A feelings answer stores the ids of the words a person chose (and any words they typed
themselves, as those words). The ids are kept in journals for years, so they never
change meaning and are never reused; a word may be re-worded, its id stays.
Words are grouped in families, shown in the order of `GROUPS`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from desktop_app.core.text import primary_subtag


@dataclass(frozen=True)
class FeelingGroup:
    id: str
    en: str
    nl: str

    def name(self, language: str) -> str:
        return self.nl if primary_subtag(language) == "nl" else self.en


@dataclass(frozen=True)
class Feeling:
    id: str
    group: str
    en: str
    nl: str

    def name(self, language: str) -> str:
        return self.nl if primary_subtag(language) == "nl" else self.en


GROUPS: Final[tuple[FeelingGroup, ...]] = (
    FeelingGroup("calm", "Calm", "Rustig"),
    FeelingGroup("glad", "Glad", "Blij"),
    FeelingGroup("sad", "Sad", "Verdrietig"),
    FeelingGroup("scared", "Scared", "Bang"),
    FeelingGroup("angry", "Angry", "Boos"),
    FeelingGroup("tender", "Tender", "Teder"),
)

FEELINGS: Final[tuple[Feeling, ...]] = (
    # calm
    Feeling("calm", "calm", "calm", "rustig"),
    Feeling("peaceful", "calm", "peaceful", "vredig"),
    Feeling("relaxed", "calm", "relaxed", "ontspannen"),
    Feeling("safe", "calm", "safe", "veilig"),
    Feeling("relieved", "calm", "relieved", "opgelucht"),
    Feeling("content", "calm", "content", "tevreden"),
    Feeling("grounded", "calm", "grounded", "geaard"),
    # glad
    Feeling("glad", "glad", "glad", "blij"),
    Feeling("happy", "glad", "happy", "gelukkig"),
    Feeling("cheerful", "glad", "cheerful", "vrolijk"),
    Feeling("grateful", "glad", "grateful", "dankbaar"),
    Feeling("hopeful", "glad", "hopeful", "hoopvol"),
    Feeling("proud", "glad", "proud", "trots"),
    Feeling("curious", "glad", "curious", "nieuwsgierig"),
    # sad
    Feeling("sad", "sad", "sad", "verdrietig"),
    Feeling("down", "sad", "down", "somber"),
    Feeling("lonely", "sad", "lonely", "eenzaam"),
    Feeling("disappointed", "sad", "disappointed", "teleurgesteld"),
    Feeling("hurt", "sad", "hurt", "gekwetst"),
    Feeling("empty", "sad", "empty", "leeg"),
    Feeling("ashamed", "sad", "ashamed", "beschaamd"),
    # scared
    Feeling("scared", "scared", "scared", "bang"),
    Feeling("anxious", "scared", "anxious", "angstig"),
    Feeling("worried", "scared", "worried", "bezorgd"),
    Feeling("tense", "scared", "tense", "gespannen"),
    Feeling("restless", "scared", "restless", "onrustig"),
    Feeling("unsure", "scared", "unsure", "onzeker"),
    Feeling("overwhelmed", "scared", "overwhelmed", "overweldigd"),
    # angry
    Feeling("angry", "angry", "angry", "boos"),
    Feeling("irritated", "angry", "irritated", "geïrriteerd"),
    Feeling("frustrated", "angry", "frustrated", "gefrustreerd"),
    Feeling("impatient", "angry", "impatient", "ongeduldig"),
    Feeling("jealous", "angry", "jealous", "jaloers"),
    Feeling("furious", "angry", "furious", "woedend"),
    # tender
    Feeling("moved", "tender", "moved", "ontroerd"),
    Feeling("touched", "tender", "touched", "geraakt"),
    Feeling("loving", "tender", "loving", "liefdevol"),
    Feeling("warm", "tender", "warm", "warm"),
    Feeling("connected", "tender", "connected", "verbonden"),
    Feeling("open", "tender", "open", "open"),
    Feeling("vulnerable", "tender", "vulnerable", "kwetsbaar"),
)

_BY_ID: Final = {f.id: f for f in FEELINGS}
_GROUPS_BY_ID: Final = {g.id: g for g in GROUPS}


def feeling(feeling_id: str) -> Feeling | None:
    """The feeling with this id, or None (a word a person typed is not an id)."""
    return _BY_ID.get(feeling_id)


def name(feeling_id: str, language: str) -> str:
    """The word for a stored value: Dutch when `language` is Dutch (`nl`, `nl-BE`),
    else English. A value that is not an id is a word someone typed: shown as it is."""
    found = _BY_ID.get(feeling_id)
    return found.name(language) if found else feeling_id


def group(group_id: str) -> FeelingGroup | None:
    return _GROUPS_BY_ID.get(group_id)


def in_group(group_id: str) -> tuple[Feeling, ...]:
    """The feelings of one group, in display order."""
    return tuple(f for f in FEELINGS if f.group == group_id)


def find(word: str, language: str) -> Feeling | None:
    """The feeling a typed word names, in `language` or by its id, ignoring case and
    surrounding space; None for any other word."""
    wanted = word.strip().casefold()
    for candidate in FEELINGS:
        if wanted in (candidate.id, candidate.name(language).casefold()):
            return candidate
    return None
