"""Which column is which (`guess_mapping`) and each cell normalised: dates, countries, labels, kinds, numbers."""
from __future__ import annotations

import difflib
from datetime import date, datetime, timedelta

import pycountry

from mapdata.dates import FORMAT_HINT, is_partial_date
from mapdata.paths import DATA_DIR
from mapdata.text import fold
from mapdata.upload.read import _EXCEL_EPOCH

# target -> (label, help); the template's columns, in order
TARGETS = {
    "place": ("Place name", "Required: the town, city or region, in local spelling if you can"),
    "country": ("Country", "Name or ISO code: Germany, Deutschland, DE, DEU"),
    "admin1": ("State or region", "Tells homonyms apart: two Bergens, four Springfields"),
    "kind": ("Kind of place",
             "municipality (default), district, county, region, state, metropolitan_area, island, collective"),
    "lat": ("Latitude", "Decimal degrees (52.52 or 52,52); empty: the place is found by name"),
    "lon": ("Longitude", "Decimal degrees; give both or neither"),
    "date": ("Date", f"Of the decision or start, at the precision you know: {FORMAT_HINT}; Excel dates work"),
    "end": ("End date", "When a membership or policy ended"),
    "network_or_label": ("Network or declaration label",
                         "A network (its name or id: ICORN, Eurocities) or a label (Safe Harbour, Sanctuary City...)"),
    "policy": ("Policy type", "health_care, housing, Municipal ID... (see the atlas' policy types)"),
    "title": ("Title", "Of the policy or declaration; a policy without one is titled by its type"),
    "outcome": ("Outcome", "adopted (default), proposed, rejected, revoked; absent for a documented gap"),
    "status": ("Status", "verified or unverified (default): verified means you hold a document stating it"),
    "source": ("Source", "A URL, a title or a source id of the atlas; required for every network, label or policy"),
    "quote": ("Quote", "A short verbatim quote from the source"),
    "note": ("Note", "Anything else"),
}
TEMPLATE = DATA_DIR / "templates" / "your_data_template.csv"
_SYNONYMS = {  # folded column names, comma-separated
    "place": "place, city, town, name, municipality, jurisdiction, locality, place name, city name, gemeinde, "
             "stadt, ort, kommune, ville, commune, ciudad, municipio, comune, citta, gemeente, miasto",
    "country": "country, country code, countrycode, iso, iso2, land, staat, pays, pais, paese, nation",
    "admin1": "admin1, state, region, province, bundesland, provinz, provincia, canton, kanton, state province",
    "kind": "kind, place kind, place type, type of place",
    "lat": "lat, latitude, y, breite, breitengrad, geometry lat",
    "lon": "lon, lng, long, longitude, x, laenge, lange, laengengrad, geometry lon",
    "date": "date, start, start date, since, year, datum, jahr, decision date, date adopted, adopted, declared, "
            "fecha, data, beschluss, beschlussdatum",
    "end": "end, end date, until, bis, ende",
    "network_or_label": "network or label, network, label, declaration, netzwerk oder label, netzwerk, bundnis, "
                        "erklarung, list, liste, membership, campaign",
    "policy": "policy, policy type, massnahme, politik",
    "title": "title, titel",
    "outcome": "outcome, result, ergebnis",
    "status": "status, verified",
    "source": "source, sources, source url, url, link, quelle, fuente, fonte, reference, ref, evidence",
    "quote": "quote, zitat",
    "note": "note, notes, comment, comments, remark, remarks, bemerkung, anmerkung, notiz",
}
_LABEL_SYNONYMS = {"safe harbor": "Safe Harbour", "sicherer hafen": "Safe Harbour", "sichere hafen": "Safe Harbour",
                   "solidarische stadt": "Solidarity City", "ciudad refugio": "City of Refuge",
                   "ville refuge": "City of Refuge", "welcoming": "Welcoming City"}
_COUNTRY_ALIASES = {"uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB",
                    "wales": "GB", "northern ireland": "GB", "usa": "US", "u s a": "US", "america": "US",
                    "deutschland": "DE", "germany": "DE", "osterreich": "AT", "oesterreich": "AT", "schweiz": "CH",
                    "suisse": "CH", "svizzera": "CH", "nederland": "NL", "holland": "NL", "belgie": "BE",
                    "belgique": "BE", "espana": "ES", "italia": "IT", "polska": "PL", "cesko": "CZ",
                    "czech republic": "CZ", "danmark": "DK", "sverige": "SE", "norge": "NO", "suomi": "FI",
                    "eire": "IE", "hellas": "GR", "brasil": "BR", "turkey": "TR", "russia": "RU", "portugal": "PT"}
_KIND_SYNONYMS = {"city": "municipality", "town": "municipality", "village": "municipality",
                  "gemeinde": "municipality", "stadt": "municipality", "metropolitan area": "metropolitan_area"}
def guess_mapping(columns: list[str]) -> dict[str, str]:
    """target -> column, guessed from the column names (in several languages); each column used once."""
    mapping: dict[str, str] = {}
    for target, words in _SYNONYMS.items():
        names = {fold(target), *(w.strip() for w in words.split(","))}
        hit = next((c for c in columns if fold(c) in names and c not in mapping.values()), None)
        if hit:
            mapping[target] = hit
    if "place" not in mapping and columns:
        mapping["place"] = next((c for c in columns if c not in mapping.values()), columns[0])
    return mapping



def normalise_date(value: str) -> tuple[str, str]:
    """(ISO partial date, "") or (value, reason). Day and month are never swapped by guess."""
    v = value.strip()
    if not v or is_partial_date(v):
        return v, ""
    if len(v) > 10 and is_partial_date(v[:10]) and v[10] in " T":
        return v[:10], ""  # a datetime: its day
    number = v[:-2] if v.endswith(".0") else v
    if number.isdigit() and len(number) == 5:  # an Excel serial day (10000 = 1927, 80000 = 2119)
        return (_EXCEL_EPOCH + timedelta(days=int(number))).isoformat(), ""
    parts = v.replace("/", ".").replace("-", ".").split(".")
    if all(p.isdigit() for p in parts) and len(parts) in (2, 3):
        if len(parts[0]) == 4:  # 2019/06/14, 2019.06
            iso = "-".join([parts[0], *(p.zfill(2) for p in parts[1:])])
        elif len(parts[-1]) != 4:
            return v, f"'{value}' has a two-digit year or an unknown order: write it as {FORMAT_HINT}"
        elif len(parts) == 2:  # 06/2019
            iso = f"{parts[1]}-{parts[0].zfill(2)}"
        else:
            a, b, year = int(parts[0]), int(parts[1]), parts[2]
            if "." in v or a > 12 or a == b:  # dots are day-first; a day over 12 cannot be a month
                day, month = a, b
            elif b > 12:
                day, month = b, a
            else:
                return v, (f"'{value}' could be {a} {_month(b)} or {b} {_month(a)}: write it as "
                           f"{year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d}")
            iso = f"{year}-{month:02d}-{day:02d}"
        return (iso, "") if is_partial_date(iso) else (v, f"'{value}' is not a calendar date")
    for fmt, out in (("%B %Y", "%Y-%m"), ("%b %Y", "%Y-%m"), ("%d %B %Y", "%Y-%m-%d"), ("%d %b %Y", "%Y-%m-%d"),
                     ("%B %d, %Y", "%Y-%m-%d"), ("%b %d, %Y", "%Y-%m-%d")):
        try:
            return datetime.strptime(v, fmt).strftime(out), ""
        except ValueError:
            continue
    return v, f"should look like {FORMAT_HINT}, got '{value}'"


def _month(n: int) -> str:
    return date(2000, n, 1).strftime("%B") if 1 <= n <= 12 else str(n)


def _country_index() -> dict[str, str]:
    index = dict(_COUNTRY_ALIASES)
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""), c.alpha_3):
            if name:
                index.setdefault(fold(name), c.alpha_2)
    return index


def _country_names() -> list[str]:
    """Country names for suggestions ('Germny' -> 'Germany')."""
    return sorted({getattr(c, "common_name", c.name) for c in pycountry.countries})


def country_code(value: str) -> str | None:
    """ISO alpha-2 of a country name or code ('Deutschland', 'DEU', 'de' -> 'DE'), None when unknown."""
    key = fold(value)
    if len(key) == 2 and pycountry.countries.get(alpha_2=key.upper()):
        return key.upper()
    return _COUNTRIES.get(key)


_COUNTRIES = _country_index()


def _number(value: str) -> str:
    """A coordinate as written, with a decimal comma read as a point ('52,52' -> '52.52')."""
    v = value.strip().replace("\u2212", "-")
    return v.replace(",", ".") if v.count(",") == 1 and "." not in v else v


def _suggest(value: str, known: list[str]) -> str:
    close = difflib.get_close_matches(fold(value), [fold(k) for k in known], n=1, cutoff=0.75)
    return next((f" (did you mean '{k}'?)" for k in known if close and fold(k) == close[0]), "")
