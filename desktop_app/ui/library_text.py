"""How the Library words a practice's text and its languages."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

from desktop_app.ui.i18n import LANGUAGE_NAMES
from desktop_app.ui.theme import SPACE

_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.DOTALL)
_EMPHASIS = re.compile(r"\*(?=\S)(.+?)(?<=\S)\*", re.DOTALL)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def rich_text(text: str) -> str:
    """The practice formats' text (paragraphs, *emphasis*, **strong**) as QLabel rich
    text. HTML is escaped first, so a practice can never inject markup."""
    import html  # here: its entity table (0.7 MiB) waits for the first practice shown

    paragraphs = [" ".join(part.split()) for part in _PARAGRAPH_BREAK.split(text)]
    blocks = []
    for paragraph in (p for p in paragraphs if p):
        escaped = html.escape(paragraph)
        escaped = _STRONG.sub(r"<b>\1</b>", escaped)
        escaped = _EMPHASIS.sub(r"<i>\1</i>", escaped)
        blocks.append(escaped)
    gap = SPACE["s"] + SPACE["xs"]
    return "".join(
        f'<p style="margin-top:0; margin-bottom:{0 if last else gap}px; line-height:135%">'
        f"{block}</p>"
        for last, block in ((i == len(blocks) - 1, b) for i, b in enumerate(blocks))
    )


def language_name(code: str) -> str:
    """`Nederlands` for `nl`: each language in its own words, so everyone finds theirs
    whatever language Attune is in; the code itself when Qt does not know it."""
    if code in LANGUAGE_NAMES:  # Qt would say "American English"
        return LANGUAGE_NAMES[code]
    locale = QLocale(code)
    if locale.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return code
    name = locale.nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code
