"""Text helpers shared by the core: folding names for matching, slugs for ids."""
from __future__ import annotations

import re
import unicodedata

# Latin letters that Unicode does not decompose into a base letter and a mark (NFKD leaves 'ø', 'ł', 'æ' whole,
# and an ASCII fold would drop them: 'Tromsø' -> 'troms', 'Łódź' -> 'odz'): written as their usual
# transliteration. Letters 'WITH' a stroke, bar or hook not listed here fall back to their base letter.
_LETTERS = {
    "æ": "ae", "Æ": "AE", "ǽ": "ae", "Ǽ": "AE", "ǣ": "ae", "Ǣ": "AE", "œ": "oe", "Œ": "OE",
    "ø": "o", "Ø": "O", "ǿ": "o", "Ǿ": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "TH", "ß": "ss", "ẞ": "SS", "ħ": "h", "Ħ": "H", "ı": "i", "ŋ": "ng", "Ŋ": "NG",
    "ŧ": "t", "Ŧ": "T", "ĸ": "k", "ſ": "s",
}
_WITH = re.compile(r"^LATIN (?:SMALL|CAPITAL) LETTER ([A-Z]) WITH ")


class _Transliteration(dict):
    """A `str.translate` table: the letters above, and the base letter of any other Latin letter 'WITH' a stroke,
    bar or hook that has no decomposition (looked up once per character, then kept)."""

    def __missing__(self, code: int) -> str | int:
        char = chr(code)
        match = None if unicodedata.decomposition(char) else _WITH.match(unicodedata.name(char, ""))
        self[code] = value = match[1].lower() if match else code
        return value


_TABLE = _Transliteration({ord(k): v for k, v in _LETTERS.items()})


def fold(text: str) -> str:
    """Lower-case, without diacritics and punctuation: 'Zürich' -> 'zurich', 'Frankfurt (Oder)' -> 'frankfurt oder';
    letters Unicode keeps whole are transliterated: 'Tromsø' -> 'tromso', 'Łódź' -> 'lodz', 'Gießen' -> 'giessen'."""
    text = str(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_TABLE)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def slug(text: str) -> str:
    """An id-safe slug: 'Frankfurt (Oder)' -> 'frankfurt-oder', 'Tromsø' -> 'tromso', 'Færder' -> 'faerder'."""
    return fold(text).replace(" ", "-")


def markdown_literal(text: str) -> str:
    """Text that Streamlit's Markdown (headings, labels, captions, toasts) prints as is: every ASCII punctuation
    mark backslash-escaped, so links, images, colours, icons and maths from data or a link are not rendered."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", str(text))
