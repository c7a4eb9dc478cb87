"""Counts and lists in words, once: "1 place", "1,234 places", "Berlin, Potsdam and 4 more"."""
from __future__ import annotations

from collections.abc import Iterable


def counted(n: int, word: str, plural: str | None = None) -> str:
    """'1 place', '1,234 places'."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"


def name_list(names: Iterable[str], limit: int = 5) -> str:
    """'Berlin, Potsdam, Kiel and 4 more': the first few names of a list."""
    names = list(names)
    if len(names) <= limit:
        return ", ".join(names)
    return f"{', '.join(names[:limit])} and {len(names) - limit} more"
