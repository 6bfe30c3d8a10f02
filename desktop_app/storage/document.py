"""A printable document as plain data: a title and a list of styled paragraphs.

The journal export and the adherence report say *what* goes on the page here, without
Qt; `ui/pdf.py` decides *how* it looks and lays it out on A4 pages. One model, one
renderer: every PDF Attune writes goes through both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: What a paragraph is, from which its look follows (size, weight, colour, spacing).
#: "title", "heading", "subheading" and "label" stay on a page with what follows them.
Style = Literal["title", "heading", "subheading", "body", "meta", "label"]


@dataclass(frozen=True)
class Span:
    """A run of text in one weight. Newlines in it are kept as line breaks."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph: spans in one style, optionally as a bulleted list item."""

    style: Style
    spans: tuple[Span, ...]
    bullet: bool = False

    @classmethod
    def of(cls, style: Style, text: str, *, bullet: bool = False) -> Block:
        return cls(style, (Span(text),), bullet=bullet)


@dataclass(frozen=True)
class Document:
    """`title` goes into the file's properties; `footer` (with the page numbers) at the
    foot of every page."""

    title: str
    blocks: tuple[Block, ...]
    footer: str = ""
