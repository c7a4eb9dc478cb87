"""Source rows the importers cite: titles, publishers and dates the lists' URLs stand for."""
from __future__ import annotations

import re

ETMUN_FILE = "etmun_eccar_eurocities_clip_members.csv"
KEVINNBASS_FILE = "us_sanctuary_jurisdictions_kevinnbass.json"

_PRESS_HOSTS = frozenset({
    "diepresse.com", "zackzack.at", "nachrichten.at", "salzburg.orf.at", "noen.at", "potentnews.com",
    "no-racism.net", "hamiltonnews.com", "thestar.co.uk", "nieuws.nl", "omropfryslan.nl", "lavanguardia.com",
    "ebuenasnoticias.com", "rp-online.de", "neues-deutschland.de", "otz.de", "ostsee-zeitung.de", "tlz.de",
    "infranken.de", "leinehertz.net", "radiokw.de", "radioq.de", "muensterlandzeitung.de", "br.de",
    "kn-online.de", "schwaebische.de", "rf-news.de", "humanrightseurope.org", "puntogrecia.gr",
    "bloiscapitale.com", "lepolitique.net", "daytonlocal.com", "tennesseestar.com", "kut.org",
    "filiz-polat.de",
})
_LIST_HOSTS = frozenset({
    "nds-fluerat.org", "frnrw.de", "la.cityofsanctuary.org", "iash-eu.org", "ak-asyl-vaihingen.info",
    "justice.gov",
})
_LEGAL_WORDS = re.compile(r"\b(Act|Code|Statutes?|Law|Ordinance|Order|Directive|SB|HB|LB|LD|ORS|ruling|v\.)\b")
_SEED_TITLES = {
    "https://iash-eu.org/who-we-are/": "International Alliance of Safe Harbours: Who we are (member list)",
    "https://www.anvita.fr/qui-sommes-nous": "ANVITA: Qui sommes-nous ?",
    "https://staedte-sicherer-haefen.de": "Bündnis Städte Sicherer Häfen (homepage)",
    "https://justice.gov/ag/us-sanctuary-jurisdiction-list-following-executive-order-14287-protecting-american-communities":
        "U.S. Department of Justice: U.S. Sanctuary Jurisdiction List Following Executive Order 14287, "
        "Protecting American Communities",
    "https://www.daytonlocal.com/news/community/dayton-is-americas-first-certified-welcoming-city/":
        "Dayton Local: Dayton is America's first Certified Welcoming city",
    "https://www.welcomingamerica.org/news/salt-lake-county-and-louisville-metro-government-announced-certified-welcoming":
        "Welcoming America: Salt Lake County and Louisville Metro Government announced Certified Welcoming",
    "https://certifiedwelcoming.org/blog/page/2/": "Certified Welcoming: blog (page 2)",
    "https://welcomingamerica.org/news/author/welcoming-america/page/9": "Welcoming America: news archive (page 9)",
    "https://tennesseestar.com/tag/dayton": "The Tennessee Star: articles tagged 'Dayton'",
    "https://welcomingamerica.org/news/topic/welcoming-standard/page/2":
        "Welcoming America: news on the Welcoming Standard (page 2)",
}
_GITHUB_SOURCES = {
    ETMUN_FILE: dict(
        source_id="github-pgourdongeo-etmun-members",
        title="MembersETMUNGeocode.csv – ETMUN network members, geocoded (row subset: ECCAR, Eurocities, CLIP); "
              "pgourdongeo/Chap3_LocationalAnalysis ETMUN/DataSource/MembersETMUNGeocode.csv @ f48bc29",
        author="pgourdongeo", publisher="GitHub", date="",
        url="https://github.com/pgourdongeo/Chap3_LocationalAnalysis/blob/f48bc2919f1c08254c0892cfb8432c2cb12022db"
            "/ETMUN/DataSource/MembersETMUNGeocode.csv",
        kind="dataset", licence="none stated (no licence file; README cites UIA Yearbook 2015 and network websites)",
    ),
    KEVINNBASS_FILE: dict(
        source_id="github-kevinnbass-sanctuary-jurisdictions",
        title="sanctuary_jurisdictions.json – US sanctuary jurisdiction reference data; "
              "kevinnbass/ice_violent_confrontations data/reference/sanctuary_jurisdictions.json @ ba16ce4",
        author="kevinnbass", publisher="GitHub", date="",
        url="https://github.com/kevinnbass/ice_violent_confrontations/blob/ba16ce45fb734bcf320ce5d2858d2b71a87ffc6c"
            "/data/reference/sanctuary_jurisdictions.json",
        kind="dataset", licence="none stated (no licence file; README: 'Data compiled from public sources')",
    ),
}
_MONTHS = {
    name: number for number, names in enumerate([
        ("january", "januar", "jan"), ("february", "februar", "feb"), ("march", "märz", "mar"),
        ("april", "apr"), ("may", "mai"), ("june", "juni", "jun"), ("july", "juli", "jul"), ("august", "aug"),
        ("september", "sept", "sep"), ("october", "oktober", "oct", "okt"), ("november", "nov"),
        ("december", "dezember", "dec", "dez"),
    ], start=1) for name in names
}
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_UNVERIFIED = re.compile(
    r"verify|low-quality|inferred|status uncertain|inconsisten\w*|contested|disambiguate|ambiguous city vs district",
    re.I,
)
_QUOTE = re.compile(r"(?:^|(?:^|[;(]\s*)(?:page|quote|quoted postulate): )'(.+?)'(?=\s*(?:[;,)(–]|$))")
