"""Texts in one or more languages, and the small Markdown subset practices may use."""

from __future__ import annotations

import re
from dataclasses import dataclass


def primary_subtag(language: str) -> str:
    """`pt-BR` -> `pt`; used to match a user's `nl-BE` with a text written in `nl`."""
    return language.split("-", 1)[0].lower()


@dataclass(frozen=True)
class Text:
    """A text in the file's language, optionally translated into others.

    `translations` keeps the order of the source file; `language` is the file's own.
    """

    translations: tuple[tuple[str, str], ...]
    language: str

    @classmethod
    def plain(cls, value: str, language: str) -> Text:
        return cls(((language, value),), language)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(code for code, _ in self.translations)

    def has(self, language: str) -> bool:
        return self._find(language) is not None

    def get(self, language: str | None = None) -> str:
        """The text in `language` when it is there (exactly or by primary subtag),
        else in the file's language."""
        return self.resolve(language)[1]

    def resolve(self, language: str | None = None) -> tuple[str, str]:
        """(language code, text) actually used for `language`, with the same fallback
        as `get`; speech needs to know which language it is speaking."""
        for wanted in (language, self.language):
            if wanted:
                found = self._find(wanted)
                if found is not None:
                    return found
        return self.translations[0]

    def _find(self, language: str) -> tuple[str, str] | None:
        wanted = language.lower()
        for pair in self.translations:
            if pair[0].lower() == wanted:
                return pair
        wanted_primary = primary_subtag(language)
        for pair in self.translations:
            if primary_subtag(pair[0]) == wanted_primary:
                return pair
        return None


_EMPHASIS = re.compile(r"(\*\*|\*)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)


def strip_markup(value: str) -> str:
    """Plain text for speech and word counts: emphasis markers removed,
    paragraphs joined by a blank line."""
    if "*" not in value and "\n" not in value:
        return " ".join(value.split())  # the common case, without regular expressions
    text = _EMPHASIS.sub(lambda match: match.group(2), value)
    paragraphs = [" ".join(part.split()) for part in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def word_count(value: str) -> int:
    # Emphasis markers cling to their words, so they never add or remove a word.
    return len(value.split())
