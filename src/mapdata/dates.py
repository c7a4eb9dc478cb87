"""Partial ISO 8601 dates (`2019`, `2019-06`, `2019-06-14`) kept at the precision the source gives."""
from __future__ import annotations

import calendar
import re
from datetime import date

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FORMAT_HINT = "2019, 2019-06 or 2019-06-14"


def parse_partial(text: str) -> tuple[date, date] | None:
    """The first and last day a partial date can mean, or None when it is not a valid partial date."""
    match = _PARTIAL.match(text.strip()) if isinstance(text, str) else None
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day:
            exact = date(year, month, day)
            return exact, exact
        if month:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def is_partial_date(text: str) -> bool:
    """True for a valid partial ISO date."""
    return parse_partial(text) is not None


def first_day(text: str) -> date | None:
    """Earliest day a partial date can mean: the day from which the timeline shows the fact."""
    bounds = parse_partial(text)
    return bounds[0] if bounds else None


def last_day(text: str) -> date | None:
    """Latest day a partial date can mean."""
    bounds = parse_partial(text)
    return bounds[1] if bounds else None


def display(text: str) -> str:
    """A date for people: the partial date as given, or 'date unknown'."""
    return text if is_partial_date(text) else "date unknown"


def display_with_bound(text: str, known_by: str, what: str = "source") -> str:
    """A fact's date as a reader sees it: '2019-06-14', or 'date unknown · listed by 2015 (date of the source)'
    when only a bound is known (a bound is never shown as the decision date)."""
    if text or not known_by:
        return display(text)
    return f"date unknown · listed by {known_by} (date of the {what})"
