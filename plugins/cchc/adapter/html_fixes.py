"""Small fixes to Material's HTML so every page passes the Nu Html Checker."""
from __future__ import annotations

import re

# Material puts autocomplete="off" on its two checkbox toggles; HTML allows it only on text-like inputs.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
# The table of contents' title is a <label for="__toc">, but the __toc toggle is only rendered for
# pages in the nav; articles are not in the nav, so the label would point at nothing.
_ORPHAN_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL)


def valid_html(output: str) -> str:
    output = _TOGGLE_AUTOCOMPLETE.sub(r"\1", output, count=2)
    if 'id="__toc"' not in output:
        output = _ORPHAN_TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', output, count=1)
    return output
