"""Both themes meet WCAG AA contrast wherever text is drawn on a colour."""

from __future__ import annotations

import pytest

from desktop_app.ui.theme import DARK, LIGHT, Palette, contrast_ratio, text_pairs


@pytest.mark.parametrize("palette", [LIGHT, DARK], ids=["light", "dark"])
def test_text_contrast_is_at_least_aa(palette: Palette) -> None:
    failing = [
        (what, round(contrast_ratio(fg, bg), 2))
        for what, fg, bg in text_pairs(palette)
        if contrast_ratio(fg, bg) < 4.5
    ]
    assert failing == []


def test_the_contrast_formula_matches_known_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
