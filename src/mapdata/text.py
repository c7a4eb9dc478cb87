"""Text helpers shared by the core: folding names for matching, slugs for ids."""
from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case, without diacritics and punctuation: 'Zürich' -> 'zurich', 'Frankfurt (Oder)' -> 'frankfurt oder'."""
    text = unicodedata.normalize("NFKD", str(text).replace("ß", "ss")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def slug(text: str) -> str:
    """An id-safe slug: 'Frankfurt (Oder)' -> 'frankfurt-oder'."""
    return fold(text).replace(" ", "-")


def markdown_literal(text: str) -> str:
    """Text that Streamlit's Markdown (headings, labels, captions, toasts) prints as is: every ASCII punctuation
    mark backslash-escaped, so links, images, colours, icons and maths from data or a link are not rendered."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", str(text))
