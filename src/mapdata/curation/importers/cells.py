"""Small helpers that read a list's cells: dates, URLs, countries, quotes, place names."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pycountry

from mapdata.curation.importers.places import _ADMIN1, _CH_CANTONS, _CONSOLIDATED, _PLACES, _RENAMES
from mapdata.curation.importers.sources import (
    _LIST_HOSTS,
    _MONTH,
    _MONTHS,
    _PRESS_HOSTS,
    _QUOTE,
    _STATED_DATES,
    _UNVERIFIED,
)

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
_STOPWORDS = frozenset(
    "a an and the of in on to for by at de la le les des du en et y el los las und der die das den dem von "
    "zu zum zur mit im am ist sein".split()
)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text.translate(_TRANSLIT)).encode("ascii", "ignore").decode()


def _fold(text: str) -> str:
    """Accent- and case-insensitive form of a name, for matching."""
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()))


def _host(url: str) -> str:
    host = urlsplit(url).netloc.lower().removeprefix("www.")
    return host.encode().decode("idna") if host.startswith("xn--") else host


def _source_kind(url: str) -> str:
    host = _host(url)
    if host in _PRESS_HOSTS:
        return "press"
    if host in _LIST_HOSTS:
        return "list"
    return "web_page"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _ascii(text).lower())


def _source_slug(url: str, title: str, date: str) -> str:
    """Readable id: host, up to three title words, year (e.g. nds-fluerat-sichere-haefen-niedersachsen-2022)."""
    host = _words(_host(url).rsplit(".", 1)[0])
    text = re.sub(r"\(.*?\)|\[.*?\]", " ", title.split(":", 1)[1] if ":" in title else title)
    words = [w for w in _words(text) if w not in _STOPWORDS and w not in host and not w.isdigit()][:3]
    return "-".join(host + words + ([date[:4]] if date else []))


def _unique(slug: str, url: str, taken: set[str]) -> str:
    """`slug`, else slug + last URL path segment, else slug + a number."""
    last = _words(Path(urlsplit(url).path).stem)[-2:]
    candidates = [slug, "-".join([slug, *last])] + [f"{slug}-{n}" for n in range(2, 100)]
    candidate = next(c for c in candidates if c not in taken)
    taken.add(candidate)
    return candidate


def _publisher(title: str) -> str:
    if ":" not in title:
        return ""
    return re.sub(r"\s*\(.*?\)", "", title.split(":", 1)[0]).strip()


def _iso(year: str, month: int | str | None = None, day: str | None = None) -> str:
    """ISO date at the precision given, or '' when the parts are not a plausible date."""
    y = int(year)
    m = int(month) if month else 0
    d = int(day) if day else 0
    if not 1900 <= y <= 2100 or not 0 <= m <= 12 or not 0 <= d <= 31 or (d and not m):
        return ""
    return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if d else "")


def _url_date(url: str) -> str:
    """Publication date in a URL path (/2020/11/23/, /2018/3/26/, /2010/nov/12/, /20200416/, /2019-11-21-...,
    /2019-04-17_...), at its precision: the site's own statement of the page's date."""
    path = urlsplit(url).path
    for pattern in (r"/(\d{4})/(\d{1,2})/(\d{1,2})(?:/|$)", r"/(\d{4})(\d{2})(\d{2})(?:/|$)",
                    r"/(\d{4})-(\d{2})-(\d{2})[-/_]", r"/(\d{4})/(\d{2})(?:/|$)"):
        match = re.search(pattern, path)
        if match and (date := _iso(*match.groups())):
            return date
    match = re.search(r"/(\d{4})/([a-z]{3})/(\d{1,2})(?:/|$)", path)
    if match and match[2] in _MONTHS and (date := _iso(match[1], _MONTHS[match[2]], match[3])):
        return date
    return ""


def _stated_date(url: str, title: str = "") -> str:
    """The date a held file gives a page: one stated for it (`_STATED_DATES`), else its URL's, else its title's."""
    return _STATED_DATES.get(url, ("",))[0] or _url_date(url) or _title_date(title)


def _title_date(title: str) -> str:
    """Date printed in a source title (ISO, 19.04.2021, 23. November 2020, Feb 27, 2014, [März 2022], (2019))."""
    text = title.lower()
    match = re.search(r"(?<!\d)(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)", text)
    if match:
        return _iso(*match.groups())
    if match := re.search(r"(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)", text):
        return _iso(match[3], match[2], match[1])
    if match := re.search(rf"(?<!\d)(\d{{1,2}})\.? {_MONTH} (\d{{4}})", text):
        return _iso(match[3], _MONTHS[match[2]], match[1])
    if match := re.search(rf"\b{_MONTH} (\d{{1,2}}),? (\d{{4}})", text):
        return _iso(match[3], _MONTHS[match[1]], match[2])
    if match := re.search(rf"\b{_MONTH} (\d{{4}})", text):
        return _iso(match[2], _MONTHS[match[1]])
    if match := re.search(r"[(,] ?(\d{4})\)", text):
        return _iso(match[1])
    return ""


def _urls(text: str) -> list[str]:
    return re.findall(r"https?://[^\s;()]+", text)


def _country(code: str) -> str:
    """ISO alpha-2 code, validated (UK -> GB)."""
    code = {"UK": "GB"}.get(code.strip().upper(), code.strip().upper())
    if pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"not an ISO 3166-1 alpha-2 code: {code!r}")
    return code


def _us_state(abbreviation: str) -> str:
    return pycountry.subdivisions.get(code=f"US-{abbreviation}").name


def _admin1(country: str, area: str) -> str:
    return _CH_CANTONS.get(area, area) if country == "CH" else area


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _also(urls: list[str], prefix: str = "also") -> str:
    return f"{prefix}: {' '.join(urls)}" if urls else ""


def _quote(note: str) -> str:
    match = _QUOTE.search(note)
    return match.group(1) if match and len(match.group(1).split()) >= 3 else ""


def _status(note: str, reason: str = "", flags: re.Pattern = _UNVERIFIED,
            flagged: str = "the candidate file flags this row") -> tuple[str, str]:
    """('verified'|'unverified', why) from the file's own flags (`flags` in the note) and an extra reason."""
    if reason:
        return "unverified", f"unverified: {reason}"
    match = flags.search(note)
    if match:
        return "unverified", f"unverified: {flagged} ('{match.group(0)}')"
    return "verified", ""


def _german_place(name: str) -> str:
    """German list spellings: 'X (Landkreis)' -> 'Landkreis X', 'SG X' -> 'Samtgemeinde X', 'Gemeinde X' -> 'X'."""
    if match := re.fullmatch(r"(.+) \(Landkreis\)", name):
        return f"Landkreis {match[1]}"
    if name.startswith("SG "):
        return "Samtgemeinde " + name[3:]
    return name.removeprefix("Gemeinde ")


def _place(country: str, name: str, admin1: str = "") -> tuple[str, str, str, str]:
    """(place, admin1, kind, note) for a name as printed in a candidate file."""
    place = _RENAMES.get((country, name)) or _CONSOLIDATED.get((country, name)) or name
    kind = _PLACES.get((country, place), ("",))[0]
    if not kind and country == "US" and place.endswith(" County"):
        kind = "county"
    notes = [f"name as given: '{name}'" if place != name else ""]
    if not admin1 and (country, place) in _ADMIN1:
        admin1 = _ADMIN1[(country, place)]
        notes.append(f"admin1 {admin1} added to tell homonyms apart")
    return place, admin1, kind, _join(*notes)
