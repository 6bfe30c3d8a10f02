"""What a list shows of a practice or a plan, kept apart from the model itself.

`attune list`, the Library page and its search and filters read only these, so a
library is listed and shown without decoding any practice; the load cache keeps them
(a small fraction of the YAML) instead of whole models. A practice is read in full
only when it is opened (`Entry.item`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.core.text import Text

if TYPE_CHECKING:
    from desktop_app.core.model import Plan, PlanItem, Practice
    from desktop_app.core.position import Pos


# Plain (not slotted) dataclasses: unpickling one from the load cache then runs no
# Python code, which halves reading the cache of a large library.
@dataclass(frozen=True)
class PracticeSummary:
    """A practice's title, kind, lengths and languages, and the words search looks in."""

    title: Text
    kind: str
    #: The file's language.
    language: str
    summary: Text
    tags: tuple[str, ...]
    lengths: tuple[float, ...]
    #: How long a practice without lengths takes (its fixed time), when that is known.
    fixed: float | None
    #: The languages it can be heard in: the file's first (`model.spoken_languages`).
    spoken: tuple[str, ...]
    #: Where the id was written, for messages about it.
    id_pos: Pos

    @property
    def default_length(self) -> float | None:
        return self.lengths[0] if self.lengths else None

    @property
    def durations(self) -> tuple[float, ...]:
        """Its lengths, or its fixed time when it has none (empty when unknown)."""
        if self.lengths:
            return self.lengths
        return (self.fixed,) if self.fixed else ()


@dataclass(frozen=True)
class PlanSummary:
    """A plan's title, and its items so that it can be checked against a library."""

    title: Text
    items: tuple[PlanItem, ...]
    id_pos: Pos


Summary = PracticeSummary | PlanSummary


def summarize(item: Practice | Plan) -> Summary:
    """The summary of a model that has just been loaded."""
    from desktop_app.core.model import Practice, spoken_languages

    if not isinstance(item, Practice):
        return PlanSummary(item.title, item.items, item.id_pos)
    return PracticeSummary(
        title=item.title,
        kind=item.kind,
        language=item.language,
        summary=item.summary,
        tags=item.tags,
        lengths=item.lengths,
        fixed=None if item.lengths else fixed_time(item),
        spoken=tuple(spoken_languages(item)),
        id_pos=item.id_pos,
    )


def fixed_time(practice: Practice) -> float | None:
    """How long a practice takes without stretching (speech estimated); None when that
    cannot be worked out or is nothing."""
    from desktop_app.core.timeline import time_budget

    try:
        fixed = time_budget(practice, language=practice.language).fixed
    except (ValueError, ArithmeticError):
        return None
    return fixed if fixed > 0 else None
